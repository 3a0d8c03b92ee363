"""Rule layer: known boilerplate phrases and shapes, from ``data/boilerplate/rules.toml`` and
the outlets' known promo lines in ``data/outlets.toml``.

A rule looks at one line and answers a reason (promo, related, share, ad, caption) or None.
Phrase rules are anchored at the start of the line and bounded in length, so a sentence that
merely contains "Baca juga" stays content.  All rules are compiled into two regexes — one matched
at the start of the line, one searched in its last characters — so a line costs two regex calls
whatever the number of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from kliping.boilerplate.firstchar import first_chars
from kliping.boilerplate.navigation import Navigation
from kliping.boilerplate.prompts import Prompts
from kliping.outlets import registry
from kliping.resources import load_toml
from kliping.text import normalise_line

KINDS = ("related", "promo", "ad", "share", "caption")
_BULLET_CHARS = "*•·>»-–—📲👉▶►➡✅🔔📱📩📌 "
_BULLETS = frozenset(_BULLET_CHARS.strip())  # bullets and the emoji that open a prompt ("📲 Follow ...")
_EXACT_MAX_WORDS = 15
_TAIL = 100
_WORD = re.compile(r"[\w'’\-]+")
_DIGITS = "0123456789"
_CREDIT_SHAPE_MAX_WORDS = 7


def _prefix_alt(phrases: list[str]) -> list[str]:
    """Phrases as regex alternatives; a phrase ending in a letter must end on a word boundary."""
    out = []
    for p in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        out.append(re.escape(p) + (r"(?!\w)" if p[-1:].isalnum() else ""))
    return out


def _group(kind: str, alternatives: list[str], case_sensitive: bool) -> str:
    body = "|".join(f"(?:{a})" for a in alternatives)
    return f"(?P<{kind}>{body})" if case_sensitive else f"(?P<{kind}>(?i:{body}))"


_BUCKET = 3


@dataclass(frozen=True)
class Rules:
    buckets: dict[str, re.Pattern[str]]
    """Prefix phrases by their first three characters (lower case), one named group per kind:
    a line is only tried against the phrases that can start it."""
    head: re.Pattern[str] | None
    """Start-anchored shapes (and phrases shorter than three characters) of every kind."""
    head_by_first: dict[str, re.Pattern[str] | None]
    """``head`` for lines whose first character (lower case) is a key: only the shapes that can
    start with it, in the same order (so the same match).  Other lines take ``head`` whole."""
    tail: re.Pattern[str] | None
    """End-anchored shapes of every kind, searched in the last characters of a line."""
    tail_ends: tuple[str, ...]
    """``tail`` is tried on a line ending with one of these (a final full stop ignored) ..."""
    tail_ends_by_last: dict[str, tuple[str, ...]]
    """``tail_ends`` by their last character: a line is compared with those that can end it."""
    tail_needs: re.Pattern[str] | None
    """... or whose last characters (lower case) contain one of these words (one regex that
    branches on their letters, built by :func:`_literal_trie`: cheaper than a search per word) ..."""
    tail_need_shape: re.Pattern[str] | None
    """... or a match of this."""
    free: re.Pattern[str] | None
    """Shapes anchored nowhere (searched in the whole line)."""
    by_kind: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]]
    max_words: dict[str, int]
    exact: dict[str, str]
    headers: frozenset[str]
    tag_headers: frozenset[str]
    caption_markers: frozenset[str]
    share_tokens: frozenset[str]
    credit_markers: frozenset[str]
    """Keys of bare photo credits ("Getty Images"): a caption may follow."""
    credit_shape: re.Pattern[str] | None
    """Bare credits in any wording ("HARIAN.COM/FOR HARIAN.COM", "Foto: ANTARA FOTO/Name")."""
    navigation: Navigation
    prompts: Prompts
    media_words: frozenset[str] = frozenset()
    """Words of a prompt that announces an embedded video or graphic ("Saksikan video berikut:")."""
    author_headers: frozenset[str] = frozenset()
    """Keys of an author box's header ("About the author"): the writer's name and bio follow."""
    caption_cues: frozenset[str] = frozenset()
    """First words of a caption ("Ilustrasi ..."), lower case."""

    def classify(self, line: str, key: str | None = None) -> str | None:
        """The boilerplate reason of ``line`` by rule, or None.  ``key`` is the line's
        :func:`normalise_line`, when the caller has it already."""
        text = line.strip()
        if text[:1] in _BULLETS:
            text = text.lstrip(_BULLET_CHARS).strip()
        if not text:
            return None
        n = text.count(" ") + 1
        if n <= _EXACT_MAX_WORDS:
            exact = self.exact.get(key if key is not None else normalise_line(text))
            if exact is not None:
                return exact
            if (
                n <= 12
                and text.split(" ", 1)[0].lower().strip(":,.").rstrip(_DIGITS) in self.share_tokens
                and self._is_share_widget(text)
            ):
                return "share"
        bucket = self.buckets.get(text[:_BUCKET].lower())
        m = bucket.match(text) if bucket is not None else None
        if m is None:
            head = self.head_for(text)
            if head is not None:
                m = head.match(text)
        if m is None and self.tail is not None and self._tail_gate(text):
            m = self.tail.search(text, max(0, len(text) - _TAIL))
        if m is None and self.free is not None:
            m = self.free.search(text)
        if m is None or m.lastgroup is None:
            if n <= _CREDIT_SHAPE_MAX_WORDS and "/" in text and self.is_credit_marker(text):
                return "caption"
            prompts = self.prompts
            if n <= prompts.max_words and prompts.names_channel(text, key) and prompts.is_prompt(text, n):
                return "promo"
            return None
        if n <= self.max_words[m.lastgroup]:
            return m.lastgroup
        return self._slow(text, n)  # a kind matched but the line is too long for it: try the others

    def head_for(self, text: str) -> re.Pattern[str] | None:
        """The start-anchored shapes that can match ``text`` (by its first character), or None."""
        return self.head_by_first.get(text[0].lower(), self.head)

    def classify_lines(
        self, lines: Sequence[str], keys: Sequence[str | None] | None = None
    ) -> list[str | None]:
        """:meth:`classify` for every line of a document (``keys``: their normalised forms, if known).

        (A single multi-line regex over the whole document was measured slower than this loop:
        CPython's regex engine scans every position even for ``^``-anchored patterns.)
        """
        classify = self.classify
        if keys is None:
            return [classify(line) if line else None for line in lines]
        return [classify(line, key) if line else None for line, key in zip(lines, keys, strict=True)]

    def _tail_gate(self, text: str) -> bool:
        if not self.tail_ends and self.tail_needs is None and self.tail_need_shape is None:
            return True
        if self.tail_ends:
            stripped = text.rstrip(". \t")
            ends = self.tail_ends_by_last.get(stripped[-1:])  # only the words that end as it does
            if ends is not None and stripped.endswith(ends):
                return True
        last = text[-2:]
        if last.isupper() and last.isalpha() and ". " in text:
            return True  # a sentence, then a word in capitals ends the line: "... on the quay. ANN LEE"
        end = text[-_TAIL:]
        if self.tail_need_shape is not None and self.tail_need_shape.search(end) is not None:
            return True
        return self.tail_needs is not None and self.tail_needs.search(end.lower()) is not None

    def _slow(self, text: str, n: int) -> str | None:
        for kind in KINDS:
            if n > self.max_words[kind] or kind not in self.by_kind:
                continue
            head, tail, free = self.by_kind[kind]
            if (
                (head is not None and head.match(text))
                or (tail is not None and tail.search(text, max(0, len(text) - _TAIL)))
                or (free is not None and free.search(text))
            ):
                return kind
        return None

    def is_header(self, line: str, key: str | None = None) -> bool:
        """A bare related-links header ("Baca Juga", or any short line of navigation words:
        "Trending Now", "Artikel Selanjutnya") that opens a block of headline lines."""
        if line.count(" ") > 6:
            return False
        key = key if key is not None else normalise_line(line)
        return key in self.headers or self.navigation.is_header(line, key)

    def names_topics(self, key: str) -> bool:
        """Does a header's key name topics or tags ("Related topics")?  Bare topic lines follow it."""
        return self.navigation.names_topics(key)

    def is_credit_marker(self, line: str, key: str | None = None) -> bool:
        """A bare photo credit ("Getty Images", "HARIAN.COM/Rina Kusuma"): a caption may follow it."""
        spaces = line.count(" ")
        if spaces <= 4 and (key if key is not None else normalise_line(line)) in self.credit_markers:
            return True
        return (
            spaces < _CREDIT_SHAPE_MAX_WORDS
            and "/" in line
            and self.credit_shape is not None
            and self.credit_shape.match(line) is not None
        )

    def is_share_line(self, line: str) -> bool:
        """A line of share-button words only ("Facebook", "WhatsApp", "Copy link"): under a share
        header, each button may stand on its own line."""
        words = [w.casefold().rstrip(_DIGITS) for w in _WORD.findall(line)]
        return bool(words) and line.count(" ") < 3 and all(w in self.share_tokens for w in words)

    def is_tag_header(self, line: str, key: str | None = None) -> bool:
        """A bare tag header ("Topics :", "Tags"): the line after it lists the tags."""
        if line.count(" ") > 3:
            return False
        return (key if key is not None else normalise_line(line)) in self.tag_headers

    def announces_media(self, line: str, key: str) -> bool:
        """Does a prompt announce the embedded media that follow it ("Simak video pilihan berikut
        ini:", "Watch the video below:")?  The title of the video or graphic stands under it."""
        return line[-1] == ":" and not self.media_words.isdisjoint(key.split())

    def is_author_header(self, line: str, key: str | None = None) -> bool:
        """An author box's header alone on its line ("About the author", "Tentang Penulis")."""
        if line.count(" ") > 3:
            return False
        return (key if key is not None else normalise_line(line)) in self.author_headers

    def has_caption_cue(self, line: str) -> bool:
        """Does ``line`` open with a word that opens captions ("Ilustrasi warga antre beras.")?"""
        return line.split(" ", 1)[0].casefold().rstrip(".,:") in self.caption_cues

    def is_caption_marker(self, line: str, key: str | None = None) -> bool:
        """A bare caption marker ("Lihat Foto"): the line after it is a caption."""
        if line.count(" ") > 4:
            return False
        return (key if key is not None else normalise_line(line)) in self.caption_markers

    def _is_share_widget(self, text: str) -> bool:
        words = [w.casefold() for w in _WORD.findall(text)]
        # a counter may stick to its button: "share2", "comments14"
        informative = [w.rstrip(_DIGITS) or w for w in words if not w.rstrip("k").isdigit()]
        if not informative or not all(w in self.share_tokens for w in informative):
            return False
        return len(informative) >= 2 or informative[0] in {"bagikan", "share", "tweet"}


def _by_last_char(words: list[str]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their last character: ``["pic", "epic", "month"]`` -> ``{"c": ("pic",
    "epic"), "h": ("month",)}`` (a text ends with a word only if it ends with its last character)."""
    out: dict[str, list[str]] = {}
    for word in words:
        if word:
            out.setdefault(word[-1], []).append(word)
    return {ch: tuple(group) for ch, group in out.items()}


def _literal_trie(words: list[str]) -> str:
    """A regex matching any of ``words`` literally, as a trie of their characters: ``["photo",
    "pic", "picture"]`` -> ``(?:p(?:hoto|ic(?:ture)?))``.  The engine follows one branch per
    character instead of trying every word at every position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _led_regexes(kind: str, entries: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """``(start, pattern)`` pairs of a kind's ``led`` shapes: a regex matched at the start of the
    lines that begin with one of its ``starts`` words (tried on those lines only, like a prefix)."""
    out: list[tuple[str, str]] = []
    for entry in entries:
        pattern = str(entry.get("regex", ""))
        starts = [str(s) for s in entry.get("starts", [])]
        if not pattern or not starts:
            raise ValueError(f"boilerplate rules [{kind}] led: each entry needs `starts` and `regex`")
        re.compile(pattern)  # a bad pattern fails here, naming no line
        for start in starts:
            if len(start) < _BUCKET:
                raise ValueError(f"boilerplate rules [{kind}] led: start {start!r} is shorter than {_BUCKET}")
            out.append((start, pattern))
    return out


def _split_regexes(patterns: list[str]) -> tuple[list[str], list[str], list[str]]:
    head = [p[1:] for p in patterns if p.startswith("^")]
    tail = [p for p in patterns if not p.startswith("^") and p.endswith("$")]
    free = [p for p in patterns if not p.startswith("^") and not p.endswith("$")]
    return head, tail, free


@cache
def rules() -> Rules:
    """The rules built from the shipped data (one per process)."""
    data: dict[str, Any] = load_toml("boilerplate/rules.toml")
    head_groups: list[str] = []
    head_alts: list[tuple[str, list[str], bool]] = []
    bucket_alts: dict[str, dict[str, list[str]]] = {}
    bucket_regex: dict[str, dict[str, list[str]]] = {}
    tail_groups: list[str] = []
    free_groups: list[str] = []
    by_kind = {}
    max_words: dict[str, int] = {}
    exact: dict[str, str] = {}
    for kind in KINDS:
        section = data.get(kind, {})
        max_words[kind] = int(section.get("max_words", 40))
        cs = bool(section.get("case_sensitive", False))
        head, tail, free = _split_regexes(list(section.get("regex", [])))
        phrases = [p.strip() for p in section.get("prefix", []) if p.strip()]
        led = _led_regexes(kind, section.get("led", []))
        for start, pattern in led:
            bucket_regex.setdefault(start[:_BUCKET].lower(), {}).setdefault(kind, []).append(pattern)
        flags = 0 if cs else re.IGNORECASE
        head_rx, tail_rx, free_rx = (
            re.compile("|".join(f"(?:{a})" for a in alts), flags) if alts else None
            for alts in (_prefix_alt(phrases) + head + sorted({p for _, p in led}), tail, free)
        )
        by_kind[kind] = (head_rx, tail_rx, free_rx)
        for phrase in phrases:
            if len(phrase) >= _BUCKET:
                bucket_alts.setdefault(phrase[:_BUCKET].lower(), {}).setdefault(kind, []).append(phrase)
            else:
                head = [*_prefix_alt([phrase]), *head]
        for alts, groups in ((head, head_groups), (tail, tail_groups), (free, free_groups)):
            if alts:
                groups.append(_group(kind, alts, cs))
        if head:
            head_alts.append((kind, head, cs))
        for line in section.get("line", []):
            exact[normalise_line(line)] = kind
    # Known promo lines of outlets: exact matches, whatever the outlet of the document.
    for line in registry().promo_lines:
        key = normalise_line(line)
        if key and key not in exact:
            exact[key] = _guess_kind(line, data)
    related = data.get("related", {})
    caption = data.get("caption", {})
    share = data.get("share", {})
    cs_kinds = {k for k in KINDS if data.get(k, {}).get("case_sensitive", False)}
    for key, kinds in bucket_regex.items():
        for kind in kinds:
            bucket_alts.setdefault(key, {}).setdefault(kind, [])
    buckets = {
        key: re.compile(
            "|".join(
                _group(
                    kind,
                    _prefix_alt(ps) + sorted(set(bucket_regex.get(key, {}).get(kind, []))),
                    kind in cs_kinds,
                )
                for kind, ps in kinds.items()
            )
        )
        for key, kinds in bucket_alts.items()
    }
    return Rules(
        buckets=buckets,
        head=re.compile("|".join(head_groups)) if head_groups else None,
        head_by_first=_by_first_char(head_alts),
        tail=re.compile(f"(?:{'|'.join(tail_groups)})") if tail_groups else None,
        tail_ends=tuple(str(x) for x in data.get("tail_ends", [])),
        tail_ends_by_last=_by_last_char([str(x) for x in data.get("tail_ends", [])]),
        tail_needs=re.compile(_literal_trie([str(x).lower() for x in data["tail_needs"]]))
        if data.get("tail_needs")
        else None,
        tail_need_shape=re.compile("|".join(f"(?:{p})" for p in data["tail_need_shapes"]))
        if data.get("tail_need_shapes")
        else None,
        free=re.compile("|".join(free_groups)) if free_groups else None,
        by_kind=by_kind,
        max_words=max_words,
        exact=exact,
        headers=frozenset(normalise_line(h) for h in related.get("header", [])),
        tag_headers=frozenset(normalise_line(h) for h in related.get("tag_header", [])),
        caption_markers=frozenset(normalise_line(h) for h in caption.get("marker", [])),
        share_tokens=frozenset(t.casefold() for t in share.get("tokens", [])),
        credit_markers=frozenset(normalise_line(c) for c in caption.get("credit", [])),
        credit_shape=re.compile("|".join(f"(?:{p})" for p in caption["credit_shape"]))
        if caption.get("credit_shape")
        else None,
        navigation=Navigation.from_lists(
            related.get("nav_words", []), related.get("nav_fillers", []), related.get("topic_words", [])
        ),
        prompts=Prompts.from_data(data.get("prompt", {})),
        media_words=frozenset(normalise_line(w) for w in data.get("promo", {}).get("media_words", [])),
        author_headers=frozenset(normalise_line(h) for h in related.get("author_header", [])),
        caption_cues=frozenset(w.casefold() for w in caption.get("cue", [])),
    )


def _by_first_char(kinds: list[tuple[str, list[str], bool]]) -> dict[str, re.Pattern[str] | None]:
    """For each ASCII character, the start-anchored shapes that can match a line starting with it
    (see :mod:`kliping.boilerplate.firstchar`), grouped by kind in their order: one regex each."""
    starts = [(kind, [(alt, first_chars(alt)) for alt in alts], cs) for kind, alts, cs in kinds]
    compiled: dict[str, re.Pattern[str]] = {}
    out: dict[str, re.Pattern[str] | None] = {}
    for ch in sorted({chr(c).lower() for c in range(128)}):
        groups = []
        for kind, alts, cs in starts:
            can = [alt for alt, first in alts if first is None or ch in first]
            if can:
                groups.append(_group(kind, can, cs))
        pattern = "|".join(groups)
        if pattern and pattern not in compiled:
            compiled[pattern] = re.compile(pattern)
        out[ch] = compiled[pattern] if pattern else None
    return out


def _guess_kind(line: str, data: dict[str, Any]) -> str:
    """The reason for an outlet's known promo line: the kind whose prefix it starts with."""
    low = line.casefold()
    for kind in KINDS:
        if any(low.startswith(p.casefold()) for p in data.get(kind, {}).get("prefix", [])):
            return kind
    norm = normalise_line(line)
    if norm in {normalise_line(m) for m in data.get("caption", {}).get("marker", [])}:
        return "caption"
    if norm in {normalise_line(h) for h in data.get("related", {}).get("header", [])}:
        return "related"
    return "promo"
