// @ts-check
// Exports the page makes itself: PNG (our SVG rasterised on a canvas, with the
// Arimo font inlined so text looks as on screen), downloads, and printing.
// The core makes the SVG and adds the PNG's text chunk (web/files.js).

import { fileError } from "./wire.js";

// Chromium refuses canvases much larger than this; say so instead of failing blank.
const MAX_SIDE_PX = 16_384;
const MAX_AREA_PX = 120_000_000;

let fontCss = null;

/** @font-face rules for the page's Arimo faces, with the fonts as data: URLs.
 * An SVG drawn as an image cannot fetch anything, so its fonts travel inside it. */
async function inlineFontCss() {
  if (fontCss !== null) return fontCss;
  const rules = [];
  for (const sheet of document.styleSheets) {
    let list;
    try { list = sheet.cssRules; } catch { continue; }
    for (const rule of list) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const s = rule.style;
      if (!/arimo/i.test(s.getPropertyValue("font-family"))) continue;
      const match = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(s.getPropertyValue("src"));
      if (!match) continue;
      const url = new URL(match[1], sheet.href ?? document.baseURI);
      if (url.origin !== location.origin) continue;
      const response = await fetch(url);
      if (!response.ok) continue;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const range = s.getPropertyValue("unicode-range");
      rules.push(
        `@font-face{font-family:Arimo;font-style:${s.getPropertyValue("font-style") || "normal"};` +
        `font-weight:${s.getPropertyValue("font-weight") || "400"};` +
        (range ? `unicode-range:${range};` : "") +
        `src:url(data:font/woff2;base64,${btoa(text)}) format("woff2")}`,
      );
    }
  }
  fontCss = rules.join("");
  return fontCss;
}

/** The SVG with the fonts inlined, for drawing as an image (never saved). */
export async function drawableSvg(svg) {
  const css = await inlineFontCss();
  if (!css) return svg;
  const at = svg.indexOf(">", svg.indexOf("<svg")) + 1;
  return `${svg.slice(0, at)}<defs><style>${css}</style></defs>${svg.slice(at)}`;
}

function svgSize(svg) {
  const head = svg.slice(0, svg.indexOf(">", svg.indexOf("<svg")) + 1);
  const w = Number(/\swidth="([\d.]+)"/.exec(head)?.[1]);
  const h = Number(/\sheight="([\d.]+)"/.exec(head)?.[1]);
  return { width: w > 0 ? w : 1, height: h > 0 ? h : 1 };
}

async function loadImage(svg) {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Rasterise an export SVG at `scale` (1, 2, 4): resolves PNG bytes. */
export async function rasterize(svg, scale) {
  const { width, height } = svgSize(svg);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  if (w > MAX_SIDE_PX || h > MAX_SIDE_PX || w * h > MAX_AREA_PX) {
    throw fileError("LW-E0401", `${w}×${h} pixels is too large for an image; choose a smaller scale.`);
  }
  const img = await loadImage(await drawableSvg(svg));
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0, w, h);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob === null) throw fileError("LW-E0401", "the browser could not encode the PNG");
  return new Uint8Array(await blob.arrayBuffer());
}

/** Offer bytes or text as a download (an anchor with a blob URL, then revoked). */
export function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Print the page's SVG alone, at its size (the print stylesheet hides the rest). */
export async function printSvg(svg, sheet) {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([await drawableSvg(svg)], { type: "image/svg+xml" }));
  const img = document.createElement("img");
  img.alt = "";
  img.width = Math.round(width);
  img.height = Math.round(height);
  img.src = url;
  await img.decode();
  sheet.replaceChildren(img);
  const done = () => {
    sheet.replaceChildren();
    URL.revokeObjectURL(url);
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
}
