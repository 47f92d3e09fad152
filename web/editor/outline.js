// @ts-check
// The diagram for screen readers and keyboards: a live region that announces
// the selection (the core's ui.announce) and the outline ([data-role=outline]),
// a list of the page's shapes with their labels, kinds and connections (the
// core's ui.outline, sent whenever it changes). Up/Down/Home/End move through
// it, Enter or a click selects the shape on the canvas, Escape returns to the
// canvas; Alt+Shift+O comes here from anywhere. Text only (textContent).

import { onKey } from "../keys.js";

export function createOutline({ panel, svg, editor }) {
  const live = document.createElement("div");
  live.className = "sr-only";
  live.dataset.role = "announce";
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  document.body.append(live);

  const box = document.createElement("details");
  box.className = "outline-panel";
  box.dataset.role = "outline-panel";
  box.open = true;
  const summary = document.createElement("summary");
  const heading = document.createElement("h2");
  heading.textContent = "Outline";
  summary.append(heading);
  const hint = document.createElement("p");
  hint.className = "outline-hint";
  hint.textContent = "Every shape, in reading order. Alt+Shift+O comes here; Enter selects.";
  const list = document.createElement("ul");
  list.dataset.role = "outline";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Diagram outline: shapes, their labels and connections");
  list.tabIndex = 0;
  box.append(summary, hint, list);
  panel.append(box);

  let items = [];
  let active = -1;
  let selected = new Set();
  let announced = null; // the last ui.announce seen (null: none yet, say nothing at start)

  function option(item, index) {
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.id = `lw-outline-${index}`;
    li.dataset.element = item.id;
    li.setAttribute("aria-label", item.text);
    const kind = document.createElement("span");
    kind.className = "outline-kind";
    kind.textContent = item.kind;
    const label = document.createElement("span");
    label.className = "outline-label";
    label.textContent = item.label || "(no label)";
    li.append(kind, label);
    if (item.links.length > 0) {
      const links = document.createElement("span");
      links.className = "outline-links";
      links.textContent = item.links.join("; ");
      li.append(links);
    }
    li.addEventListener("click", () => { setActive(index); choose(); });
    return li;
  }

  function show(outline) {
    items = outline.items;
    const nodes = items.map(option);
    if (items.length === 0) {
      const none = document.createElement("li");
      none.className = "outline-none";
      // A big page just shown: its outline follows in idle time.
      none.textContent = outline.listing ? "Listing this page's shapes…" : "No shapes on this page.";
      nodes.push(none);
    }
    if (outline.more > 0) {
      const more = document.createElement("li");
      more.className = "outline-none";
      more.textContent = `and ${outline.more} more shapes`;
      nodes.push(more);
    }
    list.replaceChildren(...nodes);
    list.setAttribute("aria-label", `Outline of ${outline.page}: ${items.length} shape${items.length === 1 ? "" : "s"}, ${outline.connectors} connector${outline.connectors === 1 ? "" : "s"}`);
    setActive(Math.min(active, items.length - 1), false);
    mark();
  }

  function mark() {
    for (const li of /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll("[role=option]"))) {
      li.setAttribute("aria-selected", String(selected.has(li.dataset.element)));
    }
  }

  function setActive(index, scroll = true) {
    active = index;
    const nodes = list.querySelectorAll("[role=option]");
    nodes.forEach((li, i) => { li.classList.toggle("active", i === index); });
    if (index >= 0 && nodes[index]) {
      list.setAttribute("aria-activedescendant", nodes[index].id);
      if (scroll) nodes[index].scrollIntoView({ block: "nearest" });
    } else {
      list.removeAttribute("aria-activedescendant");
    }
  }

  function choose() {
    const item = items[active];
    if (item) editor.action("select", { ids: [item.id] }).catch(() => {});
  }

  list.addEventListener("focus", () => {
    if (active < 0 && items.length > 0) {
      const first = items.findIndex((item) => selected.has(item.id));
      setActive(first >= 0 ? first : 0);
    }
  });
  list.addEventListener("keydown", (e) => {
    const n = items.length;
    let next = null;
    if (e.key === "ArrowDown") next = Math.min(active + 1, n - 1);
    else if (e.key === "ArrowUp") next = Math.max(active - 1, 0);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = n - 1;
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose();
      return;
    } else if (e.key === "Escape") {
      e.preventDefault();
      svg.focus({ preventScroll: true });
      return;
    } else {
      return;
    }
    // The list's own keys: not the editor's (arrows would nudge the selection).
    e.preventDefault();
    if (n > 0) setActive(next);
  });

  // Alt+Shift+O: a page key of its own (no action record), routed by ../keys.js.
  onKey((e) => {
    if (!(e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === "KeyO")) return false;
    if (e.target instanceof Element && e.target.closest("dialog")) return false;
    e.preventDefault();
    box.open = true;
    list.focus();
    return true;
  });

  editor.onUi((ui) => {
    // A big page just shown sends `listing: true` first; its outline follows.
    if (ui.outline) show(ui.outline);
    const now = new Set(ui.selection);
    const same = now.size === selected.size && [...now].every((id) => selected.has(id));
    if (!same) {
      selected = now;
      mark();
      const at = items.findIndex((item) => now.has(item.id));
      if (at >= 0 && document.activeElement !== list) setActive(at, false);
    }
    // The selection in words when it (or its description) changes; a one-off
    // sentence (ui.say: "No shape below") wins.
    const words = ui.announce ?? "";
    const first = announced === null;
    const changed = !same || words !== announced;
    announced = words;
    const text = ui.say ?? (changed && !first ? words : "");
    if (text) {
      // Cleared first, so the same words for another shape are read again.
      live.textContent = "";
      requestAnimationFrame(() => { live.textContent = text; });
    }
  });

  return { list, live };
}
