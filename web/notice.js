// @ts-check
// A non-modal notice over the canvas: what an import could not carry over
// (the core's `warnings` in the open reply). Plain text only (textContent),
// dismissible, replaced or removed by the next open.

import { onKey } from "./keys.js";

const MAX_LINES = 5;

/** The notice in `stage`: {show(title, lines), hide()}; hidden when there is nothing to say. */
export function createNotice(stage) {
  const box = document.createElement("section");
  box.className = "import-notice";
  box.dataset.role = "import-notice";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  box.hidden = true;
  const heading = document.createElement("h2");
  heading.className = "import-notice-title";
  const list = document.createElement("ul");
  const close = document.createElement("button");
  close.type = "button";
  close.className = "import-notice-close";
  close.dataset.action = "dismiss-notice";
  close.setAttribute("aria-label", "Dismiss this notice");
  close.title = "Dismiss";
  close.textContent = "×";
  box.append(close, heading, list);
  stage.append(box);

  function hide() {
    box.hidden = true;
    list.replaceChildren();
  }
  close.addEventListener("click", hide);
  // Escape closes the notice wherever focus is (Open… keeps it after a file
  // opens), unless a dialog is open: that Escape is the dialog's. A page key
  // (web/keys.js runs those first), so this Escape does not also clear the selection.
  onKey((event) => {
    if (event.key !== "Escape" || box.hidden) return false;
    if (document.querySelector("dialog[open]")) return false;
    event.preventDefault();
    hide();
    return true;
  });

  return {
    /** Show `title` and the first lines (then "and N more"); no lines: hide. */
    show(title, lines) {
      if (lines.length === 0) { hide(); return; }
      heading.textContent = title;
      const items = lines.slice(0, MAX_LINES).map((text) => {
        const li = document.createElement("li");
        li.textContent = String(text);
        return li;
      });
      if (lines.length > MAX_LINES) {
        const more = document.createElement("li");
        more.className = "more";
        more.textContent = `and ${lines.length - MAX_LINES} more`;
        items.push(more);
      }
      list.replaceChildren(...items);
      box.hidden = false;
    },
    hide,
    get shown() { return !box.hidden; },
  };
}
