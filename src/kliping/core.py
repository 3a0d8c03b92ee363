"""clean + parse: one scraped article in, one clean structured :class:`Article` out.

Every input line gets exactly one disposition: it is a body paragraph, or it is in ``removed``
with a reason (its metadata, if any, parsed into the Article's fields).  The layers, in order of
trust (DESIGN.md):

1. structural lines (bylines, credits, timestamps) and the title become metadata;
2. rules: outlet promo lines and generic phrases/shapes (``data/``);
3. neighbourhood: the headline lines under a bare "Baca Juga" header, the caption after "Lihat Foto";
4. repetition inside the document;
5. learned lines (a corpus model, when one is given);
6. the dateline prefix of the first body paragraph becomes ``dateline`` (and outlet, agency).

The result is a fixed point: cleaning ``article.body`` again returns the same body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, cast

from kliping.article import Article, Reason, Removed
from kliping.boilerplate import LineModel
from kliping.boilerplate.boxes import (
    after_signoff,
    author_box,
    caption_above,
    embed_title,
    feedback_form,
    next_filled,
    rest_taken,
    tag_run,
)
from kliping.boilerplate.navigation import end_tags
from kliping.boilerplate.prompts import boxed_prompts
from kliping.boilerplate.repetition import MAX_WORDS as REPEAT_MAX_WORDS
from kliping.boilerplate.repetition import repeated_keys
from kliping.boilerplate.rules import Rules, rules
from kliping.outlets import Outlet, Registry, host_of, registered_domain, registry
from kliping.parse.credit import (
    MAX_STRUCTURAL_CHARS,
    Structural,
    bare_byline,
    parse_structural,
    role_led,
    role_words,
)
from kliping.parse.dateline import Dateline, names_no_place, parse_dateline
from kliping.parse.dates import find_dates, url_date
from kliping.parse.language import detect_language
from kliping.parse.shapes import outlet_name, self_name
from kliping.parse.slug import slug_words, spells_slug
from kliping.pipeline import Stats, Step
from kliping.resources import load_toml
from kliping.text import line_hash, normalise_line, text_id, word_alternation

_TITLE_END_BAD = (".", ",", ";", ":", "-", "–", "—")
_QUOTE_OPEN = "\"“”'‘’«"
_HEADLINE_MAX_WORDS = 22
_KICKER_MAX_CHARS = 32  # "[Herald Special]": a bracketed kicker before a linked headline
_HEADLINE_BLOCK_MAX = 10
_CAPTION_MAX_WORDS = 80
_TOPIC_MAX_WORDS = 4
_TOPIC_MAX_CHARS = 40
_CREDIT_CAPTION_MIN_WORDS = 6
_CREDIT_CAPTION_MAX_WORDS = 40
_BLOCK_LINE_END = frozenset(".!?;:,\"”'’")
_NAV_MAX_SPACES = 6  # a navigation header ("Also worth reading") has at most six words
_OPENER_REASONS = (None, "related", "caption", "promo")
_LEAD_MIN_WORDS = 12
_HEAD_SPAN = 12  # lines after the headline where a bare byline may stand
_HEAD_LINE_MAX_CHARS = 80
_DATELINE_SEARCH = 4  # body lines searched for a dateline that names its outlet or agency
_DATELINE_SPAN = 96  # a dateline's prefix ends within this many characters
_STANDFIRST_MIN_WORDS = 6
_CAPS_CITY_MIN = 4  # "BALI — " opens a lead; shorter capitals are as often an acronym
_NAMED_DATELINE_ENDS = (" -", "—", "–", "):", ": ")  # ": " after a city in capitals ("KOTA BARU: ")
_ALNUM = re.compile(r"[^\W_]")
_SENTENCE_END = frozenset(".!?\"”’'")


def split_lines(text: str) -> list[str]:
    """The input lines of ``text``: split on newlines only (CR LF and lone CR count as one)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _title_like(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 250:
        return False
    if text.endswith(_TITLE_END_BAD) or text[0] in _QUOTE_OPEN:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return ". " not in text or not _ends_sentence_inside(text)


_SLUG_TITLE_MAX_CHARS = 250
_SENTENCE_MIN_SPACES = 4  # five words before a full stop make a sentence
_SENTENCE_WORD_MIN = 4
_ABBREVIATIONS = frozenset(["prof", "capt", "sept", "corp", "dept", "govt", "insp", "supt", "brig", "lieut"])


def _ends_sentence_inside(text: str) -> bool:
    """A sentence of five words or more ends inside ``text`` and something follows it, as in a
    photo caption with its credit ("Warga menimba air di sumur desa. Foto/Ann Lee", "Buses wait
    at the depot, Monday (3/2). [Example.com/Ann Lee]", "... on May 2, 2024. Photo by Ann Lee");
    a headline is one sentence.  A word before the full stop shorter than four letters or with a
    full stop inside may be an abbreviation ("Gen. Ann Lee", "U.S. ..."), so it ends no sentence
    here, nor does a stop before a number ("Sept. 5")."""
    k = text.find(". ")
    while k != -1:
        before = text[:k]
        word = before[before.rfind(" ") + 1 :]
        after = text[k + 2 : k + 3]
        ends = word.endswith(")") or (
            word.isalnum() and len(word) >= _SENTENCE_WORD_MIN and word.casefold() not in _ABBREVIATIONS
        )
        if ends and before.count(" ") >= _SENTENCE_MIN_SPACES and not after.isdigit():
            return True
        k = text.find(". ", k + 2)
    return False


_QUOTE_CLOSE = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»"}
_QUOTED_HEAD_SEPARATORS = ("–", "—", "-", ":", "|")


def _headline_shaped(text: str) -> bool:
    """A title, or a title that opens with a quote and goes on after it ("'Laut sudah masuk' –
    Warga pesisir bertahan"): a quoted paragraph ends its sentence, this does not."""
    if _title_like(text):
        return True
    close = _QUOTE_CLOSE.get(text[:1]) if text else None
    if close is None:
        return False
    end = text.find(close, 1)
    after = text[end + 1 :].strip() if end > 0 else ""
    return after.startswith(_QUOTED_HEAD_SEPARATORS) and _title_like(after.lstrip("–—-:| ") or "x")


def _headline_like(text: str) -> bool:
    """A linked headline: "Harga Beras Naik Lagi di Pasar Induk" (no sentence end).  A headline
    may ask a question when most of its words are capitalised ("Kapan Anak Harus ke IGD?"); a
    question of the story is written in sentence case.  A section's kicker in brackets may open
    it ("[Video] Warga Antre Beras", "[Interview] Why farmers stay"): the headline follows it."""
    text = text.lstrip("*•·>»-–— ")
    if text[:1] == "[":
        close = text.find("]", 1, _KICKER_MAX_CHARS)
        text = text[close + 1 :].lstrip() if close > 1 else text
        if not text:
            return False
    words = text.split()
    if not 2 <= len(words) <= _HEADLINE_MAX_WORDS:
        return False
    if text[0] in _QUOTE_OPEN:
        return False
    if text[-1] == "?":
        if sum(w[0].isupper() or w[0].isdigit() for w in words) * 3 < len(words) * 2:
            return False
    elif text[-1] in ".!;:,\"”'’" and not _QUOTED_HEADLINE.search(text):
        return False
    return text[0].isupper() or text[0].isdigit()


_QUOTED_HEADLINE = re.compile(r"^[^:\"“”‘’«»]{3,80}:\s+[\"“‘'«][^\"“”‘’«»]{3,120}[^\W_][\"”’'»]$")
"""A headline that ends with a short quotation after its colon ("Port: ‘The market is not there yet’");
a paragraph quoting someone ends its quoted sentence inside the marks ("He said: “Not yet.”")."""


_SECTION_MAX_WORDS = 3


def _section_label(text: str) -> bool:
    """ "World", "Local News": a section's name of a few capitalised words, no sentence, no digit."""
    words = text.split()
    return (
        len(words) <= _SECTION_MAX_WORDS
        and all(w[:1].isupper() or w == "&" for w in words)
        and text[-1] not in _BLOCK_LINE_END
        and not any(ch.isdigit() for ch in text)
    )


def _tag_list(text: str) -> bool:
    """ "nickel, smelters, mining, Sulawesi": short items separated by commas or pipes, no sentence."""
    items = [t.strip() for t in re.split(r"[,|;#]", text) if t.strip()]
    return len(items) >= 2 and all(t.count(" ") < 4 for t in items) and text[-1] not in ".!?"


def _topic_like(text: str) -> bool:
    """A bare topic line under "Related topics": "Indonesia", "Climate change" (a few words)."""
    return (
        len(text) <= _TOPIC_MAX_CHARS
        and text.count(" ") < _TOPIC_MAX_WORDS
        and text[-1] not in _BLOCK_LINE_END
        and text[0] not in _QUOTE_OPEN
    )


def _caption_like(text: str, before_lead: bool = False) -> bool:
    """The caption under a bare photo credit: a few words to a short paragraph, no full stop
    (a paragraph of the story ends its sentence).  ``before_lead``: the line stands between the
    credit and the story's lead or its metadata, where a caption may end its sentence too
    ("Warga antre beras di Pasar Kota, Senin (3/2/2025).")."""
    words = text.count(" ") + 1
    return (
        _CREDIT_CAPTION_MIN_WORDS <= words <= _CREDIT_CAPTION_MAX_WORDS
        and (before_lead or text[-1] not in _BLOCK_LINE_END)
        and text[0] not in _QUOTE_OPEN
    )


def _take_block(
    lines: Sequence[str],
    reasons: list[Reason | None],
    start: int,
    fits: Callable[[str], bool],
    reason: Reason,
) -> None:
    """Mark the lines from ``start`` that ``fits`` (blank lines skipped, at most a block's worth)
    with ``reason``; stop at the first other line or one that another layer has taken."""
    taken = 0
    j = start
    while j < len(lines) and taken < _HEADLINE_BLOCK_MAX:
        if not lines[j]:
            j += 1
            continue
        if reasons[j] is not None or not fits(lines[j]):
            break
        reasons[j] = reason
        taken += 1
        j += 1


_HEAD_KINDS = ("byline", "dateline")
_SOURCE_HEAD_SPAN = 4


_PLACE_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]+$")
_OVER_CREDITS_SPAN = 4


