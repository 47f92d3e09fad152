// @ts-check
// Page tabs: switch, add, rename (double-click or menu), reorder (drag, or
// the menu's move left/right) and delete with a confirmation dialog.

import { icon } from "./icons.js";
import { confirmDialog, promptDialog } from "./dialog.js";

export function createPages({ tabs, bar, editor }) {
  const add = document.createElement("button");
  add.type = "button";
  add.className = "page-add";
  add.dataset.action = "add-page";
  add.title = "Add a page";
  add.setAttribute("aria-label", "Add a page");
  add.append(icon("plus"));
  const menu = document.createElement("select");
  menu.className = "page-menu";
  menu.dataset.role = "page-menu";
  menu.setAttribute("aria-label", "Page actions");
  menu.title = "Page actions";
  for (const [value, text] of [
    ["", "Page…"], ["rename", "Rename…"], ["left", "Move left"], ["right", "Move right"],
    ["delete", "Delete…"],
  ]) menu.append(new Option(text, value));
  bar.append(add, menu);
  let pages = [];
  let current = null;
  let dragged = null;

  add.addEventListener("click", () => editor.action("add-page").catch(() => {}));

  async function rename(page) {
    const name = await promptDialog({ title: "Rename page", label: "Page name", value: page.name, ok: "Rename" });
    if (name) await editor.action("rename-page", { id: page.id, name });
  }

  async function remove(page) {
    if (pages.length < 2) return;
    const yes = await confirmDialog({
      title: "Delete page",
      text: `Delete “${page.name}” and everything on it? You can undo this.`,
      ok: "Delete", danger: true,
    });
    if (yes) await editor.action("delete-page", { id: page.id });
  }

  menu.addEventListener("change", () => {
    const page = pages.find((p) => p.id === current);
    const choice = menu.value;
    menu.value = "";
    if (!page) return;
    const index = pages.indexOf(page);
    if (choice === "rename") rename(page);
    else if (choice === "delete") remove(page);
    else if (choice === "left" && index > 0) editor.action("move-page", { id: page.id, index: index - 1 });
    else if (choice === "right" && index < pages.length - 1) editor.action("move-page", { id: page.id, index: index + 1 });
  });

  function tab(page, index) {
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("role", "tab");
    button.dataset.pageId = page.id;
    button.textContent = page.name || page.id;
    button.title = `${page.name} (double-click to rename, drag to reorder)`;
    button.setAttribute("aria-selected", String(page.id === current));
    button.draggable = true;
    button.addEventListener("click", () => {
      if (page.id !== current) editor.action("set-page", { id: page.id }).catch(() => {});
    });
    button.addEventListener("dblclick", () => rename(page));
    button.addEventListener("keydown", (e) => {
      if (e.key === "F2") { e.preventDefault(); rename(page); }
      if (e.key === "Delete") { e.preventDefault(); e.stopPropagation(); remove(page); }
    });
    button.addEventListener("dragstart", (e) => {
      dragged = page.id;
      e.dataTransfer.setData("application/x-linework-page", page.id);
      e.dataTransfer.effectAllowed = "move";
    });
    button.addEventListener("dragover", (e) => {
      if (dragged !== null) { e.preventDefault(); button.classList.add("drop-target"); }
    });
    button.addEventListener("dragleave", () => button.classList.remove("drop-target"));
    button.addEventListener("drop", (e) => {
      e.preventDefault();
      button.classList.remove("drop-target");
      if (dragged !== null && dragged !== page.id) editor.action("move-page", { id: dragged, index });
      dragged = null;
    });
    button.addEventListener("dragend", () => { dragged = null; });
    return button;
  }

  let shown = "";
  editor.onUi((ui) => {
    const key = JSON.stringify([ui.pages, ui.page.id]);
    if (key === shown) return;
    shown = key;
    pages = ui.pages;
    current = ui.page.id;
    tabs.replaceChildren(...pages.map(tab));
    // The one rule for the page bar (this module owns it): the editor always
    // shows it (it holds the add-page button); the read-only viewer hides the
    // tab of a one-page diagram.
    tabs.hidden = document.body.dataset.mode === "view" && pages.length < 2;
    menu.options[4].disabled = pages.length < 2;
  });
}
