"""Direct quotes with their speaker, cue and offsets.

Patterns (cue words in ``data/enrich/quotes.toml``):

* after the quote: ``"…," kata X`` / ``"…," ujar X`` / ``"…," X said`` / ``"…," said X``;
* a pronoun cue (``ujarnya``, ``katanya``, ``he said``) goes to the last person named before the
  quote (outside quotes);
* before the quote, in the same sentence: ``X mengatakan, "…"`` or
  ``X … mengatakan … bahwa "…"``: the last person named before the speech verb.

Other languages (``data/enrich/quotes.toml``): the marks „…“, «…», ‹…›, »…« and ‘…’ too; an
auxiliary before the cue and a pronoun joined after it ('« … », a-t-il ajouté', '"…", ha detto
X'); the subject after the verb ('„…“, sagte die Sprecherin X', 'Selon X, « … »'); a quote that
goes on after an attributed one in the same paragraph is the same speaker's.

A quote without a cue (a scare quote, a quoted message) is not reported.  ``text`` is the words
between the quotation marks minus the trailing comma before the attribution; ``start``/``end``
delimit exactly that text in the body.  Speakers are the merged full names of
:mod:`kliping.enrich.entities`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from kliping.article import Entity, Quote
from kliping.resources import load_toml
from kliping.text import word_alternation

# greedy: the closing mark cannot occur inside, so this is the shortest quote (and much faster).
# The marks: "…", “…”, „…“ (German, Dutch), «…» and ‹…› (French, Spanish, Italian, Portuguese: the
# spaces inside French guillemets are no part of the quote), »…« (German books and magazines).
_QUOTE = re.compile(
    r"\"([^\"\n]{2,})\"|“([^”\n]{2,})”|„([^“”\n]{2,})[“”]"
    r"|«\s?([^»\n]{2,}?)\s?»|‹\s?([^›\n]{2,}?)\s?›|»([^«\n]{2,})«"
    # ‘…’ (Dutch, British): an apostrophe inside ("don’t") is followed by a letter, the closing mark not
    r"|‘([^‘’\n]{2,}?(?:’\w[^‘’\n]*?)*)’(?!\w)"
)
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?: [A-ZÀ-ÖØ-Þ][\w'’\-]*){0,4}"
_BASE_LANGUAGES = ("id", "en")
_SENT_END = ".!?\n"


def _alt(words: list[str]) -> str:
    """The words as one alternation, longest first (written as a trie: same matches, faster)."""
    return word_alternation(words)


@dataclass(frozen=True)
class _Cues:
    after: re.Pattern[str]
    after_name_first: re.Pattern[str]
    after_role_name: re.Pattern[str]
    before: re.Pattern[str]
    pronouns: frozenset[str]
    speaker_after_verb: bool
    """The speaker may follow a cue before the quote (verb-second word order, "according to")."""


@cache
def _cues(language: str | None) -> _Cues:
    data = load_toml("enrich/quotes.toml")
    # the document's language first, then Indonesian's and English's: a language guess can be
    # wrong on a short or mixed text ('"…," kata X' in a text taken for English), and their cue
    # words are not words of the others.  Other languages' cues only in their own texts ("so",
    # "dice", "para" are no cues elsewhere).
    langs = ([language] if language in data else []) + [lang for lang in _BASE_LANGUAGES if lang != language]
    after: list[str] = []
    before: list[str] = []
    aux: list[str] = []
    suffix: list[str] = []
    pronouns: set[str] = set()
    for lang in langs:
        after += data[lang]["after"]
        before += data[lang]["before"]
        aux += data[lang].get("aux", [])
        suffix += data[lang].get("suffix", [])
        pronouns.update(data[lang].get("pronouns", []))
    a = _alt(after)
    if aux or suffix:
        # an auxiliary before the verb ("ha detto", "a déclaré"), a pronoun joined after it ("ajoute-t-il")
        pre = rf"(?:(?:{_alt(aux)})\s+)?" if aux else ""
        post = rf"(?:{_alt(suffix)})?" if suffix else ""
        a = rf"{pre}(?:{a}){post}"
    return _Cues(
        # the cue in any case ("Kata", "said"), the name capitalised ("said Mayor John Carter on ...")
        after=re.compile(rf"^\s*,?\s*(?P<cue>(?i:{a})(?i:nya)?)\b(?:\s+(?P<name>{_NAME}))?"),
        after_name_first=re.compile(rf"^\s*,?\s*(?P<name>{_NAME}|he|she|they)\s+(?P<cue>{a})\b"),
        # '"…," PAGASA forecaster Lorenzo Reyes said': a role, then the name, then the cue
        # '"…," Name, the group's secretary-general, told ...': an apposition may hold commas
        after_role_name=re.compile(rf"^\s*,?\s*(?:[\w'’\-]+,?\s+){{1,12}}?(?P<cue>{a})\b"),
        before=re.compile(rf"\b(?P<cue>{_alt(before)})\b", re.IGNORECASE),
        pronouns=frozenset(pronouns),
        speaker_after_verb=language not in _BASE_LANGUAGES and language in data,
    )


class _Speakers:
    """Person mentions of the body in order, with their merged names."""

    def __init__(self, entities: list[Entity]) -> None:
        people = sorted((e for e in entities if e.label == "PERSON" and e.start >= 0), key=lambda e: e.start)
        self.starts = [e.start for e in people]
        self.people = people
        self._by_surface: dict[str, str] | None = None

    @property
    def by_surface(self) -> dict[str, str]:
        """Merged name of each full name and each of its words (the first person that has it)."""
        if self._by_surface is None:
            self._by_surface = {}
            for e in self.people:
                self._by_surface.setdefault(e.text.casefold(), e.text)
                for part in e.text.split():
                    self._by_surface.setdefault(part.casefold(), e.text)
        return self._by_surface

    def at(self, start: int) -> str | None:
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] == start:
            return self.people[i].text
        return None

    def before_comma(self, body: str, start: int) -> str | None:
        """The person mention that starts at ``start`` and is followed by a comma ("Name, ...")."""
        i = bisect.bisect_left(self.starts, start)
        if (
            i < len(self.starts)
            and self.starts[i] == start
            and body[self.people[i].end : self.people[i].end + 1] == ","
        ):
            return self.people[i].text
        return None

    def inside(self, start: int, end: int) -> str | None:
        """The first person mention within ``[start, end)`` ("Mayor John Carter" -> "John Carter")."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.people[i].end <= end:
            return self.people[i].text
        return None

    def resolve(self, name: str) -> str | None:
        """The merged person name a surface name refers to: longest known run of its words."""
        words = name.split()
        by_surface = self.by_surface
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                hit = by_surface.get(" ".join(words[i : i + n]).casefold())
                if hit:
                    return hit
        return None

    def after_comma(self, body: str, lo: int, hi: int) -> str | None:
        """The first person mention within ``[lo, hi)`` that follows a comma ("…, Name"), or a
        comma and a lowercase role of up to three words ("…, il maggiore Name")."""
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.starts) and self.starts[i] < hi:
            s = self.starts[i]
            if body[s - 2 : s] == ", ":
                return self.people[i].text
            comma = body.rfind(", ", lo, s)
            if comma >= 0 and _COMMA_ROLE.fullmatch(body, comma, s):
                return self.people[i].text
            i += 1
        return None

    def only_in(self, lo: int, hi: int, name: str) -> bool:
        """Is every person mention that starts within ``[lo, hi)`` the person ``name``?"""
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.starts) and self.starts[i] < hi:
            if self.people[i].text != name:
                return False
            i += 1
        return True

    def last_in(self, lo: int, hi: int) -> str | None:
        """The last person mention that starts within ``[lo, hi)``."""
        i = bisect.bisect_left(self.starts, hi) - 1
        if i >= 0 and self.starts[i] >= lo:
            return self.people[i].text
        return None

    def last_before(self, pos: int, lo: int = 0, skip: list[tuple[int, int]] | None = None) -> str | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.starts[i] >= lo:
            s = self.starts[i]
            if not skip or not any(a <= s < b for a, b in skip):
                return self.people[i].text
            i -= 1
        return None


