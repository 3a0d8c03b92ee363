"""WARC input (a small WARC written here with warcio) and saved .html/.html.gz pages."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kliping.article import Article
from kliping.core import CleanStep
from kliping.extract.files import is_html_file, page_url, read_html_file
from kliping.extract.html import ExtractStep
from kliping.extract.warc import iter_warc
from kliping.pipeline import Pipeline, Stats

BODY = (
    "SURABAYA - Ribuan warga memadati Jalan Tunjungan pada Minggu malam untuk menyaksikan "
    "parade budaya yang digelar pemerintah kota dalam rangka hari jadi kota."
)
BODY2 = (
    "Panitia menyebut parade itu diikuti lebih dari empat puluh kelompok kesenian dari berbagai "
    "kampung, masing-masing membawakan tarian dan musik khas daerahnya."
)


def _page(extra: str = "", charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>Parade Budaya di Tunjungan</title></head><body>'
        f"<article><p>{BODY}</p><p>{BODY2}{extra}</p></article></body></html>"
    )


def _response(
    writer: WARCWriter, url: str, payload: bytes, content_type: str | None, status: str = "200 OK"
) -> str:
    headers = [("Content-Length", str(len(payload)))]
    if content_type is not None:
        headers.insert(0, ("Content-Type", content_type))
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(payload),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2024-05-02T03:04:05Z"},
    )
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID").strip("<>")


@pytest.fixture(params=[True, False], ids=["gzip", "plain"])
def warc_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=request.param)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
        ids = [
            _response(writer, "https://kabar.example/a", _page().encode(), "text/html; charset=utf-8"),
            # the charset only in the HTTP header; the bytes are windows-1252
            _response(
                writer,
                "https://kabar.example/b",
                _page(" Café “Cak Durasim”.", charset="").replace('<meta charset="">', "").encode("cp1252"),
                "text/html; charset=windows-1252",
            ),
            # no Content-Type: sniffed from the payload
            _response(writer, "https://kabar.example/c", _page().encode(), None),
        ]
        _response(writer, "https://kabar.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        _response(writer, "https://kabar.example/gone", b"<html>gone</html>", "text/html", "404 Not Found")
        _response(writer, "https://kabar.example/old", b"", "text/html", "301 Moved Permanently")
        req = writer.create_warc_record(
            "https://kabar.example/a",
            "request",
            payload=BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /a HTTP/1.1", [("Host", "kabar.example")], is_http_request=True
            ),
        )
        writer.write_record(req)
    return path, ids


def test_iter_warc_yields_html_responses_only(warc_file: tuple[Path, list[str]]) -> None:
    path, ids = warc_file
    stats = Stats()
    records = list(iter_warc(path, stats))
    assert [r["id"] for r in records] == ids
    assert [r["url"] for r in records] == [f"https://kabar.example/{x}" for x in "abc"]
    assert all(r["fetched"] == "2024-05-02T03:04:05Z" for r in records)
    assert all(BODY in r["html"] for r in records)
    assert "Café “Cak Durasim”." in records[1]["html"]  # decoded with the HTTP charset
    assert stats.counters["warc.html"] == 3
    assert stats.counters["warc.skipped.not-html"] == 1
    assert stats.counters["warc.skipped.status"] == 2
    assert stats.counters["warc.skipped.request"] == 1
    assert stats.counters["warc.skipped.warcinfo"] == 1


def test_warc_records_through_the_pipeline(warc_file: tuple[Path, list[str]]) -> None:
    path, _ = warc_file
    pipeline = Pipeline([ExtractStep(), CleanStep()])
    articles = list(pipeline.run(Article(id=r["id"], url=r["url"], html=r["html"]) for r in iter_warc(path)))
    assert len(articles) == 3
    for art in articles:
        assert art.title == "Parade Budaya di Tunjungan"
        assert art.dateline == "Surabaya"
        assert art.body.split("\n")[1] == BODY2 or art.body.split("\n")[1].startswith(BODY2)
        assert art.domain == "kabar.example"


def test_not_a_warc(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file\n" * 10)
    with pytest.raises(ValueError, match=r"bad\.warc: not a WARC"):
        list(iter_warc(bad))
    packed = tmp_path / "bad.warc.gz"
    packed.write_bytes(gzip.compress(b"<html>a page, not a warc</html>"))
    with pytest.raises(ValueError, match=r"bad\.warc\.gz: not a WARC"):
        list(iter_warc(packed))
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"\x1f\x8b" + b"garbage" * 5)
    with pytest.raises(ValueError, match=r"broken\.warc\.gz: not a readable gzip"):
        list(iter_warc(broken))


def test_read_html_files(tmp_path: Path) -> None:
    canonical = '<link rel="canonical" href="https://kabar.example/parade">'
    plain = tmp_path / "parade.html"
    plain.write_bytes(_page(canonical + " Café “Cak Durasim”.", charset="windows-1252").encode("cp1252"))
    packed = tmp_path / "parade-2.html.gz"
    packed.write_bytes(gzip.compress(_page().encode("utf-8")))

    rec = read_html_file(plain)
    assert rec["id"] == "parade" and rec["url"] == "https://kabar.example/parade"
    assert "Café “Cak Durasim”." in rec["html"]
    rec2 = read_html_file(packed)
    assert rec2["id"] == "parade-2" and rec2["url"] is None and BODY in rec2["html"]

    assert is_html_file(plain) and is_html_file(packed) and is_html_file("A.HTM")
    assert not is_html_file(tmp_path / "notes.txt") and not is_html_file("x.jsonl.gz")
    assert page_url('<meta property="og:url" content="https://kabar.example/x">') == "https://kabar.example/x"
    assert page_url('<link rel="canonical" href="/relative">') is None


def test_read_broken_gzip(tmp_path: Path) -> None:
    bad = tmp_path / "broken.html.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(ValueError, match=r"broken\.html\.gz"):
        read_html_file(bad)
