"""User search text -> a safe FTS5 expression over the stemmed index.

The syntax is small and forgiving: words (all must match), ``"quoted phrases"``, ``OR``
between alternatives, and ``-word`` to exclude.  Every term is stemmed and written into the
expression as a quoted FTS5 string, so no user input ever reaches FTS5 as syntax: a stray
quote, ``*``, ``(`` or ``NEAR`` is just text.  A query with nothing to look for raises
:class:`QueryError` with a message meant for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from kliping.store.stem import stem_tokens

_PART: Final = re.compile(r'(-?)"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """The search text asks for nothing that can be searched."""


@dataclass(slots=True)
class ParsedQuery:
    """``groups``: alternatives (OR) of conjunctions (AND) of phrases (stem lists)."""

    groups: list[list[list[str]]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)

    @property
    def stems(self) -> set[str]:
        """Every stem looked for (to highlight)."""
        return {s for group in self.groups for phrase in group for s in phrase}

    def fts(self) -> str:
        """The FTS5 MATCH expression."""

        def phrase(stems: list[str]) -> str:
            return '"' + " ".join(stems) + '"'  # stems are letters and digits only: no quote inside

        alternatives = ["(" + " AND ".join(phrase(p) for p in group) + ")" for group in self.groups]
        expr = alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
        for phrase_stems in self.excluded:
            expr += " NOT " + phrase(phrase_stems)
        return expr


def parse_query(text: str) -> ParsedQuery:
    """Parse the user's search text (see the module doc)."""
    parsed = ParsedQuery()
    current: list[list[str]] = []
    for match in _PART.finditer(text):
        negative, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            if current:
                parsed.groups.append(current)
                current = []
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negative, bare = "-", bare[1:]
        stems = stem_tokens(quoted if quoted is not None else bare or "")
        if not stems:
            continue
        if negative:
            parsed.excluded.append(stems)
        else:
            current.append(stems)
    if current:
        parsed.groups.append(current)
    if not parsed.groups:
        if parsed.excluded:
            raise QueryError("Add at least one word to look for: a search cannot only exclude words.")
        raise QueryError("Type a word to search for (letters or digits).")
    return parsed
