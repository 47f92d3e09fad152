"""Build step: icon libraries from the pinned npm icon packages (web/package.json).

Reads @tabler/icons (MIT) and @iconify-json/logos (CC0-1.0) from
web/node_modules, passes every icon through the core's SVG sanitizer
(linework.icons.sanitize) and writes:

- ``icons/<library>-<chunk>-<hash>.json``, CHUNK icons each: ``{"id", "icons":
  [{"n": name, "t": title, "k": tags, "w", "h", "s": svg}]}``, fetched by the
  palette only when a section opens or a search shows its icons;
- ``icons/index-<hash>.json``: names, titles and tags of every icon (no SVG),
  which the palette's search filters, and for an icon that draws the same as
  another (one icon under two names or in two libraries) a fourth field, the
  number of that drawing, so the search shows it once;
- the catalog (libraries, counts, file names), which build.py puts in config.js
  so the palette lists every library at first paint;
- ``THIRD-PARTY-NOTICES.txt``: each package, its version, licence and licence text;
- ``src/linework/icons/data/mapped.json``: the icons the draw.io/Gliffy import
  maps stencils to (linework.icons.mapping), a few dozen, so the wheel carries
  them and native imports render them. It is generated (not committed): the
  wheel includes it as a build artifact when present; a wheel built without
  npm imports those stencils as labelled placeholders instead;
- ``src/linework/icons/data/known.bin`` (generated too): digests of the library
  icons' stored form that the picture sanitizer leaves unchanged, which the
  renderer then need not parse again (linework.icons.known, ``known_icons``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from linework.icons.mapping import mapping_targets  # noqa: E402
from linework.icons.sanitize import IconError, icon_svg, sanitize_svg  # noqa: E402
from linework.icons.titles import title_of  # noqa: E402

#: Colour of outline (tabler) icons: they use currentColor, which an <image> lacks.
INK = "#1f2937"
#: Icons per library file: a section or a search loads only the chunks it shows.
CHUNK = 200
TABLER = ("@tabler", "icons")
LOGOS = ("@iconify-json", "logos")
PACKAGES = (TABLER, LOGOS)


@dataclass(frozen=True)
class Pick:
    """One curated icon: where it comes from and what it is called here."""

    source: str  # "tabler" or "logos"
    src: str
    name: str
    tags: tuple[str, ...] = ()
    title: str = ""


def _picks(source: str, rows: str) -> list[Pick]:
    """Parse 'name=src tag tag' lines (src defaults to name)."""
    out = []
    for line in rows.strip().splitlines():
        head, *tags = line.split()
        name, _, src = head.partition("=")
        out.append(Pick(source, src or name, name, tuple(tags)))
    return out


NETWORK = _picks(
    "tabler",
    """
server server rack host datacenter
server-2 server rack host
mainframe=server-cog mainframe server host
router router network
switch=arrows-exchange switch network hub
firewall=wall firewall security network
firewall-check firewall security
load-balancer load-balancer network
access-point access-point wifi wireless network
laptop=device-laptop laptop notebook computer
desktop=device-desktop desktop pc computer workstation
workstation=device-imac workstation computer monitor
tablet=device-tablet tablet
phone=device-mobile phone mobile smartphone
telephone=phone telephone phone
database database db storage
storage=archive storage disk backup
user user person account
users users group people team
cloud cloud internet
internet=world internet globe web
network network lan wan
hub=topology-star-3 hub topology network
printer printer
camera=device-cctv camera cctv
antenna antenna radio
satellite satellite
cpu cpu processor chip
lock lock security
key key secret
shield=shield-lock security shield
api api endpoint
webhook webhook
email=mail email mail smtp
file file document
folder folder
building building office site
warehouse=building-warehouse datacenter warehouse
terminal terminal console
browser browser web
package package container
ups=battery-charging ups power battery
""",
)

AWS_EXTRA = _picks(
    "tabler",
    """
aws-generic-server=server aws server instance
aws-generic-database=database aws database
aws-users=users aws users
aws-internet=world aws internet
aws-mobile=device-mobile aws mobile client
aws-client=device-laptop aws client
""",
)

AZURE = _picks(
    "logos",
    """
