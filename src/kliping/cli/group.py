"""``kliping group INPUT.jsonl[.gz] -o OUTPUT.jsonl``: stories and duplicates over a kliping output."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kliping.group.passes import GroupInputError, group_file


@click.command("group")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Article JSONL to write (.jsonl, .jsonl.gz, .jsonl.zst), with story and duplicate_of filled.",
)
@click.option(
    "--stories",
    "stories_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write one summary record per story (size, members, outlets, first/last published).",
)
@click.option("--drop-duplicates", is_flag=True, help="Leave out every copy but the earliest published.")
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for pass 1 (default: all cores).",
)
@click.option(
    "--keep-cache", is_flag=True, help="Keep the signature cache (OUTPUT.group-cache/) after success."
)
def command(
    input_path: Path,
    output_path: Path,
    stories_path: Path | None,
    drop_duplicates: bool,
    workers: int | None,
    keep_cache: bool,
) -> None:
    """Group exact and near-duplicate copies of one story in an Article JSONL file (two passes)."""
    try:
        report = group_file(
            input_path,
            output_path,
            stories_path=stories_path,
            drop_duplicates=drop_duplicates,
            workers=workers,
            keep_cache=keep_cache,
        )
    except GroupInputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report.to_dict()), err=True)
