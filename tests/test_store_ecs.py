"""The fast Sastrawi (``kliping.store.ecs``) gives Sastrawi's stems: rule group by rule group
against Sastrawi's own rule objects, and word by word against Sastrawi's stemmer on real and
invented words (no shortcut in between)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider

from kliping.store import ecs
from kliping.store.stem import WORD
from tests.test_store_stem import REAL_WORDS

DEV_SET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "evalset" / "dev.jsonl"
PREFIXES = [
    "", "me", "mem", "men", "meng", "meny", "menge", "mempe", "memp", "memper", "di", "diper", "ber",
    "be", "bel", "ter", "te", "tel", "pe", "pem", "pen", "peng", "peny", "penge", "per", "pel", "ke",
    "keber", "se", "ku", "kau",
]  # fmt: skip
SUFFIXES = [
    "", "kan", "an", "i", "nya", "lah", "kah", "tah", "pun", "ku", "mu", "annya", "kannya", "inya",
    "kanlah", "isasi", "isme", "is", "ilah",
]  # fmt: skip
ROOTS = sorted(w for w in ecs.DICTIONARY if w.isalpha())
_SASTRAWI_GROUPS = VisitorProvider().get_prefix_visitors()[1:]  # [0] removes di-/ke-/se-


def _affixed(rng: random.Random, n: int) -> list[str]:
    words = []
    for _ in range(n):
        root = (
            rng.choice(ROOTS)
            if rng.random() < 0.6
            else "".join(rng.choices("abdegiklmnoprstuy", k=rng.randint(2, 7)))
        )
        infix = rng.choice(["", "", "", "el", "em", "er", "in"])
        if infix:
            root = root[0] + infix + root[1:]
        words.append(rng.choice(PREFIXES) + root + rng.choice(SUFFIXES))
    return [w for w in words if ecs.is_plain(w)]


def test_the_rule_groups_are_sastrawis() -> None:
    assert len(ecs.PREFIX_GROUPS) == len(_SASTRAWI_GROUPS)
    for (_, rules), group in zip(ecs.PREFIX_GROUPS, _SASTRAWI_GROUPS, strict=True):
        assert len(rules) == len(group.disambiguators)


@pytest.mark.parametrize("index", range(len(_SASTRAWI_GROUPS)))
def test_each_rule_matches_sastrawis_rule(index: int) -> None:
    first, rules = ecs.PREFIX_GROUPS[index]
    theirs = _SASTRAWI_GROUPS[index].disambiguators
    words = [*_affixed(random.Random(index), 3000), "belajar", "pelajar", "mengecat", "kinerja"]
    for word in words:
        for ours, reference in zip(rules, theirs, strict=True):
            assert ours(word) == reference.disambiguate(word), (index, word)
        if word[0] not in first:  # the group is only tried for these first letters
            assert all(reference.disambiguate(word) is None for reference in theirs), (index, word)


def test_a_group_yields_its_last_rules_result_unless_one_reaches_a_root() -> None:
    meng = next(rules for first, rules in ecs.PREFIX_GROUPS if len(rules) == 4)  # 17a-d
    assert ecs.run_group(meng, "mengecat") == "cat"  # 17c reaches a root
    assert ecs.run_group(meng, "mengabcx") == "ngabcx"  # none does: 17d's result
    assert ecs.run_group(meng, "mengebcx") == "ngebcx"


@pytest.mark.parametrize("word", REAL_WORDS)
def test_equals_sastrawi_on_real_words(word: str) -> None:
    assert ecs.stem(word) == ecs.sastrawi(word)


def test_equals_sastrawi_on_many_affixed_words() -> None:
    words = _affixed(random.Random(7), 4000)
    assert [ecs.stem(w) for w in words] == [ecs.sastrawi(w) for w in words]
    assert sum(ecs.stem(w) != w for w in words) > 1000  # the sample exercises the rules


@pytest.mark.skipif(not DEV_SET.exists(), reason="the shared dev set is not beside the repository")
def test_equals_sastrawi_on_the_dev_set_words() -> None:
    words: set[str] = set()
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        for _, text in json.loads(line)["lines"]:
            words.update(w for w in WORD.findall(text.lower()) if ecs.is_plain(w))
    sample = sorted(words)[:: max(1, len(words) // 4000)]
    assert len(sample) > 1000
    assert [w for w in sample if ecs.stem(w) != ecs.sastrawi(w)] == []


@settings(max_examples=400, deadline=None)
@given(
    prefix=st.sampled_from(PREFIXES),
    root=st.one_of(st.sampled_from(ROOTS), st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
    infix=st.sampled_from(["", "", "el", "em", "er", "in"]),
    suffix=st.sampled_from(SUFFIXES),
)
def test_equals_sastrawi_on_generated_words(prefix: str, root: str, infix: str, suffix: str) -> None:
    word = prefix + root[0] + infix + root[1:] + suffix
    assert ecs.stem(word) == ecs.sastrawi(word), word


@pytest.mark.parametrize("word", ["ab", "abc", "Menolak", "menolak-nolak", "café", "x1y2"])
def test_other_words_go_to_sastrawi_itself(word: str) -> None:
    assert not ecs.is_plain(word)
    assert ecs.stem(word) == ecs.sastrawi(word)
