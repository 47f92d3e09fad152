// @ts-check
// "Share as link": the open diagram, compressed by the core (deflate-raw,
// base64url) into the URL fragment, index.html?mode=view#d=…. Browsers never
// send the fragment to a server, so the diagram travels only inside the link.
// Links over the core's limit (100 KB of fragment) are refused with LW-E0402.

import { confirmAction, el } from "./dialogs.js";
import { replyError } from "./errors.js";

let dialog = null;

function shareDialog() {
  if (dialog !== null) return dialog;
  const url = el("input", { type: "text", readOnly: true, id: "share-url", autocomplete: "off", dataset: { role: "share-url" } });
  const copy = el("button", { type: "submit", dataset: { action: "share-copy" } }, ["Copy link"]);
  const close = el("button", { type: "button", dataset: { action: "share-close" } }, ["Close"]);
  const note = el("p", { className: "detail", dataset: { role: "share-note" } });
  const plain = el("p", { dataset: { role: "share-unencrypted" } });
  const form = el("form", { method: "dialog", autocomplete: "off" }, [
    el("h2", { id: "share-title" }, ["Share as a link"]),
    el("p", {}, ["Anyone with this link can view the diagram. The diagram is inside the link itself: " +
      "it is not uploaded anywhere."]),
    plain,
    el("label", { htmlFor: "share-url" }, ["Link"]),
    url,
    note,
    el("div", { className: "buttons" }, [close, copy]),
  ]);
  dialog = el("dialog", { className: "share-dialog", dataset: { role: "share-dialog" } }, [form]);
  dialog.setAttribute("aria-labelledby", "share-title");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    url.select();
    try {
      await navigator.clipboard.writeText(url.value);
      note.textContent = "Copied.";
    } catch {
      note.textContent = "Press Ctrl+C to copy the selected link.";
    }
  });
  close.addEventListener("click", () => dialog.close());
  // The link holds the whole diagram: it goes with the dialog.
  dialog.addEventListener("close", () => {
    url.value = "";
    note.textContent = "";
  });
  document.body.append(dialog);
  return dialog;
}

/** The viewer URL for a fragment ("d=…"), on this page's own address. */
export function viewerUrl(fragment) {
  const url = new URL(location.href);
  url.search = "?mode=view";
  url.hash = fragment;
  return url.href;
}

/** Wire [data-action="share-link"]: ask the core for the fragment, show the link. */
export function wireShare(app) {
  const button = document.querySelector('[data-action="share-link"]');
  if (button === null) return;
  button.addEventListener("click", async () => {
    try {
      await app.ready;
      // An encrypted diagram goes into a link only once the user agreed, as
      // for the draw.io export: a link cannot be encrypted.
      const sealed = Boolean(app.sealer?.());
      if (sealed && !(await confirmAction({
        role: "confirm-plain-share",
        title: "Share without encryption?",
        text: "This diagram is encrypted, but a link cannot be: the diagram goes into the link in clear, and anyone who gets the link can read it.",
        action: "Create link",
      }))) return;
      const reply = await app.call({ type: "share-link" });
      if (!reply.ok) throw replyError(reply);
      const box = shareDialog();
      box.querySelector('[data-role="share-unencrypted"]').textContent = sealed
        ? "This link is not encrypted: it holds the encrypted diagram in clear, without its passphrase."
        : "The link is not encrypted.";
      const link = viewerUrl(reply.fragment);
      box.querySelector('[data-role="share-url"]').value = link;
      box.querySelector('[data-role="share-note"]').textContent =
        `${Math.ceil(link.length / 1000)} KB of the ${reply.limit / 1000} KB a link may hold.`;
      box.showModal();
      box.querySelector('[data-role="share-url"]').select();
    } catch (error) {
      app.showError(error, "export");
    }
  });
}
