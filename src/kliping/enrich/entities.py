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

Languages with lists of their own (Malay, German, French, Spanish, Portuguese, Italian, Dutch)
use them with the common lists and their own gazetteer names; they add name particles ("van
der", "bin"), elided connectors ("d'Italia"), lowercase titles before a portfolio ("il ministro
dell'Economia X"), bodies named in sentence case ("Office français de la biodiversité") and, in
German, no guessed names where every noun is capitalised.  Other languages use Indonesian's and
English's lists, as before.

Offsets: every entity with ``start >= 0`` has ``body[start:end]`` equal to the words of the
mention as written; ``text`` is the merged (fullest) name, so it may differ from the mention.
Names the article carries outside its body are kept with ``start == end == -1`` (the convention
of :class:`kliping.article.DateMention`): the dateline city (``article.dateline``) as a PLACE,
and names that occur only in the title.  Offsets are therefore always truthful.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final

from kliping.article import Entity, EntityLabel
from kliping.enrich.gazetteer import places
from kliping.resources import load_toml
from kliping.text import word_alternation

PERSON: Final = "PERSON"
ORG: Final = "ORG"
PLACE: Final = "PLACE"

_UPPER = "A-ZÀ-ÖØ-Þ"
_SENT_END = frozenset('.!?"“”:;\n')
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z]*$")  # PPh, BPJS-style with lower letters
_ANY_ACRONYM = re.compile(rf"(?:{_ACRONYM.pattern})|(?:{_MIXED_ACRONYM.pattern})")
_POSSESSIVE_ENDS = ("'s", "’s")
# words before a short mention of a person ("kata Zakharova")
_SAID_CUES = (
    *("kata", "ujar", "tutur", "ucap", "jelas", "tegas", "imbuh", "terang", "ungkap", "sebut", "menurut"),
    *("said", "says", "according to"),
)
_ABBREVIATED_TAILS = frozenset(("Co", "Corp", "Inc", "Ltd", "Bhd"))
_ROMAN = re.compile(r"^[IVXLC]+(?:-[IVXLC]+)?$")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
# an age set off by commas after a name, bare or with the word for years: "Abc Def, 34, who",
# "Abc Def, de 71 anos, que", "Abc Def, 58 ans,", "Abc Def, 45 tahun,", "Abc Def (34)" is _AGE
_AGE_APPOSITION = re.compile(
    r", (?:de |di )?[1-9]\d(?:(?:,| (?:anos|años|ans|anni|jaar|jahre|tahun|years?)\b(?: alt\b| old\b)?)(?=[,;.)]| (?:que|qui|che|die|der|who|yang)\b)|,)",
    re.IGNORECASE,
)
_DEFINED_TERM = re.compile(r"\s*\([A-Z][A-Za-z]{1,11}\)")


def _alt(words: Iterable[str]) -> str:
    """The words as one alternation, longest first (written as a trie: same matches, faster)."""
    return word_alternation(words)


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
    compass_after_by_last: dict[str, tuple[tuple[str, ...], ...]]
    """``compass_after_list`` by the phrase's last word."""
    org_heads1: frozenset[str]
    """One-word organisation heads (``_prefix_len([tok], 0, org_heads)`` as a set lookup)."""
    place_heads1: frozenset[str]
    place_strip1: frozenset[str]
    not_name: frozenset[str]
    """Words that are never a name word: organisation tails, non-name tokens, one-word heads."""
    chunk: re.Pattern[str]
    token: re.Pattern[str]
    item: re.Pattern[str]
    tok: re.Pattern[str]
    """One capitalised word at a word start (the chunk pattern's word)."""
    said_before: re.Pattern[str]
    """Matches (empty) where a said-cue and a space end: "kata |Zakharova"."""
    verb_after: re.Pattern[str]
    """A space and a speech verb: "Zakharova| mengatakan"."""
    verb_first_letters: frozenset[str]
    joiners: frozenset[str]
    """List joiners ("dan", "and"): a chunk without one, a comma or a slash is a single item."""
    role_words: frozenset[str]
    """Portfolio words between a title and a name ("Minister for Economic Affairs X")."""
    titles_in_names: frozenset[str]
    """Title words that may be a word of a name too ("Lukman Hakim")."""
    non_entity_edges: frozenset[str]
    """Words that make a run starting or ending with them no name ("Grup WhatsApp")."""
    term_tails: frozenset[str]
    """Last words of defined terms ("Indonesian Crude Price (ICP)")."""
    indonesian: bool
    """The lists are Indonesian's (or every language's): Indonesian's dictionary applies."""
    list_cues: frozenset[str]
    """Words that introduce a list ("yakni", "namely")."""
    place_nouns: frozenset[str]
    """Lowercase nouns of kinds of places ("kecamatan", "districts"): a list they introduce holds places."""
    title_suffixes: tuple[str, ...]
    """Endings of role nouns that may stand before a name like a title ("Evacuee", "Geologist")."""
    upper_places: frozenset[str]
    """Places written in capitals (``extra_places``: "NTT", "DIY"): no acronym of a body."""
    org_links: frozenset[str]
    """Connectors that carry an organisation's name on after its head or tail ("Bank of X")."""
    place_nouns_of: frozenset[str]
    """Lowercase nouns that make the name after "NOUN of" a place ("the island of X")."""
    person_after_comma: frozenset[str]
    """Lowercase words that open a clause about a person after "Name," ("Name, who ...")."""
    place_strip_after: frozenset[str]
    """Administrative words dropped from the end of a place name ("Abc Ward" -> "Abc")."""
    org_continuations: Phrases
    org_units: Phrases
    numbered_unit_words: frozenset[str]
    numbered_unit_words_as_written: tuple[str, ...]
    """Head phrases that carry an acronym-led body's name on ("ABRI Angkatan Laut")."""
    sentence_case_org: re.Pattern[str] | None
    """What follows a body's head word in a sentence-case name: lowercase adjectives, then linked
    words (" français de la biodiversité"), for languages with ``org_adjective_endings``."""
    org_word_suffixes: tuple[str, ...]
    """Ends of one-word compounds that name a body ("-polizei" of "Bundespolizei")."""
    org_noun_suffixes: tuple[str, ...]
    """Ends of compound nouns that say the name after them is a body's ("-konzern", "-betreiber")."""
    place_links: frozenset[str]
    """Words between a place noun and a place's name ("of" of "the island of X", "de")."""
    base_gaz: frozenset[str]
    """The gazetteer of every language's text (the language's own names are less sure)."""
    noun_articles: frozenset[str]
    """Where every noun is capitalised: the articles after which a gazetteer word is a noun."""
    territories: frozenset[str]
    """Folded names of countries and regions in the language (Babel): these take articles too."""
    verb_aux: frozenset[str]
    """Auxiliaries before a speech verb's participle ("ha explicado", "a déclaré")."""
    guess_people: bool
    """Capitalised words without a cue may be guessed a person's name (not so where every noun is
    capitalised: German)."""
    named_heads: frozenset[tuple[str, ...]]
    """Heads of two words or more of the language's own list whose last word is capitalised
    ("Guardia Civil", "Corpo de Bombeiros"): a body's full name on their own."""
    titles_open_sentences: bool
    """A title at a sentence's start is a role before a name ("Burgemeester Abc Def zei"), not a
    sentence's first word: languages whose lists say so (``titles_open_sentences``)."""
    elided: frozenset[str]
    """Elided connectors ("d", "dell" of "d'Italia", "dell'Economia")."""
    name_particles: frozenset[str]
    """Lowercase words inside a person's name ("van der", "de", "bin"), not a role's connector."""
    articles: frozenset[str]
    """Articles and determiners: a run after one is a thing, never a person ("the", "der", "la")."""
    said_cues: frozenset[str]
    """Speech words before a short name ("kata Zakharova", "sagte Keller")."""
    said_cue_last_letters: frozenset[str]
    gaz: frozenset[str]
    """The place gazetteer of the language (:func:`kliping.enrich.gazetteer.places`)."""
    gaz_first_words: frozenset[str]
    """First words of the gazetteer's place names."""


Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _one_word(phrases: Phrases) -> frozenset[str]:
    """The one-word phrases (a set lookup instead of :func:`_prefix_len` on one token)."""
    return frozenset(p[0] for ps in phrases.values() for p in ps if len(p) == 1)


