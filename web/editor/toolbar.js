// @ts-check
// The editing toolbar: one button per action, with an icon, an accessible
// name and a tooltip naming its shortcut; enabled from ui.enabled. Which
// actions, in which groups, with which labels, shortcuts and icons: the action
// records (web/editor/actions.js).

import { TOOLBAR, labelOf, shortcutOf } from "./actions.js";
import { assign } from "./assign.js";
import { icon } from "./icons.js";

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
    div.append(...group.map((action) => makeButton(action, labelOf(action), shortcutOf(action))));
    bar.append(div);
  }
  const spacer = document.createElement("div");
  spacer.className = "spacer";
  const help = makeButton("help", labelOf("help"), shortcutOf("help"));
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
