"""Hostile text is escaped everywhere; hostile search input never reaches SQL or FTS5 as syntax and
never makes a 500."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the web reader needs the web extra: pip install 'kliping[web]'")

from fastapi.testclient import TestClient

from kliping.store.sqlite import Store
from kliping.web.app import create_app
from tests.test_store_data import build_store


class _Elements(HTMLParser):
    """Every element and attribute of a page, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "b", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


HOSTILE_QUERIES = [
    '"; DROP TABLE articles; --',
    "'; DELETE FROM search; --",
    'tolak "unbalanced',
    '"',
    '""""',
    "AND OR",
    "OR",
    "NOT",
    "*",
    "tolak*",
    "NEAR(",
    "NEAR(tolak warga, 2)",
    "title:tolak",
    "{title body}: tolak",
    "^tolak",
    "(((",
    ")",
    "-",
    "--",
    "- - -",
    "tolak AND",
    "\x00",
    "%",
    "_",
    "<script>alert(1)</script>",
    "a" * 5000,
    "🙂",
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("sec") / "corpus.db")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path), raise_server_exceptions=False) as c:
        yield c


def _assert_clean(html: str) -> None:
    """No markup of the data became elements or attributes (our templates have no script)."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    assert not parser.found, f"unescaped markup in the page: {parser.found}"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=polisi",
        "/search?q=tautan",
        "/search?q=waspada",
        "/search?q=jahat",
        "/search?q=polisi&person=%3Cb%3EJahat%3C%2Fb%3E",
        "/search?q=polisi&outlet=Evil%22%20onmouseover%3D%22alert(3)",
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "/articles/fx-evil",
        "/stories/cerita%22/%3Cscript%3E",
        "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ],
)
def test_hostile_text_is_escaped_in_every_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 404)
    _assert_clean(response.text)


def test_hostile_article_text_is_there_but_inert(client: TestClient) -> None:
    page = client.get("/articles/fx-evil").text
    assert "&lt;script&gt;alert(" in page  # shown as text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page or "&quot;&gt;&lt;img" in page
    assert 'href="javascript:' not in page  # the javascript: url is not a link
    search = client.get("/search", params={"q": "polisi"}).text
    assert "Evil&#34; onmouseover=&#34;alert(3)" in search  # the outlet facet, escaped
    assert "&lt;b&gt;Jahat&lt;/b&gt;" in search  # the person facet, escaped


def test_snippet_marks_are_the_only_markup(client: TestClient) -> None:
    page = client.get("/search", params={"q": "tautan"}).text
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', page, re.DOTALL)
    assert snippets
    for snippet in snippets:
        assert re.sub(r"</?mark>", "", snippet).count("<") == 0


def test_api_returns_hostile_text_as_json_strings(client: TestClient) -> None:
    record = client.get("/api/articles/fx-evil").json()
    assert "<script>" in record["title"]
    data = client.get("/api/search", params={"q": "polisi"}).json()
    assert any("<script>" in r["snippet"] for r in data["results"])


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_hostile_queries_answer_without_a_server_error(client: TestClient, q: str) -> None:
    api = client.get("/api/search", params={"q": q})
    assert api.status_code == 200, api.text
    data = api.json()
    assert data["message"] is not None or isinstance(data["total"], int)
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200
    _assert_clean(page.text)


def test_sql_injection_does_not_touch_the_store(client: TestClient, store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        before = len(store)
    for q in HOSTILE_QUERIES[:2]:
        client.get("/api/search", params={"q": q})
        client.get("/search", params={"q": q, "outlet": q, "person": q, "from": q})
        client.get(f"/api/articles/{q}")
    conn = sqlite3.connect(store_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == before


def test_unusable_input_gets_a_clear_message(client: TestClient) -> None:
    assert (
        "a search cannot only exclude" in client.get("/api/search", params={"q": "-tolak"}).json()["message"]
    )
    assert "Type a word" in client.get("/search", params={"q": "***"}).text
    bad_date = client.get("/api/search", params={"q": "tolak", "from": "'; DROP"}).json()
    assert "not a date" in bad_date["message"]
    assert client.get("/api/search", params={"q": "x", "limit": "-1"}).status_code == 422


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    q=st.text(
        alphabet=st.sampled_from([*list("ab tolak\"'()*:^-+NEARORANDNOT{}[]<>;%_\\"), "é", "🙂"]),
        max_size=40,
    ),
    outlet=st.text(max_size=10),
)
def test_random_queries_never_fail(client: TestClient, q: str, outlet: str) -> None:
    response = client.get("/api/search", params={"q": q, "outlet": outlet, "facets": "true"})
    assert response.status_code == 200, (q, response.text)
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200, q
    _assert_clean(page.text)
