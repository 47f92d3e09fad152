// @ts-check
// Pictures: the "Insert picture" button and its file input
// (input[type=file][data-role="insert-image"]), a picture file dropped on the
// canvas, an image pasted from the clipboard, and Open… of a plain picture.
// The bytes go to the core as they are (editor action `insert-picture`): it
// tells pictures from diagrams (bridge `picture-kind`), reads the size from the
// file's header and sanitizes SVG. The picture is embedded as a data: URI, so
// nothing is fetched and nothing is stored.

import { confirmAction } from "../dialogs.js";
import { readBase64 } from "../files.js";
import { fileError } from "../wire.js";
import { makeButton } from "./toolbar.js";

const ACCEPT = "image/png,image/jpeg,image/gif,image/webp,image/svg+xml,.png,.jpg,.jpeg,.gif,.webp,.svg";

/**
 * Wire picture insertion. `viewCentre()` and `pagePoint(clientX, clientY)`
 * give page coordinates; `setStatus` and `showError` are the shell's.
 */
export function createPictures({ bar, editor, call, viewCentre, pagePoint, setStatus, showError }) {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ACCEPT;
  input.hidden = true;
  input.dataset.role = "insert-image";
  input.setAttribute("aria-label", "Picture to insert");
  const button = makeButton("insert-image", "Insert picture (PNG, JPEG, GIF, WebP or SVG)");
  // Not an editor action: the toolbar's own click handler must not see it.
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    input.click();
  });
  const group = document.createElement("div");
  group.className = "tool-group";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Insert");
  group.append(button, input);
  bar.insertBefore(group, bar.querySelector(".spacer"));

  /** Insert picture bytes (base64) centred on `at` (page units) or the view. */
  async function insertData(name, data, at = null) {
    const reply = await editor.action("insert-picture", { data, ...(at ?? viewCentre()) });
    const error = reply?.ui?.error;
    if (error) {
      showError(fileError(error.code, error.detail, error.message), "import");
      return false;
    }
    setStatus(`Inserted ${name}.`);
    return true;
  }

  async function insertFile(file, at = null) {
    try {
      return await insertData(file.name || "the picture", await readBase64(file), at);
    } catch (error) {
      showError(error, "import");
      return false;
    }
  }

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) insertFile(file);
  });

  /** A picture file dropped or pasted: insert it when the core says it is a
   * plain picture; a diagram (a Linework export, a draw.io PNG) opens instead. */
  async function pictureOrDiagram(file, at, open) {
    let data;
    let kind = "none";
    try {
      data = await readBase64(file);
      const reply = await call({ type: "picture-kind", data });
      if (reply?.ok) kind = reply.kind;
    } catch (error) {
      showError(error, "import");
      return;
    }
    if (kind === "picture") await insertData(file.name || "the picture", data, at);
    else open();
  }
  window.addEventListener("linework:picture-file", (/** @type {CustomEvent} */ event) => {
    const { file, clientX, clientY, open } = event.detail ?? {};
    if (!(file instanceof Blob) || typeof open !== "function") return;
    event.preventDefault(); // handled here (web/files.js opens it otherwise)
    const at = Number.isFinite(clientX) && Number.isFinite(clientY) ? pagePoint(clientX, clientY) : null;
    pictureOrDiagram(file, at, open);
  });

  // Open… of a plain picture: offer to insert it into the open diagram.
  window.addEventListener("linework:offer-picture", async (/** @type {CustomEvent} */ event) => {
    const { name, data } = event.detail ?? {};
    // The viewer inserts nothing: the open fails as any non-diagram does.
    if (typeof data !== "string" || document.body.dataset.mode === "view") return;
    event.preventDefault();
    const ok = await confirmAction({
      role: "confirm-insert-picture",
      title: "Insert the picture?",
      text: `“${name}” is a picture, not a diagram. Insert it into the open diagram?`,
      action: "Insert",
    });
    if (ok) await insertData(String(name), data);
    else setStatus("Nothing opened.");
  });

  return { insertFile };
}
