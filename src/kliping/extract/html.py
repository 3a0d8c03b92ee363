"""HTML page -> article text (one paragraph a line) + the page's metadata hints.

Two maintained extractors, combined (measured on the article-extraction benchmark, see
``bench/html_benchmark.py``):

* **trafilatura** (``favor_precision``, comments excluded) is the primary: the most precise on news
  pages, and it reads the page's metadata (JSON-LD, OpenGraph and other meta tags, htmldate).
* **resiliparse** (main-content mode) is the second opinion: fast, and it keeps the whole article
  on pages where trafilatura settles on one block of it.

The combination works on paragraphs: when trafilatura's text has fewer than
:data:`FALLBACK_RATIO` of resiliparse's words, trafilatura missed part of the article and
resiliparse's paragraphs are taken; otherwise trafilatura's paragraphs are kept, in document
order, and the copies of them that trafilatura folded away (a promo line printed four times) are
put back where the page has them, so that kliping's cleaner sees the page as it is and records
each removed line.  What the extractors keep that is still boilerplate ("Baca juga", share and
promo lines, credits) is removed by kliping's own line cleaning (:mod:`kliping.core`), which runs
after this step.  The page's title heads the text (as it heads scraped text) unless the first
paragraph already is the title; the cleaner records it as the ``title`` line, and so does not take
the first body paragraph for a headline.  Pages with no paragraph of :data:`MIN_PARAGRAPH_WORDS`
words are rejected: ``Rejected("no-article", ...)``.

Page metadata comes from the markup only: JSON-LD, meta tags, ``<title>``, the URL for the date
(htmldate without its free-text search: dates in the text are the cleaner's to read); a site
name that is only the URL's host name is not metadata and is dropped.

The hints returned (``title``, ``authors``, ``published``, ``site_name``, ``language``) are merged
by the core cleaner with what the text says.  Precedence rule (implemented in
:meth:`kliping.core.Cleaner.clean_article`):

* **authors**: names from credit and byline lines in the text win; the page's authors are used
  only when the text credits nobody.  Agencies come from the text (dateline, credit, "dilansir").
* **title**: a headline line in the text wins; else the page's title.  A first line equal to the
  page's title is recognised as the headline.
* **published**: a date stated in a credit/timestamp line wins; else the page's published date;
  else a date in the URL; else a weekday-named date in the lead.
* **outlet**: explicit outlet > URL domain > dateline marker ("TEMPO.CO, Jakarta") > byline
  marker > the page's ``site_name`` (mapped to a known outlet when it names one).
* **language**: detected from the cleaned body; the page's ``lang`` only when detection gives none.

Input metadata given with a record (``article.hints`` before extraction) wins over the page's.

The optional ``html`` extra provides the extractors (``pip install 'kliping[html]'``); this
module imports them lazily and raises :class:`MissingExtra` (an ``ImportError``) with that advice
when they are missing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from importlib.util import find_spec
from itertools import takewhile
from typing import Any
from urllib.parse import urlsplit

from kliping.article import Article
from kliping.extract.charset import decode_html
from kliping.pipeline import Rejected, Stats, Step
from kliping.text import collapse_ws, normalise_line

#: trafilatura's text is replaced by resiliparse's when it has fewer than this share of its words.
FALLBACK_RATIO = 0.5
#: Copies are put back only on pages of at most this many paragraphs (alignment is quadratic).
MAX_ALIGN_PARAGRAPHS = 3000
#: A page is an article when some paragraph has at least this many words.
MIN_PARAGRAPH_WORDS = 6

_EXTRA_ADVICE = "HTML input needs the html extra: pip install 'kliping[html]'"
_REQUIRED = ("trafilatura", "resiliparse")


class MissingExtra(ImportError):
    """The optional ``html`` extra (trafilatura, resiliparse, warcio) is not installed."""


def require_extra(modules: Sequence[str] = _REQUIRED) -> None:
    """Raise :class:`MissingExtra` naming the extra when one of ``modules`` is not installed."""
    missing = [m for m in modules if find_spec(m) is None]
    if missing:
        raise MissingExtra(f"{_EXTRA_ADVICE} (missing: {', '.join(missing)})")


# --- page metadata that trafilatura does not give -------------------------------------------
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_META_LANG = re.compile(
    r"<meta\b[^>]*?(?:http-equiv\s*=\s*[\"']?content-language[\"']?|property\s*=\s*[\"']?og:locale[\"']?)"
    r"[^>]*?content\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?",
    re.I,
)


def page_language(html: str) -> str | None:
    """The language the page declares (``<html lang>``, Content-Language, og:locale), lower case."""
    head = html[:20000]
    m = _HTML_LANG.search(head) or _META_LANG.search(head)
    return m.group(1).lower() if m else None


def split_authors(value: str | None) -> list[str]:
    """trafilatura's author string ("A; B") as a list of names, duplicates dropped."""
    if not value:
        return []
    names: list[str] = []
    for part in value.split(";"):
        name = collapse_ws(part)
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