def _place_over_stamp(doc: _Doc, start: int, end: int) -> None:
    """Mark ``credit`` a place's name of one word alone on its line right over a timestamp line
    in the head ("Kota" over "05/03/2025 10:12"): where the story was filed, printed beside its
    date."""
    lines, reasons = doc.lines, doc.reasons
    for j in range(start, end - 1):
        line = lines[j]
        if (
            reasons[j] is not None
            or not line
            or " " in line
            or not line[0].isupper()
            or not _PLACE_WORD.match(line)
        ):
            continue
        k = next_filled(lines, j + 1)
        st = doc.structural.get(k)
        if st is not None and st.kind == "dateline" and st.published is not None:
            reasons[j] = "credit"


_DESK_MAX_WORDS = 5


def _desk_line(doc: _Doc, i: int) -> bool:
    """Is line ``i`` a short line of a few words without a sentence's end ("Do Example, no Rio",
    "Van onze redactie") right over a timestamp or byline line: the desk or city under a writer's
    name, over the story's stamp?"""
    line = doc.lines[i]
    if line.count(" ") + 1 > _DESK_MAX_WORDS or line[-1] in _SENTENCE_END or any(ch.isdigit() for ch in line):
        return False
    k = next_filled(doc.lines, i + 1)
    st = doc.structural.get(k)
    return st is not None and st.kind == "dateline" and st.published is not None