def _by_last_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            out.setdefault(phrase[-1], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


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
def agency_names() -> frozenset[str]:
    """Folded names of the news agencies (``data/outlets.toml``): credits, never entities."""
    data = load_toml("outlets.toml")
    names: set[str] = set()
    for agency in data.get("agency", []):
        names.add(agency["name"])
        names.update(agency.get("aliases", []))
    for outlet in data.get("outlet", []):
        if outlet.get("agency"):
            names.add(outlet["name"])
    return frozenset(n.casefold() for n in names)


@cache
def _calendar_set() -> frozenset[str]:
    return frozenset(w.lower() for w in _calendar_words())


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
    # a language without lists of its own gets Indonesian's and English's
    own = language is not None and language in data and language != "common"
    # a language may take other languages' lists too ("also": Malay takes Indonesian's, which a
    # language guess often confuses with it, and English's)
    langs = [language, *data[language].get("also", [])] if language is not None and own else ["id", "en"]

    # a common connector that joins list items in the language is no connector there (Dutch "of"
    # is "or": "Abcdam of Defwijk" are two places)
    other = language if own and language not in (None, "id", "en") else None
    own_joiners = frozenset(data[other].get("list_joiners", [])) if other else frozenset()

    def words(key: str) -> list[str]:
        out: list[str] = list(common.get(key, []))
        if key in ("connectors", "org_links") and own_joiners:
            out = [w for w in out if w not in own_joiners]
        for lang in langs:
            out.extend(data[lang].get(key, []))
        return out

    def fold(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in words(key))

    calendar = word_alternation(_calendar_words())
    # a capitalised word at a word start.  The check that the word starts there comes after its
    # first letter (same meaning), so that ``re`` can skip ahead to capitals with a fast scan.
    word = r"[^\W\d_]*(?:[’'\-][^\W_]+)*(?![\w$])"
    tok = rf"[{_UPPER}](?<![\w].){word}"
    # case-blind, for tokens and connectors inside a chunk: a month or weekday is no token
    tok_any_case = rf"(?<![\w])(?!(?:{calendar})\b)[{_UPPER}]{word}"
    conn = _alt(words("connectors"))
    # an elided article or preposition joins the next word ("Banca d'Italia", "Institut de l'Ouest")
    elided = rf"(?:(?:{_alt(words('elided'))})['’])?" if words("elided") else ""
    item = rf"{tok}(?:[ ](?:(?:{conn})[ ])*{elided}{tok})*"
    join = _alt(words("list_joiners"))
    # "Instituto Abc do Mar e da Def": where names keep their particles, connectors may follow a joiner
    join_conn = rf"(?:(?:{conn})[ ])*" if words("name_particles") else ""
    chunk = rf"{item}(?:(?:(?:,[ ]{item})*,?[ ](?:{join})[ ]{join_conn}{item})+|/{item})?"
    flags = re.IGNORECASE
    verbs = _alt(words("person_verbs"))
    # "kata Zakharova" / "Zakharova mengatakan" are looked for at the chunks' ends (see
    # _short_ref_names): a chunk cannot go on over a word that is no connector or list joiner
    said_cues = (*_SAID_CUES, *words("said_cues"))
    not_joining = {w.casefold() for w in said_cues} | {w.casefold() for w in words("person_verbs")}
    joining = {w.casefold() for w in words("connectors") + words("list_joiners")}
    if not_joining & joining:
        raise ValueError(
            f"said cues or person verbs listed as connectors or joiners: {not_joining & joining}"
        )
    nouns_capitalised = any(data[lang].get("nouns_capitalised", False) for lang in langs)
    said_before = "|".join(rf"(?<=\b({re.escape(w)})[ ])" for w in dict.fromkeys(said_cues))
    gaz = places(language if own else None)
    org_heads, place_heads, place_strip = (
        _phrases(words("org_heads")),
        _phrases(words("place_heads")),
        _phrases(words("place_strip")),
    )
    heads1 = _one_word(org_heads), _one_word(place_heads), _one_word(place_strip)
    return Lexicon(
        titles=fold("titles"),
        org_nouns=fold("org_nouns"),
        org_heads=org_heads,
        org_head_prefixes=tuple(w.casefold() for w in words("org_head_prefixes")),
        org_tails=fold("org_tails"),
        place_heads=place_heads,
        place_tails=fold("place_tails"),
        place_strip=place_strip,
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
        compass_after_by_last=_by_last_word(tuple(w.casefold().split()) for w in words("compass_after")),
        org_heads1=heads1[0],
        place_heads1=heads1[1],
        place_strip1=heads1[2],
        not_name=fold("org_tails")
        | fold("non_name_tokens")
        | heads1[0]
        | heads1[1]
        | heads1[2]
        | (fold("titles") - fold("titles_in_names"))
        | fold("role_words"),
        chunk=re.compile(chunk),
        token=re.compile(rf"{tok_any_case}|(?:{conn})\b", flags),
        item=re.compile(item),
        tok=re.compile(tok),
        said_before=re.compile(said_before),
        joiners=frozenset(words("list_joiners")),
        verb_first_letters=frozenset(w[0] for w in words("person_verbs") + words("verb_aux") if w),
        verb_aux=fold("verb_aux"),
        place_links=frozenset(("of",)) | fold("place_links"),
        org_word_suffixes=tuple(w.casefold() for w in words("org_word_suffixes")),
        org_noun_suffixes=tuple(w.casefold() for w in words("org_noun_suffixes")),
        base_gaz=places(),
        noun_articles=fold("articles") if nouns_capitalised else frozenset(),
        territories=_territories(language) if nouns_capitalised and language else frozenset(),
        sentence_case_org=_sentence_case_org(
            words("org_adjective_endings"), words("org_name_links"), words("articles")
        ),
        verb_after=re.compile(rf"[ ](?:(?:{_alt(words('verb_aux'))})[ ])?(?:{verbs})\b")
        if words("verb_aux")
        else re.compile(rf"[ ](?:{verbs})\b"),
        role_words=fold("role_words"),
        titles_in_names=fold("titles_in_names"),
        non_entity_edges=fold("non_entity_edges"),
        term_tails=fold("term_tails"),
        org_links=fold("org_links"),
        indonesian="id" in langs or any(data[lang].get("id_dictionary", False) for lang in langs),
        list_cues=fold("list_cues"),
        place_nouns=fold("place_nouns"),
        title_suffixes=tuple(w.casefold() for w in words("title_suffixes")),
        upper_places=frozenset(w for w in words("extra_places") if w.isupper()),
        place_nouns_of=fold("place_nouns_of"),
        person_after_comma=fold("person_after_comma"),
        place_strip_after=fold("place_strip_after"),
        org_continuations=_phrases(words("org_continuations")),
        org_units=_phrases(words("org_units")),
        numbered_unit_words=fold("numbered_unit_words"),
        numbered_unit_words_as_written=tuple(f" {w} " for w in words("numbered_unit_words")),
        guess_people=not nouns_capitalised,
        titles_open_sentences=any(data[lang].get("titles_open_sentences", False) for lang in langs),
        named_heads=frozenset(
            tuple(h.casefold().split())
            for h in (data[other].get("org_heads", []) if other else [])
            if " " in h and h.split()[-1][:1].isupper()
        ),
        name_particles=fold("name_particles"),
        elided=fold("elided"),
        articles=_ARTICLES | fold("articles"),
        said_cues=frozenset(w.casefold() for w in said_cues),
        said_cue_last_letters=frozenset(w[-1] for w in said_cues),
        gaz=gaz,
        gaz_first_words=frozenset(ws[0] for name in gaz if (ws := name.split())),
    )


def _territories(language: str) -> frozenset[str]:
    """Folded names of countries and world regions in ``language`` (Babel/CLDR)."""
    try:
        from babel import Locale, UnknownLocaleError

        return frozenset(n.casefold() for n in Locale.parse(language).territories.values())
    except (ImportError, UnknownLocaleError, ValueError):  # pragma: no cover - declared dependency
        return frozenset()


def _sentence_case_org(endings: list[str], links: list[str], articles: list[str]) -> re.Pattern[str] | None:
    """The rest of a sentence-case body's name after its head word: one or two lowercase
    adjectives ("régionale", "nazionale"), then up to three linked words, each with an adjective
    and a coordinated one ("de santé", "d’incendie et de secours", "des œuvres universitaires et
    scolaires").  A determiner is no adjective ("leur" after "Croix-Rouge abcaise").  None when the
    language lists no adjective endings."""
    if not endings:
        return None
    not_article = rf"(?!(?:{_alt(articles)})(?![\w’'\-]))" if articles else ""
    adj = rf"{not_article}[a-zß-öø-ÿ][\w\-]*?(?:{_alt(endings)})(?![\w’'\-])"
    spaced = [w for w in links if not w.endswith(("'", "’"))]
    elided = [w for w in links if w.endswith(("'", "’"))]
    link = rf"(?:(?:{_alt(spaced)})[ ]" + (rf"|(?:{_alt(elided)})" if elided else "") + ")"
    noun = r"[^\W\d_][\w\-]*(?<![’'])"
    joiner = r"(?:et|e|y|en)"
    return re.compile(rf"(?:[ ]{adj}){{1,2}}(?:[ ]{link}{noun}(?:[ ]{adj})?(?:[ ]{joiner}[ ]{adj})?){{0,3}}")


# --------------------------------------------------------------------------------------------
# Mentions


@dataclass(slots=True)
class Mention:
    """A candidate name in the body: words ``start:end``, a label (or None), how sure we are."""

    text: str
    start: int
    end: int
    label: str | None
    strength: int
    """3 cue-backed (apposition, speech verb, head word), 2 gazetteer/structure, 1 guess, 0 unknown."""
    canonical: str = ""


@dataclass(slots=True)
class _Tok:
    """A word of a chunk."""

    text: str
    start: int
    end: int
    fold: str
    is_conn: bool
    after_hyphen: bool = False
    clipped: bool = False
    """The word goes on after the token ("Indonesia" of "Indonesia's")."""
    acr: bool = False
    """An acronym (:func:`_acronym`); set by :meth:`_Chunker._tok`."""
    name: bool = False
    """A plain word of a person's name (:meth:`_Chunker._tok`)."""
    head_prefix: bool = False
    """Starts with an organisation head ("Kemen...", "Dinas...")."""
    abbreviation_like: bool = False
    """Could abbreviate an organisation's name (:meth:`_Chunker._tok`)."""


@dataclass(slots=True)
class _Doc:
    text: str
    lex: Lexicon
    gaz: frozenset[str]
    short_refs: set[str]
    known_orgs: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)
    """acronym (folded) -> full organisation name, from ``Full Name (ACR)``."""
    non_entity_acronyms: set[str] = field(default_factory=set)
    caps_names: set[str] = field(default_factory=set)
    """Folded words written in capitals that the text also writes in title case: no acronyms."""
    place_aliases: dict[str, str] = field(default_factory=dict)
    """short form (folded) -> full place name, from ``Full Place (Short)``."""
    mentions: list[Mention] = field(default_factory=list)


def _strip_connectors(toks: list[_Tok]) -> list[_Tok]:
    """Connectors may not start or end a name."""
    while toks and toks[0].is_conn:
        toks.pop(0)
    while toks and toks[-1].is_conn:
        toks.pop()
    return toks


def _prefix_len(toks: list[_Tok], k: int, phrases: Phrases) -> int:
    if k >= len(toks):
        return 0
    for phrase in phrases.get(toks[k].fold, ()):
        n = len(phrase)
        if k + n <= len(toks) and all(toks[k + i].fold == phrase[i] for i in range(n)):
            return n
    return 0


def _acronym(t: str, lex: Lexicon) -> bool:
    if t[1:2].islower() and not t[2:3].isupper():
        return False  # "Jakarta": neither pattern can match (a cheap test for the common case)
    if t[-1] == "s" and len(t) >= 4 and t[:-1].isupper():
        return False  # "NGOs", "SMEs": the plural of a common noun's acronym, no body
    return bool(_ANY_ACRONYM.match(t)) and t.upper() not in lex.generic_acronyms and not _ROMAN.match(t)


def _is_place(words: str, doc: _Doc) -> bool:
    f = words.casefold()
    if f in doc.gaz:
        return True
    parts = f.split()
    if len(parts) >= 2:
        if parts[0] in doc.lex.compass_before and " ".join(parts[1:]) in doc.gaz:
            return True
        for phrase in doc.lex.compass_after_by_last.get(parts[-1], ()):
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
    """Does a sentence start at ``start``: after a full stop, a line break, or an opening quote
    ('dia mengatakan, "Kami ...')?"""
    i = start - 1
    while i >= 0 and text[i] in " “\"‘'(":
        i -= 1
    if i < 0:
        return True
    if text[i] in _SENT_END:
        # a word of five letters or more before the full stop is no title's abbreviation
        return not (
            text[i] == "." and not (i >= 5 and text[i - 5 : i].isalpha()) and _title_abbreviation(text, i)
        )
    # an opening quote right before the word, after a space: a quoted sentence starts, unless
    # the quote holds capitalised words only (a quoted name: "Kelas Saham Cuan")
    if start < 2 or text[start - 1] not in '“"' or text[start - 2] != " ":
        return False
    close = [j for j in (text.find('"', start), text.find("”", start)) if j >= 0]
    return any(w[:1].islower() for w in text[start : min(close, default=start + 80)].split())


_TITLE_ABBREVIATIONS = frozenset(
    ("dr", "drg", "drh", "prof", "ir", "hj", "h", "mr", "mrs", "ms", "st", "dra", "drs")
)


def _plural_noun(tok: _Tok) -> bool:
    """Has the word an English plural noun's shape: title case, "-ers", "-ists", "-ents",
    "-ians", "-ors" ("Experts", "Farmers", "Residents")?"""
    return tok.text[1:].islower() and tok.fold.endswith(("ers", "ts", "ians", "ors", "ives", "ees"))


_COLLECTIVE_NOUNS = frozenset(("people", "women", "men", "children", "rakyat"))


def _collective(tok: _Tok) -> bool:
    """Does the possessive belong to the name ("People's Abc Army", "Farmers' Xyz"): a
    collective or plural noun rather than a name of its own?"""
    return tok.fold in _COLLECTIVE_NOUNS or _plural_noun(tok)


def _title_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of a title's abbreviation written before a name
    ("dr. Abc", "Prof. Xyz"), not a sentence's end?  The word before it is a short title."""
    seg = text[max(0, dot - 5) : dot]
    sp = max(seg.rfind(" "), seg.rfind("\n"), seg.rfind("("))
    if sp < 0 and dot > 4:
        return False  # a word of five letters or more
    return seg[sp + 1 :].casefold() in _TITLE_ABBREVIATIONS


def _used_mid_sentence(text: str, word: str) -> bool:
    """Does ``word`` occur after a lowercase letter or a comma and a space (a word's end after it)?

    The regex ``(?<=[a-z,] )WORD\b`` with ``str.find`` (no pattern compiled per word).
    """
    at = text.find(word, 2)
    while at >= 0:
        end = at + len(word)
        if (
            text[at - 1] == " "
            and text[at - 2] in _LOWER_OR_COMMA
            and (end == len(text) or not _WORD_CHAR.match(text, end))
        ):
            return True
        at = text.find(word, at + 1)
    return False


_LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")
_OPEN_QUOTES = frozenset("\"“‘'")
_CLOSE_QUOTES = frozenset("\"”’'")


@cache
def _in_dictionary(word: str) -> bool:
    """Is ``word`` (folded) a root word of the dictionary, or one with affixes around such a root
    ("berkualitas", "penguatan")?  The affixes are taken off by Sastrawi's algorithm
    (:mod:`kliping.store.ecs`, the store's stemmer)."""
    dictionary = _dictionary()
    if word in dictionary:
        return True
    if not dictionary or len(word) < 5:
        return False
    from kliping.store.ecs import stem

    return stem(word) in dictionary


def _lowercase_in(text: str, word: str) -> bool:
    """Does ``word`` (folded) occur in lowercase in ``text`` as a whole word?"""
    if not word.islower():
        return False
    return _whole_word_in(text, word)


