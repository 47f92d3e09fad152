// @ts-check
// The page's modes, read from its URL:
// - index.html?mode=view: the read-only viewer (no palette, properties or
//   editing gestures; the core's session refuses edits too). With #d=… it shows
//   the diagram carried by a share link, which never reaches any server.
// - index.html?embed=1&origin=<parent origin>[&mode=view]: embedded by another
//   site (web/embed.js), once web/framing.js found that origin allowed.
// - otherwise the editor, with "Share as link"; a #d=… fragment opens as a
//   new, unsaved copy (web/edit-copy.js), as the viewer's "Edit a copy" does;
//   framed by another origin, it refuses to run (web/framing.js).

import { LineworkError, asLineworkError, replyError } from "./errors.js";
import { startEmbed } from "./embed.js";
import { openCopyFromFragment, wireEditCopy } from "./edit-copy.js";
import { checkEmbed, framed, framedBySelf } from "./framing.js";
import { EMBED_ACTIONS, VIEWER_ACTIONS } from "./editor/actions.js";
import { lockKeys } from "./keys.js";
import { reportError } from "./report.js";
import { wireShare } from "./share.js";

const params = new URLSearchParams(location.search);

/** What the URL asks for: {view, embed}. Fixed for the life of the page. */
export const mode = Object.freeze({
  view: params.get("mode") === "view",
  embed: params.has("embed") && params.get("embed") !== "0",
});

// Keys the viewer keeps: every shortcut of an action the viewer may run (the
// action records' `viewer` flag, `embed` in a read-only embed: zoom, fit, help,
// pages, Escape), which the core runs too (src/linework/app/policy.py), and the
// two keys that are no action's: Tab moves focus, Space pans. Everything else,
// a modifier pressed alone included, would reach the core as an edit, which
// it refuses.
const PLAIN_KEYS = /^(Tab| )$/;

/**
 * Whether the viewer lets a key press through (web/keys.js locks the rest and
 * gives the key map's rule, looked up once for both).
 */
function viewerKey(event, rule) {
  if (PLAIN_KEYS.test(event.key)) return true;
  return rule !== null && (mode.embed ? EMBED_ACTIONS : VIEWER_ACTIONS).has(rule.action);
}

/** Viewer mode: no editing gestures reach the editor; a drag pans instead. */
function blockEditing(canvas) {
  const svg = document.querySelector("#canvas");
  let drag = null;
  const stop = (event) => event.stopImmediatePropagation();
  window.addEventListener("pointerdown", (event) => {
    if (!(event.target instanceof Element) || !svg.contains(event.target)) return;
    stop(event);
    event.preventDefault();
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    svg.setPointerCapture(event.pointerId);
    document.body.dataset.panning = "drag";
  }, true);
  window.addEventListener("pointermove", (event) => {
    // Hovering shows no connect arrows or ports: the viewer only looks.
    if (drag === null && event.target instanceof Element && svg.contains(event.target)) stop(event);
    if (drag === null || event.pointerId !== drag.id) return;
    stop(event);
    canvas.scrollBy(event.clientX - drag.x, event.clientY - drag.y);
    drag.x = event.clientX;
    drag.y = event.clientY;
  }, true);
  const end = (event) => {
    if (drag === null || event.pointerId !== drag.id) return;
    stop(event);
    drag = null;
    delete document.body.dataset.panning;
  };
  window.addEventListener("pointerup", end, true);
  window.addEventListener("pointercancel", end, true);
  for (const type of ["dblclick", "contextmenu", "paste", "cut"]) {
    window.addEventListener(type, stop, true);
  }
  // Keys: only those reach anything (element listeners too), as web/keys.js locks them.
  lockKeys(viewerKey);
}

async function openFromFragment(app, readOnly) {
  const fragment = location.hash.slice(1);
  if (!fragment.startsWith("d=")) return;
  try {
    await readOnly;
    const reply = await app.call({ type: "link-data", fragment });
    if (!reply.ok) throw replyError(reply);
    // The document's own title (meta.title) if it has one; fitted to the window.
    await app.openData("Shared diagram", reply.data, { metaTitle: true, fit: true });
    app.canvas.fit();
  } catch (error) {
    app.showError(error, "open");
  }
}

// A refused frame shows why and nothing else: the rest of the page is inert
// (no clicks, focus or typing reach it) and the core refuses every edit, so a
// page that frames Linework without leave cannot have the user work in it.
function makeInert(app, notice) {
  for (const child of document.body.children) {
    if (child !== notice && child instanceof HTMLElement) child.inert = true;
  }
  app.ready.then(() => app.call({ type: "read-only" })).catch(() => {});
}

function refuseEmbed(app, code, detail) {
  const body = document.body;
  body.dataset.embed = "refused";
  const error = new LineworkError(code, detail);
  const notice = document.createElement("section");
  notice.className = "embed-refused";
  notice.dataset.role = "embed-refused";
  notice.setAttribute("role", "alert");
  const title = document.createElement("h2");
  title.textContent = "Linework will not talk to this page";
  const text = document.createElement("p");
  text.textContent = `${error.message} ${detail}.`;
  const codeLine = document.createElement("p");
  codeLine.textContent = `Error code ${code}`;
  notice.append(title, text, codeLine);
  body.append(notice);
  makeInert(app, notice);
  app.setStatus(`${error.message} (${code})`, "error");
  reportError(code, "embed");
}

/**
 * Start the mode the URL asks for. `app` is what the page offers modes:
 * {ready, call, observe, openData, showError, setStatus, canvas, editorReady,
 * openCopy}.
 */
export function startModes(app) {
  const body = document.body;
  // A failure nobody caught still maps to a code: LW-E0001 in the status line
  // (the console keeps the details; they never leave the page).
  const stray = (reason) => {
    const err = asLineworkError(reason);
    app.setStatus(`${err.message} (${err.code})`, "error");
    reportError(err.code, "edit");
  };
  window.addEventListener("unhandledrejection", (event) => stray(event.reason));
  window.addEventListener("error", (event) => { if (event.error) stray(event.error); });
  const readOnly = mode.view
    ? app.ready.then(() => app.call({ type: "read-only", embed: Boolean(mode.embed) }))
    : Promise.resolve();
  if (mode.view) {
    body.dataset.mode = "view";
    blockEditing(app.canvas);
  }
  if (mode.embed) {
    // web/framing.js: the origin must be well formed, the real parent's, and
    // named by the build or by the frame-ancestors this page was served with.
    checkEmbed(params.get("origin")).then((checked) => {
      if (checked.origin === undefined) {
        refuseEmbed(app, checked.code, checked.detail);
      } else {
        // A read-only embed starts talking once the core refuses edits; the host
        // waits for `init` anyway.
        readOnly.then(() => startEmbed(app, checked.origin, { view: mode.view }));
      }
    });
    return;
  }
  if (!mode.view && framed() && !framedBySelf()) {
    // Not an embed: the editor does not run inside another site's frame (the
    // read-only viewer of a share link may: it edits nothing and talks to no one).
    refuseEmbed(app, "LW-E0603", "Linework runs inside another site's page only as a configured embed (index.html?embed=1)");
    return;
  }
  if (mode.view) {
    openFromFragment(app, readOnly);
    window.addEventListener("hashchange", () => openFromFragment(app, readOnly));
    wireEditCopy();
  } else {
    wireShare(app);
    // A share link's #d= in the editor's address: "Edit a copy" (web/edit-copy.js).
    openCopyFromFragment(app);
    window.addEventListener("hashchange", () => openCopyFromFragment(app));
  }
}
