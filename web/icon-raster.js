// @ts-check
// Icons on the canvas, drawn from small bitmaps. The core draws an icon as an
// <image> of its sanitized SVG (a data: URI; the document SVG keeps exactly
// that). Chromium builds a whole SVG document per distinct SVG image in the
// page, and each one makes the next slower: 1,000 distinct icons took tens of
// seconds to paint, against about a second for 1,000 plain shapes. So the
// painted canvas shows each icon's SVG rasterized once per session (decoded
// as an image, where SVG is inert, drawn into a canvas and kept as a PNG
// data: URI); the SVG itself stays on the <image> as data-src, for scripts.
// Pictures (kind "image") keep their SVG.
//
// What made a page of 1,000 different icons take 12 s to draw, and what this
// does instead (measured with a Chrome trace, tools/bench_browser_icons.py):
// - Each SVG decoded alone costs Chromium a whole image document (~2-3 ms of
//   the main thread each). Icons that cannot disturb one another (no style
//   sheet, no ids shared, no references outside themselves) are decoded
//   together, up to a few dozen in one "atlas" SVG, then cut apart: about a
//   third of the time per icon.
// - Bitmaps were 4x the icon's size at 100 % (256 px for a 64-unit icon), so
//   each PNG took ~3 ms to encode and ~90 kB to keep. They are now twice the
//   size the icon is shown at (64 px at 50 %), and redrawn larger when the
//   view zooms in past that (the smaller bitmap shows meanwhile).
// - Icons in view are drawn first, the rest after; the work starts only once
//   the page has painted, in slices that leave frames and input through.
// - Even so, a page of a few hundred different icons in view took a second of
//   the main thread after it painted. Icons resvg can draw (no text, no
//   images inside: every library icon) are now drawn by a worker
//   (web/icon-worker.js); only the others are decoded here.
// - The worker starts on them once the page has painted, like the rest. Fed
//   at once, it took one of the two cores of a small machine while the page
//   laid out and painted: a 1,000-icon page's first paint took 59-98 ms
//   after its nodes were in, against 24-31 ms so, and its icons in view were
//   drawn no sooner (the core is idle by then and the worker warm).

import { rasterizable, rasterize, rasterizerUsable } from "./icon-rasterizer.js";

const SVG_HREF = "data:image/svg+xml;base64,";
const SVG_NS = "http://www.w3.org/2000/svg";
/** Main-thread time a slice of work may take before a frame is let through (ms). */
const SLICE_MS = 8;
/** Bitmap sizes, in device pixels for the longer side (a power of two in between). */
const MIN_PX = 32;
const MAX_PX = 512;
/** A bitmap decoded here is this many times the size the icon is shown at
 * (then rounded up to a power of two), so zooming in that far stays sharp
 * before it is redrawn. One the worker draws is the size shown (rounded up):
 * drawn at that size it is sharper than a bigger one scaled down, it costs
 * half the time, and the worker redraws it quickly once the view rests. */
const HEADROOM = 2;
const WORKER_HEADROOM = 1;
/** One atlas SVG holds at most this many icons and this many pixels (its
 * decoding is one task of the main thread: ~1 ms an icon on a slow machine). */
const ATLAS_ICONS = 16;
const ATLAS_AREA = 512 * 512;
/** Atlases (or single SVGs) being decoded at once. */
const PARALLEL = 2;
/** Icons sent to the raster worker and not back yet. Enough that it never
 * waits for the main thread, which may be busy painting for 100 ms; few
 * enough that icons coming into view can still go first. */
const WORKER_WINDOW = 64;
/** How often the bitmaps made meanwhile join the page (ms): each change of
 * an <image> repaints the canvas. */
const SHOW_MS = 150;
/** After the view last moved, wait this long before redrawing icons larger (ms). */
const VIEW_SETTLE_MS = 200;

/** The view (page units -> CSS px) and the canvas's size, from canvas.js. */
const view = { scale: 1, x: 0, y: 0, width: 0, height: 0 };
/** The canvas's element layer (for redrawing icons after a zoom). */
let root = null;

