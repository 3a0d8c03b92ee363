"""Quote patterns and date rules on invented sentences (pure functions), and enrich's invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.article import Article
from kliping.enrich import enrich
from kliping.enrich.dates import find_dates
from kliping.enrich.entities import extract_entities
from kliping.enrich.quotes import find_quotes


def quotes(text: str, language: str = "id") -> list[tuple[str | None, str, str | None]]:
    found = find_quotes(text, extract_entities(text, language), language)
    for q in found:
        assert text[q.start : q.end] == q.text
    return [(q.speaker, q.text, q.cue) for q in found]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (  # '"…," kata X' with X the short form of a name given earlier
            'Kepala Dinas Pertanian Sleman, Budi Santoso, meninjau sawah. "Panen tahun ini bagus," kata Budi.',
            "id",
            [("Budi Santoso", "Panen tahun ini bagus", "kata")],
        ),
        (  # 'ujar X'
            '"Jalan ini rusak parah," ujar Slamet Riyadi kepada wartawan.',
            "id",
            [("Slamet Riyadi", "Jalan ini rusak parah", "ujar")],
        ),
        (  # 'ucapnya': the last person named before the quote
            'Gubernur Sulawesi Utara Hendra Wowor meresmikan jembatan. "Ini untuk warga," ucapnya.',
            "id",
            [("Hendra Wowor", "Ini untuk warga", "ucapnya")],
        ),
        (  # 'X mengatakan, "…"'
            'Ketua RT, Joko Susanto, mengatakan, "Warga sudah mengungsi sejak pagi."',
            "id",
            [("Joko Susanto", "Warga sudah mengungsi sejak pagi.", "mengatakan")],
        ),
        (  # a scare quote without a cue is no quote
            'Warga menyebut jalan itu "jalur neraka" karena sering longsor.',
            "id",
            [],
        ),
        (  # English: '"…," said Title Name' -> the name without the title or what follows
            '"We will rebuild the bridge," said Mayor John Carter on Monday.',
            "en",
            [("John Carter", "We will rebuild the bridge", "said")],
        ),
        (  # English: '"…," Surname told …' resolved to the full name given earlier
            'Economist Maria Lopez expects a slowdown. "Prices will fall," Lopez told reporters.',
            "en",
            [("Maria Lopez", "Prices will fall", "told")],
        ),
        (  # English: 'she said' goes to the last person named
            'Nurse Emily Grant worked all night. "We ran out of beds," she said.',
            "en",
            [("Emily Grant", "We ran out of beds", "said")],
        ),
    ],
)
def test_quote_patterns(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert quotes(text, language) == expected


PUBLISHED = "2022-10-05"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rapat digelar Rabu, 5 Oktober 2022 di balai desa.",
            [("Rabu, 5 Oktober 2022", "2022-10-05", "day")],
        ),
        ("Ia tiba Selasa pagi.", [("Selasa", "2022-10-04", "day")]),  # the Tuesday before publication
        ("Proyek dimulai pada Agustus lalu.", [("Agustus lalu", "2022-08", "month")]),
        ("Sejak Februari 2022 harga naik.", [("Februari 2022", "2022-02", "month")]),
        ("Kemarin warga berkumpul.", [("Kemarin", "2022-10-04", "day")]),
        ("Polisi menangkap pelaku (3/10).", [("3/10", "2022-10-03", "day")]),
        ("The vote was held on March 3, 2021.", [("March 3, 2021", "2021-03-03", "day")]),
        ("Harga beras naik tajam.", []),
    ],
)
def test_date_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(d.text, d.value, d.precision) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


def test_last_week_is_before_publication() -> None:
    (d,) = find_dates("Pekan lalu hujan deras.", PUBLISHED)
    assert d.text == "Pekan lalu"
    assert "2022-09-26" <= d.value < PUBLISHED


def test_relative_dates_need_published() -> None:
    assert [d.text for d in find_dates("Kemarin warga berkumpul.", None)] == []


WORDS = st.sampled_from(
    [
        "Budi", "Santoso", "kata", "ujarnya", "said", "mengatakan,", '"', "“", "”", ",", ".", "(3/10)",
        "Rabu,", "5", "Oktober", "2022", "Agustus", "lalu", "Kementerian", "Luar", "Negeri", "(BPS)",
        "Jakarta", "di", "Presiden", "PT", "Kota", "Selasa", "pekan", "kemarin", "\n", "Lim", "Ferreira",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(body=TEXT, title=st.text(max_size=40), language=st.sampled_from(["id", "en", None, "fr"]))
def test_enrich_never_raises_and_offsets_hold(body: str, title: str, language: str | None) -> None:
    article = enrich(Article(body=body, title=title, language=language, published=PUBLISHED))
    for e in article.entities:
        if e.start < 0:
            assert e.start == e.end == -1
            continue
        surface = body[e.start : e.end]
        # the merged name, or a short mention of it (a surname, an acronym) with its own offsets
        assert surface and surface == surface.strip()
        assert surface == e.text or len(surface.split()) <= len(e.text.split())
    for q in article.quotes:
        assert body[q.start : q.end] == q.text
    for d in article.dates:
        assert body[d.start : d.end] == d.text


def test_body_must_be_text() -> None:
    with pytest.raises(TypeError):
        enrich(Article(body=None))  # type: ignore[arg-type]


DATE_WORDS = st.sampled_from(
    ["Rabu,", "5", "Oktober", "2022", "(3/10)", "pada", "Agustus", "lalu", "sejak", "2019", "hari", "ini",
     "Jum'at", "June", "14,", "last", "week", "kemarin", "x", "pekan", "mendatang", "(18/4/2023)", "\n",
     "AGUSTUS", "Auguſt", "Senİn", "ıni", "dan", "in", "1/2"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(body=st.one_of(st.text(max_size=200), st.lists(DATE_WORDS, max_size=40).map(" ".join)))
def test_date_scan_matches_full_regex(body: str) -> None:
    """The word-start scan finds exactly what the full regex finds (it is only faster)."""
    from kliping.enrich.dates import _matches, _tables

    t = _tables()
    assert [m.span() for m in _matches(body, t)] == [m.span() for m in t.pattern.finditer(body)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sejak AGUSTUS lalu harga naik.", [("AGUSTUS lalu", "2022-08", "month")]),
        # letters that match case-blind but lowercase to other letters (long s, dotted I)
        (
            "Pada Auguſt lalu dan Senİn.",
            [("Auguſt lalu", "2022-08", "month"), ("Senİn", "2022-10-03", "day")],
        ),
    ],
)
def test_case_blind_month_and_weekday_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(d.text, d.value, d.precision) for d in find_dates(text, PUBLISHED)] == expected


SHORT_REF_WORDS = st.sampled_from(
    ["Budi", "Santoso", "kata", "ujar", "said", "says", "according", "to", "mengatakan", "menyebut", "told",
     "dan", "of", "PT", "Lim", "O'Neil", "Al-Jazeera", "x-Budi", ",", "/", ".", "Rabu", "menurut", "\n"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(words=st.lists(SHORT_REF_WORDS, max_size=30), language=st.sampled_from(["id", "en"]))
def test_short_refs_found_at_chunk_ends_as_by_one_regex(words: list[str], language: str) -> None:
    """Names after a said-cue or before a speech verb, found from the chunks, are exactly what
    one left-to-right regex over the whole text finds."""
    import re

    from kliping.enrich import entities as E

    text = " ".join(words).replace(" , ", ", ").replace(" / ", "/")
    lex = E.lexicon(language)
    tok, verbs = lex.tok.pattern, lex.verb_after.pattern[len("[ ](?:") : -len(r")\b")]
    cues = "|".join(re.escape(w) for w in E._SAID_CUES)
    one = re.compile(rf"\b(?:{cues})[ ](?P<a>{tok})(?![ ][{E._UPPER}])|(?P<b>{tok})[ ](?:{verbs})\b")
    expected = [(m.start(m.lastgroup), m.end(m.lastgroup), m.lastgroup == "b") for m in one.finditer(text)]
    chunks = [m.span() for m in lex.chunk.finditer(text)]
    assert list(E._short_ref_names(text, lex, chunks)) == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab ,Mal.\nX_1é", max_size=24), word=st.sampled_from(["Mal", "Ma", "X", "Malé"]))
def test_used_mid_sentence_is_the_lookbehind_regex(text: str, word: str) -> None:
    import re

    from kliping.enrich.entities import _used_mid_sentence

    expected = re.search(rf"(?<=[a-z,] ){re.escape(word)}\b", text) is not None
    assert _used_mid_sentence(text, word) == expected


def test_acronym_led_organisation_ending_in_an_administrative_word() -> None:
    """Regression: "BPBD Kabupaten" at the end of a run looked for a place past the last word."""
    found = extract_entities("Petugas BPBD Kabupaten datang.", "id")
    assert [(e.text, e.label) for e in found] == [("BPBD", "ORG")]


def ents(text: str, language: str = "id") -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in extract_entities(text, language)}


@pytest.mark.parametrize(
    ("text", "language", "present", "absent"),
    [
        (  # an English body's tail word in an Indonesian text, and "for" inside its name
            "Peneliti Brookvale University, Sinta Maharani, mengatakan hasilnya menjanjikan.",
            "id",
            [("Brookvale University", "ORG"), ("Sinta Maharani", "PERSON")],
            [],
        ),
        (  # a tail carried on by "of": the words after it are the name's
            "The Central Bank of Norvania cut its rate on Monday.",
            "en",
            [("Central Bank of Norvania", "ORG")],
            [("Central Bank", "ORG")],
        ),
        (  # "Xyz Institute of A and B (ACR)": one name, not a list
            "The Norvanian Institute of Geology and Hydrology (Nigh) issued a warning.",
            "en",
            [("Norvanian Institute of Geology and Hydrology", "ORG")],
            [],
        ),
        (  # "the island of X": a place
            "Ferries to the island of Tarvosa were suspended.",
            "en",
            [("Tarvosa", "PLACE")],
            [],
        ),
        (  # a demonym before "island" is no place; the island after "of" is
            "Tourists visiting the Malaysian island of Kelbra must pay a fee.",
            "en",
            [("Kelbra", "PLACE")],
            [("Malaysian", "PLACE")],
        ),
        (  # "Name, a 40-year-old teacher, said": an apposition with a title word marks a person
            "Hamada Kiroshi, a 40-year-old teacher, said the school was closed.",
            "en",
            [("Hamada Kiroshi", "PERSON")],
            [],
        ),
        (  # "said Name, chief economist at ...": a lowercase title after the comma
            "Prices will rise, said Tran Van Huy, chief economist at a local bank.",
            "en",
            [("Tran Van Huy", "PERSON")],
            [],
        ),
        (  # a place cue before a list: every item is a place
            "Depots will open in Marlow, Tenbury and Kestwick next year.",
            "en",
            [("Marlow", "PLACE"), ("Tenbury", "PLACE"), ("Kestwick", "PLACE")],
            [],
        ),
        (  # "Full Place (Short)": the short form is the same place
            "Harga naik di Tarakan, Kalimantan Utara (Kaltara), pekan ini. Petani Kaltara mengeluh.",
            "id",
            [("Kalimantan Utara", "PLACE")],
            [("Kaltara", "PLACE")],
        ),
        (  # "(ACR)" after a body's full name makes ACR the body even where a gazetteer lists it
            "PT Kereta Api Indonesia (KAI) menambah jadwal. KAI juga menambah gerbong.",
            "id",
            [("PT Kereta Api Indonesia", "ORG")],
            [("KAI", "PLACE")],
        ),
        (  # an administrative prefix of Yogyakarta's districts is dropped
            "Warga Kemantren Sukamulya, Budi Harjono, berharap sampah segera diangkut.",
            "id",
            [("Sukamulya", "PLACE"), ("Budi Harjono", "PERSON")],
            [],
        ),
        (  # routes: a place head or a known place named on its own before a hyphen
            "Bus melayani rute Terminal Cibeureum-Sukaraja dan rute Bandung-Cimahi. Di Bandung ramai.",
            "id",
            [
                ("Terminal Cibeureum", "PLACE"),
                ("Sukaraja", "PLACE"),
                ("Bandung", "PLACE"),
                ("Cimahi", "PLACE"),
            ],
            [],
        ),
        (  # a double-barrelled name the text never splits stays one word
            "Pelatih asal Prancis, Jean-Luc Moreau, mengatakan timnya siap.",
            "id",
            [("Jean-Luc Moreau", "PERSON")],
            [],
        ),
        (  # a name in capitals where the text also writes it in title case is no acronym
            "SUKAMAJU - Warga Sukamaju menanam padi.",
            "id",
            [],
            [("SUKAMAJU", "ORG")],
        ),
        (  # a word written only in capitals is an acronym even if a gazetteer knows the place
            "KAI menambah jadwal kereta dari Jakarta.",
            "id",
            [("KAI", "ORG")],
            [("KAI", "PLACE")],
        ),
        (  # a role noun known by its ending stands before a name like a title
            "Retiree Hana Kobori Sato said she would stay with her daughter.",
            "en",
            [("Hana Kobori Sato", "PERSON")],
            [("Retiree Hana Kobori Sato", "PERSON")],
        ),
        (  # a list introduced after a kind of place holds places
            "Banjir melanda tiga desa, yakni Karangjati, Sumberwaru, dan Tegalrejo Kulon.",
            "id",
            [("Karangjati", "PLACE"), ("Sumberwaru", "PLACE"), ("Tegalrejo Kulon", "PLACE")],
            [],
        ),
        (  # a place that starts an English sentence: Indonesian's dictionary does not apply
            "Officials met on Monday.\nIndonesia will raise the levy next year.",
            "en",
            [("Indonesia", "PLACE")],
            [],
        ),
        (  # a short mention finds the full name even when a middle word is also a town's name
            "Pasangan Arga Putra/Timo Gilbert Sihombing juara. Timo mengatakan timnya siap.",
            "id",
            [("Timo Gilbert Sihombing", "PERSON")],
            [],
        ),
        (  # an unknown word listed between bodies is a body too
            "Petugas dari BPBD, Hutanindo, TNI, Bhayangkari, dan relawan memadamkan api.",
            "id",
            [("Hutanindo", "ORG"), ("Bhayangkari", "ORG")],
            [],
        ),
        (  # a generic acronym after "ke" is no place; a quoted sentence's first word is no name
            'Pasien dibawa ke IGD. Ia mengatakan, "Kami menunggu dua jam."',
            "id",
            [],
            [("IGD", "PLACE"), ("Kami", "PLACE")],
        ),
        (  # village and district prefixes are dropped in any language's text
            "Warga Padukuhan Ngabean, Kalurahan Sumbersari, mengungsi. Residents of Barangay Luntian fled.",
            "en",
            [("Ngabean", "PLACE"), ("Sumbersari", "PLACE"), ("Luntian", "PLACE")],
            [("Kalurahan Sumbersari", "PERSON"), ("Barangay Luntian", "PLACE")],
        ),
        (  # a guessed name right after a sure place in a row of places is a place too
            "Jalan yang menghubungkan Desa Wanareja, Kecamatan Sidamulya, Ngawen Tirto dengan kota putus.",
            "id",
            [("Ngawen Tirto", "PLACE")],
            [("Ngawen Tirto", "PERSON")],
        ),
        (  # "X and Y wards": a list of places; an administrative word after a place is dropped
            "The rules cover Tam Lac and Phu Vinh wards. Traffic in Tam Lac Ward was heavy.",
            "en",
            [("Tam Lac", "PLACE"), ("Phu Vinh", "PLACE")],
            [("Tam Lac Ward", "PLACE"), ("Tam Lac", "PERSON")],
        ),
        (  # a place cue before the name beats a speech verb after its comma
            "Nguyen Bao Lam, a driver in Tam Lac, said he was worried.",
            "en",
            [("Tam Lac", "PLACE"), ("Nguyen Bao Lam", "PERSON")],
            [("Tam Lac", "PERSON")],
        ),
        (  # "Role Full Name (ACR) Person": the words spelling the acronym are a body
            "Peneliti Pusat Kajian on Energi (PKE) Rudi Hartawan menilai harga akan naik. PKE mencatat.",
            "id",
            [("Pusat Kajian on Energi", "ORG"), ("Rudi Hartawan", "PERSON")],
            [("PKE", "ORG")],
        ),
        (  # a scheme's name spelled out before its acronym: the acronym is no body
            "Pendaftaran lewat Sistem Antrean Warga Terpadu (SAWT) dibuka. SAWT sempat macet.",
            "id",
            [],
            [("SAWT", "ORG")],
        ),
        (  # the same with a syllabic acronym: no body, and no place after "di"
            "Data masuk lewat Sistem Informasi Pangan (Sipang). Semua ada di Sipang, kata petugas.",
            "id",
            [],
            [("Sipang", "ORG"), ("Sipang", "PLACE")],
        ),
        (  # "Full Name (ACR) Town, Person": the regional office's name takes the town
            "Kepala Dinas Sosial (Dinsos) Sumedang, Yuni Astuti, mengatakan bantuan tiba.",
            "id",
            [("Dinas Sosial Sumedang", "ORG"), ("Yuni Astuti", "PERSON")],
            [("Dinas Sosial", "ORG")],
        ),
        (  # a body named once with and once without its regency prefix is one body
            "Dinas Pertanian Kabupaten Karangwangi membagi bibit. Dinas Pertanian Karangwangi mencatat.",
            "id",
            [("Dinas Pertanian Kabupaten Karangwangi", "ORG")],
            [("Dinas Pertanian Karangwangi", "ORG")],
        ),
        (  # a rank in capitals between a body and a name belongs to neither
            "Kasat Polres Karangwangi AKP Dani Saputra mengatakan jalan ditutup, kata Dani.",
            "id",
            [("Polres Karangwangi", "ORG"), ("Dani Saputra", "PERSON")],
            [("Polres Karangwangi AKP", "ORG")],
        ),
        (  # a branch of the armed forces carries an acronym-led body's name on
            "Kapal itu dicegat personel ABRI Angkatan Udara dan polisi.",
            "id",
            [("ABRI Angkatan Udara", "ORG")],
            [("Angkatan Udara", "ORG")],
        ),
        (  # a person named before "of the X University": the name is no part of the body
            'Researcher Dao Minh Tri of the Lotus University of Arts and Science said prices rose. "It works," Tri said.',
            "en",
            [("Dao Minh Tri", "PERSON"), ("Lotus University of Arts and Science", "ORG")],
            [("Science", "PERSON")],
        ),
        (  # a place's title before a name: "Abcville Mayor X Y Z"
            'Flooding hit Marlow on Monday. Marlow Mayor Rita Anne Solis said schools stay shut. "We wait," Solis said.',
            "en",
            [("Rita Anne Solis", "PERSON")],
            [("Mayor Rita Anne Solis", "PERSON")],
        ),
        (  # "Head of Portfolio Body, Name" opening a sentence: the portfolio is the role's
            "Head of Research Kencana Sekuritas, Lidya Halim, menilai pasar masih tertekan.",
            "id",
            [("Kencana Sekuritas", "ORG"), ("Lidya Halim", "PERSON")],
            [("Research Kencana Sekuritas", "ORG")],
        ),
        (  # a head and a generic acronym name a kind of team; an outlet-like name stays
            "Tim SAR gabungan menyisir sungai bersama Tim Elang Biru.",
            "id",
            [],
            [("Tim SAR", "ORG")],
        ),
        (  # "the X Y" is never a person; the plural of an acronym is no body
            "Traders of the Cotton Exchange met with NGOs and SMEs on Monday.",
            "en",
            [],
            [("Cotton Exchange", "PERSON"), ("NGOs", "ORG"), ("SMEs", "ORG")],
        ),
        (  # an Indonesian dictionary word that starts an English sentence can be a name
            "Prices rose.\nSelamat Harjo, president of the growers' union, said costs doubled.",
            "en",
            [("Selamat Harjo", "PERSON")],
            [],
        ),
    ],
)
def test_entity_shapes(
    text: str, language: str, present: list[tuple[str, str]], absent: list[tuple[str, str]]
) -> None:
    assert_shapes(text, language, present, absent)


def assert_shapes(
    text: str, language: str, present: list[tuple[str, str]], absent: list[tuple[str, str]]
) -> None:
    """Every (name, label) of ``present`` is found in ``text``, none of ``absent``."""
    found = ents(text, language)
    for item in present:
        assert item in found, (item, found)
    for item in absent:
        assert item not in found, (item, found)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (  # '"…," Name, an apposition with commas, told …'
            '"Sales fell sharply," Darma Wijaya Putra, the group\'s secretary-general, told reporters.',
            "en",
            [("Darma Wijaya Putra", "Sales fell sharply", "told")],
        ),
        (  # 'Ia mengatakan, "…"': the pronoun points back to the last person named
            'Dosen Universitas Lembah Hijau, Rina Kartika, meneliti gua itu. Ia mengatakan, "Setiap lapisan memberi data baru."',
            "id",
            [("Rina Kartika", "Setiap lapisan memberi data baru.", "mengatakan")],
        ),
        (  # '"…," Name, a role naming another body, said': the name after the quote speaks
            '"Costs will fall," Rina Kowalczyk, head of research at Delmar Ventures, said on Monday.',
            "en",
            [("Rina Kowalczyk", "Costs will fall", "said")],
        ),
        (  # a long role between the quote and the name
            '"Stocks are ample," Deputy Coordinating Minister for Food and Agribusiness Affairs Yudha Pranata Siregar told reporters.',
            "en",
            [("Yudha Pranata Siregar", "Stocks are ample", "told")],
        ),
        (  # a quote that ends the paragraph after "Name, an analyst, said ..."
            'Koji Matsura, an analyst at a bank in Osaka, said demand was weak. "Buyers are waiting for lower prices."',
            "en",
            [("Koji Matsura", "Buyers are waiting for lower prices.", "said")],
        ),
    ],
)
def test_more_quote_patterns(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert quotes(text, language) == expected


def test_gazetteer_leaves_out_small_foreign_towns_named_like_indonesian_words() -> None:
    from kliping.enrich.gazetteer import places

    gaz = places()
    assert "kami" not in gaz  # a Japanese town, and "we"
    assert "bandung" in gaz and "medan" in gaz  # Indonesian cities stay, dictionary words or not
    assert "baku" in gaz  # a large foreign city stays


def test_dateline_city_is_a_place_wherever_the_body_names_it() -> None:
    text = "Officials expect Brenvik Olund to ban old buses."
    found = {(e.text, e.label) for e in extract_entities(text, "en", dateline="Brenvik Olund")}
    assert ("Brenvik Olund", "PLACE") in found and ("Brenvik Olund", "PERSON") not in found


def test_quote_cues_of_another_language_are_understood() -> None:
    """A text taken for English that quotes in Indonesian: the Indonesian cue still attributes."""
    text = 'Kepala Desa Sukamaju, Hasan Basri, datang. "Air sudah habis," kata Hasan.'
    assert quotes(text, "en") == [("Hasan Basri", "Air sudah habis", "kata")]


def test_dictionary_roots_behind_a_nasal_prefix() -> None:
    from kliping.enrich.entities import _in_dictionary

    assert _in_dictionary("penguatan")  # peng- + kuat + -an
    assert _in_dictionary("penulisan")  # pen- + tulis + -an


def test_the_outlet_is_no_entity_whatever_its_accents() -> None:
    article = Article(body="Pham Van Nam told Tạp Chí Sông readers that fares rose.", language="en")
    article.outlet = "Tap Chi Song"
    names = {e.text for e in enrich(article).entities}
    assert "Tạp Chí Sông" not in names


@pytest.mark.parametrize(
    ("text", "language", "present", "absent"),
    [
        (  # "Role Body, Name,": a clause opened by a title names a person, not a body's alias
            "Ketua Lembaga Kajian Tani Makmur, Dadang Suryo Wibisono, menilai harga gabah turun.",
            "id",
            [("Dadang Suryo Wibisono", "PERSON"), ("Lembaga Kajian Tani Makmur", "ORG")],
            [("Dadang Suryo Wibisono", "ORG")],
        ),
        (  # a lowercase org noun before the commas still makes an organisation
            "Ia bekerja di perusahaan rintisan asal Bandung, Kopi Senja Nusantara, sejak 2020.",
            "id",
            [("Kopi Senja Nusantara", "ORG")],
            [],
        ),
        (  # "dr. Name": the full stop of a title's abbreviation starts no sentence
            "Ia diperiksa oleh dr. Budi Kencana Lestari di puskesmas.",
            "id",
            [("Budi Kencana Lestari", "PERSON")],
            [("Kencana Lestari", "PERSON")],
        ),
        (  # "said role Name": a lowercase role or a speech verb before a name
            "The plan was dropped, said union secretary Kok Seng Wah.",
            "en",
            [("Kok Seng Wah", "PERSON")],
            [],
        ),
        (  # a role noun, the name, then "of" and a body
            "Hydrologist Marta Ilse Brandt of Northfield University said the river rose.",
            "en",
            [("Marta Ilse Brandt", "PERSON"), ("Northfield University", "ORG")],
            [],
        ),
        (  # a plural noun that opens a sentence is no person
            "Farmers welcomed the rain. Engineers said the dam held.",
            "en",
            [],
            [("Farmers", "PERSON"), ("Engineers", "PERSON")],
        ),
        (  # "No." before a number is no name word
            "Officials said Alert No. 2 was raised.",
            "en",
            [],
            [("Alert No", "PERSON")],
        ),
        (  # a unit number and a slash, a school's number: one body each
            "Komando Distrik Militer 0999/Kota Sukamaju dan SMA Negeri 7 Sukamaju ikut membantu.",
            "id",
            [("Komando Distrik Militer 0999/Kota Sukamaju", "ORG"), ("SMA Negeri 7 Sukamaju", "ORG")],
            [],
        ),
        (  # a unit of a body goes on into the body's name, even when the unit is named alone
            "Komisi IX Majelis Pertimbangan Daerah memanggil direksi. Anggota Komisi IX itu bertanya.",
            "id",
            [("Komisi IX Majelis Pertimbangan Daerah", "ORG")],
            [("Komisi IX", "ORG")],
        ),
        (  # a place tail before an organisation tail: the body's name
            "Officials at the Sandport Island City Council met on Monday.",
            "en",
            [("Sandport Island City Council", "ORG")],
            [],
        ),
        (  # "Co." keeps its full stop; Coast Guard, Forum, Universiti heads and tails
            "The Harbor Ferry Co. and the Eastland Coast Guard met staff of Universiti Teknologi Selatan.",
            "en",
            [
                ("Harbor Ferry Co.", "ORG"),
                ("Eastland Coast Guard", "ORG"),
                ("Universiti Teknologi Selatan", "ORG"),
            ],
            [],
        ),
        (  # a possessive ends a name; "Prefecture", "Province", "Township" after a place are dropped
            "Boats came from Norvia's Kelmar Province to Dunlow in Easton Prefecture. He met the People's Harmony Army.",
            "en",
            [("Norvia", "PLACE"), ("Kelmar", "PLACE"), ("Easton", "PLACE"), ("People's Harmony Army", "ORG")],
            [("Kelmar Province", "PLACE"), ("Easton Prefecture", "PLACE")],
        ),
        (  # a lowercase natural feature before a name: a place
            "Air sungai Ciparung meluap sejak pagi.",
            "id",
            [("Ciparung", "PLACE")],
            [],
        ),
        (  # places listed after a place noun and "such as"
            "Aid went to provinces such as Upper Kalmoria, Dorvesh and Tallinor.",
            "en",
            [("Dorvesh", "PLACE"), ("Tallinor", "PLACE")],
            [("Dorvesh", "PERSON"), ("Tallinor", "PERSON")],
        ),
    ],
)
def test_role_unit_and_list_shapes(
    text: str, language: str, present: list[tuple[str, str]], absent: list[tuple[str, str]]
) -> None:
    assert_shapes(text, language, present, absent)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (  # '"…," said a lowercase role Name': the name after the role speaks, not the last named
            'Rudi Hartono Wijaya left early. "The wall will fall," said club treasurer Ana Beatriz Koh.',
            "en",
            [("Ana Beatriz Koh", "The wall will fall", "said")],
        ),
        (  # '"…," keluhnya' / '"…," jawab Name'
            'Petani Sukiman Raharjo mengeluh. "Airnya habis," keluhnya. "Kami tunggu hujan," jawab Sukiman.',
            "id",
            [
                ("Sukiman Raharjo", "Airnya habis", "keluhnya"),
                ("Sukiman Raharjo", "Kami tunggu hujan", "jawab"),
            ],
        ),
    ],
)
def test_role_and_complaint_quote_cues(
    text: str, language: str, expected: list[tuple[str, str, str]]
) -> None:
    assert quotes(text, language) == expected
