"""Helpers the attribution tests share (imported as a plain module: pytest puts tests/ on the path)."""

from __future__ import annotations


def joined(frags) -> str:
    """The text of an attribution part's fragments, joined by spaces (a discontinuous content reads as one)."""
    return " ".join(f.text for f in frags)
