"""Linework: a private diagram editor whose core runs in the browser and natively."""

__version__ = "0.1.0"

__all__ = ["__version__"]
