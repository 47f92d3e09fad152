// Getting files in: the picker and drag-and-drop onto the window. Files are
// read into memory only; nothing is stored (promise P1).

import { LineworkError } from "./errors.js";

// The core enforces its own limits; this only avoids base64-ing huge files.
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Read a File as base64 (the bridge's wire form for bytes). */
export function readBase64(file) {
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new LineworkError("LW-E0104", `${file.size} bytes`));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");

/** Call onFile(file) for files chosen in the picker or dropped on the window. */
export function wireFileOpen({ button, input, hint, onFile }) {
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) onFile(file);
  });

  let depth = 0;
  const hide = () => { depth = 0; hint.hidden = true; };
  window.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    hint.hidden = false;
  });
  window.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("dragleave", () => {
    depth -= 1;
    if (depth <= 0) hide();
  });
  window.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    hide();
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  });

  return { choose: () => input.click() };
}
