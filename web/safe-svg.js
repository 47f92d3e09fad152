// @ts-check
// Puts the core renderer's SVG text into the page. Two locks:
// 1. Trusted Types: the CSP allows one policy, created here and kept private,
//    so the only strings that reach the parser are the ones this module wraps.
// 2. Defence in depth: every parsed node is checked against an allowlist;
//    scripts, foreignObject, event handlers and outside links never survive,
//    and each attribute's value must follow a strict grammar. There is no
//    <use> (the renderer writes none; it could clone the page's own elements).

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
export const POLICY_NAME = "linework-svg";

const ELEMENTS = new Set([
  "svg", "g", "a", "defs", "symbol", "title", "desc", "marker", "clipPath", "mask", "pattern",
  "linearGradient", "radialGradient", "stop", "path", "rect", "circle", "ellipse", "line",
  "polyline", "polygon", "text", "tspan", "textPath", "image", "filter", "feBlend",
  "feColorMatrix", "feComposite", "feDropShadow", "feFlood", "feGaussianBlur", "feMerge",
  "feMergeNode", "feMorphology", "feOffset",
]);

const ATTRIBUTES = new Set([
  "id", "class", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
  "fx", "fy", "width", "height", "points", "pathLength", "viewBox", "preserveAspectRatio",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
  "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
  "stroke-miterlimit", "opacity", "color", "visibility", "display", "pointer-events",
  "vector-effect", "paint-order", "shape-rendering", "clip-path", "clip-rule", "mask", "filter",
  "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits",
  "refX", "refY", "orient", "offset", "stop-color", "stop-opacity", "gradientUnits",
  "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits",
  "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "filterUnits",
  "primitiveUnits", "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4", "type",
  "values", "stdDeviation", "dx", "dy", "radius", "flood-color", "flood-opacity",
  "font-family", "font-size", "font-weight", "font-style", "font-variant", "text-anchor",
  "dominant-baseline", "alignment-baseline", "baseline-shift", "text-decoration",
  "letter-spacing", "word-spacing", "textLength", "lengthAdjust", "rotate", "startOffset",
  "xml:space", "href", "xlink:href", "role", "aria-label", "aria-hidden", "target", "rel",
]);

// data-* attributes the core writes (content and overlay). Others, such as
// data-action or data-field, would let a drawing pose as the page's own controls.
const DATA_ATTRIBUTES = new Set([
  "data-id", "data-kind", "data-role", "data-handle", "data-index", "data-overlay", "data-port",
  "data-shape", "data-hit", "data-label", "data-linework", "data-dir",
]);
const OVERLAY_ROLES = new Set(["hover", "selection", "selection-box", "label", "rubber-band", "guide", "placing", "target", "ports",
  "drop-target", "hover-arrow"]);
