"""``kliping serve corpus.db``: the web reader (needs the ``kliping[web]`` extra)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.argument("store", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"]),
)
def command(store: Path, host: str, port: int, log_level: str) -> None:
    """Search and read the articles of a store in a browser; JSON API at /api, docs at /docs."""
    try:
        import uvicorn

        from kliping.web.app import create_app
    except ImportError as exc:
        raise click.ClickException(
            f"the web reader needs the web extra: pip install 'kliping[web]' ({exc.name} is missing)"
        ) from exc
    from kliping.store.sqlite import SchemaError, StoreError

    try:
        app = create_app(store)
    except (StoreError, SchemaError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"kliping reader: http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level=log_level)
