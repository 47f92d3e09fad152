// The shape of first-paint.js, which build.py generates (tools/first_paint.py):
// the core's `file-new` (a "document replaced" reply, types/protocol.d.ts) and
// `palette` replies, so the first paint is the final one,
// and the action registry's page-facing part (Registry.page_data in
// src/linework/editor/actions/registry.py).

import type { DocumentReply } from "../protocol";

/** What the page shows of one labelled action. */
export interface ActionInfo {
  label: string;
  /** The shortcut tooltips and menus show ("Mod+" for Ctrl or Cmd), "" for none. */
  shortcut: string;
  /** Icon path data; "F:" marks a filled path. */
  icon: string[];
  viewer: boolean;
  embed: boolean;
}

/** One key map rule (Binding.page_data in editor/actions/keymap.py). */
export interface KeyRule {
  action: string;
  keys: string;
  args: Record<string, unknown>;
  primary: boolean;
  /** null: either state of the modifier matches. */
  shift: boolean | null;
  alt: boolean | null;
  /** The lower-cased KeyboardEvent.key, or null for a rule matched by code only. */
  key: string | null;
  code: string | null;
}

export interface ActionRegistry {
  actions: Record<string, ActionInfo>;
  /** The edit bar's groups of action names, in order. */
  toolbar: string[][];
  keys: KeyRule[];
  /** The `?` panel's rows: [keys, description]. */
  help: string[][];
  /** The rows of `help` the viewer can use (its `?` panel). */
  viewer_help: string[][];
  viewer: string[];
  embed: string[];
  /** The actions the page carries out itself (web/keys.js runs their keys). */
  page: string[];
}

export interface FirstPaint {
  /** The `file-new` reply, its `ui` whole. */
  new: DocumentReply;
  palette: { kinds: unknown[]; [key: string]: unknown };
  actions: ActionRegistry;
}

declare const firstPaint: Readonly<FirstPaint>;
export default firstPaint;
