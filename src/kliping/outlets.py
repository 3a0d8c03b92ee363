"""Outlet and agency registry, read from ``data/outlets.toml``.

Answers the questions the parsers ask: which outlet serves this URL, which outlet names itself with
this dateline marker, is this word a news agency.  No outlet is named in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from kliping.resources import load_toml

# Second-level suffixes under which registered domains have three labels (kompas.co.id style).
_SECOND_LEVEL = frozenset(
    [
        "co.id",
        "ac.id",
        "go.id",
        "or.id",
        "web.id",
        "my.id",
        "sch.id",
        "net.id",
        "biz.id",
        "mil.id",
        "co.uk",
        "org.uk",
        "ac.uk",
        "gov.uk",
        "com.au",
        "net.au",
        "org.au",
        "com.sg",
        "com.my",
        "co.jp",
        "co.kr",
        "com.cn",
        "com.hk",
        "co.in",
        "co.nz",
        "com.ph",
        "com.br",
        "co.za",
        "com.tr",
    ]
)
# Generic second-level labels that many country domains register names under (example.com.fj,
# example.co.tz, example.org.ng): under a two-letter country suffix they are no site's name.
_GENERIC_SECOND = frozenset(["com", "co", "net", "org", "ac", "gov", "go", "or", "edu", "ne", "gob", "nic"])
# Language sub-domains kept in ``domain`` (en.tempo.co and tempo.co have different boilerplate).
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9\-_]*[a-z0-9])?\.)+[a-z][a-z0-9\-]*|[\d.]+|\[[0-9a-f:]+\]")
# "https://www.example.com:8080/path": a host of plain letters, digits, dots and hyphens, an optional
# port, then the path, query or fragment; urlsplit (which first drops tabs and line breaks) reads
# the same host from such a URL
_PLAIN_HTTP_HOST = re.compile(r"https?://([A-Za-z0-9.\-]+)(?::[0-9]*)?(?:[/?#]|$)")
_IP_HOST = re.compile(r"[\d.]+|\[[0-9a-f:]+\]")  # an IPv4 or a bracketed IPv6 address
_LANG_SUBDOMAINS = frozenset(["en", "id", "ms", "ar", "zh", "jp", "ja", "ko", "fr", "de", "es", "ru"])


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    markers: tuple[str, ...] = ()
    marker_patterns: tuple[str, ...] = ()
    agency: bool = False
    promo: tuple[str, ...] = ()
    papers_on_sub_domains: bool = False
    """The outlet's sub-domains are papers of its group (examplepos.groupnews.com), not sections."""


@dataclass(frozen=True)
class Agency:
    name: str
    aliases: tuple[str, ...]
    codes: tuple[str, ...] = ()