# --- paragraphs ---------------------------------------------------------------------------
def paragraphs(text: str | None) -> list[str]:
    """Non-empty lines of ``text``, white space collapsed: one paragraph a line."""
    if not text:
        return []
    out = []
    for line in text.splitlines():
        line = collapse_ws(line)
        if line:
            out.append(line)
    return out


# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, CJK, kana): there a
# word is counted as two characters.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def word_units(paragraph: str) -> int:
    """Words of a paragraph: space-separated words, plus one per two characters of unspaced scripts."""
    unspaced = len(_UNSPACED.findall(paragraph))
    return len(paragraph.split()) + unspaced // 2


def _words(paras: Sequence[str]) -> int:
    return sum(word_units(p) for p in paras)


_NON_WORD = re.compile(r"\W+")


def paragraph_key(paragraph: str) -> str:
    """What two extractors' renderings of one paragraph share: its words, case-folded (list
    bullets, table bars and punctuation dropped; digits kept, so that rows differing in a number
    stay apart)."""
    return " ".join(_NON_WORD.sub(" ", paragraph.casefold()).split())


def restore_copies(primary: Sequence[str], page: Sequence[str]) -> list[str]:
    """``primary`` with the copies of its paragraphs that ``page`` has and it dropped put back.

    ``page`` is the fuller paragraph list of the same document (in document order).  The two are
    aligned on :func:`paragraph_key`; a paragraph of ``page`` that is unmatched
    but has the key of a paragraph in ``primary`` is inserted at its place when it lies between the
    first and the last aligned paragraph, or in an unbroken run of such copies right before or
    after them.  Nothing else of ``page`` is added.
    """
    if not primary or not page or len(page) > MAX_ALIGN_PARAGRAPHS:
        return list(primary)
    pkeys = [paragraph_key(p) for p in primary]
    gkeys = [paragraph_key(p) for p in page]
    kept = set(pkeys)
    page_counts = Counter(gkeys)
    if len(kept) == len(pkeys) and all(page_counts[k] < 2 for k in kept):
        return list(primary)  # no kept paragraph repeats on the page: nothing was folded away
    text_of = dict(zip(pkeys, primary, strict=True))
    out: list[str] = []
    opcodes = SequenceMatcher(None, gkeys, pkeys, autojunk=False).get_opcodes()
    equal = [n for n, op in enumerate(opcodes) if op[0] == "equal"]
    if not equal:
        return list(primary)
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag in ("delete", "replace"):
            unmatched = gkeys[i1:i2]
            if equal[0] < n < equal[-1]:
                out.extend(text_of[k] for k in unmatched if k in kept)
            elif n == equal[0] - 1:  # copies right before the article
                run = list(takewhile(kept.__contains__, reversed(unmatched)))
                out.extend(text_of[k] for k in reversed(run))
            elif n == equal[-1] + 1:  # copies right after it
                out.extend(text_of[k] for k in takewhile(kept.__contains__, unmatched))
        if tag != "delete":
            out.extend(primary[j1:j2])
    return out


def combine(primary: Sequence[str], secondary: Sequence[str]) -> list[str]:
    """The article's paragraphs from trafilatura's (``primary``) and resiliparse's (``secondary``)."""
    if _words(primary) < FALLBACK_RATIO * _words(secondary):
        return list(secondary)
    return restore_copies(primary, secondary)


# --- extraction ---------------------------------------------------------------------------
def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