def _over_credits(doc: _Doc, i: int) -> bool:
    """Does a byline or timestamp line follow paragraph ``i`` within a few lines, with only short
    lines (a name, a place) or lines already taken between them: is ``i`` a standfirst?"""
    seen = 0
    for j in range(i + 1, len(doc.lines)):
        line = doc.lines[j]
        if not line:
            continue
        st = doc.structural.get(j)
        if st is not None:
            return st.kind in _HEAD_KINDS
        if doc.reasons[j] is None and (
            line.count(" ") + 1 > _SECTION_MAX_WORDS + 2 or line[-1] in _SENTENCE_END
        ):
            return False
        seen += 1
        if seen >= _OVER_CREDITS_SPAN:
            return False
    return False


def _source_headline(doc: _Doc, line: str, nxt: int) -> bool:
    """A headline that opens with its source before a colon ("AGENCY: Rain may flood the coast") or
    its topic before a dash ("Rail - Kota: Train stuck on bridge"), which reads like a datelined
    lead: a headline ends no sentence and a byline or timestamp line stands under it (below the
    boilerplate lines of the page's head, if any: "Straight from the wire")."""
    if line[-1] in _SENTENCE_END:
        return False
    for j in range(nxt, min(len(doc.lines), nxt + _SOURCE_HEAD_SPAN)):
        st = doc.structural.get(j)
        if st is not None:
            return st.kind in _HEAD_KINDS
        if doc.lines[j] and doc.reasons[j] in (None, "title"):
            return False
    return False


@dataclass(frozen=True)
class _AgencyCues:
    """Agencies credited inside the body: "Dilansir AFP", "seperti dilaporkan Reuters"."""

    stems: tuple[str, ...]
    bordered: frozenset[int]
    """Indexes of the stems that start with what they end with ("agencia": see :meth:`_cue_places`)."""
    after_cue: re.Pattern[str]
    any_alias: re.Pattern[str]
    """An agency's name anywhere (a cheap scan): without one, no cue can credit an agency."""
    nouns: tuple[str, ...]
    """The last word of each noun that names an agency the registry does not know, less its first
    letter ("news agency" -> "gency"): a cheap gate, whatever the case of that letter."""
    unknown: re.Pattern[str] | None
    """ "news agency XYZ reported": an agency's name in capitals between a noun and a verb."""

    def find(self, body: str) -> list[str]:
        """The agencies the body credits: known ones after a cue ("according to Reuters"), and
        unknown ones in capitals between an agency noun and a reporting verb."""
        found: list[str] = []
        first = self.any_alias.search(body)
        if first is not None:
            low = body.lower()
            for k, start in self._cue_places(body, low, first.start()):
                stem = self.stems[k]
                m = self.after_cue.search(body, max(0, start - _CUE_BEFORE), start + len(stem) + _CUE_AFTER)
                if m and m.group("agency") not in found:
                    found.append(m.group("agency"))
        if self.unknown is not None and any(map(body.__contains__, self.nouns)):
            for m in self.unknown.finditer(body):
                if m.group("agency") not in found:
                    found.append(m.group("agency"))
        return found

    def _cue_places(self, body: str, low: str, first: int) -> list[tuple[int, int]]:
        """Where the stems occur in ``low`` (``body`` in lower case), as (stem's index, start), in
        the order of the stems, then of the text; each stem's occurrences do not overlap.  Only the
        places near an agency's name (from ``first`` on) are listed: a cue credits the name that
        follows it within the window searched, so elsewhere it credits none.  (A stem whose start
        is its end as well, "agencia", is looked for in the whole text, as overlapping occurrences
        of it are skipped from the text's start; so are all stems when lower case changes the
        text's length.)"""
        places: list[tuple[int, int]] = []
        near: list[int] = []
        for k, stem in enumerate(self.stems):
            if len(low) != len(body) or k in self.bordered:
                start = low.find(stem)
                while start != -1:
                    places.append((k, start))
                    start = low.find(stem, start + len(stem))
            else:
                near.append(k)
        if near:
            longest = max(len(self.stems[k]) for k in near)
            for alias in self.any_alias.finditer(body, first):
                lo = max(0, alias.start() - _CUE_AFTER - longest)
                hi = alias.end() + _CUE_BEFORE + longest
                for k in near:
                    stem = self.stems[k]
                    start = low.find(stem, lo, hi)
                    while start != -1:
                        places.append((k, start))
                        start = low.find(stem, start + len(stem), hi)
        return sorted(set(places))


_CUE_BEFORE = 32
"""Characters searched before a cue's stem (the cue may open before it: "seperti dilaporkan")."""
_CUE_AFTER = 48
"""Characters searched after a cue's stem, for the agency's name."""


def _bordered(stem: str) -> bool:
    """Does ``stem`` start with what it ends with ("agencia"): may two occurrences overlap?"""
    return any(stem[:k] == stem[-k:] for k in range(1, len(stem)))


