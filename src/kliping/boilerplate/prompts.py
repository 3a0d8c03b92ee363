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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
_QUOTES = frozenset('"“”«»„')


_OPENERS = ("", "(", "@", "#")
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
        )

    def names_channel(self, text: str, key: str | None = None) -> bool:
        """A cheap first look (three C calls): does a word of the line name a channel?  ``key``
        is the line's :func:`~kliping.text.normalise_line`, when the caller has it already."""
        return not self.gate_tokens.isdisjoint(key.split() if key is not None else text.lower().split())

    def is_prompt(self, text: str, n_words: int | None = None) -> bool:
        """Is ``text`` (one line) a prompt to follow a channel?"""
        n = n_words if n_words is not None else text.count(" ") + 1
        if n > self.max_words:
            return False
        low = text.lower()
        if not _QUOTES.isdisjoint(text):
            return False
        channel = False
        for phrase in self.channel_phrases:
            if phrase in low:
                channel = True
                low = low.replace(phrase, " ")
        tokens = set(_TOKEN.findall(low))
        if not tokens.isdisjoint(self.blockers):
            return False
        channel = channel or not tokens.isdisjoint(self.channel_words)
        if not channel:
            return False
        if tokens.isdisjoint(self.news):
            return False
        return not tokens.isdisjoint(self.reader) or not tokens.isdisjoint(self.action)
