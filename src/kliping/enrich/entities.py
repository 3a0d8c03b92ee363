"""PERSON, ORG and PLACE names in an article's body, by rules, offline.

No model: capitalised word runs ("chunks") are cut and labelled by

* language data (``data/enrich/entities.toml``): titles and ranks that precede a name, words that
  start or end an organisation or a place name, administrative prefixes to drop, cue words;
* gazetteers from packages (:mod:`kliping.enrich.gazetteer`);
* context: apposition (``Kepala Dinas X, Nama Orang, mengatakan``), a speech verb after the name,
  an age in brackets, the cue before a place (``di lembah Colca``), acronyms in brackets after an
  organisation's full name, list items sharing the label of their neighbours;
* the whole document: a short mention ("Vrublevskiy", "Kemenkes", "BPBD Lumajang") is merged
  into the fullest name it refers to (the surname or first name of a person, the acronym or
  syllabic abbreviation of an organisation).

Offsets: every entity with ``start >= 0`` has ``body[start:end]`` equal to the words of the
mention as written; ``text`` is the merged (fullest) name, so it may differ from the mention.
Names the article carries outside its body are kept with ``start == end == -1`` (the convention
of :class:`kliping.article.DateMention`): the dateline city (``article.dateline``) as a PLACE,
and names that occur only in the title.  Offsets are therefore always truthful.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from kliping.article import Entity, EntityLabel
from kliping.enrich.gazetteer import places
from kliping.resources import load_toml

PERSON: Final = "PERSON"
ORG: Final = "ORG"
PLACE: Final = "PLACE"

_UPPER = "A-ZÀ-ÖØ-Þ"
_SENT_END = frozenset('.!?"“”:;\n')
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z]*$")  # PPh, BPJS-style with lower letters
_POSSESSIVE = re.compile(r"['’]s$")
_ROMAN = re.compile(r"^[IVXLC]+(?:-[IVXLC]+)?$")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
_DEFINED_TERM = re.compile(r"\s*\([A-Z][A-Za-z]{1,11}\)")


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language (plus the common lists), case-folded."""

    titles: frozenset[str]
    org_nouns: frozenset[str]
    org_heads: Phrases
    org_head_prefixes: tuple[str, ...]
    org_tails: frozenset[str]
    place_heads: Phrases
    place_tails: frozenset[str]
    place_strip: Phrases
    place_cues: frozenset[str]
    place_cues_after: frozenset[str]
    person_verbs: frozenset[str]
    common_starts: frozenset[str]
    connectors: frozenset[str]
    generic_acronyms: frozenset[str]
    non_name_tokens: frozenset[str]
    non_entities: frozenset[str]
    event_heads: Phrases
    compass_before: frozenset[str]
    compass_after: Phrases
    compass_after_list: tuple[tuple[str, ...], ...]
    chunk: re.Pattern[str]
    token: re.Pattern[str]
    item: re.Pattern[str]
    short_ref: re.Pattern[str]


Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _phrases(words: Iterable[str]) -> Phrases:
    """Multi-word phrases as token tuples indexed by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in {tuple(w.casefold().split()) for w in words}:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _calendar_words() -> tuple[str, ...]:
    data = load_toml("dates.toml")
    words: set[str] = set()
    for key in ("months", "weekdays"):
        for table in data[key].values():
            words.update(w for w in table if len(w) > 3)
    return tuple(words)


@cache
def _dictionary() -> frozenset[str]:
    """Indonesian root words (PySastrawi's dictionary), to tell a sentence's first word from a name."""
    try:
        from importlib import resources

        text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text("utf-8")
    except (ImportError, FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - declared dependency
        return frozenset()
    return frozenset(w.strip() for w in text.split() if w.strip())


@cache
def _stopwords() -> frozenset[str]:
    """Indonesian function words (PySastrawi's stop-word list): never a name at a sentence start."""
    try:
        from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
    except ImportError:  # pragma: no cover - declared dependency
        return frozenset()
    return frozenset(StopWordRemoverFactory().get_stop_words())


@cache
def lexicon(language: str | None) -> Lexicon:
    data = load_toml("enrich/entities.toml")
    common = data["common"]
    langs = [language] if language in data and language != "common" else [k for k in data if k != "common"]

    def words(key: str) -> list[str]:
        out: list[str] = list(common.get(key, []))
        for lang in langs:
            out.extend(data[lang].get(key, []))
        return out

    def fold(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in words(key))

    calendar = _alt(_calendar_words())
    tok = rf"(?<![\w])(?!(?:{calendar})\b)[{_UPPER}][^\W\d_]*(?:[’'\-][^\W_]+)*(?![\w$])"
    conn = _alt(words("connectors"))
    item = rf"{tok}(?:[ ](?:(?:{conn})[ ])*{tok})*"
    join = _alt(words("list_joiners"))
    chunk = rf"{item}(?:(?:,[ ]{item})*,?[ ](?:{join})[ ]{item}|/{item})?"
    flags = re.IGNORECASE
    verbs = _alt(words("person_verbs"))
    short_ref = (
        rf"(?:\b(?:kata|ujar|tutur|ucap|jelas|tegas|imbuh|terang|ungkap|sebut|menurut|said|says|according to)"
        rf"[ ](?P<a>{tok})(?![ ][{_UPPER}]))|(?:(?P<b>{tok})[ ](?:{verbs})\b)"
    )
    return Lexicon(
        titles=fold("titles"),
        org_nouns=fold("org_nouns"),
        org_heads=_phrases(words("org_heads")),
        org_head_prefixes=tuple(w.casefold() for w in words("org_head_prefixes")),
        org_tails=fold("org_tails"),
        place_heads=_phrases(words("place_heads")),
        place_tails=fold("place_tails"),
        place_strip=_phrases(words("place_strip")),
        place_cues=fold("place_cues"),
        place_cues_after=fold("place_cues_after"),
        person_verbs=fold("person_verbs"),
        common_starts=fold("common_starts"),
        connectors=fold("connectors"),
        generic_acronyms=frozenset(w.upper() for w in words("generic_acronyms")),
        non_name_tokens=fold("non_name_tokens"),
        non_entities=fold("non_entities"),
        event_heads=_phrases(words("event_heads")),
        compass_before=fold("compass_before"),
        compass_after=_phrases(words("compass_after")),
        compass_after_list=tuple(tuple(w.casefold().split()) for w in words("compass_after")),
        chunk=re.compile(chunk),
        token=re.compile(rf"{tok}|(?:{conn})\b", flags),
        item=re.compile(item),
        short_ref=re.compile(short_ref),
    )


# --------------------------------------------------------------------------------------------
# Mentions


@dataclass
class Mention:
    """A candidate name in the body: words ``start:end``, a label (or None), how sure we are."""

    text: str
    start: int
    end: int
    label: str | None
    strength: int
    """3 cue-backed (apposition, speech verb, head word), 2 gazetteer/structure, 1 guess, 0 unknown."""
    canonical: str = ""


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    fold: str
    is_conn: bool
    after_hyphen: bool = False


@dataclass
class _Doc:
    text: str
    lex: Lexicon
    gaz: frozenset[str]
    short_refs: set[str]
    known_orgs: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)
    """acronym (folded) -> full organisation name, from ``Full Name (ACR)``."""
    non_entity_acronyms: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


def _prefix_len(toks: list[_Tok], k: int, phrases: Phrases) -> int:
    if k >= len(toks):
        return 0
    for phrase in phrases.get(toks[k].fold, ()):
        n = len(phrase)
        if k + n <= len(toks) and all(toks[k + i].fold == phrase[i] for i in range(n)):
            return n
    return 0


def _is_acronym(tok: _Tok, lex: Lexicon) -> bool:
    t = tok.text
    return (
        bool(_ACRONYM.match(t) or _MIXED_ACRONYM.match(t))
        and t.upper() not in lex.generic_acronyms
        and not _ROMAN.match(t)
    )


def _is_place(words: str, doc: _Doc) -> bool:
    f = words.casefold()
    if f in doc.gaz:
        return True
    parts = f.split()
    if len(parts) >= 2:
        if parts[0] in doc.lex.compass_before and " ".join(parts[1:]) in doc.gaz:
            return True
        for phrase in doc.lex.compass_after_list:
            n = len(phrase)
            if len(parts) > n and tuple(parts[-n:]) == phrase and " ".join(parts[:-n]) in doc.gaz:
                return True
    return False


def _left_word(text: str, start: int) -> str:
    """The lowercase word just before ``start`` (skipping one space), else ''."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalpha() or text[j] == "-"):
        j -= 1
    return text[j + 1 : i + 1]


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " “\"‘'(":
        i -= 1
    return i < 0 or text[i] in _SENT_END


def _used_mid_sentence(text: str, word: str) -> bool:
    return re.search(rf"(?<=[a-z,] ){re.escape(word)}\b", text) is not None


def _right(text: str, end: int, n: int = 40) -> str:
    return text[end : end + n]


class _Chunker:
    """Cuts one capitalised run into labelled mentions."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.lex = doc.lex
        self._tokens: dict[tuple[int, int], list[_Tok]] = {}

    def tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens of ``text[start:end]`` (a fresh list; spans are tokenised once per document)."""
        key = (start, end)
        if key not in self._tokens:
            self._tokens[key] = self._tokenize(start, end)
        return list(self._tokens[key])

    def _tokenize(self, start: int, end: int) -> list[_Tok]:
        out = []
        for m in self.lex.token.finditer(self.doc.text, start, end):
            t = m.group()
            is_conn = not t[0].isupper()
            s, e = m.start(), m.end()
            pm = _POSSESSIVE.search(t)
            if pm and not is_conn:
                t = t[: pm.start()]
                e = s + len(t)
            # "TNI-Polri": two acronym-led names joined by a hyphen
            if "-" in t and not is_conn:
                left, _, right = t.partition("-")
                if len(left) >= 2 and left.isupper() and right[:1].isupper() and len(right) >= 3:
                    out.append(_Tok(left, s, s + len(left), left.casefold(), False))
                    s2 = s + len(left) + 1
                    out.append(_Tok(right, s2, e, right.casefold(), False, True))
                    continue
            out.append(_Tok(t, s, e, t.casefold(), is_conn))
        # connectors may not start or end a name
        while out and out[0].is_conn:
            out.pop(0)
        while out and out[-1].is_conn:
            out.pop()
        return out

    def run(
        self, start: int, end: int, *, sentence_initial: bool, left: str, right: str, appos_org: bool = False
    ) -> None:
        toks = self.tokens(start, end)
        lex = self.lex
        if not toks:
            return
        i = 0
        if sentence_initial and self._common_start(toks[0]):
            i = 1
            while i < len(toks) and toks[i].is_conn:
                i += 1
            left = toks[0].fold
        # titles and roles before the name
        j = i
        while j < len(toks) and (toks[j].fold in lex.titles or (toks[j].is_conn and j > i)):
            if _prefix_len(toks, j, lex.org_heads) and j > i:
                break
            j += 1
        had_title = j > i
        while j < len(toks) and toks[j].is_conn:
            j += 1
        if j >= len(toks):
            return
        if _prefix_len(toks, j, lex.event_heads):
            return
        self.segments(
            toks[j:], had_title=had_title, left=left if j == i else "", right=right, appos_org=appos_org
        )

    def _common_start(self, tok: _Tok) -> bool:
        lex = self.lex
        if tok.fold in lex.common_starts or tok.fold in _stopwords():
            return True
        if _prefix_len([tok], 0, lex.org_heads) or _prefix_len([tok], 0, lex.place_heads):
            return False
        if tok.fold in self.doc.short_refs or _is_acronym(tok, lex):
            return False
        if tok.fold in _dictionary() or tok.fold in lex.titles:
            # a dictionary word that is also a place ("Malang") is a name when the text uses it so elsewhere
            return not (tok.fold in self.doc.gaz and _used_mid_sentence(self.doc.text, tok.text))
        return False

    def _org_start(self, toks: list[_Tok], k: int) -> int:
        """Length of the organisation head at ``k`` (0 when none): a head phrase, an acronym, an
        abbreviation of an organisation named elsewhere in the article."""
        lex = self.lex
        h = _prefix_len(toks, k, lex.org_heads)
        if h:
            return 0 if _prefix_len(toks, k, lex.place_heads) > h else h
        t = toks[k]
        if t.is_conn:
            return 0
        if len(t.fold) > 5 and t.fold.startswith(lex.org_head_prefixes):
            return 1
        if _is_acronym(t, lex) and t.fold not in self.doc.gaz and t.fold not in self.doc.non_entity_acronyms:
            return 1
        if t.fold in self.doc.aliases:
            return 1
        if self._abbreviation_like(t) and any(
            _abbreviates(t.text, o) for o in self.doc.known_orgs if " " in o
        ):
            return 1
        return 0

    def _abbreviation_like(self, t: _Tok) -> bool:
        f = t.fold
        return (
            len(f) >= 4
            and f not in self.doc.gaz
            and f not in self.doc.short_refs
            and f not in _dictionary()
            and f not in self.lex.titles
        )

    def _place_start(self, toks: list[_Tok], k: int) -> tuple[int, int]:
        """(head length kept, prefix length dropped) of a place name starting at ``k``."""
        ph = _prefix_len(toks, k, self.lex.place_heads)
        if ph:
            return ph, 0
        return 0, _prefix_len(toks, k, self.lex.place_strip)

    def _gaz_len(self, toks: list[_Tok], k: int) -> int:
        """Longest place name of the gazetteer starting at ``k`` (two words or more)."""
        for n in (4, 3, 2):
            if (
                k + n <= len(toks)
                and not any(t.is_conn or t.after_hyphen for t in toks[k + 1 : k + n])
                and _is_place(self._words(toks, k, k + n), self.doc)
            ):
                return n
        return 0

    def segments(self, toks: list[_Tok], *, had_title: bool, left: str, right: str, appos_org: bool) -> None:
        lex, doc = self.lex, self.doc
        k = 0
        n = len(toks)
        pending: list[tuple[int, int]] = []  # plain runs, labelled at the end
        while k < n:
            g = self._gaz_len(toks, k)
            if g and not self._tail_ahead(toks, k + g):
                self._emit(toks, k, k + g, PLACE, 2)
                k += g
                continue
            h = self._org_start(toks, k)
            if h:
                acronym_led = h == 1 and not _prefix_len(toks, k, lex.org_heads)
                end = self._org_end(toks, k, h, acronym_led=acronym_led)
                person = self._person_split(toks, k + h, end, whole=False)
                org_end = person[0] if person else end
                if had_title:
                    pending.clear()  # the words before the organisation belong to the role
                self._emit_org(toks, k, org_end)
                if person:
                    self._emit(toks, person[0], person[1], PERSON, 3)
                    end = person[1]
                k = end
                continue
            ph, ps = self._place_start(toks, k)
            if ph or ps:
                end = self._plain_end(toks, k + ph + ps)
                if end > k + ph + ps:
                    person = self._person_split(toks, k + ph + ps, end, whole=False)
                    pend = person[0] if person else end
                    self._emit(toks, k + ps, pend, PLACE, 3)
                    if person:
                        self._emit(toks, person[0], person[1], PERSON, 3)
                        pend = person[1]
                    k = pend
                    continue
            # a run of plain words up to the next head, or through an organisation/place tail
            end = k
            tail_label = None
            while end < n:
                f = toks[end].fold
                if end > k and f in lex.org_tails:
                    tail_label = ORG
                    end += 1
                    break
                if end > k and f in lex.place_tails:
                    tail_label = PLACE
                    end += 1
                    break
                if end > k and (
                    toks[end].after_hyphen or self._org_start(toks, end) or any(self._place_start(toks, end))
                ):
                    break
                end += 1
            if tail_label:
                if had_title:
                    pending.clear()
                self._emit(toks, k, end, tail_label, 3)
                k = end
                continue
            person = self._person_split(toks, k, end, whole=not had_title)
            if person:
                if person[0] > k and _is_place(self._words(toks, k, person[0]), doc):
                    self._emit(toks, k, person[0], PLACE, 2)
                pending.clear()
                self._emit(toks, person[0], person[1], PERSON, 3)
                k = person[1]
                continue
            pending.append((k, end))
            k = end
        for a, b in pending:
            self._plain(
                toks,
                a,
                b,
                had_title=had_title,
                left=left if a == 0 else "",
                right=right if b == n else "",
                whole=(a == 0 and b == n),
                appos_org=appos_org,
            )

    def _tail_ahead(self, toks: list[_Tok], k: int) -> bool:
        """Does an organisation tail end the plain words from ``k`` ("... Disaster Mitigation Agency")?"""
        for t in toks[k:]:
            if t.fold in self.lex.org_tails:
                return True
            if t.is_conn or _prefix_len([t], 0, self.lex.org_heads):
                return False
        return False

    def _words(self, toks: list[_Tok], a: int, b: int) -> str:
        return self.doc.text[toks[a].start : toks[b - 1].end]

    def _org_end(self, toks: list[_Tok], k: int, h: int, *, acronym_led: bool) -> int:
        """Where an organisation that starts at ``k`` ends."""
        lex = self.lex
        end = k + h
        if acronym_led:
            # "PP PBSI", "BPBD Kabupaten Pangandaran", "PSIS Semarang", "Arema FC"
            while end < len(toks) and not toks[end].after_hyphen:
                if _is_acronym(toks[end], lex) or toks[end].fold in lex.org_tails:
                    end += 1
                    continue
                ps = _prefix_len(toks, end, lex.place_strip)
                g = self._gaz_len(toks, end + ps) or (
                    1 if end + ps < len(toks) and toks[end + ps].fold in self.doc.gaz else 0
                )
                if ps and not g and end + ps < len(toks) and self._name_word(toks[end + ps]):
                    g = len(toks) - end - ps
                if g and end + ps + g == len(toks):
                    end = end + ps + g
                break
            return end
        while end < len(toks):
            if toks[end].after_hyphen or _prefix_len(toks, end, lex.event_heads):
                break
            if _prefix_len(toks, end, lex.org_heads) and not _prefix_len(toks, end, lex.place_strip):
                break
            end += 1
        # a known shorter organisation that is a prefix of this run ends it there
        for m in range(k + h, end):
            if self._words(toks, k, m).casefold() in self.doc.known_orgs:
                return m
        return end

    def _plain_end(self, toks: list[_Tok], k: int) -> int:
        end = k
        while end < len(toks) and not toks[end].after_hyphen and not self._org_start(toks, end):
            end += 1
        return end

    def _person_split(self, toks: list[_Tok], a: int, b: int, *, whole: bool) -> tuple[int, int] | None:
        """A person's name inside ``toks[a:b]``, located by a short mention used elsewhere.

        ``whole``: the run is not preceded by a role, so a first name found in it extends back over
        the name words before it ("Muhammad Arif ...").
        """
        refs = self.doc.short_refs
        for m in range(a, b):
            if toks[m].fold not in refs or toks[m].is_conn:
                continue
            if m == b - 1:  # a surname: walk back over plain name words
                s = m
                while s - 1 >= a and m - (s - 1) < 4 and self._name_word(toks[s - 1]):
                    s -= 1
                if s < m:
                    return s, b
                continue
            # the referenced word itself is a name even when a gazetteer lists it ("kata Lim")
            if all(self._name_word(t) or j == m for j, t in enumerate(toks[m:b], m)) and b - m <= 5:
                s = m
                if whole:
                    while s - 1 >= a and self._name_word(toks[s - 1]):
                        s -= 1
                return s, b
        return None

    def _name_word(self, tok: _Tok) -> bool:
        lex = self.lex
        f = tok.fold
        return not (
            tok.is_conn
            or len(f) < 2
            or f in self.doc.gaz
            or f in lex.org_tails
            or f in lex.non_name_tokens
            or _ROMAN.match(tok.text)
            or _is_acronym(tok, lex)
            or _prefix_len([tok], 0, lex.org_heads)
            or _prefix_len([tok], 0, lex.place_heads)
            or _prefix_len([tok], 0, lex.place_strip)
        )

    def _emit(self, toks: list[_Tok], a: int, b: int, label: str | None, strength: int) -> None:
        if a >= b:
            return
        s, e = toks[a].start, toks[b - 1].end
        text = self.doc.text[s:e]
        if text.casefold() in self.lex.non_entities:
            return
        self.doc.mentions.append(Mention(text, s, e, label, strength))

    def _emit_org(self, toks: list[_Tok], a: int, b: int) -> None:
        lex, doc = self.lex, self.doc
        words = self._words(toks, a, b)
        h = _prefix_len(toks, a, lex.org_heads)
        rest = self._words(toks, a + h, b) if a + h < b else ""
        if h and not rest:
            return  # a head word alone ("Tim", "Badan") is no name
        if h and rest and _is_place(rest, doc) and toks[a].fold in ("pemerintah", "government", "tim"):
            self._emit(toks, a + h, b, PLACE, 2)  # "Pemerintah Singapura": the country, not a body
            return
        doc.known_orgs.add(words.casefold())
        self._emit(toks, a, b, ORG, 3)

    def _plain(
        self,
        toks: list[_Tok],
        a: int,
        b: int,
        *,
        had_title: bool,
        left: str,
        right: str,
        whole: bool,
        appos_org: bool,
    ) -> None:
        lex, doc = self.lex, self.doc
        words = self._words(toks, a, b)
        folded = words.casefold()
        if folded in lex.non_entities or all(t.fold in lex.non_name_tokens for t in toks[a:b]):
            return
        if _DEFINED_TERM.match(right):
            return  # "Nomor Pokok Wajib Pajak (NPWP)": a defined term, not a name
        lw = left.casefold()
        rw = right.lstrip(" ,").split(" ", 1)[0].casefold().strip(".,;:")
        age = bool(_AGE.match(right))
        verb_cue = age or rw in lex.person_verbs
        person_cue = verb_cue or (whole and right.startswith(",") and had_title)
        if _is_place(words, doc):
            self._emit(toks, a, b, PLACE, 2)
            return
        if appos_org or lw in lex.org_nouns:
            self._emit(toks, a, b, ORG, 3 if appos_org else 2)
            return
        if b - a >= 2 and verb_cue:
            self._emit(toks, a, b, PERSON, 3)
            return
        if rw in lex.place_cues_after:
            self._emit(toks, a, b, PLACE, 3)
            return
        if (
            had_title
            and b - a >= 2
            and toks[b - 1].fold not in doc.gaz
            and all(not t.is_conn and not _is_acronym(t, lex) for t in toks[a:b])
        ):
            self._emit(toks, a, b, PERSON, 2)  # "Presiden Vladimir Putin"
            return
        if any(t.fold in doc.gaz for t in toks[a:b]) and b - a > 1:
            if lw in lex.place_cues:
                self._emit(toks, a, b, PLACE, 1)
            return
        if b - a >= 2 and all(self._name_word(t) for t in toks[a:b]):
            if lw in lex.place_cues and not had_title:
                self._emit(toks, a, b, PLACE, 1)
            else:
                self._emit(toks, a, b, PERSON, 3 if had_title else 1)
            return
        if b - a == 1:
            t = toks[a]
            if had_title and not person_cue:
                return  # a role's last word ("Direktur Utama"), or a bare name after a title: unsure
            if lw in lex.place_cues and not person_cue:
                self._emit(toks, a, b, PLACE, 1)
            elif person_cue:
                self._emit(toks, a, b, PERSON, 2)
            elif self._name_word(t):
                self._emit(toks, a, b, None, 0)


# --------------------------------------------------------------------------------------------
# Document level


_PAREN_ACR = re.compile(r"\(([A-Z][A-Za-z0-9&\-]{1,11})\)")


def _apposition_org(text: str, start: int, end: int, nouns: frozenset[str]) -> bool:
    """``..., perusahaan rintisan asal Bandung, Nama,``: a name set off by commas after an org noun."""
    if text[start - 2 : start] != ", " or text[end : end + 1] != ",":
        return False
    i = start - 2
    j = i
    while j > 0 and text[j - 1] not in ',.;:\n"“”':
        j -= 1
    clause = text[j:i].casefold().split()
    return any(w in nouns for w in clause)


def _abbreviates(short: str, full: str) -> bool:
    """True when ``short`` reads as an abbreviation of ``full``: "BMKG", "Kemenkes", "Pelindo"."""
    s = short.casefold().replace("-", "")
    words = [
        w
        for w in re.split(r"[\s,\-]+", full.casefold())
        if w and w not in ("pt", "dan", "and", "of", "the", "tbk", "persero")
    ]
    if len(s) < 2 or not words or s[0] != words[0][0]:
        return False
    if short.isupper() and len(s) == len(words) and all(w[0] == c for w, c in zip(words, s, strict=True)):
        return True
    if len(words) < 2:
        return False
    joined = "".join(words)
    second_start = len(words[0])
    pos = 0
    hit = -1
    for c in s:
        hit = joined.find(c, pos)
        if hit < 0:
            return False
        pos = hit + 1
    return hit >= second_start


_LONE_CAP = re.compile(r"(?<=[a-z] )([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,})(?=[,.;]| [a-z])")


def _collect_short_refs(text: str, lex: Lexicon) -> set[str]:
    out = set()
    gaz = places()
    for m in _LONE_CAP.finditer(text):
        f = m.group(1).casefold()
        # a lone capitalised word right before a comma that follows a lowercase word ("nada Zakharova,")
        if (
            f not in gaz
            and f not in _dictionary()
            and f not in lex.titles
            and text[m.end() : m.end() + 1] == ","
        ):
            out.add(f)
    for m in lex.short_ref.finditer(text):
        name = m.group("a") or m.group("b")
        if m.group("b") and _left_word(text, m.start())[:1].isupper():
            continue  # the last word of a longer name
        f = name.casefold()
        if f in lex.common_starts or f in lex.titles or _ACRONYM.match(name):
            continue
        out.add(f)
    return out


def find_mentions(text: str, language: str | None) -> list[Mention]:
    """Candidate mentions in ``text`` with their labels before the document-level merge."""
    lex = lexicon(language)
    doc = _Doc(text, lex, places(), _collect_short_refs(text, lex))
    # "Full Name (ACR)": ACR is an alias of the name; a lowercase expansion makes ACR no name
    for m in _PAREN_ACR.finditer(text):
        acr = m.group(1)
        before = text[max(0, m.start() - 120) : m.start()].rstrip()
        words = before.split()
        if words and not words[-1][:1].isupper():
            doc.non_entity_acronyms.add(acr.casefold())
    chunker = _Chunker(doc)
    # pre-pass: organisation names (so that "PT X Nama Orang" can be split at a known "PT X")
    matches = list(lex.chunk.finditer(text))
    for m in matches:
        spans = [(it.start(), it.end()) for it in lex.item.finditer(text, m.start(), m.end())]
        if len(spans) > 1 and _join_as_one(text, spans, lex):
            spans = [(m.start(), m.end())]
        for s0, e0 in spans:
            toks = chunker.tokens(s0, e0)
            if toks and chunker._org_start(toks, 0) and not _prefix_len(toks, 0, lex.place_heads):
                doc.known_orgs.add(text[toks[0].start : toks[-1].end].casefold())
    for m in matches:
        start, end = m.start(), m.end()
        items = [(it.start(), it.end()) for it in lex.item.finditer(text, start, end)]
        sent0 = _sentence_initial(text, start)
        left = _left_word(text, start)
        right = _right(text, end)
        if len(items) > 1 and _join_as_one(text, items, lex):
            items = [(start, end)]
        first = len(doc.mentions)
        for n, (s, e) in enumerate(items):
            chunker.run(
                s,
                e,
                sentence_initial=sent0 and n == 0,
                left=left if n == 0 else "",
                right=right if n == len(items) - 1 else text[e : e + 40],
                appos_org=len(items) == 1 and _apposition_org(text, start, end, lex.org_nouns),
            )
        if len(items) > 1:
            _share_list_label(doc.mentions[first:])
    # aliases: "Full Name (ACR)"
    for m in _PAREN_ACR.finditer(text):
        acr = m.group(1)
        for mention in doc.mentions:
            if mention.end <= m.start() and m.start() - mention.end <= 2 and mention.label == ORG:
                doc.aliases[acr.casefold()] = mention.text
    return _resolve(doc)


def _join_as_one(text: str, items: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Is "A, B dan C" one organisation name ("Badan Meteorologi, Klimatologi, dan Geofisika")?"""
    firsts = [text[s:e] for s, e in items]
    toks0 = firsts[0].split()
    head = bool(_prefix_len([_Tok(w, 0, 0, w.casefold(), False) for w in toks0], 0, lex.org_heads))
    later_heads = any(
        _prefix_len([_Tok(w, 0, 0, w.casefold(), False) for w in f.split()], 0, lex.org_heads)
        for f in firsts[1:]
    )
    if head and not later_heads:
        return True
    last = firsts[-1].split()[-1].casefold()
    others_tail = any(f.split()[-1].casefold() in lex.org_tails for f in firsts[:-1])
    return last in lex.org_tails and not others_tail and not head


def _share_list_label(mentions: list[Mention]) -> None:
    labels = {m.label for m in mentions if m.label and m.strength >= 2}
    if len(labels) == 1:
        label = labels.pop()
        for m in mentions:
            if m.label is None or (m.strength < 2 and m.label != label):
                m.label, m.strength = label, 2


def _resolve(doc: _Doc) -> list[Mention]:
    """Merge short mentions into full names and settle one label per name."""
    lex = doc.lex
    mentions = [m for m in doc.mentions if m.text.casefold() not in doc.non_entity_acronyms]
    persons = [m.text for m in mentions if m.label == PERSON and " " in m.text]
    orgs = [m.text for m in mentions if m.label == ORG]
    headed_places = [
        m.text
        for m in mentions
        if m.label == PLACE and " " in m.text and _prefix_len(_toks_of(m.text), 0, lex.place_heads)
    ]
    by_label: dict[str, tuple[str, int]] = {}
    for m in mentions:
        f = m.text.casefold()
        if m.label and (f not in by_label or by_label[f][1] < m.strength):
            by_label[f] = (m.label, m.strength)
    out: list[Mention] = []
    for m in mentions:
        f = m.text.casefold()
        label = by_label.get(f, (m.label, m.strength))[0]
        canonical = m.text
        first = m.text.split()[0]
        if label == ORG or (label is None and _is_acronym(_Tok(first, 0, 0, first.casefold(), False), lex)):
            alias = doc.aliases.get(first.casefold())
            if alias:
                canonical, label = alias, ORG
            else:
                for full in sorted(orgs, key=len, reverse=True):
                    if full != m.text and (
                        full.casefold().startswith(f + " ")
                        or (" " not in m.text and _abbreviates(m.text, full) and _same_place(doc, m, full))
                    ):
                        canonical, label = full, ORG
                        break
            if label is None and first.isupper() and " " not in m.text:
                label = ORG
        elif " " not in m.text and label in (None, PERSON, PLACE) and by_label.get(f, ("", 0))[1] < 3:
            for full in sorted(persons, key=len, reverse=True):
                parts = full.casefold().split()
                if f in parts and f != full.casefold():
                    canonical, label = full, PERSON
                    break
            else:
                for full in headed_places:
                    if full.casefold().endswith(" " + f):
                        canonical, label = full, PLACE
                        break
                else:
                    if label is None and f in doc.gaz:
                        label = PLACE
        elif label == PERSON:
            # a shorter full name inside a longer one ("Agus Setiawan" in "Agus Setiawan Hidayat")
            for full in sorted(persons, key=len, reverse=True):
                if full != m.text and f in full.casefold() and _contains_words(full, m.text):
                    canonical = full
                    break
        if label is None:
            continue
        m.label, m.canonical = label, canonical
        out.append(m)
    return out


def _same_place(doc: _Doc, m: Mention, full: str) -> bool:
    """Is the place that follows an abbreviation (``Kemenlu Kazakhstan``) absent or inside ``full``?

    ``Kemenlu Kazakhstan`` is not ``Kementerian Luar Negeri Rusia``.
    """
    after = _NEXT_WORD.match(doc.text, m.end)
    if after is None:
        return True
    word = after.group(1).casefold()
    return word not in doc.gaz or _contains_words(full, word)


_NEXT_WORD = re.compile(r" ([A-Z][\w-]*)")


def _toks_of(text: str) -> list[_Tok]:
    return [_Tok(w, 0, 0, w.casefold(), False) for w in text.split()]


def _title_cased(title: str) -> bool:
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _contains_words(full: str, part: str) -> bool:
    return f" {part.casefold()} " in f" {full.casefold()} "


def extract_entities(
    body: str, language: str | None, *, title: str | None = None, dateline: str | None = None
) -> list[Entity]:
    """Entities of an article: mentions in ``body`` with offsets, then article-level names.

    Article-level names (``start == end == -1``): the dateline city as a PLACE, and names found in
    the title that the body does not mention.
    """
    found = find_mentions(body, language)
    out = [Entity(m.canonical or m.text, _label(m.label), m.start, m.end) for m in found]
    seen = {(e.text.casefold(), e.label) for e in out}
    seen_names = {e.text.casefold() for e in out}
    if title:
        title_mentions = find_mentions(title, language)
        if _title_cased(title):
            # capitals mean nothing in a Title Cased Headline: keep only gazetteer places
            title_mentions = [m for m in title_mentions if m.label == PLACE and _is_place_name(m.text)]
        for m in title_mentions:
            name = m.canonical or m.text
            if name.casefold() in seen_names:
                continue
            # a title's short form of a body name ("Bawaslu" for the body's full name)
            if m.label in (ORG, PERSON) and any(
                _abbreviates(name, e.text) or _contains_words(e.text, name) for e in out if e.label == m.label
            ):
                continue
            seen_names.add(name.casefold())
            seen.add((name.casefold(), _label(m.label)))
            out.append(Entity(name, _label(m.label), -1, -1))
    if dateline and (dateline.casefold(), PLACE) not in seen:
        out.append(Entity(dateline, PLACE, -1, -1))
    return out


def _is_place_name(text: str) -> bool:
    return text.casefold() in places()


def _label(label: str | None) -> EntityLabel:
    if label == PERSON:
        return "PERSON"
    if label == ORG:
        return "ORG"
    if label == PLACE:
        return "PLACE"
    raise ValueError(f"not an entity label: {label!r}")
