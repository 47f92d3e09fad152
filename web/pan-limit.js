// @ts-check
// How far the user may pan: as in draw.io and Excalidraw, the view scrolls
// about one viewport past the drawing and stops there, with a strip of the
// drawing still on screen, so it can be brought to any edge of the window but
// never lost off it (only Fit brought it back before). The view is view state,
// kept in JS (canvas.js); this is its one rule, pure, for every way of panning
// (wheel, Space+drag, middle button, the viewer's drag). Zoom is not bounded:
// whatever it leaves, a pan towards the drawing is always allowed.

/** The drawing keeps at least this much of itself on screen (CSS px). */
export const KEEP_PX = 48;

/**
 * One axis: the pan `d` allowed from `at` (the view's offset), for a drawing
 * from `lo` to `hi` (page units) at `scale` in a window `size` px long.
 * A view already past a bound (after a zoom) may move back, never further.
 */
function axis(at, d, lo, hi, scale, size) {
  const keep = Math.min(KEEP_PX, Math.max(0, (hi - lo) * scale), size / 2);
  const min = keep - hi * scale; // the drawing's far end at the window's near edge
  const max = size - keep - lo * scale; // its near end at the window's far edge
  let to = at + d;
  if (d > 0) to = Math.min(to, Math.max(max, at));
  else if (d < 0) to = Math.max(to, Math.min(min, at));
  return to - at;
}

/**
 * The part of the pan (dx, dy) (CSS px) the view may make.
 * @param {{ scale: number, x: number, y: number }} view
 * @param {{ x: number, y: number, width: number, height: number }} box the drawing (page units)
 * @param {{ width: number, height: number }} size the canvas (CSS px)
 * @param {number} dx
 * @param {number} dy
 * @returns {{ dx: number, dy: number }}
 */
export function limitPan(view, box, size, dx, dy) {
  if (!(size.width > 0 && size.height > 0 && view.scale > 0)) return { dx, dy };
  return {
    dx: axis(view.x, dx, box.x, box.x + box.width, view.scale, size.width),
    dy: axis(view.y, dy, box.y, box.y + box.height, view.scale, size.height),
  };
}
