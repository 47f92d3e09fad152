// @ts-check
// Applies the editor's DOM ops to the canvas's element layer and its overlay
// (protocol: src/linework/editor/protocol.py). Every fragment goes through
// safe-svg.js; nothing here builds markup from strings.

import { rasterIcons } from "../icon-raster.js";
import { parseFragments } from "../safe-svg.js";
import { assignAttr } from "./assign.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export function createPainter(svg, canvas) {
  const content = svg.querySelector('[data-role="content"]');
  const viewport = svg.querySelector('[data-role="viewport"]');
  const overlay = document.createElementNS(SVG_NS, "g");
  overlay.dataset.role = "overlay";
  viewport.append(overlay);

  const byId = new Map();
  // The transform each node had when inserted, for `translate` ops.
  const baseTransform = new WeakMap();
  let indexedRevision = null;
  let overlayText = "";

  function node(id) {
    // canvas.show() (a reset, or another module showing a page) bumps the revision.
    if (indexedRevision !== svg.dataset.revision) {
      byId.clear();
      for (const el of content.children) byId.set(el.getAttribute("data-id"), el);
      indexedRevision = svg.dataset.revision;
    }
    return byId.get(id) ?? null;
  }

  function translate({ ids, dx, dy }) {
    const shift = dx === 0 && dy === 0 ? "" : `translate(${dx} ${dy})`;
    for (const id of ids) {
      const el = node(id);
      if (el === null) continue;
      if (!baseTransform.has(el)) baseTransform.set(el, el.getAttribute("transform"));
      const base = baseTransform.get(el);
      const value = [shift, base ?? ""].filter(Boolean).join(" ");
      // A release usually lands where the last preview move left the nodes:
      // rewriting thousands of equal transforms would still repaint them all.
      if (value) assignAttr(el, "transform", value);
      else if (el.hasAttribute("transform")) el.removeAttribute("transform");
    }
  }

  /** Apply ops in order; `page` is ui.page and `defs` the shared SVG defs (for a
   * reset). Returns the DOM nodes touched and the unsafe SVG parts dropped. */
  function apply(ops, page, defs) {
    const upserts = ops.filter((op) => op.op === "upsert");
    const parsed = upserts.length ? parseFragments(upserts.map((op) => op.svg)).nodes : [];
    rasterIcons(parsed);
    let next = 0;
    let touched = 0;
    let removed = 0;
    for (const op of ops) {
      if (op.op === "reset") {
        removed += canvas.show({ page, elements: op.elements, defs });
        touched += op.elements.length;
      } else if (op.op === "upsert") {
        const fresh = parsed[next++];
        if (fresh?.getAttribute("data-id") !== op.id) throw new SyntaxError(`fragment for ${op.id} is not it`);
        const old = node(op.id);
        const before = op.before === null ? null : node(op.before);
        content.insertBefore(fresh, before);
        old?.remove();
        byId.set(op.id, fresh);
        touched += 1;
      } else if (op.op === "remove") {
        node(op.id)?.remove();
        byId.delete(op.id);
        touched += 1;
      } else if (op.op === "translate") {
        translate(op);
        touched += op.ids.length;
      }
    }
    return { touched, removed };
  }

  /** Replace the overlay layer (selection, handles, ports, guides) when it changed. */
  function showOverlay(text) {
    if (typeof text !== "string" || text === overlayText) return false;
    overlayText = text;
    overlay.replaceChildren(...(text ? parseFragments([text]).nodes : []));
    return true;
  }

  return { apply, showOverlay, showGrid: (grid) => canvas.setGrid(grid), content, overlay };
}
