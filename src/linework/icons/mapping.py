"""Which library icon stands for a draw.io or Gliffy stencil.

draw.io names its icons ``mxgraph.<family>.<name>`` (``shape=`` in the style;
AWS resource tiles name theirs in ``resIcon=``/``prIcon=``) or as clip-art
pictures ``img/lib/<folder>/<Name>_128x128.png``; Gliffy by uids such as
``com.gliffy.shape.network.network_v3.business.router``. A stencil maps to an
icon when the exact table below has it, else when its last word names a
generic device (router, server, laptop…). Stencils of the icon families that
map to nothing become labelled placeholders (see ``is_icon_family``).

Targets are ``"<library>/<icon>"`` keys of the libraries the build generates
(tools/icon_libraries.py); the build fails if one is missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

#: Exact stencils (lower case, ``_`` and spaces as ``-``), by family-free name
#: for the AWS families, whose three generations name services alike.
_AWS: Final[Mapping[str, str]] = {
    "lambda": "aws/aws-lambda",
    "lambda-function": "aws/aws-lambda",
    "s3": "aws/aws-s3",
    "simple-storage-service": "aws/aws-s3",
    "bucket": "aws/aws-s3",
    "ec2": "aws/aws-ec2",
    "instance": "aws/aws-ec2",
    "instances": "aws/aws-ec2",
    "dynamodb": "aws/aws-dynamodb",
    "dynamo-db": "aws/aws-dynamodb",
    "api-gateway": "aws/aws-api-gateway",
    "cognito": "aws/aws-cognito",
    "cloudfront": "aws/aws-cloudfront",
    "rds": "aws/aws-rds",
    "rdsmaster": "aws/aws-rds",
    "rdsslave": "aws/aws-rds",
    "rds-master": "aws/aws-rds",
    "rds-slave": "aws/aws-rds",
    "aurora": "aws/aws-aurora",
    "glacier": "aws/aws-glacier",
    "redshift": "aws/aws-redshift",
    "elastic-load-balancing": "aws/aws-elb",
    "elasticloadbalancing": "aws/aws-elb",
    "application-load-balancer": "aws/aws-elb",
    "network-load-balancer": "aws/aws-elb",
    "classic-load-balancer": "aws/aws-elb",
    "elb": "aws/aws-elb",
    "sns": "aws/aws-sns",
    "simple-notification-service": "aws/aws-sns",
    "sqs": "aws/aws-sqs",
    "simple-queue-service": "aws/aws-sqs",
    "route-53": "aws/aws-route53",
    "route53": "aws/aws-route53",
    "vpc": "aws/aws-vpc",
    "virtual-private-cloud": "aws/aws-vpc",
    "iam": "aws/aws-iam",
    "identity-and-access-management": "aws/aws-iam",
    "kinesis": "aws/aws-kinesis",
    "cloudwatch": "aws/aws-cloudwatch",
    "cloudwatch-2": "aws/aws-cloudwatch",
    "ecs": "aws/aws-ecs",
    "ecs-service": "aws/aws-ecs",
    "elastic-container-service": "aws/aws-ecs",
    "eks": "aws/aws-eks",
    "elastic-kubernetes-service": "aws/aws-eks",
    "fargate": "aws/aws-fargate",
    "elastic-beanstalk": "aws/aws-elastic-beanstalk",
    "elasticbeanstalk": "aws/aws-elastic-beanstalk",
    "elasticache": "aws/aws-elasticache",
    "step-functions": "aws/aws-step-functions",
    "workflowservice": "aws/aws-step-functions",
    "athena": "aws/aws-athena",
    "glue": "aws/aws-glue",
    "kms": "aws/aws-kms",
    "key-management-service": "aws/aws-kms",
    "waf": "aws/aws-waf",
    "shield": "aws/aws-shield",
    "cloudformation": "aws/aws-cloudformation",
    "cloudtrail": "aws/aws-cloudtrail",
    "codepipeline": "aws/aws-codepipeline",
    "codebuild": "aws/aws-codebuild",
    "codecommit": "aws/aws-codecommit",
    "codedeploy": "aws/aws-codedeploy",
    "secrets-manager": "aws/aws-secrets-manager",
    "eventbridge": "aws/aws-eventbridge",
    "ses": "aws/aws-ses",
    "simple-email-service": "aws/aws-ses",
    "email-service": "aws/aws-ses",
    "amplify": "aws/aws-amplify",
    "appsync": "aws/aws-appsync",
    "systems-manager": "aws/aws-systems-manager",
    "x-ray": "aws/aws-xray",
    "xray": "aws/aws-xray",
    "lightsail": "aws/aws-lightsail",
    "batch": "aws/aws-batch",
    "documentdb": "aws/aws-documentdb",
    "neptune": "aws/aws-neptune",
    "quicksight": "aws/aws-quicksight",
    "simpledb": "aws/aws-generic-database",
    "simpledb2": "aws/aws-generic-database",
    "database": "aws/aws-generic-database",
    "application-server": "aws/aws-generic-server",
    "application2": "aws/aws-generic-server",
    "application": "aws/aws-generic-server",
    "dataserver": "aws/aws-generic-server",
    "server": "aws/aws-generic-server",
    "traditional-server": "aws/aws-generic-server",
    "users": "aws/aws-users",
    "user": "aws/aws-users",
    "mobile": "aws/aws-mobile",
    "mobile-client": "aws/aws-mobile",
    "client": "aws/aws-client",
    "internet": "aws/aws-internet",
    "internet-alt1": "aws/aws-internet",
    "internet-alt2": "aws/aws-internet",
    "internet-gateway": "network/router",
    "internetgateway": "network/router",
    "customergateway": "network/router",
    "customer-gateway": "network/router",
    "vpn-gateway": "network/router",
    "nat-gateway": "network/router",
    "secureconnection": "network/lock",
    "elastic-ip-address": "network/internet",
    "datacenter": "network/warehouse",
    "corporate-data-center": "network/warehouse",
    "snapshot": "network/storage",
}

_FAMILIES: Final[Mapping[str, Mapping[str, str]]] = {
    "aws4": _AWS,
    "aws3": _AWS,
    "aws3d": _AWS,
    "aws2": _AWS,
    "azure": {
        "azure": "azure/azure",
        "virtual-machine": "azure/azure-virtual-machine",
        "vm": "azure/azure-virtual-machine",
        "function-apps": "azure/azure-functions",
        "functions": "azure/azure-functions",
        "azure-functions": "azure/azure-functions",
        "app-service": "azure/azure-app-service",
        "app-services": "azure/azure-app-service",
        "web-app": "azure/azure-app-service",
        "storage": "azure/azure-storage",
        "storage-blob": "azure/azure-storage",
        "storage-accounts": "azure/azure-storage",
        "sql-database": "azure/azure-sql-database",
        "sql-databases": "azure/azure-sql-database",
        "cosmos-db": "azure/azure-cosmos-db",
        "azure-cosmos-db": "azure/azure-cosmos-db",
        "virtual-network": "azure/azure-virtual-network",
        "virtual-networks": "azure/azure-virtual-network",
        "load-balancer": "azure/azure-load-balancer",
        "load-balancers": "azure/azure-load-balancer",
        "firewall": "azure/azure-firewall",
        "key-vault": "azure/azure-key-vault",
        "key-vaults": "azure/azure-key-vault",
        "azure-active-directory": "azure/azure-active-directory",
        "active-directory": "azure/azure-active-directory",
        "monitor": "azure/azure-monitor",
        "kubernetes-services": "azure/azure-kubernetes-service",
        "container-registries": "azure/azure-container-registry",
        "api-management-services": "azure/azure-api-management",
        "service-bus": "azure/azure-service-bus",
        "dns-zones": "azure/azure-dns",
        "cdn-profiles": "azure/azure-cdn",
        "data-factory": "azure/azure-data-factory",
        "data-factories": "azure/azure-data-factory",
    },
    "gcp2": {
        "compute-engine": "gcp/gcp-compute-engine",
        "cloud-storage": "gcp/gcp-cloud-storage",
        "cloud-sql": "gcp/gcp-cloud-sql",
        "bigquery": "gcp/gcp-bigquery",
        "kubernetes-engine": "gcp/gcp-gke",
        "container-engine": "gcp/gcp-gke",
        "cloud-pubsub": "gcp/gcp-pub-sub",
        "pubsub": "gcp/gcp-pub-sub",
        "cloud-load-balancing": "gcp/gcp-load-balancing",
        "virtual-private-cloud": "gcp/gcp-vpc",
        "cloud-iam": "gcp/gcp-iam",
        "cloud-dns": "gcp/gcp-cloud-dns",
        "cloud-functions": "gcp/google-cloud-functions",
        "cloud-run": "gcp/google-cloud-run",
        "google-cloud-platform": "gcp/google-cloud-platform",
    },
    "kubernetes": {
        "pod": "kubernetes/k8s-pod",
        "node": "kubernetes/k8s-node",
        "master": "kubernetes/k8s-control-plane",
        "control-plane": "kubernetes/k8s-control-plane",
        "deploy": "kubernetes/k8s-deployment",
        "deployment": "kubernetes/k8s-deployment",
        "rs": "kubernetes/k8s-replica-set",
        "svc": "kubernetes/k8s-service",
        "service": "kubernetes/k8s-service",
        "ing": "kubernetes/k8s-ingress",
        "ingress": "kubernetes/k8s-ingress",
        "ns": "kubernetes/k8s-namespace",
        "cm": "kubernetes/k8s-config-map",
        "secret": "kubernetes/k8s-secret",
        "pv": "kubernetes/k8s-volume",
        "pvc": "kubernetes/k8s-volume",
        "vol": "kubernetes/k8s-volume",
        "job": "kubernetes/k8s-job",
        "cronjob": "kubernetes/k8s-job",
        "user": "kubernetes/k8s-user",
        "kubernetes": "kubernetes/kubernetes",
        "icon": "kubernetes/kubernetes",
        "icon2": "kubernetes/kubernetes",
    },
}

#: Other draw.io libraries' pictograms with a close Tabler equivalent (floor
#: plans, electrical cabinets, mock-ups, signs), by full stencil name.
_MISC: Final[Mapping[str, str]] = {
    "mxgraph.floorplan.plant": "tabler/plant-2",
    "mxgraph.floorplan.chair": "tabler/armchair",
    "mxgraph.floorplan.office_chair": "tabler/armchair",
    "mxgraph.floorplan.window": "tabler/window",
    "mxgraph.floorplan.bookcase": "tabler/books",
    "mxgraph.floorplan.sink_1": "tabler/droplet",
    "mxgraph.floorplan.sink_2": "tabler/droplet",
    "mxgraph.floorplan.sink_22": "tabler/droplet",
    "mxgraph.floorplan.dresser": "tabler/layout-rows",
    "mxgraph.floorplan.stairs": "tabler/stairs",
    "mxgraph.floorplan.bed_double": "tabler/bed",
    "mxgraph.floorplan.bed_single": "tabler/bed",
    "mxgraph.floorplan.sofa": "tabler/sofa",
    "mxgraph.floorplan.couch": "tabler/sofa",
    "mxgraph.floorplan.toilet": "tabler/toilet-paper",
    "mxgraph.floorplan.shower": "tabler/bath",
    "mxgraph.floorplan.bathtub": "tabler/bath",
    "mxgraph.floorplan.bathtub2": "tabler/bath",
    "mxgraph.floorplan.refrigerator": "tabler/fridge",
    "mxgraph.floorplan.flat_tv": "tabler/device-tv",
    "mxgraph.floorplan.floor_lamp": "tabler/lamp",
    "mxgraph.floorplan.desk_corner": "tabler/desk",
    "mxgraph.floorplan.table": "tabler/table",
    "mxgraph.floorplan.range_1": "tabler/cooker",
    "mxgraph.floorplan.range_2": "tabler/cooker",
    "mxgraph.floorplan.doorleft": "tabler/door",
    "mxgraph.floorplan.doorright": "tabler/door",
    "mxgraph.floorplan.doordouble": "tabler/door",
    "mxgraph.cabinets.cb_1p": "tabler/circuit-switch-open",
    "mxgraph.cabinets.cb_2p": "tabler/circuit-switch-open",
    "mxgraph.cabinets.cb_3p": "tabler/circuit-switch-open",
    "mxgraph.cabinets.cb_4p": "tabler/circuit-switch-open",
    "mxgraph.cabinets.contactor_32_125a": "tabler/circuit-switch-closed",
    "mxgraph.cabinets.motor_cb_1_32a": "tabler/circuit-motor",
    "mxgraph.cabinets.motorized_switch_3p": "tabler/circuit-changeover",
    "mxgraph.ios.ipin": "tabler/map-pin",
    "mxgraph.mockup.misc.rating": "tabler/star",
    "mxgraph.basic.tick": "tabler/check",
    "mxgraph.basic.smiley": "tabler/mood-smile",
    "mxgraph.ios7.misc.check": "tabler/check",
    "mxgraph.ios7.icons.heart": "tabler/heart",
    "mxgraph.signs.travel.present": "tabler/gift",
    "mxgraph.signs.transportation.truck_6": "tabler/truck",
    "mxgraph.aws3.checklist_cost": "tabler/checklist",
    "mxgraph.office.concepts.link": "tabler/link",
    "mxgraph.mscae.cloud.data_factory": "azure/azure-data-factory",
    "mxgraph.rack.ibm.ibm_x3550_m4": "network/server",
}

#: Generic devices by a word of the stencil's last part (first match wins).
_WORDS: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("firewall",), "network/firewall"),
    (("load", "balancer"), "network/load-balancer"),
    (("wireless", "router"), "network/access-point"),
    (("access", "point"), "network/access-point"),
    (("router",), "network/router"),
    (("switch",), "network/switch"),
    (("bridge",), "network/switch"),
    (("hub",), "network/hub"),
    (("concentrator",), "network/hub"),
    (("mainframe",), "network/mainframe"),
    (("rack",), "network/server-2"),
    (("server",), "network/server"),
    (("netbook",), "network/laptop"),
    (("laptop",), "network/laptop"),
    (("notebook",), "network/laptop"),
    (("workstation",), "network/workstation"),
    (("monitor",), "network/desktop"),
    (("desktop",), "network/desktop"),
    (("pc",), "network/desktop"),
    (("computer",), "network/desktop"),
    (("tablet",), "network/tablet"),
    (("mobile",), "network/phone"),
    (("smartphone",), "network/phone"),
    (("iphone",), "network/phone"),
    (("phone",), "network/telephone"),
    (("telephone",), "network/telephone"),
    (("database",), "network/database"),
    (("storage",), "network/storage"),
    (("nas",), "network/storage"),
    (("san",), "network/storage"),
    (("users",), "network/users"),
    (("user",), "network/user"),
    (("person",), "network/user"),
    (("actor",), "network/user"),
    (("printer",), "network/printer"),
    (("cloud",), "network/cloud"),
    (("internet",), "network/internet"),
    (("ups",), "network/ups"),
    (("camera",), "network/camera"),
    (("cctv",), "network/camera"),
    (("antenna",), "network/antenna"),
    (("satellite",), "network/satellite"),
    (("email",), "network/email"),
    (("mail",), "network/email"),
)

#: draw.io families whose stencils are icons: unmapped ones become placeholders.
ICON_FAMILIES: Final = frozenset(
    {
        "aws4", "aws3", "aws3d", "aws2", "azure", "mscae", "gcp", "gcp2",
        "kubernetes", "cisco", "cisco19", "cisco_safe", "network", "networks",
        "office", "c4", "rack", "citrix", "veeam", "ibm", "alibaba_cloud",
        "openstack", "vvd",
    }
)  # fmt: skip
#: Words that mark a stencil of an icon family as a connector or frame, not an icon.
_NOT_ICONS: Final = re.compile(
    r"(?:^|[^a-z])(?:arrow(?!head)\w*|\w*edge|group\w*|connector|line|container)"
    r"(?:$|[^a-z])"
)
_SPLIT: Final = re.compile(r"[^a-z0-9]+")
#: Word breaks in a name whose case is kept (a placeholder's title).
_WORDS_ANY_CASE: Final = re.compile(r"[^A-Za-z0-9]+")
_CLIP_ART: Final = re.compile(
    r"img/lib/(?:[\w-]+/)*([\w-]+?)(?:_\d+x\d+)?\.(?:png|svg|gif)"
)


#: draw.io's rack library draws Arista switches as pictures from its own site
#: (``jgraph.github.io/drawio-libs/libs/arista/DCS-….svg``); Linework never
#: fetches them, and every DCS model is a data-centre switch.
#: A picture on the web, as a draw.io style may name it (no ``;``): Linework
#: never fetches it, so it is drawn as a placeholder and exported as it was.
WEB_PICTURE: Final = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$&'()*+,=%-]{1,500}")


_SWITCH_PICTURE: Final = re.compile(
    r"https://jgraph\.github\.io/drawio-libs/libs/arista/DCS-[\w-]{1,40}\.svg"
)


def _norm(name: str) -> str:
    return _SPLIT.sub("-", name.lower()).strip("-")


def _not_icon(last: str) -> bool:
    """A connector or frame of an icon family (arrowSE, dashedEdgeDouble, group)."""
    return _NOT_ICONS.search(_camel_split(last).lower()) is not None


def _by_words(name: str) -> str | None:
    words = set(_SPLIT.split(_camel_split(name).lower()))
    for need, target in _WORDS:
        if all(w in words for w in need):
            return target
    return None


def _camel_split(name: str) -> str:
    """'desktopPC' -> 'desktop PC'; 'Server_Tower' unchanged."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)


