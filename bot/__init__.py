"""Buckinghamshire Local Industrial Strategy consultation assistant."""

__version__ = "0.1.0"
