// The keyboard shortcuts panel, filled from the core's `help` request.

import { keysText as modKey } from "./actions.js";

// The core writes "Mod+" (Ctrl, or Cmd on macOS); the panel shows the real key.

export function createHelp() {
  const dialog = document.createElement("dialog");
  dialog.className = "help-dialog";
  dialog.dataset.role = "help";
  dialog.setAttribute("aria-labelledby", "help-title");
  const h2 = document.createElement("h2");
  h2.id = "help-title";
  h2.textContent = "Keyboard shortcuts";
  // Focus lands on the heading (not on Close at the bottom), so the panel opens
  // scrolled to its top; Tab reaches Close.
  h2.tabIndex = -1;
  const table = document.createElement("table");
  const body = document.createElement("tbody");
  table.append(body);
  const note = document.createElement("p");
  note.className = "hint";
  note.textContent = `Space+drag or the middle button pans; ${modKey("Mod+")}wheel zooms.`;
  const form = document.createElement("form");
  form.method = "dialog";
  const close = document.createElement("button");
  close.textContent = "Close";
  close.className = "primary";
  form.className = "buttons";
  form.append(close);
  dialog.append(h2, table, note, form);
  document.body.append(dialog);

  return {
    show(shortcuts) {
      body.replaceChildren(...shortcuts.map(([keys, what]) => {
        const tr = document.createElement("tr");
        const th = document.createElement("th");
        th.scope = "row";
        for (const [i, part] of keys.split(" / ").entries()) {
          if (i > 0) th.append(" / ");
          const kbd = document.createElement("kbd");
          kbd.textContent = modKey(part);
          th.append(kbd);
        }
        const td = document.createElement("td");
        td.textContent = modKey(what);
        tr.append(th, td);
        return tr;
      }));
      if (!dialog.open) dialog.showModal();
      h2.focus({ preventScroll: true });
      dialog.scrollTop = 0;
    },
  };
}
