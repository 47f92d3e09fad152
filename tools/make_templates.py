"""Write the gallery templates in ``src/linework/templates/`` (run by developers).

Each template is built with the core's own records, so it opens exactly as a
diagram drawn in the editor. This script writes flowchart, swimlane-process,
aws-architecture, network, org-chart, mind-map and wireframe; other templates
in the folder come from their own branches' scripts and are left alone. The
AWS and network templates carry icons from the bundled libraries
(``src/linework/icons/data/mapped.json``, written by ``python3 build.py``).

Usage: python tools/make_templates.py
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from linework.formats import native
from linework.formats.stencils import icon_src
from linework.geometry import Box, Vec
from linework.icons.bundled import bundled_icon
from linework.layout.tidy import TreeNode, tidy_tree
from linework.model import (
    CONTAINER_KEY,
    DEFAULT_STYLE,
    Attached,
    Connector,
    Document,
    IdSource,
    LabelPosition,
    Shape,
    Style,
    Transaction,
    frozen_map,
)
from linework.shapes import kind_of

OUT = Path(__file__).resolve().parents[1] / "src" / "linework" / "templates"


class Builder:
    """Records for one template page, added in paint order."""

    def __init__(
        self, title: str, width: float = 1100.0, height: float = 850.0
    ) -> None:
        self.ids = IdSource()
        self.doc = Document.new(self.ids)
        self.title = title
        page = self.doc.pages()[0]
        self.page, self.layer = page.id, self.doc.layers(page.id)[0].id
        self.tx = Transaction(self.doc)
        self.tx.put(replace(page, width=width, height=height))
        self.z = 0

    def shape(
        self,
        kind: str,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str = "",
        *,
        style: Style = DEFAULT_STYLE,
        props: dict[str, Any] | None = None,
        inside: str | None = None,
    ) -> str:
        """Add a shape (``inside``: the container it belongs to); return its id."""
        self.z += 1
        rid = self.ids.new("shape")
        extra = {CONTAINER_KEY: inside} if inside else {}
        if style is DEFAULT_STYLE:  # as the editor adds it (captions left)
            own = getattr(kind_of(kind), "default_style", None)
            style = own if isinstance(own, Style) else style
        self.tx.put(
            Shape(
                id=rid,
                page=self.page,
                layer=self.layer,
                z=self.z,
                kind=kind,
                box=Box(x, y, w, h),
                text=text,
                style=style,
                props=frozen_map(props or {}),
                extra=frozen_map(extra),
            )
        )
        return rid

    def icon(
        self,
        key: str,
        x: float,
        y: float,
        text: str,
        size: float = 56,
        inside: str | None = None,
        label: LabelPosition = "bottom",
    ) -> str:
        """Add a library icon with its name below it (or ``label`` side)."""
        found = bundled_icon(key)
        if found is None:
            raise SystemExit(f"icon {key} is not bundled: run python3 build.py first")
        props = {
            "src": icon_src(found.svg),
            "library": found.library,
            "icon": found.icon,
        }
        style = replace(DEFAULT_STYLE, fill="none", stroke="none", label_position=label)
        return self.shape(
            "icon", x, y, size, size, text, style=style, props=props, inside=inside
        )

    def link(
        self,
        a: str,
        b: str,
        *,
        ports: tuple[str | None, str | None] = (None, None),
        anchors: tuple[Vec | None, Vec | None] = (None, None),
        via: tuple[Vec, ...] = (),
        end: str = "classic",
        dash: str = "solid",
    ) -> str:
        """Connect two shapes (optionally port to port, or from fixed anchors
        in the boxes, through waypoints ``via``)."""
        self.z += 1
        rid = self.ids.new("conn")
        self.tx.put(
            Connector(
                id=rid,
                page=self.page,
                layer=self.layer,
                z=self.z,
                source=Attached(shape=a, port=ports[0], anchor=anchors[0]),
                target=Attached(shape=b, port=ports[1], anchor=anchors[1]),
                waypoints=via,
                style=replace(DEFAULT_STYLE, end_arrow=end, dash=dash),
            )
        )
        return rid

    def write(self, name: str) -> Path:
        """Write ``<name>.linework`` with the title as its meta title."""
        doc = self.doc.apply(self.tx.patch())
        doc = replace(doc, meta=frozen_map({"title": self.title}))
        path = OUT / f"{name}.linework"
        path.write_bytes(native.encode(doc))
        return path


def styled(**fields: Any) -> Style:
    """Return the default style with some fields changed."""
    return replace(DEFAULT_STYLE, **fields)


BLUE = styled(fill="#dbeafe", stroke="#2563eb")
GREEN = styled(fill="#dcfce7", stroke="#16a34a")
AMBER = styled(fill="#fef3c7", stroke="#d97706")
ROSE = styled(fill="#ffe4e6", stroke="#e11d48")
DARK = styled(fill="#1f2933", stroke="#1f2933")
TITLE = styled(fill="none", stroke="none", font_size=22.0, bold=True)


def flowchart() -> Builder:
    """Start → read → decide → act → end, with a loop back on "No"."""
    b = Builder("Flowchart")
    b.shape("text", 330, 20, 300, 40, "Order handling", style=TITLE)
    start = b.shape("terminator", 400, 80, 160, 56, "Start", style=GREEN)
    read = b.shape("data", 390, 180, 180, 64, "Receive order")
    check = b.shape("decision", 400, 290, 160, 100, "In stock?", style=AMBER)
    ship = b.shape("process", 390, 440, 180, 64, "Ship order", style=BLUE)
    order = b.shape("process", 660, 308, 180, 64, "Order from supplier", style=BLUE)
    bill = b.shape("document", 390, 550, 180, 72, "Send invoice")
    end = b.shape("terminator", 400, 670, 160, 56, "End", style=ROSE)
    b.link(start, read, ports=("s", "n"))
    b.link(read, check, ports=("s", "n"))
    b.link(check, ship, ports=("s", "n"))
    b.link(check, order, ports=("e", "w"))
    b.link(order, read, ports=("n", "e"))
    b.link(ship, bill, ports=("s", "n"))
    b.link(bill, end, ports=("s", "n"))
    # Clear of the lines beside them (one touching a line put a kink in it).
    b.shape("text", 488, 392, 60, 30, "Yes")
    b.shape("text", 575, 304, 60, 30, "No")
    return b


def swimlane_process() -> Builder:
    """A pool of three horizontal lanes with tasks handed between them."""
    b = Builder("Swimlane process", width=1200)
    b.shape("text", 40, 20, 400, 40, "Expense claim", style=TITLE)
    pool = b.shape(
        "container",
        40,
        80,
        1060,
        480,
        "Company",
        props={"header_side": "left", "header": 32},
    )
    lanes = []
    for i, name in enumerate(("Employee", "Manager", "Finance")):
        lanes.append(
            b.shape(
                "swimlane",
                72,
                80 + i * 160,
                1028,
                160,
                name,
                props={"header_side": "left", "header": 32},
                inside=pool,
            )
        )
    submit = b.shape(
        "process", 140, 128, 160, 64, "Submit claim", style=BLUE, inside=lanes[0]
    )
    review = b.shape(
        "decision", 370, 270, 150, 100, "Approve?", style=AMBER, inside=lanes[1]
    )
    fix = b.shape(
        "process", 360, 128, 170, 64, "Correct claim", style=BLUE, inside=lanes[0]
    )
    pay = b.shape(
        "process", 620, 448, 160, 64, "Pay expenses", style=GREEN, inside=lanes[2]
    )
    done = b.shape("terminator", 860, 452, 150, 56, "Done", style=ROSE, inside=lanes[2])
    b.link(submit, review, ports=("s", "w"))
    b.link(review, fix, ports=("n", "s"))
    b.link(review, pay, ports=("e", "n"))
    b.link(fix, submit, ports=("w", "e"))
    b.link(pay, done, ports=("e", "w"))
    return b


def aws_architecture() -> Builder:
    """A web app on AWS: users, DNS, CDN, load balancer, app servers, data."""
    b = Builder("AWS architecture", width=1200)
    b.shape("text", 40, 20, 500, 40, "Three-tier web application on AWS", style=TITLE)
    users = b.icon("aws/aws-users", 60, 300, "Users")
    dns = b.icon("aws/aws-route53", 220, 300, "Route 53")
    # Named above: the line to the static assets leaves downwards.
    cdn = b.icon("aws/aws-cloudfront", 380, 300, "CloudFront", label="top")
    s3 = b.icon("aws/aws-s3", 380, 480, "Static assets (S3)")
    vpc = b.shape(
        "container",
        520,
        120,
        620,
        440,
        "VPC",
        style=styled(stroke="#16a34a", dash="dashed", fill="#f0fdf4"),
    )
    elb = b.icon("aws/aws-elb", 560, 300, "Load balancer", inside=vpc)
    app1 = b.icon("aws/aws-ec2", 740, 200, "App server", inside=vpc)
    app2 = b.icon("aws/aws-ec2", 740, 400, "App server", inside=vpc)
    db = b.icon("aws/aws-rds", 960, 200, "Database (RDS)", inside=vpc)
    cache = b.icon("aws/aws-elasticache", 960, 400, "Cache", inside=vpc)
    b.link(users, dns, ports=("e", "w"))
    b.link(dns, cdn, ports=("e", "w"))
    b.link(cdn, s3, ports=("s", "n"))
    b.link(cdn, elb, ports=("e", "w"))
    # Each line leaves from a point of its own, and the two that cross turn at
    # different places: no two share a stretch.
    upper, lower = Vec(1.0, 0.3), Vec(1.0, 0.7)
    b.link(elb, app1, anchors=(upper, None), ports=(None, "w"))
    b.link(elb, app2, anchors=(lower, None), ports=(None, "w"))
    b.link(app1, db, anchors=(upper, Vec(0.0, 0.3)))
    b.link(app2, cache, anchors=(lower, Vec(0.0, 0.7)))
    b.link(
        app1,
        cache,
        anchors=(lower, Vec(0.0, 0.45)),
        via=(Vec(840.0, 239.2), Vec(840.0, 425.2)),
    )
    b.link(
        app2,
        db,
        anchors=(upper, Vec(0.0, 0.55)),
        via=(Vec(880.0, 416.8), Vec(880.0, 230.8)),
    )
    return b


def network() -> Builder:
    """An office network: internet, firewall, router, switch, devices.

    Every cable has a line of its own: the chain down to the switch has its
    names beside it, the file server hangs off the switch's side, and the
    five devices below leave the switch's bottom at five points, turning at
    staggered heights (the outer ones first) so no two lines share a stretch
    or cross; names sit below the devices, where no line runs.
    """
    b = Builder("Network")
    b.shape("text", 40, 20, 400, 40, "Office network", style=TITLE)
    size = 56.0
    beside: LabelPosition = "right"
    internet = b.icon("network/internet", 480, 80, "Internet", label=beside)
    firewall = b.icon("network/firewall", 480, 200, "Firewall", label=beside)
    router = b.icon("network/router", 480, 320, "Router", label=beside)
    switch = b.icon("network/switch", 480, 440, "Switch", label=beside)
    server = b.icon("network/server", 200, 440, "File server")
    for a, c in ((internet, firewall), (firewall, router), (router, switch)):
        b.link(a, c, ports=("s", "n"), end="none")
    b.link(switch, server, ports=("w", "e"), end="none")
    row = 620.0
    devices = [
        b.icon("network/printer", 160, row, "Printer"),
        b.icon("network/desktop", 320, row, "Desk 1"),
        b.icon("network/desktop", 480, row, "Desk 2"),
        b.icon("network/desktop", 640, row, "Desk 3"),
        b.icon("network/access-point", 800, row, "Wi-Fi"),
    ]
    xs = (160.0, 320.0, 480.0, 640.0, 800.0)
    turns = (550.0, 588.0, 0.0, 588.0, 550.0)  # outer lines turn first
    bottom = 440.0 + size
    for i, (device, x, turn) in enumerate(zip(devices, xs, turns, strict=True)):
        exit_at = 0.1 + 0.2 * i  # of the switch's width, left to right
        out_x = 480.0 + exit_at * size
        via = () if i == 2 else (Vec(out_x, turn), Vec(x + size / 2, turn))
        assert turn == 0.0 or turn > bottom
        b.link(
            switch,
            device,
            anchors=(Vec(exit_at, 1.0), None),
            ports=(None, "n"),
            via=via,
            end="none",
        )
    laptop = b.icon("network/laptop", 960, row, "Laptop")
    b.link(devices[-1], laptop, ports=("e", "w"), end="none", dash="dashed")
    return b


ORG = (
    ("Alex Morgan", "Chief Executive", None),
    ("Sam Lee", "Chief Technology Officer", 0),
    ("Priya Shah", "Chief Financial Officer", 0),
    ("Jordan Diaz", "Head of Sales", 0),
    ("Chris Kim", "Engineering Manager", 1),
    ("Taylor Brown", "Product Designer", 1),
    ("Morgan Ellis", "Controller", 2),
    ("Riley Chen", "Account Executive", 3),
    ("Casey Park", "Account Executive", 3),
)


def org_chart() -> Builder:
    """Nine people in person cards, laid out by the tidy tree layout."""
    b = Builder("Org chart", width=1300)
    b.shape("text", 40, 20, 400, 40, "Organization", style=TITLE)
    w, h = 220.0, 72.0
    ids = [f"p{i}" for i in range(len(ORG))]
    children: dict[str, list[str]] = {}
    for i, (_, _, boss) in enumerate(ORG):
        if boss is not None:
            children.setdefault(ids[boss], []).append(ids[i])
    boxes = tidy_tree(
        [TreeNode(i, w, h) for i in ids], children, "p0", gap=24, level_gap=56
    )
    shapes = {}
    for i, (name, role, _) in enumerate(ORG):
        box = boxes[ids[i]]
        props = {"theme": "dark"} if i == 0 else {}
        shapes[ids[i]] = b.shape(
            "person-card", box.x + 40, box.y + 90, w, h, f"{name}\n{role}", props=props
        )
    for parent, kids in children.items():
        for k in kids:
            b.link(shapes[parent], shapes[k], ports=("s", "n"), end="none")
    return b


MIND = (
    ("Product launch", None),
    ("Audience", 0),
    ("Channels", 0),
    ("Timeline", 0),
    ("Budget", 0),
    ("Early adopters", 1),
    ("Enterprises", 1),
    ("Blog", 2),
    ("Social media", 2),
    ("Beta in May", 3),
    ("Launch in June", 3),
    ("Ads", 4),
    ("Events", 4),
)


def mind_map() -> Builder:
    """A central idea with four branches, laid out left to right."""
    b = Builder("Mind map")
    b.shape("text", 40, 20, 300, 40, "Mind map", style=TITLE)
    colours = (BLUE, GREEN, AMBER, ROSE)
    ids = [f"m{i}" for i in range(len(MIND))]
    children: dict[str, list[str]] = {}
    for i, (_, parent) in enumerate(MIND):
        if parent is not None:
            children.setdefault(ids[parent], []).append(ids[i])
    nodes = [TreeNode(ids[0], 180, 70)] + [TreeNode(i, 150, 44) for i in ids[1:]]
    boxes = tidy_tree(nodes, children, "m0", direction="LR", gap=16, level_gap=70)
    shapes = {}
    for i, (text, parent) in enumerate(MIND):
        box = boxes[ids[i]]
        if parent is None:
            kind, style = "ellipse", styled(fill="#1f2933", stroke="#1f2933", bold=True)
        else:
            top = i if parent == 0 else parent
            kind, style = "rounded-rectangle", colours[(top - 1) % 4]
        shapes[ids[i]] = b.shape(
            kind, box.x + 60, box.y + 100, box.w, box.h, text, style=style
        )
    for up, kids in children.items():
        for k in kids:
            b.link(shapes[up], shapes[k], ports=("e", "w"), end="none")
    return b


def wireframe() -> Builder:
    """A sign-up page in a browser window, and the same on a phone (dark)."""
    b = Builder("Wireframe", width=1100)
    b.shape("mockup-browser", 40, 40, 640, 520, "")
    b.shape("mockup-navbar", 41, 81, 638, 48, "Acme", props={"theme": "dark"})
    b.shape(
        "text",
        80,
        150,
        300,
        40,
        "Create your account",
        style=styled(
            fill="none", stroke="none", font_size=20.0, bold=True, align="left"
        ),
    )
    b.shape("mockup-input", 80, 210, 280, 36, "Name")
    b.shape("mockup-input", 80, 260, 280, 36, "Email")
    b.shape("mockup-dropdown", 80, 310, 280, 36, "Plan: Free")
    b.shape(
        "mockup-checkbox",
        80,
        362,
        260,
        24,
        "I accept the terms",
        props={"checked": True},
    )
    b.shape("mockup-radio", 80, 394, 200, 24, "Monthly", props={"checked": True})
    b.shape("mockup-radio", 80, 424, 200, 24, "Yearly")
    b.shape(
        "mockup-button",
        80,
        470,
        140,
        40,
        "Sign up",
        style=styled(fill="#2563eb", stroke="#2563eb"),
    )
    b.shape("mockup-image", 420, 200, 220, 160, "")
    b.shape("mockup-toggle", 420, 390, 56, 28, "", props={"checked": True})
    b.shape(
        "text",
        484,
        390,
        150,
        28,
        "Newsletter",
        style=styled(fill="none", stroke="none", align="left"),
    )
    b.shape("mockup-slider", 420, 440, 220, 24, "", props={"value": 0.3})
    b.shape("mockup-phone", 760, 40, 240, 460, "", props={"theme": "dark"})
    b.shape(
        "mockup-tabs",
        780,
        100,
        200,
        150,
        "Overview",
        props={"tabs": 3, "active": 0, "theme": "dark"},
    )
    b.shape(
        "mockup-table",
        780,
        270,
        200,
        130,
        "Recent orders",
        props={"rows": 5, "columns": 3},
    )
    b.shape("mockup-button", 800, 420, 160, 36, "Open app", props={"theme": "dark"})
    return b


TEMPLATES = {
    "flowchart": flowchart,
    "swimlane-process": swimlane_process,
    "aws-architecture": aws_architecture,
    "network": network,
    "org-chart": org_chart,
    "mind-map": mind_map,
    "wireframe": wireframe,
}


def main() -> None:
    """Write every template this script owns."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in TEMPLATES.items():
        path = make().write(name)
        print(f"wrote {path.relative_to(OUT.parents[2])}")


if __name__ == "__main__":
    main()
