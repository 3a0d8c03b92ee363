"""``kliping index INPUT.jsonl -o corpus.db``: load Article records into a searchable store."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import click

from kliping.article import Article


def read_articles(path: Path) -> Iterator[Article]:
    """Article records from a JSONL file (.gz/.zst by suffix); a bad line is an error naming it."""
    from kliping.read.formats import open_binary

    with open_binary(path) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise ValueError("not a JSON object")
                yield Article.from_dict(data)
            except (ValueError, KeyError, TypeError) as exc:
                raise click.ClickException(f"{path}:{number}: not an Article record: {exc}") from exc


@click.command("index")
@click.argument(
    "inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The store (.db)."
)
@click.option("--batch", default=1000, show_default=True, help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing.")
def command(inputs: tuple[Path, ...], output: Path, batch: int, quiet: bool) -> None:
    """Add Article JSONL records (the output of `kliping run`) to a SQLite store, creating it if
    needed; an article whose id is already there is replaced."""
    from kliping.store.sqlite import SchemaError, Store, StoreError

    started = time.perf_counter()
    try:
        store = Store(output)
    except (StoreError, SchemaError) as exc:
        raise click.ClickException(str(exc)) from exc
    added = 0
    try:
        for path in inputs:
            added += store.add(read_articles(path), batch=max(1, batch))
        store.optimize()
        total = len(store)
    finally:
        store.close()
    if not quiet:
        elapsed = time.perf_counter() - started
        click.echo(f"{added} articles indexed into {output} ({total} in the store) in {elapsed:.1f} s")
