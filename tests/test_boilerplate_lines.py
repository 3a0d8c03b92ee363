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


@pytest.mark.parametrize(
    "line",
    [
        # a caption that ends with its credit after the sentence
        "Mahasiswa mengantre skuter listrik di kampus Depok. (Harianpagi.com/Rina Kusuma Dewi)",
        "Skuter listrik di halaman kampus. /Warta Kota Kita/Budi Santoso",
        "Students queue for scooters outside the library. Photograph: Rina Kusuma/Daily Post",
        # sponsored links, video links, related searches
        "Promosi: Bank Daerah Dorong UMKM Kampus Naik Kelas",
        "Simak juga video: Mahasiswa Padati Stasiun Jelang Libur Semester",
        "Related search: scooters, campus, PM2.5, Depok",
        # newsletter and reader furniture
        "Sign up to Morning Campus",
        "Weekly Campus Newsletter",
        "Skip past newsletter promotion",
        "Privacy Notice: Newsletters may carry sponsored content. See our Privacy Policy.",
        "Was this article helpful to you?",
        "Apakah artikel ini bermanfaat?",
        "Why you can trust Daily Post",
        "Save articles to read later and build a reading list.",
        "Reuse this content",
        "share3",
    ],
)
def test_new_boilerplate_shapes_removed(line: str) -> None:
    assert not _kept(line)


@pytest.mark.parametrize(
    "line",
    [
        # a story sentence that ends in a parenthesis with a slash keeps its place
        "Tarif baru berlaku untuk rute Depok-Bogor mulai Senin (3/2/2025).",
        "Is this the end of the story for cheap scooter rentals in the capital?",
        "Why trust matters for campus lenders",
        "Sign up to vote closes on Friday, the election office said.",
        "Facebook",
    ],
)
def test_story_lines_like_new_shapes_kept(line: str) -> None:
    assert _kept(line)