@cache
def _agency_cues() -> _AgencyCues | None:
    data = load_toml("bylines.toml")
    cues = data.get("agency_cues", [])
    aliases = registry().agency_aliases
    if not cues or not aliases:
        return None
    cue_alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    alias_alt = "|".join(re.escape(a) for a in aliases)
    stems = sorted({max(c.lower().split(), key=len) for c in cues})
    # drop stems that contain another stem: each position is visited once
    stems = [s for s in stems if not any(o != s and o in s for o in stems)]
    nouns = data.get("agency_nouns", [])
    verbs = data.get("agency_report_verbs", [])
    unknown = (
        re.compile(
            rf"(?i:{word_alternation(nouns, ignore_case=True)})\s+(?P<agency>[A-Z]{{3,6}})(?!\w),?\s+"
            rf"(?i:{word_alternation(verbs, ignore_case=True)})(?!\w)"
        )
        if nouns and verbs
        else None
    )
    return _AgencyCues(
        nouns=tuple(sorted({n.split()[-1][1:].lower() for n in nouns})),
        unknown=unknown,
        stems=tuple(stems),
        bordered=frozenset(k for k, stem in enumerate(stems) if _bordered(stem)),
        after_cue=re.compile(
            rf"(?i:{cue_alt})\s+(?i:(?:dari|from|kantor berita|news agency|the)\s+)*(?P<agency>{alias_alt})(?!\w)"
        ),
        any_alias=re.compile(word_alternation(aliases)),
    )


_KEY_MAX_WORDS = REPEAT_MAX_WORDS  # a line has a key when the repetition layer counts it
_STRUCTURAL_REASON: dict[str, Reason] = {"dateline": "dateline", "credit": "credit", "byline": "byline"}


@dataclass
class _Doc:
    """Working state of one document while it is cleaned."""

    lines: list[str]
    reasons: list[Reason | None]
    keys: list[str | None]
    """normalise_line of each short line (None for long lines: no short-line rule applies)."""
    structural: dict[int, Structural] = field(default_factory=dict)


