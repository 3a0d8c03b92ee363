"""File formats by suffix, and opening (possibly compressed) files as byte streams."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import IO, Final, Literal

Format = Literal["jsonl", "csv", "parquet", "text"]
Compression = Literal["gz", "zst"] | None

_COMPRESSION: Final[dict[str, Compression]] = {".gz": "gz", ".zst": "zst"}
_FORMATS: Final[dict[str, Format]] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}


def compression_of(path: str | Path) -> Compression:
    return _COMPRESSION.get(Path(path).suffix.lower())


def detect_format(path: str | Path) -> Format:
    """The reader for ``path``: by suffix (under a .gz/.zst suffix); text for anything else."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in _COMPRESSION:
        suffix = Path(p.stem).suffix.lower()
    return _FORMATS.get(suffix, "text")


def open_binary(path: str | Path, mode: Literal["rb", "wb"] = "rb") -> IO[bytes]:
    """Open ``path``, decompressing (or compressing, for ``wb``) by its suffix."""
    comp = compression_of(path)
    if comp == "gz":
        return gzip.open(path, mode)  # type: ignore[return-value]
    if comp == "zst":
        import zstandard

        if mode == "wb":
            return zstandard.open(path, mode)
        # a buffered reader gives readline; read_across_frames reads concatenated parts whole
        reader = zstandard.ZstdDecompressor().stream_reader(
            open(path, "rb"),  # noqa: SIM115 - the reader owns and closes it
            read_across_frames=True,
            closefd=True,
        )
        return io.BufferedReader(reader, 1 << 20)
    return open(path, mode)


def stream_errors() -> tuple[type[BaseException], ...]:
    """Exceptions a damaged compressed stream raises while it is read."""
    errors: list[type[BaseException]] = [EOFError, gzip.BadGzipFile, zlib.error]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover - zstandard is a dependency
        pass
    return tuple(errors)


def stream_error_reason(exc: BaseException) -> str:
    """``truncated-compressed`` when the stream ended early, else ``corrupt-compressed``."""
    text = str(exc).lower()
    if isinstance(exc, EOFError) or "end of" in text or "truncat" in text or "premature" in text:
        return "truncated-compressed"
    return "corrupt-compressed"
