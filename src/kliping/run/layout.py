"""Where a run writes: shard parts, their rejects and done-markers, the manifest, the stats.

Two layouts, chosen by ``-o``:

- ``-o out.jsonl`` (or ``.jsonl.gz``, ``.jsonl.zst``, ``.parquet``, ``.db``): one output file.
  Shards are written under ``out.jsonl.parts/`` and merged, in input order, at the end; the
  rejects go to ``out.rejects.jsonl`` and the stats to ``out.stats.json``, beside it (and a
  model learned from the input to ``out.boilerplate-model.json.gz``).
- ``-o out/`` (any name without one of those suffixes): a folder of shard files
  ``out/part-00000.jsonl`` ..., with ``out/rejects.jsonl`` and ``out/stats.json``.

Either way the control files live in ``<work>/_kliping/``: ``manifest.json`` (inputs, shard plan,
options), one ``part-NNNNN.done.json`` per finished shard (its counters: the done-marker) and the
shard's rejects.  A part file and its rejects are written under temporary names and renamed
when the shard completes; the done-marker is renamed last.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kliping.run.shards import Shard
from kliping.write.base import OutputKind, output_kind

_PART_SUFFIX: dict[OutputKind, str] = {"jsonl": ".jsonl", "parquet": ".parquet", "db": ".jsonl"}


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".zst", ".jsonl", ".ndjson", ".parquet", ".db", ".sqlite"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class Layout:
    output: Path
    single_file: bool
    work: Path
    part_suffix: str
    rejects: Path
    stats: Path

    @classmethod
    def for_output(cls, output: str | Path, fmt: str = "jsonl", rejects: str | Path | None = None) -> Layout:
        out = Path(output)
        kind = output_kind(out)
        if kind is not None and not out.is_dir():
            work = out.with_name(out.name + ".parts")
            stem = _stem(out)
            return cls(
                output=out,
                single_file=True,
                work=work,
                part_suffix=_PART_SUFFIX[kind]
                + (out.suffix if kind == "jsonl" and out.suffix in (".gz", ".zst") else ""),
                rejects=Path(rejects) if rejects else out.with_name(f"{stem}.rejects.jsonl"),
                stats=out.with_name(f"{stem}.stats.json"),
            )
        suffix = {
            "jsonl": ".jsonl",
            "jsonl.gz": ".jsonl.gz",
            "jsonl.zst": ".jsonl.zst",
            "parquet": ".parquet",
        }
        if fmt not in suffix:
            raise ValueError(f"unknown part format {fmt!r} (jsonl, jsonl.gz, jsonl.zst, parquet)")
        return cls(
            output=out,
            single_file=False,
            work=out,
            part_suffix=suffix[fmt],
            rejects=Path(rejects) if rejects else out / "rejects.jsonl",
            stats=out / "stats.json",
        )

    @property
    def control(self) -> Path:
        return self.work / "_kliping"

    @property
    def manifest(self) -> Path:
        return self.control / "manifest.json"

    def part(self, shard: Shard) -> Path:
        return self.work / f"{shard.name}{self.part_suffix}"

    def shard_rejects(self, shard: Shard) -> Path:
        return self.control / f"{shard.name}.rejects.jsonl"

    def done(self, shard: Shard) -> Path:
        return self.control / f"{shard.name}.done.json"

    @staticmethod
    def temporary(path: Path) -> Path:
        """A private temporary name for ``path`` (same folder, same suffixes, this process's id)."""
        return path.with_name(f"tmp-{os.getpid()}-{path.name}")
