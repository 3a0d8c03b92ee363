"""Parsers of structural lines: datelines, credits and bylines, dates, outlets and domains."""

from __future__ import annotations

import pytest

import kliping
from kliping.outlets import registered_domain, registry
from kliping.parse.credit import bare_byline, parse_structural
from kliping.parse.dateline import parse_dateline
from kliping.parse.dates import find_dates, timestamp_date, url_date

REG = registry()


@pytest.mark.parametrize(
    ("line", "city", "outlet", "agency"),
    [
        ("TEMPO.CO, Jakarta - Harga beras naik lagi.", "Jakarta", "Tempo", None),
        ("SURABAYA, KOMPAS.com - Banjir merendam desa.", "Surabaya", "Kompas", None),
        ("KOMPAS.com - Hujan meteor terlihat malam ini.", None, "Kompas", None),
        ("Jakarta - Harga cabai naik.", "Jakarta", None, None),
        ("Jakarta, CNN Indonesia -- Rupiah menguat.", "Jakarta", "CNN Indonesia", None),
        ("Surabaya (ANTARA) - Pelabuhan ramai.", "Surabaya", "Antara", "Antara"),
        ("Weda, N Maluku (ANTARA) - A plant opened.", "Weda", "Antara", "Antara"),
        ("Liputan6.com, Lima - Gempa mengguncang.", "Lima", "Liputan6", None),
        ("TRIBUNNEWS.COM, JAKARTA - Polisi menangkap pelaku.", "Jakarta", "Tribunnews", None),
        ("REPUBLIKA.CO.ID, JAKARTA -- Menteri meresmikan jalan.", "Jakarta", "Republika", None),
        ("Jakarta, IDN Times - Pemerintah menaikkan tarif.", "Jakarta", "IDN Times", None),
        ("Bisnis.com, JAKARTA - Saham bank menguat.", "Jakarta", "Bisnis", None),
        ("JawaPos.com - Timnas menang.", None, "JawaPos", None),
        ("Suara.com - Warga antre minyak goreng.", None, "Suara", None),
        ("Merdeka.com - Presiden berkunjung.", None, "Merdeka", None),
        ("VIVA – Harga emas turun.", None, "Viva", None),
        ("tirto.id - Pemilu digelar serentak.", None, "Tirto", None),
        ("JAKARTA, Nov 5 (Reuters) - Indonesia cut rates.", "Jakarta", "Reuters", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted.", "Washington", "AP", "AP"),
        ("PARIS (AFP) - Protesters gathered.", "Paris", "AFP", "AFP"),
    ],
)
def test_datelines(line: str, city: str | None, outlet: str | None, agency: str | None) -> None:
    found = parse_dateline(line, REG)
    assert found is not None
    assert found.city == city
    assert (found.outlet.name if found.outlet else None) == outlet
    assert found.agency == agency
    assert not line[len(found.prefix) :].startswith((" ", "-", "–", "—"))


@pytest.mark.parametrize(
    "line",
    [
        "Astana telah menyerukan penyelesaian konflik secara damai - yang disebut Moskow",
        "Presiden Joko Widodo - yang baru tiba - meresmikan jalan tol.",
        "Hasil: tiga gol dalam satu babak.",
        "Skor akhir 2-1 untuk tuan rumah.",
        '"Kami menolak," kata Budi - juru bicara partai.',
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line, REG) is None


@pytest.mark.parametrize(
    ("line", "kind", "authors", "agencies", "published"),
    [
        ("REUTERS | NESA AQILA", "credit", ["Nesa Aqila"], ["Reuters"], None),
        ("BUDI SANTOSO | SITI AMINAH", "credit", ["Budi Santoso", "Siti Aminah"], [], None),
        ("ANTARA", "credit", [], ["Antara"], None),
        ("Sumber: Antara", "credit", [], ["Antara"], None),
        ("(ant/imk)", "credit", [], ["Antara"], None),
        ("(yum/yum)", "credit", [], [], None),
        ("(Ant/Z-2)", "credit", [], ["Antara"], None),
        ("(Z-7)", "credit", [], [], None),
        ("Penulis: Yulia Sari", "byline", ["Yulia Sari"], [], None),
        ("Editor : Dimas Anggoro", "byline", ["Dimas Anggoro"], [], None),
        ("Rep: Fulan Bin Ali/ Red: Siti Aminah", "byline", ["Fulan Bin Ali", "Siti Aminah"], [], None),
        ("Reporting by John Smith; Editing by Jane Doe", "byline", ["John Smith", "Jane Doe"], [], None),
        (
            "(Reporting by Ann Lee in Jakarta; Editing by Tom Hogue)",
            "byline",
            ["Ann Lee", "Tom Hogue"],
            [],
            None,
        ),
        ("Laporan Wartawan Tribunnews.com, Reynas Abdila", "byline", ["Reynas Abdila"], [], None),
        ("Oleh Rizka Putri pada 12 Mar 2024, 08:47 WIB", "byline", ["Rizka Putri"], [], "2024-03-12"),
        ("Rizki Harahap - detikJabar", "byline", ["Rizki Harahap"], [], None),
        ("Tim detikcom - detikNews", "byline", [], [], None),
        ("Selasa, 12 Maret 2024 10:42 WIB", "dateline", [], [], "2024-03-12"),
        ("Monday, January 6, 2025 14:02 WIB", "dateline", [], [], "2025-01-06"),
        ("Kompas.com - 17/04/2023, 16:15 WIB", "dateline", [], [], "2023-04-17"),
        ("CNN Indonesia | Selasa, 12 Mar 2024 11:05 WIB", "dateline", [], [], "2024-03-12"),
        ("Diperbarui 5 Oktober 2022, 10.00 WIB", "dateline", [], [], "2022-10-05"),
    ],
)
def test_structural_lines(
    line: str, kind: str, authors: list[str], agencies: list[str], published: str | None
) -> None:
    st = parse_structural(line, REG)
    assert st is not None
    assert (st.kind, st.authors, st.agencies, st.published) == (kind, authors, agencies, published)


@pytest.mark.parametrize(
    "line",
    [
        "Kazakhstan menolak permintaan Rusia untuk mengusir duta besar Ukraina.",
        '"Kami sudah siap," kata Budi.',
        "Pada Pemilu 2019, tingkat partisipasi pemilih di atas 80 persen.",
        "Berikut rincian harga emas: 0,5 gram dijual Rp 714.500.",
        "Skor akhir 2 - 1 untuk tuan rumah.",
    ],
)
def test_body_lines_are_not_structural(line: str) -> None:
    assert parse_structural(line, REG) is None


def test_dates() -> None:
    assert [f.value.isoformat() for f in find_dates("pada Rabu, 5 Oktober 2022 lantaran")] == ["2022-10-05"]
    assert find_dates("Senin (3/10/2022) pagi")[0].weekday_named
    assert find_dates("on January 6, 2025 at")[0].value.isoformat() == "2025-01-06"
    assert find_dates("31 Februari 2023") == []  # impossible date: nothing, no crash
    assert timestamp_date("Selasa, 12 Maret 2024 10:42 WIB") is not None
    assert timestamp_date("Harga naik pada Selasa, 12 Maret 2024 menurut BPS") is None
    assert url_date("https://surabaya.kompas.com/read/2023/04/17/161502478/x").isoformat() == "2023-04-17"
    assert url_date("https://www.cnnindonesia.com/x/20240312110512-134-1073421/y").isoformat() == "2024-03-12"
    assert url_date("https://example.com/news/123") is None


@pytest.mark.parametrize(
    ("url", "domain", "outlet"),
    [
        ("https://surabaya.kompas.com/read/x", "kompas.com", "Kompas"),
        ("https://en.tempo.co/read/1", "en.tempo.co", "Tempo"),
        ("https://www.detik.com/jabar/berita/d-1", "detik.com", "Detik"),
        ("https://m.republika.co.id/berita/x", "republika.co.id", "Republika"),
        ("https://en.antaranews.com/news/1", "en.antaranews.com", "Antara"),
        ("https://www.thejakartapost.com/x", "thejakartapost.com", "The Jakarta Post"),
        ("https://www.scmp.com/news/hong-kong/x", "scmp.com", "South China Morning Post"),
        ("https://soloraya.solopos.com/x", "solopos.com", "Solopos"),
        ("https://news.example.org/a", "example.org", None),
        ("not a url", None, None),
    ],
)
def test_domains_and_outlets(url: str, domain: str | None, outlet: str | None) -> None:
    assert registered_domain(url) == domain
    found = REG.outlet_for_domain(domain)
    assert (found.name if found else None) == outlet


def test_twenty_indonesian_outlets_and_wires_are_known() -> None:
    names = {o.name for o in REG.outlets}
    for name in [
        "Tempo",
        "Kompas",
        "Detik",
        "CNN Indonesia",
        "Antara",
        "Liputan6",
        "Tribunnews",
        "Republika",
        "Suara",
        "Kumparan",
        "IDN Times",
        "JawaPos",
        "Okezone",
        "Sindonews",
        "Merdeka",
        "Viva",
        "Tirto",
        "Katadata",
        "Bisnis",
        "Media Indonesia",
        "Reuters",
        "AP",
        "AFP",
        "The Jakarta Post",
    ]:
        assert name in names


@pytest.mark.parametrize(
    ("text", "url", "outlet"),
    [
        # a sub-domain that is an outlet of its own comes before its parent
        (
            "Banjir di Sidoarjo\nWarga mengungsi ke balai desa sejak Senin pagi karena air terus naik.",
            "https://jatim.tribunnews.com/2024/1/x",
            "Tribun Jatim",
        ),
        # an outlet the registry does not know, named by the page itself
        (
            "Jakarta, ABCD Nusantara - Harga cabai naik tajam di pasar induk sejak awal pekan ini.",
            None,
            "ABCD Nusantara",
        ),
        (
            "FOOBAR.CO.ID - JAKARTA. Harga cabai naik tajam di pasar induk sejak awal pekan ini, kata pedagang.",
            None,
            "Foobar",
        ),
        # known only by its URL: the domain as it is, no guessed name
        (
            "Prices of chillies rose sharply at the main market this week, traders said on Monday.",
            "https://www.nytimes.com/2024/x",
            "nytimes.com",
        ),
        ("Prices of chillies rose sharply at the main market this week, traders said on Monday.", None, None),
    ],
)
def test_outlet_of_a_page(text: str, url: str | None, outlet: str | None) -> None:
    assert kliping.clean(text, url=url).outlet == outlet


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # byline labels printed without a colon, between bars or alone
        (
            "Penulis Sari Wulandari Putri | Editor Agus Salim Harahap",
            ["Sari Wulandari Putri", "Agus Salim Harahap"],
        ),
        ("Story by Joko Prasetyo Utomo", ["Joko Prasetyo Utomo"]),
        # the part without a label is where the report was filed, not a person
        ("Laporan Teuku Ridwan Hakim | Bireuen Raya", ["Teuku Ridwan Hakim"]),
        ("Laporan Wartawan Examplenews.com, Rudi Hartono Lubis | Langsa", ["Rudi Hartono Lubis"]),
        ("Reporter: Rudi Hartono Lubis | Langsa", ["Rudi Hartono Lubis"]),
        ("Reporter Joko Prasetyo / Editor Agus Salim", ["Joko Prasetyo", "Agus Salim"]),
        ("Penulis Joko Prasetyo - detikJateng", ["Joko Prasetyo"]),
    ],
)
def test_bylines_without_colons(line: str, authors: list[str]) -> None:
    st = parse_structural(line, REG)
    assert st is not None
    assert st.kind == "byline"
    assert st.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "Laporan Keuangan Tahunan",  # a label word opening a heading
        "Penulis Muda Berbakat",  # alone on its line a role word and names may be a subheading
        "Penulis muda itu menerbitkan buku keduanya tahun lalu di Bandung.",
        "Budi Santoso, kepala desa setempat",
    ],
)
def test_label_words_that_are_not_bylines(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is None or not st.authors


def test_section_label_is_a_credit_not_a_dateline() -> None:
    st = parse_structural("PRINT SECTION: Business", REG)
    assert st is None or not st.authors
    assert parse_structural("Section: World", REG) is not None
    assert parse_dateline("NEWSPAPER SECTION: Business", REG) is None  # no sentence after the colon
    found = parse_dateline("NEW DELHI: Rains lashed the capital on Sunday morning.", REG)
    assert found is not None and found.city == "New Delhi"


@pytest.mark.parametrize(
    ("line", "site", "city", "marker"),
    [
        # a long dash with no spaces, after a marker and a city in capitals
        ("Examplekota.com, SLEMAN—Warga memadati alun-alun sejak pagi.", None, "Sleman", "Examplekota.com"),
        # the page's own name as a word, known from its domain
        ("Kabarkota, Magelang - Harga cabai naik tajam.", "kabarkota.com", "Magelang", "Kabarkota"),
        ("Kabar Kota, Magelang - Harga cabai naik tajam.", "kabarkota.com", "Magelang", "Kabar Kota"),
        # a city in capitals before its state is the city even where the site bears its name
        ("SPRINGFIELD, Illinois — The council met.", "springfield.com", "Springfield", None),
        ("PURWOREJO—Warga memadati alun-alun sejak pagi.", None, "Purworejo", None),
        ("Examplekota.com, Sleman—Warga memadati alun-alun.", None, "Sleman", "Examplekota.com"),
        # a source in brackets the registry does not know, after a city in capitals
        ("DILI (TLN) — The parliament met on Monday.", None, "Dili", "TLN"),
        ("PADANG (Examplenews.id): Harga cabai naik di pasar.", None, "Padang", "Examplenews.id"),
    ],
)
def test_more_dateline_shapes(line: str, site: str | None, city: str, marker: str) -> None:
    found = parse_dateline(line, REG, site)
    assert found is not None
    assert (found.city, found.marker) == (city, marker)


@pytest.mark.parametrize(
    "line",
    [
        "Jakarta—The plan was shelved last year after protests.",  # no marker: an aside, not a dateline
        "Harga—yang naik sejak Senin—membuat warga resah.",
        "WHO—Badan kesehatan dunia itu menyatakan darurat.",  # short capitals: an acronym
        "UPDATE—Polisi menangkap dua tersangka lain.",
        "Inflasi (BPS): Harga pangan naik tajam bulan ini.",
        "Rapat (DPR) - Anggota dewan menolak usulan itu.",
    ],
)
def test_tight_dashes_need_a_marker(line: str) -> None:
    assert parse_dateline(line, REG) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # an outlet's name and a role after the comma: a byline under the headline only
        ("HIRO TANAKA, Examplepost staff writer", ["Hiro Tanaka"]),
        ("Mei Ling Tan, Harbour Daily correspondent", ["Mei Ling Tan"]),
        ("Mei Ling Tan, Harbour Daily chief economics correspondent", ["Mei Ling Tan"]),
    ],
)
def test_bare_byline_with_outlet_and_role(line: str, authors: list[str]) -> None:
    st = bare_byline(line, REG)
    assert st is not None and st.authors == authors
    assert st.marker is None  # no outlet's name guessed from "Examplepost staff writer"
    st = parse_structural(line, REG)  # in the body it may head an analysis box
    assert st is None or not st.authors


