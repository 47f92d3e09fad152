// @ts-check
// The layers panel: top layer first; each row shows/hides, locks, renames
// (double-click) and makes the layer active; buttons add, delete, reorder
// and move the selection to the active layer.

import { el } from "../dialogs.js";
import { icon } from "./icons.js";
import { confirmDialog, promptDialog } from "./dialog.js";

function iconButton(name, label, role) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "icon-button";
  b.title = label;
  b.setAttribute("aria-label", label);
  if (role) b.dataset.role = role;
  b.append(icon(name));
  return b;
}

export function createLayers({ root, editor }) {
  const heading = el("h2", { textContent: "Layers" });
  const list = el("ul", { className: "layer-list", dataset: { role: "layers" }, "aria-label": "Layers" });
  const actions = el("div", { className: "layer-actions" });
  const add = iconButton("plus", "Add a layer", "layer-add");
  const up = iconButton("up", "Move the active layer up", "layer-up");
  const down = iconButton("down", "Move the active layer down", "layer-down");
  const moveHere = iconButton("move-here", "Move the selection to the active layer", "layer-move-selection");
  const del = iconButton("trash", "Delete the active layer", "layer-delete");
  actions.append(add, up, down, moveHere, del);
  root.append(heading, list, actions);
  let ui = null;

  const active = () => ui.layers.find((l) => l.id === ui.layer);
  add.addEventListener("click", () => editor.action("add-layer"));
  up.addEventListener("click", () => {
    const i = ui.layers.findIndex((l) => l.id === ui.layer);
    if (i < ui.layers.length - 1) editor.action("move-layer", { id: ui.layer, index: i + 1 });
  });
  down.addEventListener("click", () => {
    const i = ui.layers.findIndex((l) => l.id === ui.layer);
    if (i > 0) editor.action("move-layer", { id: ui.layer, index: i - 1 });
  });
  moveHere.addEventListener("click", () => editor.action("move-to-layer", { id: ui.layer }));
  del.addEventListener("click", async () => {
    const layer = active();
    if (!layer || ui.layers.length < 2) return;
    const yes = await confirmDialog({
      title: "Delete layer", text: `Delete “${layer.name}” and everything on it? You can undo this.`,
      ok: "Delete", danger: true,
    });
    if (yes) editor.action("delete-layer", { id: layer.id });
  });

  async function rename(layer) {
    const name = await promptDialog({ title: "Rename layer", label: "Layer name", value: layer.name, ok: "Rename" });
    if (name) editor.action("rename-layer", { id: layer.id, name });
  }

  function row(layer) {
    const li = document.createElement("li");
    li.dataset.layerId = layer.id;
    li.dataset.active = String(layer.id === ui.layer);
    const eye = iconButton(layer.visible ? "eye" : "eye-off", `${layer.visible ? "Hide" : "Show"} ${layer.name}`, "layer-visible");
    eye.setAttribute("aria-pressed", String(!layer.visible));
    eye.addEventListener("click", () => editor.action(layer.visible ? "hide-layer" : "show-layer", { id: layer.id }));
    const lock = iconButton(layer.locked ? "lock" : "unlock", `${layer.locked ? "Unlock" : "Lock"} ${layer.name}`, "layer-lock");
    lock.setAttribute("aria-pressed", String(layer.locked));
    lock.addEventListener("click", () => editor.action(layer.locked ? "unlock-layer" : "lock-layer", { id: layer.id }));
    const name = document.createElement("button");
    name.type = "button";
    name.className = "layer-name";
    name.dataset.role = "layer-name";
    name.textContent = layer.name;
    name.title = "Make active (double-click to rename)";
    name.setAttribute("aria-pressed", String(layer.id === ui.layer));
    name.addEventListener("click", () => editor.action("set-active-layer", { id: layer.id }));
    name.addEventListener("dblclick", () => rename(layer));
    name.addEventListener("keydown", (e) => { if (e.key === "F2") { e.preventDefault(); rename(layer); } });
    li.append(eye, lock, name);
    return li;
  }

  let shown = "";
  editor.onUi((next) => {
    ui = next;
    const key = JSON.stringify([ui.layers, ui.layer, ui.selection.length > 0]);
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...[...ui.layers].reverse().map(row));
    const i = ui.layers.findIndex((l) => l.id === ui.layer);
    up.disabled = i >= ui.layers.length - 1;
    down.disabled = i <= 0;
    del.disabled = ui.layers.length < 2;
    moveHere.disabled = ui.selection.length === 0;
  });
}
