// @ts-check
// Toolbar icons, built as DOM nodes (no markup strings): 24×24, stroked.
// An action's icon is its record's (web/editor/actions.js); here only the
// icons of controls that are not actions.

import { actionInfo } from "./actions.js";

const SVG_NS = "http://www.w3.org/2000/svg";

// Each icon: path data; "F:" marks a filled path.
const ICONS = {
  "insert-image": ["M3 5h18v14H3z", "m3 16 5-5 4 4 3-3 6 6", "F:M15 8h2v2h-2z"],
  plus: ["M12 5v14", "M5 12h14"],
  eye: ["M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z", "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"],
  "eye-off": ["M3 3l18 18", "M10.6 5.1A10 10 0 0 1 12 5c6 0 10 7 10 7a17 17 0 0 1-3 3.7", "M6.6 6.6C3.8 8.4 2 12 2 12s4 7 10 7a9.6 9.6 0 0 0 5.4-1.6"],
  lock: ["M6 11h12v9H6z", "M9 11V8a3 3 0 0 1 6 0v3"],
  unlock: ["M6 11h12v9H6z", "M9 11V8a3 3 0 0 1 5.8-1"],
  up: ["m6 15 6-6 6 6"],
  down: ["m6 9 6 6 6-6"],
  "move-here": ["M12 4v12", "m7 11 5 5 5-5", "M5 20h14"],
  trash: ["M4 7h16", "M6 7l1 13h10l1-13", "M9 7V4h6v3"],
  search: ["M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z", "m20 20-4-4"],
};

/** Return an <svg> icon node, or null for an unknown name. */
export function icon(name) {
  const paths = Object.hasOwn(ICONS, name) ? ICONS[name] : actionInfo(name)?.icon;
  if (!paths?.length) return null;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "icon");
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, "path");
    const filled = d.startsWith("F:");
    path.setAttribute("d", filled ? d.slice(2) : d);
    if (filled) path.setAttribute("class", "filled");
    svg.append(path);
  }
  return svg;
}
