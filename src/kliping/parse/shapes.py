"""Shapes of outlet names, for outlets the registry does not know.

"CNBC Indonesia", "BBC News"      an acronym with a capitalised word: an outlet's name
"KONTAN.CO.ID" -> "Kontan"        a domain-shaped marker names its outlet by its first label
"rappler.com"  -> "Rappler"       so does a domain
"""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"^[A-Z]{3,}$")
_DOMAINISH = re.compile(r"^[\w\-]+(?:\.[A-Za-z]{2,6}){1,2}$")
_NAME_MIN_CAPS = 5
_LANG_LABELS = frozenset(["en", "id", "ms", "ar", "zh", "jp", "ja", "ko", "fr", "de", "es", "ru", "www", "m"])


def outlet_shaped(segment: str) -> bool:
    """ "CNBC Indonesia", "BBC News": an acronym with a capitalised word, as outlets name
    themselves (a region is "Bali" or "N Maluku", a person "Budi Santoso", not this)."""
    words = segment.split()
    return (
        2 <= len(words) <= 4
        and any(_ACRONYM.match(w) for w in words)
        and any(w[:1].isupper() and not w.isupper() for w in words)
    )


def domain_shaped(segment: str) -> bool:
    """ "Liputan6.com", "KONTAN.CO.ID": a marker written as a domain."""
    return _DOMAINISH.match(segment.strip()) is not None


def _label_name(label: str) -> str:
    if label.isupper() or label.islower():
        return "-".join(part[:1].upper() + part[1:].lower() for part in label.split("-"))
    return label  # "SuaraJogja", "detikNews": the outlet's own capitals


def outlet_name(marker: str) -> str | None:
    """A display name for an outlet known only by how it names itself: "KONTAN.CO.ID" -> "Kontan",
    "CNBC Indonesia" -> "CNBC Indonesia", "en.rappler.com" -> "Rappler", "EXAMPLENEWS" -> "Examplenews"."""
    marker = marker.strip()
    if not marker:
        return None
    if not domain_shaped(marker) and "." not in marker:
        if marker.isupper() and marker.isalpha() and len(marker) >= _NAME_MIN_CAPS:
            return marker.capitalize()  # "EXAMPLENEWS" -> "Examplenews"; "ABC" stays an acronym
        return marker
    labels = [lb for lb in marker.split(".") if lb]
    while len(labels) > 2 and labels[0].casefold() in _LANG_LABELS:
        labels = labels[1:]
    return _label_name(labels[0]) if labels else None
