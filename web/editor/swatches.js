// @ts-check
// Colour swatches beside the properties panel's native colour pickers, and a
// row of style presets, as draw.io's format panel has: the document's own
// colours (ui.props.colours, from the core), a default palette, and the
// colours applied recently (kept in memory for this page only; nothing is
// stored). Every swatch and preset is one set-style, so one undo step.

const HEX = /^#[0-9a-f]{6}$/i;

// draw.io's default fills (light) over their matching strokes (dark).
export const PALETTE = Object.freeze([
  "#ffffff", "#f5f5f5", "#dae8fc", "#d5e8d4", "#ffe6cc", "#fff2cc", "#f8cecc", "#e1d5e7",
  "#000000", "#666666", "#6c8ebf", "#82b366", "#d79b00", "#d6b656", "#b85450", "#9673a6",
]);

export const PRESETS = Object.freeze([
  { name: "plain", label: "White, black line", fill: "#ffffff", stroke: "#1f2933", font_color: "#1f2933" },
  { name: "grey", label: "Grey", fill: "#f5f5f5", stroke: "#666666", font_color: "#333333" },
  { name: "blue", label: "Blue", fill: "#dae8fc", stroke: "#6c8ebf", font_color: "#1f2933" },
  { name: "green", label: "Green", fill: "#d5e8d4", stroke: "#82b366", font_color: "#1f2933" },
  { name: "orange", label: "Orange", fill: "#ffe6cc", stroke: "#d79b00", font_color: "#1f2933" },
  { name: "yellow", label: "Yellow", fill: "#fff2cc", stroke: "#d6b656", font_color: "#1f2933" },
  { name: "red", label: "Red", fill: "#f8cecc", stroke: "#b85450", font_color: "#1f2933" },
  { name: "purple", label: "Purple", fill: "#e1d5e7", stroke: "#9673a6", font_color: "#1f2933" },
  { name: "dark", label: "Dark", fill: "#1f2933", stroke: "#1f2933", font_color: "#ffffff" },
]);

const MAX_RECENT = 8;
const recent = [];
const watchers = new Set();

/** Note a colour the user applied (newest first, no repeats). */
export function rememberColour(value) {
  if (!HEX.test(value)) return;
  const v = value.toLowerCase();
  const at = recent.indexOf(v);
  if (at >= 0) recent.splice(at, 1);
  recent.unshift(v);
  recent.length = Math.min(recent.length, MAX_RECENT);
  for (const f of watchers) f();
}

function swatch(value, label, name, pick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "swatch";
  b.dataset.swatch = value;
  b.dataset.swatchFor = name;
  b.title = `${label} ${value}`;
  b.setAttribute("aria-label", `${label} ${value}`);
  b.style.backgroundColor = value;
  b.addEventListener("click", () => pick(value));
  return b;
}

/**
 * A "▾" toggle and a hidden swatch panel for the colour field `name`;
 * `pick(value)` applies a colour. Returns { toggle, panel, update(ui) }.
 */
export function createSwatches(name, text, pick) {
  const apply = (v) => { rememberColour(v); pick(v); };
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "swatch-toggle";
  toggle.dataset.swatchesFor = name;
  toggle.textContent = "▾";
  toggle.title = `${text}: swatches`;
  toggle.setAttribute("aria-label", `${text} swatches`);
  toggle.setAttribute("aria-expanded", "false");
  const panel = document.createElement("div");
  panel.className = "swatches";
  panel.dataset.role = "swatches";
  panel.dataset.swatchesFor = name;
  panel.hidden = true;
  toggle.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute("aria-expanded", String(!panel.hidden));
  });

  const group = (title) => {
    const g = document.createElement("div");
    g.className = "swatch-group";
    g.setAttribute("role", "group");
    g.setAttribute("aria-label", title);
    const h = document.createElement("span");
    h.className = "swatch-title";
    h.textContent = title;
    const row = document.createElement("div");
    row.className = "swatch-row";
    g.append(h, row);
    panel.append(g);
    return { g, row };
  };
  const docGroup = group("Document");
  const paletteGroup = group("Palette");
  const recentGroup = group("Recent");
  for (const v of PALETTE) paletteGroup.row.append(swatch(v, "Palette", name, apply));

  let shownDoc = "";
  function fill(target, values, label) {
    target.row.replaceChildren(...values.filter((v) => HEX.test(v)).map((v) => swatch(v, label, name, apply)));
    target.g.hidden = target.row.childElementCount === 0;
  }
  const showRecent = () => fill(recentGroup, recent, "Recent");
  watchers.add(showRecent);
  showRecent();

  return {
    toggle,
    panel,
    update(ui) {
      const colours = Array.isArray(ui.props?.colours) ? ui.props.colours : [];
      const key = colours.join(",");
      if (key !== shownDoc) { shownDoc = key; fill(docGroup, colours, "Document"); }
    },
  };
}

/** A row of preset buttons; `apply(fields)` sets them in one set-style. */
export function createPresets(apply) {
  const row = document.createElement("div");
  row.className = "prop wide style-presets";
  row.setAttribute("role", "group");
  row.setAttribute("aria-label", "Style presets");
  for (const p of PRESETS) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "style-preset";
    b.dataset.preset = p.name;
    b.title = p.label;
    b.setAttribute("aria-label", `Style: ${p.label}`);
    b.textContent = "Aa";
    b.style.backgroundColor = p.fill;
    b.style.borderColor = p.stroke;
    b.style.color = p.font_color;
    b.addEventListener("click", () => {
      rememberColour(p.fill);
      apply({ fill: p.fill, stroke: p.stroke, font_color: p.font_color });
    });
    row.append(b);
  }
  return row;
}
