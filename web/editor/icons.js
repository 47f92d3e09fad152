// Toolbar icons, built as DOM nodes (no markup strings): 24×24, stroked.

const SVG_NS = "http://www.w3.org/2000/svg";

// Each icon: path data; "F:" marks a filled path.
const ICONS = {
  undo: ["M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"],
  redo: ["m15 14 5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"],
  delete: ["M4 7h16", "M10 11v6", "M14 11v6", "M6 7l1 13h10l1-13", "M9 7V4h6v3"],
  duplicate: ["M8 8h12v12H8z", "M16 8V4H4v12h4"],
  group: ["M3 3h4v4H3z", "M17 3h4v4h-4z", "M3 17h4v4H3z", "M17 17h4v4h-4z", "M7 5h10", "M7 19h10", "M5 7v10", "M19 7v10"],
  ungroup: ["M3 3h8v8H3z", "M13 13h8v8h-8z"],
  "insert-image": ["M3 5h18v14H3z", "m3 16 5-5 4 4 3-3 6 6", "F:M15 8h2v2h-2z"],
  "to-front": ["F:M8 8h10v10H8z", "M4 4h10v3", "M4 4v10h3"],
  "to-back": ["M8 8h10v10H8z", "F:M4 4h10v4H8v6H4z"],
  "align-left": ["M4 3v18", "F:M7 6h10v4H7z", "F:M7 14h6v4H7z"],
  "align-center": ["M12 3v18", "F:M6 6h12v4H6z", "F:M8 14h8v4H8z"],
  "align-right": ["M20 3v18", "F:M7 6h10v4H7z", "F:M11 14h6v4h-6z"],
  "align-top": ["M3 4h18", "F:M6 7h4v10H6z", "F:M14 7h4v6h-4z"],
  "align-middle": ["M3 12h18", "F:M6 6h4v12H6z", "F:M14 8h4v8h-4z"],
  "align-bottom": ["M3 20h18", "F:M6 7h4v10H6z", "F:M14 11h4v6h-4z"],
  "distribute-h": ["M3 3v18", "M21 3v18", "F:M9 7h6v10H9z"],
  "distribute-v": ["M3 3h18", "M3 21h18", "F:M7 9h10v6H7z"],
  "new-from-template": ["M3 3h8v8H3z", "M13 3h8v8h-8z", "M3 13h8v8H3z", "M17 13v8", "M13 17h8"],
  "tidy-tree": ["M9 3h6v5H9z", "M2 16h6v5H2z", "M16 16h6v5h-6z", "M12 8v4", "M5 16v-4h14v4"],
  "tidy-tree-lr": ["M3 9h5v6H3z", "M16 2h5v6h-5z", "M16 16h5v6h-5z", "M8 12h4", "M16 5h-4v14h4"],
  "toggle-lock": ["M6 11h12v9H6z", "M9 11V8a3 3 0 0 1 6 0v3"],
  "copy-style": ["M5 4h11v5H5z", "M16 6h3v5h-7v3", "M11 14h2v6h-2z"],
  "paste-style": ["M5 4h11v5H5z", "M16 6h3v5h-7v3", "F:M11 14h2v6h-2z"],
  help: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14", "M12 17.5v.01"],
  "zoom-in": ["M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z", "m20 20-4-4", "M8 11h6", "M11 8v6"],
  "zoom-out": ["M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z", "m20 20-4-4", "M8 11h6"],
  "zoom-fit": ["M4 9V4h5", "M20 9V4h-5", "M4 15v5h5", "M20 15v5h-5"],
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
  const paths = ICONS[name];
  if (!paths) return null;
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
