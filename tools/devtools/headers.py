"""The site's options and the headers every response carries (CSP, caching)."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from typing import Any

from devtools.common import BuildError

# The Trusted Types policies the page creates: SVG from the renderer
# (web/safe-svg.js) and the worker's script URL (web/main.js).
TRUSTED_TYPES_POLICIES = ("linework-svg", "linework-worker")
ERROR_ENDPOINT = "/api/error"
ERROR_CONTEXTS = frozenset(
    {"boot", "import", "export", "save", "open", "edit", "embed"}
)
# Paths under these prefixes carry a content hash in their name: cache forever.
IMMUTABLE_PREFIXES = ("/assets/", "/pyodide/", "/packages/", "/icons/", "/resvg/")
# Features the app does not use. Only names Chromium knows: an unknown one is
# logged as a console error on every load.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
)


DEFAULT_FRAME_ANCESTORS = "'self'"


def content_security_policy(
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS, connect_src: str = "'self'"
) -> str:
    """Return the site's CSP (docs/architecture.md §7): same origin, wasm, no eval.

    Args:
        frame_ancestors: who may frame the app (``'self'`` by default; embedding
            sites add their origins, see :func:`site_options`).
        connect_src: where the page may connect: ``'self'`` plus the error
            endpoint's origin when it lives elsewhere.
    """
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self' 'wasm-unsafe-eval'",
            f"connect-src {connect_src}",
            "worker-src 'self'",
            "img-src 'self' data: blob:",
            "style-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'none'",
            f"frame-ancestors {frame_ancestors}",
            "require-trusted-types-for 'script'",
            f"trusted-types {' '.join(TRUSTED_TYPES_POLICIES)}",
        )
    )


def meta_content_security_policy(connect_src: str = "'self'") -> str:
    """Return the CSP for index.html's ``<meta>``: the header's, minus frame-ancestors.

    A static host that drops dist/_headers (GitHub Pages, S3, a plain nginx)
    still gets the same-origin policy and Trusted Types from the page itself;
    browsers ignore frame-ancestors in a ``<meta>`` (web/framing.js covers framing).
    """
    return "; ".join(
        directive
        for directive in content_security_policy(connect_src=connect_src).split("; ")
        if not directive.startswith("frame-ancestors ")
    )


def security_headers(
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS, connect_src: str = "'self'"
) -> dict[str, str]:
    """Return the headers every response of the site carries."""
    return {
        "Content-Security-Policy": content_security_policy(
            frame_ancestors, connect_src
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


_ORIGIN = re.compile(
    r"https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\[[0-9a-f:.]+\](:[0-9]{1,5})?"
)
_CSP_SOURCE = re.compile(r"'self'|'none'|\*?[A-Za-z0-9.:/*\[\]-]+")


def parse_origins(text: str | Sequence[str]) -> list[str]:
    """Return the embedding origins given as one string (spaces or commas) or a list.

    Each must be exactly ``scheme://host[:port]`` (http or https, lower case, no
    path or slash at the end), as ``event.origin`` reports it.
    """
    items = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    for origin in items:
        if not _ORIGIN.fullmatch(origin):
            raise BuildError(
                f"embed origin {origin!r} is not exactly scheme://host[:port]"
                " (http or https, lower case, nothing after the port)"
            )
    return items


def site_options(
    *,
    error_endpoint: str | None = ERROR_ENDPOINT[1:],
    report_errors: bool = True,
    frame_ancestors: str | None = None,
    embed_origins: str | Sequence[str] = (),
) -> dict[str, Any]:
    """Check the build's options and derive the headers they need.

    Args:
        error_endpoint: where error codes go: a path on this site (``api/error``,
            ``/api/error``), an http(s) URL, or None / ``"none"`` for no reports.
        report_errors: False builds the page with reports off.
        frame_ancestors: CSP sources allowed to frame the app; by default
            ``'self'`` and the embed origins.
        embed_origins: the parent origins an ``?embed=1&origin=`` URL may name;
            empty means only origins the served ``frame-ancestors`` header names
            (the page reads it back, web/framing.js): served without headers,
            such a build refuses embedding (docs/embedding.md).

    Returns:
        ``{"errorEndpoint", "reportErrors", "allowedOrigins", "frameAncestors",
        "connectSrc"}``: the first three go to the page's config module, the
        last two into the CSP.
    """
    origins = parse_origins(embed_origins)
    endpoint = None if error_endpoint in (None, "", "none") else error_endpoint
    connect = ["'self'"]
    if endpoint is not None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme:
            origin = f"{parts.scheme}://{parts.netloc}"
            if not _ORIGIN.fullmatch(origin) or parts.query or parts.fragment:
                raise BuildError(f"error endpoint {endpoint!r} is not an http(s) URL")
            connect.append(origin)
        elif parts.netloc or parts.query or parts.fragment or "\\" in endpoint:
            raise BuildError(f"error endpoint {endpoint!r} is not a path or URL")
    ancestors = frame_ancestors
    if ancestors is None:
        ancestors = " ".join([DEFAULT_FRAME_ANCESTORS, *origins])
    if not ancestors.split() or not all(
        _CSP_SOURCE.fullmatch(src) for src in ancestors.split()
    ):
        raise BuildError(f"frame-ancestors {ancestors!r} is not a list of CSP sources")
    return {
        "errorEndpoint": endpoint if report_errors else None,
        "reportErrors": bool(report_errors and endpoint is not None),
        "allowedOrigins": origins,
        "frameAncestors": ancestors,
        "connectSrc": " ".join(connect),
    }


def cache_control(path: str) -> str:
    """Return Cache-Control for a URL path: immutable when hashed, else revalidate."""
    if path.startswith(IMMUTABLE_PREFIXES):
        return "public, max-age=31536000, immutable"
    return "no-cache"