def test_share_header_takes_its_buttons() -> None:
    article = kliping.clean("\n".join([LEAD, "Bagikan", "Facebook", "WhatsApp", "Copy link", CLOSE]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]
    assert {r.reason for r in article.removed} == {"share"}


def test_topics_header_with_a_colon_takes_its_topics() -> None:
    article = kliping.clean("\n".join([LEAD, CLOSE, "Suggested Topics:", "Transport", "Higher education"]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]
    article = kliping.clean("\n".join([LEAD, CLOSE, "Explore more on these topics", "Depok", "scooters"]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_question_headline_under_related_header() -> None:
    block = ["Skuter Listrik Boleh Masuk Kampus, Bagaimana Aturannya?", "Harga Tiket Kereta Naik Lagi"]
    article = kliping.clean("\n".join([LEAD, "Baca Juga", *block, CLOSE]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_story_question_after_related_block_kept() -> None:
    question = "But will students actually use them?"
    article = kliping.clean("\n".join([LEAD, "Baca Juga", "Harga Tiket Kereta Naik Lagi", question, CLOSE]))
    assert question in article.body.split("\n")


def test_bare_credit_line_takes_caption_before_the_lead() -> None:
    caption = "Mahasiswa mengendarai skuter listrik di jalan kampus, Senin (3/2/2025)."
    lead = (
        "DEPOK, HARIANPAGI.COM - Sebanyak empat puluh kampus akan membuka jalur skuter listrik mulai Januari."
    )
    article = kliping.clean("\n".join(["HARIANPAGI.COM/FOR HARIANPAGI.COM", caption, lead, CLOSE]))
    assert caption not in article.body.split("\n")
    assert article.dateline == "Depok"


def test_sentence_after_bare_credit_in_the_story_kept() -> None:
    para = "Mahasiswa mengendarai skuter listrik di jalan kampus setiap pagi."
    article = kliping.clean("\n".join([LEAD, "HARIANPAGI.COM/Rina Kusuma", para, CLOSE]))
    assert para in article.body.split("\n")


def test_sign_up_box_pitch_removed() -> None:
    pitch = "The best campus stories of the week. Get all the news on student life - the good and the bad"
    box = [
        "Sign up to Campus Weekly",
        "Free weekly newsletter",
        pitch,
        "Privacy Notice: Newsletters may carry ads.",
    ]
    article = kliping.clean("\n".join([LEAD, *box, CLOSE]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_tags_after_the_last_paragraph_removed() -> None:
    article = kliping.clean("\n".join([LEAD, CLOSE, "Skuter Listrik", "Kampus", "transportasi"]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]
    assert {r.reason for r in article.removed} == {"related"}


def test_list_announced_with_a_colon_at_the_end_kept() -> None:
    intro = "The ministry named the first campuses in the scheme:"
    items = ["Depok", "Bandung", "Yogyakarta"]
    article = kliping.clean("\n".join([LEAD, CLOSE, intro, *items]))
    assert article.body.split("\n")[-3:] == items


@pytest.mark.parametrize("line", ["USD/IDR 16.400", "EUR/USD"])
def test_currency_pair_is_no_credit(line: str) -> None:
    caption = "Rupiah melemah tipis terhadap dolar AS pada perdagangan sore ini"
    article = kliping.clean("\n".join([LEAD, line, caption, CLOSE]))
    assert article.body.split("\n")[1:3] == [line, caption]


def test_story_paragraph_between_two_injected_prompts_kept() -> None:
    para = "Kampus akan hadir memberikan informasi terbaru soal 40 jalur skuter kepada mahasiswa."
    prompt = "Ikuti kanal WhatsApp kami untuk mendapatkan berita terbaru setiap hari"
    article = kliping.clean("\n".join([LEAD, prompt, para, prompt, CLOSE]))
    assert para in article.body.split("\n")


def test_end_tags_look_past_a_repeated_line() -> None:
    widget = "Tim Redaksi Harian Pagi Kota Depok"
    text = "\n".join([LEAD, CLOSE, "Skuter Listrik", "Kampus", widget, widget])
    once = kliping.clean(text)
    assert once.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]
    assert kliping.clean(once.body).body == once.body


@pytest.mark.parametrize(
    "line",
    [
        # captions that end with their credit in other shapes
        "Warga menyeberangi sungai dengan rakit, Senin (3/2/2025). [Harianpagi.id/Rina Kusuma]",
        "Mahasiswa mengantre skuter di halaman kampus. Harianpagi.co/Budi",
        "Perahu nelayan bersandar di dermaga, Selasa (4/2). F. Dok. Dinas Perikanan",
        "Petugas memeriksa skuter listrik di kampus.-foto: ist-",
        "STUCK. Students wait for scooters on a campus road in Depok on May 2, 2025. Photo by Ann Lee/Daily Post",
        "SCOOTERS | Students ride past the library. —PHOTO COURTESY OF THE CAMPUS PRESS OFFICE",
        "Students ride scooters past the library in Depok. — Harian pic",
        "Scooters line a campus road during the morning rush. KNA/KNS Photo",
        "Credit: Depositphotos",
        # link lines, pagination, hashtags, category lines
        "Baca Juga  Skuter Listrik Mulai Masuk Kampus Negeri",
        "READ: Campus scooters spark safety debate in Depok",
        "LIVE UPDATES: Campus scooter rollout, day one",
        "Halaman 2/2",
        "Page 1 of 3",
        "#skuter listrik #kampus depok #transportasi",
        "Posted in Kampus, Depok",
        # share, comment and reaction widgets
        "url telah tercopy",
        "Like this:",
        "Like Loading...",
        "Leave a comment",
        "There are no comments yet. Add your comment to start the conversation.",
        "How does this make you feel?",
        # AI-summary notice, sign-up fine print, paywall pitch
        "This is AI generated summarization, which may contain errors. Always refer to the full story.",
        "By entering your e-mail, you agree to our Terms of Use and Privacy Policy.",
        "Like our coverage? Subscribe now for unlimited access. Only $3 a month.",
        # a blog's comment form, more caption shapes
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Cancel reply",
        "0 Comments",
        "Students wait for scooters outside the library. —HARIAN FILE PHOTO",
        "Ilustrasi - Mahasiswa mengendarai skuter listrik di kampus.",
    ],
)
def test_general_widget_shapes_removed(line: str) -> None:
    assert not _kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Rupiah melemah tipis. USD/IDR 16.400",
        "The rate rose. Credit: banks lent more to small firms this year.",
        "#1 seed Ann Lee beat #2 seed Rina Kusuma in the campus final",
        "Baca juga buku panduan yang dibagikan panitia kepada mahasiswa baru",
        "Category 5 storms rarely reach Java",
        "By signing the accord, both sides agreed to terms of a ceasefire on Monday.",
        "Riders who subscribe for full access to the scooters pay more, he said.",
        "Like this, the students wait for scooters every morning.",
        "Posted in Depok since 2019, the officer was promoted last year.",
    ],
)
def test_story_lines_like_widget_shapes_kept(line: str) -> None:
    assert _kept(line)


def test_author_box_at_the_end_removed() -> None:
    box = [
        "About the author",
        "Contributor",
        "Rina Kusuma Dewi",
        "Rina Kusuma Dewi is a transport reporter based in Depok who covers campus life.",
    ]
    article = kliping.clean(
        "\n".join([LEAD, CLOSE, *box, "Tags", "Transport Depok campus scooters higher education"])
    )
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_author_header_without_a_name_kept() -> None:
    article = kliping.clean("\n".join([LEAD, "Authors", CLOSE]))
    assert "Authors" in article.body.split("\n")


def test_tag_run_under_tags_header_needs_the_end_of_the_story() -> None:
    run = "Transport Depok campus scooters higher education policy"
    article = kliping.clean("\n".join([LEAD, "Tags", run, CLOSE]))
    assert run in article.body.split("\n")


def test_embedded_video_title_under_its_prompt_removed() -> None:
    title = "Infografis Jalur Skuter Listrik di Kampus Depok"
    text = "\n".join([LEAD, CLOSE, "Saksikan video pilihan berikut ini:", title, "#skuter #kampus"])
    article = kliping.clean(text)
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_story_under_a_video_prompt_kept() -> None:
    sub = "Jalur Khusus Skuter"
    article = kliping.clean("\n".join([LEAD, "Simak video berikut ini:", sub, CLOSE]))
    assert sub in article.body.split("\n")


def test_caption_above_a_bare_credit_before_the_lead() -> None:
    lead = (
        "DEPOK, HARIANPAGI.COM - Sebanyak empat puluh kampus akan membuka jalur skuter listrik mulai Januari."
    )
    caption = "Ilustrasi skuter listrik di kampus."
    title = "Empat Puluh Kampus Buka Jalur Skuter Listrik"
    article = kliping.clean(
        "\n".join([title, "Penulis: Rina Kusuma", caption, "HARIANPAGI.COM/DOK. KAMPUS", lead])
    )
    assert article.body.split("\n")[0].startswith("Sebanyak empat puluh")
    assert article.title == title
    # the headline over a credit is never taken for a caption
    article = kliping.clean("\n".join([title, "HARIANPAGI.COM/DOK. KAMPUS", lead]))
    assert article.title == title


def test_previous_and_next_post_links_removed() -> None:
    block = [
        "Previous Post",
        "Harga Tiket Kereta Naik Lagi",
        "Next Post",
        "Skuter Listrik Masuk Kampus Negeri",
    ]
    article = kliping.clean("\n".join([LEAD, CLOSE, *block]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


@pytest.mark.parametrize(
    "line",
    [
        # captions whose credit follows a long dash, a pipe, a stock library in brackets, "the"
        "Students queue for scooters outside the library. — RINA KUSUMA/Daily Post",
        "A scooter depot on the campus of a state university in Depok. | HARIAN NEWS",
        "Students ride scooters across a campus lawn in Depok on Monday. (123rf)",
        "Scooters wait at a campus depot. Picture: SUPPLIED",
        "Students test a scooter on a campus road. Photo courtesy of the Campus Press Office",
        # tag lines with two labels, a related link after a dash
        "Tags / Keywords: scooters , campus , Depok",
        "Also read - Campus scooters spark safety debate in Depok",
        # comment policy, a form asking about mistakes, pointers to the outlet's channels
        "Comments are moderated. Please keep your remarks civil and on topic.",
        "Spotted an error in this story?",
        "Watch more on HarianTV+",
        "Tonton lebih banyak video di YouTube Harian Pagi",
        "Video pilihan hari ini:",
        "Scroll down to read more",
        "Gulir untuk membaca",
        "Update berita dan artikel pilihan lainnya di Google News",
        # a subscription pitch addressing the reader
        "Good reporting costs money. By subscribing, you help us keep reporting on your campus.",
    ],
)
def test_more_widget_shapes_removed(line: str) -> None:
    assert not _kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Comments by the rector on the scooter plan drew criticism from students this week.",
        "Video itu berbunyi:",
        "Watch more closely, the rector told riders, and the depots will stay safe.",
        "Scroll back to 2019 and the campus had no scooters at all.",
        "Update terbaru, polisi kampus menyita dua skuter listrik milik mahasiswa.",
        "Update: the campus later withdrew the scooter app from stores after complaints from riders.",
        "By subscribing, you get a free helmet, the operator said.",
        "Students ride past the library. | not a credit",
    ],
)
def test_story_lines_like_more_widget_shapes_kept(line: str) -> None:
    assert _kept(line)


def test_feedback_form_under_its_question_removed() -> None:
    form = ["Spotted an error in this story?", "Tell us about it.", "Thanks for letting us know!"]
    article = kliping.clean("\n".join([LEAD, CLOSE, *form, "Related Stories", "Harga Skuter Turun Lagi"]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_short_story_line_under_a_feedback_question_kept_before_a_paragraph() -> None:
    short = "He declined to comment."
    article = kliping.clean("\n".join([LEAD, "Was this article helpful?", short, CLOSE]))
    assert short in article.body.split("\n")


def test_bracketed_kicker_headline_under_related_header_removed() -> None:
    article = kliping.clean(
        "\n".join([LEAD, CLOSE, "Most Read", "[Campus Special] Why riders pick scooters"])
    )
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_comma_tags_after_the_last_paragraph_removed() -> None:
    tags = "scooters, campus safety, Depok, West Java, transport"
    article = kliping.clean("\n".join([LEAD, CLOSE, tags]))
    assert article.body.split("\n") == [LEAD.split(" - ", 1)[1], CLOSE]


def test_comma_list_after_a_colon_kept() -> None:
    intro = "The ministry named the first campuses in the scheme:"
    items = "Depok, Bandung, Yogyakarta, Malang, Surabaya"
    article = kliping.clean("\n".join([LEAD, CLOSE, intro, items]))
    assert article.body.split("\n")[-1] == items


def test_outlet_paragraph_after_the_sign_off_removed() -> None:
    about = "HARIAN WIRE delivers the latest news to subscribers in 40 countries via www.harianwire.example."
    sign_off = "(Reporting by Rina Kusuma; Editing by Ann Lee)"
    text = "\n".join([LEAD, CLOSE, sign_off, about, "© 2025 HARIAN WIRE. All rights reserved."])
    article = kliping.clean(text)
    assert about not in article.body.split("\n")
    assert CLOSE in article.body.split("\n")


def test_story_paragraph_after_a_head_credit_kept() -> None:
    para = "The campus news office will publish the scooter map next week, before classes start."
    text = "\n".join(
        ["Campus Scooters Arrive", "By Rina Kusuma", para, "© 2025 Harian. All rights reserved."]
    )
    article = kliping.clean(text)
    assert para in article.body.split("\n")