def _trafilatura(html: str, url: str | None, fast: bool = False) -> tuple[list[str], dict[str, Any]]:
    from trafilatura import bare_extraction
    from trafilatura.settings import set_date_params

    doc = bare_extraction(
        html,
        url=url,
        favor_precision=True,
        fast=fast,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
        # dates from the page's markup and URL only: dates in the text are the cleaner's to read
        date_extraction_params=set_date_params(extensive=False),
    )
    if doc is None:
        return [], {}
    if isinstance(doc, dict):  # as_dict=True output (not what is asked for above)
        raise TypeError("trafilatura returned a dict; kliping needs trafilatura>=2.0")
    meta: dict[str, Any] = {}
    title, author, date, site = doc.title, doc.author, doc.date, doc.sitename
    if title:
        meta["title"] = collapse_ws(str(title))
    authors = split_authors(author)
    if authors:
        meta["authors"] = authors
    if date:
        meta["published"] = str(date)
    site_host = _host(str(site)) if site and " " not in str(site) else None
    if site and (site_host is None or site_host != _host(doc.url or url)):
        # (trafilatura names a page without a site name after its host: that is no metadata)
        meta["site_name"] = collapse_ws(str(site))
    return paragraphs(doc.text), meta


def _resiliparse(html: str) -> list[str]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    text = extract_plain_text(
        tree,
        main_content=True,
        list_bullets=False,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        comments=False,
    )
    return paragraphs(text)


def to_text(html: str | bytes, declared_charset: str | None = None) -> str:
    """The page as text: bytes decoded honouring BOM, declared and meta charset (see charset.py)."""
    if isinstance(html, bytes | bytearray | memoryview):
        return decode_html(bytes(html), declared_charset)
    if isinstance(html, str):
        return html
    raise TypeError(f"html must be str or bytes, not {type(html).__name__}")


def extract_html(
    html: str | bytes,
    url: str | None = None,
    *,
    declared_charset: str | None = None,
    fast: bool = False,
) -> tuple[str, dict[str, Any]]:
    """The article text of a page (one paragraph a line) and the page's metadata hints.

    ``fast=True`` skips trafilatura's second-opinion extractors (readability, jusText): about
    1.4x faster, slightly less precise (see ``bench/html_benchmark.py``).

    Hints: ``title``, ``authors`` (list), ``published`` (ISO date), ``site_name``, ``language``
    (ISO 639 code), each present only when the page gives it.  Raises
    ``Rejected("no-article", ...)`` when the page has no article text, :class:`MissingExtra`
    when the html extra is not installed.
    """
    require_extra()
    page = to_text(html, declared_charset)
    if not page.strip():
        raise Rejected("no-article", "empty page")
    primary, hints = _trafilatura(page, url, fast)
    secondary = _resiliparse(page)
    paras = combine(primary, secondary)
    if not any(word_units(p) >= MIN_PARAGRAPH_WORDS for p in paras):
        raise Rejected(
            "no-article",
            f"no paragraph of {MIN_PARAGRAPH_WORDS}+ words in the page"
            + (f" ({len(paras)} short lines)" if paras else ""),
        )
    lang = page_language(page)
    if lang:
        hints["language"] = lang
    title = hints.get("title")
    if title and (not paras or normalise_line(paras[0]) != normalise_line(title)):
        # the headline heads the text, as in scraped text: the cleaner records it as the title
        # (and does not take the first body paragraph for a headline)
        paras.insert(0, title)
    return "\n".join(paras), hints


class ExtractStep(Step):
    """Pipeline step: ``article.html`` -> ``article.raw`` and page hints in ``article.hints``.

    Articles that come without HTML pass through unchanged.  Hints already on the article (given
    by the input record) win over the page's.  ``keep_html=False`` drops the page once extracted,
    keeping memory flat.  ``fast``: see :func:`extract_html`.
    """

    name = "extract"

    def __init__(self, *, keep_html: bool = False, fast: bool = False) -> None:
        require_extra()
        self.keep_html = keep_html
        self.fast = fast

    def process(self, article: Article, stats: Stats) -> Article | None:
        if article.html is None:
            stats.incr("extract.skipped")
            return article
        try:
            text, hints = extract_html(article.html, url=article.url, fast=self.fast)
        except Rejected:
            stats.incr("extract.rejected")
            raise
        article.raw = text
        article.hints = {**hints, **article.hints}
        if not self.keep_html:
            article.html = None
        stats.incr("extract.docs")
        return article

    def config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "primary": f"trafilatura(favor_precision, no comments, fast={self.fast})",
            "secondary": "resiliparse(main_content)",
            "fallback_ratio": FALLBACK_RATIO,
            "min_paragraph_words": MIN_PARAGRAPH_WORDS,
        }