class Cleaner:
    """Cleans and parses articles.  Build once (it loads the data), call many times."""

    def __init__(self, model: LineModel | None = None) -> None:
        self.model = model
        self.rules: Rules = rules()
        self.registry: Registry = registry()
        self._agency_cues = _agency_cues()
        self._markers = self.rules.headers | self.rules.tag_headers | self.rules.caption_markers

    # --- public ----------------------------------------------------------------------------
    def clean(
        self,
        text: str,
        url: str | None = None,
        outlet: str | None = None,
        *,
        id: str | None = None,
        hints: dict[str, Any] | None = None,
    ) -> Article:
        article = Article(id=id, url=url, outlet=outlet, raw=text, hints=dict(hints or {}))
        return self.clean_article(article)

    def clean_article(self, article: Article) -> Article:
        """Fill ``article`` from ``article.raw`` (and ``article.hints``); returns it."""
        return self.clean_batch([article])[0]

    def clean_batch(self, articles: Sequence[Article]) -> list[Article]:
        """:meth:`clean_article` for many articles at once: the same results, faster.

        Each layer runs over the whole batch before the next, and the language model over all
        the bodies at the end, so each one's tables stay in the CPU cache (the fastText model
        alone costs three times more when other work runs between its calls).  Every input is
        checked before any is touched: a bad one raises and leaves the batch as it was.
        """
        for article in articles:
            text = article.raw if article.raw is not None else article.body
            if not isinstance(text, str):
                raise TypeError(f"article text must be str, not {type(text).__name__}")
        docs = [self._doc(article) for article in articles]
        domains = [registered_domain(article.url) for article in articles]
        for doc in docs:
            self._structure_and_rules(doc)
        for doc in docs:
            self._neighbourhood(doc)
            self._repetition(doc)
        if self.model is not None:
            for doc, domain in zip(docs, domains, strict=True):
                self._learned(doc, domain)
        for doc, article in zip(docs, articles, strict=True):
            self._head(doc)
            self._title(doc, article)
        datelines = [self._dateline(doc, domain) for doc, domain in zip(docs, domains, strict=True)]
        for article, doc, dateline, domain in zip(articles, docs, datelines, domains, strict=True):
            self._fill(article, doc, dateline, domain)
        for article in articles:
            self._language(article)
        return list(articles)

    @staticmethod
    def _doc(article: Article) -> _Doc:
        text = article.raw if article.raw is not None else article.body
        lines = [ln.strip() for ln in split_lines(cast(str, text))]
        keys = [normalise_line(ln) if ln and ln.count(" ") < _KEY_MAX_WORDS else None for ln in lines]
        return _Doc(lines=lines, reasons=[None] * len(lines), keys=keys)

    # --- layers ----------------------------------------------------------------------------
    def _structure_and_rules(self, doc: _Doc) -> None:
        reg = self.registry
        by_rule = self.rules.classify_lines(doc.lines, doc.keys)
        for i, line in enumerate(doc.lines):
            if not line or not (line[0].isalnum() or _ALNUM.search(line)):
                doc.reasons[i] = "empty"  # blank, or a separator such as "***" or "___"
                continue
            reason = by_rule[i]
            if reason is not None:
                doc.reasons[i] = cast(Reason, reason)
                continue
            st = parse_structural(line, reg) if len(line) <= MAX_STRUCTURAL_CHARS else None
            if st is not None:
                doc.structural[i] = st
                doc.reasons[i] = _STRUCTURAL_REASON[st.kind]

    def _neighbourhood(self, doc: _Doc) -> None:
        """Blocks that a header line opens: the headlines under a bare "Baca Juga" or any header of
        navigation words ("Trending Now", "Artikel Selanjutnya", "Suggested topics:"); the tags or
        topic lines under "Tags" / "Related topics"; the caption after "Lihat Foto" or a bare credit
        ("Getty Images", "HARIAN.COM/Rina Kusuma"); the buttons under a share header ("Bagikan",
        "Facebook", "WhatsApp"); a prompt between two prompts; the short lines of a feedback form under its
        question; the outlet's own paragraph after the story's sign-off; the tag lines that end the
        article."""
        lines, reasons, keys = doc.lines, doc.reasons, doc.keys
        rules = self.rules
        markers = self._markers
        credits = rules.credit_markers
        n = len(lines)
        for i in range(n):
            key = keys[i]
            # every header and marker is a short line (it has a key)
            if key is None:
                continue
            if reasons[i] == "share":
                _take_block(lines, reasons, i + 1, rules.is_share_line, "share")
                continue
            if reasons[i] not in _OPENER_REASONS:
                continue
            line = lines[i]
            if reasons[i] == "promo" and rules.announces_media(line, key):
                embed_title(lines, reasons, i, _headline_like)
            if reasons[i] is None and rules.is_author_header(line, key):
                roles = role_words()
                for k in author_box(lines, reasons, i, roles):
                    if any(w.casefold() in roles for w in lines[k].split()):
                        continue  # "Guest Author": the box's role line, not a name
                    found = bare_byline(lines[k], self.registry)  # the box names the writer
                    if found is not None:
                        doc.structural[k] = found
                continue
            known = (
                key in markers
                or key in credits
                or (reasons[i] == "caption" and "/" in line and rules.is_credit_marker(line, key))
            )
            if not known and (
                (line[-1] in _BLOCK_LINE_END and line[-1] != ":")
                or line.count(" ") >= _NAV_MAX_SPACES
                or not rules.is_header(line, key)
            ):
                continue
            header = rules.is_header(line, key)
            tag_header = rules.is_tag_header(line, key)
            if tag_header or (header and rules.names_topics(key)):
                reasons[i] = "related"
                j = next_filled(lines, i + 1)
                if j < n and reasons[j] is None and _tag_list(lines[j]):
                    reasons[j] = "related"
                elif (
                    tag_header
                    and j < n
                    and reasons[j] is None
                    and tag_run(lines[j])
                    and not _topic_like(lines[j])
                    and rest_taken(lines, reasons, j)
                ):
                    reasons[j] = "related"  # the tags as one run of words, with nothing of the story after it
                else:
                    _take_block(lines, reasons, j, _topic_like, "related")
            elif header:
                reasons[i] = "related"
                _take_block(lines, reasons, i + 1, _headline_like, "related")
            elif rules.is_caption_marker(line, key):
                reasons[i] = "caption"
                j = next_filled(lines, i + 1)
                if j < n and reasons[j] is None and len(lines[j].split()) <= _CAPTION_MAX_WORDS:
                    reasons[j] = "caption"
            elif rules.is_credit_marker(line, key):
                reasons[i] = "caption"
                j = next_filled(lines, i + 1)
                if j < n and (
                    j in doc.structural
                    or (reasons[j] is None and parse_dateline(lines[j], self.registry) is not None)
                ):
                    caption_above(lines, reasons, i, rules.has_caption_cue, _CREDIT_CAPTION_MAX_WORDS)
                if j >= n or reasons[j] is not None:
                    continue
                # a caption may end its sentence when the story's metadata or datelined lead follows it
                k = next_filled(lines, j + 1)
                before_lead = k < n and (
                    k in doc.structural
                    or (reasons[k] is None and parse_dateline(lines[k], self.registry) is not None)
                )
                if _caption_like(lines[j], before_lead):
                    reasons[j] = "caption"
        boxed_prompts(lines, reasons, rules.prompts)
        feedback_form(lines, reasons)
        after_signoff(lines, reasons, rules.prompts.names_news)
        end_tags(lines, reasons, keys)

    def _repetition(self, doc: _Doc) -> None:
        keys = repeated_keys(doc.lines, keys=doc.keys)
        if not keys:
            return
        for i, key in enumerate(doc.keys):
            if doc.reasons[i] is None and key in keys:  # only short lines have keys
                doc.reasons[i] = "repeated"

    def _learned(self, doc: _Doc, domain: str | None) -> None:
        model = self.model
        assert model is not None
        for i, line in enumerate(doc.lines):
            if doc.reasons[i] is None and model.is_boilerplate(domain, line_hash(line)):
                doc.reasons[i] = "learned"

    def _head(self, doc: _Doc) -> None:
        """Bylines known by their place: between the headline and the lead, a person's name alone
        on its line ("Rina Kusuma") or with an outlet's name ("Zahra Putri, CNBC Indonesia"),
        right under the headline or beside a timestamp or byline line."""
        lines, reasons, structural = doc.lines, doc.reasons, doc.structural
        first = next((i for i, r in enumerate(reasons) if r is None), None)
        if first is None:
            return
        under_headline = _headline_shaped(lines[first])
        prev = first
        n = len(lines)
        end = min(n, first + _HEAD_SPAN)
        _place_over_stamp(doc, first + 1, end)
        for j in range(first + 1, end):
            line = lines[j]
            if not line:
                continue
            if reasons[j] is not None:
                prev = j
                continue
            if line.count(" ") + 1 >= _LEAD_MIN_WORDS or len(line) > _HEAD_LINE_MAX_CHARS:
                if prev == first and under_headline and _over_credits(doc, j):
                    continue  # a standfirst under the headline, over the byline and its stamp
                return  # the lead: the head is over
            found = bare_byline(line, self.registry)
            nxt = next((k for k in range(j + 1, n) if lines[k]), None)
            if found is None:
                if prev in structural and nxt in structural and _section_label(line):
                    reasons[j] = "credit"  # "Business" between "By Ann Lee" and its timestamp
                    prev = j
                    continue
                return
            desk = nxt is not None and reasons[nxt] is None and _desk_line(doc, nxt)
            beside = (prev == first and under_headline) or prev in structural or nxt in structural or desk
            # and the line after it is metadata, boilerplate, the lead or another byline ("Penulis
            # Ann Lee" over "Editor Budi Santoso"), not a subheading's text; a role word under a
            # byline line says it is one ("Editor Budi Santoso" under "Penulis: Ann Lee")
            if not beside or (
                not (prev in structural and role_led(line))
                and nxt is not None
                and reasons[nxt] is None
                and not self._lead_like(lines[nxt])
                and bare_byline(lines[nxt], self.registry) is None
                and not desk
            ):
                return
            structural[j] = found
            reasons[j] = "byline"
            prev = j
            if desk and nxt is not None and bare_byline(lines[nxt], self.registry) is None:
                reasons[nxt] = "credit"  # "Do Example, no Rio": the writer's desk and city, over the stamp
                prev = nxt

    def _lead_like(self, line: str) -> bool:
        return line.count(" ") + 1 >= _LEAD_MIN_WORDS or parse_dateline(line, self.registry) is not None

    def _title(self, doc: _Doc, article: Article) -> None:
        """The headline: the first line left in the body, when it looks like a headline and
        metadata, boilerplate or a datelined paragraph follows it (or the page named it)."""
        first = next((i for i, r in enumerate(doc.reasons) if r is None), None)
        if first is None:
            return
        line = doc.lines[first]
        hinted = article.hints.get("title")
        if isinstance(hinted, str) and hinted.strip() and normalise_line(hinted) == normalise_line(line):
            doc.reasons[first] = "title"
            return
        if not self._spells_url(line, article.url, doc, first):
            if not _headline_shaped(line):
                return
            nxt = next((j for j in range(first + 1, len(doc.lines)) if doc.lines[j]), None)
            if nxt is None:
                return
            if parse_dateline(line, self.registry) is not None and not _source_headline(doc, line, nxt):
                return
            if (
                doc.reasons[nxt] is None
                and not self._opens_story(line, doc.lines[nxt])
                and not self._standfirst(doc, nxt)
            ):
                return
        # Taking this line must not leave another headline-shaped line in first place for a
        # second cleaning to take: the body has to be a fixed point.
        second = next((j for j in range(first + 1, len(doc.lines)) if doc.reasons[j] is None), None)
        if second is not None and _title_like(doc.lines[second]):
            third = next((j for j in range(second + 1, len(doc.lines)) if doc.reasons[j] is None), None)
            if (
                third is not None
                and parse_dateline(doc.lines[second], self.registry) is None
                and self._opens_story(doc.lines[second], doc.lines[third])
            ):
                return
        doc.reasons[first] = "title"

    @staticmethod
    def _spells_url(line: str, url: str | None, doc: _Doc, first: int) -> bool:
        """Is ``line`` the headline that the article's URL spells as its slug
        ("/2024/03/12/rain-floods-the-old-harbour-road/"), in any language and whatever follows it?
        Not when the next line left in the body spells it too (a headline printed twice): a second
        cleaning would take that one."""
        slug = slug_words(url)
        if slug is None or len(line) > _SLUG_TITLE_MAX_CHARS:
            return False
        if line[-1] == "." and line.count(" ") + 1 >= _LEAD_MIN_WORDS:
            return False  # a lead sentence, which may spell the slug as well as its headline does
        if not spells_slug(line, slug):
            return False
        second = next((j for j in range(first + 1, len(doc.lines)) if doc.reasons[j] is None), None)
        return second is None or not spells_slug(doc.lines[second], slug)

    @staticmethod
    def _standfirst(doc: _Doc, i: int) -> bool:
        """Is line ``i`` a standfirst: a sentence of a few words over the byline or timestamp
        ("Warga menunggu perbaikan sejak tahun lalu." over "Oleh Ann Lee")?"""
        line = doc.lines[i]
        words = line.count(" ") + 1
        if words < _STANDFIRST_MIN_WORDS or (line[-1] not in _SENTENCE_END and words < _LEAD_MIN_WORDS):
            return False  # a subtitle of a dozen words may end without a full stop
        after = next((j for j in range(i + 1, len(doc.lines)) if doc.lines[j]), None)
        return after is not None and after in doc.structural

    def _opens_story(self, headline: str, paragraph: str) -> bool:
        """Does ``paragraph`` read as the lead under ``headline``: a datelined paragraph, or a
        long sentence under a short headline?"""
        if parse_dateline(paragraph, self.registry) is not None:
            return True
        head_words = headline.count(" ") + 1
        return (
            head_words <= _HEADLINE_MAX_WORDS
            and paragraph.count(" ") + 1 >= max(_LEAD_MIN_WORDS, 1.5 * head_words)
            and paragraph[-1] in _SENTENCE_END
        )

    def _dateline(self, doc: _Doc, domain: str | None) -> tuple[int, Dateline] | None:
        """The dateline of the first body paragraph, if stripping it keeps the result a fixed point.
        A dateline that names an outlet or agency ("EXAMPLE.COM, KOTA - ") marks the lead even a
        few lines down, under head lines no layer removed (a caption, share buttons); so does one
        that opens with its city in capitals under head lines that end no sentence."""
        found: Dateline | None = None
        first = -1
        headed = True  # no line so far ends a sentence: none of them is the lead
        for rank, i in enumerate(i for i, r in enumerate(doc.reasons) if r is None):
            if rank >= _DATELINE_SEARCH:
                break
            line = doc.lines[i]
            under_head = headed
            headed = headed and line[-1] not in _SENTENCE_END
            if rank > 0 and not any(sep in line[:_DATELINE_SPAN] for sep in _NAMED_DATELINE_ENDS):
                continue  # a cheap gate: a dateline further down ends with a dash or a colon
            candidate = parse_dateline(line, self.registry, domain)
            if candidate is None or not (
                rank == 0 or self._strong(candidate) or (under_head and self._capital_city(candidate, line))
            ):
                continue
            if found is not None:
                # A second named dateline in reach: with the first one stripped, cleaning the body
                # again would take this one.  Strip neither.
                return None
            found, first = candidate, i
        if found is None:
            return None
        line = doc.lines[first]
        rest = line[len(found.prefix) :].strip()
        if not rest or not (rest[0].isalnum() or _ALNUM.search(rest)):
            return None  # nothing but punctuation would be left: a second cleaning would drop it
        if parse_dateline(rest, self.registry) is not None:
            return None
        # The remainder must be a body line in its own right, or cleaning the body again would
        # remove it (or strip it further).
        if parse_structural(rest, self.registry) is not None or self.rules.classify(rest) is not None:
            return None
        if self.rules.is_header(rest) or self.rules.is_caption_marker(rest):
            return None
        if rest.count(" ") < REPEAT_MAX_WORDS:
            key = normalise_line(rest)
            if any(k == key for j, k in enumerate(doc.keys) if j != first and doc.reasons[j] is None):
                return None
        if self.model is not None and self.model.is_boilerplate(domain, line_hash(rest)):
            return None
        if _title_like(rest):
            # Cleaning the body again must not take the stripped paragraph for a headline.
            nxt = next((j for j in range(first + 1, len(doc.lines)) if doc.reasons[j] is None), None)
            if nxt is not None and parse_dateline(doc.lines[nxt], self.registry) is not None:
                return None
        return first, found

    @staticmethod
    def _capital_city(dateline: Dateline, line: str) -> bool:
        """A dateline that opens with its city in capitals ("KOTA BARU, Region — ") before a lead:
        the agencies' style, which a subheading or a quote does not take."""
        city = dateline.city
        return (
            city is not None
            and len(city) >= _CAPS_CITY_MIN
            and line[: len(city)].isupper()
            and line.count(" ") + 1 >= _LEAD_MIN_WORDS
            and not names_no_place(city)
        )

    @staticmethod
    def _strong(dateline: Dateline) -> bool:
        """A dateline that names its outlet or agency ("EXAMPLE.COM, KOTA - ", "Kota (ANTARA) -")."""
        return dateline.outlet is not None or bool(dateline.marker) or bool(dateline.agency)

    # --- metadata --------------------------------------------------------------------------
    def _fill(
        self, article: Article, doc: _Doc, dateline: tuple[int, Dateline] | None, domain: str | None
    ) -> None:
        reg = self.registry
        body: list[str] = []
        removed: list[Removed] = []
        title: str | None = None
        for i, (line, reason) in enumerate(zip(doc.lines, doc.reasons, strict=True)):
            if reason is None:
                if dateline is not None and i == dateline[0]:
                    line = line[len(dateline[1].prefix) :].strip()
                body.append(line)
            else:
                removed.append(Removed(i + 1, line, reason))
                if reason == "title" and title is None:
                    title = line
        article.body = "\n".join(body)
        article.removed = removed
        article.domain = domain

        structurals = [doc.structural[i] for i in sorted(doc.structural)]
        hints = article.hints
        dl = dateline[1] if dateline else None

        # outlet: explicit > URL (its host first: jatim.tribunnews.com is not tribunnews.com) >
        # dateline marker > byline marker > a promo line naming a known outlet > page's site name >
        # how an unknown outlet names itself in the dateline or a byline ("Jakarta, CNBC Indonesia -")
        # > the URL's domain
        outlet_obj: Outlet | None = None
        given = bool(article.outlet)
        if article.outlet:
            outlet_obj = reg.outlet_by_name(article.outlet)
            if outlet_obj is not None:
                article.outlet = outlet_obj.name
        else:
            outlet_obj = reg.outlet_for_url(article.url, domain)
            if outlet_obj is None and dl is not None:
                outlet_obj = dl.outlet
            if outlet_obj is None:
                outlet_obj = next((s.outlet for s in structurals if s.outlet is not None), None)
            if outlet_obj is None and not isinstance(hints.get("site_name"), str):
                # the site's own promo lines name it: "Follow Berita Okezone di Google News"
                outlet_obj = next(
                    (o for r in removed if r.reason == "promo" and (o := reg.outlet_mentioned(r.text))), None
                )
            if outlet_obj is not None:
                article.outlet = outlet_obj.name
            elif isinstance(hints.get("site_name"), str) and hints["site_name"].strip():
                site = hints["site_name"].strip()
                found = reg.outlet_for_marker(site)
                article.outlet = found.name if found else site
            else:
                # the page names itself ("KONTAN.CO.ID -" -> "Kontan"); else its domain as it is
                # ("nytimes.com"): a name guessed from a domain ("Nytimes") would be wrong as often as not,
                # but one the page writes in its own capitals is the name
                markers = [dl.marker] if dl is not None and dl.marker else []
                markers += [st.marker for st in structurals if st.marker]
                named = next((name for m in markers if (name := outlet_name(m))), None)
                if named is None and domain:
                    place = dl.city if dl is not None else None
                    named = self_name(domain, "\n".join(doc.lines), place)  # "Follow The Example Times"
                article.outlet = named or domain
        if article.domain is None and outlet_obj is not None and outlet_obj.domains:
            article.domain = outlet_obj.domains[0]
        if outlet_obj is not None and not given:
            # a paper of a group on the group's sub-domain names itself in its dateline
            own = _sub_site_name(
                article.url, outlet_obj, dl if dl is not None and dl.outlet is None else None
            )
            if own is not None:
                article.outlet = own
                if dl is not None and dl.marker is None and dl.city == own:
                    dl = replace(dl, city=None, marker=own)

        article.title = title or (hints.get("title") if isinstance(hints.get("title"), str) else None) or None
        article.dateline = dl.city if dl else next((st.city for st in structurals if st.city), None)

        authors: list[str] = []
        agencies: list[str] = []
        for st in structurals:
            for a in st.authors:
                if a.casefold() not in {x.casefold() for x in authors}:
                    authors.append(a)
            for g in st.agencies:
                if g not in agencies:
                    agencies.append(g)
        if dl is not None and dl.agency and dl.agency not in agencies:
            agencies.insert(0, dl.agency)
        if self._agency_cues is not None and article.body:
            for name in self._agency_cues.find(article.body):
                found_ag = reg.agency(name)
                credited = found_ag.name if found_ag is not None else name  # "news agency XYZ reported"
                if credited not in agencies:
                    agencies.append(credited)
        if not authors and isinstance(hints.get("authors"), list):
            # A page often names an agency as its author: that is a credit, not a person.
            for name in (str(a).strip() for a in hints["authors"]):
                hinted_agency = reg.agency(name) if name else None
                if hinted_agency is not None:
                    if hinted_agency.name not in agencies:
                        agencies.append(hinted_agency.name)
                elif name and name not in authors:
                    authors.append(name)
        article.authors = authors
        article.agencies = agencies

        article.published = self._published(article, structurals, body)
        if not article.id:
            article.id = text_id(article.body) if article.body else text_id(article.raw or "")

    @staticmethod
    def _language(article: Article) -> None:
        article.language, article.language_score = detect_language(article.body)
        if not article.language and isinstance(article.hints.get("language"), str):
            article.language = article.hints["language"][:2].lower() or None

    @staticmethod
    def _published(article: Article, structurals: Sequence[Structural], body: Sequence[str]) -> str | None:
        """Publication date: a timestamp or byline line > the page's metadata > the URL > the lead."""
        for st in structurals:
            if st.published:
                return st.published
        hinted = article.hints.get("published")
        if isinstance(hinted, str) and hinted.strip():
            return hinted.strip()[:10]
        from_url = url_date(article.url)
        if from_url is not None:
            return from_url.isoformat()
        if body:
            for found in find_dates(body[0]):
                if found.weekday_named:
                    return found.value.isoformat()
        return None


