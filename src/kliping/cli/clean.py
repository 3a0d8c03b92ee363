"""``kliping clean FILE|-``: one article from the shell."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kliping.article import Article


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise click.BadParameter(f"no such file: {path}", param_hint="FILE")
    if p.is_dir():
        raise click.BadParameter(
            f"{path} is a folder; use `kliping run {path} -o OUT` for many files", param_hint="FILE"
        )
    data = p.read_bytes()
    if p.suffix == ".gz":
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise click.ClickException(f"{path}: not a readable gzip file ({exc})") from exc
    return data


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return (
        head.startswith(("<!doctype html", "<html"))
        or ("<body" in head and "</" in head)
        or head.startswith("<?xml")
    )


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:8192]:
        raise click.ClickException(f"{path}: binary file (NUL bytes); kliping reads text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.ClickException(
            f"{path}: not valid UTF-8 at byte {exc.start}; convert it first (e.g. iconv -f latin1 -t utf-8), "
            "or pass an HTML page with --html, whose declared charset is honoured"
        ) from exc


def _render(article: Article) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console()
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold cyan")
    meta.add_column()
    rows: list[tuple[str, Any]] = [
        ("title", article.title),
        ("outlet", article.outlet),
        ("domain", article.domain),
        ("dateline", article.dateline),
        ("published", article.published),
        ("authors", ", ".join(article.authors)),
        ("agencies", ", ".join(article.agencies)),
        ("language", f"{article.language} ({article.language_score})" if article.language else None),
        ("id", article.id),
    ]
    for key, value in rows:
        meta.add_row(key, Text(str(value)) if value else Text("—", style="dim"))
    console.print(Panel(meta, title="kliping", title_align="left"))
    console.print(Panel(Text("\n\n".join(article.paragraphs) or "(empty)"), title="body", title_align="left"))
    if article.removed:
        table = Table(title="removed", title_justify="left", show_lines=False)
        table.add_column("line", justify="right", style="dim")
        table.add_column("reason", style="magenta")
        table.add_column("text", overflow="fold")
        for r in article.removed:
            if r.reason != "empty":
                table.add_row(str(r.line), r.reason, Text(r.text))
        console.print(table)


@click.command("clean")
@click.argument("file", metavar="FILE|-")
@click.option("--url", help="Source URL (gives outlet, domain and sometimes the date).")
@click.option("--outlet", help="Outlet name, when neither the URL nor the text says it.")
@click.option("--id", "doc_id", help="Article id (default: a hash of the clean body).")
@click.option("--json", "as_json", is_flag=True, help="Print the Article record as JSON.")
@click.option(
    "--html/--text", "html", default=None, help="Treat the input as an HTML page (default: auto-detect)."
)
@click.option(
    "--boilerplate-model", type=click.Path(exists=True, dir_okay=False), help="A model from `kliping learn`."
)
@click.option(
    "--enrich/--no-enrich", default=True, show_default=True, help="Entities, quotes and dates in the text."
)
def command(
    file: str,
    url: str | None,
    outlet: str | None,
    doc_id: str | None,
    as_json: bool,
    html: bool | None,
    boilerplate_model: str | None,
    enrich: bool,
) -> None:
    """Clean and parse one scraped article (a text file, an HTML page, or - for stdin)."""
    from kliping.core import Cleaner

    data = _read_input(file)
    hints: dict[str, Any] = {}
    is_html = html if html is not None else _looks_like_html(data[:4096].decode("utf-8", "replace"))
    if is_html:
        try:
            from kliping.extract.html import extract_html
        except ImportError as exc:  # the [html] extra is not installed
            raise click.ClickException(
                "HTML input needs the html extra: pip install 'kliping[html]'"
            ) from exc
        from kliping.pipeline import Rejected

        try:
            text, hints = extract_html(data, url=url)
        except Rejected as exc:
            raise click.ClickException(f"{file}: {exc}") from exc
        except ImportError as exc:  # an optional dependency of the extra is missing
            raise click.ClickException(str(exc)) from exc
    else:
        text = _decode(data, file)

    model = None
    if boilerplate_model:
        from kliping.boilerplate.learned import load_model

        model = load_model(boilerplate_model)
    article = Cleaner(model).clean(text, url=url, outlet=outlet, id=doc_id, hints=hints)
    if enrich:
        enrich_article: Callable[[Article], Article] | None
        try:
            from kliping.enrich import enrich as enrich_article
        except ImportError:
            enrich_article = None
        if enrich_article is not None:
            enrich_article(article)
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        _render(article)
