// @ts-check
// Icon bitmaps drawn off the main thread. Chromium decodes every SVG image on
// the page's main thread (about 1-4 ms each, and it cannot decode SVG in a
// worker: createImageBitmap refuses an SVG blob), so a diagram of many
// different icons kept the main thread busy for a second after it painted.
// This worker draws them with resvg (@resvg/resvg-wasm, MPL-2.0, served
// unchanged from the build's resvg/ folder): the core's sanitized icon SVG in,
// a PNG data: URI out, which Chromium decodes off the main thread.
//
// resvg parses and rasterizes SVG only: it runs no script, loads nothing, and
// the icons it gets are the core's sanitized SVG already. Icons with text (it
// has no fonts here) or raster images inside never come here
// (web/icon-raster.js draws those as before).
//
// Messages: page -> {id, svg: base64 of the SVG's UTF-8 bytes (or text: the
// SVG as a string), w, h} (the
// bitmap's box in pixels; the icon is fitted inside it, as an <image> fits
// it); worker -> {id, url} or {id, error}. The first failure to load resvg
// answers every job with an error, and {unusable: true}. Page -> {warm: true,
// icons: [SVG text of a few library icons]}: worker -> {warmed: {spent,
// best, rounds}} (ms), see warm() below.

import config from "./config.js";

const base = new URL(config.resvgUrl, import.meta.url);

/** resvg's Resvg class, once its wasm is compiled. */
const loading = (async () => {
  const module = await import(new URL("index.mjs", base).href);
  await module.initWasm(fetch(new URL("index_bg.wasm", base)));
  return module.Resvg;
})();

loading.catch(() => self.postMessage({ unusable: true }));

/** Base64 of bytes, in chunks (String.fromCharCode takes so many arguments). */
function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, /** @type {any} */ (bytes.subarray(i, i + 0x8000)));
  }
  return btoa(text);
}

/** Options that keep resvg from looking for fonts (there are none here). */
const NO_FONTS = { font: { loadSystemFonts: false } };

const ROOT = /^<svg\b[^>]*>/;
const ROOT_WIDTH = /\swidth="([^"]*)"/;
const ROOT_HEIGHT = /\sheight="([^"]*)"/;
const PLAIN_LENGTH = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/;
const utf8 = { decoder: new TextDecoder(), encoder: new TextEncoder() };

/** The root's width and height when both are plain lengths (what resvg takes
 * as the size then), else [0, 0]: saves parsing the SVG twice. */
function rootSize(bytes) {
  const root = ROOT.exec(utf8.decoder.decode(bytes.subarray(0, 600)));
  if (root === null) return [0, 0];
  const size = (attribute) => {
    const m = attribute.exec(root[0]);
    const n = m === null ? null : PLAIN_LENGTH.exec(m[1]);
    return n === null ? 0 : Number(n[1]);
  };
  return [size(ROOT_WIDTH), size(ROOT_HEIGHT)];
}

/**
 * @param {any} Resvg
 * @param {{svg?: string, text?: string, w: number, h: number}} job
 */
