"""The reader's pages and JSON API through FastAPI's TestClient (no server, no browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web reader needs the web extra: pip install 'kliping[web]'")

from fastapi.testclient import TestClient

from kliping.store.sqlite import Store
from kliping.web.app import create_app
from tests.test_store_data import build_store, seed_article


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "corpus.db")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as c:
        yield c


def test_home_lists_latest_articles_with_a_search_box(client: TestClient, store_path: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert re.search(r'<form[^>]*action="/search"', page.text) and 'name="q"' in page.text
    with Store(store_path, readonly=True) as store:
        newest = store.latest(3)
    links = re.findall(r'<a class="headline" href="/articles/([^"]+)"', page.text)
    assert links[:3] == [a.id for a in newest]
    assert '<meta name="viewport"' in page.text  # readable on a phone


def test_search_page_marks_word_forms_and_shows_facets(client: TestClient) -> None:
    page = client.get("/search", params={"q": "tolak"})
    assert page.status_code == 200
    marks = {m.lower() for m in re.findall(r"<mark>([^<]*)</mark>", page.text)}
    assert {"menolak", "penolakan"} <= marks
    assert "Kabar Priangan" in page.text  # outlet facet
    assert "Arman Wijaya" in page.text  # person facet
    assert "Bandung" in page.text  # place facet
    assert 'name="from"' in page.text and 'name="to"' in page.text  # date range


def test_facet_links_filter_the_results(client: TestClient) -> None:
    page = client.get("/search", params={"q": "tambang", "outlet": "Warta Kita"})
    assert page.status_code == 200
    assert 'href="/articles/fx-002"' in page.text
    assert 'href="/articles/fx-001"' not in page.text
    by_person = client.get("/search", params={"q": "tambang", "person": "Siti Rahmawati"})
    assert 'href="/articles/fx-001"' in by_person.text and 'href="/articles/fx-002"' not in by_person.text
    by_date = client.get("/search", params={"q": "tambang", "from": "2025-03-05", "to": "2025-12-31"})
    assert 'href="/articles/fx-002"' in by_date.text and 'href="/articles/fx-001"' not in by_date.text


def test_article_page_shows_text_metadata_and_removed_lines_in_place(client: TestClient) -> None:
    page = client.get("/articles/fx-001")
    assert page.status_code == 200
    text = page.text
    assert "Kabar Priangan" in text and "2025-03-04" in text and "Dewi Lestari Putri" in text
    assert 'id="show-removed"' in text
    lines = re.findall(r'<p(?: class="(removed)")? data-line="(\d+)">', text)
    assert [int(n) for _, n in lines] == list(range(1, len(lines) + 1))
    removed = {int(n) for cls, n in lines if cls}
    assert removed == {1, 3, 6}
    assert '<span class="reason">related</span> Baca juga: Harga Cabai Naik Lagi' in text
    assert 'href="/stories/fx-story-tambang"' in text
    assert 'href="/articles/fx-002"' in text  # the other copy


def test_seed_article_page(client: TestClient) -> None:
    seed = seed_article()
    page = client.get(f"/articles/{seed.id}")
    assert page.status_code == 200
    assert "Kazakhstan menolak" in page.text
    assert page.text.count('class="removed"') == len(seed.removed)


def test_story_page_lists_every_copy(client: TestClient, store_path: Path) -> None:
    page = client.get("/stories/fx-story-tambang")
    assert page.status_code == 200
    assert 'href="/articles/fx-001"' in page.text and 'href="/articles/fx-002"' in page.text
    with Store(store_path, readonly=True) as store:
        wire = {a.story for a in store if a.story and "Kazakhstan" in a.body}
    for story in wire:
        copies = client.get(f"/stories/{story}")
        assert copies.status_code == 200
        assert copies.text.count('class="card"') + copies.text.count('class="card ') >= 2


def test_unknown_ids_are_404_pages(client: TestClient) -> None:
    assert client.get("/articles/no-such-id").status_code == 404
    assert client.get("/stories/no-such-story").status_code == 404
    assert client.get("/api/articles/no-such-id").status_code == 404


def test_api_search_returns_the_documented_fields(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "tolak"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] >= 3
    first = data["results"][0]
    assert {"id", "title", "outlet", "published", "snippet"} <= set(first)
    assert {r["id"] for r in data["results"]} >= {"fx-001", "fx-002", seed_article().id}
    assert any(h.lower() == "penolakan" for r in data["results"] for h in r["highlights"])
    assert data["facets"]["outlet"]


def test_api_article_returns_the_stored_record(client: TestClient, store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        record = store.record("fx-001")
    response = client.get("/api/articles/fx-001")
    assert response.status_code == 200
    assert response.json() == record
    assert client.get("/api/stories/fx-story-tambang").json()[1]["id"] == "fx-002"


def test_openapi_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/articles/{article_id}"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text


def test_serve_refuses_a_missing_or_foreign_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kliping.cli import cli

    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"not sqlite" * 200)
    result = CliRunner().invoke(cli, ["serve", str(foreign)])
    assert result.exit_code != 0 and "not a usable SQLite store" in result.output
