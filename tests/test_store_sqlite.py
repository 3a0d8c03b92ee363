"""The SQLite store: exact round trip, re-indexing without duplicates, schema migrations, search
with Indonesian word forms, filters and facets."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kliping import Article, DateMention, Entity, Quote, Removed
from kliping.store.schema import MIGRATIONS, VERSION, SchemaError, migrate, schema_version
from kliping.store.sqlite import SqliteWriter, Store, StoreError
from tests.test_store_data import all_articles, built, fixture_articles, seed_article

__all__ = ["built"]  # the module fixture, shared with test_store_data


def _record_view(article: Article) -> Article:
    """The article without its working state (raw input, html, hints are not part of the record)."""
    return dataclasses.replace(article, raw=None, html=None, hints={})


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "removed", "entities", "quotes", "search")
        }
    finally:
        conn.close()


def test_every_article_round_trips_field_for_field(built: Callable[[], Path]) -> None:
    articles = all_articles()
    with Store(built(), readonly=True) as store:
        for original in articles:
            back = store.get(original.id or "")
            assert back is not None, original.id
            assert back == _record_view(original)
            assert store.record(original.id or "") == original.to_record()


def test_extra_fields_and_all_parts_survive(tmp_path: Path) -> None:
    article = Article(
        id="rt-1",
        title="Judul",
        body="Satu paragraf.\nDua paragraf dengan kutipan.",
        authors=["A", "B"],
        agencies=["Antara"],
        language="id",
        language_score=0.987654321,
        removed=[Removed(2, "Baca juga: X", "related")],
        entities=[Entity("Satu", "ORG", 0, 4)],
        quotes=[Quote(None, "kutipan", None, 20, 27)],
        dates=[DateMention("kemarin", "2025-01-01", "day", 3, 10)],
        story="s1",
        duplicate_of="rt-0",
    )
    article.extra = {"crawl": {"source": "x", "n": [1, 2.5, None]}, "emoji": "🙂 ünïcödé"}
    with Store(tmp_path / "s.db") as store:
        store.add([article])
    with Store(tmp_path / "s.db", readonly=True) as store:
        assert store.get("rt-1") == article
        assert store.get("nope") is None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.one_of(st.none(), st.text(max_size=40)),
    body=st.text(min_size=1, max_size=200),
    extra=st.dictionaries(
        st.text(min_size=1, max_size=8).filter(lambda k: k not in ("id", "body")), st.text()
    ),
)
def test_round_trip_of_any_text(tmp_path: Path, title: str | None, body: str, extra: dict[str, str]) -> None:
    article = Article(id="h", title=title, body=body)
    article.extra = {k: v for k, v in extra.items() if k not in Article.__dataclass_fields__}
    with Store(tmp_path / "h.db") as store:
        store.add([article])
        assert store.get("h") == article


def test_reindexing_the_same_ids_replaces_instead_of_duplicating(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    articles = fixture_articles()
    with Store(db) as store:
        store.add(articles)
    first = _counts(db)
    changed = dataclasses.replace(articles[0], title="Judul Baru Tentang Jembatan")
    with Store(db) as store:
        store.add([*articles[1:], changed])
        store.add(articles[1:], batch=1)  # and again, one per transaction
        assert len(store) == len(articles)
        assert store.get(changed.id or "") == changed
        assert store.search("jembatan").total == 1
        assert [h.id for h in store.search("tambang").hits].count("fx-001") == 1
    assert _counts(db) == first


def test_same_id_twice_in_one_batch_keeps_the_last(tmp_path: Path) -> None:
    a = Article(id="dup", body="pertama kali")
    b = Article(id="dup", body="kedua kalinya")
    with Store(tmp_path / "d.db") as store:
        assert store.add([a, b]) == 2
        assert len(store) == 1
        assert store.get("dup") == b


def test_the_run_writer_keeps_the_first_copy_and_reports_the_others(tmp_path: Path) -> None:
    a, b, c = Article(id="w", body="satu"), Article(id="w", body="dua"), Article(body="tiga")
    with SqliteWriter(tmp_path / "w.db", batch=2) as writer:
        for article in (a, b, c, dataclasses.replace(c)):
            writer.write(article)
    assert [d.body for d in writer.duplicates] == ["dua", "tiga"]
    assert writer.count == 2
    with Store(tmp_path / "w.db", readonly=True) as store:
        assert store.get("w") == a
        assert len(store) == 2


def test_delete_removes_every_part(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with Store(db) as store:
        store.add(fixture_articles())
        assert store.delete("fx-001")
        assert not store.delete("fx-001")
        assert store.search("Sukamaju").total == 1  # only fx-002 left
    conn = sqlite3.connect(db)
    orphans = conn.execute(
        "SELECT count(*) FROM removed WHERE article NOT IN (SELECT rowid FROM articles)"
    ).fetchone()[0]
    assert orphans == 0


# --- schema ------------------------------------------------------------------------------------
def _old_store(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    record = '{"id": "old-1", "title": "Warga menolak tambang", "body": "Penolakan warga meluas."}'
    conn.execute(
        "INSERT INTO articles(rowid, id, title, day, record) VALUES (1, 'old-1', 'Warga menolak tambang',"
        " '2024-05-01', ?)",
        (record,),
    )
    conn.execute(
        "INSERT INTO search(rowid, title, body) VALUES (1, 'warga tolak tambang', 'tolak warga luas')"
    )
    conn.close()


def test_an_older_schema_opens_and_migrates(tmp_path: Path) -> None:
    assert VERSION == len(MIGRATIONS) >= 2
    db = tmp_path / "v1.db"
    _old_store(db, 1)
    with pytest.raises(SchemaError, match="schema version 1"):
        Store(db, readonly=True)  # a reader does not write: it says how to migrate
    with Store(db) as store:
        assert schema_version(store.conn) == VERSION
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"articles_outlet", "articles_language", "entities_label_text"} <= indexes
        assert store.get("old-1") is not None
        assert store.search("tolak").total == 1
        store.add([Article(id="new-1", outlet="Tempo", body="Menolak lagi.")])
        assert store.search("tolak", outlet="Tempo").total == 1
    with Store(db, readonly=True) as store:
        assert len(store) == 2


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with Store(db):
        pass
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaError, match="upgrade kliping"):
        Store(db)


def test_other_files_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(SchemaError, match="not a kliping store"):
        Store(foreign)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite store"):
        Store(junk)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)


def test_the_store_is_in_wal_mode(built: Callable[[], Path]) -> None:
    conn = sqlite3.connect(built())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- search ------------------------------------------------------------------------------------
def test_tolak_finds_menolak_and_penolakan(built: Callable[[], Path]) -> None:
    with Store(built(), readonly=True) as store:
        result = store.search("tolak", limit=50)
        ids = {h.id for h in result.hits}
        assert seed_article().id in ids  # "Kazakhstan menolak ..."
        assert "fx-001" in ids  # "penolakan", "Tolak"
        assert "fx-002" in ids  # "Ditolak"
        marked = {t.lower() for h in result.hits for t, m in [*h.snippet, *h.title_marked] if m}
        assert {"menolak", "penolakan", "tolak", "ditolak"} <= marked
        assert "fx-003" not in ids  # English "reject" is another word


def test_query_syntax_phrase_or_and_exclusion(built: Callable[[], Path]) -> None:
    with Store(built(), readonly=True) as store:
        assert {h.id for h in store.search('"tambang pasir"').hits} == {"fx-001", "fx-002"}
        assert {h.id for h in store.search("tambang -depan").hits} == {"fx-002"}
        assert {h.id for h in store.search("ferry OR sukamaju").hits} == {"fx-001", "fx-002", "fx-003"}
        assert store.search("sukamaju ferry").total == 0


def test_filters_and_facets(built: Callable[[], Path]) -> None:
    with Store(built(), readonly=True) as store:
        result = store.search("tambang")
        facets = result.facets
        assert dict(facets.outlets) == {"Kabar Priangan": 1, "Warta Kita": 1}
        assert dict(facets.people)["Arman Wijaya"] == 2
        assert dict(facets.places)["Bandung"] == 2
        assert (facets.date_min, facets.date_max) == ("2025-03-04", "2025-03-05")
        assert [h.id for h in store.search("tambang", outlet="Warta Kita").hits] == ["fx-002"]
        assert [h.id for h in store.search("tambang", person="Siti Rahmawati").hits] == ["fx-001"]
        assert [h.id for h in store.search("tambang", date_from="2025-03-05").hits] == ["fx-002"]
        assert store.search("tambang", date_to="2025-03-03").total == 0
        assert store.search("", language="en").total >= 1
        assert store.search("", date_from="kemarin").message is not None


def test_empty_query_lists_newest_first_and_pages(built: Callable[[], Path]) -> None:
    with Store(built(), readonly=True) as store:
        everything = store.search("", limit=200)
        assert everything.total == len(store)
        days = [h.published[:10] for h in everything.hits if h.published]
        assert days == sorted(days, reverse=True)
        page2 = store.search("", limit=2, offset=2)
        assert [h.id for h in page2.hits] == [h.id for h in everything.hits[2:4]]


def test_story_and_latest(built: Callable[[], Path]) -> None:
    with Store(built(), readonly=True) as store:
        assert [a.id for a in store.story("fx-story-tambang")] == ["fx-001", "fx-002"]
        assert store.story("no-such-story") == []
        latest = store.latest(3)
        assert len(latest) == 3
        kazakh = [a for a in store if "Kazakhstan" in a.body]
        assert len(kazakh) >= 3
        assert len({a.story for a in kazakh if a.story}) >= 1


def test_large_result_sets_rank_the_newest_window_and_page_through_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kliping.store.sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "RANK_WINDOW", 5)
    monkeypatch.setattr(sqlite_store, "FACET_SCAN", 4)
    articles = [
        Article(id=f"n{i:02d}", outlet="A" if i % 2 else "B", body="warga menolak " + "kata " * (i % 4))
        for i in range(13)
    ]
    articles[-2].title = "Tolak tolak tolak"  # the best match, in the newest window
    with Store(tmp_path / "w.db") as store:
        store.add(articles)
        first = store.search("tolak", limit=3)
        assert first.total == 13 and first.note is not None
        assert first.hits[0].id == "n11"
        assert {h.id for h in first.hits} <= {f"n{i:02d}" for i in range(8, 13)}
        seen = [h.id for off in range(0, 13, 3) for h in store.search("tolak", limit=3, offset=off).hits]
        assert sorted(seen) == sorted(a.id or "" for a in articles)  # each match exactly once
        assert seen[5:] == [f"n{i:02d}" for i in range(7, -1, -1)]  # then the older ones, newest first
        filtered = [
            h.id
            for off in range(0, 13, 4)
            for h in store.search("tolak", outlet="A", limit=4, offset=off).hits
        ]
        assert sorted(filtered) == [f"n{i:02d}" for i in range(1, 13, 2)]
        facets = store.search("tolak", limit=3).facets
        assert facets.partial and sum(n for _, n in facets.outlets) == 4  # the newest window


def test_nul_and_escapes_survive_in_every_column(tmp_path: Path) -> None:
    odd = Article(
        id="n\x00ul",
        title='ti\x00tle "q" \\ 🙂',
        outlet="Out\x00let",
        body="nul \x00 menolak",
        removed=[Removed(1, "Baca\x00juga", "related")],  # a small-row table (JSON path)
    )
    plain = Article(id="plain", title='t "q" \\u0000', outlet="Biasa", body="literal \\u0000 penolakan")
    with Store(tmp_path / "nul.db") as store:
        store.add([odd, plain])
        assert store.get("n\x00ul") == odd and store.get("plain") == plain
        columns = store.conn.execute("SELECT id, title, outlet FROM articles ORDER BY rowid").fetchall()
        assert columns == [(odd.id, odd.title, odd.outlet), (plain.id, plain.title, plain.outlet)]
        assert dict(store.search("tolak").facets.outlets) == {"Out\x00let": 1, "Biasa": 1}
        assert store.conn.execute("SELECT text FROM removed").fetchall() == [("Baca\x00juga",)]


def test_a_new_store_has_large_pages_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        store.add([Article(id="a", body="Warga menolak rencana itu.")])
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 16384
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    conn.execute("PRAGMA page_size = 4096")
    migrate(conn)
    conn.close()
    with Store(tmp_path / "old.db") as store:
        store.add([Article(id="a", body="Warga menolak rencana itu.")])
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert [h.id for h in store.search("penolakan").hits] == ["a"]
