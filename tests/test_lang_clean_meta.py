"""Bylines, datelines, agencies, titles and outlets of Malay, German, French, Spanish, Portuguese,
Italian and Dutch news (made-up lines)."""

from __future__ import annotations

import pytest

import kliping
from kliping.outlets import registry
from kliping.parse.credit import bare_byline, parse_structural
from kliping.parse.dateline import parse_dateline

REG = registry()


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Lena Hartmann", ["Lena Hartmann"]),
        ("Von Lena Hartmann und Jonas Vogt", ["Lena Hartmann", "Jonas Vogt"]),
        ("Von Lena Hartmann, Landesstudio-Nord", ["Lena Hartmann"]),
        ("Par Camille Roux (Lyon, correspondante)", ["Camille Roux"]),
        ("par Hugo Martin et Léa Petit", ["Hugo Martin", "Léa Petit"]),
        ("Article rédigé par Hugo Martin - France 3 Régions", ["Hugo Martin"]),
        ("Por Marta Gil y Pablo Ruiz", ["Marta Gil", "Pablo Ruiz"]),
        ("di Chiara Conti", ["Chiara Conti"]),
        ("Door Sanne de Boer", ["Sanne de Boer"]),
        ("Oleh Siti Aminah Yusof", ["Siti Aminah Yusof"]),
        ("Von Lena Hartmann, Stuttgart", ["Lena Hartmann"]),
        ("dal nostro inviato Marco Neri", ["Marco Neri"]),
        ("Van onze correspondent Sanne de Boer", ["Sanne de Boer"]),
        ("Propos recueillis par Hugo Martin", ["Hugo Martin"]),
        ("Por Marta Gil, g1 Norte e Nordeste do Estado", ["Marta Gil"]),
    ],
)
def test_bylines(line: str, authors: list[str]) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.authors == authors


@pytest.mark.parametrize(
    "line", ["Von der Leyen besucht Kiew", "Von der Leyen Visits Kyiv Today", "Door To Door Sales"]
)
def test_a_headline_is_no_byline(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is None or not st.authors


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("Le Figaro avec AFP", ["AFP"]),
        ("EUROPA PRESS Sevilla", ["Europa Press"]),
        ("AFP y EFE", ["AFP", "EFE"]),
        ("(lusa)", ["Lusa"]),
        ("Stand: 04.03.2024 10:15 Uhr Quelle: dpa", ["DPA"]),
    ],
)
def test_agency_credit_lines(line: str, agencies: list[str]) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.agencies == agencies and not st.authors


def test_desk_line_under_the_headline_credits_its_agency() -> None:
    st = bare_byline("Redazione ANSA ROMA", REG)
    assert st is not None and st.agencies == ["ANSA"] and not st.authors


def test_a_word_that_spells_an_agency_is_no_credit() -> None:
    assert parse_structural("Antara Dua Pilihan", REG) is None