def map_drawio(shape: str, style: Mapping[str, str] | None = None) -> str | None:
    """Return the ``library/icon`` key for a draw.io stencil, or None.

    >>> map_drawio("mxgraph.aws4.lambda_function")
    'aws/aws-lambda'
    >>> map_drawio("mxgraph.cisco.routers.router")
    'network/router'
    >>> map_drawio("mxgraph.aws4.resourceIcon", {"resIcon": "mxgraph.aws4.s3"})
    'aws/aws-s3'
    >>> map_drawio("image", {"image": "img/lib/clip_art/computers/Netbook_128x128.png"})
    'network/laptop'
    """
    style = style or {}
    misc = _MISC.get(shape.lower())
    if misc is not None:
        return misc
    if shape == "image":
        src = style.get("image", "").strip()
        if _SWITCH_PICTURE.fullmatch(src):
            return "network/switch"
        m = _CLIP_ART.fullmatch(src)
        return _by_words(m.group(1)) if m else None
    parts = shape.split(".")
    if len(parts) < 3 or parts[0] != "mxgraph":
        return None
    family, last = parts[1], parts[-1]
    if family.startswith("aws") and last in ("resourceIcon", "productIcon"):
        inner = style.get("resIcon") or style.get("prIcon") or ""
        return map_drawio(inner) if inner and inner != shape else None
    table = _FAMILIES.get(family)
    if table is not None:
        hit = table.get(_norm(last)) or table.get(_norm(_camel_split(last)))
        if hit is not None:
            return hit
    return _by_words(last) if family in ICON_FAMILIES else None