/** "ratio|svg href" -> {px, url}: the largest bitmap made of an icon drawn in
 * a box of that shape (the url is the SVG href itself if it would not draw). */
const bitmaps = new Map();
/** Icons waiting for a bitmap: "ratio|href" -> job {icon, href, w, h, images}. */
const jobs = new Map();
/** Jobs being drawn, by icon: a late image of the same icon joins its job. */
const drawing = new Map();
/** The jobs in the order they are taken (icons in view first); null: to sort. */
let order = null;
let orderAt = 0;
/** Batches decoded and waiting to be cut into bitmaps, in order. */
const decoded = [];
let inflight = 0;
/** Icons at the raster worker. */
let atWorker = 0;
/** Whether the last look for icons to decode here found none (until the queue changes). */
let noneHere = false;
/** Whether icons in view wait for bitmaps (then they are shown as soon as all are made). */
let nearWaiting = false;
let nearSince = 0;
/** Images whose bitmap is made, not yet shown: {image, href, bitmap}. */
const ready = [];
let shown = 0;
/** image -> the px of the bitmap it shows. */
const shownPx = new WeakMap();
let timer = false;
let waiting = false;
let viewTimer = 0;
let big = null;
let small = null;

/** The bitmap size for an icon box of w x h page units at the current zoom. */
function sizeFor(w, h) {
  const want = screenPx(w, h) * (rasterizerUsable() ? WORKER_HEADROOM : HEADROOM);
  let px = MIN_PX;
  while (px < want && px < MAX_PX) px *= 2;
  return px;
}

/** The longer side, in device pixels, of an icon box of w x h page units at
 * the current zoom. */
function screenPx(w, h) {
  return Math.max(w, h) * view.scale * (globalThis.devicePixelRatio || 1);
}

/** Whether an icon box shows bigger than the biggest bitmap (then it is
 * drawn from its SVG). */
function vectorFor(w, h) {
  return screenPx(w, h) > MAX_PX;
}

function boxOf(image) {
  return {
    x: Number(image.getAttribute("x")) || 0,
    y: Number(image.getAttribute("y")) || 0,
    w: Number(image.getAttribute("width")) || 1,
    h: Number(image.getAttribute("height")) || 1,
  };
}

/** Whether a box (page units) is in view, give or take `margin` of the view's size. */
function inView({ x, y, w, h }, margin = 0) {
  if (!(view.width > 0 && view.height > 0 && view.scale > 0)) return true;
  const vw = view.width / view.scale;
  const vh = view.height / view.scale;
  const x0 = -view.x / view.scale - vw * margin;
  const y0 = -view.y / view.scale - vh * margin;
  return x + w >= x0 && y + h >= y0 && x <= x0 + vw * (1 + 2 * margin) && y <= y0 + vh * (1 + 2 * margin);
}

/** Ask for image's bitmap (the icon `href` in a w x h box): shown at once if
 * one big enough was made, else queued (a smaller one shows meanwhile). */
function want(image, href, w, h, fresh) {
  // Shown bigger than the biggest bitmap: the SVG itself, sharp at any size
  // (only a few icons can be that big on screen at once).
  if (vectorFor(w, h)) {
    image.setAttribute("href", href);
    shownPx.set(image, Infinity);
    return;
  }
  const icon = `${w / h}|${href}`;
  const have = bitmaps.get(icon);
  if (have !== undefined) {
    image.setAttribute("href", have.url);
    shownPx.set(image, have.px);
    if (have.px >= sizeFor(w, h)) return;
  } else if (fresh) {
    image.removeAttribute("href");
  }
  const busy = drawing.get(icon);
  if (busy !== undefined && busy.px >= sizeFor(w, h)) {
    busy.images.add(image);
    return;
  }
  let job = jobs.get(icon);
  if (job === undefined) {
    job = { icon, href, w, h, px: 0, images: new Set(), single: false, part: undefined, text: undefined, near: false, svgOnly: false };
    jobs.set(icon, job);
    order = null;
    noneHere = false;
  }
  job.images.add(image);
}