def _alone_in(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` as a word of its own, not hyphenated to another?"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _whole_word_in(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` as a whole word (as written)?"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


_WORD_CHAR = re.compile(r"\w")


_WordFlags = tuple[str, bool, bool, bool, bool, bool, bool]
"""fold, acr, place, name, head_prefix, abbreviation_like, in_capitals (see :func:`_static_flags`)."""

_STATIC_FLAGS: dict[int, dict[str, _WordFlags]] = {}
"""Per lexicon (by id: lexicons live as long as the process), the static flags of each word."""
_STATIC_FLAGS_MAX = 200_000


def _static_flags_of(lex: Lexicon) -> dict[str, _WordFlags]:
    """The word -> static flags cache of ``lex`` (filled by :func:`_static_flags`)."""
    cache = _STATIC_FLAGS.get(id(lex))
    if cache is None:
        cache = _STATIC_FLAGS[id(lex)] = {}
    return cache


def _static_flags(lex: Lexicon, text: str) -> _WordFlags:
    """fold, acr, place, name, head_prefix, abbreviation_like of a capitalised word as far as
    the lexicon and the gazetteer tell (the same in every document: cached per process), and
    whether the document may change them: an acronym of three letters or more in capitals
    (see :meth:`_Chunker._caps_flags`)."""
    cache = _static_flags_of(lex)
    flags = cache.get(text)
    if flags is None:
        if len(cache) >= _STATIC_FLAGS_MAX:
            cache.clear()
        f = text.casefold()
        # most words: a lowercase second letter and no capital third one is no acronym
        acr = not (text[1:2].islower() and not text[2:3].isupper()) and _acronym(text, lex)
        place = f in lex.gaz
        flags = cache[text] = (
            f,
            acr,
            place,
            _name_word(lex, text, f, place, acr),
            len(f) > 5 and f.startswith(lex.org_head_prefixes),
            _abbreviation_like(lex, f, place),
            acr and len(text) >= 3 and text.isalpha() and text.isupper(),
        )
    return flags


def _name_word(lex: Lexicon, text: str, f: str, place: bool, acr: bool) -> bool:
    """A plain word of a person's name: no place, acronym, head or tail word, roman numeral."""
    return not (
        len(f) < 2
        or place
        or f in lex.not_name
        or acr
        or (text[0] in "IVXLC" and _ROMAN.match(text))
        or (text.isupper() and text in lex.generic_acronyms)
    )


def _abbreviation_like(lex: Lexicon, f: str, place: bool) -> bool:
    """Could the word abbreviate a body's name (a short mention of a person aside)?"""
    return len(f) >= 4 and not place and f not in _dictionary() and f not in lex.titles


class _Chunker:
    """Cuts one capitalised run into labelled mentions."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.lex = doc.lex
        self._abbreviations: dict[str, tuple[str, int, bool]] = {}
        """word -> (its first letter, candidate names checked, abbreviates one)"""
        self._indexed_orgs: set[str] = set()
        self._by_initial: dict[str, list[str]] = {}
        self._calendar = _calendar_set()
        self._dictionary = _dictionary()
        self._stopwords = _stopwords()
        self._gaz_first_words = doc.lex.gaz_first_words
        self._static = _static_flags_of(doc.lex)
        self._caps: dict[str, tuple[bool, bool, bool]] = {}
        self._common: dict[str, bool] = {}
        self._caps_acronyms: set[str] = set()
        """Folded acronyms that a gazetteer lists as places but the text writes only in capitals."""

    def tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens of ``text[start:end]`` (the list is shared by the passes: do not change it)."""
        word = self._tok
        out: list[_Tok] = []
        span = self.doc.text[start:end]
        calendar = self._calendar
        if span.isalpha():
            if span.isascii() and span.lower() not in calendar:
                return [word(span, start, end, False, False)]  # one plain word: what the regex finds
        elif span.isascii() and span.replace(" ", "").isalpha() and "  " not in span:
            # plain words and single spaces: the regex finds every word but a month or weekday
            pos = start
            for w in span.split(" "):
                if w.lower() in calendar:
                    out = []
                    break
                e = pos + len(w)
                out.append(
                    word(w, pos, e, False, False) if w[0].isupper() else _Tok(w, pos, e, w.lower(), True)
                )
                pos = e + 1
            else:
                return _strip_connectors(out)
        for m in self.lex.token.finditer(self.doc.text, start, end):
            t = m.group()
            s, e = m.span()
            if not t[0].isupper():  # a connector ("dan", "of")
                cut = max(t.find("'"), t.find("’")) + 1
                if 0 < cut < len(t) and t[cut].isupper():
                    # an elided connector and a name ("d'Italia"): the name is a word of its own
                    out.append(_Tok(t[:cut], s, s + cut, t[:cut].casefold(), True))
                    out.append(word(t[cut:], s + cut, e, False, False))
                    continue
                out.append(_Tok(t, s, e, t.casefold(), True))
                continue
            clipped = t[-2:] in _POSSESSIVE_ENDS  # "Indonesia's" -> "Indonesia"
            if clipped:
                t = t[:-2]
                e = s + len(t)
            # "TNI-Polri": two acronym-led names joined by a hyphen
            if "-" in t:
                left, _, right = t.partition("-")
                if (
                    len(left) >= 2
                    and right[:1].isupper()
                    and len(right) >= 3
                    and self._hyphen_pair(left, out)
                    and not self._role_compound(right)
                ):
                    out.append(word(left, s, s + len(left), False, True))
                    out.append(word(right, s + len(left) + 1, e, True, False))
                    continue
            out.append(word(t, s, e, False, clipped))
        return _strip_connectors(out)

    def _role_compound(self, word: str) -> bool:
        """Is the word after a hyphen a role by its ending ("ABC-Landesvorsitzende",
        "XYZ-Pressesprecher"): the whole word is then a title before a name (the ending rule of
        :meth:`segments`), not a body and a name."""
        f = word.casefold()
        lex = self.lex
        return bool(lex.title_suffixes) and len(f) >= 7 and f.endswith(lex.title_suffixes)

    def _hyphen_pair(self, left: str, before: list[_Tok]) -> bool:
        """Does a hyphen join two names ("TNI-Polri"; a route after a place head, "Terminal
        Abc-Def", or from a known place the text also names on its own, "Bandung-Cimahi")
        rather than make one ("Jean-Luc", "Aichi-Nagoya" named only so)?"""
        if left.isupper():
            return True
        if len(left) < 3:
            return False
        if before and before[-1].fold in self.lex.place_heads1:
            return True
        return left.casefold() in self.doc.gaz and _alone_in(self.doc.text, left)

    def _tok(self, text: str, start: int, end: int, after_hyphen: bool, clipped: bool) -> _Tok:
        """A capitalised word (no connector) with its flags.

        What does not depend on the document is worked out once per word and process
        (:func:`_static_flags`); the document decides the rest: a word in capitals written in
        title case elsewhere (:meth:`_caps_flags`), a short mention of a person (no abbreviation
        then).
        """
        flags = self._static.get(text)
        if flags is None:
            flags = _static_flags(self.lex, text)
        f, acr, place, name, head_prefix, abbreviation_like, in_capitals = flags
        if in_capitals:
            caps = self._caps.get(text)
            if caps is None:
                caps = self._caps[text] = self._caps_flags(text, f, acr, place, name, abbreviation_like)
            acr, name, abbreviation_like = caps
        return _Tok(
            text,
            start,
            end,
            f,
            False,
            after_hyphen,
            clipped,
            acr,
            name,
            head_prefix,
            abbreviation_like and f not in self.doc.short_refs,
        )

    def _caps_flags(
        self, text: str, f: str, acr: bool, place: bool, name: bool, abbreviation_like: bool
    ) -> tuple[bool, bool, bool]:
        """acr, name, abbreviation_like of an acronym in capitals (three letters or more), as the
        document has it (worked out once per word and document)."""
        lex, doc = self.lex, self.doc
        # "WONOGIRI" where the text also writes "Wonogiri": a name in capitals, no acronym;
        # "KAI" written only so is an acronym, even if a gazetteer knows a place "Kai"
        titled = _whole_word_in(doc.text, text.capitalize())
        if titled and len(text) >= 4:
            acr = False
            doc.caps_names.add(f)
            name = _name_word(lex, text, f, place, acr)
        elif place and not titled and len(text) <= 4 and text not in lex.upper_places:
            place = False
            self._caps_acronyms.add(f)
            abbreviation_like = _abbreviation_like(lex, f, place)
        return acr, name, abbreviation_like

    def run(
        self,
        toks: list[_Tok],
        *,
        sentence_initial: bool,
        left: str,
        right: str,
        appos_org: bool = False,
        after_title: bool = False,
    ) -> None:
        """Label the mentions in one run of capitalised words (the tokens of a chunk's item)."""
        lex = self.lex
        if not toks:
            return
        if len(toks) == 1:
            # one word (most runs; never a connector): what the general case below comes to
            t = toks[0]
            if (sentence_initial and self._common_start(t)) or t.fold in lex.titles:
                return  # a sentence's first word, or a title alone
            if t.fold in lex.event_heads and _prefix_len(toks, 0, lex.event_heads):
                return
            self._one_word(toks, had_title=after_title, left=left, right=right, appos_org=appos_org)
            return
        i = 0
        if (
            sentence_initial
            and not (len(toks) > 2 and toks[1].is_conn and toks[0].fold in lex.titles)
            and not (lex.titles_open_sentences and toks[0].fold in lex.titles and not toks[1].is_conn)
            and self._common_start(toks[0])
        ):  # "Head of Research Abc Sekuritas, Nama": a title and "of" start a role, not a sentence
            i = 1
            while i < len(toks) and toks[i].is_conn:
                i += 1
            # the word right before the rest: "Volgens de Abc Def" has the article "de" before it,
            # but a place cue before an article stays the cue ("At the Abc Facility")
            left = toks[0].fold if toks[0].fold in lex.place_cues else toks[i - 1].fold
        if self._org_noun_before(toks, i):
            # "Der Flughafenbetreiber Abcport"; before a place the noun is the name's: "Havenbedrijf Abcdam"
            place = _is_place(self._words(toks, i + 1, len(toks)), self.doc)
            self._emit(toks, i if place else i + 1, len(toks), ORG, 2)
            return
        # titles and roles before the name
        j = i
        while j < len(toks) and (toks[j].fold in lex.titles or (toks[j].is_conn and j > i)):
            if _prefix_len(toks, j, lex.org_heads) and j > i:
                break
            j += 1
        if (
            j == i
            and lex.title_suffixes
            and len(toks) - i >= 3
            and len(toks[i].fold) >= 7
            and toks[i].fold.endswith(lex.title_suffixes)
            and _names_to_link(toks, i + 1)
        ):
            j = i + 1  # "Detainee Xyz Abc", "Geologist Xyz Abc": a role noun by its ending
        if j > i and j < len(toks) and toks[j - 1].is_conn:
            # "Head of Research Phintraco Sekuritas": the portfolio after "Title of" is the role's,
            # unless it names a body ("Head of the National Food Agency")
            k = j
            while k < len(toks) and toks[k].fold in lex.role_words:
                k += 1
            if j < k < len(toks) and not self._org_start(toks, k) and toks[k].fold not in lex.org_tails:
                j = k
        had_title = j > i or after_title
        while j < len(toks) and toks[j].is_conn:
            j += 1
        if j >= len(toks):
            return
        if toks[j].fold in lex.event_heads and _prefix_len(toks, j, lex.event_heads):
            return
        left = left if j == i else ""
        if j == len(toks) - 1:
            self._one_word(toks[j:], had_title=had_title, left=left, right=right, appos_org=appos_org)
        else:
            self.segments(toks[j:], had_title=had_title, left=left, right=right, appos_org=appos_org)

    def _one_word(self, toks: list[_Tok], *, had_title: bool, left: str, right: str, appos_org: bool) -> None:
        """:meth:`segments` of a single word (most runs): an organisation, else a plain name."""
        if self._org_start(toks, 0):
            self._emit_org(toks, 0, 1)
        elif self._org_compound(toks[0].fold):
            self._emit(toks, 0, 1, ORG, 2)  # "Bundespolizei": a compound ending in a body's word
        else:
            self._plain(
                toks, 0, 1, had_title=had_title, left=left, right=right, whole=True, appos_org=appos_org
            )

    def _org_compound(self, fold: str) -> bool:
        """Is the word a compound that ends in a body's word, three letters or more before it
        ("Bundespolizei", "Bauernverband"), or such a word of seven letters or more itself
        ("Bundestag"), in a language that writes compounds as one word?"""
        suffixes = self.lex.org_word_suffixes
        return (
            bool(suffixes)
            and fold.endswith(suffixes)
            and any(fold.endswith(x) and (len(fold) >= len(x) + 3 or len(fold) >= 7) for x in suffixes)
        )

    def _org_noun_before(self, toks: list[_Tok], i: int) -> bool:
        """Does a compound that ends in an organisation noun stand at ``i`` before a name
        ("Flughafenbetreiber Abcport", "Softwarekonzern Xyz")?"""
        suffixes = self.lex.org_noun_suffixes
        return (
            bool(suffixes)
            and len(toks) - i >= 2
            and toks[i].fold.endswith(suffixes)
            and not toks[i + 1].is_conn
            and not toks[i + 1].acr
        )

    def _common_start(self, tok: _Tok) -> bool:
        lex = self.lex
        if tok.fold in lex.common_starts or tok.fold in self._stopwords:
            return True
        if tok.fold in lex.org_heads1 or tok.fold in lex.place_heads1:
            return False
        if tok.fold in self.doc.short_refs or tok.acr:
            return False
        if (lex.indonesian and tok.fold in self._dictionary) or tok.fold in lex.titles:
            # a dictionary word that is also a place ("Malang") is a name when the text uses it so
            # elsewhere, or when the text is not Indonesian (the dictionary is Indonesian's: it
            # says nothing about the first word of an English sentence)
            return not (
                tok.fold in self.doc.gaz
                and (not lex.indonesian or _used_mid_sentence(self.doc.text, tok.text))
            )
        return False

    def _plural_start(self, tok: _Tok) -> bool:
        """Is the word alone at a sentence's start an English plural noun ("Experts said ..."),
        never written as a name mid-sentence?  (Not asked of a longer run: "Anders Abc".)"""
        return (
            not self.lex.indonesian
            and _plural_noun(tok)
            and tok.fold not in self.doc.gaz
            and not _used_mid_sentence(self.doc.text, tok.text)
        )

    def _org_start(self, toks: list[_Tok], k: int) -> int:
        """Length of the organisation head at ``k`` (0 when none): a head phrase, an acronym, an
        abbreviation of an organisation named elsewhere in the article."""
        lex = self.lex
        t = toks[k]
        if t.fold in lex.org_heads:
            h = _prefix_len(toks, k, lex.org_heads)
            if h:
                return 0 if _prefix_len(toks, k, lex.place_heads) > h else h
        if t.is_conn:
            return 0
        if t.head_prefix:
            return 1
        if (
            t.acr
            and (t.fold not in self.doc.gaz or t.fold in self._caps_acronyms)
            and t.fold not in self.doc.non_entity_acronyms
        ):
            return 1
        if (
            t.abbreviation_like
            # where names are no Indonesian syllabic abbreviations, a short word only ("Anm", not "Insua")
            and (not self.lex.name_particles or len(t.text) <= 4)
            and self._abbreviates_known(t.text)
        ):
            return 1
        return 0

    def _abbreviates_known(self, word: str) -> bool:
        """Does ``word`` abbreviate an organisation of several words named so far?

        known_orgs only grows, so a word's answer is kept with the number of candidate names
        checked so far; later calls check only the names learnt since.
        """
        hit = self._abbreviations.get(word)
        if hit is None:
            s = word.casefold().replace("-", "")
            initial, checked, found = (s[0] if len(s) >= 2 else ""), 0, False
        else:
            initial, checked, found = hit
        if found or not initial:
            return found
        # only names whose first word starts with the word's first letter can match
        candidates = self._orgs_by_initial().get(initial, ())
        for o in candidates[checked:]:
            if _abbreviates(word, o):
                found = True
                break
        self._abbreviations[word] = (initial, len(candidates), found)
        return found

    def _orgs_by_initial(self) -> dict[str, list[str]]:
        """The known organisations of several words by the first letter of their first word (as
        :func:`_abbreviation_words` has it), in the order indexed; brought up to date with
        ``doc.known_orgs`` on each call."""
        orgs = self.doc.known_orgs
        indexed = self._indexed_orgs
        if len(orgs) != len(indexed):
            for o in orgs - indexed:
                indexed.add(o)
                if " " in o and (words := _abbreviation_words(o)):
                    self._by_initial.setdefault(words[0][0], []).append(o)
        return self._by_initial

    def _place_start(self, toks: list[_Tok], k: int) -> tuple[int, int]:
        """(head length kept, prefix length dropped) of a place name starting at ``k``."""
        f = toks[k].fold
        lex = self.lex
        ph = _prefix_len(toks, k, lex.place_heads) if f in lex.place_heads else 0
        if ph:
            return ph, 0
        return 0, (_prefix_len(toks, k, lex.place_strip) if f in lex.place_strip else 0)

    def _starts_place(self, toks: list[_Tok], k: int) -> bool:
        """``any(self._place_start(toks, k))``: does a place head or an administrative prefix start at ``k``?"""
        f = toks[k].fold
        lex = self.lex
        return bool(
            (f in lex.place_heads and _prefix_len(toks, k, lex.place_heads))
            or (f in lex.place_strip and _prefix_len(toks, k, lex.place_strip))
        )

    def _gaz_len(self, toks: list[_Tok], k: int) -> int:
        """Longest place name of the gazetteer starting at ``k`` (two words or more)."""
        if k + 2 > len(toks):
            return 0
        t = toks[k]
        if not (t.clipped or t.fold in self._gaz_first_words or t.fold in self.lex.compass_before):
            return 0  # no place name of the gazetteer starts with this word
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
            if toks[k].is_conn and k > 0:
                k += 1  # "of the" after a name cut off before a body's name
                continue
            g = self._gaz_len(toks, k) if k + 1 < n else 0
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
                while person and org_end - 1 > k + h and self._rank(toks[org_end - 1]):
                    org_end -= 1  # "Polres Abc AKP Xyz": the rank before the name is no part of the body
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
            role_name = False
            while end < n:
                f = toks[end].fold
                if end > k and f in lex.org_tails:
                    c = self._name_before_link(toks, k, end, had_title=had_title and k == 0)
                    if c > k:
                        end = c  # the name words before "of the": labelled on their own below
                        role_name = had_title and k == 0
                        break
                    tail_label = ORG
                    end += 1
                    # "... Plantation Fund Management Agency": on to a later tail
                    x = end
                    while x < n and not toks[x].is_conn and not toks[x].after_hyphen:
                        if toks[x].fold in lex.org_tails:
                            end = x + 1
                        elif self._org_start(toks, x):
                            break
                        x += 1
                    break
                if end > k and f in lex.place_tails and not self._tail_ahead(toks, end + 1):
                    # "Abc Island City Council": an organisation tail later makes it a body's name
                    tail_label = PLACE
                    end += 1
                    break
                if end > k and (
                    toks[end].after_hyphen
                    or (toks[end - 1].clipped and not _collective(toks[end - 1]))  # "Abc's Def Province"
                    or self._org_start(toks, end)
                    or self._starts_place(toks, end)
                ):
                    break
                end += 1
            if tail_label == ORG:
                end = self._linked_end(toks, end)
            if tail_label:
                if had_title:
                    pending.clear()
                self._emit(toks, k, end, tail_label, 3)
                k = end
                continue
            if role_name:
                self._emit(toks, k, end, PERSON, 2)  # "Geologist Xyz Abc of Def University"
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
            if a > 0 and toks[a].after_hyphen and not toks[a].acr and self._place_ends_at(toks[a - 1].end):
                self._emit(toks, a, b, PLACE, 2)  # the other end of a route "Abc-Def"
                continue
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

    def _particle_place(self, toks: list[_Tok], a: int, b: int) -> int:
        return _particle_place_of(self, toks, a, b)

    def _cue_before(self, tok: _Tok) -> bool:
        """Is the word before ``tok`` written in lowercase in the text ("said Xyz", "kata ketua
        Xyz"), not a capitalised sentence opener?"""
        text = self.doc.text
        at = tok.start
        if text[at - 2 : at] == ". " and _title_abbreviation(text, at - 2):
            at -= 2  # "dr. Xyz"
        return _left_word(text, at).islower()

    def _name_before_link(self, toks: list[_Tok], k: int, tail: int, *, had_title: bool = False) -> int:
        """Where a person's name before a body's name ends: "Xyz Abc of the Def University" (the
        tail word at ``tail``) gives the index of "of"; ``k`` when no connector follows a run of
        plain name words of a person named on its own elsewhere or right after a role
        ("Geologist Xyz Abc of Def University")."""
        c = k + 1
        while c < tail and not toks[c].is_conn:
            c += 1
        if c >= tail - 1 or c - k < 2 or not all(t.name for t in toks[k:c]):
            return k
        if not had_title and toks[c - 1].fold not in self.doc.short_refs:
            return k
        return c

    def _place_word(self, fold: str) -> bool:
        """Is the folded word a place: in the gazetteer, or found as a place so far in the text?"""
        return fold in self.doc.gaz or any(
            m.label == PLACE and m.text.casefold() == fold for m in self.doc.mentions
        )

    def _rank(self, tok: _Tok) -> bool:
        """A title written in capitals ("AKP", "KH"): a rank before a name, never a body's word."""
        return tok.fold in self.lex.titles and tok.text.isupper()

    def _linked_end(self, toks: list[_Tok], end: int) -> int:
        """Where a body's name that ends in a tail word at ``end - 1`` ends when a linking
        connector carries it on: "State Bank of Xyz", "Institute of Abc and Def".  The words
        after the link are the name's up to a title, a person's short name or a new body."""
        n = len(toks)
        lex = self.lex
        if end + 1 >= n or not toks[end].is_conn or toks[end].fold not in lex.org_links:
            return end
        last = end
        for x in range(end + 1, n):
            t = toks[x]
            if t.is_conn:
                continue
            if (
                t.after_hyphen
                or t.fold in self.doc.short_refs
                or (t.fold in lex.titles and t.fold not in lex.titles_in_names)
                or self._org_start(toks, x)
            ):
                break
            last = x + 1
        return last

    def _place_ends_at(self, end: int) -> bool:
        """Does the last mention found so far end at ``end`` as a place?"""
        mentions = self.doc.mentions
        return bool(mentions) and mentions[-1].end == end and mentions[-1].label == PLACE

    def _tail_ahead(self, toks: list[_Tok], k: int) -> bool:
        """Does an organisation tail end the plain words from ``k`` ("... Disaster Mitigation Agency")?"""
        for t in toks[k:]:
            if t.fold in self.lex.org_tails:
                return True
            if t.is_conn or t.fold in self.lex.org_heads1:
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
                if toks[end].acr or toks[end].fold in lex.org_tails:
                    end += 1
                    continue
                c = _prefix_len(toks, end, lex.org_continuations)
                if c:
                    end += c  # "ABRI Angkatan Laut": the branch of the forces is the body's
                    continue
                ps = _prefix_len(toks, end, lex.place_strip)
                g = self._gaz_len(toks, end + ps) or (
                    1 if end + ps < len(toks) and toks[end + ps].fold in self.doc.gaz else 0
                )
                if ps and not g and end + ps < len(toks) and toks[end + ps].name:
                    g = len(toks) - end - ps
                if g and (ps or end + ps + g == len(toks)):
                    end = end + ps + g  # "BPBD Kabupaten Malang Nama Orang": the regency is the body's
                break
            return end
        n = len(toks)
        while end < n:
            if toks[end].after_hyphen or _prefix_len(toks, end, lex.event_heads):
                break
            # a new head ends the name ("PT Bank ...", "Konfederasi Serikat ..." go on: head only so
            # far), unless only a place follows it ("Bank Indonesia Perwakilan Jawa Tengah")
            h2 = _prefix_len(toks, end, lex.org_heads) if end > k + h else 0
            if (
                h2
                and not self._unit_of(toks, k, end)
                and not _prefix_len(toks, end, lex.place_strip)
                and not _prefix_len(toks, end, lex.org_continuations)
                and not (end + h2 < n and _is_place(self._words(toks, end + h2, n), self.doc))
            ):
                break
            end += 1
        # a known shorter organisation that is a prefix of this run ends it there, unless a place
        # follows ("Dinas Pendidikan" known, "Dinas Pendidikan Jawa Barat" here)
        for m in range(k + h + 1, end):  # a head alone is no name ("Ombudsman" of "kantor Ombudsman")
            if (
                self._words(toks, k, m).casefold() in self.doc.known_orgs
                and not _is_place(self._words(toks, m, end), self.doc)
                and not (_prefix_len(toks, m, lex.org_heads) and self._unit_of(toks, k, m))
            ):
                return m  # not "Komisi II" of "Komisi II Dewan ...": a unit goes on into its body
        return end

    def _unit_of(self, toks: list[_Tok], k: int, end: int) -> bool:
        """Is ``toks[k:end]`` a unit of the body whose head starts at ``end``: a unit head and at
        most two more words ("Komisi IV Dewan ...", "Fakultas Hukum Universitas ...")?"""
        u = _prefix_len(toks, k, self.lex.org_units)
        return bool(u) and end - k - u <= 2 and not any(t.is_conn for t in toks[k:end])

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
                while (
                    s - 1 >= a
                    and m - (s - 1) < 4
                    and (toks[s - 1].name or self._first_name(toks, s - 1, m - s + 1))
                ):
                    s -= 1
                if s < m:
                    return s, b
                continue
            # the referenced word itself is a name even when a gazetteer lists it ("kata Lim"),
            # and so is a middle name that is a place's too ("Abu Gilbert Sitorus")
            if b - m <= 5 and all(
                t.name or j == m or (j < b - 1 and toks[b - 1].name and self._middle_name(t))
                for j, t in enumerate(toks[m:b], m)
            ):
                s = m
                if whole:
                    while s - 1 >= a and toks[s - 1].name:
                        s -= 1
                return s, b
        return None

    def _middle_name(self, tok: _Tok) -> bool:
        """A gazetteer word that may be a middle name: no acronym, head, tail or title."""
        return (
            not tok.is_conn and not tok.acr and tok.fold in self.doc.gaz and tok.fold not in self.lex.not_name
        )

    def _common_phrase(self, toks: list[_Tok], a: int, b: int) -> bool:
        """Are the capitalised words common words, not a name: each a dictionary word (its root
        after the usual affixes) or written in lowercase elsewhere in the text ("Harga Saham",
        "Electric Buses"), or the run quoted on its own ("Kelas Saham Cuan")?"""
        text = self.doc.text
        s, e = toks[a].start, toks[b - 1].end
        if s > 0 and text[s - 1] in _OPEN_QUOTES and text[e : e + 1] in _CLOSE_QUOTES:
            return True
        for t in toks[a:b]:
            common = self._common.get(t.fold)
            if common is None:
                common = self._common[t.fold] = _in_dictionary(t.fold) or _lowercase_in(text, t.fold)
            if not common:
                return False
        return True

    def _first_name(self, toks: list[_Tok], k: int, rest: int) -> bool:
        """Is the gazetteer word ``toks[k]`` a person's first name: the first word after a role
        ("Minister for Economic Affairs Bambang Suryo Hadiningrat"), or the first of a run of
        three name words or more (``rest`` name words follow it)?  Not after an organisation
        ("Kemenlu Kazakhstan Aibek Smadiyarov")."""
        if toks[k].fold not in self.doc.gaz:
            return False
        return self._role(toks[k - 1]) if k > 0 else rest >= 2

    def _role(self, tok: _Tok) -> bool:
        """A word of a role before a name: a title, a portfolio word, a connector, a numeral."""
        lex = self.lex
        f = tok.fold
        return (
            tok.is_conn
            or (f in lex.titles and f not in lex.titles_in_names)
            or f in lex.role_words
            or (tok.text.isupper() and tok.text in lex.generic_acronyms)
        )

    def _name_start(self, toks: list[_Tok], a: int, b: int) -> int:
        """Where a person's name starts in ``toks[a:b]``: after the role words before it
        ("Finance Minister II Ahmad Fauzi", "State for National Development Lim Chee Keong") and
        after a place inside the role ("... Perdagangan Vietnam Tran Quoc Minh Duc")."""
        start = a
        if (
            a > 0
            and b - a >= 3
            and toks[a].fold in self.lex.titles_in_names
            and not toks[a - 1].is_conn
            and self._place_word(toks[a - 1].fold)
        ):
            start = a + 1  # "Abcville Mayor Xyz Abc Def": a place's title, not a first name
        elif b - a >= 3 and toks[a].acr and toks[a].fold in agency_names():
            start = a + 1  # "ha raccontato all'ABCA Xyz Abc": the news agency told, then the name
        particles = self.lex.name_particles
        for k in range(b - 2, a - 1, -1):
            t = toks[k]
            if (
                t.is_conn
                and t.fold in particles
                and k > a
                and (toks[k - 1].name or toks[k - 1].fold in particles)
            ):
                continue  # "Abc van der Def", "Abc bin Def": a particle of the name
            if self._role(t) or (t.fold in self.lex.non_name_tokens and k > a and self._role(toks[k - 1])):
                start = k + 1  # "Minister II Ahmad", not "I Nyoman"
                break
        gaz = self.doc.gaz
        for k in range(start + 1, b - 2):
            if toks[k].fold in gaz:
                if all(t.name for t in toks[k + 1 : b]):
                    start = k + 1
                break
        return start

    def _emit(self, toks: list[_Tok], a: int, b: int, label: str | None, strength: int) -> None:
        if label == PERSON and b - a >= 2:
            a = self._name_start(toks, a, b)
        if a >= b:
            return
        if toks[a].fold in self.lex.non_entity_edges or toks[b - 1].fold in self.lex.non_entity_edges:
            return  # "Grup WhatsApp", "WhatsApp Jogja Smart Service": a channel, not a name
        if label == PERSON and toks[a].fold in self.lex.articles:
            return  # "The Abc": a body or a thing, never a person's name
        if label == PLACE and b - a >= 2 and toks[b - 1].fold in self.lex.place_strip_after:
            b -= 1  # "Abc Ward" -> "Abc"
        s, e = toks[a].start, toks[b - 1].end
        if label == ORG and toks[b - 1].text in _ABBREVIATED_TAILS and self.doc.text[e : e + 1] == ".":
            e += 1  # "Abc Ferry Co.": the abbreviation's full stop is the name's
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
            if h >= 2 and tuple(t.fold for t in toks[a:b]) in lex.named_heads:
                self._emit(toks, a, b, ORG, 3)  # "Guardia Civil": a two-word head names a body
            return  # a head word alone ("Tim", "Badan") is no name
        if h and all(t.text.isupper() and t.text in lex.generic_acronyms for t in toks[a + h : b]):
            return  # "Tim SAR", "Tim IT": a head and a generic acronym name a kind of team, no body
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
        if lex.name_particles and b - a >= 3:
            p = self._particle_place(toks, a, b)
            if p:
                # "Abc Def van Ghiville": a name, then "of" and a place
                self._emit(toks, p + 1, b, PLACE, 2)
                b, right, whole = p, doc.text[toks[p - 1].end : toks[p - 1].end + 40], False
            elif (po := _particle_org_of(self, toks, a, b))[0]:
                # "woordvoerder Abc Def van XyzBouw": a name, then "of" and the body it speaks for
                p = po[0]
                self._emit(toks, po[1], b, ORG, 2)
                b, right, whole = p, doc.text[toks[p - 1].end : toks[p - 1].end + 40], False
        words = doc.text[toks[a].start : toks[b - 1].end]
        if words.casefold() in lex.non_entities:
            return
        if (
            toks[a].fold in lex.non_name_tokens
            if b - a == 1
            else all(t.fold in lex.non_name_tokens for t in toks[a:b])
        ):
            return
        in_brackets = "(" in right  # an age or a defined term's acronym may follow
        if in_brackets and _DEFINED_TERM.match(right):
            return  # "Nomor Pokok Wajib Pajak (NPWP)": a defined term, not a name
        if toks[a].fold in doc.gaz if b - a == 1 else _is_place(words, doc):  # one word: no compass
            if (
                b - a == 1
                and lex.noun_articles
                and left.casefold() in lex.noun_articles
                and toks[a].fold not in lex.territories
            ):
                return  # "der Zug", "das Essen": a noun named like a town, not the town
            if (
                b - a == 1
                and lex.name_particles
                and toks[a].fold not in lex.base_gaz
                and _lowercase_in(doc.text, toks[a].fold)
            ):
                return  # "Casa" where the text also writes "casa": a word, not a town
            self._emit(toks, a, b, PLACE, 2)
            return
        lw = left.casefold()
        article = lw in lex.articles
        rw = right.lstrip(" ,").split(" ", 1)[0].casefold().strip(".,;:")
        if rw in lex.verb_aux:  # "Abc Def ha explicado", "Abc a déclaré": the verb after the auxiliary
            rw = (
                right.lstrip(" ,").split(" ", 2)[1:2][0].casefold().strip(".,;:")
                if " " in right.lstrip(" ,")
                else rw
            )
        age = (in_brackets and bool(_AGE.match(right))) or (
            right[:2] == ", " and b - a >= 2 and bool(_AGE_APPOSITION.match(right))
        )
        verb_cue = (
            age
            or (rw in lex.person_verbs and not (right[:1] == "," and lw in lex.place_cues))
            or (b - a >= 2 and right[:2] == ", " and _person_apposition(right, lex))
        )
        person_cue = verb_cue or (whole and right.startswith(",") and had_title)
        if appos_org or lw in lex.org_nouns:
            self._emit(toks, a, b, ORG, 3 if appos_org else 2)
            return
        if b - a >= 2 and verb_cue:
            self._emit(toks, a, b, PERSON, 3)
            return
        if rw in lex.place_cues_after:
            if not (b - a == 1 and _demonym(toks[a].fold, doc.gaz)):  # not "the Xyzian island"
                self._emit(toks, a, b, PLACE, 3)
            return
        if (
            (had_title or ((lw in lex.said_cues or lw in lex.titles) and self._cue_before(toks[a])))
            and lex.titles_open_sentences
            and b - a >= 2
            and all(
                not t.acr and (t.fold in lex.name_particles if t.is_conn else t.fold not in lex.not_name)
                for t in toks[a:b]
            )
        ):
            self._emit(toks, a, b, PERSON, 3)  # "la ministra de Cultura, Abc Def Lisboa"
            return
        if (
            (
                had_title
                or (
                    (lw in lex.said_cues or lw in lex.titles)
                    and len(toks[b - 1].fold) > 1
                    and not any(t.fold in lex.non_name_tokens for t in toks[a:b])
                    and self._cue_before(toks[a])
                )
            )
            and b - a >= 2
            and toks[b - 1].fold not in doc.gaz
            and all((not t.is_conn or t.fold in lex.name_particles) and not t.acr for t in toks[a:b])
        ):
            self._emit(toks, a, b, PERSON, 2)  # "Presiden Vladimir Putin"
            return
        if b - a > 1 and any(t.fold in doc.gaz for t in toks[a:b]):
            if lw in lex.place_cues:
                self._emit(toks, a, b, PLACE, 1)
            return
        if b - a >= 2 and all(t.name or (t.is_conn and t.fold in lex.name_particles) for t in toks[a:b]):
            if lw in lex.place_cues and not had_title:
                self._emit(toks, a, b, PLACE, 1)
            elif had_title:
                self._emit(toks, a, b, PERSON, 3)
            elif (
                not article
                and lex.guess_people
                and not any(t.is_conn for t in toks[a:b])  # "Corrida do Abc": no guess with particles
                and not self._common_phrase(toks, a, b)
            ):
                self._emit(toks, a, b, PERSON, 1)  # a guess, but never "the Abc Def"
            return
        if (
            lw in lex.place_links
            and lex.place_nouns_of
            and _left_word(doc.text, toks[a].start - len(lw) - 1).casefold() in lex.place_nouns_of
        ):
            self._emit(toks, a, b, PLACE, 2)  # "the island of Xyz", "los puertos de Xyz"
            return
        if b - a == 1:
            t = toks[a]
            if had_title and not person_cue:
                return  # a role's last word ("Direktur Utama"), or a bare name after a title: unsure
            if lw in lex.place_cues and not person_cue:
                if t.name:  # not "ke IGD": a generic acronym is no place
                    self._emit(toks, a, b, PLACE, 1)
            elif person_cue and not (article and lex.name_particles):
                # not "depuis le Abc-Port, dénonce": after an article a word names a thing
                self._emit(toks, a, b, PERSON, 2)
            elif t.name:
                self._emit(toks, a, b, None, 0)


def _particle_place_of(chunker: _Chunker, toks: list[_Tok], a: int, b: int) -> int:
    """Index of a name particle in ``toks[a:b]`` after name words, with a known place after it up
    to the end ("Abc Def van Ghiville"), else 0."""
    particles = chunker.lex.name_particles
    for p in range(a + 1, b - 1):
        t = toks[p]
        if (
            t.is_conn
            and t.fold in particles
            and not toks[p - 1].is_conn  # "Abc van der Berg": "der Berg" is the name's
            and not toks[p + 1].is_conn
            and all(x.name or x.is_conn for x in toks[a:p])
            and _is_place(chunker._words(toks, p + 1, b), chunker.doc)
        ):
            return p
    return 0


_INNER_CAPITAL = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+[A-ZÀ-ÖØ-Þ]|[A-Z]{2,}-)")


