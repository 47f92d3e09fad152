// @ts-check
// The steps of the last open as User Timing marks, `linework-open:<step>`
// (page clock), so a benchmark can split "open + paint" into its parts
// (tools/bench_browser_editor.py prints them). Cleared when an open starts,
// so they never pile up; a few marks per open cost nothing.

const PREFIX = "linework-open:";

/** Forget the marks of the open before. */
export function clearOpenMarks() {
  for (const entry of performance.getEntriesByType("mark")) {
    if (entry.name.startsWith(PREFIX)) performance.clearMarks(entry.name);
  }
}

/** Mark `step` now, or at `at` (page-clock ms) when given. */
export function openMark(step, at = undefined) {
  if (typeof at === "number" && Number.isFinite(at)) performance.mark(PREFIX + step, { startTime: at });
  else if (at === undefined) performance.mark(PREFIX + step);
}
