// @ts-check
// "Edit a copy" of a share link ([data-action="edit-copy"], DESIGN.md §9).
// The viewer's button opens the editor on the same #d= fragment; the editor,
// seeing #d=, opens that diagram as a new, untitled, unsaved document and
// drops the fragment from the address. Browsers never send a fragment to a
// server, so the diagram travels only inside this tab.

import { replyError } from "./errors.js";

/** The editor's URL for this page's fragment: the viewer's address without mode=view. */
export function editorUrl(href = location.href) {
  const url = new URL(href);
  url.searchParams.delete("mode");
  return url.href;
}

/** Viewer: put "Edit a copy" in the top bar, next to the title. */
export function wireEditCopy() {
  const bar = document.querySelector(".toolbar");
  if (bar === null || bar.querySelector('[data-action="edit-copy"]')) return;
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.action = "edit-copy";
  button.className = "edit-copy";
  button.textContent = "Edit a copy";
  button.title = "Open this diagram in the editor as a new, unsaved document (it stays in this tab)";
  const title = bar.querySelector('[data-role="title"]');
  if (title) title.after(button);
  else bar.append(button);
  const sync = () => { button.hidden = !location.hash.startsWith("#d="); };
  sync();
  window.addEventListener("hashchange", sync);
  button.addEventListener("click", () => { location.assign(editorUrl()); });
}

/** Editor: open a #d= fragment as a copy (at start and when the fragment changes). */
export function openCopyFromFragment(app) {
  const fragment = location.hash.slice(1);
  if (!fragment.startsWith("d=")) return Promise.resolve(false);
  // The address stops carrying the diagram: a reload must not open it again.
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  return app.ready
    .then(() => app.editorReady)
    .then(() => app.call({ type: "link-data", fragment }))
    .then((reply) => {
      if (!reply.ok) throw replyError(reply);
      return app.openCopy(reply.data);
    })
    .catch((error) => { app.showError(error, "open"); return false; });
}
