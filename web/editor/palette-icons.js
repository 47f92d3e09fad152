// @ts-check
// Icon libraries in the palette. Everything here is data the build generated
// with the core (tools/icon_libraries.py): the catalog in config.js lists the
// libraries at first paint; a section's entries come from the search index
// (names, titles, tags) when it is first opened, built a slice per frame into
// pages of entries that the browser neither lays out nor paints while off
// screen (content-visibility); a thumbnail's SVG (already sanitized by the
// core) is fetched, a chunk at a time, only when its entry scrolls into view
// (IntersectionObserver), drawn once by the raster worker (or, failing that,
// decoded as an image, where SVG is inert) and kept as a small raster:
// hundreds of distinct SVG images in the page make Chromium's every frame
// slower, bitmaps do not. Adding an icon sends its SVG
// to the core, which sanitizes it again and copies it into the document.
// Nothing is stored: the library choice and the thumbnails live for the session.

import config from "../config.js";
import { rasterizable, rasterizeText } from "../icon-rasterizer.js";
import { TIER, addVocabulary, distinct, rankOf, wordsOf } from "./palette-match.js";

/** Time one frame may spend building entries or setting thumbnails (ms). */
const FRAME_BUDGET = 8;
/** Icon matches shown for a search (refine to see others). */
const MAX_RESULTS = 120;
/** Thumbnails being made at once. */
const THUMBS_AT_ONCE = 3;
/** Entries per page of a section (a page off screen costs no layout or paint). */
const PAGE = 64;
/** Height of an entry row, gap included (app.css: .icon-entry, .palette-grid). */
const ROW_PX = 52;
/** The longer side of a thumbnail's bitmap, in pixels (entries are ~60 x 44 CSS px). */
const THUMB_PX = 96;

const catalog = config.icons?.libraries ?? [];

