// @ts-check
// Rich in-place editing of a shape's label: a contenteditable <div> built
// from the label's runs (ui.edit_text.runs, JSON data) with DOM APIs only
// (textContent, style properties; never markup from strings), and a small
// format bar. Ctrl/Cmd+B, I, U format only the selected text. A commit sends
// the content's HTML as `set-text {html}`: the core reads it with the same
// sanitizing reader as draw.io labels (formats/richhtml.py), so nothing but
// the formatting survives, and it is one undo step.

import { visibleArea } from "./visible-area.js";

const HEX = /^#[0-9a-f]{6}$/i;
const LINK = /^(https?:\/\/|mailto:)[^\s"<>`']+$/i;
export const FAMILY_STACKS = Object.freeze({
  Arimo: "Arimo, Arial, Helvetica, sans-serif",
  Tinos: "Tinos, 'Times New Roman', Times, serif",
  Cousine: "Cousine, 'Courier New', Courier, monospace",
  Caveat: "Caveat, cursive",
});
export const FAMILY_NAMES = Object.freeze({
  Arimo: "Arimo (sans)", Tinos: "Tinos (serif)", Cousine: "Cousine (mono)", Caveat: "Caveat (hand)",
});
const SIZES = [8, 9, 10, 11, 12, 14, 16, 18, 20, 24, 28, 32, 36, 48, 64, 72];
// execCommand's <font size> steps; the biggest marks a selection to resize.
const MARK_SIZE = "7";

/** Spaces a browser would collapse keep their width (the core reads &nbsp; as a space). */
function keepSpaces(text, atStart, atEnd) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const collapsible = c === " " && ((i === 0 && atStart) || out.endsWith(" ") ||
      (i === text.length - 1 && atEnd));
    out += collapsible ? "\u00a0" : c;
  }
  return out;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Four lines aligned left, centred or right (built with DOM calls). */
function alignIcon(align) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 14 12");
  svg.setAttribute("width", "14");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  [14, 9, 12, 7].forEach((w, i) => {
    const x = align === "left" ? 0 : align === "right" ? 14 - w : (14 - w) / 2;
    const line = document.createElementNS(SVG_NS, "rect");
    line.setAttribute("x", String(x));
    line.setAttribute("y", String(i * 3));
    line.setAttribute("width", String(w));
    line.setAttribute("height", "1.6");
    line.setAttribute("fill", "currentColor");
    svg.append(line);
  });
  return svg;
}

/** Fill `root` with one <div> per paragraph and a <span> (or <a>) per run. */
export function buildContent(root, paragraphs) {
  root.replaceChildren();
  for (const para of paragraphs) {
    const line = document.createElement("div");
    if (["left", "center", "right"].includes(para.align)) line.style.textAlign = para.align;
    const runs = Array.isArray(para.runs) ? para.runs : [];
    runs.forEach((run, i) => {
      // Tags, as the editing commands make them (<b>, <i>, <u>, <strike>,
      // <font>, <a>): the commands then split and join them without ever
      // writing a style attribute, which the page's CSP would refuse.
      let el = document.createTextNode(keepSpaces(String(run.text ?? ""), i === 0, i === runs.length - 1));
      const wrap = (tag, setup) => {
        const outer = document.createElement(tag);
        if (setup) setup(outer);
        outer.append(el);
        el = outer;
      };
      if (run.strike) wrap("strike");
      if (run.underline) wrap("u");
      if (run.italic === true) wrap("i");
      if (run.bold === true) wrap("b");
      // Turned off against the label's style: only a style property says so.
      if (run.bold === false) wrap("span", (x) => { x.style.fontWeight = "400"; });
      if (run.italic === false) wrap("span", (x) => { x.style.fontStyle = "normal"; });
      if (run.underline === false) wrap("span", (x) => { x.style.textDecorationLine = "none"; });
      const color = typeof run.color === "string" && HEX.test(run.color) ? run.color : null;
      const face = FAMILY_STACKS[run.family] ? run.family : null;
      if (color || face) {
        wrap("font", (x) => {
          if (color) x.setAttribute("color", color);
          if (face) x.setAttribute("face", face);
        });
      }
      if (typeof run.size === "number" && run.size > 0) wrap("font", (x) => { x.style.fontSize = `${run.size}px`; });
      const link = typeof run.link === "string" && LINK.test(run.link) ? run.link : null;
      if (link) wrap("a", (x) => x.setAttribute("href", link));
      line.append(el);
    });
    if (!line.childNodes.length) line.append(document.createElement("br"));
    root.append(line);
  }
}