@dataclass
class Registry:
    outlets: list[Outlet]
    agencies: list[Agency]
    _by_domain: dict[str, Outlet] = field(init=False, repr=False)
    _by_marker: dict[str, Outlet] = field(init=False, repr=False)
    _marker_re: re.Pattern[str] | None = field(init=False, repr=False)
    _marker_re_outlets: list[Outlet] = field(init=False, repr=False)
    _mention_re: re.Pattern[str] | None = field(init=False, repr=False)
    _shared_domains: frozenset[str] = field(init=False, repr=False)
    """Registered domains whose sub-domains are outlets of their own (jatim.tribunnews.com)."""
    _agency_by_alias: dict[str, Agency] = field(init=False, repr=False)
    _agency_by_code: dict[str, Agency] = field(init=False, repr=False)
    _agency_words: frozenset[str] = field(init=False, repr=False)
    """Every word of every agency's names, case-folded ("europa", "press", "afp")."""

    def __post_init__(self) -> None:
        self._by_domain = {d.lower(): o for o in self.outlets for d in o.domains}
        self._by_marker = {m.casefold(): o for o in self.outlets for m in o.markers}
        patterns = [(o, p) for o in self.outlets for p in o.marker_patterns]
        self._marker_re_outlets = [o for o, _ in patterns]
        self._marker_re = (
            re.compile("|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(patterns))) if patterns else None
        )
        self._shared_domains = frozenset(
            base for d in self._by_domain if (base := registered_domain(d)) is not None and base != d
        )
        markers = sorted({m for o in self.outlets for m in o.markers}, key=len, reverse=True)
        self._mention_re = (
            re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, markers)) + r")(?!\w|\.\w)")
            if markers
            else None
        )
        self._agency_by_alias = {a.casefold(): ag for ag in self.agencies for a in (*ag.aliases, ag.name)}
        self._agency_by_code = {c.casefold(): ag for ag in self.agencies for c in ag.codes}
        self._agency_words = frozenset(
            w.casefold() for ag in self.agencies for name in (*ag.aliases, ag.name) for w in name.split()
        )

    # --- outlets ----------------------------------------------------------------------------
    def outlet_for_domain(self, domain: str | None) -> Outlet | None:
        """The outlet serving ``domain`` or any parent domain of it."""
        if not domain:
            return None
        host = domain.lower()
        while host:
            found = self._by_domain.get(host)
            if found:
                return found
            _, _, host = host.partition(".")
        return None

    def outlet_for_url(self, url: str | None, domain: str | None) -> Outlet | None:
        """The outlet serving ``url``, whose registered domain is ``domain``: a sub-domain that is
        an outlet of its own (jatim.tribunnews.com) before its parent."""
        if domain in self._shared_domains:
            return self.outlet_for_domain(host_of(url) or domain)
        return self.outlet_for_domain(domain)

    def outlet_for_marker(self, token: str) -> Outlet | None:
        """The outlet that names itself ``token`` in datelines and bylines (TEMPO.CO, detikJabar)."""
        token = token.strip()
        found = self._by_marker.get(token.casefold())
        if found:
            return found
        if self._marker_re is not None:
            m = self._marker_re.fullmatch(token)
            if m and m.lastgroup:
                return self._marker_re_outlets[int(m.lastgroup[1:])]
        found = self.outlet_for_domain(token) if "." in token else None
        return found

    def outlet_mentioned(self, text: str) -> Outlet | None:
        """The first outlet named in ``text`` as it writes its own name, case and all ("Follow
        Berita Okezone di Google News", "Download the CNA app")."""
        if self._mention_re is None:
            return None
        m = self._mention_re.search(text)
        return self._by_marker.get(m.group().casefold()) if m else None

    def outlet_by_name(self, name: str) -> Outlet | None:
        key = name.casefold()
        for o in self.outlets:
            if o.name.casefold() == key:
                return o
        return self.outlet_for_marker(name)

    # --- agencies ---------------------------------------------------------------------------
    def agency(self, word: str) -> Agency | None:
        """The agency named ``word`` (REUTERS, Antara, Associated Press), if any."""
        return self._agency_by_alias.get(word.strip().casefold())

    def names_agency_word(self, text: str) -> bool:
        """Is a word of ``text`` (split on white space) a word of an agency's name?  A cheap gate
        before looking for the agency itself ("EUROPA PRESS Kota", "Example Daily avec AFP")."""
        return not self._agency_words.isdisjoint(text.casefold().split())

    def agency_for_code(self, code: str) -> Agency | None:
        """The agency behind an initials code such as ``ant`` in "(ant/imk)"."""
        return self._agency_by_code.get(code.strip().casefold())

    @property
    def agency_aliases(self) -> list[str]:
        return sorted({a for ag in self.agencies for a in (*ag.aliases, ag.name)}, key=len, reverse=True)

    @property
    def promo_lines(self) -> list[str]:
        return [p for o in self.outlets for p in o.promo]


@cache
def registry() -> Registry:
    """The registry built from the shipped data (one per process)."""
    data = load_toml("outlets.toml")
    outlets = [
        Outlet(
            name=o["name"],
            domains=tuple(o.get("domains", ())),
            markers=tuple(o.get("markers", ())),
            marker_patterns=tuple(o.get("marker_patterns", ())),
            agency=bool(o.get("agency", False)),
            promo=tuple(o.get("promo", ())),
            papers_on_sub_domains=bool(o.get("papers_on_sub_domains", False)),
        )
        for o in data.get("outlet", [])
    ]
    agencies = [
        Agency(name=a["name"], aliases=tuple(a.get("aliases", ())), codes=tuple(a.get("codes", ())))
        for a in data.get("agency", [])
    ]
    return Registry(outlets, agencies)


def host_of(url: str | None) -> str | None:
    """The host name of ``url`` (lower case, no port), or None."""
    if not url:
        return None
    plain = _PLAIN_HTTP_HOST.match(url)
    if plain is not None and "\t" not in url and "\r" not in url and "\n" not in url:
        host = plain.group(1).strip(".").lower()  # what urlsplit finds, found without it
    else:
        try:
            parts = urlsplit(url if "//" in url else "//" + url)
        except ValueError:
            return None
        host = (parts.hostname or "").strip(".").lower()
    if not _HOST.fullmatch(host):
        return None
    return host


def _second_level(labels: list[str]) -> bool:
    """Is the host's suffix two labels long: a listed one ("co.id") or a generic label under a
    two-letter country suffix ("com.fj", "co.tz")?"""
    if len(labels) < 3:
        return False
    return ".".join(labels[-2:]) in _SECOND_LEVEL or (len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND)


def registered_domain(url: str | None) -> str | None:
    """The registered domain of ``url`` (surabaya.kompas.com -> kompas.com), keeping a language
    sub-domain (en.tempo.co stays en.tempo.co)."""
    host = host_of(url)
    if not host:
        return None
    if _IP_HOST.fullmatch(host):
        return host
    labels = host.split(".")
    n = 3 if _second_level(labels) else 2
    if len(labels) <= n:
        return host
    base = labels[-n:]
    lang = labels[-n - 1]
    if lang in _LANG_SUBDOMAINS:
        return ".".join([lang, *base])
    return ".".join(base)
