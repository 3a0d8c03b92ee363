"""Rule layer: known boilerplate phrases and shapes, from ``data/boilerplate/rules.toml`` and
the outlets' known promo lines in ``data/outlets.toml``.

A rule looks at one line and answers a reason (promo, related, share, ad, caption) or None.
Phrase rules are anchored at the start of the line and bounded in length, so a sentence that
merely contains "Baca juga" stays content.  All phrases of a kind are compiled into one
alternation; matching a line costs a few regex calls whatever the number of phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kliping.outlets import registry
from kliping.resources import load_toml
from kliping.text import normalise_line

_KINDS = ("related", "promo", "ad", "share", "caption")
_WORD = re.compile(r"[\w'’\-]+")


def _prefix_alt(phrases: list[str]) -> str:
    """Phrases as an alternation; a phrase ending in a letter must end on a word boundary."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p.strip())
        parts.append(esc + (r"(?!\w)" if p.strip()[-1:].isalnum() else ""))
    return "|".join(parts)


@dataclass(frozen=True)
class Rules:
    prefix: re.Pattern[str]
    regexes: tuple[tuple[str, re.Pattern[str]], ...]
    max_words: dict[str, int]
    exact: dict[str, str]
    headers: frozenset[str]
    caption_markers: frozenset[str]
    share_tokens: frozenset[str]

    def classify(self, line: str, n_words: int | None = None) -> str | None:
        """The boilerplate reason of ``line`` by rule, or None."""
        text = line.strip().lstrip("*•·>»-–— ").strip()
        if not text:
            return None
        n = n_words if n_words is not None else len(text.split())
        key = normalise_line(text)
        exact = self.exact.get(key)
        if exact is not None:
            return exact
        if n <= 12 and self._is_share_widget(text):
            return "share"
        m = self.prefix.match(text)
        if m and m.lastgroup and n <= self.max_words[m.lastgroup]:
            return m.lastgroup
        for kind, rx in self.regexes:
            if n <= self.max_words[kind] and rx.search(text):
                return kind
        return None

    def is_header(self, line: str) -> bool:
        """A bare related-links header ("Baca Juga") that opens a block of headline lines."""
        return normalise_line(line) in self.headers

    def is_caption_marker(self, line: str) -> bool:
        """A bare caption marker ("Lihat Foto"): the line after it is a caption."""
        return normalise_line(line) in self.caption_markers

    def _is_share_widget(self, text: str) -> bool:
        words = [w.casefold() for w in _WORD.findall(text)]
        if not words or not any(ch.isalpha() for ch in text):
            return False
        informative = [w for w in words if not w.isdigit() and not w.rstrip("k").isdigit()]
        return bool(informative) and all(w in self.share_tokens for w in informative) and len(informative) >= 1 and (
            len(informative) >= 2 or informative[0] in {"bagikan", "share", "tweet"}
        )


@cache
def rules() -> Rules:
    """The rules built from the shipped data (one per process)."""
    data = load_toml("boilerplate/rules.toml")
    prefix_parts = []
    regexes: list[tuple[str, re.Pattern[str]]] = []
    max_words: dict[str, int] = {}
    exact: dict[str, str] = {}
    for kind in _KINDS:
        section = data.get(kind, {})
        max_words[kind] = int(section.get("max_words", 40))
        if section.get("prefix"):
            prefix_parts.append(f"(?P<{kind}>{_prefix_alt(section['prefix'])})")
        for rx in section.get("regex", []):
            regexes.append((kind, re.compile(rx, re.IGNORECASE)))
        for line in section.get("line", []):
            exact[normalise_line(line)] = kind
    # Known promo lines of outlets: exact matches, whatever the outlet of the document.
    for line in registry().promo_lines:
        key = normalise_line(line)
        if key and key not in exact:
            exact[key] = _guess_kind(line, data)
    prefix = re.compile("|".join(prefix_parts), re.IGNORECASE)
    related = data.get("related", {})
    caption = data.get("caption", {})
    share = data.get("share", {})
    headers = frozenset(normalise_line(h) for h in related.get("header", []))
    markers = frozenset(normalise_line(h) for h in caption.get("marker", []))
    return Rules(
        prefix=prefix,
        regexes=tuple(regexes),
        max_words=max_words,
        exact=exact,
        headers=headers,
        caption_markers=markers,
        share_tokens=frozenset(t.casefold() for t in share.get("tokens", [])),
    )


def _guess_kind(line: str, data: dict[str, dict[str, list[str]]]) -> str:
    """The reason for an outlet's known promo line: the kind whose prefix it starts with."""
    low = line.casefold()
    for kind in _KINDS:
        if any(low.startswith(p.casefold()) for p in data.get(kind, {}).get("prefix", [])):
            return kind
    norm = normalise_line(line)
    if norm in {normalise_line(m) for m in data.get("caption", {}).get("marker", [])}:
        return "caption"
    if norm in {normalise_line(h) for h in data.get("related", {}).get("header", [])}:
        return "related"
    return "promo"
