// @ts-check
// The status line (footer [data-role=status]): always true. Its resting text
// is the core's `ui.status` (page on screen, element count, selection) after
// the document's title. A message (an error, "Saved …", an import warning)
// shows until the next change the user makes; an error also goes by itself
// after a few seconds, so a refused command does not haunt the session.

const ERROR_MS = 8000;

/** `element`: the footer; `title()`: the document title on screen. */
export function createStatus(element, title) {
  let truth = ""; // the core's ui.status, "" before the editor's first page
  let message = null; // {text, kind} shown over the truth
  let last = null; // the ui.status seen last (null: none yet)
  let timer = 0;

  function paint(text, kind) {
    if (element.textContent !== text) element.textContent = text;
    element.dataset.kind = kind;
  }
  const resting = () => (truth ? `${title()} · ${truth}` : "");

  function settle() {
    clearTimeout(timer);
    message = null;
    const text = resting();
    if (text) paint(text, "info");
  }

  return {
    /** Show a message (kind: info, warning or error) until the next change. */
    say(text, kind = "info") {
      clearTimeout(timer);
      message = { text, kind };
      paint(text, kind);
      if (kind === "error" && truth) timer = setTimeout(settle, ERROR_MS);
    },
    /** Follow an editor response: its ui.status is the truth; a change the
     * user made (the document, the page or the selection changed) without
     * an error replaces any message. The first one only sets the truth, and
     * a `quiet` one (idle work, the start-up repaint) is no user change. */
    follow(ui, response) {
      if (typeof ui?.status !== "string") return;
      const changed = last !== null && response?.quiet !== true && (ui.status !== last ||
        (response?.ops?.length ?? 0) > 0 || ui.reveal !== undefined);
      const first = last === null;
      last = ui.status;
      truth = ui.status;
      if (ui.error) return;
      if (changed || (!first && message === null)) settle();
    },
    /** The text shown now (for scripts). */
    get text() { return element.textContent; },
  };
}
