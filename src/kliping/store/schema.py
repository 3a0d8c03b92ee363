"""The store's schema as numbered migrations (``PRAGMA user_version`` holds the version).

A migration is a list of SQL statements; opening a store applies the missing ones in one
transaction each.  Never edit a released migration: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    # 1: articles (the JSON record plus facet columns), their parts, and the stemmed FTS5 index
    (
        """CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT, domain TEXT, outlet TEXT, title TEXT, dateline TEXT,
            published TEXT, day TEXT, language TEXT,
            story TEXT, duplicate_of TEXT,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX articles_day ON articles(day)",
        "CREATE INDEX articles_story ON articles(story)",
        """CREATE TABLE removed (
            article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            line INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL
        )""",
        "CREATE INDEX removed_article ON removed(article)",
        """CREATE TABLE entities (
            article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            text TEXT NOT NULL, label TEXT NOT NULL, start INTEGER, "end" INTEGER
        )""",
        "CREATE INDEX entities_article ON entities(article)",
        """CREATE TABLE quotes (
            article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            speaker TEXT, text TEXT NOT NULL, cue TEXT, start INTEGER, "end" INTEGER
        )""",
        "CREATE INDEX quotes_article ON quotes(article)",
        # title and body hold the *stemmed* text; rowid = articles.rowid
        """CREATE VIRTUAL TABLE search USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO search(search, rank) VALUES ('rank', 'bm25(4.0, 1.0)')",
    ),
    # 2: facet look-ups by outlet/language and entity filters
    (
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_language ON articles(language)",
        "CREATE INDEX entities_label_text ON entities(label, text, article)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    # 3: a narrow copy of the facet columns: counting thousands of matches reads a few pages
    # instead of the rows that carry the whole record
    (
        """CREATE TABLE facet (
            rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
            outlet TEXT, language TEXT, day TEXT
        )""",
        "INSERT INTO facet SELECT rowid, outlet, language, day FROM articles",
    ),
)

VERSION: Final = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The database is not a kliping store this version can use."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> int:
    """Bring the schema up to ``target``; returns the version found before."""
    found = schema_version(conn)
    if found > VERSION:
        raise SchemaError(
            f"this store has schema version {found}; this kliping knows up to {VERSION}: upgrade kliping"
        )
    if found == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise SchemaError("this SQLite file is not a kliping store (it has tables but no schema version)")
    for version in range(found + 1, target + 1):
        with transaction(conn):  # one transaction per migration
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
    return found


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN ... COMMIT, or ROLLBACK on error (the connection is in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