/**
 * Give each icon <image> among `nodes` (fragments not yet in the page) its
 * bitmap, or queue it: called between parsing the core's fragments and
 * inserting them, so Chromium never loads the SVG itself.
 */
export function rasterIcons(nodes) {
  for (const node of nodes) {
    if (node.getAttribute("data-kind") !== "icon") continue;
    for (const image of node.getElementsByTagName("image")) {
      const href = image.getAttribute("href");
      if (!href?.startsWith(SVG_HREF)) continue;
      const { w, h } = boxOf(image);
      image.setAttribute("data-src", href);
      want(image, href, w, h, true);
    }
  }
  if (jobs.size) afterPaint();
}

/**
 * The canvas's view changed (canvas.js): icons in view are drawn first, and
 * once the view rests, icons in view shown smaller than they now need are
 * drawn again larger.
 */
export function iconView({ scale, x, y }, size, content) {
  root = content ?? root;
  const rect = size ?? { width: globalThis.innerWidth, height: globalThis.innerHeight };
  Object.assign(view, { scale, x, y, width: rect.width, height: rect.height });
  if (jobs.size) {
    order = null;
    noneHere = false;
  }
  clearTimeout(viewTimer);
  viewTimer = setTimeout(sharpen, VIEW_SETTLE_MS);
}

function sharpen() {
  if (root === null) return;
  for (const image of root.querySelectorAll('g[data-kind="icon"] image[data-src]')) {
    const href = image.getAttribute("data-src");
    if (!href?.startsWith(SVG_HREF)) continue;
    const box = boxOf(image);
    const shown = shownPx.get(image) ?? 0;
    const enough = vectorFor(box.w, box.h) ? shown === Infinity : shown >= sizeFor(box.w, box.h);
    if (enough || !inView(box, 0.25)) continue;
    want(image, href, box.w, box.h, false);
  }
  if (jobs.size) afterPaint();
}

/** Start working once the page has painted what it just got. */
function afterPaint() {
  if (timer || waiting) return;
  waiting = true;
  // Two frames: the first paints the page; decoding here, and bitmaps shown
  // before the second, would hold up that frame or the one after it.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    waiting = false;
    wake();
  }));
}

function wake() {
  if (timer) return;
  timer = true;
  setTimeout(drain, 0);
}

/** Jobs by priority: icons in view first, then the others in page order. */
function sorted() {
  const near = [];
  const far = [];
  for (const job of jobs.values()) {
    let visible = false;
    for (const image of job.images) {
      if (inView(boxOf(image))) { visible = true; break; }
    }
    job.near = visible;
    (visible ? near : far).push(job);
  }
  orderAt = 0;
  if (near.length && !nearWaiting) {
    nearWaiting = true;
    nearSince = performance.now();
  }
  return near.concat(far);
}

/** Put jobs taken off the queue back at its head, in their order. */
function requeue(taken) {
  for (const job of taken) jobs.set(job.icon, job);
  order = taken.concat(order?.slice(orderAt) ?? []);
  orderAt = 0;
}

/** The next job to draw, in order, among those `fits` accepts (the others
 * keep their place). */
function nextJob(fits = (_job) => true) {
  order ??= sorted();
  const skipped = [];
  let found = null;
  while (found === null && orderAt < order.length) {
    const job = order[orderAt++];
    if (jobs.get(job.icon) !== job) continue; // taken meanwhile
    if (!fits(job)) {
      skipped.push(job);
      continue;
    }
    found = takeJob(job);
  }
  if (skipped.length) {
    order = skipped.concat(order.slice(orderAt));
    orderAt = 0;
  }
  return found;
}

/** Take a job off the queue: itself, or null if it has nothing left to draw. */
function takeJob(job) {
  jobs.delete(job.icon);
  // An image given another icon since is dropped. One not in the page is
  // kept: it may be a fragment a caller inserts later.
  for (const image of job.images) {
    if (image.getAttribute("data-src") !== job.href) job.images.delete(image);
  }
  if (job.images.size === 0) return null;
  job.px = sizeFor(job.w, job.h);
  const have = bitmaps.get(job.icon);
  if (have !== undefined && have.px >= job.px) {
    for (const image of job.images) ready.push({ image, href: job.href, bitmap: have });
    return null;
  }
  return job;
}

