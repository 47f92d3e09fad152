// @ts-check
// The drawing: svg#canvas with one g[data-id] per element, and the view
// (zoom and pan). The view is pure view state, so it lives here in JS.

import { assignAttr } from "./editor/assign.js";
import { iconView, rasterIcons } from "./icon-raster.js";
import { limitPan } from "./pan-limit.js";
import { parseFragments } from "./safe-svg.js";

const SVG_NS = "http://www.w3.org/2000/svg";
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 8;
// The smallest zoom a page opens at (src/linework/editor/open_view.py).
export const READABLE_SCALE = 0.5;
const LEVELS = [0.02, 0.05, 0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8];
const FIT_MARGIN_PX = 24;
const PAN_GESTURE_MS = 250;
const COLOUR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|hsl)a?\([0-9.,%\s/]+\))$/;

const clamp = (s) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
const num = (x) => String(Math.round(x * 1000) / 1000);

/**
 * @param {any} svg the canvas's <svg> (an SVGSVGElement)
 * @param {{ onViewChange?: (view: { scale: number, x: number, y: number }) => void }} [options]
 */
export function createCanvas(svg, { onViewChange = () => {} } = {}) {
  const defsLayer = svg.querySelector('[data-role="defs"]');
  const viewport = svg.querySelector('[data-role="viewport"]');
  const background = svg.querySelector('[data-role="page-background"]');
  const content = svg.querySelector('[data-role="content"]');
  const gridRect = svg.querySelector('[data-role="page-grid"]');
  const gridPattern = svg.querySelector('[data-role="grid-pattern"]');
  const gridLine = svg.querySelector('[data-role="grid-line"]');
  const view = { scale: 1, x: 0, y: 0 };
  let page = null;
  // The drawing's box the core opened the page with (page units), while some
  // of its elements wait to be painted: zoom to fit counts them too.
  let unpaintedBounds = null;
  let revision = 0;
  // The drawing's box as a pan gesture started, and when it last panned.
  let panBox = null;
  let panAt = 0;
  // When the last show() parsed, sanitized and inserted its page (benchmarks).
  let lastShow = null;

  function applyView() {
    const { scale, x, y } = view;
    viewport.setAttribute("transform", `matrix(${num(scale)} 0 0 ${num(scale)} ${num(x)} ${num(y)})`);
    iconView(view, size, content);
    onViewChange({ ...view });
  }

  /** The drawing's box in page units: the page, grown to hold every element
   * (unless `pageOnly`: measuring the elements lays out the whole drawing). */
  function drawingBox({ pageOnly = false } = {}) {
    let x0 = 0, y0 = 0, x1 = page?.width ?? 0, y1 = page?.height ?? 0;
    if (!pageOnly && content.childElementCount > 0) {
      const bb = content.getBBox();
      if (bb.width > 0 || bb.height > 0) {
        x0 = Math.min(x0, bb.x); y0 = Math.min(y0, bb.y);
        x1 = Math.max(x1, bb.x + bb.width); y1 = Math.max(y1, bb.y + bb.height);
      }
    }
    const more = pageOnly ? null : unpaintedBounds;
    if (more) {
      x0 = Math.min(x0, more.x); y0 = Math.min(y0, more.y);
      x1 = Math.max(x1, more.x + more.w); y1 = Math.max(y1, more.y + more.h);
    }
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }

  // The canvas's size as of the last layout. Asking the element itself
  // (getBoundingClientRect) would force a layout, of the whole new drawing
  // too when a page was just shown.
  let size = null;
  new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentRect;
    if (box) size = { width: box.width, height: box.height };
  }).observe(svg);

  // The core's open_view.fitted: below `floor`, the box's top-left at the margin.
  function fitTo(box, maxScale, floor = MIN_SCALE) {
    const rect = size ?? svg.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0 || rect.width <= 0 || rect.height <= 0) {
      Object.assign(view, { scale: 1, x: FIT_MARGIN_PX, y: FIT_MARGIN_PX });
    } else {
      const scale = clamp(Math.min(
        maxScale,
        (rect.width - 2 * FIT_MARGIN_PX) / box.width,
        (rect.height - 2 * FIT_MARGIN_PX) / box.height,
      ));
      if (scale < floor) {
        Object.assign(view, { scale: floor, x: FIT_MARGIN_PX - box.x * floor, y: FIT_MARGIN_PX - box.y * floor });
      } else {
        view.scale = scale;
        view.x = (rect.width - box.width * scale) / 2 - box.x * scale;
        view.y = (rect.height - box.height * scale) / 2 - box.y * scale;
      }
    }
    applyView();
  }

  // A page just shown is fitted by its page box at once; whether elements
  // stick out is checked before the next frame (or before anyone reads or
  // changes the view), when the layout that measuring needs is due anyway.
  // Measuring at once would lay out the whole drawing twice: before and
  // after the view changes (about 200 ms at 5,000 shapes).
  let pendingFit = null; // {frame, maxScale, floor, box} while a check waits

  function settleFit() {
    if (pendingFit === null) return;
    const { frame, maxScale, floor, box } = pendingFit;
    pendingFit = null;
    cancelAnimationFrame(frame);
    const full = drawingBox();
    const out = full.x < box.x - 0.5 || full.y < box.y - 0.5
      || full.x + full.width > box.x + box.width + 0.5
      || full.y + full.height > box.y + box.height + 0.5;
    if (out) fitTo(full, maxScale, floor);
  }

  return {
    get view() { settleFit(); return { ...view }; },

    /** Fit a page just shown: by its page box now, by its elements if they stick out.
     * Below `floor` the drawing shows at `floor` from its top-left instead. */
    fitShown(maxScale = MAX_SCALE, floor = MIN_SCALE) {
      settleFit();
      const box = drawingBox({ pageOnly: true });
      fitTo(box, maxScale, floor);
      if (content.childElementCount > 0) {
        pendingFit = { frame: requestAnimationFrame(settleFit), maxScale, floor, box };
      }
    },

    /** Show a page just opened in the view the core chose for it (the reply's
     * `document.view`, src/linework/editor/open_view.py): nothing is measured.
     * `bounds` (`document.bounds`) counts for zoom to fit until `painted()`. */
    showView(next, bounds = null) {
      if (pendingFit !== null) cancelAnimationFrame(pendingFit.frame);
      pendingFit = null;
      Object.assign(view, { scale: clamp(next.scale), x: next.x, y: next.y });
      unpaintedBounds = bounds;
      applyView();
    },

    /** Every element of the page is painted: zoom to fit measures them alone. */
    painted() { unpaintedBounds = null; },

    /** Show a page: {page, elements: [[id, svg], ...], defs?}. Throws before touching the DOM. */
    show({ page: nextPage, elements, defs }) {
      const parsed = parseFragments(elements.map(([, text]) => text));
      parsed.nodes.forEach((node, i) => {
        if (node.getAttribute("data-id") !== elements[i]?.[0]) {
          throw new SyntaxError(`fragment ${i} does not carry data-id ${elements[i]?.[0]}`);
        }
      });
      const parsedDefs = typeof defs === "string" ? parseFragments([defs]) : null;
      if (parsedDefs !== null) defsLayer.replaceChildren(...parsedDefs.nodes);
      rasterIcons(parsed.nodes);
      content.replaceChildren(...parsed.nodes);
      unpaintedBounds = null;
      lastShow = { ...parsed.times, inserted: performance.now() };
      page = nextPage;
      background.setAttribute("width", num(Math.max(0, page.width)));
      background.setAttribute("height", num(Math.max(0, page.height)));
      const fill = String(page.background ?? "none");
      background.setAttribute("fill", COLOUR.test(fill) ? fill : "#ffffff");
      this.setGrid(page.grid);
      // A stable hook for scripts and tests: bumps each time a page is shown.
      svg.dataset.revision = String(++revision);
      return parsed.removed + (parsedDefs?.removed ?? 0);
    },

    clear() {
      content.replaceChildren();
      page = null;
      for (const name of ["width", "height"]) background.setAttribute(name, "0");
      this.setGrid(null);
    },

    /** Show the page grid ({size, visible} from the core) under the drawing, or hide it. */
    setGrid(grid) {
      const size = Number(grid?.size);
      const on = page !== null && grid?.visible === true && Number.isFinite(size) && size >= 2;
      // Called after every editor response: rewriting the pattern, even with
      // the same values, repaints every tile of the page, so write only changes.
      assignAttr(gridRect, "width", on ? num(Math.max(0, page.width)) : "0");
      assignAttr(gridRect, "height", on ? num(Math.max(0, page.height)) : "0");
      if (!on) return;
      assignAttr(gridPattern, "width", num(size));
      assignAttr(gridPattern, "height", num(size));
      assignAttr(gridLine, "d", `M${num(size)} 0H0V${num(size)}`);
    },

    /** Multiply the zoom by factor, keeping the screen point (cx, cy) still. */
    zoomBy(factor, cx, cy) {
      settleFit();
      const rect = svg.getBoundingClientRect();
      const px = cx ?? rect.width / 2;
      const py = cy ?? rect.height / 2;
      const scale = clamp(view.scale * factor);
      const k = scale / view.scale;
      view.x = px - (px - view.x) * k;
      view.y = py - (py - view.y) * k;
      view.scale = scale;
      applyView();
    },

    /** Step to the next zoom level up (+1) or down (-1), around the centre. */
    zoomStep(direction) {
      settleFit();
      const s = view.scale;
      const next = direction > 0
        ? LEVELS.find((l) => l > s * 1.05) ?? MAX_SCALE
        : [...LEVELS].reverse().find((l) => l < s / 1.05) ?? MIN_SCALE;
      this.zoomBy(next / s);
    },

    panBy(dx, dy) {
      settleFit();
      view.x += dx;
      view.y += dy;
      applyView();
    },

    /** A pan the user makes (wheel, drag): it stops about a viewport past
     * the drawing (./pan-limit.js). The drawing is measured once a gesture
     * (a pause of PAN_GESTURE_MS ends one), not once an event. */
    scrollBy(dx, dy) {
      settleFit();
      const now = performance.now();
      if (panBox === null || now - panAt > PAN_GESTURE_MS) panBox = drawingBox();
      panAt = now;
      const d = limitPan(view, panBox, size ?? svg.getBoundingClientRect(), dx, dy);
      if (d.dx !== 0 || d.dy !== 0) this.panBy(d.dx, d.dy);
    },

    /** Fit the drawing in the window; `maxScale` keeps small drawings at 100 %. */
    fit(maxScale = MAX_SCALE) {
      settleFit();
      fitTo(drawingBox(), maxScale);
    },

    /** The page area on screen ({x, y, w, h}, page units) as of the last
     * layout (no layout forced), or null before the canvas was laid out. */
    get shown() {
      if (size === null || size.width <= 0 || size.height <= 0) return null;
      const { scale, x, y } = view;
      return { x: -x / scale, y: -y / scale, w: size.width / scale, h: size.height / scale };
    },

    /** Page-clock times of the last show(): {start, parsed, sanitized, inserted}. */
    get lastShow() { return lastShow; },

    /** Element count on the canvas (g[data-id] at the top level). */
    get size() { return content.childElementCount; },
  };
}

export { SVG_NS };