_NOT_ROLE = frozenset(
    (
        *("from", "by", "in", "at", "on", "to", "with", "dari", "oleh", "di", "kepada"),
        *("à", "au", "aux", "ao", "aos", "à", "al", "alla", "aan", "tegen", "gegenüber", "zu", "zur"),
    )
)
_COMMA_ROLE = re.compile(r", (?:[a-zß-öø-ÿ][\w'’\-]*['’ ]){1,3}")
_LOWER_WORDS = re.compile(r"(?: [a-zß-öø-ÿ0-9][\w'’\-]*){1,4} ")
_PORTFOLIO = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]* (?:[a-zß-öø-ÿ]{1,4}['’ ]?)?")


def _role_then_name(body: str, at: int, speakers: _Speakers, portfolio_words: bool = False) -> str | None:
    """The person named right after a cue and a lowercase role: '"…," said group chairman Xyz
    Abc' gives Xyz Abc; a capitalised portfolio may end the role ('« … », a déclaré la ministre de
    la Culture Xyz Abc').  Only lowercase words and the portfolio stand between the cue (ending at
    ``at``) and the name: a comma or a full stop ends the look-ahead."""
    words = _LOWER_WORDS.match(body, at)
    if words is None or not _NOT_ROLE.isdisjoint(words.group().split()):
        if portfolio_words:
            # '« … », a confié à l’AFP le propriétaire, Abc Def': where the subject follows the
            # verb, the first person named in the rest of the sentence
            stop = min(_sentence_end(body, at), at + 120)
            return speakers.after_comma(body, at, stop) or speakers.inside(at, stop)
        return None  # '"…," said a report from Abc Def': a source, not a role
    at = words.end()
    found = speakers.at(at)
    for _ in range(3 if portfolio_words else 0):
        if found is not None or (portfolio := _PORTFOLIO.match(body, at)) is None:
            break
        at = portfolio.end()
        found = speakers.at(at)
    if found is None and portfolio_words:
        # '"…", ha explicado el director de operaciones del Abc en la provincia, Xyz Abc, que …':
        # the role ends in the sentence at a comma, the person set off after it speaks
        found = speakers.after_comma(body, words.start(), _sentence_end(body, words.start()))
    return found


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts: after the last of ``.!?`` or a newline before it."""
    return max(text.rfind(c, 0, pos) for c in _SENT_END) + 1


def _name_in_quotes(text: str) -> bool:
    """A short Title Cased text in quotes is a name ("Kelas Saham Cuan"), not words someone said."""
    words = text.split()
    return len(words) <= 5 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _SENT_END) if i >= 0]
    return min(ends) if ends else len(text)


def _paragraph_speaker(
    body: str, start: int, speakers: _Speakers, cues: _Cues, spans: list[tuple[int, int]]
) -> tuple[str | None, str | None]:
    """Speaker and cue of a quote that is a paragraph of its own, from the paragraph before it:
    "He told the BBC:" (the last person named) or "Name menilai ..." (that person)."""
    if start < 2:
        return None, None
    prev_start = body.rfind("\n", 0, start - 1) + 1
    prev = body[prev_start : start - 1].rstrip()
    verbs = list(cues.before.finditer(prev))
    if not verbs:
        return None, None
    verb = verbs[0]
    named = speakers.last_in(prev_start, prev_start + verb.start())
    if prev.endswith(":"):
        return named or speakers.last_before(prev_start, skip=spans), verb.group("cue")
    first = speakers.inside(prev_start, prev_start + verb.start())
    if first is not None and speakers.at(prev_start) is not None:
        return first, verb.group("cue")  # the paragraph's subject
    return None, None


def _sentence_speaker(body: str, end: int, speakers: _Speakers, cues: _Cues) -> tuple[str | None, str | None]:
    """Speaker and cue from the sentence that ends at ``end`` in the same paragraph: its subject
    when a person starts it and a speech verb follows ("Name, an analyst, said Xyz.")."""
    prev_start = _sentence_start(body, end - 1)
    if body.rfind("\n", 0, end) >= prev_start:
        return None, None
    while prev_start < end and body[prev_start] == " ":
        prev_start += 1
    verb = cues.before.search(body, prev_start, end)
    if verb is None:
        return None, None
    first = speakers.at(prev_start)
    if first is None or speakers.inside(prev_start, verb.start()) != first:
        return None, None
    return first, verb.group("cue")


def find_quotes(body: str, entities: list[Entity], language: str | None) -> list[Quote]:
    cues = _cues(language)
    speakers = _Speakers(entities)
    matches = list(_QUOTE.finditer(body))
    spans = [m.span() for m in matches]
    out: list[Quote] = []
    for m in matches:
        g = m.lastindex or 1
        qs, qe = m.start(g), m.end(g)
        inner = body[qs:qe]
        stripped = inner.rstrip()
        if stripped.endswith(","):
            stripped = stripped[:-1].rstrip()
        text_end = qs + len(stripped)
        tail = body[m.end() : m.end() + 120]  # room for a long role before the name and the cue
        speaker: str | None = None
        cue: str | None = None
        attributed = inner.rstrip().endswith((",", "?", "!")) or tail.lstrip().startswith(",")
        hit = cues.after.match(tail) or cues.after_name_first.match(tail) if attributed else None
        if hit:
            cue = hit.group("cue")
            name = hit.groupdict().get("name")
            if name and name.casefold() not in cues.pronouns:
                at = m.end() + hit.start("name")
                speaker = speakers.inside(at, at + len(name)) or speakers.resolve(name)
                if speaker is None:
                    # "kata Wakil Menteri ... Nama Orang dalam ...": the person named after the role
                    stop = _sentence_end(body, at)
                    speaker = speakers.inside(at, min(stop, at + 160)) or name
            else:
                speaker = _role_then_name(
                    body, m.end() + hit.end(), speakers, cues.speaker_after_verb
                ) or speakers.last_before(m.start(), skip=spans)
        if cue is None and attributed and (role := cues.after_role_name.match(tail)) is not None:
            # '"…," Name, a role, said': the name right after the quote, set off by a comma;
            # else '"…," a role Name said': the last name before the cue
            first_word = m.end() + len(tail) - len(tail.lstrip(" ,"))
            speaker = speakers.before_comma(body, first_word) or speakers.last_in(
                m.end(), m.end() + role.start("cue")
            )
            if speaker is not None:
                cue = role.group("cue")
        if (
            cue is None
            and (m.start() == 0 or body[m.start() - 1] == "\n")
            and body[m.end() : m.end() + 1] in ("", "\n")
        ):
            speaker, cue = _paragraph_speaker(body, m.start(), speakers, cues, spans)
        if cue is None and not hit and not _name_in_quotes(stripped):
            ss = _sentence_start(body, m.start())
            before = body[ss : m.start()]
            verbs = list(cues.before.finditer(before))
            if verbs:
                v = verbs[-1]
                cue = v.group("cue")
                speaker = speakers.last_before(ss + v.start(), lo=ss, skip=spans)
                if speaker is None and before[: v.start()].strip().casefold() in cues.pronouns:
                    speaker = speakers.last_before(ss, skip=spans)  # 'Ia mengatakan, "..."'
                if speaker is None and cues.speaker_after_verb:
                    # 'Selon Xyz Abc, « … »', 'Dazu sagte Xyz Abc: „…“': the person after the cue
                    speaker = speakers.inside(ss + v.end(), m.start())
                if speaker is None:
                    cue = None
            elif ss > 0 and body[m.end() : m.end() + 1] in ("", "\n") and body[ss - 1] in ".!?":
                # 'Name, an analyst, said X. "..."': the quote ends the paragraph after a sentence
                # whose subject is a person and whose verb is a speech verb
                speaker, cue = _sentence_speaker(body, ss, speakers, cues)
        if cue is None and out and cues.speaker_after_verb:
            # '‘…’, zegt Abc Def. ‘…’': a quote going on after an attributed one in the same
            # paragraph, with no one else named between them, is the same speaker's
            prev = out[-1]
            if (
                prev.speaker
                and m.start() - prev.end <= 160
                and body.find("\n", prev.end, m.start()) < 0
                and speakers.only_in(prev.end, m.start(), prev.speaker)
            ):
                speaker, cue = prev.speaker, prev.cue
        if cue is None:
            continue
        out.append(Quote(speaker, stripped, cue, qs, text_end))
    return out