def test_outlet_and_role_byline_under_the_headline() -> None:
    text = (
        "Smelters Cut Output as Prices Slump\n"
        "HIRO TANAKA, Nikkei staff writer\n"
        "JAKARTA -- Several nickel smelters have cut production as prices hover near a five-year low."
    )
    art = kliping.clean(text)
    assert art.authors == ["Hiro Tanaka"]
    assert (art.title, art.dateline, art.outlet) == (
        "Smelters Cut Output as Prices Slump",
        "Jakarta",
        "Nikkei Asia",
    )


def test_bare_byline_with_the_place_it_was_filed_from() -> None:
    st = bare_byline("Marta Olsen in Singapore", REG)
    assert st is not None and st.authors == ["Marta Olsen"]
    st = bare_byline("Penulis Joko Prasetyo Utomo", REG)  # a role word before the name
    assert st is not None and st.authors == ["Joko Prasetyo Utomo"]
    st = bare_byline("Marta Olsen and Lars Berg in Oslo", REG)
    assert st is not None and st.authors == ["Marta Olsen", "Lars Berg"]
    assert bare_byline("Marta Olsen and the Board", REG) is None
    assert bare_byline("Prices rise in Singapore", REG) is None


def test_a_network_sub_domain_can_be_another_outlet() -> None:
    art = kliping.clean(
        "Nelayan menemukan penyu di pantai\nWarga mengerumuni penyu itu sejak pagi hingga siang hari tadi.",
        url="https://aceh.tribunnews.com/2025/1/1/x",
    )
    assert art.outlet == "Serambinews"