export function createIconLibraries({ onEntry, onActivate }) {
  const chunks = new Map(); // url -> Promise<icons[]>
  let indexPromise = null;
  const enabled = new Map(catalog.map((lib) => [lib.id, lib.default !== false]));
  const sections = new Map(); // id -> {details, grid, built}
  const listeners = new Set();

  const haystacks = new Map(); // library id -> {words, name} per icon (./palette-match.js)
  let vocabulary = null; // Promise: every library's words are in the search's vocabulary

  function index() {
    indexPromise ??= fetch(config.icons.index, { credentials: "same-origin" })
      .then((r) => {
        if (!r.ok) throw new Error(`icon index: HTTP ${r.status}`);
        return r.json();
      });
    return indexPromise;
  }

  /**
   * Load the index, split every icon's name, title and tags into words and put
   * them in the search's vocabulary, once; FRAME_BUDGET at a time, yielding in
   * between, so the first search makes no long task.
   */
  async function ready() {
    const idx = await index();
    vocabulary ??= (async () => {
      let start = performance.now();
      for (const lib of catalog) {
        const hay = [];
        for (const [n, t, k] of idx[lib.id] ?? []) {
          const name = wordsOf(`${n} ${t}`);
          const words = [...name, ...wordsOf(k)];
          addVocabulary(words);
          hay.push({ name, words });
          if (performance.now() - start > FRAME_BUDGET) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            start = performance.now();
          }
        }
        haystacks.set(lib.id, hay);
      }
    })();
    await vocabulary;
    return idx;
  }

  function chunk(url) {
    if (!chunks.has(url)) {
      chunks.set(url, fetch(url, { credentials: "same-origin" }).then((r) => {
        if (!r.ok) throw new Error(`icons: HTTP ${r.status}`);
        return r.json();
      }).then((data) => data.icons));
    }
    return chunks.get(url);
  }

  /** The icon record {n, t, k, w, h, s} of library id at position i. */
  async function icon(lib, i) {
    const list = await chunk(lib.urls[Math.floor(i / lib.chunk)]);
    return list[i % lib.chunk];
  }

  // Thumbnails: a data: URL of a small PNG per icon, made once per session
  // ("lib/index" -> Promise<url>), whichever entry (section or search result)
  // shows it first.
  const thumbs = new Map();
  const canvas = document.createElement("canvas");
  async function rasterize(data) {
    // Drawn by the raster worker (web/icon-worker.js) where it can: the
    // main thread then decodes no SVG at all.
    if (rasterizable(data.s)) {
      const drawn = await rasterizeText(data.s, THUMB_PX, THUMB_PX);
      if (drawn !== null) return drawn;
    }
    const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.s)}`;
    const img = new Image();
    img.decoding = "async";
    img.src = svgUrl;
    try {
      await img.decode();
      const k = THUMB_PX / Math.max(Number(data.w) || 1, Number(data.h) || 1);
      canvas.width = Math.max(1, Math.round((Number(data.w) || 1) * k));
      canvas.height = Math.max(1, Math.round((Number(data.h) || 1) * k));
      const ctx = canvas.getContext("2d");
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL("image/png");
    } catch {
      return svgUrl; // an SVG that will not decode or draw: shown as it is
    } finally {
      img.src = "";
    }
  }
  function thumbnail(lib, i) {
    const key = `${lib.id}/${i}`;
    if (!thumbs.has(key)) {
      thumbs.set(key, icon(lib, i).then(rasterize).then((url) => {
        thumbs.set(key, url);
        return url;
      }));
    }
    return Promise.resolve(thumbs.get(key));
  }
  function showThumb(target, url) {
    const img = target.querySelector("img");
    img.src = url;
    target.dataset.thumb = "1";
  }

  // Entries waiting for their thumbnail: those of the pages (and the search
  // results) near the view, in order. A few are decoded at once (decode()
  // waits for a frame), each started in a task of its own (a data: URL's SVG
  // document is built the moment it is set) and the next only after a frame:
  // scrolling fast past thousands of icons never makes a long frame.
  const waiting = new Set();
  let active = 0;
  function run() {
    while (active < THUMBS_AT_ONCE && active < waiting.size) {
      active += 1;
      setTimeout(step, 0);
    }
  }
  async function step() {
    const [target] = waiting;
    if (target !== undefined) {
      waiting.delete(target);
      if (target.isConnected && !target.dataset.thumb) {
        const lib = catalog.find((l) => l.id === target.dataset.library);
        try {
          showThumb(target, await thumbnail(lib, Number(target.dataset.index)));
        } catch {
          // No thumbnail (the chunk failed to load): the entry still adds its icon.
        }
      }
    }
    active -= 1;
    if (waiting.size) requestAnimationFrame(run);
  }
  // Watched: pages of a section and the search results' grid (a few hundred
  // boxes, not one per entry: thousands of targets slow every frame).
  const observer = new IntersectionObserver((seen) => {
    for (const { isIntersecting, target } of seen) {
      for (const entry of target.querySelectorAll("button.icon-entry:not([data-thumb])")) {
        if (isIntersecting) waiting.add(entry);
        else waiting.delete(entry);
      }
    }
    run();
  }, { rootMargin: "100px 0px" });

  function entryButton(lib, i, name, title) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "shape icon-entry";
    button.tabIndex = -1;
    button.dataset.shape = `${lib.id}/${name}`;
    button.dataset.library = lib.id;
    button.dataset.index = String(i);
    button.title = title;
    button.setAttribute("aria-label", `Add ${title}`);
    const img = document.createElement("img");
    img.alt = "";
    img.draggable = false;
    img.setAttribute("aria-hidden", "true");
    button.append(img);
    const spec = {
      name: button.dataset.shape,
      size: [64, 64],
      svg: () => icon(lib, i),
      add: (at) => icon(lib, i).then((data) => onActivate({
        library: lib.id, icon: data.n, svg: data.s, ...at,
      })),
    };
    onEntry(button, spec);
    const cached = thumbs.get(`${lib.id}/${i}`);
    if (typeof cached === "string") showThumb(button, cached);
    return button;
  }

  /** Build a section's entries, a slice per frame (never one long frame). */
  async function build(id) {
    const section = sections.get(id);
    if (section.built) return section.built;
    const lib = catalog.find((l) => l.id === id);
    section.built = index().then((idx) => new Promise((resolve) => {
      jobs.push({ lib, section, rows: idx[id] ?? [], at: 0, resolve });
      if (jobs.length === 1) requestAnimationFrame(work);
    }));
    return section.built;
  }

  // One queue for every section being built: a frame spends FRAME_BUDGET in
  // all of them together (at least a few entries, however slow the machine).
  // A page is filled while detached and added whole, then watched.
  const jobs = [];
  function work() {
    const start = performance.now();
    let n = 0;
    while (jobs.length && (n < 16 || performance.now() - start < FRAME_BUDGET)) {
      const job = jobs[0];
      if (!job.page) {
        job.page = document.createElement("div");
        job.page.className = "palette-grid icon-page";
        // What the page will measure, so that the scroll bar is right before it is laid out.
        const rows = Math.ceil(Math.min(PAGE, job.rows.length - job.at) / 4);
        job.page.style.containIntrinsicBlockSize = `auto ${Math.max(0, rows * ROW_PX - 4)}px`;
      }
      for (let k = 0; job.at < job.rows.length && k < 16; k += 1, job.at += 1, n += 1) {
        job.page.append(entryButton(job.lib, job.at, job.rows[job.at][0], job.rows[job.at][1]));
      }
      if (job.page.childElementCount >= PAGE || job.at >= job.rows.length) {
        job.section.grid.append(job.page);
        observer.observe(job.page);
        job.page = null;
      }
      if (job.at >= job.rows.length) {
        jobs.shift();
        job.section.details.dataset.built = "1";
        job.resolve();
        for (const f of listeners) f();
      }
    }
    if (jobs.length) requestAnimationFrame(work);
  }

  function sectionFor(lib) {
    const details = document.createElement("details");
    details.className = "palette-section icon-section";
    details.dataset.library = lib.id;
    details.hidden = !enabled.get(lib.id);
    const summary = document.createElement("summary");
    summary.textContent = `${lib.title} (${lib.count.toLocaleString("en")})`;
    const grid = document.createElement("div");
    grid.className = "icon-pages";
    grid.setAttribute("role", "group");
    grid.setAttribute("aria-label", lib.title);
    details.append(summary, grid);
    details.addEventListener("toggle", () => {
      if (details.open) build(lib.id).catch(() => {});
    });
    sections.set(lib.id, { details, grid, built: null });
    return details;
  }

  // Search results: one grid of matching icons from the enabled libraries.
  const results = document.createElement("section");
  results.className = "palette-section icon-results";
  results.dataset.role = "icon-results";
  results.hidden = true;
  const resultsTitle = document.createElement("h3");
  resultsTitle.className = "palette-heading";
  const resultsGrid = document.createElement("div");
  resultsGrid.className = "palette-grid";
  resultsGrid.setAttribute("role", "group");
  resultsGrid.setAttribute("aria-label", "Matching icons");
  const more = document.createElement("p");
  more.className = "palette-none";
  results.append(resultsTitle, resultsGrid, more);
  let searchSerial = 0;

  /**
   * Show icons whose name, title or tag words the query words start
   * (./palette-match.js), best first; resolves to the match count and the
   * best match's tier (query words missed; Infinity when none matches).
   */
  async function search(words) {
    const serial = ++searchSerial;
    if (words.length === 0) {
      results.hidden = true;
      resultsGrid.replaceChildren();
      return { total: 0, tier: Infinity };
    }
    const idx = await ready();
    if (serial !== searchSerial) return { total: 0, tier: Infinity };
    let found = [];
    for (const lib of catalog) {
      if (!enabled.get(lib.id)) continue;
      const rows = idx[lib.id] ?? [];
      const hay = haystacks.get(lib.id) ?? [];
      for (let i = 0; i < rows.length; i += 1) {
        const rank = rankOf(words, hay[i].words, hay[i].name);
        if (rank === null) continue;
        found.push([lib, i, rows[i][0], rows[i][1], rank]);
      }
    }
    // Every query word first, then all but one...; within those, the words
    // themselves, then their forms, then prefixes (a stable sort: libraries
    // keep their order within a rank).
    found.sort((a, b) => a[4] - b[4]);
    // One icon under two names or in two libraries (the index's fourth field)
    // shows once: the best-ranked.
    found = distinct(found, ([lib, i]) => idx[lib.id][i][3]);
    const total = found.length;
    const tier = found.length ? Math.floor(found[0][4] / TIER) : Infinity;
    found.length = Math.min(found.length, MAX_RESULTS);
    resultsGrid.replaceChildren(...found.map(([lib, i, name, title]) =>
      entryButton(lib, i, name, title)));
    // Watched afresh: the observer reports the new entries if the grid is in view.
    observer.unobserve(resultsGrid);
    observer.observe(resultsGrid);
    resultsTitle.textContent = `Icons (${total.toLocaleString("en")})`;
    more.textContent = total > found.length
      ? `${(total - found.length).toLocaleString("en")} more: type more words to narrow.`
      : "";
    results.hidden = total === 0;
    for (const f of listeners) f();
    return { total, tier };
  }

  return {
    catalog,
    results,
    sections: () => catalog.map(sectionFor),
    search,
    ready,
    build,
    isEnabled: (id) => enabled.get(id),
    setEnabled(id, on) {
      enabled.set(id, on);
      const section = sections.get(id);
      if (section) section.details.hidden = !on;
    },
    onChange: (f) => listeners.add(f),
  };
}
