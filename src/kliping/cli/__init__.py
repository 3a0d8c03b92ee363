"""The ``kliping`` command line.  Thin: each sub-command parses options and calls the API.

Each sub-command lives in its own module of this package and exposes ``command`` (a click
command); add the module's name to ``COMMANDS`` to register it.
"""

from __future__ import annotations

import importlib

import click

from kliping import __version__

COMMANDS: tuple[str, ...] = ("clean", "run", "learn", "group", "index", "serve")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kliping")
def cli() -> None:
    """kliping: clean, structure, group and search scraped news."""


for _name in COMMANDS:
    _module = importlib.import_module(f"kliping.cli.{_name}")
    cli.add_command(_module.command)


def main() -> None:
    cli()
