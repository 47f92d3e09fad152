"""BPMN and C4 shapes of draw.io and Gliffy ↔ Linework's ``bpmn-*`` and ``c4-*`` kinds.

draw.io draws BPMN with a few parametrised stencils: ``mxgraph.bpmn.event``
(``outline`` says start, intermediate or end; ``symbol`` the trigger),
``mxgraph.bpmn.task``/``task2`` (``taskMarker``, ``isLoopSub`` for the
sub-process "+"), ``mxgraph.bpmn.gateway2`` (``gwType``, or an event drawn
inside for event-based and inclusive gateways), the older
``mxgraph.bpmn.shape`` (``background=gateway``) and one-off names such as
``mxgraph.bpmn.timer_start``. C4 elements are plain rounded rectangles whose
``object`` wrapper says ``c4Type`` (and ``c4Name``, ``c4Technology``,
``c4Description``), plus ``mxgraph.c4.person``/``person2``.

A few other draw.io families are drawn by kinds Linework already has, and map
here too: AWS groups and rack cabinets are frames holding their members (a
``rectangle`` container, titled as the cell's style says; the group's small
corner icon is not drawn), floor-plan walls are filled bars (``rectangle``:
draw.io draws a wall as a bar as thick as its box's short side, 10 here);
corner and U walls have kinds of their own (``floorplan-wall-corner``, ``-u``).

Import picks one kind per cell; where Linework has no kind of its own for a
combination (a start error event, a complex gateway) the nearest kind gets the
difference as props (``marker``, ``gateway``, ``throwing``), which the kinds
draw and export writes back. Only kind names cross into this module: formats
never import the shapes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

#: draw.io's ``symbol`` → our marker (``general`` is "none").
_SYMBOLS: Final[Mapping[str, str]] = {
    "general": "none",
    "": "none",
    "none": "none",
    "message": "message",
    "timer": "timer",
    "error": "error",
    "signal": "signal",
    "terminate": "terminate",
    "escalation": "escalation",
    "conditional": "conditional",
    "link": "link",
    "compensation": "compensation",
    "cancel": "cancel",
    "multiple": "multiple",
    "parallelMultiple": "parallel-multiple",
}
#: The markers each event position has a kind of its own for.
_EVENT_KINDS: Final[Mapping[str, tuple[str, ...]]] = {
    "start": ("none", "message", "timer", "signal"),
    "intermediate": ("none", "message", "timer", "error", "signal"),
    "end": ("none", "message", "error", "signal", "terminate"),
}
#: draw.io's event ``outline`` → (position, throwing).
_OUTLINES: Final[Mapping[str, tuple[str, bool]]] = {
    "standard": ("start", False),
    "eventInt": ("start", False),
    "eventNonint": ("start", False),
    "catching": ("intermediate", False),
    "boundInt": ("intermediate", False),
    "boundNonint": ("intermediate", False),
    "throwing": ("intermediate", True),
    "end": ("end", True),
}
_TASK_MARKERS: Final[Mapping[str, str]] = {
    "abstract": "none",
    "": "none",
    "user": "user",
    "service": "service",
    "script": "script",
    "send": "send",
    "receive": "receive",
    "manual": "manual",
}
_GW_TYPES: Final[Mapping[str, str]] = {
    "exclusive": "exclusive",
    "parallel": "parallel",
    "inclusive": "inclusive",
    "eventBased": "event-based",
    "complex": "complex",
}
#: Older ``mxgraph.bpmn.shape;background=gateway`` symbols → gateway types.
_GW_SYMBOLS: Final[Mapping[str, str]] = {
    "exclusiveGw": "exclusive",
    "parallelGw": "parallel",
    "inclusiveGw": "inclusive",
    "complexGw": "complex",
    "eventGw": "event-based",
    "eventInclusiveGw": "event-based",
    "parallelEventGw": "event-based",
    "none": "exclusive",
    "": "exclusive",
}
_LEGACY_EVENT: Final = re.compile(
    r"mxgraph\.bpmn\.([a-z]+)(?:_non_interrupting)?_(start|intermediate|end)"
)
_C4_TYPES: Final[Mapping[str, str]] = {
    "person": "c4-person",
    "externalperson": "c4-person",
    "softwaresystem": "c4-software-system",
    "externalsoftwaresystem": "c4-software-system",
    "system": "c4-software-system",
    "container": "c4-container",
    "component": "c4-component",
    "systemscopeboundary": "c4-system-boundary",
    "softwaresystemscopeboundary": "c4-system-boundary",
    "systemboundary": "c4-system-boundary",
    "enterpriseboundary": "c4-system-boundary",
    "containerscopeboundary": "c4-container-boundary",
    "containerboundary": "c4-container-boundary",
}
#: Shapes a C4 element may be drawn with and still be a C4 box (not a cylinder).
_C4_BOX_SHAPES: Final = frozenset({"", "rect", "rectangle", "label"})


def event_kind(
    position: str, marker: str, throwing: bool = False
) -> tuple[str, dict[str, Any]]:
    """Return the kind and props of an event.

    >>> event_kind("start", "timer")
    ('bpmn-start-timer', {})
    >>> event_kind("start", "error")
    ('bpmn-start-event', {'marker': 'error'})
    >>> event_kind("intermediate", "message", throwing=True)
    ('bpmn-intermediate-message', {'throwing': True})
    """
    props: dict[str, Any] = {}
    if marker in _EVENT_KINDS[position]:
        name = f"bpmn-{position}-{'event' if marker == 'none' else marker}"
    else:
        name = f"bpmn-{position}-event"
        props["marker"] = marker
    if throwing and position == "intermediate":
        props["throwing"] = True
    return name, props


def _gateway(gw: str) -> tuple[str, dict[str, Any]]:
    if gw == "complex":
        return "bpmn-gateway-exclusive", {"gateway": "complex"}
    return f"bpmn-gateway-{gw}", {}


def _task(marker: str, sub: bool) -> tuple[str, dict[str, Any]]:
    if sub:
        return "bpmn-sub-process", {}
    task = _TASK_MARKERS.get(marker)
    if task is None:
        return "bpmn-task", {}
    return ("bpmn-task" if task == "none" else f"bpmn-{task}-task"), {}


def _c4(attrs: Mapping[str, str]) -> str | None:
    raw = attrs.get("c4Type", "")
    return _C4_TYPES.get(re.sub(r"[^a-z]", "", raw.lower()))


#: Other families' stencils drawn by an existing kind: name → (kind, props).
_EXISTING: Final[Mapping[str, tuple[str, Mapping[str, Any]]]] = {
    "mxgraph.aws4.group": ("rectangle", {"container": True}),
    "mxgraph.aws4.groupCenter": ("rectangle", {"container": True}),
    "mxgraph.rackGeneral.container": ("rectangle", {"container": True}),
    "mxgraph.rackGeneral.rackCabinet3": ("rectangle", {"container": True}),
    "mxgraph.floorplan.wall": ("rectangle", {}),
}


#: Floor-plan walls that are not straight (Linework's own kinds).
_WALLS: Final[Mapping[str, str]] = {
    "mxgraph.floorplan.wallCorner": "floorplan-wall-corner",
    "mxgraph.floorplan.wallU": "floorplan-wall-u",
}


def _number(raw: str | None) -> float | None:
    """Return a finite positive number up to 10,000 from a style value, or None."""
    try:
        value = float(raw) if raw is not None else None
    except ValueError:
        return None
    if value is None or not 0 < value <= 10_000:
        return None
    return value


def drawio_kind(
    shape: str, style: Mapping[str, str], attrs: Mapping[str, str]
) -> tuple[str, dict[str, Any]] | None:
    """Return the kind and props a draw.io cell imports as, or None if not BPMN/C4.

    ``shape`` is the cell's ``shape=`` value (or bare style name).

    >>> drawio_kind("mxgraph.bpmn.event", {"outline": "end", "symbol": "terminate"}, {})
    ('bpmn-end-terminate', {})
    >>> drawio_kind("mxgraph.bpmn.gateway2", {"gwType": "parallel"}, {})
    ('bpmn-gateway-parallel', {})
    >>> drawio_kind("", {"rounded": "1"}, {"c4Type": "Container"})
    ('c4-container', {})
    """
    if shape.startswith("mxgraph.bpmn."):
        return _bpmn(shape, style)
    existing = _EXISTING.get(shape)
    if existing is not None:
        return existing[0], dict(existing[1])
    wall = _WALLS.get(shape)
    if wall is not None:
        props: dict[str, Any] = {}
        direction = style.get("direction", "east")
        if direction in ("south", "west", "north"):
            props["direction"] = direction
        thick = _number(style.get("wallThickness"))
        if thick is not None and thick != 10.0:
            props["thickness"] = thick
        return wall, props
    if shape == "message":
        return "bpmn-message", {}
    if shape == "datastore":
        return "bpmn-data-store", {}
    if shape in ("mxgraph.c4.person", "mxgraph.c4.person2"):
        return "c4-person", {}
    if shape in _C4_BOX_SHAPES or shape.startswith("mxgraph.c4."):
        kind = _c4(attrs)
        if kind is not None:
            return kind, {"container": True} if kind.endswith("boundary") else {}
    return None


def _bpmn(shape: str, style: Mapping[str, str]) -> tuple[str, dict[str, Any]] | None:
    name = shape.removeprefix("mxgraph.bpmn.")
    outline = style.get("outline", "")
    symbol = _SYMBOLS.get(style.get("symbol", "general"), "none")
    if name == "event":
        position, throwing = _OUTLINES.get(outline, ("start", False))
        return event_kind(position, symbol, throwing)
    if name in ("task", "task2"):
        sub = style.get("isLoopSub") == "1" or style.get("bpmnShapeType") in (
            "subprocess",
            "call",
            "transaction",
        )
        return _task(style.get("taskMarker", "abstract"), sub)
    if name in ("gateway2", "gateway"):
        if outline == "end" and symbol == "none":
            return _gateway("inclusive")
        if outline and outline != "none":
            return _gateway("event-based")
        return _gateway(_GW_TYPES.get(style.get("gwType", "exclusive"), "exclusive"))
    if name == "shape":
        if style.get("background") == "gateway":
            return _gateway(_GW_SYMBOLS.get(style.get("symbol", ""), "exclusive"))
        if outline in _OUTLINES:
            position, throwing = _OUTLINES[outline]
            return event_kind(position, symbol, throwing)
        return None
    if name in ("data", "data2"):
        return "bpmn-data-object", {}
    if name == "datastore":
        return "bpmn-data-store", {}
    if name in ("task_user", "user_task"):
        return _task("user", False)
    if name in ("service_task",):
        return _task("service", False)
    if name in ("script_task",):
        return _task("script", False)
    if name in ("manual_task",):
        return _task("manual", False)
    m = _LEGACY_EVENT.fullmatch(shape)
    if m:
        symbol = _SYMBOLS.get(m.group(1), "none")
        position = m.group(2)
        return event_kind(position, symbol, position == "end")
    return None


# --------------------------------------------------------------------------- export
_EVENT_OUTLINE: Final = {"start": "standard", "intermediate": "catching", "end": "end"}
_EVENT_RE: Final = re.compile(r"bpmn-(start|intermediate|end)-([a-z]+)")
_SYMBOL_OF: Final = {v: k for k, v in _SYMBOLS.items() if k not in ("", "none")}
_C4_STYLE: Final = "rounded=1;whiteSpace=wrap;html=1;arcSize=10;metaEdit=1;"
_C4_BOUNDARY_STYLE: Final = (
    "rounded=1;whiteSpace=wrap;html=1;arcSize=2;dashed=1;dashPattern=8 4;"
    "align=left;verticalAlign=bottom;metaEdit=1;"
)
#: The ``c4Type`` export writes for each C4 kind.
C4_TYPE_NAMES: Final[Mapping[str, str]] = {
    "c4-person": "Person",
    "c4-software-system": "Software System",
    "c4-container": "Container",
    "c4-component": "Component",
    "c4-system-boundary": "SystemScopeBoundary",
    "c4-container-boundary": "ContainerScopeBoundary",
}
_MARKER_OK: Final = re.compile(r"[a-z-]{1,30}")
_TASK_STYLE: Final = "shape=mxgraph.bpmn.task;rectStyle=rounded;size=10;"
#: Kinds whose draw.io style depends on no prop.
_FIXED_STYLES: Final[Mapping[str, str]] = {
    "bpmn-data-object": "shape=mxgraph.bpmn.data;",
    "bpmn-data-store": "shape=datastore;",
    "bpmn-message": "shape=message;",
    "c4-person": "shape=mxgraph.c4.person2;metaEdit=1;",
}


def drawio_style(kind: str, props: Mapping[str, Any]) -> str | None:
    """Return the draw.io style prefix that draws ``kind``, or None if not ours.

    >>> drawio_style("bpmn-end-error", {})
    'shape=mxgraph.bpmn.event;perimeter=ellipsePerimeter;outlineConnect=0;aspect=fixed;outline=end;symbol=error;'
    >>> drawio_style("bpmn-user-task", {})
    'shape=mxgraph.bpmn.task;rectStyle=rounded;size=10;taskMarker=user;'
    """
    m = _EVENT_RE.fullmatch(kind)
    if m:
        position, marker = m.group(1), m.group(2)
        override = props.get("marker")
        if isinstance(override, str) and _MARKER_OK.fullmatch(override):
            marker = override
        outline = _EVENT_OUTLINE[position]
        if position == "intermediate" and props.get("throwing") is True:
            outline = "throwing"
        symbol = _SYMBOL_OF.get(marker, "general")
        return (
            "shape=mxgraph.bpmn.event;perimeter=ellipsePerimeter;outlineConnect=0;"
            f"aspect=fixed;outline={outline};symbol={symbol};"
        )
    if kind == "bpmn-sub-process":
        return _TASK_STYLE + "taskMarker=abstract;isLoopSub=1;"
    if kind == "bpmn-task" or (kind.startswith("bpmn-") and kind.endswith("-task")):
        task = kind.removeprefix("bpmn-").removesuffix("-task").removesuffix("task")
        marker = task.rstrip("-") or "abstract"
        return _TASK_STYLE + f"taskMarker={marker};"
    if kind.startswith("bpmn-gateway-"):
        gw = kind.removeprefix("bpmn-gateway-")
        if props.get("gateway") == "complex":
            gw = "complex"
        base = (
            "shape=mxgraph.bpmn.gateway2;perimeter=rhombusPerimeter;outlineConnect=0;"
        )
        if gw == "inclusive":
            return base + "outline=end;symbol=general;"
        if gw == "event-based":
            return base + "outline=catching;symbol=multiple;"
        return base + f"outline=none;symbol=none;gwType={gw};"
    fixed = _FIXED_STYLES.get(kind)
    if fixed is not None:
        return fixed
    wall = {v: k for k, v in _WALLS.items()}.get(kind)
    if wall is not None:
        direction = props.get("direction")
        out = f"shape={wall};"
        if direction in ("south", "west", "north"):
            out += f"direction={direction};"
        thick = props.get("thickness")
        if isinstance(thick, int | float) and not isinstance(thick, bool):
            value = _number(str(thick))
            if value is not None:
                out += f"wallThickness={value:g};"
        return out
    if kind in ("c4-system-boundary", "c4-container-boundary"):
        return _C4_BOUNDARY_STYLE
    if kind in C4_TYPE_NAMES:
        return _C4_STYLE
    return None


def drawio_attrs(kind: str, text: str) -> dict[str, str]:
    """Return the ``object`` attributes draw.io's C4 shapes carry for a C4 shape.

    The label's lines are the name, ``[Type: technology]`` and the description.

    >>> a = drawio_attrs("c4-container", "API\\n[Container: Go]\\nServes data")
    >>> a["c4Name"], a["c4Technology"], a["c4Description"]
    ('API', 'Go', 'Serves data')
    >>> drawio_attrs("bpmn-task", "x")
    {}
    """
    c4_type = C4_TYPE_NAMES.get(kind)
    if c4_type is None:
        return {}
    lines = [ln.strip() for ln in text.split("\n")]
    name = lines[0] if lines else ""
    tech = ""
    rest = lines[1:]
    if rest and rest[0].startswith("[") and rest[0].endswith("]"):
        inner = rest[0][1:-1]
        _t, colon, tech = inner.partition(":")
        tech = tech.strip() if colon else ""
        rest = rest[1:]
    out = {"c4Type": c4_type, "c4Name": name}
    if tech:
        out["c4Technology"] = tech
    description = "\n".join(ln for ln in rest if ln)
    if description:
        out["c4Description"] = description
    return out


# --------------------------------------------------------------------------- Gliffy
#: Gliffy's BPMN gateways (``…bpmn_v1.gateways.<name>``) → gateway types.
_GLIFFY_GATEWAYS: Final[Mapping[str, str]] = {
    "gateway": "exclusive",
    "gateway_xor_data": "exclusive",
    "gateway_and": "parallel",
    "gateway_or": "inclusive",
    "gateway_xor_event": "event-based",
    "gateway_complex": "complex",
}
#: Gliffy's BPMN event triggers (the first word of ``<trigger>_<position>``).
_GLIFFY_TRIGGERS: Final[Mapping[str, str]] = {
    "general": "none",
    "message": "message",
    "timer": "timer",
    "cancel": "cancel",
    "link": "link",
    "error": "error",
    "compensation": "compensation",
    "rule": "conditional",
    "multiple": "multiple",
    "signal": "signal",
    "escalation": "escalation",
}
_GLIFFY_TASKS: Final = ("user", "service", "script", "send", "receive", "manual")


def gliffy_kind(uid: str) -> tuple[str, dict[str, Any]] | None:
    """Return the kind and props a Gliffy BPMN stencil uid imports as, or None.

    Gliffy names its BPMN stencils ``com.gliffy.shape.bpmn.bpmn_v1.<group>.<name>``:
    events ``<trigger>_<start|intermediate|end>`` (and ``terminate``), gateways
    ``gateway_and``, ``gateway_or`` …, activities ``task``,
    ``collapsed_sub_process`` …, and ``data_object``. Markers alone (looping,
    ad hoc), annotations and groups map to nothing.

    >>> gliffy_kind("com.gliffy.shape.bpmn.bpmn_v1.events.timer_start")
    ('bpmn-start-timer', {})
    >>> gliffy_kind("com.gliffy.shape.bpmn.bpmn_v1.events.terminate")
    ('bpmn-end-terminate', {})
    >>> gliffy_kind("com.gliffy.shape.bpmn.bpmn_v1.gateways.gateway_and")
    ('bpmn-gateway-parallel', {})
    """
    if not uid.startswith("com.gliffy.shape.bpmn."):
        return None
    parts = uid.split(".")
    group, name = parts[-2].lower(), parts[-1].lower()
    if group == "gateways" or name.startswith("gateway"):
        return _gateway(_GLIFFY_GATEWAYS.get(name, "exclusive"))
    if group == "events":
        if name == "terminate":
            return event_kind("end", "terminate")
        trigger, _, position = name.rpartition("_")
        if position in ("start", "intermediate", "end") and trigger in _GLIFFY_TRIGGERS:
            return event_kind(position, _GLIFFY_TRIGGERS[trigger], position != "start")
        return None
    if name in ("data_object", "data_input", "data_output"):
        return "bpmn-data-object", {}
    if name in ("data_store", "datastore"):
        return "bpmn-data-store", {}
    if name in ("collapsed_sub_process", "call_activity"):
        return "bpmn-sub-process", {}
    if name in ("task", "process", "transaction", "expanded_sub_process"):
        return _task("abstract", False)
    if group == "activities":
        for t in _GLIFFY_TASKS:
            if name.startswith(t):
                return _task(t, False)
    return None
