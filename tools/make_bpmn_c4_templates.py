"""Write the BPMN and C4 templates in ``src/linework/templates/`` with the core.

The templates are drawn through the editor's own actions (the same ones the
palette and the panel send), so they hold exactly what a user would make.

Usage: python tools/make_bpmn_c4_templates.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linework.editor import Editor
from linework.formats import native
from linework.model import Document, frozen_map

OUT = Path(__file__).resolve().parents[1] / "src" / "linework" / "templates"


def _act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    message = {"type": "action", "name": action, "args": args}
    ui: dict[str, Any] = ed.handle(message)["ui"]
    if ui.get("error"):
        raise SystemExit(f"{action} {args}: {ui['error']}")
    return ui


def _add(
    ed: Editor, kind: str, x: float, y: float, text: str = "", **size: float
) -> str:
    ui = _act(ed, "add-shape", kind=kind, x=x, y=y, text=text, **size)
    return str(ui["selection"][0])


def _line(
    ed: Editor,
    a: str,
    b: str,
    preset: str,
    label: str = "",
    ports: tuple[str | None, str | None] = (None, None),
) -> str:
    ui = _act(
        ed,
        "connect",
        source={"shape": a, "port": ports[0]},
        target={"shape": b, "port": ports[1]},
    )
    cid = str(ui["selection"][0])
    _act(ed, "connector-preset", name=preset, ids=[cid])
    if label:
        _act(ed, "set-text", id=cid, text=label, label=0)
    return cid


def _titled(doc: Document, title: str) -> Document:
    return Document(
        records=doc.records, meta=frozen_map({"title": title}), extra=doc.extra
    )


def bpmn_process() -> Document:
    """An order process: a pool with two lanes, events, tasks, a gateway, data."""
    ed = Editor()
    pool = _add(ed, "bpmn-pool", 520, 260, w=960, h=400)
    lanes = sorted(
        (s for s in ed.document.contents(pool)),
        key=lambda s: s.box.y,  # type: ignore[union-attr]
    )
    _act(ed, "set-text", id=pool, text="Online shop")
    _act(ed, "set-text", id=lanes[0].id, text="Customer service")
    _act(ed, "set-text", id=lanes[1].id, text="Warehouse")
    y1, y2 = 160.0, 360.0
    start = _add(ed, "bpmn-start-message", 150, y1, "Order received")
    check = _add(ed, "bpmn-user-task", 270, y1, "Check order")
    # 60 high, so that on the grid its middle is level with the tasks' (50 sat 5 px low).
    stock = _add(ed, "bpmn-gateway-exclusive", 410, y1, "In stock?", w=60, h=60)
    # Named above: the "yes" flow leaves downwards, through a name below.
    _act(ed, "set-style", ids=[stock], fields={"label_position": "top"})
    reserve = _add(ed, "bpmn-service-task", 560, y2, "Reserve items")
    pack = _add(ed, "bpmn-manual-task", 720, y2, "Pack and ship")
    notify = _add(ed, "bpmn-send-task", 560, y1, "Apologise to customer")
    end = _add(ed, "bpmn-end-event", 880, y2, "Order shipped")
    cancelled = _add(ed, "bpmn-end-terminate", 720, y1, "Order cancelled")
    store = _add(ed, "bpmn-data-store", 560, 470, "Inventory")
    _line(ed, start, check, "bpmn-sequence-flow")
    _line(ed, check, stock, "bpmn-sequence-flow")
    _line(ed, stock, reserve, "bpmn-sequence-flow", "yes", ports=("s", "w"))
    _line(ed, stock, notify, "bpmn-sequence-flow", "no")
    _line(ed, reserve, pack, "bpmn-sequence-flow")
    _line(ed, pack, end, "bpmn-sequence-flow")
    _line(ed, notify, cancelled, "bpmn-sequence-flow")
    _line(ed, reserve, store, "bpmn-association")
    _act(ed, "select", ids=[])
    return _titled(ed.document, "BPMN process")


def c4_context() -> Document:
    """A system context: a customer, the system in focus and two external systems."""
    ed = Editor()
    boundary = _add(
        ed, "c4-system-boundary", 560, 490, "Big Bank plc\n[Enterprise]", w=840, h=420
    )
    customer = _add(
        ed,
        "c4-person",
        400,
        110,
        "Personal Banking Customer\n[Person]\nA customer of the bank, with personal accounts",
    )
    system = _add(
        ed,
        "c4-software-system",
        400,
        400,
        "Internet Banking System\n[Software System]\nLets customers view their accounts and make payments",
    )
    mainframe = _add(
        ed,
        "c4-software-system",
        800,
        400,
        "Mainframe Banking System\n[Software System]\nStores all core banking information",
    )
    email = _add(
        ed,
        "c4-software-system",
        800,
        600,
        "E-mail System\n[Software System]\nThe internal Microsoft Exchange system",
    )
    _act(ed, "set-style", ids=[mainframe, email], fields={"fill": "#999999"})
    _line(ed, customer, system, "c4-relationship", "Views accounts and pays")
    _line(ed, system, mainframe, "c4-relationship", "Reads and writes", ("e", "w"))
    _line(ed, system, email, "c4-relationship", "Sends e-mails using", ("s", "w"))
    _line(ed, email, customer, "c4-relationship", "Sends e-mails to", ("e", "e"))
    _act(ed, "select", ids=[])
    assert ed.document.get(boundary) is not None
    return _titled(ed.document, "C4 context")


TEMPLATES = {"bpmn-process": bpmn_process, "c4-context": c4_context}


def main() -> None:
    """Write every template of this family."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in TEMPLATES.items():
        (OUT / f"{name}.linework").write_bytes(native.encode(make()))
        print(f"wrote {name}.linework")


if __name__ == "__main__":
    main()