def is_icon_family(shape: str, style: Mapping[str, str] | None = None) -> bool:
    """Return whether an unmapped stencil is an icon (drawn as a placeholder).

    >>> is_icon_family("mxgraph.aws4.quantum_ledger")
    True
    >>> is_icon_family("mxgraph.aws4.group"), is_icon_family("mxgraph.aws3d.arrowhead")
    (False, True)
    >>> is_icon_family("image", {"image": "https://example.org/logo.png"})
    True
    """
    if shape == "image":  # clip art, or a picture on the web (never fetched)
        src = (style or {}).get("image", "").strip()
        return bool(_CLIP_ART.fullmatch(src) or WEB_PICTURE.fullmatch(src))
    parts = shape.split(".")
    return (
        len(parts) >= 3
        and parts[0] == "mxgraph"
        and parts[1] in ICON_FAMILIES
        and not _not_icon(parts[-1])
    )


def stencil_title(shape: str, style: Mapping[str, str] | None = None) -> str:
    """Return a placeholder's name: 'mxgraph.aws4.quantum_ledger' -> 'Quantum Ledger'.

    >>> stencil_title("mxgraph.networks.desktop_pc")
    'Desktop Pc'
    >>> stencil_title("mxgraph.aws3d.dataServer"), stencil_title("image", {})
    ('Data Server', 'Picture')
    """
    name = shape.split(".")[-1]
    if shape == "image":
        m = _CLIP_ART.fullmatch((style or {}).get("image", "").strip())
        name = m.group(1) if m else "Picture"
    if name in ("resourceIcon", "productIcon"):
        inner = (style or {}).get("resIcon") or (style or {}).get("prIcon") or ""
        name = inner.split(".")[-1] or name
    words = _WORDS_ANY_CASE.split(_camel_split(name))
    return " ".join(w.capitalize() for w in words if w)[:60] or "Icon"


