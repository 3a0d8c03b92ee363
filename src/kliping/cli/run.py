"""``kliping run INPUT... -o OUTPUT``: a corpus on all cores, resumable, nothing lost."""

from __future__ import annotations

import click

from kliping.read.base import MAX_BYTES, InputError, ReadOptions


def parse_size(value: str) -> int:
    """``5MB``, ``512k``, ``1000000`` -> bytes."""
    text = value.strip().lower().removesuffix("b")
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    try:
        if text and text[-1] in units:
            return int(float(text[:-1]) * units[text[-1]])
        return int(text)
    except ValueError as exc:
        raise click.BadParameter(f"not a size: {value!r} (e.g. 5MB, 512k)") from exc


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    required=True,
    help="out.jsonl (.gz, .zst), out.parquet or out.db: one file; any other name: a folder of part files.",
)
@click.option("--workers", "-j", type=int, default=0, show_default=True, help="Processes (0: all cores).")
@click.option(
    "--resume", is_flag=True, help="Continue a killed run: finished shards are kept, the rest redone."
)
@click.option("--force", is_flag=True, help="Overwrite an existing output.")
@click.option("--rejects", type=click.Path(dir_okay=False), help="Rejects file (default: beside the output).")
@click.option("--text-field", help="Field holding the text (default: text, else html).")
@click.option("--max-size", default="5MB", show_default=True, help="Reject records with a larger text.")
@click.option(
    "--format",
    "part_format",
    type=click.Choice(["jsonl", "jsonl.gz", "jsonl.zst", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Part files of a folder output.",
)
@click.option(
    "--boilerplate-model",
    "models",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A model from `kliping learn` (repeatable); default: learn from a large input, else the shipped model.",
)
@click.option(
    "--learn",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Learn boilerplate from the input in a first pass (auto: when the input is ≥ 50 MB).",
)
@click.option(
    "--enrich/--no-enrich", default=None, help="Entities, quotes, dates (default: on when available)."
)
@click.option("--group", is_flag=True, help="Group near-duplicate stories after the run (kliping.group).")
@click.option(
    "--drop-duplicates",
    is_flag=True,
    help="With --group: keep one copy of each story; the others go to the rejects as 'duplicate'.",
)
@click.option("--shard-size", default="8MB", show_default=True, help="Input bytes per shard.")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the passes run: this machine's cores, or a Ray cluster (pip install 'kliping[ray]').",
)
@click.option(
    "--address",
    default=None,
    help="With --engine ray: 'auto' (the cluster this machine is in) or ray://host:port; "
    "default: a local Ray instance.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or report on the terminal.")
def command(
    inputs: tuple[str, ...],
    output: str,
    workers: int,
    resume: bool,
    force: bool,
    rejects: str | None,
    text_field: str | None,
    max_size: str,
    part_format: str,
    models: tuple[str, ...],
    learn: str,
    enrich: bool | None,
    group: bool,
    drop_duplicates: bool,
    shard_size: str,
    engine: str,
    address: str | None,
    quiet: bool,
) -> None:
    """Clean a corpus: text files or folders of them, JSONL (.gz, .zst), CSV or Parquet.

    Every record ends up in the output or in the rejects file with a reason; the stats (docs in,
    out, rejected by reason, removed lines, languages, outlets) are printed and saved as JSON
    beside the output.
    """
    from kliping.run.local import RunError, RunOptions, run_corpus
    from kliping.run.stats import render_report
    from kliping.run.steps import StepOptions

    options = RunOptions(
        workers=workers,
        resume=resume,
        force=force,
        rejects=rejects,
        part_format=part_format,
        shard_bytes=max(1, parse_size(shard_size)),
        read=ReadOptions(text_field=text_field, max_bytes=parse_size(max_size) if max_size else MAX_BYTES),
        steps=StepOptions(model_paths=models, enrich=enrich),
        learn=learn,
        progress=not quiet,
        group=group,
        drop_duplicates=drop_duplicates,
    )
    if address is not None and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    try:
        if engine == "ray":
            from kliping.run.ray import RayOptions, run_corpus_ray

            report = run_corpus_ray(list(inputs), output, options, RayOptions(address=address))
        else:
            report = run_corpus(list(inputs), output, options)
    except (RunError, InputError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        render_report(report)
    if not report["balanced"]:
        raise click.ClickException("records in != out + rejected: please report this as a bug")
