"""Round 5, second pass: timestamps, names and boxes in any language, and the cheap gates that keep
the cleaner as fast as before (each gate must answer exactly what the slower check answered)."""

from __future__ import annotations

import re
from datetime import date

import pytest

import kliping
from kliping.boilerplate.rules import _literal_trie, rules
from kliping.core import _agency_cues
from kliping.outlets import registry
from kliping.parse.credit import _cue_groups, _holds_cue, _lower_safe, bare_byline, parse_structural
from kliping.parse.dates import timestamp_date
from kliping.parse.slug import _ALNUM_RUN, _fold, _words


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("7 Mac 2025, 9:10 pagi", date(2025, 3, 7)),  # ms: the part of the day after the clock
        ("Diterbitkan: 2 Jun 2025, 8:05 pagi | Dikemaskini: 12:15 tengah hari", date(2025, 6, 2)),
        ("03 de junio 2025, 10:20 a. m.", date(2025, 6, 3)),  # es: "a. m." with a space
        ("14 Jun, 2025 04:10 p.m. EST", date(2025, 6, 14)),  # a comma between month and year
        ("10/06/2025 a las 08:30h.", date(2025, 6, 10)),  # a full stop ends the stamp
        ("02/05/2025 09h10 Atualizada em 02/05/2025 11h00", date(2025, 5, 2)),  # pt: its update
        ("vr 6 jun. 2025 | 11:05", date(2025, 6, 6)),  # nl: the weekday's two letters
        ("za 7 juni 2025 om 09:40", date(2025, 6, 7)),
    ],
)
def test_timestamps_in_more_languages(line: str, expected: date) -> None:
    assert timestamp_date(line) == expected
    st = parse_structural(line, registry())
    assert st is not None and st.published == expected.isoformat()


def test_a_sentence_with_a_date_is_no_timestamp() -> None:
    assert timestamp_date("Jembatan itu dibuka pada 7 Mac, 2025 oleh menteri.") is None


@pytest.mark.parametrize("name", ["Eva van den Bosch", "Mira ter Horst", "Ana del Campo Ruiz", "Rui do Vale"])
def test_name_particles(name: str) -> None:
    found = bare_byline(name, registry())
    assert found is not None and found.authors == [name]


def test_desk_line_between_the_name_and_the_stamp() -> None:
    text = "\n".join(
        [
            "Chuva forte fecha ponte velha no centro de Vila Nova",
            "Rui Campos",
            "Da Redação, em Vila Nova",
            "02/05/2025 09h10",
            "A ponte velha de Vila Nova foi fechada ao trânsito na manhã desta sexta-feira depois de uma chuva forte.",
            "Segundo a prefeitura, a ponte deve reabrir na próxima semana, depois de uma vistoria técnica.",
        ]
    )
    a = kliping.clean(text)
    assert a.authors == ["Rui Campos"]
    assert a.title == "Chuva forte fecha ponte velha no centro de Vila Nova"
    assert "Da Redação" not in a.body
    assert a.published == "2025-05-02"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Warga menunggu bas di perhentian baharu itu. - Gambar fail/BERNAMA", "caption"),
        ("Ponte nova aberta ao trânsito em Vila Nova Imagem: Ana Reis/Arquivo", "caption"),
        ("O armazém fechado pela polícia em Vila Nova (foto Ansa)", "caption"),
        ("LEES OOK. Nieuwe brug over de rivier opent in het voorjaar", "related"),
        ("Senden Facebook X E-Mail", "share"),
        ("Partager l'article", "share"),
        ("Mostra i commenti", "share"),
        ("Artikel ini hanya untuk pelanggan. Langgan sekarang untuk membaca semuanya.", "promo"),
        ("Os comentários são exclusivos para assinantes do jornal.", "promo"),
        ("Recevez chaque matin les nouvelles de Kerville avec notre newsletter. Je m'inscris", "promo"),
        ("Die Nachrichten aus Beispielstadt jeden Morgen per E-Mail Jetzt anmelden", "promo"),
    ],
)
def test_boxes_and_credits_in_more_languages(line: str, reason: str) -> None:
    assert rules().classify(line) == reason


def test_a_sentence_ending_like_a_button_is_content() -> None:
    assert rules().classify("Ele disse à imprensa que ainda não sabe se se abonne.") is None


def test_literal_trie_finds_what_a_search_per_word_finds() -> None:
    words = ["photo", "pic", "picture", "to:", "|", "(dok", "a", "ab"]
    rx = re.compile(_literal_trie(words))
    for text in ["a pic here", "pictur", "no match", "x|y", "(do", "(dok)", "to;", "b"]:
        assert (rx.search(text) is not None) == any(w in text for w in words), text


def test_cue_groups_hold_what_the_cues_hold() -> None:
    cues = ["eport", "nformación", "nformatie", "ontribu"]
    groups = _cue_groups(cues)
    assert ("nforma", ("nformación", "nformatie")) in groups
    for text in ["con información de", "met informatie van", "informasi", "reported", "nothing"]:
        assert _holds_cue(text, groups) == any(c in text for c in cues), text


def test_lower_safe_labels() -> None:
    assert _lower_safe("Rédacteur") and _lower_safe("Editor")
    assert not _lower_safe("İzmir")  # lowers to two characters
    assert not _lower_safe("\u017fource")  # the long s is an "s" to a case-blind match


def test_slug_words_fast_path_is_the_regex() -> None:
    for text in ["Rain-floods, the OLD harbour (2024)!", "a_b c__d", "Sénégal : près de 150", "x\ty\n"]:
        assert _words(text) == _ALNUM_RUN.findall(_fold(text))


def test_agency_cues_near_the_name_only() -> None:
    cues = _agency_cues()
    assert cues is not None
    assert cues.find("Harga naik, seperti dilaporkan Reuters, sejak Senin.") == ["Reuters"]
    body = "Laut tenang pagi ini. " * 20 + "Kapal berangkat, dilansir AFP, pukul 08.00."
    assert cues.find(body) == ["AFP"]
    assert cues.find("Tidak ada kantor berita di sini.") == []
