// @ts-check
// Icons on the canvas, drawn from small bitmaps. The core draws an icon as an
// <image> of its sanitized SVG (a data: URI; the document SVG keeps exactly
// that). Chromium builds a whole SVG document per distinct SVG image in the
// page, and each one makes the next slower: 1,000 distinct icons took tens of
// seconds to paint, against about a second for 1,000 plain shapes. So the
// painted canvas shows each icon's SVG rasterized once per session and size
// (decoded as an image, where SVG is inert, then drawn into a canvas and kept
// as a PNG data: URI): an icon seen before paints at once, the others are
// drawn a few per frame after the page is shown. The SVG itself stays on the
// <image> as data-src, for scripts. Pictures (kind "image") keep their SVG.

const SVG_HREF = "data:image/svg+xml;base64,";
/** Main-thread time a slice of decoding may take before a frame is let through (ms). */
const SLICE_MS = 8;
/** Bitmap sizes, in device pixels for the longer side (a power of two up to this). */
const MIN_PX = 32;
const MAX_PX = 512;

/** "px|svg href" -> PNG data: URI (or the SVG href itself if it would not rasterize). */
const bitmaps = new Map();
/** Icons waiting for their bitmap: {image, key, href, w, h, px}. */
const queue = [];
let running = false;
let canvas = null;

/** The bitmap size for an icon box of w x h page units: four times its size at
 * 100 %, so that icons stay sharp when zoomed in to 400 % (a 64-unit icon: 256 px). */
function sizeFor(w, h) {
  const want = Math.max(w, h) * 4 * (globalThis.devicePixelRatio || 1);
  let px = MIN_PX;
  while (px < want && px < MAX_PX) px *= 2;
  return px;
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
      const w = Number(image.getAttribute("width")) || 1;
      const h = Number(image.getAttribute("height")) || 1;
      const px = sizeFor(w, h);
      const key = `${px}|${w / h}|${href}`;
      image.setAttribute("data-src", href);
      const done = bitmaps.get(key);
      if (done !== undefined) {
        image.setAttribute("href", done);
        continue;
      }
      image.removeAttribute("href");
      queue.push({ image, key, href, w, h, px });
    }
  }
  if (queue.length && !running) {
    shown = performance.now();
    wake();
  }
}

/** Icons whose bitmap is made, not yet shown; when bitmaps last joined the page. */
const ready = [];
let shown = 0;
/** How often the bitmaps made meanwhile join the page (ms). */
const SHOW_MS = 250;

function show() {
  for (const { image, key, href } of ready.splice(0)) {
    if (image.getAttribute("data-src") === href) image.setAttribute("href", bitmaps.get(key));
  }
  shown = performance.now();
}

/** Bitmaps being made: "px|ratio|href" -> Promise (one per icon and size). */
const making = new Map();
/** Icons decoded at once: decode() waits for Chromium's next frame, so one
 * at a time would draw at most one icon a frame. */
const PARALLEL = 6;
let inflight = 0;

/** Start the next queued icon's bitmap (one SVG parse per task: frames and
 * input get in between); the bitmaps join the page in a few batches, as
 * each change of an <image> repaints the canvas. */
function drain() {
  running = false;
  const start = performance.now();
  while (queue.length && inflight < PARALLEL && performance.now() - start < SLICE_MS) {
    const job = queue.shift();
    // Replaced or removed meanwhile (a later edit redrew the shape): skip it.
    if (!job.image.isConnected || job.image.getAttribute("data-src") !== job.href) continue;
    if (bitmaps.has(job.key)) {
      ready.push(job);
    } else if (making.has(job.key)) {
      making.get(job.key).then(() => ready.push(job));
    } else {
      inflight += 1;
      const made = rasterize(job).then((url) => {
        bitmaps.set(job.key, url);
        making.delete(job.key);
      });
      making.set(job.key, made);
      made.then(() => {
        ready.push(job);
        inflight -= 1;
        wake();
      });
      break; // one new SVG per task
    }
  }
  const done = queue.length === 0 && inflight === 0;
  if (ready.length && (done || performance.now() - shown > SHOW_MS)) show();
  if (queue.length && inflight < PARALLEL) wake();
}

function wake() {
  if (running) return;
  running = true;
  setTimeout(drain, 0);
}

/** The icon's SVG drawn into a w x h box of the bitmap size (aspect kept), as a PNG URI. */
async function rasterize({ href, w, h, px }) {
  const img = new Image();
  img.decoding = "async";
  img.src = href;
  try {
    // decode(), not the load event: Chromium makes the SVG's bitmap far
    // sooner so (measured: 1,000 distinct icons 6.5 s against 24-31 s).
    await img.decode();
    const k = px / Math.max(w, h);
    canvas ??= document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(w * k));
    canvas.height = Math.max(1, Math.round(h * k));
    const ctx = canvas.getContext("2d");
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    // preserveAspectRatio="xMidYMid meet", as the <image> would draw it.
    const iw = img.naturalWidth || canvas.width;
    const ih = img.naturalHeight || canvas.height;
    const s = Math.min(canvas.width / iw, canvas.height / ih);
    const dw = iw * s;
    const dh = ih * s;
    ctx.drawImage(img, (canvas.width - dw) / 2, (canvas.height - dh) / 2, dw, dh);
    return canvas.toDataURL("image/png");
  } catch {
    return href; // an SVG that will not decode or draw: shown as the core drew it
  } finally {
    img.src = "";
  }
}
