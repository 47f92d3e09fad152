// @ts-check
// View input on the canvas: Ctrl+wheel zooms at the pointer, wheel pans,
// a drag with Space held or the middle button pans, keys zoom and fit.

const LINE_PX = 16;

function wheelPixels(event) {
  const k = event.deltaMode === 1 ? LINE_PX : event.deltaMode === 2 ? 400 : 1;
  return { dx: event.deltaX * k, dy: event.deltaY * k };
}

const isTyping = (target) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

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
      canvas.panBy(-dy, 0);
    } else {
      canvas.panBy(-dx, -dy);
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
    canvas.panBy(event.clientX - drag.x, event.clientY - drag.y);
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
  // The middle button must not paste or start autoscroll.
  svg.addEventListener("mousedown", (event) => { if (event.button === 1) event.preventDefault(); });
  svg.addEventListener("auxclick", (event) => { if (event.button === 1) event.preventDefault(); });

  window.addEventListener("keydown", (event) => {
    if (isTyping(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === " " && !mod) {
      if (!(event.target instanceof HTMLButtonElement)) event.preventDefault();
      body.dataset.space = "1";
    } else if (mod && (event.key === "+" || event.key === "=")) {
      event.preventDefault();
      canvas.zoomStep(1);
    } else if (mod && event.key === "-") {
      event.preventDefault();
      canvas.zoomStep(-1);
    } else if (mod && event.key === "0") {
      event.preventDefault();
      canvas.fit();
    } else if (mod && event.key.toLowerCase() === "o") {
      event.preventDefault();
      actions.open();
    }
  });
  window.addEventListener("keyup", (event) => {
    if (event.key === " ") delete body.dataset.space;
  });
  window.addEventListener("blur", () => delete body.dataset.space);
}
