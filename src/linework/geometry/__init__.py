"""Plain geometry values and the one number formatter used for all output."""

from linework.geometry.box import COMPASS_FRACTIONS, Box
from linework.geometry.fmt import fmt
from linework.geometry.vec import Vec, rotate_about

Point = Vec

__all__ = ["COMPASS_FRACTIONS", "Box", "Point", "Vec", "fmt", "rotate_about"]