def map_gliffy(uid: str) -> str | None:
    """Return the icon key for a Gliffy stencil uid (network and cloud sets), or None.

    >>> map_gliffy("com.gliffy.shape.network.network_v4.business.router")
    'network/router'
    >>> map_gliffy("com.gliffy.shape.aws.aws_2023.compute.lambda")
    'aws/aws-lambda'
    """
    parts = uid.split(".")
    if not is_gliffy_icon(uid):
        return None
    last = parts[-1]
    if any(p.startswith("aws") for p in parts[3:-1]):
        hit = _AWS.get(_norm(last)) or _AWS.get(_norm(_camel_split(last)))
        if hit:
            return hit
    if any(p.startswith("azure") for p in parts[3:-1]):
        hit = _FAMILIES["azure"].get(_norm(last))
        if hit:
            return hit
    if any(p.startswith(("gcp", "google")) for p in parts[3:-1]):
        hit = _FAMILIES["gcp2"].get(_norm(last))
        if hit:
            return hit
    return _by_words(last)


def is_gliffy_icon(uid: str) -> bool:
    """Return whether a Gliffy uid belongs to its network or cloud stencil sets."""
    parts = uid.split(".")
    return (
        len(parts) > 4
        and parts[:3] == ["com", "gliffy", "shape"]
        and parts[3] in ("network", "cisco", "aws", "azure", "gcp", "google", "cloud")
    )


def mapping_targets() -> frozenset[str]:
    """Every icon key a stencil can map to (what the wheel must carry)."""
    out = {t for table in _FAMILIES.values() for t in table.values()}
    out |= set(_MISC.values())
    out |= {t for _, t in _WORDS}
    return frozenset(out)
