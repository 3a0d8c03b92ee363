"""Structural lines that become metadata: bylines, credit lines, initials, timestamps.

  "Penulis: Yulia Paramitha Sari"      byline   authors
  "Rep: Fulan/ Red: Fulanah"           byline   authors
  "Laporan Wartawan Tribunnews.com, X" byline   authors
  "Oleh X pada 12 Mar 2024, 08:47 WIB" byline   authors, published
  "Rizki Maulana Harahap - detikJabar" byline   authors, outlet
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
from kliping.parse.dates import find_dates, timestamp_date
from kliping.resources import load_toml
from kliping.text import word_alternation

MAX_STRUCTURAL_CHARS = 160
_TIMESTAMP_MAX_CHARS = 90
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass
class Structural:
    kind: str  # "byline" | "credit" | "dateline"
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    outlet: Outlet | None = None
    published: str | None = None
    city: str | None = None
    """A place printed with the timestamp ("Jakarta ● Tue, October 21, 2025")."""


def _alt(words: list[str], ignore_case: bool = False) -> str:
    return word_alternation(words, ignore_case=ignore_case)


_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|[a-z]{1,3}(?=\s+[A-Z])|bin|binti|van|der|de|da|di|al|el|La|Le)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,6}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_PLACE_TAIL = re.compile(r"\s+(?:in|di|from|dari|at)\s+[A-Z][\w .,'-]*$")  # "Ann Lee in Jakarta"
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\bdan\b|\band\b)\s*")


@dataclass(frozen=True)
class _Patterns:
    labelled: re.Pattern[str]
    label_split: re.Pattern[str]
    author_labels: frozenset[str]
    source_labels: frozenset[str]
    intro: re.Pattern[str]
    by: re.Pattern[str]
    teams: tuple[str, ...]
    openers: frozenset[str]
    """First words of bylines without a colon ("Oleh X", "Laporan Wartawan ...")."""


@cache
def _patterns() -> _Patterns:
    data = load_toml("bylines.toml")
    author = list(data["author_labels"])
    other = list(data["other_labels"])
    source = list(data["source_labels"])
    labels = _alt(author + other + source, ignore_case=True)
    return _Patterns(
        labelled=re.compile(rf"^\s*(?:{labels})(?:\s*:|(?<=\bby)\s)\s*\S", re.IGNORECASE),
        label_split=re.compile(
            rf"(?:^|[/|;,]\s*|\s+)(?P<label>{labels})(?:\s*:|(?<=\bby)\s)\s*", re.IGNORECASE
        ),
        author_labels=frozenset(w.casefold() for w in author),
        source_labels=frozenset(w.casefold() for w in source),
        intro=re.compile(rf"^\s*(?:{_alt(data['reporter_intro'])})\b[^,]{{0,40}},\s*(?P<names>.+?)\s*$"),
        by=re.compile(
            rf"^\s*(?:{_alt(data['by_words'])})\s*:?\s+(?P<names>{_NAME}(?:\s*(?:,|&|\bdan\b|\band\b)\s*{_NAME})*)"
            r"\s*(?:(?:\bpada\b|\bon\b|[-–|,])\s*(?P<rest>.*))?$"
        ),
        teams=tuple(w.casefold() for w in data["teams"]),
        openers=frozenset(w.split()[0] for w in [*data["reporter_intro"], *data["by_words"]]),
    )


def normalise_name(name: str) -> str:
    """ "NESA AQILA" -> "Nesa Aqila"; trims punctuation and white space."""
    name = re.sub(r"\s+", " ", name).strip(" .,;:-–|/()")
    if name.isupper() and len(name) > 3:
        name = " ".join(
            w[:1] + w[1:].lower() if w.isalpha() or "-" in w or "'" in w else w for w in name.split()
        )
        name = re.sub(r"(?<=[-'’])(\w)", lambda m: m.group(1).upper(), name)
    return name


def _is_team(name: str) -> bool:
    first = name.split(" ", 1)[0].casefold()
    return first in _patterns().teams


def split_names(text: str) -> list[str]:
    """People named in a credit value ("A, B dan C"); desks and teams are left out."""
    out: list[str] = []
    for part in _NAME_SPLIT.split(text):
        part = normalise_name(_PLACE_TAIL.sub("", part))
        if not part or _is_team(part) or not _NAME_RE.match(part) or part.isdigit():
            continue
        if part not in out:
            out.append(part)
    return out


_PIPE_PART = re.compile(rf"^(?:{_NAME}|[A-Z][A-Z .'’\-]+)$")
# "(ant/imk)", "(antara/agt)", "(Ant/Z-2)", "(Z-7)", "(rzy)": desk initials closing a story
_INITIALS = re.compile(
    r"^\(\s*(?:[A-Za-z]{2,12}(?:\s*/\s*[A-Za-z]{1,12}(?:-\d{1,3})?){1,3}|[A-Za-z]{1,3}-\d{1,3}|[a-z]{2,5})\s*\)\.?$"
)
_INITIAL_PARTS = re.compile(r"[A-Za-z]{2,12}")
_MARKER_TAIL = re.compile(r"^(?P<head>.+?)\s+[-–|]\s+(?P<marker>[\w.]+(?:\s[\w.]+)?)\s*$")
_MARKER_HEAD = re.compile(r"^(?P<marker>[\w.]+(?:\s[\w.]+)?)\s*[-–|●•·]\s*(?P<rest>.+)$")
_CITY_RE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$")
_NAME_OUTLET = re.compile(rf"^(?P<names>{_NAME})\s*\((?P<outlet>[^()]{{2,40}})\)$")


def _could_be_structural(text: str, p: _Patterns) -> bool:
    """A cheap gate: every structural shape has one of these marks; most body lines have none."""
    if ":" in text or "|" in text or " by " in text or text[0] == "(" or " - " in text or " – " in text:
        return True
    if len(text) <= _TIMESTAMP_MAX_CHARS and _YEAR.search(text):
        return True
    first = text.split(" ", 1)[0]
    if first in p.openers:
        return True
    if text[-1] == ")" and text.count(" ") < 8:
        return True  # "Name (Outlet)"
    return text.count(" ") < 4  # "ANTARA", "REUTERS", a bare name line: short enough to look closer


def parse_structural(line: str, registry: Registry) -> Structural | None:
    """What a structural (non-body) line says, or None when the line is not structural."""
    text = line.strip()
    if not text or len(text) > MAX_STRUCTURAL_CHARS:
        return None
    p = _patterns()
    if not _could_be_structural(text, p):
        return None
    has_year = len(text) <= _TIMESTAMP_MAX_CHARS and _YEAR.search(text) is not None

    # 1. Timestamps ("Selasa, 12 Maret 2024 10:42 WIB"), "Outlet | timestamp", "City ● timestamp".
    stamp = timestamp_date(text) if has_year else None
    if stamp is not None:
        return Structural("dateline", published=stamp.isoformat())
    m = _MARKER_HEAD.match(text) if has_year else None
    if m:
        stamp = timestamp_date(m.group("rest"))
        if stamp is not None:
            outlet = registry.outlet_for_marker(m.group("marker"))
            if outlet is not None:
                return Structural("dateline", outlet=outlet, published=stamp.isoformat())
            place = m.group("marker").strip()
            if _CITY_RE.match(place):
                return Structural("dateline", published=stamp.isoformat(), city=place)

    # 2. Labelled bylines: "Penulis: X", "Rep: X/ Red: Y", "Sumber: Antara", "(Reporting by X)".
    if ":" in text or " by " in text:
        inner = text[1:-1].strip() if text[0] == "(" and text[-1] == ")" else text
        if p.labelled.match(inner):
            return _labelled(inner, registry)

    opener = text.split(" ", 1)[0] in p.openers
    # 3. "Laporan Wartawan Tribunnews.com, X".
    m = p.intro.match(text) if opener else None
    if m:
        names = split_names(m.group("names"))
        if names:
            return Structural("byline", authors=names)

    # 4. "Oleh X pada 12 Mar 2024, 08:47 WIB", "By X".
    m = p.by.match(text) if opener else None
    if m:
        rest = m.group("rest") or ""
        found = find_dates(rest)
        if rest and not found and len(rest.split()) > 3:
            return None
        names = split_names(m.group("names"))
        published = found[0].value.isoformat() if found else None
        if names or published:
            return Structural("byline", authors=names, published=published)

    # 5. "Name - detikJabar", "Tim detikcom - detikNews".
    m = _MARKER_TAIL.match(text) if (" - " in text or " – " in text or " | " in text) else None
    if m:
        outlet = registry.outlet_for_marker(m.group("marker"))
        head = m.group("head")
        if outlet is not None and (_NAME_RE.match(head) or _is_team(head)):
            return Structural("byline", authors=split_names(head), outlet=outlet)

    # 6. Credit lines: "REUTERS | NESA AQILA", "ANTARA", "(Reuters)".
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
    bare = text.strip("()[] .")
    ag = registry.agency(bare)
    if ag is not None:
        return Structural("credit", agencies=[ag.name])
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

    # 7. Initials: "(ant/imk)", "(antara/agt)", "(yum/yum)".
    if text[0] == "(" and _INITIALS.match(text):
        st = Structural("credit")
        for code in _INITIAL_PARTS.findall(text):
            ag = registry.agency_for_code(code)
            if ag is not None and ag.name not in st.agencies:
                st.agencies.append(ag.name)
        return st
    return None


def _labelled(text: str, registry: Registry) -> Structural | None:
    p = _patterns()
    matches = list(p.label_split.finditer(text))
    if not matches or (matches[0].start() != 0 and text[: matches[0].start()].strip()):
        return None
    st = Structural("byline")
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end() : end].strip(" /|;,")
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
