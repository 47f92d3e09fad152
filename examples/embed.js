// An example host page for Linework's iframe API v1 (README "Embedding").
// It frames Linework with its own origin, loads a diagram when Linework says
// `init`, keeps every `save` and `autosave` in memory, and shows PNG exports.
// Messages are JSON strings; only messages from the frame's window and from
// Linework's origin are read, and every message goes to that origin only.

const params = new URLSearchParams(location.search);
const app = new URL(params.get("app") ?? "http://127.0.0.1:8000/");
const appOrigin = app.origin;
const $ = (selector) => document.querySelector(selector);
const frame = $('[data-host="editor"]');

const SAMPLES = {
  linework: {
    format: "linework",
    data: JSON.stringify({
      format: "linework",
      version: 1,
      meta: {},
      pages: [{
        id: "page:1",
        name: "Page 1",
        layers: [{ id: "layer:1", name: "Layer" }],
        elements: [
          { type: "shape", id: "shape:a", layer: "layer:1", kind: "rectangle",
            box: { x: 40, y: 40, w: 160, h: 80 }, text: "Hello from the host" },
          { type: "shape", id: "shape:b", layer: "layer:1", kind: "ellipse",
            box: { x: 300, y: 60, w: 140, h: 80 }, text: "Kept by the host" },
          { type: "connector", id: "conn:1", layer: "layer:1",
            source: { shape: "shape:a" }, target: { shape: "shape:b" } },
        ],
      }],
    }),
  },
  drawio: {
    format: "drawio",
    data: '<mxfile><diagram id="d" name="Page-1"><mxGraphModel><root><mxCell id="0"/>' +
      '<mxCell id="1" parent="0"/><mxCell id="a" value="From draw.io" style="rounded=1;" vertex="1" parent="1">' +
      '<mxGeometry x="40" y="40" width="140" height="60" as="geometry"/></mxCell>' +
      '<mxCell id="b" value="Second" vertex="1" parent="1"><mxGeometry x="260" y="40" width="140" height="60" as="geometry"/></mxCell>' +
      '<mxCell id="e" edge="1" source="a" target="b" parent="1"><mxGeometry relative="1" as="geometry"/></mxCell>' +
      "</root></mxGraphModel></diagram></mxfile>",
  },
  mermaid: { format: "mermaid", data: "flowchart LR\n  A[Write] --> B{Review}\n  B -->|ok| C[Publish]\n" },
};

/** Everything Linework sent, for people (the log) and scripts (host.events). */
const events = [];
let stored = null;

function send(message) {
  frame.contentWindow.postMessage(JSON.stringify(message), appOrigin);
}

function log(message) {
  const item = document.createElement("li");
  const data = typeof message.data === "string" ? ` (${message.data.length} characters)` : "";
  const rest = { ...message };
  delete rest.data;
  item.textContent = JSON.stringify(rest) + data;
  $('[data-host="log"]').append(item);
}

window.addEventListener("message", (event) => {
  if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
  let message;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  events.push(message);
  log(message);
  switch (message.event) {
    case "init":
      send({ action: "load", ...SAMPLES.linework, title: "Host diagram", autosave: true });
      break;
    case "save":
    case "autosave":
      stored = message.data;
      $('[data-host="stored"]').textContent =
        `${message.event === "save" ? "Saved" : "Autosaved"}: ${stored.length} characters of ${message.format}.`;
      if (message.event === "save") send({ action: "status", modified: false });
      break;
    case "export":
      if (message.format === "png") {
        const image = $('[data-host="image"]');
        image.src = message.data;
        image.hidden = false;
      }
      break;
    case "exit":
      $('[data-host="stored"]').textContent += message.modified ? " Closed with unsaved changes." : " Closed.";
      break;
    default:
      break;
  }
});

for (const [name, sample] of Object.entries(SAMPLES)) {
  $(`[data-host="load-${name}"]`).addEventListener("click", () => send({ action: "load", ...sample }));
}
$('[data-host="export-png"]').addEventListener("click", () => send({ action: "export", format: "png" }));
$('[data-host="export-svg"]').addEventListener("click", () => send({ action: "export", format: "svg" }));

const embedUrl = new URL("index.html", app);
embedUrl.searchParams.set("embed", "1");
embedUrl.searchParams.set("origin", location.origin);
frame.src = embedUrl.href;

// For scripts and tests: what arrived, what is stored, and a way to send.
globalThis.host = Object.freeze({
  events,
  send,
  stored: () => stored,
});
