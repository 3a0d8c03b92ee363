"""Stories: exact and near-duplicate grouping (see ``docs/stories.md``).

- :func:`sketch` (per article, parallel-safe) -> :class:`Sketch`;
- :class:`StoryIndex` / :func:`group_sketches` -> :class:`Grouping` (story id and ``duplicate_of``
  per stream position, story summaries);
- :func:`group_articles` and :func:`group_file`: the two-pass drivers used by ``kliping group``
  and ``kliping run --group``.
"""

from kliping.group.exact import exact_hash
from kliping.group.minhash import body_signature, signature
from kliping.group.passes import GroupReport, group_articles, group_file, write_stories
from kliping.group.stories import Grouping, Memory, Sketch, StoryIndex, group_sketches, sketch

__all__ = [
    "GroupReport",
    "Grouping",
    "Memory",
    "Sketch",
    "StoryIndex",
    "body_signature",
    "exact_hash",
    "group_articles",
    "group_file",
    "group_sketches",
    "signature",
    "sketch",
    "write_stories",
]
