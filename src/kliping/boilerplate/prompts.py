"""Prompts in any wording: "Jangan lewatkan kabar terkini, ikuti kanal WhatsApp X", "The Daily
Briefing newsletter provides all the news you need. Sign up here.", "Keep up to date by downloading
the X app".

Outlets word these calls to follow a channel in endless ways, so they are recognised by their
vocabulary rather than by phrases: a short line that names a *channel* (WhatsApp, newsletter, app,
kanal ...) and the *news* (berita, kabar, news, updates ...), and has a *call to action*
(subscribe, ikuti, download ...) or *addresses the reader* (you, Anda).  A how-to line naming an
app ("record what you eat using a journal or app") names no news.  A story
line can name a channel too ("the gang recruited victims through a WhatsApp group", "passengers
who subscribe ... through the app, he added"): a reporting verb (said, kata, menurut ...) or a
quotation mark makes a line a sentence of the story, never a prompt.

The word lists live in ``data/boilerplate/rules.toml`` (``[prompt]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableSequence, Sequence
from dataclasses import dataclass
from typing import Any

from kliping.article import Reason

_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
_QUOTES = frozenset('"“”«»„')


_OPENERS = ("", "(", "@", "#")
_NAME_MAX_WORDS = 4
_BOX_HEAD_MAX_SPACES = 6
_NAME_END_BAD = frozenset(".!?,;:\"”’'")
_CLOSERS = ("", ".", ",", "!", "?", ":", ";", ")", "'s", "’s", "-nya", "nya")


def _gate_tokens(channels: Iterable[str]) -> frozenset[str]:
    """Every channel word (the first word of a phrase: "google" of "google news") with the
    punctuation that may stick to it in a line split on white space."""
    words = {c.split()[0] for c in channels if c.split()}
    return frozenset(o + w + c for w in words for o in _OPENERS for c in _CLOSERS)


@dataclass(frozen=True)
class Prompts:
    max_words: int
    channel_words: frozenset[str]
    channel_phrases: tuple[str, ...]
    """Channels of two words ("google news"): matched in the lower-cased line, then blanked out
    so that their words count for nothing else ("news" of "Google News" is not the news)."""
    gate_tokens: frozenset[str]
    """The channel words as a line's lower-cased white-space tokens may spell them ("whatsapp.",
    "(app)", "google"): the cheap first look of :meth:`names_channel`."""
    action: frozenset[str]
    reader: frozenset[str]
    news: frozenset[str]
    blockers: frozenset[str]
    name_ends: frozenset[str] = frozenset()
    """Channel words that end a channel's name ("Asia Morning Newsletter", "Free weekly newsletter"):
    a line of a few words ending in one is the header of a sign-up box."""

    @classmethod
    def from_data(cls, section: dict[str, Any]) -> Prompts:
        channels = [str(c).strip().lower() for c in section.get("channel", []) if str(c).strip()]

        def words(name: str) -> frozenset[str]:
            return frozenset(str(w).strip().lower() for w in section.get(name, []) if str(w).strip())

        return cls(
            max_words=int(section.get("max_words", 30)),
            channel_words=frozenset(c for c in channels if " " not in c) | words("channel_also"),
            channel_phrases=tuple(c for c in channels if " " in c),
            gate_tokens=_gate_tokens(channels),
            action=words("action"),
            reader=words("reader"),
            news=words("news"),
            blockers=words("blockers"),
            name_ends=words("name_ends"),
        )

    def names_channel(self, text: str, key: str | None = None) -> bool:
        """A cheap first look (three C calls): does a word of the line name a channel?  ``key``
        is the line's :func:`~kliping.text.normalise_line`, when the caller has it already."""
        return not self.gate_tokens.isdisjoint(key.split() if key is not None else text.lower().split())

    def names_news(self, text: str) -> bool:
        """Does ``text`` speak of the news ("... delivers the latest news to ...") and report
        nobody's words (no reporting verb)?"""
        tokens = set(_TOKEN.findall(text.lower()))
        return not tokens.isdisjoint(self.news) and tokens.isdisjoint(self.blockers)

    def is_prompt(self, text: str, n_words: int | None = None, *, channel_named: bool = False) -> bool:
        """Is ``text`` (one line) a prompt to follow a channel?  ``channel_named``: the lines
        around it name the channel already (a sign-up box: "Get the week's news, the good and
        the bad" between "Sign up to X" and its privacy notice), so it need not name one itself."""
        n = n_words if n_words is not None else text.count(" ") + 1
        if n > self.max_words:
            return False
        low = text.lower()
        if not _QUOTES.isdisjoint(text):
            return False
        if (
            n <= _NAME_MAX_WORDS
            and text[-1] not in _NAME_END_BAD
            and low.rsplit(None, 1)[-1] in self.name_ends
        ):
            return True  # a channel's name: "Weekly Climate Newsletter"
        channel = False
        for phrase in self.channel_phrases:
            if phrase in low:
                channel = True
                low = low.replace(phrase, " ")
        tokens = set(_TOKEN.findall(low))
        if not tokens.isdisjoint(self.blockers):
            return False
        channel = channel or channel_named or not tokens.isdisjoint(self.channel_words)
        if not channel:
            return False
        if tokens.isdisjoint(self.news):
            return False
        return not tokens.isdisjoint(self.reader) or not tokens.isdisjoint(self.action)


def boxed_prompts(lines: Sequence[str], reasons: MutableSequence[Reason | None], prompts: Prompts) -> None:
    """Mark ``promo`` a line between two prompts that reads as one though it names no channel: the
    pitch in a sign-up box ("Free weekly newsletter" / "Get the week's best reads, every Friday" /
    "Privacy notice: ...").  The prompt above it is a box's header (a few words), and the pitch has
    no figures: a paragraph of the story between two injected prompts is kept."""
    n = len(lines)
    i = 0
    while i < n:
        if reasons[i] != "promo":
            i += 1
            continue
        j = i + 1
        while j < n and not lines[j]:
            j += 1
        if j < n and reasons[j] is None:
            k = j + 1
            while k < n and not lines[k]:
                k += 1
            if (
                k < n
                and reasons[k] == "promo"
                and lines[i].count(" ") < _BOX_HEAD_MAX_SPACES
                and not any(c.isdigit() for c in lines[j])
                and prompts.is_prompt(lines[j], channel_named=True)
            ):
                reasons[j] = "promo"
        i = j
