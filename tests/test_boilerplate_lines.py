"""One line at a time inside a plain article: the general boilerplate mechanisms (rules,
prompt vocabulary, navigation headers, photo credits) against story sentences that share their words."""

from __future__ import annotations

import pytest

import kliping

LEAD = (
    "JAKARTA, Nov 3 (Reuters) - Indonesia will open forty campuses to electric scooters from January, "
    "the education ministry said on Monday, in a plan that covers universities in Java and Bali."
)
CLOSE = "The ministry said it would publish the safety rules for riders next month, after a public hearing."


def _kept(line: str) -> bool:
    article = kliping.clean("\n".join([LEAD, line, CLOSE]))
    assert CLOSE in article.body.split("\n")
    return line in article.body.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        # a call-to-action verb inside a compound noun opens a sentence, not a prompt
        "Click-and-ride rental apps have spread quickly across the region since 2023, operators say.",
        "Follow-up checks by the police found that the group recruited riders through a WhatsApp channel.",
        # a reporting verb makes a line that names a channel a sentence of the story
        "Students can subscribe to the service through the app for a monthly fee, he said.",
        "Warga diminta mengikuti kabar terbaru melalui kanal resmi pemerintah daerah, kata Budi.",
        # "Baca juga" inside a sentence
        "Para mahasiswa diminta membaca juga aturan keselamatan sebelum menyewa skuter di kampus.",
        # a subheading of the story has words of its own
        "Charging Depots",
    ],
)
def test_story_sentence_kept(line: str) -> None:
    assert _kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Klik di sini untuk download aplikasi kami.",
        "Jangan lewatkan kabar terkini, ikuti kanal WhatsApp kami sekarang",
        "The Daily Briefing newsletter brings you the latest news every morning. Sign up here",
        "Keep up to date with the latest news by downloading our app",
        "Dapatkan update berita pilihan setiap hari langsung di ponselmu",
        "Baca juga artikel terkait skuter listrik atau tulisan lainnya dari Rina Kusuma",
        "Selanjutnya: Harga Skuter Listrik Turun Jelang Akhir Tahun",
        "Tags : skuter listrik, kampus, transportasi",
        "#skuterlistrik #kampus",
        "Lanjut ke halaman berikutnya",
        "Lewati Whatsapp dan lanjutkan membaca",
        "End of Twitter post",
    ],
)
def test_boilerplate_removed(line: str) -> None:
    assert not _kept(line)


@pytest.mark.parametrize(
    ("header", "block"),
    [
        ("Trending Now", ["Harga Beras Naik Lagi di Pasar Induk", "Timnas Menang Tipis atas Vietnam"]),
        ("Artikel Selanjutnya", ["Ribuan Mahasiswa Antre Skuter di Depok"]),
        ("Related topics", ["Indonesia", "Electric vehicles"]),
    ],
)
def test_navigation_header_takes_its_block(header: str, block: list[str]) -> None:
    article = kliping.clean("\n".join([LEAD, CLOSE, header, *block]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]
    assert {r.reason for r in article.removed} == {"related"}


def test_caption_under_a_bare_photo_credit() -> None:
    caption = "Students ride rented electric scooters on a campus road in Depok, West Java"
    article = kliping.clean("\n".join([LEAD, "Getty Images", caption, CLOSE]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]
    assert [r.reason for r in article.removed] == ["caption", "caption"]
