// @ts-check
// Real DOM dialogs (docs/architecture.md §9): labelled inputs and buttons, Enter submits
// the default button, Escape cancels; never window.prompt/alert/confirm.
// Each dialog is built with createElement (no markup strings, CSP-safe) and
// removed when it closes.

let serial = 0;

/**
 * An element with properties (or attributes) and children: no markup strings.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props] properties; `dataset` merges, unknown names become attributes
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/**
 * Show a modal dialog and resolve with {button, values} when it closes;
 * button is the chosen button's value, or "cancel" for Escape.
 *
 * spec: {role, title, text?, fields?: [{name, label, type, value?, options?,
 * }], buttons: [{value, label, default?}], onInput?(values, ui),
 * validate?(values) → message or "", check?(values) → promise of a message or ""}.
 * `check` runs on submit only, once `validate` passed (e.g. asking the core).
 * Field types: "password", "text", "checkbox", "select" (options: [[value, label]]).
 * `ui.note(text)` shows a live line under the fields (e.g. passphrase strength).
 */
export function showDialog(spec) {
  const id = `lw-dialog-${++serial}`;
  const dialog = el("dialog", { className: "file-dialog", dataset: { role: spec.role } });
  dialog.setAttribute("aria-labelledby", `${id}-title`);
  const form = el("form", { method: "dialog", autocomplete: "off" });
  form.append(el("h2", { id: `${id}-title` }, [spec.title]));
  if (spec.text) form.append(el("p", {}, [spec.text]));

  const inputs = new Map();
  for (const field of spec.fields ?? []) {
    const inputId = `${id}-${field.name}`;
    let input;
    if (field.type === "select") {
      input = el("select", { id: inputId, name: field.name },
        field.options.map(([value, label]) => el("option", { value }, [label])));
      if (field.value !== undefined) input.value = field.value;
    } else {
      input = el("input", { id: inputId, name: field.name, type: field.type ?? "text" });
      if (field.type === "checkbox") input.checked = Boolean(field.value);
      else input.value = field.value ?? "";
      // Off for every field: nothing typed here is offered again or restored
      // from session history (a passphrase, or the text of a sealed diagram).
      input.setAttribute("autocomplete", "off");
    }
    input.dataset.field = field.name;
    const label = el("label", { htmlFor: inputId }, [field.label]);
    const row = el("div", { className: `field field-${field.type ?? "text"}` },
      field.type === "checkbox" ? [input, label] : [label, input]);
    inputs.set(field.name, input);
    form.append(row);
  }
  const note = el("p", { className: "note", dataset: { role: "dialog-note" } });
  note.setAttribute("aria-live", "polite");
  const problem = el("p", { className: "problem", dataset: { role: "dialog-problem" } });
  problem.setAttribute("role", "alert");
  form.append(note, problem);

  const buttons = el("div", { className: "buttons" });
  let defaultButton = null;
  for (const b of spec.buttons) {
    const button = el("button", {
      type: b.default ? "submit" : "button",
      value: b.value,
      dataset: { choice: b.value },
    }, [b.label]);
    if (b.default) defaultButton = button;
    buttons.append(button);
  }
  form.append(buttons);
  dialog.append(form);

  const values = () => Object.fromEntries([...inputs].map(([name, input]) =>
    [name, input.type === "checkbox" ? input.checked : input.value]));
  const ui = { note: (text) => { note.textContent = text; } };
  if (spec.onInput) form.addEventListener("input", () => spec.onInput(values(), ui));
  // A problem shown by a submit is checked again on every input, so it goes
  // (or changes) as soon as the fields are corrected.
  if (spec.validate) {
    form.addEventListener("input", () => {
      if (problem.textContent) problem.textContent = spec.validate(values()) ?? "";
    });
  }
  // Enter submits the default button from any field (browsers do it only from
  // text inputs, not from checkboxes and selects).
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    form.requestSubmit(defaultButton ?? undefined);
  });

  return new Promise((resolve) => {
    let result = { button: "cancel", values: {} };
    const finish = (button) => {
      result = { button, values: values() };
      dialog.close();
    };
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let problemText = spec.validate?.(values()) ?? "";
      if (!problemText && spec.check) problemText = (await spec.check(values())) ?? "";
      if (problemText) {
        problem.textContent = problemText;
        return;
      }
      finish(defaultButton?.value ?? "ok");
    });
    for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (buttons.querySelectorAll('button[type="button"]'))) {
      button.addEventListener("click", () => finish(button.value));
    }
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish("cancel");
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      // Typed text (passphrases above all) must not linger once the dialog is gone.
      for (const input of inputs.values()) if (input.type === "password" || input.type === "text") input.value = "";
      resolve(result);
    }, { once: true });
    document.body.append(dialog);
    dialog.showModal();
    const first = inputs.values().next().value ?? defaultButton;
    first?.focus();
  });
}

/** Ask before unsaved changes are lost: resolves "save", "discard" or "cancel". */
export async function confirmDiscard(title) {
  const { button } = await showDialog({
    role: "confirm-discard",
    title: "Save your changes?",
    text: `“${title}” has changes that are not saved. They will be lost if you go on without saving.`,
    buttons: [
      { value: "cancel", label: "Cancel" },
      { value: "discard", label: "Don’t save" },
      { value: "save", label: "Save", default: true },
    ],
  });
  return button;
}

/** A yes/no question with a named action: resolves true when confirmed. */
export async function confirmAction({ role, title, text, action }) {
  const { button } = await showDialog({
    role,
    title,
    text,
    buttons: [{ value: "cancel", label: "Cancel" }, { value: "ok", label: action, default: true }],
  });
  return button === "ok";
}
