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
}  # fmt: skip


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
