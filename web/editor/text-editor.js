// @ts-check
// In-place text editing: a <textarea> laid over the element's label box,
// moved, scaled and rotated with the view. Its value goes to Python as data
// (`set-text`), never into markup. Enter and Shift+Enter insert a newline;
// Ctrl/Cmd+Enter, Escape or a click elsewhere commit (Enter too on a class's
// or table's row, which is one line: `edit_text.single_line`). A shape's label
// (which takes runs: ui.edit_text.rich) is edited in the rich editor instead
// (rich-editor.js); whichever is in use carries data-role="text-editor".

import { isTyping, onKeyFirst } from "../keys.js";
import { createRichEditor } from "./rich-editor.js";

export function createTextEditor({ stage, svg, canvas, editor }) {
  const area = document.createElement("textarea");
  area.className = "text-editor";
  area.dataset.role = "text-editor";
  area.setAttribute("aria-label", "Text");
  // Not restored from session history, and emptied when editing ends: the
  // label's text (a sealed diagram's too) lives only in the core.
  area.autocomplete = "off";
  area.spellcheck = true;
  area.hidden = true;
  stage.append(area);
  let editing = null; // ui.edit_text being edited
  let committed = null; // key of the edit sent with set-text, until a response closes it
  let ahead = { keys: "", since: 0 }; // keys typed after one that opens the editor
  // One connector has several labels: an edit is its element and label.
  const keyOf = (edit) => `${edit.id}#${edit.label ?? 0}`;

  function place() {
    if (editing === null) return;
    const target = rich.editing !== null ? rich.box : area;
    const { box, rotation, style } = editing;
    const { scale, x, y } = canvas.view;
    const cx = x + (box.x + box.w / 2) * scale;
    const cy = y + (box.y + box.h / 2) * scale;
    const s = target.style;
    s.width = `${box.w}px`;
    s.height = `${box.h}px`;
    s.left = `${cx - box.w / 2}px`;
    s.top = `${cy - box.h / 2}px`;
    s.transform = `scale(${scale}) rotate(${rotation || 0}deg)`;
    // Per side, as the renderer insets the text (Python resolves and clamps it).
    const uniform = style.text_padding ?? 6;
    const pad = { top: uniform, right: uniform, bottom: uniform, left: uniform, ...style.padding };
    const lineHeight = style.font_size * 1.2;
    const lines = Math.max(1, target === area ? area.value.split("\n").length : 1);
    // The rich editor's paragraphs may differ in size: measure them (unscaled).
    const tall = target === area ? lines * lineHeight
      : Math.max(lineHeight, [...rich.box.children].reduce((h, el) => h + /** @type {HTMLElement} */ (el).offsetHeight, 0));
    const free = Math.max(0, box.h - tall - pad.top - pad.bottom);
    const shift = style.valign === "top" ? 0 : style.valign === "bottom" ? free : free / 2;
    s.padding = `${pad.top + shift}px ${pad.right}px ${pad.bottom}px ${pad.left}px`;
    if (target !== area) rich.placeBar();
  }

  const rich = createRichEditor({
    stage,
    place: () => place(),
    commitWith(edit, args) {
      committed = keyOf(edit);
      editing = null;
      editor.action("set-text", args).catch(() => {});
    },
    onClose(hadFocus) {
      rich.box.dataset.role = "rich-text-editor";
      area.dataset.role = "text-editor";
      editing = null;
      if (hadFocus) svg.focus({ preventScroll: true });
    },
  });

  function open(edit) {
    if (edit.rich === true) {
      if (editing !== null && rich.editing === null) close();
      editing = edit;
      area.dataset.role = "plain-text-editor";
      rich.box.dataset.role = "text-editor";
      // Typed on the selection: the keys replace the label (as in the plain editor).
      const typed = typeof edit.typed === "string" ? edit.typed + ahead.keys : null;
      ahead = { keys: "", since: 0 };
      rich.open(edit, typed);
      return;
    }
    if (rich.editing !== null) rich.close();
    editing = edit;
    const { style } = edit;
    const s = area.style;
    s.fontFamily = `${style.font_family || "Arimo"}, Arimo, Arial, Helvetica, sans-serif`;
    s.fontSize = `${style.font_size}px`;
    s.lineHeight = "1.2";
    s.color = /^#[0-9a-fA-F]{3,8}$/.test(style.font_color) ? style.font_color : "#1f2933";
    s.fontWeight = style.bold ? "700" : "400";
    s.fontStyle = style.italic ? "italic" : "normal";
    s.textDecoration = style.underline ? "underline" : "none";
    s.textAlign = ["left", "center", "right"].includes(style.align) ? style.align : "center";
    // A label that does not wrap keeps each line whole, as it will be drawn.
    s.whiteSpace = style.wrap === false ? "pre" : "pre-wrap";
    const typed = typeof edit.typed === "string" ? edit.typed + ahead.keys : null;
    ahead = { keys: "", since: 0 };
    area.value = typed ?? edit.text;
    area.hidden = false;
    place();
    area.focus({ preventScroll: true });
    // Typed on the selection: the keys replace the label, the caret after them.
    if (typed !== null) area.setSelectionRange(typed.length, typed.length);
    else area.select();
  }

  const waiting = () => editing === null && ahead.since > 0 && performance.now() - ahead.since < 2000;

  /** A key typed on the selection: true to send it (it opens the editor);
   *  false while an earlier one is on its way (this one waits here). */
  function typeAhead(key) {
    if (waiting()) {
      ahead.keys += key;
      return false;
    }
    ahead = { keys: "", since: performance.now() };
    return true;
  }

  // Keys typed while the first one is on its way (Space too, which would
  // pan) wait here, ahead of every other key handler, until the editor opens.
  onKeyFirst((e) => {
    if (!waiting() || e.isComposing || e.key.length !== 1) return false;
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (isTyping(e.target)) return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    ahead.keys += e.key;
    return true;
  });

  function close() {
    if (rich.editing !== null) { rich.close(); return; }
    editing = null;
    area.hidden = true;
    area.value = "";
    if (document.activeElement === area) svg.focus({ preventScroll: true });
  }

  /** Send the text to Python (if editing) and close the editor. */
  function commit() {
    if (rich.editing !== null) { rich.commit(); return; }
    if (editing === null) return;
    const { id, label } = editing;
    const text = area.value;
    committed = keyOf(editing);
    close();
    editor.action("set-text", { id, text, label: label ?? 0 }).catch(() => {});
  }

  area.addEventListener("keydown", (e) => {
    e.stopPropagation();
    const oneLine = editing?.single_line === true && !e.shiftKey; // a class's row
    if (e.key === "Escape" || (e.key === "Enter" && (e.ctrlKey || e.metaKey || oneLine))) {
      e.preventDefault();
      commit();
    }
  });
  area.addEventListener("input", place);
  area.addEventListener("blur", () => commit());

  editor.onUi((ui) => {
    const edit = ui.edit_text;
    if (!edit) committed = null;
    if (edit && keyOf(edit) === committed) return;
    if (edit && (editing === null || keyOf(editing) !== keyOf(edit))) open(edit);
    else if (!edit && editing !== null) close();
  });

  // Follow the view while editing (zoom and pan change the viewport's transform).
  new MutationObserver(place).observe(svg.querySelector('[data-role="viewport"]'), {
    attributes: true, attributeFilter: ["transform"],
  });

  return { commit, place, typeAhead, get open() { return editing !== null; } };
}
