// The shape palette: kinds from the core (previews drawn by the real
// renderer; at first paint the build's copy of the core's reply, so the
// palette is full before Python starts), grouped by library, filtered by a
// search box. Click (or Enter) adds a shape in a free spot on screen;
// dragging one onto the canvas drops
// it at the pointer.

import { parseFragments } from "../safe-svg.js";
import { toPage } from "./input.js";

const LIBRARIES = [["basic", "Basic shapes"], ["flowchart", "Flowchart"]];
const DRAG_PX = 4;

export function createPalette({ root, svg, canvas, editor, call }) {
  const search = document.createElement("input");
  search.type = "search";
  search.autocomplete = "off";
  search.placeholder = "Search shapes";
  search.setAttribute("aria-label", "Search shapes");
  search.dataset.role = "palette-search";
  const sections = document.createElement("div");
  sections.className = "palette-sections";
  const none = document.createElement("p");
  none.className = "palette-none";
  none.textContent = "No shape matches.";
  none.hidden = true;
  root.append(search, sections, none);
  const entries = [];

  /** The part of the page on screen, in page units: the core places a
   * click-added shape in a free spot inside it. */
  function visible() {
    const rect = svg.getBoundingClientRect();
    const a = toPage(svg, canvas.view, rect.left, rect.top);
    const b = toPage(svg, canvas.view, rect.right, rect.bottom);
    return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
  }

  function entry(kind) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "shape";
    button.dataset.shape = kind.name;
    button.title = kind.title;
    button.setAttribute("aria-label", `Add ${kind.title}`);
    const preview = parseFragments([kind.svg]).nodes[0];
    for (const g of preview.querySelectorAll("[data-id]")) {
      g.removeAttribute("data-id");
      g.removeAttribute("data-kind");
    }
    preview.setAttribute("aria-hidden", "true");
    button.append(preview);
    const words = [kind.name, kind.title, ...kind.keywords].join(" ").toLowerCase();
    entries.push({ button, words });
    wireDrag(button, kind);
    return button;
  }

  function wireDrag(button, kind) {
    let start = null;
    let ghost = null;
    let dragged = false;
    let asking = false;
    // The core highlights the container the shape would join (one ask at a time).
    const preview = (e) => {
      if (asking) return;
      asking = true;
      const at = toPage(svg, canvas.view, e.clientX, e.clientY);
      editor.action("drop-preview", { kind: kind.name, x: at.x, y: at.y })
        .catch(() => {}).finally(() => { asking = false; });
    };
    button.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      start = { x: e.clientX, y: e.clientY, id: e.pointerId };
      dragged = false;
      button.setPointerCapture(e.pointerId);
    });
    button.addEventListener("pointermove", (e) => {
      if (start === null || e.pointerId !== start.id) return;
      if (!dragged && Math.hypot(e.clientX - start.x, e.clientY - start.y) < DRAG_PX) return;
      if (!dragged) {
        dragged = true;
        ghost = button.querySelector("svg").cloneNode(true);
        ghost.classList.add("drag-ghost");
        document.body.append(ghost);
        document.body.dataset.dragging = "shape";
      }
      preview(e);
      const [w, h] = kind.default_size;
      const k = canvas.view.scale;
      Object.assign(ghost.style, {
        width: `${w * k}px`, height: `${h * k}px`,
        transform: `translate(${e.clientX - (w * k) / 2}px, ${e.clientY - (h * k) / 2}px)`,
      });
    });
    const end = (e, dropped) => {
      if (start === null || e.pointerId !== start.id) return;
      start = null;
      ghost?.remove();
      ghost = null;
      delete document.body.dataset.dragging;
      if (dragged) editor.action("drop-preview", {}).catch(() => {});
      if (!dragged || !dropped) return;
      const rect = svg.getBoundingClientRect();
      const inside = e.clientX >= rect.left && e.clientX <= rect.right &&
        e.clientY >= rect.top && e.clientY <= rect.bottom;
      if (!inside) return;
      const at = toPage(svg, canvas.view, e.clientX, e.clientY);
      editor.send({ type: "drop-shape", kind: kind.name, x: at.x, y: at.y }).catch(() => {});
      svg.focus({ preventScroll: true });
    };
    button.addEventListener("pointerup", (e) => end(e, true));
    button.addEventListener("pointercancel", (e) => end(e, false));
    button.addEventListener("click", (e) => {
      if (dragged) {
        dragged = false;
        e.preventDefault();
        return;
      }
      // A free spot on screen: beside the selection when there is room, else
      // near the view's centre (the core picks, src/linework/editor/placement.py).
      editor.action("add-shape", { kind: kind.name, view: visible() }).catch(() => {});
      // The new shape is selected: Delete, Ctrl+D, arrows and Ctrl+A now act on
      // the canvas (as in draw.io). Keys sent meanwhile queue behind the add.
      svg.focus({ preventScroll: true });
    });
  }

  function filter() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { button, words: text } of entries) {
      const match = words.every((w) => text.includes(w));
      button.hidden = !match;
      if (match) shown += 1;
    }
    for (const section of sections.children) {
      section.hidden = !section.querySelector("button.shape:not([hidden])");
    }
    none.hidden = shown > 0;
  }
  search.addEventListener("input", filter);
  // Escape anywhere in the palette (an emptied search box included) goes to the canvas.
  root.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    e.preventDefault();
    svg.focus({ preventScroll: true });
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && search.value) {
      e.stopPropagation();
      search.value = "";
      filter();
    }
  });

  /** Fill the palette from a `palette` reply's kinds (once). */
  function show(allKinds) {
    if (root.dataset.loaded) return;
    for (const [library, title] of LIBRARIES) {
      const kinds = allKinds.filter((k) => k.library === library);
      if (kinds.length === 0) continue;
      const details = document.createElement("details");
      details.open = true;
      details.className = "palette-section";
      const summary = document.createElement("summary");
      summary.textContent = title;
      const grid = document.createElement("div");
      grid.className = "palette-grid";
      grid.setAttribute("role", "group");
      grid.setAttribute("aria-label", title);
      grid.append(...kinds.map(entry));
      details.append(summary, grid);
      sections.append(details);
    }
    filter();
    root.dataset.loaded = "1";
  }

  /** Ask the core for the palette, unless the build's copy already filled it. */
  async function load() {
    if (root.dataset.loaded) return;
    const reply = await call({ type: "palette" });
    if (!reply.ok) throw new Error(reply.detail ?? "palette");
    show(reply.kinds);
  }

  return { show, load };
}
