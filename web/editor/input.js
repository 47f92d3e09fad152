// @ts-check
// Pointer and keyboard input for editing: DOM events → protocol events in
// PAGE coordinates (the view's pan and zoom undone), moves coalesced to one
// per animation frame. Panning (Space or middle drag) and zooming belong to
// ../input.js; which key goes where is ../keys.js's (the one keydown router).

import { forwardTo, isTyping } from "../keys.js";

export { isTyping };

/** Screen (client) point → page point through the canvas view. */
export function toPage(svg, view, clientX, clientY) {
  const rect = svg.getBoundingClientRect();
  return {
    x: (clientX - rect.left - view.x) / view.scale,
    y: (clientY - rect.top - view.y) / view.scale,
  };
}

const mods = (e) => ({ shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });


// A key that types a character (not "?", the shortcuts, nor Space, which pans).
const typesText = (e) =>
  e.key.length === 1 && e.key !== "?" && e.key !== " " && !e.ctrlKey && !e.metaKey && !e.altKey;

export function wireEditorInput({ svg, canvas, editor, textEditor }) {
  const body = document.body;
  let pendingMove = null;
  let pendingSince = 0; // when the first DOM move of this frame happened (its timeStamp)
  let pendingHandled = 0; // when this page saw it (Chromium queues moves to the next frame)
  let frame = 0;
  let down = null; // the pointer id of an edit gesture

  const pointerEvent = (type, e) => ({
    type,
    ...toPage(svg, canvas.view, e.clientX, e.clientY),
    ...mods(e),
    button: e.button < 0 ? 0 : e.button,
    detail: e.detail || 1,
    zoom: canvas.view.scale,
  });

  function flushMove() {
    if (pendingMove !== null) {
      editor.send(pendingMove, pendingSince, pendingHandled);
      pendingMove = null;
    }
  }

  svg.addEventListener("pointerdown", (e) => {
    if (e.defaultPrevented || e.button !== 0 || body.dataset.space === "1") return;
    textEditor.commit();
    svg.focus({ preventScroll: true });
    svg.setPointerCapture(e.pointerId);
    down = e.pointerId;
    flushMove();
    editor.send(pointerEvent("pointerdown", e));
  });

  svg.addEventListener("pointermove", (e) => {
    if (body.dataset.panning) return;
    if (pendingMove === null) {
      pendingSince = e.timeStamp;
      pendingHandled = performance.now();
    }
    pendingMove = pointerEvent("pointermove", e);
    pendingMove.button = 0;
    // The first move of a frame goes at once; later ones wait for the next frame.
    if (frame === 0) {
      flushMove();
      frame = requestAnimationFrame(() => { frame = 0; flushMove(); });
    }
  });

  const finish = (e) => {
    if (down === null || e.pointerId !== down) return;
    down = null;
    flushMove();
    editor.send(pointerEvent("pointerup", e));
  };
  svg.addEventListener("pointerup", finish);
  const cancel = () => {
    if (down === null) return;
    down = null;
    pendingMove = null;
    editor.send({ type: "pointercancel" });
  };
  svg.addEventListener("pointercancel", cancel);
  // Out of the canvas while nothing is going on: its hover (ports, arrows)
  // goes. (In any other state the core would cancel what it is doing.)
  svg.addEventListener("pointerleave", () => {
    if (down !== null || body.dataset.panning || editor.ui?.state !== "idle" || !editor.ui?.hover) return;
    pendingMove = null;
    editor.send({ type: "pointercancel" });
  });
  svg.addEventListener("lostpointercapture", (e) => { if (e.pointerId === down) cancel(); });
  window.addEventListener("blur", cancel);

  svg.addEventListener("dblclick", (e) => {
    if (e.button !== 0 || body.dataset.space === "1") return;
    editor.send({ type: "dblclick", ...toPage(svg, canvas.view, e.clientX, e.clientY),
      ...mods(e), zoom: canvas.view.scale });
  });
  // Right-click opens the editor's own menu (web/editor/context-menu.js).

  // The core's keys, handed over by the page's one keydown router (../keys.js),
  // which has already run the keys the page carries out itself.
  forwardTo((e, rule) => {
    if (isTyping(e.target)) return;
    if (e.target instanceof Element && e.target.closest("dialog, [data-role=palette]")) {
      if (e.key !== "Escape" || e.target.closest("dialog")) return;
    }
    const primary = e.ctrlKey || e.metaKey;
    const onControl = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement;
    let forward;
    if (primary) {
      // Every Ctrl/Cmd key goes (the core ignores what it has no shortcut for);
      // copy, cut and paste arrive as clipboard events (no permission needed).
      forward = !(["c", "x", "v"].includes(e.key.toLowerCase()) && !e.altKey && !e.shiftKey);
    } else if (e.key === "Tab") {
      forward = e.target === svg && (editor.ui?.selection.length ?? 0) > 0;
    } else if (e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) {
      // The canvas context menu (web/editor/context-menu.js), not a control's.
      forward = e.target === svg || e.target === document.body;
    } else if (typesText(e) && rule === null) {
      // Type to edit (src/linework/editor/typeedit.py): the first key opens the
      // label's editor; keys typed before it shows wait in the text editor.
      if ((editor.ui?.selection.length ?? 0) !== 1) return;
      e.preventDefault();
      if (textEditor.typeAhead(e.key)) editor.send({ type: "keydown", key: e.key, code: e.code, ...mods(e) });
      return;
    } else {
      // Keys the core has shortcuts for: the action records' key map.
      forward = rule !== null && !(onControl && e.key === "Enter");
    }
    if (!forward) return;
    e.preventDefault();
    editor.send({ type: "keydown", key: e.key, code: e.code, ...mods(e) });
  });
}
