// @ts-check
// The canvas context menu: right-click (or Shift+F10 / the ContextMenu key,
// which the key map (src/linework/editor/actions/keymap.py) turns into the same `context-menu` action). Python selects
// what was clicked and answers with the entries, their arguments and whether
// each can run (request "context-menu", src/linework/editor/actions/menu.py); this
// only shows them and sends the chosen action. DOM built with createElement.

import { onKey } from "../keys.js";
import { toPage } from "./input.js";

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const keys = (shortcut) => (MAC ? shortcut.replaceAll("Mod+", "⌘") : shortcut.replaceAll("Mod+", "Ctrl+"));

export function createContextMenu({ svg, canvas, editor, textEditor }) {
  const body = document.body;
  let root = null; // the open menu, or null
  let pointer = null; // client point of the right-click whose menu is awaited
  let keyAt = 0; // when a keyboard menu was asked for (its contextmenu event is a duplicate)

  svg.addEventListener("contextmenu", (e) => {
    e.preventDefault();
    if (body.dataset.space === "1" || body.dataset.panning) return;
    // A keyboard menu (Shift+F10, ContextMenu key) also fires this event.
    if (root !== null || performance.now() - keyAt < 600) return;
    textEditor.commit();
    pointer = { x: e.clientX, y: e.clientY };
    editor.action("context-menu", toPage(svg, canvas.view, e.clientX, e.clientY)).catch(() => {});
  });
  // Only noted here: the key itself goes to the core's context-menu action (../keys.js).
  onKey((e) => {
    if (e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) keyAt = performance.now();
    return false;
  });

  function close({ refocus = false } = {}) {
    if (root === null) return;
    root.remove();
    root = null;
    if (refocus) svg.focus({ preventScroll: true });
  }

  function entries() {
    return root === null ? [] : [...root.querySelectorAll('[role="menuitem"]:not([aria-disabled="true"])')];
  }

  function step(by) {
    const list = entries();
    if (list.length === 0) return;
    const i = list.indexOf(document.activeElement);
    const next = i < 0 ? (by > 0 ? 0 : list.length - 1) : (i + by + list.length) % list.length;
    list[next].focus();
  }

  function choose(button, item) {
    if (button.getAttribute("aria-disabled") === "true") return;
    close({ refocus: true });
    editor.action(item.action, item.args ?? {}).catch(() => {});
  }

  function build(request) {
    const menu = document.createElement("div");
    menu.className = "context-menu";
    menu.dataset.role = "context-menu";
    menu.dataset.target = request.target === "canvas" ? "canvas" : "selection";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", request.target === "canvas" ? "Canvas" : "Selection");
    menu.tabIndex = -1;
    for (const item of request.items ?? []) {
      if (item.separator) {
        const hr = document.createElement("div");
        hr.className = "separator";
        hr.setAttribute("role", "separator");
        menu.append(hr);
        continue;
      }
      const button = document.createElement("button");
      button.type = "button";
      button.tabIndex = -1;
      button.setAttribute("role", "menuitem");
      button.setAttribute("aria-label", item.label);
      button.dataset.action = item.action;
      button.dataset.menuLabel = item.label;
      if (!item.enabled) button.setAttribute("aria-disabled", "true");
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = item.label;
      button.append(label);
      if (item.shortcut) {
        button.setAttribute("aria-keyshortcuts", item.shortcut.replaceAll("Mod+", MAC ? "Meta+" : "Control+"));
        const kbd = document.createElement("span");
        kbd.className = "shortcut";
        kbd.textContent = keys(item.shortcut);
        button.append(kbd);
      }
      button.addEventListener("click", () => choose(button, item));
      button.addEventListener("pointerenter", () => {
        if (button.getAttribute("aria-disabled") !== "true") button.focus({ preventScroll: true });
      });
      menu.append(button);
    }
    menu.addEventListener("keydown", (e) => {
      // Handled here: the editor's shortcuts must not see menu keys.
      e.preventDefault();
      e.stopPropagation();
      switch (e.key) {
        case "ArrowDown": step(1); break;
        case "ArrowUp": step(-1); break;
        case "Home": entries()[0]?.focus(); break;
        case "End": entries().at(-1)?.focus(); break;
        case "Enter":
        case " ":
          if (document.activeElement instanceof HTMLButtonElement && menu.contains(document.activeElement)) {
            document.activeElement.click();
          }
          break;
        case "Escape":
        case "Tab":
          close({ refocus: true });
          break;
        default: break;
      }
    });
    menu.addEventListener("contextmenu", (e) => e.preventDefault());
    return menu;
  }

  /** Show the menu Python answered with (request "context-menu"). */
  function show(request) {
    close();
    let at = pointer;
    pointer = null;
    if (at === null) {
      // From the keyboard: at the page point Python chose.
      const rect = svg.getBoundingClientRect();
      const { x, y, scale } = canvas.view;
      at = { x: rect.left + x + request.x * scale, y: rect.top + y + request.y * scale };
    }
    root = build(request);
    root.style.left = "0px";
    root.style.top = "0px";
    body.append(root);
    const w = root.offsetWidth;
    const h = root.offsetHeight;
    const left = Math.max(4, Math.min(at.x, window.innerWidth - w - 4));
    const top = Math.max(4, Math.min(at.y, window.innerHeight - h - 4));
    root.style.left = `${left}px`;
    root.style.top = `${top}px`;
    (entries()[0] ?? root).focus({ preventScroll: true });
  }

  // Click outside, scrolling, zooming, resizing or leaving the window closes it.
  window.addEventListener("pointerdown", (e) => {
    if (root !== null && !(e.target instanceof Node && root.contains(e.target))) close();
  }, true);
  window.addEventListener("wheel", () => close(), { capture: true, passive: true });
  window.addEventListener("scroll", () => close(), true);
  window.addEventListener("resize", () => close());
  window.addEventListener("blur", () => close());
  new MutationObserver(() => close()).observe(svg.querySelector('[data-role="viewport"]'), {
    attributes: true, attributeFilter: ["transform"],
  });

  return { show, close, get open() { return root !== null; } };
}
