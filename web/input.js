// @ts-check
// View input on the canvas: Ctrl+wheel zooms at the pointer, wheel pans,
// a drag with Space held or the middle button pans (each as far as
// ./pan-limit.js lets it: about a viewport past the drawing), keys zoom and fit.

import { isTyping, onAction, onKey } from "./keys.js";

const LINE_PX = 16;
/** A paste this soon after a middle button went up over the canvas is its own (ms). */
const MIDDLE_PASTE_MS = 500;

function wheelPixels(event) {
  const k = event.deltaMode === 1 ? LINE_PX : event.deltaMode === 2 ? 400 : 1;
  return { dx: event.deltaX * k, dy: event.deltaY * k };
}

export function wireViewInput(svg, canvas, actions) {
  const body = document.body;
  let drag = null;

  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const { dx, dy } = wheelPixels(event);
    if (event.ctrlKey || event.metaKey) {
      const rect = svg.getBoundingClientRect();
      canvas.zoomBy(Math.exp(-dy * 0.002), event.clientX - rect.left, event.clientY - rect.top);
    } else if (event.shiftKey && dx === 0) {
      canvas.scrollBy(-dy, 0);
    } else {
      canvas.scrollBy(-dx, -dy);
    }
  }, { passive: false });

  svg.addEventListener("pointerdown", (event) => {
    const middle = event.button === 1;
    if (!middle && !(event.button === 0 && body.dataset.space === "1")) return;
    event.preventDefault();
    svg.setPointerCapture(event.pointerId);
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    body.dataset.panning = "drag";
  });
  svg.addEventListener("pointermove", (event) => {
    if (drag === null || event.pointerId !== drag.id) return;
    canvas.scrollBy(event.clientX - drag.x, event.clientY - drag.y);
    drag.x = event.clientX;
    drag.y = event.clientY;
  });
  const endDrag = (event) => {
    if (drag === null || event.pointerId !== drag.id) return;
    drag = null;
    delete body.dataset.panning;
  };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  // The middle button must not paste or start autoscroll. Chromium on Linux
  // pastes the primary selection (text selected anywhere) as a middle button
  // goes up, whatever the default of its events: a pan dropped that text
  // into the diagram. A paste just after a middle button went up over the
  // canvas is refused before the editor sees it.
  let middleUp = -Infinity;
  for (const type of ["mousedown", "pointerup", "auxclick"]) {
    svg.addEventListener(type, (event) => {
      if (event.button !== 1) return;
      event.preventDefault();
      if (type !== "mousedown") middleUp = performance.now();
    });
  }
  window.addEventListener("paste", (event) => {
    if (performance.now() - middleUp > MIDDLE_PASTE_MS) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  // Space held pans; its key is the page's own (../keys.js routes the rest).
  onKey((event) => {
    if (event.key !== " " || event.ctrlKey || event.metaKey || isTyping(event.target)) return false;
    if (!(event.target instanceof HTMLButtonElement)) event.preventDefault();
    body.dataset.space = "1";
    return false;
  });
  // Zoom, fit and Open… by their records' keys (Ctrl+= Ctrl+- Ctrl+0 Ctrl+Shift+H Ctrl+O).
  onAction("zoom-in", () => canvas.zoomStep(1));
  onAction("zoom-out", () => canvas.zoomStep(-1));
  onAction("zoom-fit", () => canvas.fit());
  onAction("open", () => actions.open());
  window.addEventListener("keyup", (event) => {
    if (event.key === " ") delete body.dataset.space;
  });
  window.addEventListener("blur", () => delete body.dataset.space);
}
