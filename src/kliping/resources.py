"""Access to the data files that ship inside the package (``kliping/data``)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files("kliping").joinpath("data", *name.split("/"))


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``kliping/data/<name>`` once per process."""
    with data_path(name).open("rb") as fh:
        return tomllib.load(fh)
