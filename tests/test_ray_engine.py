"""The Ray engine gives what the local engine gives: output, rejects, stories and stats."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kliping.run.local import RunOptions, run_corpus
from kliping.run.steps import StepOptions
from tests.conftest import DEV_SET

ray = pytest.importorskip("ray", reason="the Ray engine needs ray (pip install 'kliping[ray]')")
pytestmark = pytest.mark.ray

#: What may differ between engines: timings, paths and the engine's own name.
ENGINE_FIELDS = {"seconds", "docs_per_second", "output", "rejects_file", "engine", "workers", "grouping"}


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="warning")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """The dev set as scraped JSONL (text, url, id), with a malformed line and an empty text."""
    dev_set = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path_factory.mktemp("ray") / "dev.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, record in enumerate(dev_set):
            text = "\n".join(t for _, t in record["lines"])
            fh.write(json.dumps({"id": record["id"], "url": record.get("url"), "text": text}) + "\n")
            if i == 3:
                fh.write('{"id": "broken", "text": \n')
            if i == 7:
                fh.write(json.dumps({"id": "blank", "text": "   "}) + "\n")
    return path


def _records(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda r: r["id"])


def _rejects(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row.pop("source", None)
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def _stats(path: Path) -> dict[str, Any]:
    stats = json.loads(path.read_text(encoding="utf-8"))
    stem = path.name.removesuffix(".stats.json")
    stats["model"] = str(stats["model"]).replace(f"{stem}.boilerplate-model", "OUTPUT.boilerplate-model")
    return {k: v for k, v in stats.items() if k not in ENGINE_FIELDS}


def _run_both(corpus: Path, tmp_path: Path, **kw: Any) -> tuple[Path, Path]:
    from kliping.run.ray import RayOptions, run_corpus_ray

    options = RunOptions(workers=2, progress=False, shard_bytes=20_000, **kw)
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_corpus([str(corpus)], str(local), options)
    report = run_corpus_ray([str(corpus)], str(remote), options, RayOptions())
    assert report["engine"] == "ray" and report["shards"] > 2, "the test must spread several shards"
    return local, remote


@pytest.mark.usefixtures("ray_session")
def test_ray_output_rejects_and_stats_equal_local(corpus: Path, tmp_path: Path) -> None:
    local, remote = _run_both(corpus, tmp_path, learn="always", steps=StepOptions(enrich=True))
    got, want = _records(remote), _records(local)
    assert len(want) == 36
    assert got == want
    rejects = _rejects(tmp_path / "ray.rejects.jsonl")
    assert rejects == _rejects(tmp_path / "local.rejects.jsonl")
    assert {r["reason"] for r in rejects} == {"malformed-json", "empty-text"}
    stats = _stats(tmp_path / "ray.stats.json")
    assert stats == _stats(tmp_path / "local.stats.json")
    assert stats["balanced"] and stats["docs_in"] == 38 and stats["learned"]


@pytest.mark.usefixtures("ray_session")
def test_ray_grouping_equals_local(corpus: Path, tmp_path: Path) -> None:
    local, remote = _run_both(corpus, tmp_path, learn="never", group=True)
    got = _records(remote)
    assert got == _records(local)
    assert sum(1 for r in got if r["duplicate_of"]) == 6  # the dev set's three syndicated stories
    stories = (tmp_path / "ray.stories.jsonl").read_text(encoding="utf-8")
    assert stories == (tmp_path / "local.stories.jsonl").read_text(encoding="utf-8")
    ray_stats = json.loads((tmp_path / "ray.stats.json").read_text(encoding="utf-8"))
    local_stats = json.loads((tmp_path / "local.stats.json").read_text(encoding="utf-8"))
    for key in ("stories", "duplicates"):
        assert ray_stats["grouping"][key] == local_stats["grouping"][key]
