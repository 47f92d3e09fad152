// @ts-check
// The steps of the last open as User Timing marks, `linework-open:<step>`
// (page clock), so a benchmark can split "open + paint" into its parts
// (tools/bench_browser_editor.py prints them). Marks are made only from an
// open's start (clearOpenMarks) to its last step, so they never pile up.

const PREFIX = "linework-open:";
const LAST = "adopted";
let measuring = false;

/** An open starts: forget the marks of the one before. */
export function clearOpenMarks() {
  for (const entry of performance.getEntriesByType("mark")) {
    if (entry.name.startsWith(PREFIX)) performance.clearMarks(entry.name);
  }
  measuring = true;
}

/** Mark `step` now, or at `at` (page-clock ms) when given; nothing outside an open. */
export function openMark(step, at = undefined) {
  if (!measuring) return;
  if (typeof at === "number" && Number.isFinite(at)) performance.mark(PREFIX + step, { startTime: at });
  else if (at === undefined) performance.mark(PREFIX + step);
  if (step === LAST) measuring = false;
}
