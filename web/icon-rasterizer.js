// @ts-check
// The page's side of web/icon-worker.js: icon bitmaps drawn off the main
// thread by resvg. The worker starts with the first icon that asks; if it
// cannot start or resvg will not load, every icon is drawn the way
// web/icon-raster.js draws the others (decoded by Chromium), so nothing shows
// worse than before.

import { startIconWorker } from "./boot.js";

/** "idle" (not started), "on", or "off" (failed: draw icons the other way). */
let state = "idle";
let worker = null;
let nextId = 0;
let warming = false;
/** id -> resolve(url | null) of the jobs sent. */
const waiting = new Map();

/** SVG that resvg draws as Chromium would: no text (no fonts in the worker),
 * no raster or nested images, no style sheet, nothing scripted. */
const NOT_FOR_RESVG = /<(text|image|style|foreignObject|script|switch)\b|@font-face/i;

/** Whether an icon's SVG (its text) can be drawn by the worker. */
export function rasterizable(text) {
  return state !== "off" && !NOT_FOR_RESVG.test(text);
}

/** Whether the worker may still take icons. */
export function rasterizerUsable() {
  return state !== "off";
}

function giveUp() {
  state = "off";
  worker?.terminate();
  worker = null;
  for (const resolve of waiting.values()) resolve(null);
  waiting.clear();
}

function start() {
  try {
    worker = startIconWorker();
  } catch {
    giveUp();
    return;
  }
  state = "on";
  worker.onmessage = ({ data }) => {
    if (data.warmed) {
      // For benchmarks: they open files once the app is warm, as a user would.
      performance.mark("linework-icons-warm", { detail: data.warmed });
      return;
    }
    if (data.unusable) {
      giveUp();
      return;
    }
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    resolve?.(typeof data.url === "string" && data.url.startsWith("data:image/png;base64,") ? data.url : null);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    giveUp();
  };
}

/**
 * Draw an icon's SVG (base64 of its bytes) fitted into w x h pixels: resolves
 * to a PNG data: URI, or null if it must be drawn the other way.
 */
export function rasterize(svgBase64, w, h) {
  return send({ svg: svgBase64, w, h });
}

/** As rasterize(), from the SVG's text (the palette's thumbnails). */
export function rasterizeText(text, w, h) {
  return send({ text, w, h });
}

function send(job) {
  if (state === "idle") start();
  if (state === "off" || worker === null) return Promise.resolve(null);
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, ...job });
  });
}

/**
 * Start the worker and let it warm up while nothing else happens (the editor
 * calls this once the core is warm, with `icons`: the SVG text of a few
 * library icons): the first icons a file brings are then drawn at full speed.
 */
export function warmRasterizer(icons = []) {
  if (warming) return;
  warming = true;
  if (state === "idle") start();
  const real = Array.isArray(icons) ? icons.filter((svg) => typeof svg === "string" && rasterizable(svg)) : [];
  if (state === "on") worker.postMessage({ warm: true, icons: real });
}
