// The editing toolbar: one button per action, with an icon, an accessible
// name and a tooltip naming its shortcut; enabled from ui.enabled.

import { assign } from "./assign.js";
import { icon } from "./icons.js";

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl+";

// [action, label, shortcut] in groups.
export const TOOLBAR = [
  [["undo", "Undo", `${MOD}Z`], ["redo", "Redo", `${MOD}Shift+Z`]],
  [["delete", "Delete", "Delete"], ["duplicate", "Duplicate", `${MOD}D`]],
  [["to-front", "Bring to front", `${MOD}Shift+]`], ["to-back", "Send to back", `${MOD}Shift+[`]],
  [["group", "Group", `${MOD}G`], ["ungroup", "Ungroup", `${MOD}Shift+G`]],
  [
    ["align-left", "Align left", ""], ["align-center", "Align centre", ""],
    ["align-right", "Align right", ""], ["align-top", "Align top", ""],
    ["align-middle", "Align middle", ""], ["align-bottom", "Align bottom", ""],
    ["distribute-h", "Distribute horizontally", ""], ["distribute-v", "Distribute vertically", ""],
  ],
  [["tidy-tree", "Tidy tree, top-down (select its top shape)", ""], ["tidy-tree-lr", "Tidy tree, left to right", ""]],
  [["new-from-template", "New from template…", ""]],
  [
    ["toggle-lock", "Lock or unlock", `${MOD}Shift+L`],
    ["copy-style", "Copy style", `${MOD}Alt+C`], ["paste-style", "Paste style", `${MOD}Alt+V`],
  ],
];

export function tooltip(label, shortcut) {
  return shortcut ? `${label} (${shortcut})` : label;
}

export function makeButton(action, label, shortcut = "", iconName = action) {
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.action = action;
  button.title = tooltip(label, shortcut);
  button.setAttribute("aria-label", label);
  if (shortcut) button.setAttribute("aria-keyshortcuts", shortcut.replace("⌘", "Meta+"));
  const glyph = icon(iconName);
  if (glyph) button.append(glyph);
  else button.textContent = label;
  return button;
}

export function createToolbar({ bar, editor }) {
  for (const group of TOOLBAR) {
    const div = document.createElement("div");
    div.className = "tool-group";
    div.setAttribute("role", "group");
    div.append(...group.map(([action, label, shortcut]) => makeButton(action, label, shortcut)));
    bar.append(div);
  }
  const spacer = document.createElement("div");
  spacer.className = "spacer";
  const help = makeButton("help", "Keyboard shortcuts", "?");
  bar.append(spacer, help);

  bar.addEventListener("click", (e) => {
    const button = e.target instanceof Element ? e.target.closest("button[data-action]") : null;
    if (button === null || button.disabled) return;
    editor.action(button.dataset.action).catch(() => {});
  });

  editor.onUi((ui) => {
    // toggle-lock follows ui.enabled too: on with a selection, or with nothing
    // selected while the page has locked elements (it then unlocks them all).
    for (const button of bar.querySelectorAll("button[data-action]")) {
      assign(button, "disabled", ui.enabled[button.dataset.action] === false);
    }
  });
}
