// @ts-check
// The page's one keydown router. A key press is looked up in the action
// records' key map (findKey, served in first-paint.js): an action the page
// carries out itself (the records' `page` flag: open, save, zoom, help) runs
// the handler its module registered with onAction(name); any other key goes to
// the core through the forwarder the editor registered (forwardTo), as before.
// Keys that are no action (Space to pan, Alt+Shift+O, Escape on the import
// notice, Ctrl+N and Ctrl+P) are the page's own: modules add them with onKey().
//
// Listeners on elements (dialogs, the in-place text editor, menus, the
// palette, lists) run first: a key they handled (preventDefault) or kept
// (stopPropagation) never reaches the router. The only other window keydown
// listener runs in the capture phase, ahead of everything: the viewer's
// read-only lock (lockKeys) and the few keys that must be seen first
// (onKeyFirst: type-ahead while the in-place editor opens). It runs no action.

import { PAGE_ACTIONS, findKey } from "./editor/actions.js";

/** Whether a key press goes to a field the user types into. */
export const isTyping = (target) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Whether a key press comes from inside an open dialog or the palette. */
export const inPanel = (target) =>
  target instanceof Element && target.closest("dialog, [data-role=palette]") !== null;

const handlers = new Map(); // page action name → {run, typing, panels}
const ownKeys = []; // (event) => true when the key was the page's own
let forward = null; // (event, rule) => void: the editor's path to the core

/**
 * Run the browser-handled action `name` on its keys with `run(args, event)`.
 * `typing`: also from a text field; `panels`: also from a dialog or the
 * palette; `replace`: take over another module's handler (embed's Save).
 */
export function onAction(name, run, { typing = false, panels = true, replace = false } = {}) {
  if (!PAGE_ACTIONS.has(name)) throw new Error(`${name} is not an action the page carries out`);
  if (handlers.has(name) && !replace) throw new Error(`${name} has a page handler already`);
  handlers.set(name, { run, typing, panels });
}

/** A key of the page's own: `handle(event)` returns true when it took the key. */
export function onKey(handle) {
  ownKeys.push(handle);
}

/** Where the keys of the core's actions go: `send(event, rule)`, rule null if none. */
export function forwardTo(send) {
  forward = send;
}

function route(event) {
  if (event.defaultPrevented || event.isComposing) return;
  for (const handle of ownKeys) {
    if (handle(event) || event.defaultPrevented) return;
  }
  const rule = findKey(event);
  const page = rule !== null ? handlers.get(rule.action) : undefined;
  if (page !== undefined) {
    if (!page.typing && isTyping(event.target)) return;
    if (!page.panels && inPanel(event.target)) return;
    event.preventDefault();
    page.run(rule.args ?? {}, event);
    return;
  }
  forward?.(event, rule);
}

window.addEventListener("keydown", route);

const early = []; // (event) => true when it took the key, ahead of everything
let allowedKeys = null; // the viewer's read-only lock, once set

/** Runs first (capture phase): the read-only lock, then the early handlers. */
function capture(event) {
  if (allowedKeys !== null) {
    // Looked up once: the lock decides by it and a refused key is handled by it.
    const rule = findKey(event);
    if (!allowedKeys(event, rule)) {
      event.stopImmediatePropagation();
      // An editing shortcut the viewer refuses is swallowed, not handed to the
      // browser: Ctrl+A would select the whole page's text, Ctrl+S save the page.
      if (rule !== null && !isTyping(event.target)) event.preventDefault();
      return;
    }
  }
  for (const handle of early) {
    if (handle(event)) return;
  }
}

window.addEventListener("keydown", capture, true);

/**
 * A read-only lock (the viewer): from now on only keys `allowed(event, rule)`
 * keeps reach anything (`rule`: the key map's rule for the key, or null), the
 * listeners on elements included, so it stops the others in the capture
 * phase. It runs no action; the router above still does.
 */
export function lockKeys(allowed) {
  allowedKeys = allowed;
}

/** Whether the read-only lock is on (the viewer, a read-only embed). */
export const keysLocked = () => allowedKeys !== null;

/**
 * A key that must be seen ahead of every other handler, the elements' own
 * included (type-ahead while the in-place editor opens): `handle(event)`
 * returns true when it took the key (and stopped it).
 */
export function onKeyFirst(handle) {
  early.push(handle);
}
