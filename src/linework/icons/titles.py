"""What a library icon is called: its title, made from its name.

The build titles every palette entry with :func:`title_of` (tools/icon_libraries.py)
and the outline names an unlabelled icon shape by the same title, read from the
``icon`` prop the shape keeps, so an icon is called the same in the palette and
in the outline, in older files too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

_ACRONYMS: Final = {
    "aws": "AWS", "api": "API", "ec2": "EC2", "ecs": "ECS", "eks": "EKS",
    "elb": "ELB", "iam": "IAM", "kms": "KMS", "mq": "MQ", "msk": "MSK",
    "rds": "RDS", "s3": "S3", "ses": "SES", "sns": "SNS", "sqs": "SQS",
    "vpc": "VPC", "waf": "WAF", "cpu": "CPU", "cctv": "CCTV", "tv": "TV",
    "ai": "AI", "id": "ID", "ui": "UI", "sql": "SQL", "dns": "DNS",
    "gcp": "GCP", "gke": "GKE", "cdn": "CDN", "db": "DB", "ups": "UPS",
    # Product names as their makers write them.
    "bigquery": "BigQuery", "dynamodb": "DynamoDB", "documentdb": "DocumentDB",
    "cloudfront": "CloudFront", "cloudwatch": "CloudWatch",
    "cloudformation": "CloudFormation", "cloudtrail": "CloudTrail",
    "cloudsearch": "CloudSearch", "codebuild": "CodeBuild",
    "codecommit": "CodeCommit", "codedeploy": "CodeDeploy",
    "codepipeline": "CodePipeline", "codestar": "CodeStar",
    "elasticache": "ElastiCache", "eventbridge": "EventBridge",
    "appsync": "AppSync", "appflow": "AppFlow", "opsworks": "OpsWorks",
    "quicksight": "QuickSight", "mobilehub": "Mobile Hub",
    "route53": "Route 53", "xray": "X-Ray",
}  # fmt: skip

#: Libraries whose icons are placed with their name below them, as draw.io's
#: cloud and network icons are; brand logos and generic glyphs (``logos``,
#: ``tabler``) are placed bare, as a logo or a glyph rarely wants a caption.
LABELLED_LIBRARIES: Final = frozenset({"network", "aws", "azure", "gcp", "kubernetes"})
#: The provider's prefix a label leaves out ("Lambda" under the AWS Lambda
#: icon, as draw.io writes it), per library.
_PREFIXES: Final = {
    "aws": ("aws-",),
    "azure": ("azure-",),
    "gcp": ("gcp-", "google-"),
    "kubernetes": ("k8s-",),
}
#: Icons that are the provider's own mark: labelled with the provider's name.
_MARKS: Final = {
    "azure-icon": "Azure",
    "azure-brand": "Azure",
    "google-cloud": "Google Cloud",
    "google-cloud-platform": "Google Cloud Platform",
}


def title_of(name: str) -> str:
    """Return an icon name as a title.

    >>> title_of("aws-api-gateway")
    'AWS API Gateway'
    """
    return " ".join(_ACRONYMS.get(w, w.capitalize()) for w in name.split("-") if w)


def icon_title(props: Mapping[str, Any]) -> str:
    """Return the title of the library icon an icon shape draws ("" if none).

    >>> icon_title({"library": "aws", "icon": "aws-s3"})
    'AWS S3'
    """
    name = props.get("icon")
    return title_of(name) if isinstance(name, str) else ""


def icon_label(library: str, name: str) -> str:
    """Return the label an icon placed from the palette gets ("" for none).

    >>> icon_label("aws", "aws-lambda"), icon_label("logos", "github")
    ('Lambda', '')
    """
    if library not in LABELLED_LIBRARIES:
        return ""
    if name in _MARKS:
        return _MARKS[name]
    for prefix in _PREFIXES.get(library, ()):
        if name.startswith(prefix) and len(name) > len(prefix):
            return title_of(name[len(prefix) :])
    return title_of(name)
