// @ts-check
// The part of the stage the user sees: the stage's rect less any side panel
// (the palette, the properties panel) lying over it. Floating bars placed over
// the canvas (the format bar) stay inside it, so none of their controls hides
// behind a panel or past the stage's clipped edge.

const PANELS = "[data-role=palette], .side-panel";

/**
 * The stage's visible rect, in client coordinates.
 * @param {Element} stage
 * @returns {{left: number, top: number, right: number, bottom: number}}
 */
export function visibleArea(stage) {
  const r = stage.getBoundingClientRect();
  let { left, right } = r;
  const middle = (r.left + r.right) / 2;
  for (const panel of document.querySelectorAll(PANELS)) {
    const q = panel.getBoundingClientRect();
    if (q.width === 0 || q.height === 0 || q.bottom <= r.top || q.top >= r.bottom) continue;
    if (q.right <= left || q.left >= right) continue; // beside the stage, not over it
    if ((q.left + q.right) / 2 < middle) left = Math.max(left, q.right);
    else right = Math.min(right, q.left);
  }
  return { left, top: r.top, right: Math.max(left, right), bottom: r.bottom };
}
