// @ts-check
// Writes that skip when nothing changes. The editor answers every pointer move
// with fresh UI state; assigning an equal value to a DOM property or attribute
// still invalidates style (and repaints text) in Chromium, which cost a frame
// per move while dragging. So the chrome writes only differences.

/** Set `el[prop] = value` unless it already holds it. */
export function assign(el, prop, value) {
  if (el[prop] !== value) el[prop] = value;
}

/** Set an attribute unless it already has that value. */
export function assignAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
