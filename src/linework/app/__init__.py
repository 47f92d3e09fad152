"""The application's rules, shared by the browser bridge and the command line.

Above the editor and the file formats, below ``bridge`` and ``cli``: what a
workspace is (the document on screen, its title, its pending saves, viewer
mode), how a file is opened (its content sniffed once), what a share link
holds and which content a host's named format accepts. ``bridge`` only
adapts these to JSON messages; ``cli`` uses the same opening rules.
"""
