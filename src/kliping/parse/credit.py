"""Structural lines that become metadata: bylines, credit lines, initials, timestamps.

  "Penulis: Yulia Paramitha Sari"      byline   authors
  "Rep: Fulan/ Red: Fulanah"           byline   authors
  "Laporan Wartawan Tribunnews.com, X" byline   authors
  "Oleh X pada 12 Mar 2024, 08:47 WIB" byline   authors, published
  "Rizki Maulana Harahap - detikJabar" byline   authors, outlet
  "Ann Lee / Example Post", "Ann Lee — Reuters"  byline  authors, outlet or agency
  "By: X - Correspondent", "By X March 3, 2025 | 4:39 pm"  byline  authors, published
  "Posted on 3 March 2025 by X"       byline   authors, published
  "– with reports from X/Example.com"  credit  authors (agencies when one is named)
  "— Bernama", "— AFP/Reuters"        credit   agencies
  "/abc", "(ABC)"                      credit   desk initials
  "ann.lee@example.com"                credit   the reporter's address
  "REUTERS | NESA AQILA"               credit   agencies [Reuters], authors [Nesa Aqila]
  "ANTARA", "Sumber: Antara"           credit   agencies
  "(ant/imk)"                          credit   agencies when a code is an agency's
  "Selasa, 12 Maret 2024 10:42 WIB"    dateline published
  "CNN Indonesia | Selasa, 12 Mar 2024 11:05 WIB"  dateline  outlet, published
Vocabulary (labels, team words) comes from ``data/bylines.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kliping.outlets import Outlet, Registry
from kliping.parse.dateline import parse_dateline
from kliping.parse.dates import find_dates, is_relative_time, stamp_words_only, timestamp, timestamp_date
from kliping.parse.dates import lower_safe as _lower_safe
from kliping.parse.shapes import domain_shaped, outlet_shaped
from kliping.resources import load_toml
from kliping.text import word_alternation

MAX_STRUCTURAL_CHARS = 160
_TIMESTAMP_MAX_CHARS = 90
_YEAR = re.compile(r"(?:19|20)\d\d")
_SHORT_YEAR = re.compile(r"[-./]\d{1,2}[-./]\d\d(?![\d./-])")
_SHORT_YEAR_SPAN = 34


def _has_year(text: str) -> bool:
    """A four-digit year, or a date with a two-digit one near the line's start ("05-06-24, 07:45",
    "Publié le 05/06/24 à 07h45"): a cheap gate, the stamp's parser reads the date whole."""
    return _YEAR.search(text) is not None or _SHORT_YEAR.search(text, 0, _SHORT_YEAR_SPAN) is not None


_RELATIVE_MAX_CHARS = 40
_DIGIT = re.compile(r"\d")
# "2 hours ago", "5 menit lalu", "1 day ago.", "2 uur geleden", "hace 5 minutos", "2 ore fa", "Vandaag, 14:12",
# "Stand: 14:12 Uhr"
_RELATIVE_LAST = "ouOU.nsa0123456789rhH"


@dataclass
class Structural:
    kind: str  # "byline" | "credit" | "dateline"
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    outlet: Outlet | None = None
    published: str | None = None
    city: str | None = None
    """A place printed with the timestamp ("Jakarta ● Tue, October 21, 2025")."""
    marker: str | None = None
    """How an outlet the registry does not know names itself ("Name, CNBC Indonesia")."""


def _alt(words: list[str], ignore_case: bool = False) -> str:
    return word_alternation(words, ignore_case=ignore_case)


_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|[a-z]{1,3}(?=\s+[A-Z])|bin|binti|van|der|de|da|di|al|el|La|Le)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,6}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_PLACE_TAIL = re.compile(r"\s+(?:in|di|from|dari|at)\s+[A-Z][\w .,'-]*$")  # "Ann Lee in Jakarta"
_NAME_CONJUNCTIONS = r"(?<!\S)(?:dan|and|und|et|y|e|en|avec|con|com|mit|met)(?!\S)"
"""Words that join two names: "Ann Lee and Tom Hogue", "Anna Beck und Jan Roth", "Léa Roy et Paul Petit",
"Ana Gil y Luis Mar", "Rui Sá e Ana Reis", "Jan Smit en Eva Bos", "Le Figaro avec AFP"."""
_NAME_SPLIT = re.compile(rf"\s*(?:,|;|&|{_NAME_CONJUNCTIONS})\s*")
_NAME_SEPARATORS = (
    ",",
    ";",
    "&",
    "dan",
    "and",
    " und ",
    " et ",
    " y ",
    " e ",
    " en ",
    " avec ",
    " con ",
    " com ",
    " mit ",
    " met ",
)
"""What every match of ``_NAME_SPLIT`` holds (a cheap gate)."""


def _may_split(text: str) -> bool:
    """Could ``_NAME_SPLIT`` split ``text``?  Without one of its separators it returns ``[text]``."""
    return any(map(text.__contains__, _NAME_SEPARATORS))


