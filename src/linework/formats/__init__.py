"""File formats: the native ``.linework`` codec and importers of other tools' files.

Formats depend on the model only, so any of them can decode a file without
pulling in rendering or editing.
"""
