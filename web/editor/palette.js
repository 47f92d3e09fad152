// @ts-check
// The shape palette: kinds from the core (previews drawn by the real
// renderer; at first paint the build's copy of the core's reply, so the
// palette is full before Python starts) and the icon libraries
// (palette-icons.js, listed at first paint from the build's catalog), in
// collapsible sections; a search box over every library by name and tags; a
// "More shapes" dialog that turns libraries on and off for this session (kept
// in memory only). Click (or Enter) adds a shape or icon in a free spot on
// screen; dragging one onto the canvas drops it at the pointer. The entries
// are one Tab stop: arrow keys move between them (roving tabindex).

import { showDialog } from "../dialogs.js";
import { parseFragments } from "../safe-svg.js";
import { toPage } from "./input.js";
import { createIconLibraries } from "./palette-icons.js";
import { TIER, addVocabulary, queryWords, rankOf, wordsOf } from "./palette-match.js";

// The sections when the core's reply names none (an older snapshot); the
// `palette` reply's `libraries` (id, title, keywords) win.
const LIBRARIES = [["basic", "Basic shapes"], ["flowchart", "Flowchart"], ["uml", "UML"], ["er", "ER"],
  ["bpmn", "BPMN"], ["c4", "C4"], ["mockups", "Mockups"], ["orgchart", "Org chart"]];
const DRAG_PX = 4;