def _particle_org_of(chunker: _Chunker, toks: list[_Tok], a: int, b: int) -> tuple[int, int]:
    """Indices of a name particle after name words and of the body's name that follows it up to
    the end ("Abc Def van XyzBouw", "Abc Def van het ABCD"), else (0, 0).  A body's name: an
    acronym, a word with a capital inside ("XyzBouw"), or a name the text calls an organisation
    elsewhere; an article may stand before it."""
    particles, articles = chunker.lex.name_particles, chunker.lex.articles
    for p in range(a + 2, b - 1):
        t = toks[p]
        if not (t.is_conn and t.fold in particles and toks[p - 1].name):
            continue
        q = p + 1
        while q < b - 1 and toks[q].is_conn and toks[q].fold in articles:
            q += 1  # "van de XYZ", "van het XYZ-team"
        if any(x.is_conn for x in toks[q:b]):
            return 0, 0
        if (q == b - 1 and (toks[q].acr or _INNER_CAPITAL.match(toks[q].text))) or (
            chunker._words(toks, q, b).casefold() in chunker.doc.known_orgs
        ):
            return p, q
        return 0, 0
    return 0, 0


def _names_to_link(toks: list[_Tok], k: int) -> bool:
    """Are the words from ``k`` name words up to the end or to a connector ("Xyz Abc of Def
    University"), two of them at least before a connector?"""
    for n, t in enumerate(toks[k:]):
        if t.is_conn:
            return n >= 2
        if not t.name:
            return False
    return True


