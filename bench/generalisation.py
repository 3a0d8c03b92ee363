"""How well cleaning and enrichment carry to outlets the dev set does not have.

    python bench/generalisation.py [FILE.jsonl ...]

Scores labelled files (the dev set's format, ../shared/data/README.md) with the same functions the
tests use: content- and boilerplate-line recall, the match rate of each metadata field, and F1 of
people, organisations, places and quotes.  Without arguments: the dev set and every blind set in
tests/fixtures (articles in the house styles of outlets the dev set lacks, written for this project).
Pass your own labelled file to see how kliping does on your outlets.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kliping
from kliping.enrich import enrich
from kliping.enrich.score import score_enrich
from kliping.evaluation import FIELDS, Score, load_labelled, raw_text, score_article

REPO = Path(__file__).resolve().parents[1]
DEFAULT = [
    REPO.parent / "shared" / "data" / "evalset" / "dev.jsonl",
    *sorted((REPO / "tests" / "fixtures").glob("*.jsonl")),
]
KINDS = ("people", "organizations", "places", "quotes")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    columns = ["docs", "content", "boilerpl.", *FIELDS, *KINDS]
    print(f"{'file':<22}" + "".join(f"{c[:9]:>10}" for c in columns))
    for path in args.files or DEFAULT:
        records = load_labelled(path)
        articles = [kliping.clean(raw_text(r), url=r.get("url"), id=r.get("id")) for r in records]
        score = Score()
        for record, article in zip(records, articles, strict=True):
            score_article(record, article, score)
        tallies = score_enrich((enrich(a), r) for a, r in zip(articles, records, strict=True))
        labelled = any(r.get("expected", {}).get("people") for r in records)
        cells = [str(len(records)), f"{score.content_recall:.3f}", f"{score.boilerplate_recall:.3f}"]
        cells += [f"{score.field_rate(f):.3f}" if f in score.field_total else "-" for f in FIELDS]
        cells += [f"{tallies[k].f1:.3f}" if labelled else "-" for k in KINDS]
        print(f"{path.stem[:21]:<22}" + "".join(f"{c:>10}" for c in cells))


if __name__ == "__main__":
    main()