export function createPalette({ root, svg, canvas, editor, call }) {
  const search = document.createElement("input");
  search.type = "search";
  search.autocomplete = "off";
  search.placeholder = "Search shapes and icons";
  search.setAttribute("aria-label", "Search shapes and icons");
  search.dataset.role = "palette-search";
  const moreButton = document.createElement("button");
  moreButton.type = "button";
  moreButton.className = "palette-more";
  moreButton.dataset.role = "more-shapes";
  moreButton.textContent = "More shapes…";
  const sections = document.createElement("div");
  sections.className = "palette-sections";
  const none = document.createElement("p");
  none.className = "palette-none";
  none.textContent = "No shape matches.";
  none.hidden = true;
  const entries = [];
  const coreSections = new Map();
  let libraries = LIBRARIES.map(([id, title]) => ({ id, title, keywords: [] }));
  const coreEnabled = new Map(LIBRARIES.map(([id]) => [id, true]));

  /** The part of the page on screen, in page units: the core places a
   * click-added shape in a free spot inside it. */
  function viewRect() {
    const rect = svg.getBoundingClientRect();
    const a = toPage(svg, canvas.view, rect.left, rect.top);
    const b = toPage(svg, canvas.view, rect.right, rect.bottom);
    return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
  }

  const icons = createIconLibraries({
    onEntry: (button, spec) => wireDrag(button, spec),
    onActivate: (args) => editor.action("add-icon", args),
  });
  root.append(search, moreButton, sections, icons.results, none);

  function entry(kind, sectionWords = []) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "shape";
    button.tabIndex = -1;
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
    const name = wordsOf(`${kind.name} ${kind.title}`);
    const words = [...name, ...wordsOf([...kind.keywords, ...sectionWords].join(" "))];
    addVocabulary(words);
    entries.push({ button, words, name });
    wireDrag(button, {
      name: kind.name,
      size: kind.default_size,
      add: (at) => editor.action("add-shape", { kind: kind.name, ...at }),
      drop: (at) => editor.send({ type: "drop-shape", kind: kind.name, x: at.x, y: at.y }),
    });
    return button;
  }

  function wireDrag(button, spec) {
    let start = null;
    let ghost = null;
    let dragged = false;
    let asking = false;
    // The core highlights the container the shape would join (one ask at a time).
    const preview = (e) => {
      if (asking) return;
      asking = true;
      const at = toPage(svg, canvas.view, e.clientX, e.clientY);
      editor.action("drop-preview", { kind: spec.name, x: at.x, y: at.y })
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
        ghost = button.firstElementChild.cloneNode(true);
        ghost.classList.add("drag-ghost");
        document.body.append(ghost);
        document.body.dataset.dragging = "shape";
      }
      preview(e);
      const [w, h] = spec.size;
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
      (spec.drop ?? spec.add)({ x: at.x, y: at.y }).catch(() => {});
      svg.focus({ preventScroll: true });
    };
    button.addEventListener("pointerup", (e) => end(e, true));
    button.addEventListener("pointercancel", (e) => end(e, false));
    button.addEventListener("click", (e) => {
      setCurrent(button);
      if (dragged) {
        dragged = false;
        e.preventDefault();
        return;
      }
      // A free spot on screen: beside the selection when there is room, else
      // near the view's centre (the core picks, src/linework/editor/placement.py).
      spec.add({ view: viewRect() }).catch(() => {});
      // The new shape is selected: Delete, Ctrl+D, arrows and Ctrl+A now act on
      // the canvas (as in draw.io). Keys sent meanwhile queue behind the add.
      svg.focus({ preventScroll: true });
    });
  }

  // --- Search --------------------------------------------------------------------
  let searching = 0;
  async function filter() {
    const serial = ++searching;
    const words = queryWords(search.value);
    // Whether a word is whole depends on every library's words (./palette-match.js).
    if (words.length > 0) await icons.ready().catch(() => {});
    if (serial !== searching) return;
    const ranks = entries.map(({ words: text, name }) => rankOf(words, text, name));
    // While searching, the icon sections give way to the matching icons.
    root.classList.toggle("is-searching", words.length > 0);
    let found = 0;
    let iconTier = Infinity;
    try {
      ({ total: found, tier: iconTier } = await icons.search(words));
    } catch {
      found = 0;
    }
    if (serial !== searching) return;
    // Shapes stay in their sections, unordered: only those missing the fewest
    // query words show (the icons below are ranked, near misses last).
    const tier = Math.min(iconTier, ...ranks.map((r) => (r === null ? Infinity : Math.floor(r / TIER))));
    let shown = 0;
    entries.forEach(({ button }, i) => {
      const r = ranks[i];
      const match = r !== null && Math.floor(r / TIER) <= tier;
      button.hidden = !match;
      if (match) shown += 1;
    });
    for (const [id, section] of coreSections) {
      section.hidden = !coreEnabled.get(id) || !section.querySelector("button.shape:not([hidden])");
    }
    none.hidden = shown + found > 0 || words.length === 0;
    root.dataset.searched = search.value;
    rove();
  }
  search.addEventListener("input", () => { filter(); });
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
    } else if (e.key === "ArrowDown") {
      const first = shownEntries()[0];
      if (first) {
        e.preventDefault();
        setCurrent(first);
        first.focus();
      }
    }
  });

  // --- One Tab stop: arrow keys move between entries ------------------------------
  /** Whether an entry is shown, read from the attributes that hide it (never
   * from layout: thousands of icon entries sit in pages not laid out yet). */
  function isShown(button) {
    if (button.hidden) return false;
    const searching = root.classList.contains("is-searching");
    for (let el = button.parentElement; el !== null && el !== root; el = el.parentElement) {
      if (el.hidden || (el instanceof HTMLDetailsElement && !el.open)) return false;
      if (searching && el.classList.contains("icon-section")) return false;
    }
    return true;
  }
  function shownEntries() {
    return [...root.querySelectorAll("button.shape")].filter(isShown);
  }
  function setCurrent(button) {
    for (const b of root.querySelectorAll('button.shape[tabindex="0"]')) {
      if (b !== button) b.tabIndex = -1;
    }
    button.tabIndex = 0;
  }
  /** Keep exactly one entry tabbable: the current one if shown, else the first. */
  function rove() {
    const current = [...root.querySelectorAll('button.shape[tabindex="0"]')].find(isShown);
    if (current) return;
    const first = [...root.querySelectorAll("button.shape")].find(isShown);
    if (first) setCurrent(first);
  }
  icons.onChange(rove);
  root.addEventListener("toggle", rove, true);
  root.addEventListener("keydown", (e) => {
    const from = e.target;
    if (!(from instanceof HTMLButtonElement) || !from.classList.contains("shape")) return;
    if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(e.key)) return;
    const shown = shownEntries();
    const i = shown.indexOf(from);
    if (i < 0) return;
    let to = null;
    if (e.key === "ArrowRight") to = shown[i + 1];
    else if (e.key === "ArrowLeft") to = shown[i - 1];
    else if (e.key === "Home") to = shown[0];
    else if (e.key === "End") to = shown[shown.length - 1];
    else {
      // The entry in the next (or previous) row nearest to this column.
      const r = from.getBoundingClientRect();
      const down = e.key === "ArrowDown";
      const row = (b) => b.getBoundingClientRect();
      // The next row is among the few entries either side (4 a row): measure
      // only those, not the thousands of an opened library.
      const near = down ? shown.slice(i + 1, i + 25) : shown.slice(Math.max(0, i - 24), i);
      const candidates = near.filter((b) => (down ? row(b).top > r.top + 2 : row(b).top < r.top - 2));
      if (candidates.length) {
        const nextTop = down
          ? Math.min(...candidates.map((b) => row(b).top))
          : Math.max(...candidates.map((b) => row(b).top));
        const line = candidates.filter((b) => Math.abs(row(b).top - nextTop) < 2);
        to = line.reduce((best, b) =>
          Math.abs(row(b).left - r.left) < Math.abs(row(best).left - r.left) ? b : best);
      } else if (!down) {
        e.preventDefault();
        search.focus();
        return;
      }
    }
    e.preventDefault();
    if (!to) return;
    setCurrent(to);
    to.focus();
    to.scrollIntoView({ block: "nearest" });
  });

  // --- More shapes: libraries on and off for this session --------------------------
  moreButton.addEventListener("click", async () => {
    const libs = [
      ...libraries.map(({ id, title }) => ({ id, title, on: coreEnabled.get(id) })),
      ...icons.catalog.map((lib) => ({
        id: lib.id, title: `${lib.title} (${lib.count.toLocaleString("en")})`, on: icons.isEnabled(lib.id),
      })),
    ];
    const { button, values } = await showDialog({
      role: "more-shapes",
      title: "More shapes",
      text: "Choose the libraries the palette shows. The choice lasts until you close the page.",
      fields: libs.map((lib) => ({ name: lib.id, label: lib.title, type: "checkbox", value: lib.on })),
      buttons: [{ value: "cancel", label: "Cancel" }, { value: "apply", label: "Apply", default: true }],
    });
    if (button !== "apply") return;
    for (const lib of libs) {
      const on = Boolean(values[lib.id]);
      if (coreEnabled.has(lib.id)) coreEnabled.set(lib.id, on);
      else icons.setEnabled(lib.id, on);
    }
    await filter();
    moreButton.focus();
  });

  /** Fill the palette from a `palette` reply's kinds and sections (once). */
  function show(allKinds, sectionList) {
    if (root.dataset.loaded) return;
    if (Array.isArray(sectionList) && sectionList.length) {
      libraries = sectionList.map((l) => ({
        id: String(l.id), title: String(l.title), keywords: (l.keywords ?? []).map(String),
      }));
      for (const { id } of libraries) if (!coreEnabled.has(id)) coreEnabled.set(id, true);
    }
    for (const { id: library, title, keywords } of libraries) {
      const kinds = allKinds.filter((k) => k.library === library);
      if (kinds.length === 0) continue;
      const details = document.createElement("details");
      details.open = true;
      details.className = "palette-section";
      details.dataset.library = library;
      const summary = document.createElement("summary");
      summary.textContent = title;
      const grid = document.createElement("div");
      grid.className = "palette-grid";
      grid.setAttribute("role", "group");
      grid.setAttribute("aria-label", title);
      grid.append(...kinds.map((k) => entry(k, keywords)));
      details.append(summary, grid);
      sections.append(details);
      coreSections.set(library, details);
    }
    sections.append(...icons.sections());
    filter();
    root.dataset.loaded = "1";
  }

  /** Ask the core for the palette, unless the build's copy already filled it. */
  async function load() {
    if (root.dataset.loaded) return;
    const reply = await call({ type: "palette" });
    if (!reply.ok) throw new Error(reply.detail ?? "palette");
    show(reply.kinds, reply.libraries);
  }

  return {
    show,
    load,
    /** For benchmarks: open every library section; resolves when all are built. */
    openAll: () => Promise.all(icons.catalog.map((lib) => {
      icons.setEnabled(lib.id, true);
      const details = /** @type {HTMLDetailsElement} */ (sections.querySelector(`details[data-library="${lib.id}"]`));
      details.open = true;
      return icons.build(lib.id);
    })),
  };
}