_ARTICLES = frozenset(("a", "an", "the"))
_AFTER_TITLE = frozenset(("at", "of", "for", "in", "with", "from", "and", "who", "on"))


def _person_apposition(right: str, lex: Lexicon) -> bool:
    """Does ``right`` (the text after a name, starting ", ") describe a person: "Xyz, who runs
    a shop", "Xyz, chief economist at ...", "Xyz, a 40-year-old teacher,", "Xyz, the firm's
    chief economist"?

    The clause up to the next comma or full stop opens with a person word, a lowercase title
    or an article; an article-led clause has a lowercase title word ("teacher") in its first
    five words.
    """
    clause = right[2:].split(",", 1)[0].split(".", 1)[0].split(" ")
    first = clause[0]
    if not first.islower():
        return False
    if first in lex.person_after_comma or first in lex.titles:
        return True  # "Xyz, who ...", "Xyz, chief economist at ..."
    if first not in lex.articles:
        return False
    for n, w in enumerate(clause[1:6], 1):
        # the title ends the apposition or a prepositional phrase follows it ("analyst at");
        # "the president's plan" is about something else
        if w.islower() and w in lex.titles:
            return n + 1 >= len(clause) or clause[n + 1] in _AFTER_TITLE
    return False


# --------------------------------------------------------------------------------------------
# Document level