// Pictures: raster data here; SVG (rebuilt by the core from allowed parts,
// src/linework/formats/pictures.py) only on <image>, below.
const SAFE_HREF = /^(#[A-Za-z0-9_.:-]+|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*)$/;
// An SVG picture or icon, drawn by <image> only (an image context runs no script and fetches nothing).
const SVG_IMAGE_HREF = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]*$/;
// A shape's link: only a web or mail address, opened in a new tab without referrer.
const LINK_HREF = /^(https?:\/\/|mailto:)[^\s"<>\\]*$/i;
const LINK_REL = /^(noopener|noreferrer|nofollow|external)( (noopener|noreferrer|nofollow|external))*$/;

// A strict grammar per attribute: no value may hold a backslash (CSS escapes
// such as \75 rl( spell url() in disguise), and functions only where named.
const NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
// Keywords, numbers, lengths, percentages, lists and #hex colours.
const PLAIN = /^[A-Za-z0-9\s#.,%+\-_]*$/;
const NAME = /^[A-Za-z0-9_.:\- ]*$/;
const LOCAL_REF = /^url\(#[A-Za-z0-9_.:-]+\)$/;
const REF_OR_NONE = /^(none|url\(#[A-Za-z0-9_.:-]+\))$/;
const COLOR_FN = new RegExp(`^(rgba?|hsla?)\\(\\s*(${NUMBER}%?\\s*[,/]?\\s*){3,4}\\)$`);
const TRANSFORM = new RegExp(`^(\\s*(matrix|translate|scale|rotate|skewX|skewY)\\s*\\((\\s*${NUMBER}\\s*,?){1,6}\\)\\s*,?)*\\s*$`);
const PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,+\-\s]*$/;
const FONT_FAMILY = /^[A-Za-z0-9 ,'"_.-]*$/;
const PAINT = (v) => PLAIN.test(v) || LOCAL_REF.test(v) || COLOR_FN.test(v)
  || /^url\(#[A-Za-z0-9_.:-]+\)\s+[A-Za-z#0-9]+$/.test(v);
const GRAMMAR = {
  id: (v) => NAME.test(v),
  class: (v) => NAME.test(v),
  d: (v) => PATH_DATA.test(v),
  transform: (v) => TRANSFORM.test(v),
  gradientTransform: (v) => TRANSFORM.test(v),
  patternTransform: (v) => TRANSFORM.test(v),
  fill: PAINT,
  stroke: PAINT,
  color: PAINT,
  "stop-color": PAINT,
  "flood-color": PAINT,
  "clip-path": (v) => REF_OR_NONE.test(v),
  mask: (v) => REF_OR_NONE.test(v),
  filter: (v) => REF_OR_NONE.test(v),
  "marker-start": (v) => REF_OR_NONE.test(v),
  "marker-mid": (v) => REF_OR_NONE.test(v),
  "marker-end": (v) => REF_OR_NONE.test(v),
  "font-family": (v) => FONT_FAMILY.test(v),
  // Words for people (assistive technology), never parsed as CSS or a URL.
  "aria-label": () => true,
};

let policy = null;
if (globalThis.trustedTypes !== undefined) {
  policy = trustedTypes.createPolicy(POLICY_NAME, {
    createHTML(text) {
      if (!text.startsWith(`<svg xmlns="${SVG_NS}"`)) throw new TypeError("not renderer output");
      return text;
    },
  });
}

function isSafeAttribute(el, name, value) {
  const isData = name.startsWith("data-");
  if (isData ? !DATA_ATTRIBUTES.has(name) : !ATTRIBUTES.has(name)) return false;
  const isLink = el.localName === "a";
  if (name === "href" || name === "xlink:href") {
    const v = value.trim();
    if (el.localName === "image" && SVG_IMAGE_HREF.test(v)) return true;
    return SAFE_HREF.test(v) || (isLink && LINK_HREF.test(v));
  }
  if (name === "target") return isLink && value.trim() === "_blank";
  if (name === "rel") return isLink && LINK_REL.test(value.trim());
  if (name === "data-role") return OVERLAY_ROLES.has(value);
  if (isData) return !value.includes("\\") && !/[()<>]/.test(value);
  if (value.includes("\\")) return false;
  const grammar = GRAMMAR[name];
  return grammar ? grammar(value.trim()) : PLAIN.test(value.trim());
}

// Attributes whose verdict depends on the element too (links and pictures);
// every other verdict is a function of the name and the value alone.
const PER_ELEMENT = new Set(["href", "xlink:href", "target", "rel"]);

/** Remove every node and attribute outside the allowlist; return how many went. */
function sanitize(root) {
  let removed = 0;
  // Verdicts of this call by name, then value: a page of fragments repeats
  // most of its values (fills, strokes, fonts, kinds), so most attributes
  // are one lookup instead of a grammar's regular expression. The same
  // isSafeAttribute decides each distinct pair, so nothing it refuses passes.
  const verdicts = new Map();
  const doc = root.ownerDocument;
  // Comments, processing instructions and CDATA: the renderer writes none.
  const odd = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION
    | NodeFilter.SHOW_CDATA_SECTION);
  const strays = [];
  while (odd.nextNode()) strays.push(odd.currentNode);
  for (const node of strays) node.remove();
  // One flat pass over the elements (a static list, in document order): an
  // element outside the allowlist goes with its subtree, whose elements come
  // right after it in the list and are skipped.
  let gone = null;
  for (const el of [root, ...root.querySelectorAll("*")]) {
    if (el !== root) {
      if (gone?.contains(el)) continue;
      if (el.namespaceURI !== SVG_NS || !ELEMENTS.has(el.localName)) {
        el.remove();
        gone = el;
        removed += 1;
        continue;
      }
    }
    // By name (qualified, as xml:space): reading el.attributes would make an
    // Attr node of every attribute, which doubles the time of this pass.
    for (const name of el.getAttributeNames()) {
      if (name === "xmlns" || name === "xmlns:xlink") continue;
      const value = /** @type {string} */ (el.getAttribute(name));
      let safe;
      if (PER_ELEMENT.has(name)) {
        safe = isSafeAttribute(el, name, value);
      } else {
        let known = verdicts.get(name);
        if (known === undefined) {
          known = new Map();
          verdicts.set(name, known);
        }
        safe = known.get(value);
        if (safe === undefined) {
          safe = isSafeAttribute(el, name, value);
          known.set(value, safe);
        }
      }
      if (!safe) {
        el.removeAttribute(name);
        removed += 1;
      }
    }
  }
  return removed;
}

/**
 * Parse renderer fragments (each one SVG element as text) into DOM nodes.
 *
 * Returns {nodes, removed, times}: the top-level elements in order, how many
 * nodes or attributes the allowlist took out (0 for honest renderer output),
 * and when it started, parsed and sanitized (page clock, for benchmarks).
 * Throws if the text is not well-formed.
 */
export function parseFragments(fragments) {
  const start = performance.now();
  const text = `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}">${fragments.join("")}</svg>`;
  const input = policy === null ? text : policy.createHTML(text);
  // The HTML parser, into an inert <template> (nothing runs or loads there):
  // about three times faster than DOMParser's XML parser on a page of
  // fragments, with the same SVG elements and attributes (the parser's SVG
  // tables restore their camelCase names; xml:space and xlink:href keep their
  // namespaces). It never fails, so the check below stands in for XML's
  // well-formedness: everything must stay inside the one <svg> (a stray HTML
  // tag would break out of it) and in the SVG namespace (the allowlist).
  const template = document.createElement("template");
  template.innerHTML = /** @type {any} */ (input);
  const root = template.content.firstChild;
  if (!(root instanceof Element) || root.namespaceURI !== SVG_NS || root.localName !== "svg"
    || template.content.childNodes.length !== 1) {
    throw new SyntaxError("renderer output is not well-formed SVG");
  }
  const parsed = performance.now();
  const removed = sanitize(root);
  // When parsing and sanitizing ended (page clock), for benchmarks.
  return { nodes: [...root.children], removed, times: { start, parsed, sanitized: performance.now() } };
}