function draw(Resvg, job) {
  const { svg, text, w, h } = job;
  const bytes = typeof text === "string"
    ? utf8.encoder.encode(text)
    : Uint8Array.from(atob(svg), (c) => c.charCodeAt(0));
  // Its intrinsic size first, to fit it into w x h (xMidYMid meet).
  let [iw, ih] = rootSize(bytes);
  if (!(iw > 0 && ih > 0)) {
    const probe = new Resvg(bytes, NO_FONTS);
    iw = probe.width;
    ih = probe.height;
    probe.free();
  }
  if (!(iw > 0 && ih > 0)) throw new Error("no size");
  const zoom = Math.min(w / iw, h / ih);
  const resvg = new Resvg(bytes, { ...NO_FONTS, fitTo: { mode: "zoom", value: zoom } });
  try {
    const image = resvg.render();
    try {
      return `data:image/png;base64,${base64(image.asPng())}`;
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

// Warming up: V8 first runs the wasm from its baseline compiler (Liftoff),
// 3-5 times slower, and optimizes a function only once it has run enough
// (measured in Node 20: these icons drawn 25-30 rounds at 11-23 ms a round,
// then at 2.7 ms; 200 real icons took 930 ms cold, 240 ms warm). While the
// user picks a file, the page asks the worker to draw these few made-up
// icons (a stroked outline, filled shapes with a gradient and opacity, a
// small detailed one), and a few real library icons of every kind the core
// sends (they use what the made-up ones do not: measured in Chromium, 150
// real icons drawn right after warming on the made-up ones alone took 293
// ms, then 129 and 92), until that has happened: a round takes a third of the
// second one, or enough rounds have run for it, and then a round costs about
// what the best one did. Stopping when rounds merely agreed stopped at
// Liftoff's speed (Chromium: 57-79 ms spent, 7-9 ms a round), and an open's
// first icons were drawn at 2.4 ms each instead of 0.5-0.9.
const WARM_ICONS = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="#333" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/><path d="M7 9h10M7 13h6"/><circle cx="17" cy="15" r="2"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#c8511b"/><stop offset="1" stop-color="#ff9900"/></linearGradient></defs><rect width="64" height="64" rx="6" fill="url(#g)"/><path fill="#fff" fill-rule="evenodd" opacity=".9" d="M14 44 32 12l18 32H14zm6-4h24L32 19z"/><ellipse cx="32" cy="50" rx="12" ry="3" fill="#000" fill-opacity=".2"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><g transform="translate(20 20) rotate(15)" stroke="#2563eb" stroke-width="1.5" fill="#dbeafe"><polygon points="0,-16 14,-8 14,8 0,16 -14,8 -14,-8"/><path d="M-8 0c0-4 3-7 8-7s8 3 8 7-3 7-8 7-8-3-8-7z" stroke-dasharray="2 1"/></g></svg>',
].map((svg) => btoa(svg));
const WARM_SIZES = [32, 64];
/** Rounds after which the hot functions are surely optimized (V8 counts
 * calls and loops, not time: ~30 rounds in Node 20). */
const WARM_ROUNDS = 40;
/** Give up warming after this much work (ms): a slow machine stops sooner. */
const WARM_BUDGET_MS = 1500;

/**
 * @param {any} Resvg
 * @param {string[]} icons real library icons' SVG (text), drawn too
 */
async function warm(Resvg, icons) {
  let liftoff = 0;
  let best = Infinity;
  let spent = 0;
  let calm = 0;
  let rounds = 0;
  while (spent < WARM_BUDGET_MS) {
    const began = performance.now();
    for (const svg of WARM_ICONS) for (const px of WARM_SIZES) draw(Resvg, { svg, w: px, h: px });
    // At one size: rounds must cost alike to tell when they have settled.
    for (const text of icons) {
      try {
        draw(Resvg, { text, w: WARM_SIZES[0], h: WARM_SIZES[0] });
      } catch {
        // One that will not draw is drawn the other way when it comes.
      }
    }
    const took = performance.now() - began;
    spent += took;
    rounds += 1;
    // The first round also compiles each function lazily: the second is
    // Liftoff's speed.
    if (rounds === 2) liftoff = took;
    calm = took < best * 1.15 ? calm + 1 : 0;
    best = Math.min(best, took);
    const optimized = (rounds > 2 && best < liftoff / 3) || rounds >= WARM_ROUNDS;
    if (optimized && calm >= 3) break;
    // Let a real job in between rounds.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { spent, best, rounds };
}

// Jobs are drawn in the order they come (the page sends those in view first).
self.onmessage = async ({ data }) => {
  let Resvg;
  try {
    Resvg = await loading;
  } catch {
    self.postMessage({ id: data.id, error: "resvg did not load" });
    return;
  }
  if (data.warm) {
    const icons = Array.isArray(data.icons) ? data.icons.filter((t) => typeof t === "string") : [];
    self.postMessage({ warmed: await warm(Resvg, icons) });
    return;
  }
  try {
    self.postMessage({ id: data.id, url: draw(Resvg, data) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error?.message ?? error).slice(0, 200) });
  }
};
