// @ts-check
// Small real DOM dialogs (DESIGN.md §9): a confirmation and a name prompt,
// with labelled inputs; Enter submits the default button, Escape cancels.

let seq = 0;

function build(title, text) {
  const dialog = document.createElement("dialog");
  dialog.className = "editor-dialog";
  const id = `editor-dialog-${++seq}`;
  const h2 = document.createElement("h2");
  h2.id = id;
  h2.textContent = title;
  dialog.setAttribute("aria-labelledby", id);
  const form = document.createElement("form");
  form.method = "dialog";
  form.autocomplete = "off";
  dialog.append(h2, form);
  if (text) {
    const p = document.createElement("p");
    p.textContent = text;
    form.append(p);
  }
  return { dialog, form };
}

function buttons(form, okLabel, danger) {
  const row = document.createElement("div");
  row.className = "buttons";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.value = "cancel";
  cancel.textContent = "Cancel";
  const ok = document.createElement("button");
  ok.type = "submit";
  ok.value = "ok";
  ok.textContent = okLabel;
  ok.className = danger ? "danger" : "primary";
  ok.dataset.role = "dialog-ok";
  row.append(cancel, ok);
  form.append(row);
  return { ok, cancel };
}

function run(dialog, cancel, focus, result) {
  document.body.append(dialog);
  return new Promise((resolve) => {
    cancel.addEventListener("click", () => dialog.close("cancel"));
    dialog.addEventListener("close", () => {
      const value = dialog.returnValue === "ok" ? result() : null;
      // What was typed does not outlive the dialog.
      for (const input of dialog.querySelectorAll("input")) input.value = "";
      dialog.remove();
      resolve(value);
    }, { once: true });
    dialog.showModal();
    focus.focus();
  });
}

/** Ask a yes/no question; resolves true when confirmed. */
export function confirmDialog({ title, text, ok = "OK", danger = false }) {
  const { dialog, form } = build(title, text);
  const b = buttons(form, ok, danger);
  return run(dialog, b.cancel, b.ok, () => true).then((v) => v === true);
}

/** Ask for a name; resolves the trimmed text, or null when cancelled. */
export function promptDialog({ title, label, value = "", ok = "OK" }) {
  const { dialog, form } = build(title, "");
  const field = document.createElement("label");
  field.textContent = label;
  const input = document.createElement("input");
  input.type = "text";
  input.autocomplete = "off";
  input.value = value;
  input.maxLength = 200;
  field.append(input);
  form.append(field);
  const b = buttons(form, ok, false);
  const done = run(dialog, b.cancel, input, () => input.value.trim());
  input.select();
  return done;
}