azure=microsoft-azure azure microsoft cloud
azure-icon azure microsoft cloud
""",
) + _picks(
    "tabler",
    """
azure-brand=brand-azure azure microsoft
azure-virtual-machine=server azure vm virtual-machine compute
azure-functions=lambda azure functions serverless
azure-app-service=app-window azure app-service web-app
azure-storage=archive azure storage blob
azure-sql-database=database azure sql database
azure-cosmos-db=hexagons azure cosmos database
azure-virtual-network=network azure vnet network
azure-load-balancer=load-balancer azure load-balancer
azure-firewall=wall azure firewall
azure-key-vault=key azure key-vault secrets
azure-active-directory=users azure entra active-directory identity
azure-monitor=chart-bar azure monitor
azure-kubernetes-service=hexagons azure aks kubernetes
azure-container-registry=packages azure container registry
azure-api-management=api azure api-management
azure-service-bus=transfer azure service-bus queue messaging
azure-dns=world azure dns
azure-cdn=cloud-network azure cdn
azure-data-factory=building-factory azure data-factory etl
""",
)

GCP = _picks(
    "logos",
    """
google-cloud google gcp cloud
google-cloud-platform google gcp cloud
google-cloud-functions google gcp functions serverless
google-cloud-run google gcp cloud-run containers
""",
) + _picks(
    "tabler",
    """
gcp-compute-engine=server google gcp compute-engine vm
gcp-cloud-storage=archive google gcp cloud-storage bucket
gcp-cloud-sql=database google gcp cloud-sql database
gcp-bigquery=brand-google-big-query google gcp bigquery analytics
gcp-gke=hexagons google gcp gke kubernetes
gcp-pub-sub=transfer google gcp pub-sub messaging
gcp-load-balancing=load-balancer google gcp load-balancer
gcp-vpc=network google gcp vpc network
gcp-iam=users google gcp iam identity
gcp-cloud-dns=world google gcp dns
""",
)

KUBERNETES = _picks(
    "logos",
    """
kubernetes kubernetes k8s
""",
) + _picks(
    "tabler",
    """
k8s-pod=box kubernetes k8s pod
k8s-node=server kubernetes k8s node
k8s-control-plane=server-cog kubernetes k8s control-plane master
k8s-deployment=stack-2 kubernetes k8s deployment
k8s-replica-set=box-multiple kubernetes k8s replicaset
k8s-service=affiliate kubernetes k8s service svc
k8s-ingress=door-enter kubernetes k8s ingress
k8s-namespace=container kubernetes k8s namespace ns
k8s-config-map=settings kubernetes k8s configmap
k8s-secret=key kubernetes k8s secret
k8s-volume=database kubernetes k8s volume pv pvc
k8s-job=clock kubernetes k8s job cronjob
k8s-container=brand-docker kubernetes k8s container docker
k8s-user=user kubernetes k8s user
""",
)


@dataclass
class Library:
    id: str
    title: str
    picks: list[Pick] = field(default_factory=list)
    #: Take every icon of this source too ("tabler", "logos", "logos:aws-").
    everything: str = ""
    #: Shown in the palette unless turned off in More shapes.
    default: bool = True


LIBRARIES = (
    Library("network", "Network & IT", NETWORK),
    Library("aws", "AWS", AWS_EXTRA, everything="logos:aws"),
    Library("azure", "Azure", AZURE),
    Library("gcp", "Google Cloud", GCP),
    Library("kubernetes", "Kubernetes", KUBERNETES),
    Library("logos", "Brand logos", everything="logos:"),
    Library("tabler", "Tabler icons", everything="tabler:", default=False),
)


class Sources:
    """The packages' icon data, read once."""

    def __init__(self, node_modules: Path) -> None:
        t = node_modules / "@tabler" / "icons"
        self.tabler_nodes: dict[str, list[list[Any]]] = json.loads(
            (t / "tabler-nodes-outline.json").read_text()
        )
        self.tabler_meta: dict[str, dict[str, Any]] = json.loads(
            (t / "icons.json").read_text()
        )
        lg = node_modules / "@iconify-json" / "logos"
        self.logos: dict[str, Any] = json.loads((lg / "icons.json").read_text())

    def names(self, spec: str) -> list[tuple[str, str]]:
        source, _, prefix = spec.partition(":")
        pool = self.tabler_nodes if source == "tabler" else self.logos["icons"]
        return [(source, n) for n in sorted(pool) if n.startswith(prefix)]

    def svg(self, source: str, name: str) -> str:
        """Return the icon's raw SVG document (before sanitizing)."""
        if source == "tabler":
            from linework.svg import SvgNode, serialize

            body = "".join(
                serialize(SvgNode(tag, tuple((k, str(v)) for k, v in attrs.items())))
                for tag, attrs in self.tabler_nodes[name]
            )
            extra = (
                f' fill="none" stroke="{INK}" stroke-width="2"'
                ' stroke-linecap="round" stroke-linejoin="round"'
            )
            return icon_svg(body, 24, 24, extra=extra)
        icon = self.logos["icons"][name]
        w = icon.get("width", self.logos.get("width", 16))
        h = icon.get("height", self.logos.get("height", 16))
        return icon_svg(icon["body"], w, h)

    def tags(self, source: str, name: str) -> list[str]:
        words = name.split("-")
        if source == "tabler":
            meta = self.tabler_meta.get(name, {})
            words += [str(t) for t in meta.get("tags", [])]
            if meta.get("category"):
                words.append(str(meta["category"]).lower())
        return words