_PAREN_ACR = re.compile(r"\(([A-Z][A-Za-z0-9&\-]{1,11})\)")
_PAREN_ALIAS = re.compile(r"\(([A-Z][A-Za-z0-9&\-]{1,11}(?: [A-Z][A-Za-z0-9&\-]{1,11}){0,2})\)")
_TLD = re.compile(r"\.(?:com|co|id|net|org|tv|news|go|ac|or|info|my|sg|uk|ph|vn|COM|CO|ID|NET|ORG|TV)\b")


def _word_start(text: str, i: int) -> int:
    """Start of the web address whose top-level part starts at ``i``."""
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-."):
        i -= 1
    return i


_SLASH_ACR = re.compile(r"/([A-Z][A-Z0-9]{1,7})\b")


def _apposition_org(text: str, start: int, end: int, nouns: frozenset[str], titles: frozenset[str]) -> bool:
    """``..., perusahaan rintisan asal Bandung, Nama,``: a name set off by commas after an org noun.

    The noun is a common noun (lowercase, or the clause's first word before a lowercase one):
    "Lembaga" in a body's name ("Ketua Lembaga Abc Def, Nama,") is no such noun, and a clause
    that opens with a title ("Ketua ...", "Direktur ...") names a person's role."""
    if text[start - 2 : start] != ", " or text[end : end + 1] != ",":
        return False
    i = start - 2
    j = _clause_start(text, i)  # the clause before the comma
    clause = text[j:i].split()
    if not clause or clause[0].casefold() in titles:
        return False
    if clause[0].casefold() in nouns and len(clause) > 1 and clause[1].islower():
        return True
    return any(w in nouns for w in clause if w.islower())


_CLAUSE_MARKS = ',.;:\n"“”'


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts: after the last of ``,.;:`` a line break or a
    quotation mark before ``end`` (0 when none).  The 200 characters before ``end`` are searched
    first: a mark that is absent there is not looked for through the whole text before."""
    lo = max(0, end - 200)
    j = max([text.rfind(c, lo, end) for c in _CLAUSE_MARKS])
    if j < 0 and lo > 0:
        j = max([text.rfind(c, 0, lo) for c in _CLAUSE_MARKS])
    return j + 1


_ABBREVIATION_SPLIT = re.compile(r"[\s,\-]+")


@lru_cache(maxsize=65_536)
def _abbreviation_words(full: str) -> tuple[str, ...]:
    """The words of an organisation's name an abbreviation takes letters from (cached per name)."""
    return tuple(
        w
        for w in _ABBREVIATION_SPLIT.split(full.casefold())
        if w and w not in ("pt", "dan", "and", "of", "the", "tbk", "persero")
    )


@lru_cache(maxsize=65_536)
def _abbreviates(short: str, full: str) -> bool:
    """True when ``short`` reads as an abbreviation of ``full``: "BMKG", "Kemenkes", "Pelindo"
    (cached per pair of names)."""
    s = short.casefold().replace("-", "")
    words = _abbreviation_words(full)
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


# a lone capitalised word right before a comma that follows a lowercase word ("nada Zakharova,")
_LONE_CAP = re.compile(r"([A-ZÀ-ÖØ-Þ](?<=[a-z] .)[a-zà-öø-ÿ]{3,})(?=,)")


_UPPER_CHAR = re.compile(f"[{_UPPER}]")


def _short_ref_names(
    text: str, lex: Lexicon, chunks: list[tuple[int, int]]
) -> Iterator[tuple[int, int, bool]]:
    """(start, end, after a verb) of the names in ``CUE Name`` (the name not followed by another
    capitalised word) and ``Name VERB``, from left to right, not overlapping.

    The name is a word of a chunk: after a cue it starts the chunk, before a verb it ends it
    (neither cues nor verbs join chunks).  This is the scan of the regex
    ``\b(?:CUE)[ ](NAME)(?![ ][A-Z])|(NAME)[ ](?:VERB)\b`` without a pass over the whole text.
    """
    hits: list[tuple[int, int, int, int, int]] = []  # match start, 0 cue/1 verb, name start, end, match end
    cue_ends, verb_starts = lex.said_cue_last_letters, lex.verb_first_letters
    said_before, verb_after = lex.said_before.match, lex.verb_after.match
    for start, end in chunks:
        # the letters around the space are tested first: most chunks have neither cue nor verb
        if (
            start >= 2
            and text[start - 1] == " "
            and text[start - 2] in cue_ends
            and (cue := said_before(text, start))
        ):
            name = lex.tok.match(text, start)
            e = name.end() if name else -1
            if e > 0 and text.startswith(" ", e) and _UPPER_CHAR.match(text, e + 1):
                # another capitalised word follows: the regex backtracks to the name's last
                # apostrophe or hyphen ("O" of "kata O'Neil Budi"), if any
                e = max(text.rfind(c, start, e) for c in "’'-")
            if e > start:
                cue_start = min(a for a, _ in cue.regs[1:] if a >= 0)
                hits.append((cue_start, 0, start, e, e))
        if (
            text.startswith(" ", end)
            and text[end + 1 : end + 2] in verb_starts
            and (verb := verb_after(text, end))
        ):
            # the chunk's last word
            name_start = max(text.rfind(" ", start, end), text.rfind("/", start, end), start - 1) + 1
            hits.append((name_start, 1, name_start, end, verb.end()))
    hits.sort()
    last = 0
    for match_start, kind, name_start, name_end, match_end in hits:
        if match_start >= last:
            last = match_end
            yield name_start, name_end, kind == 1


def _collect_short_refs(text: str, lex: Lexicon, chunks: list[tuple[int, int]]) -> set[str]:
    out = set()
    gaz = lex.gaz
    dictionary = _dictionary()
    for m in _LONE_CAP.finditer(text):
        f = m.group(1).casefold()
        if f in gaz or f in dictionary or f in lex.titles:
            continue
        if not text[text.rfind(" ", 0, m.start() - 1) + 1].islower():
            continue  # "Sinar Metalindo,": the last word of a longer name, not "nada Zakharova,"
        out.add(f)
    for start, end, verb in _short_ref_names(text, lex, chunks):
        name = text[start:end]
        if verb and _left_word(text, start)[:1].isupper():
            continue  # the last word of a longer name
        f = name.casefold()
        if f in lex.common_starts or f in lex.titles or f in lex.role_words or _ACRONYM.match(name):
            continue  # "... Science and Technology said": a portfolio word ends a body's name
        out.add(f)
    return out


