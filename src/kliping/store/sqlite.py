"""The SQLite store: Article records, their parts, and an Indonesian-aware full-text index.

One file (WAL mode) holds the exact JSON record of every article (``Article.to_record()``),
columns and tables for facets and joins (outlet, language, day, story; removed lines,
entities, quotes) and an FTS5 table over the *stemmed* title and body (PySastrawi via
:mod:`kliping.store.stem`); queries are stemmed the same way (:mod:`kliping.store.query`), and
snippets are cut from the original text (:mod:`kliping.store.snippet`).  All SQL is
parameterised; the schema is versioned (:mod:`kliping.store.schema`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from kliping.article import Article
from kliping.iterutils import chunks
from kliping.store.query import ParsedQuery, QueryError, parse_query
from kliping.store.schema import VERSION, SchemaError, migrate, schema_version, transaction
from kliping.store.snippet import Segments, highlight, snippet
from kliping.store.stem import stem_text
from kliping.text import text_id

try:
    import orjson

    def _dumps(record: dict[str, Any]) -> str:
        try:
            return orjson.dumps(record).decode("utf-8")
        except (orjson.JSONEncodeError, TypeError, UnicodeDecodeError):
            return json.dumps(record, ensure_ascii=True, default=str)

    def _dumps_rows(rows: list[tuple[Any, ...]]) -> str:
        try:
            return orjson.dumps(rows).decode("utf-8")
        except (orjson.JSONEncodeError, TypeError, UnicodeDecodeError):
            return json.dumps(rows, ensure_ascii=True)

    def _loads(data: str) -> Any:
        return orjson.loads(data)

except ImportError:  # pragma: no cover - orjson is installed with the core

    def _dumps(record: dict[str, Any]) -> str:
        return json.dumps(record, ensure_ascii=True, default=str)

    def _dumps_rows(rows: list[tuple[Any, ...]]) -> str:
        return json.dumps(rows, ensure_ascii=True)

    def _loads(data: str) -> Any:
        return json.loads(data)


__all__ = [
    "VERSION",
    "Facets",
    "Hit",
    "QueryError",
    "SchemaError",
    "SearchResult",
    "SqliteWriter",
    "Store",
    "StoreError",
]

BATCH: Final = 1000
#: Tables whose rows are small: inserted from one JSON array (see :func:`_insert_rows`).
_JSON_TABLES: Final = frozenset(("facet", "removed", "entities", "quotes"))
#: The page size of a new store.
PAGE_SIZE: Final = 16384
#: Matches ranked by relevance (bm25); beyond, the most recently added this many are (the
#: result says so).  bm25 costs a microsecond or two a match.
RANK_WINDOW: Final = 1_000
#: Facets count at most this many matches, the most recently added (the result says so);
#: at most :data:`RANK_WINDOW` (they are counted from the window).
FACET_SCAN: Final = RANK_WINDOW
MAX_LIMIT: Final = 200
FACET_TOP: Final = 12


def _dumps_ids(rowids: list[int]) -> str:
    return "[" + ",".join(map(str, rowids)) + "]"


class StoreError(RuntimeError):
    """The store cannot be opened or used as asked."""


@dataclass(slots=True)
class Hit:
    """One search result: the article's headline fields and a marked snippet of its body."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    story: str | None
    url: str | None
    title_marked: Segments
    snippet: Segments
    score: float
    lead: str = ""
    """The opening of the body (a headline for untitled articles)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "story": self.story,
            "url": self.url,
            "snippet": "".join(t for t, _ in self.snippet),
            "highlights": [t for t, marked in self.snippet if marked],
            "score": self.score,
        }


@dataclass(slots=True)
class Facets:
    """Counts over the matching articles (``partial`` when only the first matches were counted)."""

    outlets: list[tuple[str, int]] = field(default_factory=list)
    languages: list[tuple[str, int]] = field(default_factory=list)
    months: list[tuple[str, int]] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)
    places: list[tuple[str, int]] = field(default_factory=list)
    date_min: str | None = None
    date_max: str | None = None
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: list[tuple[str, int]]) -> list[dict[str, Any]]:
            return [{"value": v, "count": c} for v, c in items]

        return {
            "outlet": pairs(self.outlets),
            "language": pairs(self.languages),
            "month": pairs(self.months),
            "person": pairs(self.people),
            "place": pairs(self.places),
            "date_min": self.date_min,
            "date_max": self.date_max,
            "partial": self.partial,
        }


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: Facets
    limit: int
    offset: int
    message: str | None = None
    """Why nothing was searched (an empty or unusable query), for the user."""
    note: str | None = None
    """How the results are ordered when that is not simply by relevance."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "message": self.message,
            "note": self.note,
            "results": [h.to_dict() for h in self.hits],
            "facets": self.facets.to_dict(),
        }


