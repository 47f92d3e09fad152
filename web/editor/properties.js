// @ts-check
// The properties panel: the selection's style, text, connector options and
// geometry (from ui.style / ui.props), or the page's grid when nothing is
// selected. Every control has a label; a change sends one action.

import { labelOf } from "./actions.js";
import { assign, assignAttr } from "./assign.js";
import { FAMILY_NAMES } from "./rich-editor.js";
import { createPresets, createSwatches, rememberColour } from "./swatches.js";

const ARROWHEADS = ["none", "classic", "open", "block", "block-hollow", "diamond",
  "diamond-hollow", "circle", "circle-hollow", "er-one", "er-many", "er-zero-or-one",
  "er-one-or-many", "er-zero-or-many", "cross"];
const DASHES = ["solid", "dashed", "dotted", "dash-dot"];
// UML and ER connector presets (linework.shapes.relations): arrowheads and dash at once.
const RELATIONS = ["association", "directed-association", "aggregation", "composition",
  "generalization", "realization", "dependency", "message", "reply", "er-one-to-one",
  "er-one-to-many", "er-one-to-zero-or-many", "er-zero-or-one-to-many", "er-many-to-many"];
const ROUTINGS = ["straight", "orthogonal", "curved"];
const CONNECTOR_PRESETS = [["bpmn-sequence-flow", "BPMN sequence flow"], ["bpmn-message-flow", "BPMN message flow"],
  ["bpmn-association", "BPMN association"], ["c4-relationship", "C4 relationship"]];
