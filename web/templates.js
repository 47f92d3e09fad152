// @ts-check
// New from template: a gallery dialog of the core's templates (every
// .linework file in src/linework/templates/), each a button
// [data-template="<name>"] with a thumbnail the core's renderer drew and the
// template's title. Choosing one resolves its name; web/files.js then opens it
// as a new untitled document (after asking about unsaved changes, as New does).
// The dialog is built with createElement (no markup strings); thumbnails go
// through safe-svg.js like every SVG the core hands over.

import { el } from "./dialogs.js";
import { parseFragments } from "./safe-svg.js";

let cached = null;

/** The gallery entries from the core (asked once per page). */
async function entries(rpc) {
  if (cached === null) {
    const reply = await rpc.call({ type: "templates" });
    if (!reply.ok) throw new Error(reply.detail ?? "templates");
    cached = reply.templates;
  }
  return cached;
}

function thumbnail(svgText) {
  try {
    const svg = parseFragments([svgText]).nodes[0];
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("aria-hidden", "true");
    return svg;
  } catch {
    return el("span", { className: "template-broken" }, ["(no preview)"]);
  }
}

/** Show the gallery; resolve the chosen template's name, or null. */
export async function chooseTemplate(rpc) {
  const list = await entries(rpc);
  const dialog = el("dialog", { className: "file-dialog template-gallery", dataset: { role: "template-gallery" } });
  dialog.setAttribute("aria-labelledby", "lw-template-title");
  const grid = el("div", { className: "template-grid", role: "list" });
  for (const t of list) {
    const button = el("button", { type: "button", className: "template", dataset: { template: t.name } }, [
      thumbnail(t.svg),
      el("span", { className: "template-title" }, [t.title]),
    ]);
    button.title = `${t.title} (${t.elements} element${t.elements === 1 ? "" : "s"})`;
    button.setAttribute("role", "listitem");
    grid.append(button);
  }
  const cancel = el("button", { type: "button", dataset: { choice: "cancel" } }, ["Cancel"]);
  dialog.append(
    el("h2", { id: "lw-template-title" }, ["New from template"]),
    el("p", {}, ["Start from one of these diagrams. It opens as a new, untitled diagram."]),
    grid,
    el("div", { className: "buttons" }, [cancel]),
  );
  return new Promise((resolve) => {
    let chosen = null;
    grid.addEventListener("click", (event) => {
      const button = event.target instanceof Element
        ? /** @type {HTMLButtonElement | null} */ (event.target.closest("button[data-template]")) : null;
      if (button === null) return;
      chosen = button.dataset.template;
      dialog.close();
    });
    // Arrow keys move between the entries (a grid reads left to right).
    grid.addEventListener("keydown", (event) => {
      const buttons = [.../** @type {NodeListOf<HTMLButtonElement>} */ (grid.querySelectorAll("button[data-template]"))];
      const i = buttons.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
      if (i < 0) return;
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      buttons[(i + step + buttons.length) % buttons.length].focus();
    });
    cancel.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(chosen);
    }, { once: true });
    document.body.append(dialog);
    dialog.showModal();
    /** @type {HTMLButtonElement | null} */ (grid.querySelector("button[data-template]"))?.focus();
  });
}
