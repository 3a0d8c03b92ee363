"""Articles for the store and web tests: the seed and the shipped samples (cleaned and grouped by
kliping itself) plus invented fixture articles that carry entities, quotes, stories and hostile
text.  Also pins that these inputs are what the other tests assume."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from kliping import Article, Entity, Quote, Removed, clean
from kliping.store.sqlite import Store

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_a4f4262280191b67.txt"
SAMPLES = REPO / "samples" / "articles.jsonl"

HOSTILE_TITLE = 'Waspada <script>alert("judul")</script> "kutip" \'tunggal\' & <b>tebal</b>'
HOSTILE_BODY = (
    'Polisi menolak laporan palsu <script>alert("badan")</script> yang beredar.\n'
    "Pesan itu berisi tautan \"><img src=x onerror=alert(1)> dan ' onmouseover='alert(2)\n"
    "Warga diminta tidak membuka tautan tersebut."
)


def seed_article() -> Article:
    return clean(SEED.read_text(encoding="utf-8"))


def sample_articles() -> list[Article]:
    """The shipped samples, cleaned (empty when the samples are absent)."""
    if not SAMPLES.exists():
        return []
    out = []
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out.append(clean(record["text"], url=record.get("url"), id=record["id"]))
    return out


def grouped(articles: list[Article]) -> list[Article]:
    """``story``/``duplicate_of`` filled by kliping's own grouping."""
    from kliping.group import group_articles

    _, second = group_articles(lambda: iter(articles))
    return list(second)


def fixture_articles() -> list[Article]:
    """Invented articles (fictional people and events)."""
    penolakan = (
        "Warga Desa Sukamaju menyampaikan penolakan terhadap rencana tambang pasir di tepi Sungai Citarum.\n"
        '"Kami tidak mau sawah kami rusak," kata Ketua RT Siti Rahmawati di Bandung.\n'
        "Bupati Arman Wijaya berjanji meninjau ulang izin tambang tersebut pekan depan."
    )
    base = {
        "outlet": "Kabar Priangan",
        "domain": "kabarpriangan.example",
        "language": "id",
        "authors": ["Dewi Lestari Putri"],
    }
    first = Article(
        id="fx-001",
        url="https://kabarpriangan.example/berita/warga-tolak-tambang",
        title="Warga Sukamaju Tolak Tambang Pasir",
        published="2025-03-04",
        dateline="Bandung",
        body=penolakan,
        removed=[
            Removed(1, "Warga Sukamaju Tolak Tambang Pasir", "title"),
            Removed(3, "Baca juga: Harga Cabai Naik Lagi", "related"),
            Removed(6, "Bagikan: Facebook Twitter WhatsApp", "share"),
        ],
        entities=[
            Entity("Siti Rahmawati", "PERSON", penolakan.index("Siti"), penolakan.index("Siti") + 14),
            Entity("Arman Wijaya", "PERSON", penolakan.index("Arman"), penolakan.index("Arman") + 12),
            Entity("Bandung", "PLACE", penolakan.index("Bandung"), penolakan.index("Bandung") + 7),
            Entity("Sungai Citarum", "PLACE", penolakan.index("Sungai"), penolakan.index("Sungai") + 14),
        ],
        quotes=[Quote("Siti Rahmawati", "Kami tidak mau sawah kami rusak,", "kata", 1, 33)],
        story="fx-story-tambang",
        **base,  # type: ignore[arg-type]
    )
    second = Article(
        id="fx-002",
        url="https://warta.example/2025/03/05/tambang-pasir-ditolak",
        title="Rencana Tambang Pasir Ditolak Warga",
        outlet="Warta Kita",
        domain="warta.example",
        language="id",
        published="2025-03-05",
        body=penolakan.replace("pekan depan", "dalam dua pekan"),
        entities=[Entity("Arman Wijaya", "PERSON", 0, 12), Entity("Bandung", "PLACE", 0, 7)],
        story="fx-story-tambang",
    )
    english = Article(
        id="fx-003",
        url="https://harbour.example/news/ferry-fares",
        title="Ferry operators reject fare cap in Riau Islands",
        outlet="Harbour Daily",
        domain="harbour.example",
        language="en",
        published="2024-12-30",
        body="Ferry operators in the Riau Islands rejected a proposed fare cap on Monday.\n"
        "The operators said fuel costs had risen for a third year.",
        entities=[Entity("Riau Islands", "PLACE", 18, 30)],
    )
    hostile = Article(
        id="fx-evil",
        url="javascript:alert('url')",
        title=HOSTILE_TITLE,
        outlet='Evil" onmouseover="alert(3)',
        domain="evil.example",
        language="id",
        published="2025-01-01",
        body=HOSTILE_BODY,
        removed=[Removed(2, "<script>alert('removed')</script>", "ad")],
        entities=[Entity("<b>Jahat</b>", "PERSON", 0, 5)],
        story='cerita"/<script>',
    )
    hostile.extra = {"crawl": {"source": "fixture"}}
    return [first, second, english, hostile]


def all_articles() -> list[Article]:
    return [*grouped([seed_article(), *sample_articles()]), *fixture_articles()]


def build_store(path: Path, articles: Iterable[Article] | None = None) -> Path:
    with Store(path) as store:
        store.add(all_articles() if articles is None else articles)
        store.optimize()
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    path = build_store(tmp_path_factory.mktemp("store") / "corpus.db")
    return lambda: path


def test_seed_cleans_into_body_and_removed_lines() -> None:
    article = seed_article()
    assert article.body.startswith("Kazakhstan menolak")
    assert {r.reason for r in article.removed} >= {"promo", "credit"}


def test_fixture_offsets_point_at_their_text() -> None:
    first = fixture_articles()[0]
    for entity in first.entities:
        assert first.body[entity.start : entity.end] == entity.text


def test_samples_group_into_a_story_when_present() -> None:
    articles = sample_articles()
    if not articles:
        pytest.skip("no samples in this checkout")
    stories = [a.story for a in grouped(articles) if a.story]
    assert stories, "the three copies of the wire story should share a story id"


def test_built_store_holds_every_article(built: Callable[[], Path]) -> None:
    with Store(built(), readonly=True) as store:
        assert len(store) == 1 + len(sample_articles()) + len(fixture_articles())