@pytest.mark.parametrize("line", ["Redacción", "Redazione", "Door onze redactie", "Von unserer Redaktion"])
def test_desk_alone_is_a_credit(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.kind == "credit"


@pytest.mark.parametrize(
    ("line", "city", "agency"),
    [
        ("SEVILLA, 4 mar (EFE).- La Junta aprobó este lunes el nuevo plan de vivienda.", "Sevilla", "EFE"),
        (
            "(ANSA) - TORINO, 04 MAR - La giunta ha approvato il piano per le piste ciclabili.",
            "Torino",
            "ANSA",
        ),
        ("Kiel (dpa/lno) - Die Landesregierung hat am Montag den Haushalt vorgestellt.", "Kiel", "DPA"),
        (
            "RECIFE (Agência Brasil) - O governo estadual anunciou nesta segunda um novo plano.",
            "Recife",
            "Agência Brasil",
        ),
        ("Porto, 4 mar (Lusa) - A câmara aprovou hoje o novo plano de mobilidade.", "Porto", "Lusa"),
        ("Utrecht (ANP) - De gemeente gaat vanaf maandag meer fietsenstallingen bouwen.", "Utrecht", "ANP"),
        ("Rosario, 4 de marzo (Télam) - El municipio presentó hoy su plan de obras.", "Rosario", "Télam"),
        ("Köln/Bonn (dpa) - Die Städte wollen ihre Busnetze enger verknüpfen.", "Köln", "DPA"),
    ],
)
def test_agency_datelines(line: str, city: str, agency: str) -> None:
    found = parse_dateline(line, REG)
    assert found is not None and found.city == city and found.agency == agency


@pytest.mark.parametrize(
    ("line", "city"),
    [
        (
            "GENOVA. Il consiglio comunale ha approvato ieri sera il piano per il porto e le banchine.",
            "Genova",
        ),
        ("IPOH 4 Mac. - Majlis bandaraya hari ini melancarkan pelan pengangkutan awam baharu.", "Ipoh"),
        ("UTRECHT - De gemeente gaat vanaf maandag meer fietsenstallingen bouwen.", "Utrecht"),
        (
            "Shah Alam: Majlis bandaraya hari ini melancarkan pelan pengangkutan awam yang baharu.",
            "Shah Alam",
        ),
    ],
)
def test_city_datelines(line: str, city: str) -> None:
    found = parse_dateline(line, REG)
    assert found is not None and found.city == city


def test_a_section_of_two_words_before_a_colon_is_no_place() -> None:
    assert (
        parse_dateline("Weekend Picks: The city opens six new parks to families on Saturday morning.", REG)
        is None
    )


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.spiegel.de/politik/a-123.html", "Der Spiegel"),
        ("https://www.lemonde.fr/politique/article/2024/03/04/x.html", "Le Monde"),
        ("https://elpais.com/espana/2024-03-04/x.html", "El País"),
        ("https://www1.folha.uol.com.br/poder/2024/03/x.shtml", "Folha de S.Paulo"),
        ("https://g1.globo.com/sp/noticia/2024/03/04/x.ghtml", "g1"),
        ("https://roma.corriere.it/notizie/x.shtml", "Corriere della Sera"),
        ("https://nos.nl/artikel/123-x", "NOS"),
        ("https://www.sinarharian.com.my/article/123/x", "Sinar Harian"),
    ],
)
def test_outlets_by_domain(url: str, outlet: str) -> None:
    text = "Ein Titel über die Stadt\nDie Stadt hat am Montag einen neuen Plan für den Verkehr vorgestellt, der bis 2027 gilt."
    assert kliping.clean(text, url=url).outlet == outlet


def test_title_over_standfirst_name_place_and_stamp() -> None:
    text = "\n".join(
        [
            "Las piscinas municipales abrirán dos semanas antes este verano",
            "El ayuntamiento adelanta la temporada por el calor y amplía el horario de tarde en seis barrios",
            "Marta Gil Romero",
            "Zaragoza",
            "04/03/2024 09:15",
            "Las piscinas municipales de la ciudad abrirán el 1 de junio, dos semanas antes de lo habitual, "
            "según ha anunciado este lunes el consistorio.",
        ]
    )
    article = kliping.clean(text)
    assert article.title == "Las piscinas municipales abrirán dos semanas antes este verano"
    assert article.authors == ["Marta Gil Romero"]
    assert article.published == "2024-03-04"
    body = article.body.split("\n")
    assert body[0].startswith("El ayuntamiento adelanta")
    assert "Zaragoza" not in body


def test_topic_headline_over_wire_notice() -> None:
    text = "\n".join(
        [
            "Verkehr - Kiel: Neue Buslinie verbindet Uni und Hafen",
            "Direkt aus dem dpa-Newskanal",
            "4. März 2024, 10:15 Uhr",
            "Kiel (dpa/lno) - Eine neue Buslinie verbindet von April an die Universität mit dem Hafen, wie die "
            "Stadt am Montag mitteilte.",
        ]
    )
    article = kliping.clean(text)
    assert article.title == "Verkehr - Kiel: Neue Buslinie verbindet Uni und Hafen"
    assert article.dateline == "Kiel"
    assert article.agencies == ["DPA"]


@pytest.mark.parametrize(
    "line",
    ["04-03-24, 09:15 Laatste update: 11:40", "Publié le 04/03/24 à 09h15 — Mis à jour le 04/03/24 à 11h40"],
)
def test_a_stamp_with_two_digit_years(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.kind == "dateline" and st.published == "2024-03-04"


def test_two_digit_years_in_a_sentence_are_no_stamp() -> None:
    assert parse_structural("Der Verein gewann am 04-03-24 mit 3:1 gegen den Tabellenführer.", REG) is None


def test_a_dateline_alone_on_its_line() -> None:
    st = parse_structural("Sevilla, 04 Mar. (EUROPA PRESS) -", REG)
    assert st is not None and st.city == "Sevilla" and st.agencies == ["Europa Press"]


@pytest.mark.parametrize(
    "line",
    ["Vandaag, 09:15", "Gestern um 18:05 Uhr", "Ultimo aggiornamento: 16:30", "Bijgewerkt 2 uur geleden"],
)
def test_stamps_without_a_date(line: str) -> None:
    st = parse_structural(line, REG)
    assert st is not None and st.kind == "dateline" and st.published is None