// --------------------------------------------------------------- the worker
/** An icon's SVG text (its UTF-8 bytes, one per char), or "" if unreadable. */
function svgText(job) {
  if (job.text === undefined) {
    try {
      job.text = atob(job.href.slice(SVG_HREF.length));
    } catch {
      job.text = "";
    }
  }
  return job.text;
}

const forWorker = (job) => !job.svgOnly && svgText(job).startsWith("<svg") && rasterizable(svgText(job));
const forHere = (job) => !forWorker(job);

/** Send the raster worker the next icons it can draw, a few at a time. */
function feedWorker() {
  while (jobs.size && rasterizerUsable()) {
    const job = nextJob(forWorker);
    if (job === null) break;
    // Every icon in view goes at once; the others a window at a time.
    if (atWorker >= WORKER_WINDOW && !job.near) {
      requeue([job]);
      break;
    }
    atWorker += 1;
    drawing.set(job.icon, job);
    const { cw, ch } = cellOf(job);
    rasterize(job.href.slice(SVG_HREF.length), cw, ch).then((url) => {
      atWorker -= 1;
      if (url !== null) {
        finish(job, url, job.px);
      } else {
        // Not drawn there: decoded here instead.
        drawing.delete(job.icon);
        job.svgOnly = true;
        const other = jobs.get(job.icon);
        if (other === undefined) {
          jobs.set(job.icon, job);
        } else {
          other.svgOnly = true;
          for (const image of job.images) other.images.add(image);
        }
        order = null;
        noneHere = false;
      }
      wake();
    });
  }
}

// --------------------------------------------------------------- atlases
// The root <svg>'s attributes an icon may have to be drawn inside an atlas
// exactly as alone (x, y, transform, style, class or id would act differently).
const ROOT_ATTRIBUTES = new Set([
  "xmlns", "xmlns:xlink", "width", "height", "viewBox", "preserveAspectRatio", "version",
  "fill", "fill-rule", "fill-opacity", "stroke", "stroke-width", "stroke-linecap",
  "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-dasharray",
  "stroke-dashoffset", "color", "clip-rule", "shape-rendering", "opacity",
]);
const LENGTH = /^\d+(\.\d+)?(px)?$/;

/**
 * Read what an atlas needs of an icon's SVG (its bytes, as the core's
 * serializer wrote them): its intrinsic size and its ids, or null if it must
 * be decoded alone (a style sheet or an image inside, attributes on its root
 * that would act differently nested, or a reference to an id it lacks).
 */
function atlasPart(job) {
  if (job.part === undefined) job.part = job.single ? null : readPart(job);
  return job.part;
}

