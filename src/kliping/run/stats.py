"""The end-of-run report: docs in/out, rejects by reason, removed lines, languages, outlets, time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any


def _group(counters: Mapping[str, int], prefix: str) -> dict[str, int]:
    out = {k[len(prefix) :]: v for k, v in counters.items() if k.startswith(prefix)}
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def build_report(counters: Mapping[str, int], seconds: float, **context: Any) -> dict[str, Any]:
    """The stats report of a run, from the merged shard counters."""
    docs_in = counters.get("docs.in", 0)
    docs_out = counters.get("docs.out", 0)
    rejected = _group(counters, "rejected.")
    report: dict[str, Any] = {
        "docs_in": docs_in,
        "docs_out": docs_out,
        "rejected_total": sum(rejected.values()),
        "balanced": docs_in == docs_out + sum(rejected.values()),
        "rejected": rejected,
        "removed_lines": _group(counters, "removed."),
        "languages": _group(counters, "language."),
        "outlets": _group(counters, "outlet."),
        "seconds": round(seconds, 3),
        "docs_per_second": round(docs_in / seconds, 1) if seconds > 0 else None,
    }
    report.update(context)
    return report


def merge_counters(parts: list[Mapping[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return dict(total)


def render_report(report: Mapping[str, Any]) -> None:
    """Print the report as rich tables (stderr, so that stdout stays clean)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold cyan")
    head.add_column()
    rate = report.get("docs_per_second")
    rows = [
        ("docs in", f"{report['docs_in']:,}"),
        ("docs out", f"{report['docs_out']:,}"),
        ("rejected", f"{report['rejected_total']:,}"),
        ("in = out + rejected", "yes" if report["balanced"] else "NO"),
        ("time", f"{report['seconds']:.1f} s" + (f" ({rate:,.0f} docs/s)" if rate else "")),
    ]
    for key in ("output", "rejects_file", "workers", "model"):
        if report.get(key) is not None:
            rows.append((key.replace("_", " "), str(report[key])))
    for k, v in rows:
        head.add_row(k, v)
    console.print(head)
    for title, key in (
        ("rejected by reason", "rejected"),
        ("lines removed by reason", "removed_lines"),
        ("languages", "languages"),
        ("outlets", "outlets"),
    ):
        values: Mapping[str, int] = report.get(key) or {}
        if not values:
            continue
        table = Table(title=title, title_justify="left", min_width=32)
        table.add_column(key.split("_")[0])
        table.add_column("count", justify="right")
        for name, n in list(values.items())[:15]:
            table.add_row(name, f"{n:,}")
        if len(values) > 15:
            table.add_row(f"... {len(values) - 15} more", "")
        console.print(table)
