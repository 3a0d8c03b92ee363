"""Decoding pages given as bytes: BOM, transport charset, meta charset, UTF-8, windows-1252."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from kliping.extract.charset import (
    content_type_charset,
    declared_charset,
    decode_html,
    normalise_charset,
)

TEXT = "Café “Sederhana” di Bogor: naïve façade — 5 €"


def _page(meta: str, body: str = TEXT) -> str:
    return f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_meta_charset_windows_1252() -> None:
    data = _page('<meta charset="windows-1252">').encode("cp1252")
    assert TEXT in decode_html(data)


def test_http_equiv_iso_8859_1_is_read_as_windows_1252() -> None:
    # pages that say latin-1 carry cp1252 quotes (0x93/0x94); browsers read them as cp1252
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = _page(meta).encode("cp1252")
    assert b"\x93" in data
    assert TEXT in decode_html(data)


def test_meta_charset_other_script() -> None:
    body = "Новости дня: Москва"
    data = _page('<meta charset="koi8-r">', body).encode("koi8_r")
    assert body in decode_html(data)


def test_transport_charset_wins_over_meta() -> None:
    data = _page('<meta charset="utf-8">').encode("cp1252")
    assert TEXT in decode_html(data, declared="windows-1252")
    assert TEXT not in decode_html(data)


def test_bom_wins() -> None:
    data = codecs.BOM_UTF8 + _page('<meta charset="windows-1252">').encode("utf-8")
    assert TEXT in decode_html(data)
    utf16 = _page("").encode("utf-16")
    assert TEXT in decode_html(utf16)


def test_undeclared_utf8_and_fallback() -> None:
    assert TEXT in decode_html(_page("").encode("utf-8"))
    assert TEXT in decode_html(_page("").encode("cp1252"))  # not valid UTF-8 -> windows-1252


def test_unknown_label_is_ignored() -> None:
    assert TEXT in decode_html(_page('<meta charset="no-such-charset">').encode("utf-8"))


def test_labels() -> None:
    assert normalise_charset("ISO-8859-1") == "cp1252"
    assert normalise_charset("utf-16") == "utf-8"
    assert normalise_charset("UTF8") == "utf-8"
    assert normalise_charset("bogus") is None
    assert normalise_charset(None) is None
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>') == "ISO-8859-2"
    assert declared_charset(b"<html><body>no declaration</body></html>") is None
    assert content_type_charset("text/html; charset='Shift_JIS'") == "Shift_JIS"
    assert content_type_charset("text/html") is None


@given(st.binary(max_size=400))
def test_any_bytes_decode(data: bytes) -> None:
    assert isinstance(decode_html(data), str)
