"""Icon libraries: the SVG sanitizer icons pass through, the draw.io/Gliffy
stencil mapping, and the compact copy of mapped icons the wheel may carry.

Icons reach a document as ``icon`` shapes whose ``src`` is a sanitized SVG in a
base64 data URI, drawn only through ``<image>``: the file carries its icons, so
it renders the same in the browser and natively.
"""
