"""Exact duplicates: the hash of the normalised clean body.

Two bodies are exact copies when :func:`kliping.text.normalise_line` maps them to the same
text (case, punctuation, white space and digits folded), so a copy that only differs in
quotation marks or spacing is still exact.  The hash is the 64-bit integer form of
:func:`kliping.text.body_hash`, which is what the index stores (8 bytes a document).
"""

from __future__ import annotations

from kliping.text import body_hash


def exact_hash(body: str) -> int:
    """64-bit exact-duplicate key of a clean body (the integer value of ``body_hash``)."""
    return int(body_hash(body), 16)
