// @ts-check
// Who may frame Linework (issue 14). A static host that ignores dist/_headers
// (GitHub Pages, S3, a plain nginx) sends no frame-ancestors, so any site could
// frame the app and drive the embed protocol. So embed mode starts only when
// the claimed parent origin is named by the build (build.py --embed-origins,
// config.allowedOrigins) or by the frame-ancestors the server actually sent
// with this page (read back from a same-origin HEAD request); where the
// browser has location.ancestorOrigins, the claimed origin must be the real
// parent's. Outside embed mode the editor refuses to run in another site's frame.

import config from "./config.js";
import { parseOrigin } from "./embed.js";

/** True when this page is inside a frame. */
export const framed = () => window.parent !== window;

/** True when every frame above this page is on this page's own origin. */
export function framedBySelf() {
  /** @type {Window} */
  let w = window;
  try {
    while (w !== w.parent) {
      w = w.parent;
      if (w.location.origin !== location.origin) return false; // throws cross-origin
    }
    return true;
  } catch {
    return false;
  }
}

/** The CSP sources of `frame-ancestors` in a Content-Security-Policy header value. */
export function frameAncestors(csp) {
  for (const policy of String(csp ?? "").split(",")) {
    for (const directive of policy.split(";")) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() === "frame-ancestors") return sources;
    }
  }
  return [];
}

/** Does a CSP source name this origin: exactly, or as scheme://*.host[:port]?
 * Bare schemes, "*" and "'self'" name no other origin: they do not count. */
export function sourceNames(source, origin) {
  if (source === origin) return true;
  const m = /^(https?):\/\/\*\.([a-z0-9.-]+)(:\d+)?$/.exec(source);
  if (m === null) return false;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === `${m[1]}:` && url.hostname.endsWith(`.${m[2]}`) && (url.port ? `:${url.port}` : "") === (m[3] ?? "");
}

/** The frame-ancestors the server sent with this page ([] without a CSP header). */
async function servedAncestors() {
  try {
    const response = await fetch(location.href, { method: "HEAD", cache: "no-store", credentials: "same-origin" });
    return frameAncestors(response.headers.get("content-security-policy"));
  } catch {
    return [];
  }
}

/**
 * Decide whether embed mode may start for the URL's origin= value.
 * Resolves {origin} or {code, detail}.
 */
export async function checkEmbed(value, allowed = config.allowedOrigins ?? []) {
  const parsed = parseOrigin(value, allowed);
  if (parsed.origin === undefined) return parsed;
  const origin = parsed.origin;
  if (!framed()) return { code: "LW-E0600", detail: "The page is not inside a frame" };
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) {
    return { code: "LW-E0603", detail: `The page that frames Linework is not ${origin}` };
  }
  if (allowed.length > 0) return { origin };
  const served = await servedAncestors();
  if (served.some((source) => sourceNames(source, origin))) return { origin };
  return {
    code: "LW-E0603",
    detail: `This site names no embedding origins (build.py --embed-origins, or frame-ancestors in its headers), so ${origin} may not embed it`,
  };
}