def test_dateline_under_head_lines_left_in_the_body() -> None:
    text = (
        "Pasar Murah Digelar di Alun-alun\n"
        "Rabu, 2 Juli 2025 10:00 WIB\n"
        "Warga mengantre di depan gerai pasar murah, Rabu (2/7/2025).\n"
        "SOLOPOS.COM, KLATEN - Pemerintah kabupaten menggelar pasar murah di alun-alun pada Rabu pagi.\n"
        "Warga sudah antre sejak pukul 06.00 WIB untuk membeli beras dan minyak goreng."
    )
    art = kliping.clean(text)
    assert art.dateline == "Klaten"
    assert "Pemerintah kabupaten menggelar pasar murah di alun-alun pada Rabu pagi." in art.body.split("\n")


@pytest.mark.parametrize("line", ["(cr12/examplenews.com)", "(abc3/xyz)"])
def test_desk_initials_with_digits_and_domains(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.kind == "credit" and not st.authors


def test_two_named_datelines_in_reach_strip_neither() -> None:
    text = (
        "Rapat Warga Digelar\n"
        "Warga berkumpul di balai desa, Senin (7/7/2025).\n"
        "SOLOPOS.COM, KLATEN - Rapat warga membahas jalan desa yang rusak berat sejak tahun lalu.\n"
        "SOLOPOS.COM, KLATEN - Rapat kedua digelar pekan depan untuk membahas anggaran perbaikan."
    )
    once = kliping.clean(text)
    assert kliping.clean(once.body).body == once.body


def test_role_words_before_names_under_the_headline() -> None:
    text = (
        "Harga Cabai Naik Tajam di Pasar Induk\n"
        "Penulis Joko Prasetyo Utomo\n"
        "Editor Rina Kartika Sari\n"
        "Jakarta - Harga cabai rawit di Pasar Induk Kramat Jati naik tajam sejak awal pekan ini, kata pedagang."
    )
    art = kliping.clean(text)
    assert art.authors == ["Joko Prasetyo Utomo", "Rina Kartika Sari"]
    assert art.title == "Harga Cabai Naik Tajam di Pasar Induk"
    # in the body the same shape is a subheading and its text: kept
    body = (
        "Jakarta - Harga cabai rawit di Pasar Induk Kramat Jati naik tajam sejak awal pekan ini.\n"
        "Penulis Muda Berbakat\n"
        "Ia menulis buku pertamanya pada usia lima belas tahun dan kini dikenal luas."
    )
    assert "Penulis Muda Berbakat" in kliping.clean(body).body.split("\n")


@pytest.mark.parametrize(
    ("line", "authors", "agencies", "published"),
    [
        ("Oleh: Sekar Ayu Lestari", ["Sekar Ayu Lestari"], [], None),
        ("By: Marco Reyes Tan - Correspondent / @examplenorth", ["Marco Reyes Tan"], [], None),
        (
            "Yoga Adi Pratama , Jurnalis · Senin, 3 Maret 2025 - 10:15 WIB",
            ["Yoga Adi Pratama"],
            [],
            "2025-03-03",
        ),
        ("Posted on 4 Mei 2025 by Fajar Nugraha", ["Fajar Nugraha"], [], "2025-05-04"),
        ("Diposting oleh Laras Wening pada 5 Juni 2025", ["Laras Wening"], [], "2025-06-05"),
        ("– with reports from Tessa Marie Cruz/Example.com", ["Tessa Marie Cruz"], [], None),
        ("(With reports from Ben Ocampo and Reuters)", ["Ben Ocampo"], ["Reuters"], None),
        ("— Bernama", [], ["Bernama"], None),
        ("— AFP/Reuters", [], ["AFP", "Reuters"], None),
        ("Reporter : Dewi Anggun · Editor : Raka Wibisono", ["Dewi Anggun", "Raka Wibisono"], [], None),
        ("Writer: Ann Lee · Editor: Tom Hogue · 7 April 2025", ["Ann Lee", "Tom Hogue"], [], "2025-04-07"),
        ("Oleh Bima Sakti · 8 Mei 2025 09:00 WIB", ["Bima Sakti"], [], "2025-05-08"),
        ("Gilang Ramadhan - Kontributor", ["Gilang Ramadhan"], [], None),
    ],
)
def test_byline_and_credit_forms(
    line: str, authors: list[str], agencies: list[str], published: str | None
) -> None:
    st = parse_structural(line, REG)
    assert st is not None
    assert st.authors == authors
    assert st.agencies == agencies
    assert st.published == published


@pytest.mark.parametrize("line", ["/abc", "/xy"])
def test_desk_initials_after_a_slash(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.kind == "credit" and not st.authors


@pytest.mark.parametrize(
    "line",
    ["With reports from the ground, the picture is grim.", "He said reports from the field were late."],
)
def test_report_phrases_in_sentences_are_no_credits(line: str) -> None:
    assert parse_structural(line, REG) is None


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("The Korea Herald / 06:15 AM March 09, 2025", "2025-03-09"),
        ("10 Mar 2025 · 4 min read", "2025-03-10"),
        ("Selasa, 11 Maret 2025 | 3 menit baca", "2025-03-11"),
    ],
)
def test_timestamp_forms(line: str, published: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.published == published


def test_city_with_a_capital_outside_ascii() -> None:
    found = parse_dateline(
        "ĐÀ LẠT — The city will close two markets for repairs next month, officials said.", REG
    )
    assert found is not None and found.city == "Đà Lạt"


def test_capital_city_dateline_under_a_kept_line() -> None:
    text = (
        "Ferry Services Resume After Storm Passes\n"
        "Ann Lee\n"
        "March 12, 2025 - 09:30\n"
        "A ferry leaves the pier on Tuesday morning. Photo by Ann Lee/Example\n"
        "PORT HALEY, Examplia — Ferry services resumed on Wednesday after the storm moved out to sea, "
        "the port authority said."
    )
    art = kliping.clean(text)
    assert art.dateline == "Port Haley"
    assert art.title == "Ferry Services Resume After Storm Passes"
    assert kliping.clean(art.body).body == art.body


def test_a_caption_with_its_credit_under_the_headline_is_no_second_headline() -> None:
    text = (
        "Warga Desa Antre Air Bersih dari Mobil Tangki\n"
        "Penulis: Nanda Puspita\n"
        "Warga mengisi jeriken dari mobil tangki di halaman balai desa. Foto/Nanda Puspita\n"
        "Kota Baru - Ratusan warga desa mengantre air bersih dari mobil tangki sejak pagi karena sumur mereka kering."
    )
    art = kliping.clean(text)
    assert art.title == "Warga Desa Antre Air Bersih dari Mobil Tangki"
    assert kliping.clean(art.body).body == art.body


@pytest.mark.parametrize(
    "title",
    ["Gen. Ann Lee Takes Command of Eastern Fleet", "U.S. and Examplia Sign Trade Pact in Port Haley"],
)
def test_abbreviations_keep_a_headline(title: str) -> None:
    text = f"{title}\nPORT HALEY - Two officials met on Monday to sign the agreement after months of talks, aides said."
    assert kliping.clean(text).title == title


def test_role_word_under_a_byline_line() -> None:
    text = (
        "Nelayan Hilang Saat Melaut di Perairan Selatan\n"
        "Penulis: Rudi Hartono Saleh\n"
        "Editor Maya Kusumawati\n"
        "Ilustrasi perahu nelayan di pantai.\n"
        "KOTA BARU - Seorang nelayan dilaporkan hilang setelah perahunya tidak kembali ke pantai sejak kemarin sore."
    )
    art = kliping.clean(text)
    assert art.authors == ["Rudi Hartono Saleh", "Maya Kusumawati"]


def test_group_paper_on_a_sub_domain_names_itself() -> None:
    lead = (
        "Jalan di kawasan pantai rusak parah sejak pekan lalu dan warga mengeluh kepada pemerintah setempat."
    )
    head = "Jalan Pantai Rusak Parah, Warga Mengeluh\n"
    art = kliping.clean(head + "RADAR KOTA – " + lead, url="https://radarkota.jawapos.com/a/1")
    assert (art.outlet, art.dateline) == ("Radar Kota", None)
    art = kliping.clean(head + "RADARKOTA.ID, Semarang – " + lead, url="https://radarkota.jawapos.com/a/1")
    assert (art.outlet, art.dateline) == ("Radarkota", "Semarang")
    # a one-word place on a regional sub-domain stays a place
    art = kliping.clean(head + "SURABAYA – " + lead, url="https://surabaya.kompas.com/a/1")
    assert (art.outlet, art.dateline) == ("Kompas", "Surabaya")


def test_capital_city_datelines_further_down_a_roundup_leave_the_lead_alone() -> None:
    text = (
        "Hujan Deras Landa Dua Kota\n"
        "KOTA BARU - Hujan deras sejak pagi membuat sejumlah jalan utama di pusat kota tergenang air setinggi lutut.\n"
        "Petugas mengatur lalu lintas di persimpangan yang tergenang sejak pukul tujuh pagi.\n"
        "PORT HALEY - Di kota tetangga, hujan yang sama merobohkan dua pohon besar di tepi jalan raya utama."
    )
    art = kliping.clean(text)
    assert art.dateline == "Kota Baru"
    assert kliping.clean(art.body).body == art.body


def test_headline_over_a_short_standfirst_and_a_byline() -> None:
    text = (
        "Jembatan Desa Putus Diterjang Banjir Bandang\n"
        "Warga kini harus memutar sejauh sepuluh kilometer.\n"
        "Oleh Sinta Maharani\n"
        "Sebuah jembatan gantung di desa itu putus setelah diterjang banjir bandang pada Senin malam."
    )
    art = kliping.clean(text)
    assert art.title == "Jembatan Desa Putus Diterjang Banjir Bandang"
    assert art.authors == ["Sinta Maharani"]
    assert "Warga kini harus memutar sejauh sepuluh kilometer." in art.body.split("\n")
    assert kliping.clean(art.body).body == art.body


@pytest.mark.parametrize(
    ("line", "authors", "agencies", "outlet", "published"),
    [
        ("Ann Lee / Khmer Times", ["Ann Lee"], [], "Khmer Times", None),
        ("Tom Hogue/ Bangkok Post", ["Tom Hogue"], [], "Bangkok Post", None),
        ("Ann Lee - The Philippine Star", ["Ann Lee"], [], "The Philippine Star", None),
        ("Ben Cruz — Reuters", ["Ben Cruz"], ["Reuters"], "Reuters", None),
        ("By Reuters", [], ["Reuters"], None, None),
        ("By The Irrawaddy 14 March 2025", [], [], "The Irrawaddy", "2025-03-14"),
        ("By Ann Lee   March 15, 2025 | 04:39 pm", ["Ann Lee"], [], None, "2025-03-15"),
    ],
)
def test_names_with_outlets_and_agencies(
    line: str, authors: list[str], agencies: list[str], outlet: str | None, published: str | None
) -> None:
    st = parse_structural(line, REG)
    assert st is not None
    assert (st.authors, st.agencies) == (authors, agencies)
    assert (st.outlet.name if st.outlet else None) == outlet
    assert st.published == published


@pytest.mark.parametrize("line", ["Ann Lee/Example", "EXAMPLE/Ann Lee"])
def test_photo_credits_with_a_tight_slash_are_no_bylines(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is None or not st.authors


def test_group_papers_on_sub_domains_are_named_by_them() -> None:
    lead = (
        "Jalan di kawasan pantai rusak parah sejak pekan lalu dan warga mengeluh kepada pemerintah setempat."
    )
    head = "Jalan Pantai Rusak Parah, Warga Mengeluh\n"
    # jawapos.com is marked as a group whose sub-domains are its papers (data/outlets.toml)
    art = kliping.clean(head + "KOTA BARU – " + lead, url="https://examplepost.jawapos.com/a/1")
    assert (art.outlet, art.dateline) == ("Examplepost", "Kota Baru")
    art = kliping.clean(head + "KOTA BARU – " + lead, url="https://www.jawapos.com/a/1")
    assert art.outlet == "JawaPos"


def test_a_site_names_itself_alone_in_its_dateline() -> None:
    lead = (
        "Jalan di kawasan pantai rusak parah sejak pekan lalu dan warga mengeluh kepada pemerintah setempat."
    )
    art = kliping.clean(
        "Jalan Pantai Rusak Parah, Warga Mengeluh\nKOTAPOS – " + lead, url="https://kotapos.co.id/a/1"
    )
    assert (art.outlet, art.dateline) == ("Kotapos", None)


def test_editors_note_is_no_capital_city() -> None:
    text = (
        "Storm Hits Coast\n"
        "A photo of the harbour wall taken on Monday. Photo by Ann Lee/Example\n"
        "EDITOR'S NOTE — This story has been updated to include comments from the port authority and the mayor."
    )
    assert kliping.clean(text).dateline is None


def test_capital_city_before_a_colon_under_a_section_label() -> None:
    text = (
        "Toll Rates to Be Reviewed Next Month\n"
        "By ANN LEE\n"
        "Nation\n"
        "KOTA BARU: The government will review toll rates on several highways next month, the minister said on Monday."
    )
    art = kliping.clean(text)
    assert art.dateline == "Kota Baru"
    assert kliping.clean(art.body).body == art.body


@pytest.mark.parametrize(
    ("line", "city", "outlet"),
    [
        (
            "Kotabaru: Harga beras di pasar tradisional naik hingga dua ribu rupiah per kilogram.",
            "Kotabaru",
            None,
        ),
        (
            "KBRN, Kotabaru: Harga beras di pasar tradisional naik hingga dua ribu rupiah per kilogram.",
            "Kotabaru",
            "RRI",
        ),
    ],
)
def test_colon_datelines(line: str, city: str, outlet: str | None) -> None:
    found = parse_dateline(line, REG)
    assert found is not None and found.city == city
    assert (found.outlet.name if found.outlet else None) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "Kotabaru: Banjir Merendam Dua Puluh Desa di Pinggiran Kota Hari Ini",
        "Intinya: Pemerintah akan menaikkan harga beras di pasar tradisional mulai pekan depan.",
        "Waktu: Senin, 3 Maret 2025, pukul 09.00 WIB sampai dengan selesai acara.",
        "Showbiz Weekly: A famous singer will be honoured with a lifetime award at a ceremony next month.",
        "Ketua, Wakil: Pemerintah akan menaikkan harga beras di pasar tradisional mulai pekan depan.",
    ],
)
def test_colon_lines_without_datelines(line: str) -> None:
    assert parse_dateline(line, REG) is None
