"""Tests of the sealed-file envelope, its primitives and its test vectors."""