function readPart(job) {
  let text;
  try {
    text = atob(job.href.slice(SVG_HREF.length)); // UTF-8 bytes, one per char
  } catch {
    return null;
  }
  const end = text.indexOf(">");
  if (!text.startsWith("<svg ") || end < 0 || /<(style|image|foreignObject|script)\b/i.test(text)) return null;
  const attrs = new Map();
  for (const m of text.slice(4, end).matchAll(/\s([\w:.-]+)="([^"]*)"/g)) attrs.set(m[1], m[2]);
  for (const name of attrs.keys()) if (!ROOT_ATTRIBUTES.has(name)) return null;
  const iw = attrs.get("width");
  const ih = attrs.get("height");
  if (!iw || !ih || !LENGTH.test(iw) || !LENGTH.test(ih) || !attrs.has("viewBox")) return null;
  const ids = new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
  // Every reference must name one of its own ids: in an atlas, a dangling one
  // could find another icon's.
  // (CSS functions are case-insensitive: URL(#a) refers as url(#a) does.)
  const urls = [...text.matchAll(/url\s*\(\s*(?:&quot;|')?#([\w.:-]+)(?:&quot;|')?\s*\)/gi)];
  const hrefs = [...text.matchAll(/href="#([\w.:-]+)"/g)];
  const anyUrl = text.match(/url\s*\(/gi)?.length ?? 0;
  if (urls.length !== anyUrl || hrefs.length !== text.split('href="').length - 1) return null;
  for (const m of [...urls, ...hrefs]) if (!ids.has(m[1])) return null;
  return { text, iw: Number.parseFloat(iw), ih: Number.parseFloat(ih), ids };
}

/** The bitmap's size in pixels for a job (its w x h box scaled to px). */
function cellOf(job) {
  const k = job.px / Math.max(job.w, job.h);
  return { cw: Math.max(1, Math.round(job.w * k)), ch: Math.max(1, Math.round(job.h * k)) };
}

/** Take the next jobs: an atlas of icons that may share one, or one icon alone. */
function nextBatch() {
  const first = nextJob(forHere);
  if (first === null) {
    noneHere = true;
    return null;
  }
  const part = atlasPart(first);
  if (part === null) return { single: true, jobs: [{ job: first, x: 0, y: 0, ...cellOf(first) }] };
  const members = [{ job: first, part }];
  const ids = new Set(part.ids);
  const side = first.px;
  const putBack = [];
  // Look a little ahead for icons that fit (the same size, no shared ids).
  let looked = 0;
  while (members.length < ATLAS_ICONS && (members.length + 1) * side * side <= ATLAS_AREA
    && looked++ < 4 * ATLAS_ICONS) {
    const job = nextJob(forHere);
    if (job === null) break;
    const p = job.px === side ? atlasPart(job) : null;
    if (p === null || [...p.ids].some((id) => ids.has(id))) {
      putBack.push(job);
      continue;
    }
    for (const id of p.ids) ids.add(id);
    members.push({ job, part: p });
  }
  // Jobs that did not fit wait for the next batch, first in line.
  if (putBack.length) requeue(putBack);
  if (members.length === 1) return { single: true, jobs: [{ job: first, x: 0, y: 0, ...cellOf(first) }] };
  const cols = Math.ceil(Math.sqrt(members.length));
  const rows = Math.ceil(members.length / cols);
  const width = cols * side;
  const height = rows * side;
  // The atlas is SVG text made of the core's sanitized icons (no markup of
  // the page's own) and numbers; it is only ever decoded as an image.
  const out = [`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`];
  const placed = members.map(({ job, part: p }, i) => {
    const x = (i % cols) * side;
    const y = Math.floor(i / cols) * side;
    const { cw, ch } = cellOf(job);
    // preserveAspectRatio="xMidYMid meet" of the icon's intrinsic size, as an <image> draws it.
    const s = Math.min(cw / p.iw, ch / p.ih);
    const dx = x + (cw - p.iw * s) / 2;
    const dy = y + (ch - p.ih * s) / 2;
    out.push(`<g transform="translate(${dx} ${dy}) scale(${s})">`, p.text, "</g>");
    return { job, x, y, cw, ch };
  });
  out.push("</svg>");
  return { single: false, jobs: placed, width, height, src: SVG_HREF + btoa(out.join("")) };
}

function start(batch) {
  inflight += 1;
  for (const { job } of batch.jobs) drawing.set(job.icon, job);
  const img = new Image();
  img.decoding = "async";
  img.src = batch.single ? batch.jobs[0].job.href : batch.src;
  // decode(), not the load event: Chromium makes the SVG's bitmap far sooner so.
  img.decode().then(
    () => decoded.push({ ...batch, img }),
    () => decoded.push({ ...batch, img: null }),
  ).finally(() => {
    inflight -= 1;
    wake();
  });
}

/** Draw a decoded batch into the big canvas; then its bitmaps are cut a few per slice. */
function place(batch) {
  const { img } = batch;
  if (img === null) return false;
  big ??= document.createElement("canvas");
  const ctx = big.getContext("2d");
  if (batch.single) {
    const { cw, ch } = batch.jobs[0];
    big.width = cw;
    big.height = ch;
    // preserveAspectRatio="xMidYMid meet", as the <image> would draw it.
    const iw = img.naturalWidth || cw;
    const ih = img.naturalHeight || ch;
    const s = Math.min(cw / iw, ch / ih);
    ctx.drawImage(img, (cw - iw * s) / 2, (ch - ih * s) / 2, iw * s, ih * s);
  } else {
    big.width = batch.width;
    big.height = batch.height;
    ctx.drawImage(img, 0, 0, batch.width, batch.height);
  }
  img.src = "";
  return true;
}

function cut({ x, y, cw, ch }) {
  small ??= document.createElement("canvas");
  small.width = cw;
  small.height = ch;
  const ctx = small.getContext("2d");
  ctx.drawImage(big, x, y, cw, ch, 0, 0, cw, ch);
  return small.toDataURL("image/png");
}

function finish(job, url, px) {
  drawing.delete(job.icon);
  const have = bitmaps.get(job.icon);
  const bitmap = have !== undefined && have.px >= px ? have : { px, url };
  bitmaps.set(job.icon, bitmap);
  for (const image of job.images) ready.push({ image, href: job.href, bitmap });
}

/** The batch being cut: {batch, next}. */
let cutting = null;

/** Whether the last task started a decode (the next one cuts bitmaps). */
let started = false;

function drain() {
  timer = false;
  feedWorker();
  // One new SVG document per task, and nothing else in it: Chromium builds the
  // document at the end of the task that asked (a data: URI loads at once).
  if (!started && inflight < PARALLEL && jobs.size && !noneHere) {
    const batch = nextBatch();
    if (batch !== null) {
      start(batch);
      started = true;
      wake();
      return;
    }
  }
  started = false;
  const began = performance.now();
  while (performance.now() - began < SLICE_MS) {
    if (cutting === null && decoded.length) {
      const batch = /** @type {any} */ (decoded.shift());
      if (place(batch)) {
        cutting = { batch, next: 0 };
      } else if (batch.single) {
        // An SVG that will not decode: shown as the core drew it.
        finish(batch.jobs[0].job, batch.jobs[0].job.href, Infinity);
      } else {
        // An atlas that would not decode: its icons go alone.
        for (const { job } of batch.jobs) {
          drawing.delete(job.icon);
          job.single = true;
          job.part = null;
          jobs.set(job.icon, job);
        }
        order = null;
        noneHere = false;
      }
      continue;
    }
    if (cutting === null) break;
    const { batch } = cutting;
    const cell = batch.jobs[cutting.next++];
    finish(cell.job, cut(cell), cell.job.px);
    if (cutting.next >= batch.jobs.length) cutting = null;
  }
  const idle = jobs.size === 0 && inflight === 0 && atWorker === 0 && decoded.length === 0 && cutting === null;
  // The icons in view are shown together as soon as the last is made.
  const nearDone = nearWaiting && !anyNear();
  if (nearDone) nearWaiting = false;
  if (ready.length && (idle || nearDone || performance.now() - shown > SHOW_MS)) show();
  if (cutting !== null || decoded.length || (jobs.size && inflight < PARALLEL && !noneHere)) wake();
}

/** How long the rest of a page may wait for the icons in view (ms). */
const NEAR_FIRST_MS = 1000;

/**
 * Whether icons in view are being drawn, for at most NEAR_FIRST_MS after they
 * were asked for: the editor holds back painting the rest of the page
 * (off screen) meanwhile, so they get the machine.
 */
export function drawingIconsInView() {
  return nearWaiting && performance.now() - nearSince < NEAR_FIRST_MS && anyNear();
}

/** Whether an icon in view still waits for its bitmap. */
function anyNear() {
  for (const job of drawing.values()) if (job.near) return true;
  for (const job of jobs.values()) if (job.near) return true;
  return false;
}

function show() {
  for (const { image, href, bitmap } of ready.splice(0)) {
    if (image.getAttribute("data-src") !== href) continue;
    if ((shownPx.get(image) ?? 0) > bitmap.px && image.hasAttribute("href")) continue;
    image.setAttribute("href", bitmap.url);
    shownPx.set(image, bitmap.px);
  }
  shown = performance.now();
}
