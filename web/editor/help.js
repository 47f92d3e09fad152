// @ts-check
// The keyboard shortcuts panel, filled from the core's `help` request.

import { el } from "../dialogs.js";
import { keysLocked } from "../keys.js";
import { keysText as modKey } from "./actions.js";

// The core writes "Mod+" (Ctrl, or Cmd on macOS); the panel shows the real key.

export function createHelp() {
  const dialog = el("dialog", {
    className: "help-dialog", dataset: { role: "help" }, "aria-labelledby": "help-title",
  });
  // Focus lands on the heading (not on Close at the bottom), so the panel opens
  // scrolled to its top; Tab reaches Close.
  const h2 = el("h2", { id: "help-title", textContent: "Keyboard shortcuts", tabIndex: -1 });
  const body = el("tbody");
  const table = el("table", {}, [body]);
  const note = el("p", {
    className: "hint",
    textContent: `Space+drag or the middle button pans; ${modKey("Mod+")}wheel zooms.`,
  });
  const close = el("button", { textContent: "Close", className: "primary" });
  const form = el("form", { method: "dialog", className: "buttons" }, [close]);
  dialog.append(h2, table, note, form);
  document.body.append(dialog);

  return {
    /** `viewerShortcuts`: the rows shown read-only (what the viewer can do). */
    show(shortcuts, viewerShortcuts = shortcuts) {
      const rows = keysLocked() ? viewerShortcuts : shortcuts;
      body.replaceChildren(...rows.map(([keys, what]) => {
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
