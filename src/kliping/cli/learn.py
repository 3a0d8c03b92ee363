"""``kliping learn INPUT... -o MODEL``: learn boilerplate lines per outlet from a corpus."""

from __future__ import annotations

import click

from kliping.read.base import InputError, ReadOptions


@click.command("learn")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, help="The model file to write (e.g. model.json.gz).")
@click.option("--workers", "-j", type=int, default=0, show_default=True, help="Processes (0: all cores).")
@click.option("--text-field", help="Field holding the text (default: text, else html).")
@click.option(
    "--min-docs", type=int, default=3, show_default=True, help="A line must be in this many docs of a domain."
)
@click.option(
    "--min-fraction",
    type=float,
    default=0.01,
    show_default=True,
    help="... and in this share of the domain's docs.",
)
@click.option(
    "--max-keys", type=int, default=1_000_000, show_default=True, help="Memory bound: line keys kept."
)
@click.option("--shard-size", default="8MB", show_default=True, help="Input bytes per shard.")
@click.option("--quiet", "-q", is_flag=True)
def command(
    inputs: tuple[str, ...],
    output: str,
    workers: int,
    text_field: str | None,
    min_docs: int,
    min_fraction: float,
    max_keys: int,
    shard_size: str,
    quiet: bool,
) -> None:
    """Count normalised lines per domain over INPUT and write the boilerplate model."""
    from kliping.boilerplate.learned import LearnParams
    from kliping.cli.run import parse_size
    from kliping.run.local import RunOptions, learn_corpus
    from kliping.run.shards import plan_shards

    params = LearnParams(min_docs=min_docs, min_fraction=min_fraction, max_keys=max_keys)
    try:
        shards = plan_shards(list(inputs), max(1, parse_size(shard_size)))
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    n = RunOptions(workers=workers).n_workers
    model = learn_corpus(shards, ReadOptions(text_field=text_field), params, n, progress=not quiet)
    model.save(output)
    if not quiet:
        info = model.info
        click.echo(
            f"{output}: {model.size:,} boilerplate keys over {len(model.domains):,} domains "
            f"({info['docs']:,} docs, {info['docs_without_domain']:,} without a URL; "
            f"{info['counted_keys']:,} keys counted, count error ≤ {info['count_error']})",
            err=True,
        )
