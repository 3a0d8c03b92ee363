"""Metadata of sites the registry does not know, and credit shapes any outlet prints."""

from __future__ import annotations

import pytest

import kliping
from kliping.outlets import registered_domain, registry
from kliping.parse.credit import parse_structural
from kliping.parse.dateline import parse_dateline
from kliping.parse.dates import timestamp_date
from kliping.parse.shapes import outlet_shaped, self_name

REG = registry()


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.lagoonpost.com.fj/story/", "lagoonpost.com.fj"),
        ("https://news.harbourdaily.co.tz/a/1", "harbourdaily.co.tz"),
        ("https://www.riverwatch.org.ng/x", "riverwatch.org.ng"),
        ("https://en.harbourdaily.co/x", "en.harbourdaily.co"),
        ("https://city.example.com/x", "example.com"),
    ],
)
def test_registered_domain_under_any_country_second_level(url: str, domain: str) -> None:
    assert registered_domain(url) == domain


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Wed, Mar 5, 2025 page 4", "2025-03-05"),
        ("12 Maret 2025 Hal. 7", "2025-03-12"),
        ("5 March 2025 - p A3", "2025-03-05"),
    ],
)
def test_print_edition_timestamps(line: str, published: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.published == published


def test_page_words_around_a_date_in_a_sentence_are_no_stamp() -> None:
    assert timestamp_date("5 March 2025 pages of history were rewritten") is None


@pytest.mark.parametrize(
    "line", ["(QRT)", "(BW)", "tom.hogue@examplemail.com", "ann_lee+desk@news.example.co.id"]
)
def test_initials_and_addresses_are_credits(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.kind == "credit" and not st.authors


@pytest.mark.parametrize("line", ["Write to ann@example.com for details.", "(Q)", "(ABCDEFG)"])
def test_not_credits(line: str) -> None:
    assert parse_structural(line, REG) is None


def test_hyphenated_acronym_names_an_outlet() -> None:
    assert outlet_shaped("XYZ-TV News")
    assert not outlet_shaped("Budi-Santoso Putra")


@pytest.mark.parametrize(
    ("site", "text", "name"),
    [
        ("lagoonpost.com.fj", "Subscribe to The Lagoon Post e-paper", "The Lagoon Post"),
        ("harbourdaily.co.tz", "Follow Harbour Daily on WhatsApp", "Harbour Daily"),
        ("islandbeacon.com", "Read more from the IslandBeacon team", "IslandBeacon"),
        ("lagoonpost.com.fj", "visit lagoonpost.com.fj today", None),
        ("space.com", "Space is big.", None),
        ("springfield.com", "SPRINGFIELD, Ill. - Rain fell.", None),
    ],
)
def test_self_name(site: str, text: str, name: str | None) -> None:
    place = "Springfield" if site == "springfield.com" else None
    assert self_name(site, text, place) == name


def test_unknown_site_named_by_its_page() -> None:
    text = (
        "Ferry Fares Rise on Outer Islands\n"
        "By Mere Tabua Vakacegu\n"
        "March 4, 2025 6:00 am\n"
        "Ferry operators raised fares on routes to the outer islands this week, citing fuel costs.\n"
        "Subscribe to The Lagoon Post e-paper for the full print edition"
    )
    art = kliping.clean(text, url="https://www.lagoonpost.com.fj/ferry-fares/")
    assert art.outlet == "The Lagoon Post"
    assert art.domain == "lagoonpost.com.fj"


def test_domain_then_the_name_it_shortens_is_a_marker() -> None:
    found = parse_dateline("HK.id  Harian Kota - Dewan kota menggelar rapat anggaran pada Senin.", REG)
    assert found is not None and found.city is None and found.marker == "Harian Kota"
    art = kliping.clean(
        "HK.id  Harian Kota - Dewan kota menggelar rapat anggaran pada Senin.", url="https://hk.id/a/1"
    )
    assert art.outlet == "Harian Kota" and art.dateline is None


def test_source_headline_over_a_byline() -> None:
    text = (
        "WEATHERDESK: Storm may strengthen before it reaches the coast\n"
        "Maria Clara Dizon, XYZ-TV News\n"
        "Posted at Mar 3 2025 04:10 PM\n"
        "MANILA — The storm east of the islands may strengthen within the next day, forecasters said."
    )
    art = kliping.clean(text)
    assert art.title == "WEATHERDESK: Storm may strengthen before it reaches the coast"
    assert art.authors == ["Maria Clara Dizon"]
    assert art.dateline == "Manila"
    assert art.outlet == "XYZ-TV News"
    assert art.body.startswith("The storm east")


def test_section_label_between_byline_and_timestamp() -> None:
    text = (
        "Council approves new bus lanes\n"
        "By ANN LEE\n"
        "Metro News\n"
        "Tuesday, 4 Mar 2025 9:00 AM MYT\n"
        "KOTA BARU: The city council approved three new bus lanes on Monday after a long debate."
    )
    art = kliping.clean(text)
    assert "Metro News" not in art.body.split("\n")
    assert art.body.startswith("The city council")


def test_section_label_shape_in_the_body_is_kept() -> None:
    text = (
        "KOTA BARU: The city council approved three new bus lanes on Monday after a long debate.\n"
        "Metro News\n"
        "The lanes open next month, the council said in a statement on its website."
    )
    assert "Metro News" in kliping.clean(text).body.split("\n")


@pytest.mark.parametrize(
    ("body", "agencies"),
    [
        ("Prices rose sharply, the state news agency QNX reported on Monday.", ["QNX"]),
        ("Harga naik tajam, kantor berita QNX melaporkan pada Senin.", ["QNX"]),
        ("The news agency said prices rose sharply on Monday.", []),
        ("Prices rose, the news agency ABC news team found in a survey.", []),
    ],
)
def test_agency_named_between_noun_and_verb(body: str, agencies: list[str]) -> None:
    assert kliping.clean(body).agencies == agencies