_SUB_SITE_LABEL_MIN = 4
_NOT_SUB_SITES = frozenset(["www", "news", "berita", "mobile", "amp"])


def _compact(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _sub_site_name(url: str | None, outlet: Outlet, dateline: Dateline | None) -> str | None:
    """The name of a group's paper on its sub-domain of the group's site, where the registry only
    knows the group's domain: as the paper names itself in its dateline ("EXAMPLEPOS.ID - " or
    "EXAMPLE POS - " on examplepos.groupnews.com), else, when the group's sub-domains are its
    papers, as the sub-domain names it ("Examplepos").  A one-word place on a sub-domain
    ("BANDUNG - " on bandung.groupnews.com) stays a place."""
    host = host_of(url)
    if host is None or host in outlet.domains or not any(host.endswith("." + d) for d in outlet.domains):
        return None
    label = host.split(".", 1)[0]
    if len(label) < _SUB_SITE_LABEL_MIN or label in _NOT_SUB_SITES:
        return None
    if dateline is not None and dateline.marker is not None:
        head = dateline.marker.split(".", 1)[0]
        if _compact(head) == label:
            return outlet_name(dateline.marker) if "." in dateline.marker else _display(dateline.marker)
    city = dateline.city if dateline is not None else None
    if city is not None and " " in city and _compact(city) == label:
        return city
    if outlet.papers_on_sub_domains:
        return label.capitalize()
    return None


def _display(name: str) -> str:
    """ "EXAMPLE POS" -> "Example Pos"; a name in its own capitals stays."""
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


@cache
def default_cleaner() -> Cleaner:
    return Cleaner()


def clean(
    text: str,
    url: str | None = None,
    outlet: str | None = None,
    *,
    id: str | None = None,
    model: LineModel | None = None,
    hints: dict[str, Any] | None = None,
) -> Article:
    """Clean and parse one scraped article.

    >>> art = clean("TEMPO.CO, Jakarta - Harga beras naik.\\nBaca juga: Harga gula turun")
    >>> art.outlet, art.dateline, art.body
    ('Tempo', 'Jakarta', 'Harga beras naik.')
    """
    cleaner = default_cleaner() if model is None else Cleaner(model)
    return cleaner.clean(text, url, outlet, id=id, hints=hints)


class CleanStep(Step):
    """Pipeline step: fills each Article from its ``raw`` text."""

    name = "clean"

    def __init__(self, model: LineModel | None = None) -> None:
        self.cleaner = Cleaner(model)

    def process(self, article: Article, stats: Stats) -> Article | None:
        return self.process_batch([article], stats)[0]

    def process_batch(self, articles: Sequence[Article], stats: Stats) -> list[Article | None]:
        self.cleaner.clean_batch(articles)
        stats.incr("clean.docs", len(articles))
        for article in articles:
            for r in article.removed:
                stats.incr(f"removed.{r.reason}")
        return list(articles)