@dataclass(frozen=True)
class _Patterns:
    labelled: re.Pattern[str]
    label_split: re.Pattern[str]
    label_split_lower: re.Pattern[str] | None
    """``label_split`` without IGNORECASE, for ASCII text put in lower case: the same matches,
    found faster (None when a label holds a letter whose case partner is ASCII, "İ", "ſ": then case
    folding is more than lower case; "Rédacteur" is safe, its "é" matches no ASCII text either way)."""
    author_labels: frozenset[str]
    source_labels: frozenset[str]
    intro: re.Pattern[str]
    by: re.Pattern[str]
    teams: tuple[str, ...]
    desks: frozenset[str]
    """A newsroom's name for itself ("Redaksi", "Redacción"), case-folded."""
    openers: frozenset[str]
    """First words of bylines without a colon ("Oleh X", "Laporan Wartawan ...")."""
    roles: frozenset[str]
    """Roles printed after a name ("X, Jurnalis"), case-folded."""
    contribution: re.Pattern[str]
    """ "Associated Press writer X in Y contributed to this report." """
    contribution_cue: str
    """A word every contribution sentence holds (a cheap gate)."""
    report: re.Pattern[str]
    """ "– with reports from Ann Lee/Example.com": the people who reported a story with its writer."""
    report_stems: tuple[str, ...]
    """Parts of words every such line holds (a cheap gate): "eport", "aporan"."""
    not_name_words: frozenset[str]
    bare_label: re.Pattern[str]
    """A label without its colon before a name: "Penulis Ann Lee", "Editor Budi Santoso"."""
    other_labels: frozenset[str]
    roles_longest_first: tuple[str, ...]
    solo_labels: frozenset[str]
    """Role words before a name under the headline: "Penulis Ann Lee" (case-folded)."""
    rare_cues: tuple[tuple[str, tuple[str, ...]], ...]
    """``report_stems`` and ``contribution_cue``: one of them is in every line a report or a
    contribution credit could be read from (grouped by :func:`_cue_groups`)."""


@cache
def _patterns() -> _Patterns:
    data = load_toml("bylines.toml")
    author = list(data["author_labels"])
    other = list(data["other_labels"])
    source = list(data["source_labels"])
    labels = _alt(author + other + source, ignore_case=True)
    label_split = rf"(?:^|[/|;,]\s*|\s+)(?P<label>{labels})(?:\s*:|(?<=\bby)\s)\s*"
    ascii_labels = all(_lower_safe(w) for w in author + other + source)
    return _Patterns(
        labelled=re.compile(rf"^\s*(?:{labels})(?:\s*:|(?<=\bby)\s)\s*\S", re.IGNORECASE),
        label_split=re.compile(label_split, re.IGNORECASE),
        label_split_lower=re.compile(label_split) if ascii_labels else None,
        author_labels=frozenset(w.casefold() for w in author),
        source_labels=frozenset(w.casefold() for w in source),
        intro=re.compile(rf"^\s*(?:{_alt(data['reporter_intro'])})\b[^,]{{0,40}},\s*(?P<names>.+?)\s*$"),
        by=re.compile(
            rf"^\s*(?:{_alt(data['by_words'])})\s*:?\s+(?P<names>{_NAME}(?:\s*(?:,|&|{_NAME_CONJUNCTIONS})\s*{_NAME})*)"
            r"\s*(?:\((?P<paren>[^()]{1,60})\)\s*)?(?:(?:\bpada\b|\bon\b|[-–|,/·•●])\s*(?P<rest>.*))?$"
        ),
        teams=tuple(w.casefold() for w in data["teams"]),
        desks=frozenset(w.casefold() for w in data.get("desks", [])),
        openers=frozenset(w.split()[0] for w in [*data["reporter_intro"], *data["by_words"]]),
        roles=frozenset(w.casefold() for w in [*data["roles"], *author]),
        contribution=re.compile(
            rf"^(?:(?P<org>[^,;]{{2,40}}?)(?:\s+(?:{_alt(data['contributor_roles'], ignore_case=True)})|['’]s?)\s+)?"
            rf"(?P<names>[^;]+?)[\s,]+(?:{_alt(data['contribution_phrases'], ignore_case=True)})"
            r"(?:\s+(?:from|in|dari|di)\s+[^.;]+)?\.?$",
            re.IGNORECASE,
        ),
        contribution_cue=_common_word(data["contribution_phrases"]),
        report=re.compile(
            rf"^[\s\-–—(]*(?:{_alt(data['report_phrases'], ignore_case=True)})\s+(?P<names>[^()]+?)[\s).]*$",
            re.IGNORECASE,
        ),
        report_stems=_stems(data["report_phrases"]),
        not_name_words=frozenset(w.casefold() for w in data["not_name_words"]),
        bare_label=re.compile(rf"^(?P<label>{_alt(author + other)})\s+(?P<value>[A-Z].*)$"),
        other_labels=frozenset(w.casefold() for w in other),
        roles_longest_first=tuple(
            sorted({w.casefold() for w in [*data["roles"], *author]}, key=len, reverse=True)
        ),
        solo_labels=frozenset(w.casefold() for w in data["roles"]),
        rare_cues=_cue_groups([*_stems(data["report_phrases"]), _common_word(data["contribution_phrases"])]),
    )


_CUE_HEAD = 5


