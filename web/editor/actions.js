// @ts-check
// The action records' page-facing part (src/linework/editor/actions), made by
// the build into first-paint.js: labels, shortcuts, icons, the edit bar's
// groups, the key map and the read-only lists. The page repeats none of them.

import firstPaint from "../first-paint.js";

/** @typedef {import("../first-paint.js").ActionInfo} ActionInfo */
/** @typedef {import("../first-paint.js").KeyRule} KeyRule */

const REGISTRY = firstPaint.actions;
const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** The edit bar's groups of action names, in order. */
export const TOOLBAR = REGISTRY.toolbar;

/** The actions the page carries out itself (web/keys.js runs their keys). */
export const PAGE_ACTIONS = new Set(REGISTRY.page);

/** The actions a read-only viewer may run (the records' `viewer` flag). */
export const VIEWER_ACTIONS = new Set(REGISTRY.viewer);

/** The actions a read-only embedded editor may run (the records' `embed` flag). */
export const EMBED_ACTIONS = new Set(REGISTRY.embed);

/**
 * {label, shortcut, icon, viewer, embed} of a labelled action, or undefined.
 * @param {string} name
 * @returns {ActionInfo | undefined}
 */
export const actionInfo = (name) => (Object.hasOwn(REGISTRY.actions, name) ? REGISTRY.actions[name] : undefined);

/**
 * "Mod+" written as this platform's key: ⌘ on macOS, else Ctrl+.
 * @param {string} text
 * @returns {string}
 */
export const keysText = (text) => (MAC ? text.replaceAll("Mod+", "⌘") : text.replaceAll("Mod+", "Ctrl+"));

/**
 * The shortcut of an action as tooltips show it ("" for none).
 * @param {string} name
 * @returns {string}
 */
export const shortcutOf = (name) => keysText(actionInfo(name)?.shortcut ?? "");

/**
 * The label of an action (its name when it has none).
 * @param {string} name
 * @returns {string}
 */
export const labelOf = (name) => actionInfo(name)?.label || name;

/**
 * Whether a keydown matches a rule, by its key or (byCode) by its code.
 * @param {KeyRule} rule
 * @param {KeyboardEvent} e
 * @param {boolean} byCode
 * @returns {boolean}
 */
const matches = (rule, e, byCode) => {
  const primary = e.ctrlKey || e.metaKey;
  if (rule.primary !== primary) return false;
  if (rule.shift !== null && rule.shift !== e.shiftKey) return false;
  if (rule.alt !== null && rule.alt !== e.altKey) return false;
  if (byCode) return rule.code === e.code;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return rule.key === key;
};

/**
 * The key map rule a keydown matches, or null: the same rules the core runs
 * (src/linework/editor/actions/keymap.py), so both agree on whose key it is.
 * web/keys.js, the page's one keydown listener, routes by it.
 * @param {KeyboardEvent} e
 * @returns {KeyRule | null}
 */
export function findKey(e) {
  const primary = e.ctrlKey || e.metaKey;
  // A key matched by code only (the brackets) owns its position.
  const owned = REGISTRY.keys.filter((r) => r.key === null && r.code === e.code &&
    r.primary === primary && (r.alt === null || r.alt === e.altKey));
  if (owned.length > 0) return owned.find((r) => matches(r, e, true)) ?? null;
  return REGISTRY.keys.find((r) => r.key !== null && matches(r, e, false)) ??
    REGISTRY.keys.find((r) => r.code !== null && matches(r, e, true)) ?? null;
}