def _entries(lib: Library, src: Sources) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    picks: list[Pick] = list(lib.picks)
    if lib.everything:
        picks += [Pick(s, n, n) for s, n in src.names(lib.everything)]
    for p in picks:
        if p.name in seen:
            continue
        seen.add(p.name)
        try:
            svg, w, h = sanitize_svg(src.svg(p.source, p.src))
        except IconError:
            if p in lib.picks:
                raise
            continue  # a few huge logos (> MAX_SVG_CHARS) stay out
        tags = list(dict.fromkeys([*p.tags, *src.tags(p.source, p.src)]))
        yield {
            "n": p.name,
            "t": p.title or title_of(p.name),
            "k": [t for t in tags if t and t not in p.name.split("-")],
            "w": w,
            "h": h,
            "s": svg,
        }


def _dump(data: object) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def _hashed(stem: str, data: bytes) -> str:
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}.json"


def package_versions(node_modules: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for scope, name in PACKAGES:
        meta = json.loads((node_modules / scope / name / "package.json").read_text())
        out[f"{scope}/{name}"] = meta
    return out


def notices(node_modules: Path) -> str:
    """Return THIRD-PARTY-NOTICES.txt: each icon package with its licence text."""
    parts = [
        "Linework ships icons from these packages, unchanged except that each icon",
        "passes through Linework's SVG sanitizer and is re-serialized.",
        "",
    ]
    for (scope, name), (pkg, meta) in zip(
        PACKAGES, package_versions(node_modules).items(), strict=True
    ):
        d = node_modules / scope / name
        parts += ["=" * 72, f"{pkg} {meta['version']} — licence {meta.get('license')}"]
        info = d / "info.json"
        if info.exists():
            i = json.loads(info.read_text())
            author = i.get("author", {})
            parts.append(
                f"Icon set: {i.get('name')} by {author.get('name')} ({author.get('url')})"
            )
            lic = i.get("license", {})
            parts.append(
                f"Licence: {lic.get('title')} ({lic.get('spdx')}) {lic.get('url', '')}"
            )
            if lic.get("spdx") == "CC0-1.0":
                parts.append(
                    "CC0 1.0 Universal: the authors dedicated the work to the public "
                    "domain (https://creativecommons.org/publicdomain/zero/1.0/). "
                    "Logos remain trademarks of their owners; they are shown to "
                    "identify the products they name."
                )
        for lf in sorted(d.glob("LICEN[CS]E*")):
            parts += ["", lf.read_text().strip()]
        parts.append("")
    return "\n".join(parts) + "\n"


def build_icons(node_modules: Path) -> tuple[dict[str, bytes], dict[str, Any], bytes]:
    """Return (dist files by path, the catalog for config.js, mapped.json bytes)."""
    src = Sources(node_modules)
    files: dict[str, bytes] = {}
    catalog: list[dict[str, Any]] = []
    index: dict[str, list[list[Any]]] = {}
    by_key: dict[str, dict[str, Any]] = {}
    for lib in LIBRARIES:
        icons = list(_entries(lib, src))
        urls = []
        for start in range(0, len(icons), CHUNK):
            part = icons[start : start + CHUNK]
            data = _dump({"id": lib.id, "icons": part})
            name = "icons/" + _hashed(f"{lib.id}-{start // CHUNK}", data)
            files[name] = data
            urls.append(name)
        catalog.append(
            {
                "id": lib.id,
                "title": lib.title,
                "count": len(icons),
                "chunk": CHUNK,
                "urls": urls,
                "default": lib.default,
            }
        )
        index[lib.id] = [[i["n"], i["t"], " ".join(i["k"])] for i in icons]
        for i in icons:
            by_key[f"{lib.id}/{i['n']}"] = i
    _number_drawings(index, by_key)
    idx = _dump(index)
    index_name = "icons/" + _hashed("index", idx)
    files[index_name] = idx
    files["THIRD-PARTY-NOTICES.txt"] = notices(node_modules).encode()
    mapped: dict[str, Any] = {}
    missing = []
    for key in sorted(mapping_targets()):
        icon = by_key.get(key)
        if icon is None:
            missing.append(key)
            continue
        mapped[key] = {"t": icon["t"], "w": icon["w"], "h": icon["h"], "s": icon["s"]}
    if missing:
        raise ValueError(f"mapping names icons no library has: {missing}")
    versions = {k: v["version"] for k, v in package_versions(node_modules).items()}
    mapped_bytes = json.dumps(
        {"packages": versions, "icons": mapped}, indent=0, sort_keys=True
    ).encode()
    return files, {"libraries": catalog, "index": index_name}, mapped_bytes


def _number_drawings(
    index: dict[str, list[list[Any]]], by_key: dict[str, dict[str, Any]]
) -> None:
    """Append to each index row whose icon another row draws too (same SVG and
    size) the number of that drawing, shared by those rows."""
    drawing = {k: (i["w"], i["h"], i["s"]) for k, i in by_key.items()}
    count: dict[tuple[Any, ...], int] = {}
    for d in drawing.values():
        count[d] = count.get(d, 0) + 1
    number: dict[tuple[Any, ...], int] = {}
    for lib, rows in index.items():
        for row in rows:
            d = drawing[f"{lib}/{row[0]}"]
            if count[d] > 1:
                row.append(number.setdefault(d, len(number)))


def library_svgs(files: dict[str, bytes]) -> list[str]:
    """Return every distinct icon SVG of the library files ``build_icons`` made."""
    out: dict[str, None] = {}
    for name, data in sorted(files.items()):
        if name.startswith("icons/") and not name.startswith("icons/index-"):
            for icon in json.loads(data)["icons"]:
                out.setdefault(icon["s"], None)
    return list(out)


def known_icons(svgs: Iterable[str]) -> tuple[bytes, int]:
    """Return ``data/known.bin`` (linework.icons.known) for the library icons, and
    how many icons stay out of it.

    An icon is stored as ``pictures.safe_src`` makes it (``stencils.icon_src``);
    its digest goes in only if the full sanitizer gives that stored form back
    unchanged, so skipping the parse for it changes no byte. The sanitizer is
    not idempotent for every input: such icons stay out and are parsed as before.
    """
    from linework.formats import pictures
    from linework.icons import known
    from linework.icons.bundled import svg_data_uri

    digests: set[bytes] = set()
    left_out = 0
    for svg in svgs:
        stored = pictures.sanitize_src(svg_data_uri(svg))
        if stored is not None and pictures.sanitize_src(stored) == stored:
            digests.add(known.digest(stored))
        else:
            left_out += 1
    return known.pack(digests), left_out


def write_mapped(node_modules: Path, target: Path) -> Path:
    """Write only mapped.json (for `pip install -e .` users who ran npm ci)."""
    _, _, mapped = build_icons(node_modules)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != mapped:
        target.write_bytes(mapped)
    return target


def sizes(files: Iterable[tuple[str, bytes]]) -> str:
    return ", ".join(f"{k}: {len(v) / 1e3:.0f} kB" for k, v in files)