def find_mentions(text: str, language: str | None) -> list[Mention]:
    """Candidate mentions in ``text`` with their labels before the document-level merge."""
    lex = lexicon(language)
    spans = [m.span() for m in lex.chunk.finditer(text)]
    doc = _Doc(text, lex, lex.gaz, _collect_short_refs(text, lex, spans))
    # "Full Name (ACR)": ACR is an alias of the name; a lowercase expansion makes ACR no name
    for m in _PAREN_ACR.finditer(text):
        acr = m.group(1)
        before = text[max(0, m.start() - 120) : m.start()].rstrip()
        words = before.split()
        if words and (not words[-1][:1].isupper() or words[-1].casefold() in lex.term_tails):
            doc.non_entity_acronyms.add(acr.casefold())  # "harga acuan (HBA)", "Crude Price (ICP)"
    if "/" in text:
        # "(official selling price/OSP)": an acronym after a lowercase expansion and a slash
        doc.non_entity_acronyms.update(
            m.group(1).casefold()
            for m in _SLASH_ACR.finditer(text)
            if text[m.start() - 1 : m.start()].islower()
        )
    chunker = _Chunker(doc)
    role_end = -1  # where the last role's portfolio ends ("la ministra de Cultura|, Abc Def")
    # chunks and their items; pre-pass: organisation names (so that "PT X Nama Orang" can be
    # split at a known "PT X")
    chunks: list[tuple[int, int, list[tuple[int, int]], list[list[_Tok]]]] = []
    for start, end in spans:
        chunk = text[start:end]
        if "," in chunk or "/" in chunk or (" " in chunk and not lex.joiners.isdisjoint(chunk.split(" "))):
            items = [it.span() for it in lex.item.finditer(text, start, end)]
            if len(items) > 1 and _join_as_one(text, items, lex):
                items = [(start, end)]
            item_toks = [chunker.tokens(s0, e0) for s0, e0 in items]
        else:
            items = [(start, end)]  # no list: the chunk is one item
            item_toks = [chunker.tokens(start, end)]
        chunks.append((start, end, items, item_toks))
        for toks in item_toks:
            if toks and chunker._org_start(toks, 0) and not _prefix_len(toks, 0, lex.place_heads):
                doc.known_orgs.add(text[toks[0].start : toks[-1].end].casefold())
    for start, end, items, item_toks in chunks:
        if len(items) == 1:
            toks = item_toks[0]
            if not toks:
                continue
            sent0 = _sentence_initial(text, start)
            if sent0 and len(toks) == 1:
                if chunker._common_start(toks[0]) or chunker._plural_start(toks[0]):
                    continue  # no name: what run() would find, without the context it needs
                sent0 = False  # run() would ask again, with the same answer
        left = _left_word(text, start)
        if not left and text[start - 2 : start] == ". " and _title_abbreviation(text, start - 2):
            left = _left_word(text, start - 2)  # "dr. Nama": the title before its full stop
        right = text[end : end + 40]
        portfolio = bool(lex.name_particles) and _after_role_connector(text, start, lex)
        if portfolio:
            role_end = end
            # "il ministro dell'Economia Abc Def", "a ministra do Trabalho, Abc Def": the first
            # word is the role's portfolio, a name may follow it
            if len(items) > 1:
                for n, (_, e) in enumerate(items):
                    item_right = right if n == len(items) - 1 else text[e : e + 40]
                    chunker.run(
                        item_toks[n], sentence_initial=False, left="", right=item_right, after_title=True
                    )
                continue
            h = chunker._org_start(toks, 0)
            if h and not (
                h == 1
                and len(toks) >= 3
                and all(not t.is_conn and not t.acr and t.fold not in lex.not_name for t in toks[1:])
            ):
                # "presidente da Câmara Municipal do Abc": the role's body, named in full
                chunker.run(toks, sentence_initial=False, left="", right=right, after_title=True)
                continue
            rest = _strip_connectors(toks[1:])
            if len(rest) >= 2:
                chunker.run(rest, sentence_initial=False, left="", right=right, after_title=True)
            continue
        if (
            len(items) == 1
            and lex.name_particles
            and text[start - 2 : start] == ", "
            and (start - 2 == role_end or _lowercase_title_before(text, start - 2, lex))
        ):
            # "la ministra de Cultura, Abc Def Ghi", "a presidente da câmara, Abc Def": the name
            # set off after a role
            chunker.run(toks, sentence_initial=False, left="", right=right, after_title=True)
            continue
        if len(items) == 1:
            chunker.run(
                toks,
                sentence_initial=sent0,
                left=left,
                right=right,
                appos_org=text[start - 2 : start] == ", "
                and _apposition_org(text, start, end, lex.org_nouns, lex.titles),
            )
            continue
        sent0 = _sentence_initial(text, start)
        first = len(doc.mentions)
        last = len(items) - 1
        if _role_list(item_toks, lex):
            # "Direktur Industri Maritim, Alat Transportasi, dan Alat Pertahanan Kemenperin, Nama":
            # the items before the last are the role's portfolio
            chunker.run(item_toks[last], sentence_initial=False, left="", right=right, after_title=True)
            continue
        for n, (_, e) in enumerate(items):
            chunker.run(
                item_toks[n],
                sentence_initial=sent0 and n == 0,
                left=left if n == 0 else "",
                right=right if n == last else text[e : e + 40],
                appos_org=False,
            )
        _share_list_label(doc.mentions[first:])
        if left.casefold() in lex.list_cues and _place_noun_before(text, start, lex):
            # "tiga kecamatan, yakni Abc, Def, dan Ghi": the items are places
            for mention in doc.mentions[first:]:
                if mention.label is None or (mention.label == PERSON and mention.strength < 3):
                    mention.label, mention.strength = PLACE, 2
    if lex.sentence_case_org is not None:
        _sentence_case_orgs(doc, spans)
    if "(" in text:
        _spelled_out_orgs(doc)
    # aliases: "Full Name (ACR)", "Full Name (Short Name)"
    by_end: dict[int, list[Mention]] | None = None
    for m in _PAREN_ALIAS.finditer(text):
        acr = m.group(1)
        if by_end is None:
            by_end = {}
            for mention in doc.mentions:
                by_end.setdefault(mention.end, []).append(mention)
        at = m.start()
        # the mentions that end at most two characters before the bracket, in the order found
        near = [x for end in (at - 2, at - 1, at) for x in by_end.get(end, ())]
        if len(near) > 1:
            order = {id(x): n for n, x in enumerate(doc.mentions)}
            near.sort(key=lambda x: order[id(x)])
        for mention in near:
            if mention.label == ORG:
                office = _office_name(doc, mention, m.end())
                doc.aliases[acr.casefold()] = office or mention.text
                if office:
                    doc.aliases[mention.text.casefold()] = office
            elif mention.label == PLACE and " " in mention.text and _abbreviates(acr, mention.text):
                doc.place_aliases[acr.casefold()] = mention.text  # "Jawa Utara (Jatara)"
    if "." in text:
        domains = [
            (_word_start(text, m.start()), m.end())
            for m in _TLD.finditer(text)
            if m.start() > 0 and text[m.start() - 1].isalnum()
        ]
        if domains:
            # "Merdeka.com", "KONTAN.CO.ID": a web address is no name
            doc.mentions = [
                m for m in doc.mentions if not any(a <= m.end and m.start <= b for a, b in domains)
            ]
    _numbered_units(doc, spans)
    _label_from_neighbours(doc)
    _places_in_a_row(doc)
    return _resolve(doc)


_UNIT_NUMBER = re.compile(r" (?:\d{1,5}|[IVXL]{1,6})(/| )(?=[A-ZÀ-ÖØ-Þ])")


def _slash_unit(text: str) -> bool:
    """Is there a slash between a number and a capital ("0123/Abc") in ``text``?"""
    at = text.find("/")
    while at >= 0:
        if at > 0 and (text[at - 1].isdigit() or text[at - 1] in "IVXL") and text[at + 1 : at + 2].isupper():
            return True
        at = text.find("/", at + 1)
    return False


def _numbered_units(doc: _Doc, spans: list[tuple[int, int]]) -> None:
    """Bodies with a unit number: "Komando Abc 0123/Def Ghi" (an organisation, a number, a slash
    and the unit's name) and "SMA Negeri 3 Abc" (a word that takes a number, the number, a
    place): one organisation from the first capitalised run to the end of the second."""
    text, lex = doc.text, doc.lex
    if not _slash_unit(text) and not any(w in text for w in lex.numbered_unit_words_as_written):
        return  # most texts: no unit number
    for n in range(len(spans) - 1):
        s, e = spans[n]
        c = text[e + 1 : e + 2]
        if text[e : e + 1] != " " or not c or not (c.isdigit() or c in "IVXL"):
            continue
        m = _UNIT_NUMBER.match(text, e)
        if m is None or spans[n + 1][0] != m.end():
            continue
        unit = lex.item.match(text, m.end())  # the unit's name: no list joiner goes on from it
        end = unit.end() if unit else spans[n + 1][1]
        if m.group(1) == "/":
            org = next((x for x in doc.mentions if x.label == ORG and x.end == e), None)
            if org is None:
                continue
            s = org.start
        elif text[s:e].rsplit(" ", 1)[-1].casefold() not in lex.numbered_unit_words:
            continue
        else:
            s = max((it.start() for it in lex.item.finditer(text, s, e) if it.end() == e), default=s)
            while text[s:e].split(" ", 1)[0].casefold() in lex.titles and " " in text[s:e]:
                s = text.index(" ", s) + 1  # "Kepala SMA Negeri 3 Abc": the role is no part of it
        at = next((i for i, x in enumerate(doc.mentions) if s <= x.start < end), len(doc.mentions))
        kept = [x for x in doc.mentions[at:] if x.end <= s or x.start >= end]
        doc.mentions[at:] = [Mention(text[s:end], s, end, ORG, 3), *kept]


_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _initials_spell(acr: str, words: list[str]) -> bool:
    """Do the words' initials spell ``acr`` (folded letters), every capitalised word giving its
    letter in order and a lowercase word giving one or none: "Pusat of Kajian on Ekonomi" spells
    "poke" and "pke"?"""

    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(acr)
        w = words[j]
        hit = i < len(acr) and w[0].casefold() == acr[i]
        if w[0].isupper():
            return hit and match(i + 1, j + 1)
        return (hit and match(i + 1, j + 1)) or match(i, j + 1)

    return len(words) <= 12 and match(0, 0)


def _spelled_out_orgs(doc: _Doc) -> None:
    """ "Role Full Name (ACR) Person": the capitalised words right after a title whose initials
    spell the acronym in brackets are a body's name ("Peneliti Pusat Kajian Abc (PKA) Nama
    Orang", "Ekonom Institute of Xyz on Trade (IXT) Nama"), whatever else they looked like."""
    text, lex = doc.text, doc.lex
    for m in _PAREN_ACR.finditer(text):
        acr = m.group(1)
        if not acr.isalpha() or acr in lex.generic_acronyms or m.start() < 2:
            continue
        if text[m.start() - 1] != " " or any(x.end == m.start() - 1 and x.label == ORG for x in doc.mentions):
            continue  # a body's name already ends there
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = list(_WORD.finditer(text, max(line_start, m.start() - 160), m.start() - 1))
        # the words up to the bracket, back to the first that is no capitalised word or short connector
        first = len(words)
        while first > 0:
            w = words[first - 1]
            gap = text[w.end() : words[first].start() if first < len(words) else m.start()]
            if gap != " " or not (w.group()[0].isupper() or (len(w.group()) <= 3 and w.group().islower())):
                break
            first -= 1
        letters = acr.casefold()
        if not acr.isupper():
            # "Sistem Informasi Abc Def (Siad)": a syllabic acronym of a scheme's name is no body
            run = [w.group() for w in words[first:]]
            if (
                run
                and _starts_with([w.casefold() for w in run], lex.event_heads)
                and _abbreviates(acr, " ".join(run))
            ):
                doc.non_entity_acronyms.add(letters)
            continue
        for s in range(first, len(words)):
            word = words[s].group()
            if not word[0].isupper() or not _initials_spell(letters, [w.group() for w in words[s:]]):
                continue
            f = word.casefold()
            if f not in lex.org_heads1 and _starts_with(
                [w.group().casefold() for w in words[s:]], lex.event_heads
            ):
                doc.non_entity_acronyms.add(letters)  # "Sistem Abc Def (SAD)": a scheme's name
                break
            if s > first and words[s - 1].group().casefold() in lex.titles:
                start, end = words[s].start(), words[-1].end()
                doc.mentions = [x for x in doc.mentions if x.end <= start or x.start >= end]
                doc.mentions.append(Mention(text[start:end], start, end, ORG, 3))
                doc.known_orgs.add(text[start:end].casefold())
                break
    doc.mentions.sort(key=lambda x: x.start)


def _sentence_case_orgs(doc: _Doc, spans: list[tuple[int, int]]) -> None:
    """Bodies named in sentence case: a capitalised head word ("Office", "Agenzia") alone in its
    run, then lowercase adjectives and linked words ("Office français de la biodiversité",
    "Agence régionale de santé"): one organisation over the words found so far."""
    text, lex = doc.text, doc.lex
    pattern = lex.sentence_case_org
    assert pattern is not None
    found: list[Mention] = []
    for start, end in spans:
        if text[end : end + 1] != " ":
            continue
        # the run's last word, after an elided article ("L’Office", "Selon l’Agence")
        head = (
            max(
                start - 1,
                text.rfind(" ", start, end),
                text.rfind("’", start, end),
                text.rfind("'", start, end),
            )
            + 1
        )
        if not text[head].isupper() or text[head:end].casefold() not in lex.org_heads1:
            continue
        m = pattern.match(text, end)
        if m is None:
            continue
        found.append(Mention(text[head : m.end()], head, m.end(), ORG, 3))
    if not found:
        return
    for org in found:
        doc.mentions = [x for x in doc.mentions if x.end <= org.start or x.start >= org.end]
        doc.known_orgs.add(org.text.casefold())
    doc.mentions.extend(found)
    doc.mentions.sort(key=lambda x: x.start)


def _office_name(doc: _Doc, org: Mention, after: int) -> str | None:
    """ "Full Name (ACR) Abcville, Nama Orang": the regional office's name, the place after the
    bracket included, when a place without an administrative prefix and a comma follow."""
    text = doc.text
    if text[after : after + 1] != " ":
        return None
    for x in doc.mentions:
        if x.start == after + 1:
            if (
                x.label in (PLACE, None)
                and text[x.end : x.end + 1] == ","
                and " " not in x.text  # a one-word town or regency, no "Abc Timur" province
                and (x.label == PLACE or x.text.casefold() in doc.gaz)
            ):
                doc.mentions.remove(x)
                return f"{org.text} {x.text}"
            return None
    return None


_LEFT_WORDS = re.compile(r"[\w’'\-]+")


def _after_role_connector(text: str, start: int, lex: Lexicon) -> bool:
    """Do a lowercase title and connectors stand right before ``start`` ("la ministra de la |",
    "il presidente dell'|", "de minister van |")?  The capitalised word there is the role's
    portfolio or body, not the start of a name."""
    before = text[max(0, start - 40) : start]
    if not before or before[-1] not in " '’":
        return False
    words = _LEFT_WORDS.findall(before)
    if not words:
        return False
    n = len(words) - 1
    seen = False
    while n >= 0:
        w = words[n].casefold().rstrip("'’")
        if w not in lex.connectors and w not in lex.elided:
            break
        seen = True
        n -= 1
    if not seen or n < 0:
        return False
    title = re.split(r"['’]", words[n])[-1]  # "l'assessore all'": the title after its article
    return title.islower() and title in lex.titles