def _cue_groups(cues: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``cues`` grouped by their first letters, each group under the part its cues share:
    ["eport", "nformación", "nformatie"] -> (("eport", ()), ("nforma", ("nformación", "nformatie"))).
    A line is searched for a group's cues only when it holds their shared part (see
    :func:`_holds_cue`): one search instead of one per cue on most lines."""
    groups: dict[str, list[str]] = {}
    for cue in sorted(set(cues)):
        groups.setdefault(cue[:_CUE_HEAD], []).append(cue)
    out: list[tuple[str, tuple[str, ...]]] = []
    for members in groups.values():
        if len(members) == 1:
            out.append((members[0], ()))
        else:
            shared = members[0]
            while not all(m.startswith(shared) for m in members):
                shared = shared[:-1]  # the start every member shares ("nforma")
            out.append((shared, tuple(members)))
    return tuple(out)


def _holds_cue(text: str, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """Does ``text`` hold one of the cues grouped by :func:`_cue_groups`?"""
    for shared, cues in groups:  # noqa: SIM110  (a loop: no generator frame on the hot path)
        if shared in text and (not cues or _holds_any(text, cues)):
            return True
    return False


def _stems(phrases: list[str]) -> tuple[str, ...]:
    """The word before each phrase's last, less its first letter ("with reports from" ->
    "eports"), without those that hold another: a line holding none of them holds no phrase."""
    stems = {p.split()[-2][1:] for p in phrases}
    return tuple(sorted(s for s in stems if not any(o != s and o in s for o in stems)))


def _common_word(phrases: list[str]) -> str:
    """The longest lower-case stem that every phrase holds ("contributed" / "berkontribusi" -> "ontribu")."""
    first = min(phrases, key=len).casefold()
    for size in range(len(first), 2, -1):
        for start in range(len(first) - size + 1):
            stem = first[start : start + size]
            if all(stem in p.casefold() for p in phrases):
                return stem
    return first


_WHITE_SPACE = re.compile(r"\s+")
_AFTER_HYPHEN_OR_APOSTROPHE = re.compile(r"(?<=[-'’])(\w)")


def normalise_name(name: str) -> str:
    """ "NESA AQILA" -> "Nesa Aqila"; trims punctuation and white space."""
    name = _WHITE_SPACE.sub(" ", name).strip(" .,;:-–|/()")
    if name.isupper() and len(name) > 3:
        name = " ".join(
            w[:1] + w[1:].lower() if w.isalpha() or "-" in w or "'" in w else w for w in name.split()
        )
        if "-" in name or "'" in name or "’" in name:  # "NUR-AINI" -> "Nur-Aini"
            name = _AFTER_HYPHEN_OR_APOSTROPHE.sub(lambda m: m.group(1).upper(), name)
    return name


def _is_team(name: str) -> bool:
    first = name.split(" ", 1)[0].casefold()
    return first in _patterns().teams


def split_names(text: str) -> list[str]:
    """People named in a credit value ("A, B dan C"); desks and teams are left out."""
    out: list[str] = []
    for part in _NAME_SPLIT.split(text) if _may_split(text) else (text,):
        part = normalise_name(_PLACE_TAIL.sub("", part))
        if not part or _is_team(part) or not _NAME_RE.match(part) or part.isdigit():
            continue
        if part not in out:
            out.append(part)
    return out


_PIPE_PART = re.compile(rf"^(?:{_NAME}|[A-Z][A-Z .'’\-]+)$")
# "(ant/imk)", "(antara/agt)", "(Ant/Z-2)", "(Z-7)", "(rzy)": desk initials closing a story
# "(cr26/example-news.com)": a reporter's code with digits, the desk written as a domain
_INITIAL_CODE = r"(?:[A-Za-z]{1,12}(?:\d{1,3}|-\d{1,3})?|[a-z][\w\-]*\.[a-z]{2,6})"
# "(ABC)": an editor's initials in capitals alone on the story's last line
_INITIALS = re.compile(
    rf"^\(\s*(?:[A-Za-z]{{2,12}}\d{{0,3}}(?:\s*/\s*{_INITIAL_CODE}){{1,3}}|[A-Za-z]{{1,3}}-\d{{1,3}}|[a-z]{{2,5}}|[A-Z]{{2,5}})\s*\)\.?$"
)
# "ann.lee@example.com": a reporter's e-mail address alone on its line, under the story
_EMAIL = re.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")
_INITIAL_PARTS = re.compile(r"[A-Za-z]{2,12}")
# "Ann Lee - detikNews", "Ann Lee / Example Daily Post", "Ann Lee — Reuters"
_MARKER_TAIL = re.compile(
    r"^(?P<head>.+?)(?:\s+[-–—|]\s+|\s/\s?|\s?/\s)(?P<marker>[\w.]+(?:\s[\w.]+){0,2})\s*$"
)
_MARKER_TAIL_WORDS = 4
"""A match of ``_MARKER_TAIL`` has its separator in the line's last four words: the marker's
one to three, and the separator alone or stuck to a word ("Ann Lee/ Reuters", "Ann Lee /Reuters")."""
_MARKER_TAIL_SEPARATORS = ("-", "–", "—", "|", "/")


def _tail_has_separator(text: str) -> bool:
    """A cheap gate before ``_MARKER_TAIL`` (``text`` stripped), which on a long line tries its
    lazy head at every position: is one of its separators in the last four words?"""
    parts = text.rsplit(None, _MARKER_TAIL_WORDS)
    head = parts[0] if len(parts) > _MARKER_TAIL_WORDS else ""  # a prefix of ``text``
    return _holds_any(text[len(head) :], _MARKER_TAIL_SEPARATORS)


_MARKER_HEAD = re.compile(r"^(?P<marker>[\w.]+(?:\s[\w.]+){0,2})\s*[-–|●•·/]\s*(?P<rest>.+)$")
_CITY_RE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$")
_PLACE_WORDS = re.compile(
    r"^[A-ZÀ-Þ][\w'’\-]*(?:\s[A-ZÀ-Þ][\w'’\-]*)?\s(?:d[aeiou]s?|de[lrs]?|la|le|van|am|an|sur)\s[A-ZÀ-Þ][\w'’\-]*$"
    r"|^[A-ZÀ-Þ][^\W\d_]*$"
)
"""A place's name of one word ("Jaén"), or with a particle between its words ("Santiago de Compostela",
"Frankfurt am Main"): a person's name of two words beside a stamp ("Ann Lee · 5 Mei 2025") is none."""
_NAME_OUTLET = re.compile(rf"^(?P<names>{_NAME})\s*\((?P<outlet>[^()]{{2,40}})\)$")
_BULLET = re.compile(r"[|·•●]")
_NAME_COMMA_MAX_SPACES = 10
_AGENCY_PAIR_MAX_SPACES = 4
_COMPOSITE_MAX_PARTS = 6
_NAME_COMMA = re.compile(rf"^(?P<names>{_NAME})\s?,\s*(?P<tail>[^,]{{2,60}})$")  # "X, CNBC Indonesia"
_COMPOSITE_SPLIT = re.compile(r"\s*[|·•●]\s*")
# "str-kid/dhw", "ant/imk": desk initials without brackets (lower case, one slash at least)
# "/abc": desk initials after a slash alone
_BARE_INITIALS = re.compile(r"^(?:[a-z]{2,5}(?:-[a-z]{2,5})*)?(?:/[a-z]{2,5}(?:-[a-z]{2,5})*)+$")
# "Ann Lee in Manila, Philippines": the place after a contributor's name, up to the next name
_PLACE_IN = re.compile(r"\s+(?:in|from|di|dari)\s+[A-Z][^;]*?(?=\s+(?:and|dan|&)\s+|;|$)")