@dataclass(slots=True)
class Filters:
    outlet: Sequence[str] = ()
    language: Sequence[str] = ()
    date_from: str | None = None
    date_to: str | None = None
    person: Sequence[str] = ()
    place: Sequence[str] = ()

    def sql(self) -> tuple[str, list[Any]]:
        """``AND ...`` conditions on ``a`` (articles) and their parameters."""
        conds: list[str] = []
        params: list[Any] = []
        for column, values in (("outlet", self.outlet), ("language", self.language)):
            if values:
                conds.append(f"a.{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if self.date_from:
            conds.append("a.day >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append("a.day <= ?")
            params.append(self.date_to)
        for label, values in (("PERSON", self.person), ("PLACE", self.place)):
            for value in values:
                conds.append(
                    "EXISTS (SELECT 1 FROM entities e WHERE e.label = ? AND e.text = ? AND e.article = a.rowid)"
                )
                params.extend((label, value))
        return "".join(" AND " + c for c in conds), params


def _day(published: str | None) -> str | None:
    """``YYYY-MM-DD`` (or a shorter ISO prefix) of a published value, else ``None``."""
    if not published:
        return None
    head = published[:10]
    digits = head.replace("-", "")
    if digits.isdigit() and len(head) in (4, 7, 10) and head[:4].isdigit():
        return head
    return None


def _as_list(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(v for v in value if v)


def _insert_rows(conn: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]], first: int) -> None:
    """Insert ``rows`` (their first value + ``first`` is the rowid).

    Rows of small values go in as one JSON array (one statement, so the writer thread does not
    take the GIL back for every row while the next batch is being prepared); rows with long
    texts (records, stemmed text) are bound one by one, as parsing them out of JSON costs more."""
    if table in _JSON_TABLES:
        data = _dumps_rows(rows)
        if "\\u0000" not in data:  # SQLite's JSON functions cut text at NUL: bind those values
            columns = ", ".join(f"json_extract(value, '$[{k}]')" for k in range(1, len(rows[0])))
            conn.execute(
                f"INSERT INTO {table} SELECT json_extract(value, '$[0]') + ?, {columns} FROM json_each(?)",
                (first, data),
            )
            return
    marks = "".join(", ?" * (len(rows[0]) - 1))
    conn.executemany(f"INSERT INTO {table} VALUES (? + {int(first):d}{marks})", rows)


@dataclass(slots=True)
class _Prepared:
    """The rows of a batch of articles; the first value of each row is the article's index in
    the batch (the writer turns it into a rowid)."""

    count: int
    ids: list[str]
    articles: list[tuple[Any, ...]]
    removed: list[tuple[Any, ...]]
    entities: list[tuple[Any, ...]]
    quotes: list[tuple[Any, ...]]
    search: list[tuple[Any, ...]]


def _prepare(batch: Sequence[Article]) -> _Prepared:
    """Records, facet columns and stemmed text of a batch (no I/O); an id met twice keeps the
    last copy, as a later batch would."""
    by_id: dict[str, Article] = {}
    for article in batch:
        if not isinstance(article, Article):
            raise TypeError(f"Store.add takes Article objects, not {type(article).__name__}")
        if not article.id:
            article.id = text_id(article.body)
        by_id.pop(article.id, None)
        by_id[article.id] = article
    out = _Prepared(len(batch), list(by_id), [], [], [], [], [])
    for i, article in enumerate(by_id.values()):
        out.articles.append(
            (
                i,
                article.id,
                article.url,
                article.domain,
                article.outlet,
                article.title,
                article.dateline,
                article.published,
                _day(article.published),
                article.language,
                article.story,
                article.duplicate_of,
                _dumps(article.to_record()),
            )
        )
        out.removed.extend((i, r.line, r.text, r.reason) for r in article.removed)
        out.entities.extend((i, e.text, e.label, e.start, e.end) for e in article.entities)
        out.quotes.extend((i, q.speaker, q.text, q.cue, q.start, q.end) for q in article.quotes)
        out.search.append((i, stem_text(article.title or ""), stem_text(article.body)))
    return out


class Store:
    """A kliping store at ``path`` (created and migrated unless ``readonly`` or ``create=False``)."""

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if (readonly or not create) and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (build one with `kliping index` or `kliping run`)")
        try:
            if readonly:
                self.conn = sqlite3.connect(
                    self.path.resolve().as_uri() + "?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 5000")
            if not readonly:
                # a new store gets pages that hold several article records (a record is a few
                # KB: with 4 KB pages each takes a page of its own); an existing one keeps its size
                self.conn.execute(f"PRAGMA page_size = {PAGE_SIZE:d}")
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self.conn.execute("PRAGMA mmap_size = 268435456")
            if readonly:
                found = schema_version(self.conn)
                if found != VERSION:
                    raise SchemaError(
                        f"{self.path}: schema version {found}, this kliping needs {VERSION}: "
                        "open it for writing once (e.g. `kliping index`) to migrate it"
                    )
            else:
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable SQLite store: {exc}") from exc

    # --- writing ---------------------------------------------------------------------------
    def add(self, articles: Iterable[Article], batch: int = BATCH) -> int:
        """Add (or replace, by id) articles, ``batch`` per transaction; returns how many.

        Two stages: this thread prepares a batch (records, stems) while a writer thread runs the
        SQL of the previous one (SQLite works without the GIL, so they overlap)."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        count = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kliping-store") as writer:
            pending: Future[int] | None = None
            for chunk in chunks(articles, max(1, batch)):
                prepared = _prepare(chunk)
                if pending is not None:
                    count += pending.result()
                pending = writer.submit(self._write, prepared)
            if pending is not None:
                count += pending.result()
        return count

    def _write(self, batch: _Prepared) -> int:
        """The SQL of one prepared batch, in one transaction (rowids follow the largest)."""
        conn = self.conn
        ids = batch.ids
        with transaction(conn):
            old: list[int] = []
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                old.extend(
                    r[0]
                    for r in conn.execute(
                        f"SELECT rowid FROM articles WHERE id IN ({', '.join('?' * len(part))})", part
                    )
                )
            if old:
                self._delete_rowids(old)
            first = (conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0) + 1
            for table, rows in (
                ("articles", batch.articles),
                ("facet", [(r[0], r[4], r[9], r[8]) for r in batch.articles]),
                ("removed", batch.removed),
                ("entities", batch.entities),
                ("quotes", batch.quotes),
                ("search(rowid, title, body)", batch.search),
            ):
                if rows:
                    _insert_rows(conn, table, rows, first)
        return batch.count

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` the store holds."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(part))})", part
                )
            )
        return found

    def _delete_rowids(self, rowids: Sequence[int]) -> None:
        for table, column in (
            ("search", "rowid"),
            ("removed", "article"),
            ("entities", "article"),
            ("quotes", "article"),
            ("facet", "rowid"),
            ("articles", "rowid"),
        ):
            self.conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(r,) for r in rowids])

    def delete(self, article_id: str) -> bool:
        """Remove one article; ``False`` when there was none with that id."""
        row = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return False
        with transaction(self.conn):
            self._delete_rowids([row[0]])
        return True

    def optimize(self) -> None:
        """Merge the full-text index into one segment (faster searches; run after a bulk load)."""
        self.conn.execute("INSERT INTO search(search) VALUES ('optimize')")

    # --- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: str) -> Article | None:
        """The article with this id, exactly as written (``None`` when there is none)."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(_loads(row[0])) if row else None

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The JSON record of an article, as written."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return dict(_loads(row[0])) if row else None

    def story(self, story_id: str) -> list[Article]:
        """Every copy of a story, oldest first."""
        rows = self.conn.execute(
            "SELECT record FROM articles WHERE story = ? ORDER BY day, rowid", (story_id,)
        )
        return [Article.from_dict(_loads(r[0])) for r in rows]

    def latest(self, n: int = 20) -> list[Article]:
        """The ``n`` most recently published articles (undated ones last)."""
        rows = self.conn.execute(
            "SELECT record FROM articles ORDER BY day DESC, rowid DESC LIMIT ?", (max(0, int(n)),)
        )
        return [Article.from_dict(_loads(r[0])) for r in rows]

    def __iter__(self) -> Iterator[Article]:
        for (record,) in self.conn.execute("SELECT record FROM articles ORDER BY rowid"):
            yield Article.from_dict(_loads(record))

    def search(
        self,
        q: str = "",
        *,
        outlet: str | Sequence[str] | None = None,
        language: str | Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        person: str | Sequence[str] | None = None,
        place: str | Sequence[str] | None = None,
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
    ) -> SearchResult:
        """Full-text search (see :mod:`kliping.store.query` for the syntax), newest first when
        ``q`` is empty.  A query with nothing to search comes back with ``message`` set."""
        limit = max(0, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
        filters = Filters(
            outlet=_as_list(outlet),
            language=_as_list(language),
            date_from=_day(date_from),
            date_to=_day(date_to),
            person=_as_list(person),
            place=_as_list(place),
        )
        for name, value in (("date_from", date_from), ("date_to", date_to)):
            if value and _day(value) is None:
                return SearchResult(
                    q, 0, [], Facets(), limit, offset, f"{name}: not a date (YYYY-MM-DD): {value!r}"
                )
        parsed: ParsedQuery | None = None
        if q.strip():
            try:
                parsed = parse_query(q)
            except QueryError as exc:
                return SearchResult(q, 0, [], Facets(), limit, offset, str(exc))
        try:
            return self._search(q, parsed, filters, limit, offset, facets)
        except sqlite3.OperationalError as exc:  # the query is built to be valid; this is a guard
            return SearchResult(q, 0, [], Facets(), limit, offset, f"This search could not be run: {exc}")

    def _matches(self, parsed: ParsedQuery | None, filters: Filters) -> tuple[str, list[Any], str, str]:
        """The ``FROM ... WHERE ...`` clause of the matching articles, its parameters, and the
        expressions of their rowid and rank (FTS5 computes ``rank`` only where it is selected)."""
        where, params = filters.sql()
        if parsed is None:
            return f"FROM articles a WHERE 1{where}", params, "a.rowid", "0.0"
        if not where:
            return "FROM search WHERE search MATCH ?", [parsed.fts()], "rowid", "rank"
        return (
            f"FROM search s JOIN articles a ON a.rowid = s.rowid WHERE search MATCH ?{where}",
            [parsed.fts(), *params],
            "s.rowid",
            "s.rank",
        )

    def _search(
        self, q: str, parsed: ParsedQuery | None, filters: Filters, limit: int, offset: int, facets: bool
    ) -> SearchResult:
        conn = self.conn
        source, params, col, rank = self._matches(parsed, filters)
        # one pass over the most recently added matches, with their rank: fewer than a window
        # full is every match; more, and the window is what is ranked (the rest follow, newest first)
        window: list[tuple[int, float]] = conn.execute(
            f"SELECT {col}, {rank} {source} ORDER BY {col} DESC LIMIT ?", [*params, RANK_WINDOW]
        ).fetchall()
        if len(window) < RANK_WINDOW:
            total = len(window)
        else:
            total = int(conn.execute(f"SELECT count(*) {source}", params).fetchone()[0])
        note = None
        if parsed is None:
            ranked = conn.execute(
                f"SELECT {col}, 0.0 {source} ORDER BY a.day DESC, a.rowid DESC LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        else:
            best = sorted(window, key=lambda r: (r[1], -r[0]))  # FTS5 rank: lower is better
            ranked = best[offset : offset + limit]
            if total > len(window):
                note = (
                    f"{total:,} matches: the best of the {RANK_WINDOW:,} most recently added come first,"
                    " then the older ones, newest first."
                )
                if len(ranked) < limit:
                    ranked += conn.execute(
                        f"SELECT {col}, {rank} {source} AND {col} < ? ORDER BY {col} DESC LIMIT ? OFFSET ?",
                        [*params, window[-1][0], limit - len(ranked), max(0, offset - len(window))],
                    ).fetchall()
        hits = self._hits(ranked, parsed)
        found = self._facets([r[0] for r in window[:FACET_SCAN]], total) if facets and total else Facets()
        return SearchResult(q, total, hits, found, limit, offset, note=note)

    def _hits(self, ranked: Sequence[tuple[int, float]], parsed: ParsedQuery | None) -> list[Hit]:
        if not ranked:
            return []
        rowids = [r[0] for r in ranked]
        rows = {
            r[0]: r
            for r in self.conn.execute(
                "SELECT rowid, id, title, outlet, published, language, story, url, record FROM articles"
                f" WHERE rowid IN ({', '.join('?' * len(rowids))})",
                rowids,
            )
        }
        stems = parsed.stems if parsed else set()
        hits = []
        for rowid, score in ranked:
            _, aid, title, outlet, published, language, story, url, record = rows[rowid]
            body = _loads(record).get("body") or ""
            hits.append(
                Hit(
                    id=aid,
                    title=title,
                    outlet=outlet,
                    published=published,
                    language=language,
                    story=story,
                    url=url,
                    title_marked=highlight(title or "", stems),
                    snippet=snippet(body, stems),
                    score=float(score),
                    lead=body.split("\n", 1)[0][:300],
                )
            )
        return hits

    def _facets(self, rowids: list[int], total: int) -> Facets:
        """Counts over the matches ``rowids`` (the most recently added; ``total`` in all)."""
        conn = self.conn
        # CROSS JOIN: look each match up (the planner would rather scan for a long IN list)
        ids = [_dumps_ids(rowids)]
        scope = "(SELECT value AS id FROM json_each(?)) m CROSS JOIN"
        rows = conn.execute(f"SELECT a.outlet, a.language, a.day FROM {scope} facet a ON a.rowid = m.id", ids)
        facts = rows.fetchall()  # counted here: SQLite's GROUP BY sorts, which costs more
        outlets = Counter(f[0] or "" for f in facts)
        languages = Counter(f[1] or "" for f in facts)
        days = [f[2] for f in facts if f[2]]
        months = Counter(d[:7] for d in days if len(d) >= 7)
        date_min, date_max = (min(days), max(days)) if days else (None, None)
        people: list[tuple[str, int]] = []
        places: list[tuple[str, int]] = []
        for label, text, count in conn.execute(
            f"SELECT e.label, e.text, count(DISTINCT e.article) AS n FROM {scope}"
            " entities e INDEXED BY entities_article ON e.article = m.id WHERE e.label IN ('PERSON', 'PLACE')"
            " GROUP BY e.label, e.text ORDER BY n DESC, e.text",
            ids,
        ):
            target = people if label == "PERSON" else places
            if len(target) < FACET_TOP:
                target.append((text, count))

        def top(counter: Counter[str]) -> list[tuple[str, int]]:
            return [(k, v) for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])) if k][
                :FACET_TOP
            ]

        return Facets(
            outlets=top(outlets),
            languages=top(languages),
            months=sorted(months.items(), reverse=True),
            people=people,
            places=places,
            date_min=date_min,
            date_max=date_max,
            partial=total > len(rowids),
        )

    # --- lifetime ----------------------------------------------------------------------------
    def close(self) -> None:
        if not self.readonly:
            with contextlib.suppress(sqlite3.OperationalError):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SqliteWriter:
    """The writer ``kliping run -o corpus.db`` uses: buffers articles and adds them in batches.

    A run writes every record once, so an id met again (two inputs with the same ``id``, or
    identical bodies without one: the id is then a hash of the body) is not written over the
    first: the later copy is kept in :attr:`duplicates`, for the run to reject with a reason
    (records in = out + rejected)."""

    def __init__(self, path: str | Path, batch: int = BATCH) -> None:
        self.store = Store(path)
        self.batch = batch
        self._buffer: list[Article] = []
        self.count = 0
        self.duplicates: list[Article] = []

    def write(self, article: Article) -> None:
        self._buffer.append(article)
        if len(self._buffer) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        for article in self._buffer:
            if not article.id:
                article.id = text_id(article.body)
        present = self.store.existing_ids([a.id for a in self._buffer if a.id])
        fresh: list[Article] = []
        for article in self._buffer:
            if article.id in present:
                self.duplicates.append(article)
            else:
                present.add(article.id or "")
                fresh.append(article)
        self.count += self.store.add(fresh, self.batch)
        self._buffer = []

    def close(self) -> None:
        try:
            self.flush()
            self.store.optimize()
        finally:
            self.store.close()

    def __enter__(self) -> SqliteWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