/**
 * The rich editor and its format bar, inside `stage`. `place(el, edit)` lays
 * an editor element over the label box (shared with the plain editor);
 * `commitWith(args)` sends set-text and closes.
 */
export function createRichEditor({ stage, place, commitWith, onClose }) {
  const box = document.createElement("div");
  box.className = "text-editor rich-text-editor";
  box.contentEditable = "true";
  box.setAttribute("role", "textbox");
  box.setAttribute("aria-multiline", "true");
  box.setAttribute("aria-label", "Text");
  box.spellcheck = true;
  box.hidden = true;
  box.dataset.role = "rich-text-editor";

  const bar = document.createElement("div");
  bar.className = "format-bar";
  bar.dataset.role = "format-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Text format");
  bar.hidden = true;
  stage.append(box, bar);

  let editing = null;
  let saved = null; // the selection inside `box`, while a bar control has focus

  const inBox = (node) => node !== null && box.contains(node);
  function remember() {
    const sel = document.getSelection();
    if (sel?.rangeCount && inBox(sel.getRangeAt(0).commonAncestorContainer)) {
      saved = sel.getRangeAt(0).cloneRange();
    }
  }
  function restore() {
    // The live selection wins while it is still in the box: "selectionchange"
    // is queued, so `saved` can lag the last key (Shift+Arrow then a bar control).
    remember();
    box.focus({ preventScroll: true });
    if (saved) {
      const sel = document.getSelection();
      sel.removeAllRanges();
      sel.addRange(saved);
    }
  }
  function exec(command, value) {
    restore();
    document.execCommand("styleWithCSS", false, "false");
    document.execCommand(command, false, value);
    remember();
    reflect();
  }

  // --- the bar ------------------------------------------------------------------
  function button(name, label, text, run) {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.format = name;
    b.title = label;
    b.setAttribute("aria-label", label);
    b.textContent = text;
    b.className = `format-${name}`;
    // Keep the focus (and the selection) in the text while clicking.
    b.addEventListener("mousedown", (e) => e.preventDefault());
    b.addEventListener("click", run);
    bar.append(b);
    return b;
  }
  const toggles = {
    bold: button("bold", "Bold (Ctrl+B)", "B", () => exec("bold")),
    italic: button("italic", "Italic (Ctrl+I)", "I", () => exec("italic")),
    underline: button("underline", "Underline (Ctrl+U)", "U", () => exec("underline")),
    strike: button("strike", "Strikethrough", "S", () => exec("strikeThrough")),
  };

  const colour = document.createElement("input");
  colour.type = "color";
  colour.dataset.format = "color";
  colour.title = "Text colour";
  colour.setAttribute("aria-label", "Text colour");
  colour.addEventListener("input", () => { if (HEX.test(colour.value)) exec("foreColor", colour.value); });
  bar.append(colour);

  const size = document.createElement("select");
  size.dataset.format = "size";
  size.title = "Text size";
  size.setAttribute("aria-label", "Text size");
  size.append(new Option("Size", ""));
  for (const px of SIZES) size.append(new Option(`${px}`, String(px)));
  size.addEventListener("change", () => {
    const px = Number(size.value);
    if (!SIZES.includes(px)) return;
    exec("fontSize", MARK_SIZE);
    const marked = /** @type {NodeListOf<HTMLElement>} */ (box.querySelectorAll(`font[size="${MARK_SIZE}"]`));
    for (const font of marked) {
      font.removeAttribute("size");
      font.style.fontSize = `${px}px`;
    }
    reflect();
    place();
  });
  bar.append(size);

  const family = document.createElement("select");
  family.dataset.format = "family";
  family.title = "Font";
  family.setAttribute("aria-label", "Font");
  family.append(new Option("Font", ""));
  for (const [name, label] of Object.entries(FAMILY_NAMES)) family.append(new Option(label, name));
  family.addEventListener("change", () => {
    if (FAMILY_STACKS[family.value]) exec("fontName", family.value);
  });
  bar.append(family);

  for (const [name, label] of [["left", "Align left"], ["center", "Centre"], ["right", "Align right"]]) {
    button(`align-${name}`, label, "", () => align(name)).append(alignIcon(name));
  }

  /** Align the paragraphs the selection touches (a style property per <div>;
   * execCommand's justify would write style attributes, which the CSP refuses). */
  function align(name) {
    restore();
    const sel = document.getSelection();
    if (!sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    const [startNode, startOffset] = [r.startContainer, r.startOffset];
    const [endNode, endOffset] = [r.endContainer, r.endOffset];
    // Text typed straight into the box (no paragraph yet) gets its <div>.
    let loose = [];
    const flush = () => {
      if (!loose.length) return;
      const div = document.createElement("div");
      loose[0].before(div);
      div.append(...loose);
      loose = [];
    };
    for (const node of [...box.childNodes]) {
      if (node.nodeName === "DIV") flush();
      else if (node.nodeName === "BR" && loose.length) { loose.push(node); flush(); }
      else loose.push(node);
    }
    flush();
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    sel.removeAllRanges();
    sel.addRange(range);
    for (const div of box.children) {
      if (range.intersectsNode(div)) /** @type {HTMLElement} */ (div).style.textAlign = name;
    }
    remember();
    place();
  }

  const link = document.createElement("input");
  link.type = "url";
  link.autocomplete = "off";
  link.placeholder = "Link: http(s) or mailto address";
  link.dataset.format = "link-url";
  link.setAttribute("aria-label", "Link address");
  bar.append(link);
  button("link", "Link the selected text (empty: remove the link)", "Link", () => {
    const url = link.value.trim();
    if (url === "") exec("unlink");
    else if (LINK.test(url)) exec("createLink", url);
    else link.setCustomValidity("Use an http, https or mailto address.");
    link.reportValidity();
  });
  link.addEventListener("input", () => link.setCustomValidity(""));
  link.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Enter") { e.preventDefault(); /** @type {HTMLElement} */ (bar.querySelector('[data-format="link"]')).click(); }
  });

  /** Show which toggles the selection has, and its size, font and colour. */
  function reflect() {
    for (const [name, b] of Object.entries(toggles)) {
      const command = name === "strike" ? "strikeThrough" : name;
      let on = false;
      try { on = document.queryCommandState(command); } catch { on = false; }
      b.setAttribute("aria-pressed", String(on));
    }
    const sel = document.getSelection();
    const node = sel?.rangeCount ? sel.getRangeAt(0).startContainer : null;
    const el = node && node.nodeType !== Node.ELEMENT_NODE ? node.parentElement : /** @type {Element | null} */ (node);
    if (!el || !box.contains(el)) return;
    const cs = getComputedStyle(el);
    const px = Math.round(parseFloat(cs.fontSize) * 100) / 100;
    size.value = SIZES.includes(px) ? String(px) : "";
    const first = cs.fontFamily.split(",")[0].replace(/["']/g, "").trim();
    family.value = FAMILY_STACKS[first] ? first : "";
    const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(cs.color);
    if (rgb) colour.value = `#${rgb.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, "0")).join("")}`;
  }

  /**
   * Put the bar above the label (below it when there is no room above), its
   * left edge at the label's, but always inside the visible canvas: near the
   * right edge the link field hid behind the properties panel. A canvas
   * narrower than the bar wraps it.
   */
  function placeBar() {
    if (editing === null) return;
    const GAP = 6;
    const stageRect = stage.getBoundingClientRect();
    const area = visibleArea(stage);
    const minX = area.left - stageRect.left;
    const maxX = area.right - stageRect.left;
    const minY = area.top - stageRect.top;
    const maxY = area.bottom - stageRect.top;
    bar.style.maxWidth = `${Math.max(0, maxX - minX)}px`;
    bar.style.left = `${minX}px`; // measured at its natural width, not squeezed at an edge
    // Rounded up: at exactly its fractional width from the edge it would wrap.
    const { width, height } = bar.getBoundingClientRect();
    const w = Math.ceil(width) + 1;
    const h = Math.ceil(height);
    const r = box.getBoundingClientRect();
    const left = Math.max(minX, Math.min(r.left - stageRect.left, maxX - w));
    const above = r.top - stageRect.top - h - GAP;
    const below = r.bottom - stageRect.top + GAP;
    const top = above >= minY ? above : below + h <= maxY ? below : minY;
    bar.style.left = `${left}px`;
    bar.style.top = `${Math.max(minY, Math.min(top, maxY - h))}px`;
  }

  // --- the text -----------------------------------------------------------------
  const SHORTCUTS = { b: "bold", i: "italic", u: "underline" };
  box.addEventListener("keydown", (e) => {
    e.stopPropagation();
    const primary = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (e.key === "Escape" || (e.key === "Enter" && primary)) {
      e.preventDefault();
      commit();
    } else if (primary && !e.altKey && !e.shiftKey && SHORTCUTS[key]) {
      e.preventDefault();
      remember();
      exec(SHORTCUTS[key]);
    }
  });
  // What is pasted or dropped goes in as plain text (the clipboard's HTML never
  // reaches this document); formatting comes from the bar and the shortcuts.
  box.addEventListener("paste", (e) => {
    e.preventDefault();
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (text) document.execCommand("insertText", false, text);
  });
  box.addEventListener("drop", (e) => e.preventDefault());
  box.addEventListener("input", () => { place(); placeBar(); });
  document.addEventListener("selectionchange", () => {
    if (editing !== null && document.activeElement === box) { remember(); reflect(); }
  });
  // "selectionchange" is queued: a click on a bar field (the link address)
  // right after Shift+Arrow found `saved` one key behind. The key's (or the
  // pointer's) release comes after the selection moved.
  box.addEventListener("keyup", () => { if (editing !== null) remember(); });
  box.addEventListener("pointerup", () => { if (editing !== null) remember(); });
  const leaving = (e) => editing !== null && !bar.contains(e.relatedTarget) && e.relatedTarget !== box;
  // Before focus leaves for a bar control, keep the selection the keys made
  // (their "selectionchange" may still be queued, and is ignored once the box
  // has lost focus).
  bar.addEventListener("pointerdown", remember, true);
  box.addEventListener("blur", (e) => { remember(); if (leaving(e)) commit(); });
  bar.addEventListener("focusout", (e) => { if (leaving(e)) commit(); });

  /**
   * Open on `edit`; `typed` (keys typed on the selection) replaces the label,
   * the caret after it; otherwise the whole label is selected.
   * @param {any} edit
   * @param {string | null} [typed]
   */
  function open(edit, typed = null) {
    editing = edit;
    const { style } = edit;
    const s = box.style;
    s.fontFamily = FAMILY_STACKS[style.font_family] ?? FAMILY_STACKS.Arimo;
    s.fontSize = `${style.font_size}px`;
    s.lineHeight = "1.2";
    s.color = HEX.test(style.font_color) ? style.font_color : "#1f2933";
    s.fontWeight = style.bold ? "700" : "400";
    s.fontStyle = style.italic ? "italic" : "normal";
    s.textDecoration = style.underline ? "underline" : "none";
    s.textAlign = ["left", "center", "right"].includes(style.align) ? style.align : "center";
    s.whiteSpace = style.wrap === false ? "nowrap" : "normal";
    const paragraphs = typed !== null
      ? [{ runs: typed ? [{ text: typed }] : [] }]
      : Array.isArray(edit.runs)
        ? edit.runs
        : String(edit.text ?? "").split("\n").map((line) => ({ runs: line ? [{ text: line }] : [] }));
    buildContent(box, paragraphs);
    box.hidden = false;
    bar.hidden = false;
    place();
    box.focus({ preventScroll: true });
    const sel = document.getSelection();
    sel.selectAllChildren(box);
    if (typed !== null) sel.collapseToEnd();
    remember();
    reflect();
    placeBar();
  }

  function close() {
    editing = null;
    saved = null;
    box.hidden = true;
    bar.hidden = true;
    box.replaceChildren();
    link.value = "";
    onClose(document.activeElement === box || bar.contains(document.activeElement));
  }

  function commit() {
    if (editing === null) return;
    const { id } = editing;
    // innerHTML is the browser's serialization of what was typed; the core
    // reads it as data with its sanitizing reader.
    const html = box.innerHTML;
    const edit = editing;
    close();
    commitWith(edit, { id, html, label: 0 });
  }

  return {
    box,
    bar,
    open,
    close,
    commit,
    placeBar,
    get editing() { return editing; },
  };
}