def _lowercase_title_before(text: str, end: int, lex: Lexicon) -> bool:
    """Does the clause that ends at the comma at ``end`` (ten words at most) hold a title written
    in lowercase ("la portavoz|, ...", "el jefe de bomberos de la zona|, ...")?"""
    if text[end : end + 1] != ",":
        return False
    words = text[_clause_start(text, end) : end].split()
    return len(words) <= 10 and any(w.islower() and w in lex.titles for w in words)


def _place_noun_before(text: str, start: int, lex: Lexicon) -> bool:
    """Does a place noun ("kecamatan", "districts") come in the six words before ``start``,
    within its sentence?"""
    lo = max(text.rfind(c, 0, start) for c in ".\n") + 1
    words = text[max(lo, start - 80) : start].casefold().split()[-7:-1]
    return any(w.strip(",:") in lex.place_nouns for w in words)


def _label_from_neighbours(doc: _Doc) -> None:
    """An unlabelled one-word name between commas is a body when a sure body is listed next
    to it ("dari ABC, Xyzindo, DEF, dan relawan": Xyzindo is a body too).  Not so for places:
    an address or a list of names goes on after a place too often ("Abcton, Suite 200")."""
    mentions = doc.mentions
    text = doc.text
    for i, m in enumerate(mentions):
        if m.label is not None or " " in m.text:
            continue
        prev = mentions[i - 1] if i > 0 else None
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        for other, listed in (
            (prev, prev is not None and prev.end == m.start - 2 and text[prev.end : m.start] == ", "),
            (nxt, nxt is not None and nxt.start == m.end + 2 and text[m.end : nxt.start] == ", "),
        ):
            if (
                listed
                and other is not None
                and other.label == ORG
                and other.strength >= 2
                and len(other.text) > 2  # two capitals are no sure body: "Abcville, VA"
            ):
                if not _sentence_initial(text, m.start):  # not "Meanwhile, Abc Corp ..."
                    m.label, m.strength = ORG, 1
                break


def _places_in_a_row(doc: _Doc) -> None:
    """A guessed person's name right after a sure place and a comma, with no comma or bracket
    after it, is the next place of a row ("Desa Abc, Kecamatan Def, Ghi Jkl dengan ..."); a
    person set off after a place ("Kepala Desa Abc, Nama Orang, ...") has a comma after it."""
    mentions = doc.mentions
    text = doc.text
    for prev, m in itertools.pairwise(mentions):
        if (
            m.label == PERSON
            and m.strength <= 1
            and prev.label == PLACE
            and prev.strength >= 3
            and prev.end + 2 == m.start
            and text[prev.end : m.start] == ", "
            and text[m.end : m.end + 1] not in (",", "(")
        ):
            m.label, m.strength = PLACE, 2


def _role_list(item_toks: list[list[_Tok]], lex: Lexicon) -> bool:
    """Does a title start the list, with no later item starting an organisation, a title or a
    place ("Wakil Menteri Perindustrian dan Perdagangan Vietnam Nama Orang")?"""
    first = item_toks[0]
    if not first or first[0].fold not in lex.titles or first[0].fold in lex.titles_in_names:
        return False
    if len(first) < 2 or first[-1].fold in lex.titles:
        return False  # "Presiden dan Wakil Presiden": a list of roles
    for toks in item_toks[1:]:
        if not toks or toks[0].fold in lex.titles or toks[0].fold in lex.org_heads1:
            return False
    return True


def _join_as_one(text: str, items: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Is "A, B dan C" one organisation name ("Badan Meteorologi, Klimatologi, dan Geofisika")?"""
    firsts = [text[s:e] for s, e in items]
    words0 = firsts[0].casefold().split()
    k = 0
    while k < len(words0) - 1 and (
        words0[k] in lex.titles or words0[k] in lex.connectors or (k == 0 and words0[k] in lex.common_starts)
    ):
        k += 1  # "Ketua Umum Persatuan ... dan Beras": the role before the name
    if _starts_with(words0[k:], lex.event_heads):
        return True  # "Undang-Undang Informasi dan Transaksi Elektronik"
    acr = _PAREN_ACR.match(text, items[-1][1] + 1) if text[items[-1][1] : items[-1][1] + 2] == " (" else None
    if acr and _spans_joiner(acr.group(1), firsts):
        return True  # "Kementerian Energi dan Sumber Daya Mineral (ESDM)"
    head = _starts_with(words0[k:], lex.org_heads)
    later_heads = any(_starts_with(f.casefold().split(), lex.org_heads) for f in firsts[1:])
    if head and not later_heads:
        return True
    if not head and not later_heads and _linked_tail(words0, lex):
        # "Philippine Institute of Volcanology and Seismology": a tail word carried on by "of"
        return not any(f.split()[-1].casefold() in lex.org_tails for f in firsts[1:])
    last = firsts[-1].split()[-1].casefold()
    others_tail = any(f.split()[-1].casefold() in lex.org_tails for f in firsts[:-1])
    return last in lex.org_tails and not others_tail and not head


def _linked_tail(words: list[str], lex: Lexicon) -> bool:
    """Is a body's tail or head word followed by a linking connector ("Institute of ...")?"""
    return any(
        words[i + 1] in lex.org_links and (w in lex.org_tails or w in lex.org_heads1)
        for i, w in enumerate(words[:-1])
    )


def _spans_joiner(acr: str, items: list[str]) -> bool:
    """Do the acronym's letters come from the initials of the last item and of an item before it?"""
    letters = [c for c in acr.casefold() if c.isalpha()]
    last = [w[0] for w in items[-1].casefold().split() if w[:1].isalpha()]
    before = [w[0] for it in items[:-1] for w in it.casefold().split() if w[:1].isalpha()]
    if len(letters) < 3 or not last or not before:
        return False
    # the acronym's tail is the last item's initials; the rest comes from earlier items, in order
    n = len(last)
    if len(letters) <= n or letters[-n:] != last:
        return False
    rest = letters[:-n]
    pos = 0
    for c in rest:
        try:
            pos = before.index(c, pos) + 1
        except ValueError:
            return False
    return True


def _demonym(word: str, gaz: frozenset[str]) -> bool:
    """Is the folded ``word`` the adjective of a place: "indonesian", "philippine"?"""
    return (word[-1:] == "n" and word[:-1] in gaz) or word + "s" in gaz


def _share_list_label(mentions: list[Mention]) -> None:
    """Items of one list share the label of its labelled items: the sure label when there is one,
    else a place cue's guess on the first item ("in Abc, Def and Ghi")."""
    labels = {m.label for m in mentions if m.label and m.strength >= 2}
    if not labels and mentions and mentions[0].label == PLACE:
        if all(m.label in (None, PLACE) for m in mentions):
            for m in mentions:
                m.label, m.strength = PLACE, max(m.strength, 1)
        return
    if len(labels) == 1:
        label = labels.pop()
        for m in mentions:
            if m.label is None or (m.strength < 2 and m.label != label):
                m.label, m.strength = label, 2


def _resolve(doc: _Doc) -> list[Mention]:
    """Merge short mentions into full names and settle one label per name."""
    lex = doc.lex
    # the mentions kept, with their folded texts (folded once here)
    mentions: list[Mention] = []
    folds: list[str] = []
    non_entity_acronyms = doc.non_entity_acronyms
    for m in doc.mentions:
        f = m.text.casefold()
        if f not in non_entity_acronyms:
            mentions.append(m)
            folds.append(f)
    # the full names, longest first, with their folded forms
    persons = [
        (full, full.casefold())
        for full in sorted(
            (m.text for m in mentions if m.label == PERSON and " " in m.text), key=len, reverse=True
        )
    ]
    person_words = [(full, folded, folded.split()) for full, folded in persons]
    orgs = [
        (full, full.casefold())
        for full in sorted((m.text for m in mentions if m.label == ORG), key=len, reverse=True)
    ]
    headed_places = [
        (m.text, f)
        for m, f in zip(mentions, folds, strict=True)
        if m.label == PLACE and " " in m.text and _starts_with(f.split(), lex.place_heads)
    ]
    # "Dinas Abc Kabupaten Xyz" is the body a text also calls "Dinas Abc Xyz"
    unprefixed: dict[str, str] = {}
    for full, folded in orgs:
        words = folded.split()
        if len(words) >= 3 and not lex.place_strip1.isdisjoint(words):
            unprefixed.setdefault(" ".join(w for w in words if w not in lex.place_strip1), full)
    by_label: dict[str, tuple[str, int]] = {}
    for m, f in zip(mentions, folds, strict=True):
        if m.label and ((best := by_label.get(f)) is None or best[1] < m.strength):
            by_label[f] = (m.label, m.strength)
    out: list[Mention] = []
    for m, f in zip(mentions, folds, strict=True):
        text = m.text
        one_word = " " not in text
        labelled = by_label.get(f)
        label = labelled[0] if labelled is not None else m.label
        if one_word and label != ORG and f in doc.aliases:
            label = ORG  # "PT Xyz Abc (XA)": XA names the body, whatever a gazetteer says
        canonical = text
        first = text.split(None, 1)[0]
        if label == ORG or (label is None and _acronym(first, lex) and f not in doc.caps_names):
            alias = doc.aliases.get(f) or doc.aliases.get(first.casefold())
            if alias:
                canonical, label = alias, ORG
            else:
                prefix = f + " "
                for full, folded in orgs:
                    if full == text:
                        continue
                    if not folded.startswith(prefix):
                        if not one_word:
                            continue
                        if not (_abbreviates(text, full) and _same_place(doc, m, full)):
                            continue
                    canonical, label = full, ORG
                    break
                else:
                    canonical = unprefixed.get(f, text) if label == ORG else text
            if label is None and first.isupper() and one_word:
                label = ORG
        elif one_word and label in (None, PERSON, PLACE) and (labelled is None or labelled[1] < 3):
            for full, folded, parts in person_words:
                if f in parts and f != folded:
                    canonical, label = full, PERSON
                    break
            else:
                suffix = " " + f
                for full, folded in headed_places:
                    if folded.endswith(suffix):
                        canonical, label = full, PLACE
                        break
                else:
                    if label is None and f in doc.gaz:
                        label = PLACE
        elif label == PERSON:
            # a shorter full name inside a longer one ("Agus Setiawan" in "Agus Setiawan Hidayat")
            for full, folded in persons:
                if full != text and f in folded and _contains_words(full, text):
                    canonical = full
                    break
        if label == PLACE and canonical == text and f in doc.place_aliases:
            canonical = doc.place_aliases[f]
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


def _starts_with(folded_words: list[str], phrases: Phrases) -> bool:
    """Do the words start with one of the phrases?"""
    return any(tuple(folded_words[: len(p)]) == p for p in phrases.get(folded_words[0], ()))


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
            title_mentions = [
                m
                for m in title_mentions
                if m.label == PLACE and _is_place_name(m.text, language) and not m.text.isupper()  # not "KAI"
            ]
        for m in title_mentions:
            name = m.canonical or m.text
            if name.casefold() in seen_names:
                continue
            if " " not in name and _lowercase_in(body, name.casefold()):
                continue  # "Douane ..." in the title where the body writes "de douane": a noun
            # a title's short form of a body name ("Bawaslu" for the body's full name)
            if m.label in (ORG, PERSON) and any(
                _abbreviates(name, e.text) or _contains_words(e.text, name) for e in out if e.label == m.label
            ):
                continue
            seen_names.add(name.casefold())
            seen.add((name.casefold(), _label(m.label)))
            out.append(Entity(name, _label(m.label), -1, -1))
    if dateline:
        # the dateline names a place: a guess that took the same name for a person was wrong
        city = dateline.casefold()
        out = [Entity(e.text, PLACE, e.start, e.end) if e.text.casefold() == city else e for e in out]
        if not any(e.label == PLACE and e.text.casefold() == city for e in out):
            out.append(Entity(dateline, PLACE, -1, -1))
    return out


def _is_place_name(text: str, language: str | None) -> bool:
    return text.casefold() in lexicon(language).gaz


def _label(label: str | None) -> EntityLabel:
    if label == PERSON:
        return "PERSON"
    if label == ORG:
        return "ORG"
    if label == PLACE:
        return "PLACE"
    raise ValueError(f"not an entity label: {label!r}")
