"""Navigation headers in any wording: "Trending Now", "Terkini", "Artikel Selanjutnya", "Also worth
reading", "More on this story", "Related topics".

A site's header over a block of links is a short line made only of navigation words (trending,
terkini, selanjutnya, related, reading ...) and fillers (now, on, this, the, berita, artikel ...).
A subheading of the story always has a word of its own ("Charging Depots", "Buruh Minta Kenaikan
8 Persen"), so it is never one.  The word lists live in ``data/boilerplate/rules.toml``
(``[related]`` ``nav_words``, ``nav_fillers``, ``topic_words``).
"""

from __future__ import annotations

from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass

from kliping.article import Reason
from kliping.text import normalise_line

MAX_WORDS = 6
_TAG_MAX_SPACES = 2  # a tag has one to three words
_TAG_MAX_CHARS = 30
_TAGS_MIN = 2
_PARAGRAPH_MIN_SPACES = 7
_PARAGRAPH_END = frozenset(".!?\"”’'")
_TAG_BAD_START = frozenset("\"“”'‘’«(*•·>»-–—#0123456789")
_TAG_BAD_END = frozenset(".!?;:,\"”’'")
_SENTENCE_END = frozenset(".!?;,\"”’'")
_COMMA_TAGS_MIN = 4
_COMMA_TAGS_BAD = frozenset('.!?;:"“”()')


@dataclass(frozen=True)
class Navigation:
    words: frozenset[str]
    fillers: frozenset[str]
    topic_words: frozenset[str]
    topic_phrases: tuple[str, ...]

    @classmethod
    def from_lists(cls, words: list[str], fillers: list[str], topics: list[str]) -> Navigation:
        topic_keys = [normalise_line(t) for t in topics if t.strip()]
        return cls(
            words=frozenset(normalise_line(w) for w in words if w.strip()),
            fillers=frozenset(normalise_line(w) for w in fillers if w.strip()),
            topic_words=frozenset(t for t in topic_keys if " " not in t),
            topic_phrases=tuple(t for t in topic_keys if " " in t),
        )

    def is_header(self, line: str, key: str | None = None) -> bool:
        """Is ``line`` a short line of navigation words only (at least one not a filler)?"""
        text = line.strip()
        if not text or text.count(" ") >= MAX_WORDS or text[-1] in _SENTENCE_END:
            return False
        words = (key if key is not None else normalise_line(text)).split()
        if not words or len(words) > MAX_WORDS:
            return False
        navigational = False
        for word in words:
            if word in self.words:
                navigational = True
            elif word not in self.fillers:
                return False
        return navigational

    def names_topics(self, key: str) -> bool:
        """Does a header's key name topics or tags ("Related topics", "Kata kunci")?"""
        if not self.topic_words.isdisjoint(key.split()):
            return True
        return any(p in key for p in self.topic_phrases)


def _tag_line(text: str) -> bool:
    """A bare tag: "Kereta Api", "climate" (one to three words, no punctuation around them)."""
    return (
        len(text) <= _TAG_MAX_CHARS
        and text.count(" ") <= _TAG_MAX_SPACES
        and text[0] not in _TAG_BAD_START
        and text[-1] not in _TAG_BAD_END
    )


def _comma_tags(text: str) -> bool:
    """The page's tags on one line, separated by commas: "floods, Jakarta, weather, rainy season"
    (at least four items of one to three words each, no sentence punctuation anywhere)."""
    if (
        text.count(",") < _COMMA_TAGS_MIN - 1
        or text[0] in _TAG_BAD_START
        or not _COMMA_TAGS_BAD.isdisjoint(text)
    ):
        return False
    items = text.split(",")
    return all(
        0 < len(item.strip()) <= _TAG_MAX_CHARS and item.strip().count(" ") <= _TAG_MAX_SPACES
        for item in items
    )


def end_tags(
    lines: Sequence[str], reasons: MutableSequence[Reason | None], keys: Sequence[str | None]
) -> None:
    """Mark ``related`` the tag lines that end an article: a run of at least two bare tags ("Kereta
    Api" / "Libur Sekolah" / "Transportasi"), or one line of them separated by commas ("banjir, Jakarta,
    cuaca, BMKG"), after the story's last paragraph, with nothing of the
    story after them (boilerplate lines may stand among them).  The paragraph before them must end
    its sentence: the items of a list announced with a colon stay content.

    ``keys``: each line's normalised key (None for long lines).  A short line printed twice is
    looked past like boilerplate (the repetition layer removes it later): cleaning the body again
    must find the same run."""
    tags: list[int] = []
    one_line = False  # the tags stand on one line, separated by commas
    for i in range(len(lines) - 1, -1, -1):
        if reasons[i] is not None or not lines[i]:
            continue
        text = lines[i]
        if not one_line and _tag_line(text):
            tags.append(i)
            continue
        if not tags and _comma_tags(text):
            tags.append(i)
            one_line = True
            continue
        key = keys[i]
        if key and keys.count(key) > 1:
            continue
        if (
            (one_line or len(tags) >= _TAGS_MIN)
            and text.count(" ") >= _PARAGRAPH_MIN_SPACES
            and text[-1] in _PARAGRAPH_END
        ):
            for j in tags:
                reasons[j] = "related"
        return