def _holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Does ``text`` hold one of ``parts``?"""
    return any(map(text.__contains__, parts))


def _could_be_structural(text: str, p: _Patterns, has_year: bool) -> bool:
    """A cheap gate: every structural shape has one of these marks; most body lines have none.
    (A mark between spaces is looked for only when its character is there at all: one scan for
    a character is several times cheaper than one for a string.)  ``has_year``: a short line holds a
    year, as :func:`parse_structural` has found once for both."""
    if ":" in text or "|" in text or text[0] == "(" or " – " in text or " — " in text:
        return True
    # "Ann Lee - detikNews", "Ann Lee / Example Daily Post", "By Ann Lee"
    if (
        ("-" in text and " - " in text)
        or ("/" in text and " / " in text)
        or ("by" in text and " by " in text)
    ):
        return True
    if has_year:
        return True
    space = text.find(" ")
    if (text[:space] if space >= 0 else text) in p.openers:  # no colon here to strip
        return True
    spaces = text.count(" ")
    if spaces < 8 and (text[-1] == ")" or ", " in text or spaces < 4):
        # "Name (Outlet)", "Name, Outlet", "Name, Jurnalis"; "ANTARA", "REUTERS", a bare name
        # line: short enough to look closer
        return True
    # "– with reports from Ann Lee", "... contributed to this report."
    return _holds_cue(text, p.rare_cues)


def parse_structural(line: str, registry: Registry) -> Structural | None:
    """What a structural (non-body) line says, or None when the line is not structural."""
    text = line.strip()
    if not text or len(text) > MAX_STRUCTURAL_CHARS:
        return None
    p = _patterns()
    has_year = len(text) <= _TIMESTAMP_MAX_CHARS and _has_year(text)
    if not _could_be_structural(text, p, has_year):
        return None

    # 1. Timestamps ("Selasa, 12 Maret 2024 10:42 WIB"), "Outlet | timestamp", "City ● timestamp".
    # A stamp that opens the line wins at once; one after channel words ("News 21 October 2024
    # 13:45") only when the line is no "Outlet | timestamp".  So the stamp is looked for here only
    # when the line may open with one (a cheap gate), else once that shape is ruled out.
    may_open_with_stamp = has_year and stamp_words_only(text, lead_words=0)
    found_stamp = timestamp(text) if may_open_with_stamp else None
    if found_stamp is not None and found_stamp[1] == 0:
        return Structural("dateline", published=found_stamp[0].isoformat())
    # "Jakarta ● Tue, October 21, 2025", "CNN Indonesia | Selasa, 12 Mar 2024 11:05 WIB"
    m = _MARKER_HEAD.match(text) if has_year else None
    if m:
        head_stamp = timestamp_date(m.group("rest"))
        if head_stamp is not None:
            outlet = registry.outlet_for_marker(m.group("marker"))
            if outlet is not None:
                return Structural("dateline", outlet=outlet, published=head_stamp.isoformat())
            place = m.group("marker").strip()
            if _CITY_RE.match(place):
                return Structural("dateline", published=head_stamp.isoformat(), city=place)
            if _PLACE_WORDS.match(place):
                # "Santiago de Compostela - 06 ago 2024": the stamp, under a place of particles
                return Structural("dateline", published=head_stamp.isoformat())
    if has_year and not may_open_with_stamp:
        found_stamp = timestamp(text)
    if found_stamp is not None:
        return Structural("dateline", published=found_stamp[0].isoformat())
    if has_year and " by " in text:
        # "Posted on 3 March 2025 by Ann Lee": a timestamp and its author
        head, _, who = text.rpartition(" by ")
        when = timestamp_date(head)
        people = split_names(who) if when is not None else []
        if when is not None and people:
            return Structural("byline", authors=people, published=when.isoformat())
    if text[-1] in _DASHES:
        alone = _dateline_alone(text, registry)  # "KOTA, 5 Jun. (AGENCY) -" over its paragraph
        if alone is not None:
            return alone
    if (
        len(text) <= _RELATIVE_MAX_CHARS
        and text[-1] in _RELATIVE_LAST
        and _DIGIT.search(text) is not None  # every relative time and clock stamp holds a number
        and is_relative_time(text)
    ):
        return Structural("dateline")  # "2 hours ago": a timestamp without a date

    # 2. Labelled bylines: "Penulis: X", "Rep: X/ Red: Y", "Sumber: Antara", "(Reporting by X)".
    if ":" in text or " by " in text:
        inner = text[1:-1].strip() if text[0] == "(" and text[-1] == ")" else text
        if p.labelled.match(inner):
            return _labelled(inner, registry)
        if has_year:
            stamped = _stamp_then_labels(text, registry)  # "8. März 2024, 14:12 Uhr Quelle: dpa"
            if stamped is not None:
                return stamped

    opener = text.split(" ", 1)[0].rstrip(":") in p.openers  # "Oleh X", "By: X"
    # 3. "Laporan Wartawan Tribunnews.com, X".
    m = p.intro.match(text) if opener else None
    if m:
        names = split_names(m.group("names").split("|", 1)[0])  # "..., Ann Lee | Kota": the place
        if names:
            return Structural("byline", authors=names)

    # 4. "Oleh X pada 12 Mar 2024, 08:47 WIB", "By X".
    m = p.by.match(text) if opener else None
    if m:
        rest = m.group("rest") or ""
        found = find_dates(rest)
        if rest and not found and len(rest.split()) > 3 and not _names_outlet(rest, registry):
            return None
        published = found[0].value.isoformat() if found else None
        by = _by_credit(m.group("names"), published, registry)
        if by is not None:
            return by
    elif opener and has_year:
        by = _by_then_stamp(text, registry)  # "By Ann Lee March 12, 2025 | 04:39 pm"
        if by is not None:
            return by

    # 5. Labels without colons: "Penulis Ann Lee | Editor Budi Santoso", "Laporan Ann Lee | Kota".
    if ("|" in text or " - " in text or " / " in text or " – " in text) and p.bare_label.match(text):
        labelled = _bare_labelled(text, registry)
        if labelled is not None:
            return labelled

    # 6. "Name - detikJabar", "Tim detikcom - detikNews".
    tail_sep = (
        " - " in text or " – " in text or " — " in text or " | " in text or " /" in text or "/ " in text
    )
    m = _MARKER_TAIL.match(text) if tail_sep and _tail_has_separator(text) else None
    if m:
        outlet = registry.outlet_for_marker(m.group("marker"))
        head = m.group("head")
        if outlet is not None and (_NAME_RE.match(head) or _is_team(head)):
            wire = registry.agency(outlet.name) if outlet.agency else None  # "Ann Lee - Reuters"
            return Structural(
                "byline", authors=split_names(head), outlet=outlet, agencies=[wire.name] if wire else []
            )
        tail_agency = registry.agency(m.group("marker")) if outlet is None and " " in head else None
        if tail_agency is not None and _NAME_RE.match(head):
            names = split_names(head)  # "Ann Lee — Reuters"
            if names and all(" " in n for n in names):
                return Structural("byline", authors=names, agencies=[tail_agency.name])
        if outlet is None and m.group("marker").casefold() in p.roles and _NAME_RE.match(head):
            names = split_names(head)  # "Ann Lee - Kontributor"
            if names and " " in names[0]:
                return Structural("byline", authors=names)

    # 7. Credit lines: "REUTERS | NESA AQILA", "ANTARA", "(Reuters)".
    if "|" in text:
        parts = [s.strip() for s in text.split("|")]
        if all(parts) and all(len(s.split()) <= 5 and _PIPE_PART.match(s) for s in parts):
            st = Structural("credit")
            for part in parts:
                ag = registry.agency(part)
                if ag is not None:
                    st.agencies.append(ag.name)
                elif not _is_team(part):
                    st.authors.extend(split_names(part))
            return st
    bare = text.strip("()[] .—–-")  # "(Reuters)", "— Bernama"
    ag = registry.agency(bare)
    if ag is not None:
        return Structural("credit", agencies=[ag.name])
    if bare.casefold() in p.desks:
        return Structural("credit")  # "Redaksi", "Redacción": the desk alone under the story
    if text.count(" ") < _WIRE_MAX_SPACES and text[-1] not in ".!?:" and registry.names_agency_word(text):
        wired = _wire_credit(text, registry)  # "Example Daily avec AFP", "EUROPA PRESS Kota"
        if wired is not None:
            return wired
    if "/" in bare and bare.count(" ") < _AGENCY_PAIR_MAX_SPACES:
        # "— AFP/Reuters": agencies between slashes
        found_ags = [registry.agency(part) for part in bare.split("/")]
        if all(found_ags):
            return Structural("credit", agencies=list(dict.fromkeys(a.name for a in found_ags if a)))
    if text.count(" ") < 3:
        # A channel label alone on its line: "kumparanBISNIS", "detikNews".
        outlet = registry.outlet_for_marker(text)
        if outlet is not None:
            return Structural("credit", outlet=outlet)
    if text[-1] == ")":
        # "Aditya Rahmanto (The Jakarta Post)", "Budi Santoso (Antara)"
        m = _NAME_OUTLET.match(text)
        if m:
            ag = registry.agency(m.group("outlet"))
            outlet = registry.outlet_for_marker(m.group("outlet"))
            if ag is not None or outlet is not None:
                return Structural(
                    "byline",
                    authors=split_names(m.group("names")),
                    agencies=[ag.name] if ag is not None and outlet is None else [],
                    outlet=outlet,
                )

    # 8. Initials: "(ant/imk)", "(antara/agt)", "(yum/yum)", "str-kid/dhw".
    if (text[0] == "(" and _INITIALS.match(text)) or ("/" in text and _BARE_INITIALS.match(text)):
        st = Structural("credit")
        for code in _INITIAL_PARTS.findall(text):
            ag = registry.agency_for_code(code)
            if ag is not None and ag.name not in st.agencies:
                st.agencies.append(ag.name)
        return st

    # 8b. "ann.lee@example.com": the reporter's address alone on its line.
    if "@" in text and " " not in text and _EMAIL.match(text):
        return Structural("credit")

    # 9. "Zahra Putri, CNBC Indonesia", "Dimas Aryo, Jurnalis": a name and its outlet or role.
    if ", " in text and text.count(" ") < _NAME_COMMA_MAX_SPACES:
        m = _NAME_COMMA.match(text)
        if m:
            by = _name_and(m.group("names"), m.group("tail"), registry)
            if by is not None:
                return by

    # 10. Parts between bullets or bars: "Dimas Aryo, Jurnalis · Jum'at 25 Oktober 2024 14:30 WIB".
    if _BULLET.search(text):
        composite = _composite(text, registry, has_year)
        if composite is not None:
            return composite

    # 11. "– with reports from Ann Lee/Example.com", "(dengan laporan dari Budi Santoso)".
    reported = _reported(text, registry) if _holds_any(text, p.report_stems) else None
    if reported is not None:
        return reported

    # 12. "Associated Press writer Ann Lee in Manila contributed to this report."
    if p.contribution_cue in text:
        return _contribution(text, registry)
    return None


_DASHES = "-–—"


def _dateline_alone(text: str, registry: Registry) -> Structural | None:
    """A dateline printed on a line of its own, over the paragraph it opens ("KOTA, 5 Jun.
    (AGENCY) -"): its place and its agency."""
    found = parse_dateline(text + " Xx", registry)
    if found is None or found.prefix.rstrip() != text or (found.city is None and found.agency is None):
        return None
    return Structural("dateline", agencies=[found.agency] if found.agency else [], city=found.city)


def _names_outlet(rest: str, registry: Registry) -> bool:
    """Does the text after a byline's names open with an outlet's name ("Por Ann Lee, Example1
    Kota e Região": the outlet's regional desk)?"""
    first = rest.split(None, 1)[0]
    return registry.outlet_for_marker(first) is not None


def _stamp_then_labels(text: str, registry: Registry) -> Structural | None:
    """A timestamp, then labelled credits on the same line: "Aktualisiert am 8. März 2024, 14:12 Uhr
    Quelle: Example Online, dpa", "12 Mar 2024 10:00 Editor: Ann Lee"."""
    p = _patterns()
    if p.label_split_lower is not None and text.isascii():
        m = p.label_split_lower.search(text.lower())  # the same places in ``text``
    else:
        m = p.label_split.search(text)
    if m is None or m.start() == 0:
        return None
    when = timestamp_date(text[: m.start()].strip())
    if when is None:
        return None
    st = _labelled(text[m.start("label") :], registry)
    if st is not None:
        st.published = st.published or when.isoformat()
    return st


_WIRE_MAX_SPACES = 6
_WIRE_PLACE_MAX_WORDS = 3


def _wire_credit(text: str, registry: Registry) -> Structural | None:
    """A line of outlets and agencies only: "Example Daily avec AFP", "AFP y EFE", or an agency and
    the place it filed from ("EUROPA PRESS Kota", "Europa Press Kota": an agency's name in capitals
    or of two words, so that a word that merely spells one, "Antara Dua Pilihan", is no credit)."""
    if not _may_split(text) and " " not in text:
        return None
    st = Structural("credit")
    for part in _NAME_SPLIT.split(text) if _may_split(text) else (text,):
        ag = registry.agency(part)
        if ag is not None:
            st.agencies.append(ag.name)
            continue
        outlet = registry.outlet_for_marker(part) if part else None
        if outlet is not None and st.outlet is None:
            st.outlet = outlet
            continue
        words = part.split()
        for k in range(len(words) - 1, 0, -1):
            head, place = " ".join(words[:k]), words[k:]
            ag = registry.agency(head)
            if (
                ag is not None
                and (head.isupper() or " " in head)
                and len(place) <= _WIRE_PLACE_MAX_WORDS
                and all(w[:1].isupper() for w in place)
            ):
                st.agencies.append(ag.name)
                break
        else:
            return None
    return st if st.agencies else None


def _by_credit(names: str, published: str | None, registry: Registry) -> Structural | None:
    """The people after "By" / "Oleh"; an agency or outlet there is credited as one ("By Reuters",
    "By The Example Times")."""
    st = Structural("byline", published=published)
    people = split_names(names)
    for k, name in enumerate(people):
        ag = registry.agency(name)
        outlet = registry.outlet_for_marker(name) if ag is None else None
        if ag is not None:
            st.agencies.append(ag.name)
        elif outlet is not None:
            st.outlet = st.outlet or outlet
        elif k and " " not in name and ("-" in name or " " in people[0]):
            continue  # "Von Ann Lee, City-Desk", "Von Ann Lee, Kota": a desk or a place, not a second person
        elif name[:1].isupper() and not _holds_non_name_word(name):
            st.authors.append(name)  # "Von der Leyen Visits Kyiv": a headline, no name after "Von"
    return st if st.authors or st.agencies or st.outlet or published else None


def _holds_non_name_word(name: str) -> bool:
    """Does ``name`` hold a word no person's name holds ("To", "News", "Visits" is allowed)?"""
    bad = _patterns().not_name_words
    return any(w.casefold() in bad for w in name.split())


def _by_then_stamp(text: str, registry: Registry) -> Structural | None:
    """ "By Ann Lee March 12, 2025 | 04:39 pm", "By The Example Times 12 March 2025": a byline and
    a timestamp without a separator between them."""
    found = find_dates(text)
    if not found:
        return None
    start = found[0].start
    when = timestamp_date(text[start:])
    m = _patterns().by.match(text[:start].rstrip(" |-–—,·•●/"))
    if when is None or m is None or m.group("rest"):
        return None
    return _by_credit(m.group("names"), when.isoformat(), registry)


_BARE_LABEL_NAME_WORDS = (2, 5)


def _bare_labelled(text: str, registry: Registry) -> Structural | None:
    """Byline labels printed without a colon in parts between bars, dashes or slashes:
    "Penulis Ann Lee | Editor Budi Santoso", "Laporan Ann Lee | Kota Baru", "Reporter Ann Lee /
    Editor Budi Santoso".  One part at least must be a label and a name (two to five capitalised
    words); a part without a label is then the byline's place or desk, not a person (an agency or
    outlet is still credited)."""
    p = _patterns()
    parts = [s.strip() for s in _LABEL_PARTS.split(text)]
    if not all(parts) or not 2 <= len(parts) <= _COMPOSITE_MAX_PARTS:
        return None  # alone on its line, "Penulis Muda Berbakat" may be a subheading: see bare_byline
    st = Structural("byline")
    found = False
    lo, hi = _BARE_LABEL_NAME_WORDS
    for part in parts:
        m = p.bare_label.match(part)
        value = m.group("value").strip() if m else ""
        if m and lo <= len(value.split()) <= hi and _NAME_RE.match(value) and not _is_team(value):
            found = True
            if m.group("label").casefold() not in p.other_labels:
                st.authors.extend(n for n in split_names(value) if n not in st.authors)
            continue
        ag = registry.agency(part)
        outlet = registry.outlet_for_marker(part) if ag is None else None
        if ag is not None:
            st.agencies.append(ag.name)
        elif outlet is not None:
            st.outlet = st.outlet or outlet  # "Penulis Ann Lee - detikNews"
        elif len(part.split()) > hi or not _PIPE_PART.match(part):
            return None  # a sentence, not a credit part
    return st if found else None


_LABEL_PARTS = re.compile(r"\s*\|\s*|\s+[-–/]\s+")
_ROLE_OUTLET_MAX_WORDS = 3
_ROLE_DESCRIPTORS = 3  # lower-case words between the outlet and the role ("chief business")


def _role_tail(tail: str, registry: Registry) -> tuple[bool, Outlet | None]:
    """ "Example Post staff writer", "Example Post chief economics correspondent": an outlet's name
    and a role after a byline's comma.  Returns (is it one, the outlet when the registry knows it)."""
    low = tail.casefold()
    for role in _patterns().roles_longest_first:
        if low.endswith(" " + role):
            head = tail[: len(tail) - len(role)].strip()
            words = head.split()
            caps = next((k for k, w in enumerate(words) if not w[:1].isupper()), len(words))
            described = all(w.isalpha() and w.islower() for w in words[caps:])
            if 1 <= caps <= _ROLE_OUTLET_MAX_WORDS and len(words) - caps <= _ROLE_DESCRIPTORS and described:
                return True, registry.outlet_for_marker(" ".join(words[:caps]))
    return False, None


def _name_and(names: str, tail: str, registry: Registry) -> Structural | None:
    """ "Name, Outlet" or "Name, Role" (a role word or author label), else None."""
    tail = tail.strip()
    people = split_names(names)
    if not people:
        return None
    if tail.casefold() in _patterns().roles:
        return Structural("byline", authors=people)
    outlet = registry.outlet_for_marker(tail)
    if outlet is not None:
        return Structural("byline", authors=people, outlet=outlet)
    ag = registry.agency(tail)
    if ag is not None:
        return Structural("byline", authors=people, agencies=[ag.name])
    return None


def _composite(text: str, registry: Registry, has_year: bool) -> Structural | None:
    """A line of parts between bullets or bars, each a timestamp, an outlet, an agency, a name,
    or "Name, Role"; one part at least must be more than a bare name."""
    parts = _COMPOSITE_SPLIT.split(text)
    if not 2 <= len(parts) <= _COMPOSITE_MAX_PARTS or not all(parts):
        return None
    st = Structural("dateline")
    strong = False
    names: list[str] = []
    for part in parts:
        stamp = timestamp_date(part) if has_year and _YEAR.search(part) else None
        if stamp is not None:
            if st.published is not None:
                return None  # "29 November 2018 | 20 January 2019": a span of days
            st.published = stamp.isoformat()
            strong = True
            continue
        ag = registry.agency(part)
        if ag is not None:
            st.agencies.append(ag.name)
            strong = True
            continue
        outlet = registry.outlet_for_marker(part)
        if outlet is not None:
            st.outlet = st.outlet or outlet
            strong = True
            continue
        m = _NAME_COMMA.match(part)
        by = _name_and(m.group("names"), m.group("tail"), registry) if m else None
        if by is not None:
            names.extend(by.authors)
            st.outlet = st.outlet or by.outlet
            strong = True
            continue
        if _NAME_RE.match(part) and 2 <= part.count(" ") + 1 <= 5 and not _is_team(part):
            names.extend(split_names(part))
            continue
        return None
    if not strong:
        return None
    if names:
        st.kind = "byline"
        st.authors = list(dict.fromkeys(names))
    return st


def _reported(text: str, registry: Registry) -> Structural | None:
    """ "– with reports from Ann Lee/Example.com and Reuters": the people (and agencies) who
    reported the story with its writer; a name's "/Outlet" is where they write."""
    m = _patterns().report.match(text)
    if m is None:
        return None
    st = Structural("credit")
    for part in _NAME_SPLIT.split(m.group("names")):
        part = part.split("/", 1)[0].strip()
        ag = registry.agency(part) if part else None
        if ag is not None:
            st.agencies.append(ag.name)
            continue
        names = split_names(part)
        if not names or " " not in names[0]:
            return None  # "with reports from the ground": not a credit line
        st.authors.extend(names)
    return st if st.authors or st.agencies else None


def _contribution(text: str, registry: Registry) -> Structural | None:
    """ "Associated Press writer Ann Lee in Manila contributed to this report.": the people named
    (and the agency or outlet they write for)."""
    m = _patterns().contribution.match(text)
    if m is None:
        return None
    names = split_names(_PLACE_IN.sub("", m.group("names")))
    if not names or any(" " not in name for name in names):
        return None  # "Smith also contributed.", "Farmers contributed.": not a credit line
    st = Structural("credit", authors=names)
    ag = registry.agency((m.group("org") or "").strip())
    if ag is not None:
        st.agencies.append(ag.name)
    return st


_BARE_NAME_MAX_CHARS = 72


# "Ann Lee in Jakarta", "Ann Lee and Tom Hogue in New York": a byline with the place it was filed
_BYLINE_PLACE = re.compile(r"^(?P<names>[^,]+?)\s+in\s+[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*){0,2}$")


_NAME_PAIR = re.compile(r"^(?P<one>\S+(?:\s\S+){1,3})\s+(?:and|dan|&)\s+(?P<two>\S+(?:\s\S+){1,3})$")


def bare_byline(line: str, registry: Registry) -> Structural | None:
    """A byline by its shape alone, for a line between a headline and its lead (the caller checks
    the place): a person's name ("Rina Anggraeni Kusuma", "NATALIE KOH"), after a role word
    ("Penulis Ann Lee"), with the place it was filed from ("Ann Lee in Jakarta"), a name and an
    outlet's name the registry does not know ("Zahra Putri, CNBC Indonesia", "Ann Lee,
    Example.com"), or a name, an outlet and a role ("ANN LEE, Example Post staff writer"; in the
    body the same line may head an analysis box, so only here)."""
    text = line.strip()
    if not text or len(text) > _BARE_NAME_MAX_CHARS or any(ch.isdigit() for ch in text):
        return None
    tail: str | None = None
    tail_outlet: Outlet | None = None
    if " in " in text:
        m_in = _BYLINE_PLACE.match(text)  # "Ann Lee in Jakarta": the name and where it was filed
        if m_in is None:
            return None
        text = m_in.group("names")
    first, _, after = text.partition(" ")
    if first.casefold() in _patterns().solo_labels and after[:1].isupper():
        text = after  # "Penulis Ann Lee", "Reporter Budi Santoso": a role word before the name
    if "," in text:
        m = _NAME_COMMA.match(text)
        if m is None:
            return None
        tail = m.group("tail").strip()
        if not (outlet_shaped(tail) or domain_shaped(tail)):
            is_role, tail_outlet = _role_tail(tail, registry)  # "Ann Lee, Example Post staff writer"
            if not is_role:
                return None
            tail = None  # no outlet's name to guess from a role
        text = m.group("names")
    pair = _NAME_PAIR.match(text)  # "Ann Lee and Tom Hogue": each name checked on its own
    if pair is not None:
        one = bare_byline(pair.group("one"), registry)
        two = bare_byline(pair.group("two"), registry)
        if one is None or two is None:
            return None
        return Structural("byline", authors=[*one.authors, *two.authors], marker=tail, outlet=tail_outlet)
    words = text.split()
    if _is_team(text):
        agencies = [ag.name for w in words[1:] if (ag := registry.agency(w)) is not None]
        return Structural("credit", agencies=agencies[:1]) if agencies else None
    if not 2 <= len(words) <= 5 or not _NAME_RE.match(text):
        return None
    bad = _patterns().not_name_words
    if any(w.strip(".,'’").casefold() in bad for w in words):
        return None
    if registry.outlet_for_marker(text) is not None or registry.agency(text) is not None:
        return None
    if not all(w[:1].isupper() or w in _PARTICLES for w in words):
        return None
    names = split_names(text)
    if not names:
        return None
    return Structural("byline", authors=names, marker=tail, outlet=tail_outlet)


def role_words() -> frozenset[str]:
    """Roles and author labels, case-folded ("reporter", "redactora", "penulis")."""
    return _patterns().roles


def role_led(line: str) -> bool:
    """Does ``line`` open with a role word before a capitalised word ("Editor Budi Santoso")?"""
    first, _, after = line.partition(" ")
    return after[:1].isupper() and first.casefold() in _patterns().solo_labels


_PARTICLES = frozenset(
    [
        *["bin", "binti", "van", "der", "de", "da", "di", "al", "el", "von", "dos", "du"],
        # "Jan van den Berg", "Eva ter Horst", "Léa des Roches", "Ana del Río", "Rui do Vale", "Ina zu Salm"
        *["den", "ter", "ten", "des", "del", "dei", "do", "das", "zu", "vom"],
    ]
)
"""Small words inside a person's name, in the languages the cleaner reads."""


_VALUE_END = re.compile(r"\s+[|·•●]\s+")


def _value_and_after(value: str) -> tuple[str, str]:
    """A labelled value up to a bar or a bullet between spaces, and what follows it:
    "Ann Lee | Kota" -> ("Ann Lee", "Kota"), "Ann Lee · 3 March 2025" -> ("Ann Lee", "3 March 2025")."""
    if "|" not in value and "·" not in value and "•" not in value and "●" not in value:
        return value, ""  # a cheap gate: no bar or bullet, no end before the value's own
    m = _VALUE_END.search(value)
    return (value, "") if m is None else (value[: m.start()], value[m.end() :])


def _labelled(text: str, registry: Registry) -> Structural | None:
    p = _patterns()
    if p.label_split_lower is not None and text.isascii():
        matches = list(p.label_split_lower.finditer(text.lower()))  # the same places in ``text``
    else:
        matches = list(p.label_split.finditer(text))
    if not matches or (matches[0].start() != 0 and text[: matches[0].start()].strip()):
        return None
    st = Structural("byline")
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value, after = _value_and_after(text[m.end() : end].strip(" /|;,·•●"))
        # "X | Kota": the place; "X · 3 March 2025": the date
        when = timestamp_date(after) if after and _YEAR.search(after) else None
        if when is not None and st.published is None:
            st.published = when.isoformat()
        label = m.group("label").casefold()
        if label in p.source_labels:
            st.kind = "credit"
            for part in _NAME_SPLIT.split(value):
                ag = registry.agency(part.strip(" ."))
                if ag is not None and ag.name not in st.agencies:
                    st.agencies.append(ag.name)
        elif label in p.author_labels:
            for name in split_names(value):
                if registry.agency(name) is not None:
                    st.agencies.append(registry.agency(name).name)  # type: ignore[union-attr]
                elif name not in st.authors:
                    st.authors.append(name)
    return st