const LINK = /^((https?:\/\/|mailto:)[^\s"<>]*)?$/i;
const HEX = /^#[0-9a-f]{6}$/i;

const title = (s) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("-", " ");
let uid = 0;

export function createProperties({ root, editor }) {
  const fields = []; // {show(ui) → bool, update(ui)}
  const sections = [];
  let ui = null;

  function section(name, visible) {
    const el = document.createElement("section");
    el.className = "prop-section";
    const h = document.createElement("h2");
    h.textContent = name;
    const body = document.createElement("div");
    body.className = "prop-grid";
    el.append(h, body);
    root.append(el);
    sections.push({ el, visible });
    return body;
  }

  function labelled(parent, text, control, { wide = false } = {}) {
    const id = `prop-${++uid}`;
    control.id = id;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = text;
    const cell = document.createElement("div");
    cell.className = wide ? "prop wide" : "prop";
    cell.append(label, control);
    parent.append(cell);
    return cell;
  }

  const style = (fieldsOut) => editor.action("set-style", { fields: fieldsOut }).catch(() => {});
  const editing = (el) => document.activeElement === el;

  /**
   * @param {HTMLElement} parent
   * @param {string} text
   * @param {string} name
   * @param {{ noneLabel?: string }} [options]
   */
  function colour(parent, text, name, { noneLabel } = {}) {
    const input = document.createElement("input");
    input.type = "color";
    input.dataset.prop = name;
    const cell = labelled(parent, text, input);
    let none = null;
    if (noneLabel) {
      none = document.createElement("input");
      none.type = "checkbox";
      none.dataset.prop = `${name}-none`;
      const l = document.createElement("label");
      l.className = "inline";
      l.append(none, document.createTextNode(noneLabel));
      cell.append(l);
      none.addEventListener("change", () => style({ [name]: none.checked ? "none" : input.value }));
    }
    input.addEventListener("change", () => { rememberColour(input.value); style({ [name]: input.value }); });
    const swatches = createSwatches(name, text, (v) => style({ [name]: v }));
    cell.append(swatches.toggle, swatches.panel);
    fields.push({
      update(u) {
        swatches.update(u);
        const v = u.style?.[name];
        if (!editing(input) && typeof v === "string" && HEX.test(v)) assign(input, "value", v);
        input.classList.toggle("mixed", v === null || v === undefined);
        if (none) { assign(none, "checked", v === "none"); assign(input, "disabled", v === "none"); }
      },
    });
  }

  // step="any": every value in range is valid (a free rotation of 69.45°, an
  // imported fractional box), so no field is flagged :invalid. The arrow keys
  // step by `step` themselves (Shift: ten steps), to the next multiple of it.
  // nullable: an empty field sends null (the automatic value, shown as "auto").
  function number(parent, text, name, { min = 0, max = 1000, step = 1, send, read, nullable = false }) {
    const input = document.createElement("input");
    input.type = "number";
    input.autocomplete = "off";
    Object.assign(input, { min, max, step: "any" });
    input.dataset.prop = name;
    input.dataset.step = String(step);
    labelled(parent, text, input);
    const clamp = (v) => Math.min(max, Math.max(min, v));
    input.addEventListener("change", () => {
      const v = Number(input.value);
      if (input.value === "") { if (nullable) send(null); }
      else if (Number.isFinite(v)) send(clamp(v));
    });
    input.addEventListener("keydown", (e) => {
      if ((e.key !== "ArrowUp" && e.key !== "ArrowDown") || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const by = e.shiftKey ? step * 10 : step;
      const v = input.value === "" ? 0 : Number(input.value);
      if (!Number.isFinite(v)) return;
      const q = v / by;
      const next = e.key === "ArrowUp"
        ? (Math.floor(q + 1e-9) + 1) * by
        : (Math.ceil(q - 1e-9) - 1) * by;
      const value = clamp(Math.round(next * 1e6) / 1e6);
      input.value = String(value);
      send(value);
    });
    fields.push({
      update(u) {
        if (editing(input)) return;
        const v = read(u);
        assign(input, "value", typeof v === "number" ? String(Math.round(v * 100) / 100) : "");
        assign(input, "placeholder", nullable ? "auto" : v === null ? "mixed" : "");
      },
    });
  }

  function select(parent, text, name, options, { send, read, names = {} }) {
    const el = document.createElement("select");
    el.dataset.prop = name;
    el.append(new Option("—", ""));
    for (const o of options) el.append(Array.isArray(o) ? new Option(o[1], o[0]) : new Option(names[o] ?? title(o), o));
    labelled(parent, text, el);
    el.addEventListener("change", () => { if (el.value) send(el.value); });
    fields.push({ update(u) { if (!editing(el)) assign(el, "value", read(u) ?? ""); } });
  }

  function toggle(parent, text, name, { send, read }) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `toggle toggle-${name}`;
    b.dataset.prop = name;
    b.textContent = text.charAt(0);
    b.title = text;
    b.setAttribute("aria-label", text);
    parent.append(b);
    b.addEventListener("click", () => send(b.getAttribute("aria-pressed") !== "true"));
    fields.push({ update(u) { assignAttr(b, "aria-pressed", String(read(u) === true)); } });
  }

  function checkbox(parent, text, name, { send, read }) {
    const input = document.createElement("input");
    input.type = "checkbox";
    input.dataset.prop = name;
    const label = document.createElement("label");
    label.className = "inline prop wide";
    label.append(input, document.createTextNode(text));
    parent.append(label);
    input.addEventListener("change", () => send(input.checked));
    fields.push({ update(u) { const v = read(u); assign(input, "checked", v === true); assign(input, "indeterminate", v === null); } });
  }

  /**
   * @param {HTMLElement} parent
   * @param {string} text
   * @param {string} name
   * @param {{ multiline?: boolean, send: (value: any) => void, read: (u: any) => any, check?: (value: string) => any }} options
   */
  function textField(parent, text, name, { multiline = false, send, read, check }) {
    const el = multiline ? document.createElement("textarea") : document.createElement("input");
    if (el instanceof HTMLInputElement) el.type = "text";
    else el.rows = 2;
    el.autocomplete = "off";
    el.dataset.prop = name;
    labelled(parent, text, el, { wide: true });
    el.addEventListener("change", () => {
      if (check && !check(el.value)) { el.reportValidity(); return; }
      send(el.value);
    });
    if (check) el.addEventListener("input", () => el.setCustomValidity(check(el.value) ? "" : "Use an http, https or mailto address."));
    fields.push({ update(u) { if (!editing(el)) { const v = read(u); assign(el, "value", v ?? ""); assign(el, "placeholder", v === null ? "mixed" : ""); } } });
  }

  function button(parent, text, action, args = () => ({})) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.dataset.propAction = action;
    parent.append(b);
    b.addEventListener("click", () => editor.action(action, args()).catch(() => {}));
    return b;
  }

  const has = (u) => u.selection.length > 0;
  const st = (name) => (u) => u.style?.[name];
  const setStyle = (name, scale = 1) => (v) => style({ [name]: v * scale });

  // --- the selection -------------------------------------------------------
  let s = section("Style", (u) => has(u) && u.props.shapes > 0);
  s.append(createPresets(style));
  colour(s, "Fill", "fill", { noneLabel: "None" });
  s = section("Line", has);
  colour(s, "Line colour", "stroke", { noneLabel: "None" });
  number(s, "Line width", "stroke_width", { min: 0, max: 100, step: 0.5, send: setStyle("stroke_width"), read: st("stroke_width") });
  select(s, "Dash", "dash", DASHES, { send: (v) => style({ dash: v }), read: st("dash") });
  number(s, "Opacity %", "opacity", { min: 0, max: 100, step: 5, send: setStyle("opacity", 0.01), read: (u) => (typeof u.style?.opacity === "number" ? u.style.opacity * 100 : u.style?.opacity) });
  number(s, "Corner radius", "corner_radius", { min: 0, max: 1000, send: setStyle("corner_radius"), read: st("corner_radius") });
  checkbox(s, "Shadow", "shadow", { send: (v) => style({ shadow: v }), read: st("shadow") });

  s = section("Connector", (u) => has(u) && u.props.connectors > 0);
  select(s, "Routing", "routing", ROUTINGS, { send: (v) => editor.action("set-routing", { routing: v }), read: (u) => u.props.routing });
  select(s, "Start arrow", "start_arrow", ARROWHEADS, { send: (v) => editor.action("set-arrowheads", { start: v }), read: st("start_arrow") });
  select(s, "End arrow", "end_arrow", ARROWHEADS, { send: (v) => editor.action("set-arrowheads", { end: v }), read: st("end_arrow") });
  // Arrowhead lengths in px; empty: the automatic size for the line width.
  for (const [text, name] of [["Start size", "start_arrow_size"], ["End size", "end_arrow_size"]]) {
    number(s, text, name, { min: 1, max: 200, nullable: true, send: (v) => style({ [name]: v }), read: st(name) });
  }
  select(s, "Relation", "relation", RELATIONS, { send: (v) => editor.action("set-relation", { name: v }), read: () => "" });
  // A notation's line in one step (the core holds the styles: editor/connector_presets.py).
  select(s, "Preset", "connector_preset", CONNECTOR_PRESETS, { send: (v) => editor.action("connector-preset", { name: v }).catch(() => {}), read: () => "" });

  s = section("Text", has);
  select(s, "Font", "font_family", Object.keys(FAMILY_NAMES), { names: FAMILY_NAMES, send: (v) => style({ font_family: v }), read: st("font_family") });
  number(s, "Font size", "font_size", { min: 1, max: 1000, send: setStyle("font_size"), read: st("font_size") });
  colour(s, "Font colour", "font_color");
  const toggles = document.createElement("div");
  toggles.className = "prop wide toggles";
  toggles.setAttribute("role", "group");
  toggles.setAttribute("aria-label", "Font style");
  s.append(toggles);
  for (const [name, text] of [["bold", "Bold"], ["italic", "Italic"], ["underline", "Underline"]]) {
    toggle(toggles, text, name, { send: (v) => style({ [name]: v }), read: st(name) });
  }
  select(s, "Align", "align", ["left", "center", "right"], { send: (v) => style({ align: v }), read: st("align") });
  select(s, "Vertical", "valign", ["top", "middle", "bottom"], { send: (v) => style({ valign: v }), read: st("valign") });
  // Outside a shape, the text hugs it: below aligns to the top, left to the right, ...
  const FACING = { top: { valign: "bottom" }, bottom: { valign: "top" }, left: { align: "right" }, right: { align: "left" } };
  select(s, "Label position", "label_position", ["inside", "top", "bottom", "left", "right"], { send: (v) => style({ label_position: v, ...FACING[v] }), read: st("label_position") });
  // Off: the label breaks only at its own line breaks and may overflow (draw.io without whiteSpace=wrap).
  checkbox(s, "Wrap text", "wrap", { send: (v) => style({ wrap: v }), read: st("wrap") });
  textField(s, "Text", "text", {
    multiline: true,
    send: (v) => { if (ui.selection.length === 1) editor.action("set-text", { id: ui.selection[0], text: v }); },
    read: (u) => u.props.text,
  });

  s = section("Arrange", (u) => has(u) && u.props.box !== undefined);
  for (const k of ["x", "y", "w", "h"]) {
    number(s, k.toUpperCase(), `box-${k}`, {
      min: k === "w" || k === "h" ? 1 : -1e6, max: 1e6,
      send: (v) => editor.action("set-box", { [k]: v }),
      read: (u) => u.props.box?.[k],
    });
  }
  number(s, "Rotation °", "rotation", { min: -360, max: 360, step: 15, send: (v) => editor.action("set-rotation", { deg: v }), read: (u) => u.props.rotation });
  textField(s, "Link", "link", {
    check: (v) => LINK.test(v.trim()),
    send: (v) => editor.action("set-link", { url: v.trim() }),
    read: (u) => u.props.link,
  });

  s = section("Selection", has);
  const lockButton = button(s, labelOf("lock"), "toggle-lock");
  button(s, labelOf("copy-style"), "copy-style");
  const pasteStyle = button(s, labelOf("paste-style"), "paste-style");
  fields.push({
    update(u) {
      assign(lockButton, "textContent", labelOf(u.props.locked ? "unlock" : "lock"));
      assign(pasteStyle, "disabled", !u.enabled["paste-style"]);
    },
  });

  // --- the page, when nothing is selected -----------------------------------
  s = section("Page", (u) => !has(u));
  textField(s, "Page name", "page-name", { send: (v) => { if (v.trim()) editor.action("rename-page", { name: v.trim() }); }, read: (u) => u.page.name });
  number(s, "Grid size", "grid-size", { min: 1, max: 1000, send: (v) => editor.action("set-grid", { size: v }), read: (u) => u.page.grid.size });
  checkbox(s, "Show grid", "grid-visible", { send: (v) => editor.action("set-grid", { visible: v }), read: (u) => u.page.grid.visible });
  checkbox(s, "Snap to grid", "snap", { send: (v) => editor.action("set-snap", { snap: v }), read: (u) => u.snap });
  checkbox(s, "Smart guides", "guides", { send: (v) => editor.action("set-guides", { on: v }), read: (u) => u.guides });
  s = section("New connectors", (u) => !has(u));
  const hint = document.createElement("p");
  hint.className = "prop wide hint";
  hint.textContent = "Drag from a shape's blue port to connect it.";
  s.append(hint);

  const summary = document.createElement("p");
  summary.className = "prop-summary";
  summary.dataset.role = "selection-summary";
  root.prepend(summary);

  editor.onUi((next) => {
    ui = next;
    const n = ui.selection.length;
    assign(summary, "textContent", n === 0 ? "Nothing selected" : n === 1
      ? `${ui.props.kind_title ?? title(ui.props.kind ?? (ui.props.connectors ? "connector" : "group"))} selected`
      : `${n} elements selected`);
    for (const { el, visible } of sections) assign(el, "hidden", !visible(ui));
    for (const f of fields) f.update(ui);
  });
}
