"""The story index: sketches in, story ids and duplicate links out.

Documents arrive as :class:`Sketch` tuples (id, published, signature, exact hash, outlet), in
input order; the position of a sketch in that stream is how the second pass finds its answer.

:meth:`StoryIndex.build` links two documents when

- their exact hashes are equal (and the body is not empty), or
- they share one of the :data:`~kliping.group.minhash.BANDS` LSH bands of their MinHash
  signatures and the verification rule (:func:`kliping.group.minhash.similar_many`) accepts the
  pair (estimated Jaccard, or containment of the shorter body),

and the stories are the connected components of those links.  In every story of two or more
documents, the representative is the earliest published copy (ties and unknown dates: the first
seen); every other member gets ``duplicate_of`` = the representative's id.  The story id is
``text_id("story:" + smallest member id)``, so a rerun on the same input gives the same ids.
A document alone in its story keeps ``story = None``, as in the dev set's labels.

Memory: the index holds, per document, the signature (484 bytes), the exact hash (8), a date key
(8), an outlet code (4) and the id and date strings; :meth:`StoryIndex.memory` reports it.  An
index loaded from a signature cache (:meth:`StoryIndex.load`) maps the signatures from disk.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from kliping.article import Article
from kliping.group import minhash
from kliping.group.exact import exact_hash
from kliping.text import text_id

_NO_DATE: Final = np.iinfo(np.int64).max
_DIGITS = re.compile(r"\D+")
_PAIR_CHUNK: Final = 65_536
_K1: Final = np.uint64(0x9E3779B97F4A7C15)
_K2: Final = np.uint64(0xC2B2AE3D27D4EB4F)
_K3: Final = np.uint64(0x165667B19E3779F9)


class Sketch(NamedTuple):
    """What the index needs of one document (picklable, about 520 bytes)."""

    id: str
    published: str | None
    signature: bytes
    exact_hash: int
    outlet: str | None = None


def article_id(article: Article) -> str:
    """The article's id, else (as DESIGN.md defines the default id) the hash of its body."""
    return article.id if article.id else text_id(article.body)


def sketch(article: Article) -> Sketch:
    """Everything the grouping needs of one article; pure, cheap, safe to run in worker processes."""
    return Sketch(
        article_id(article),
        article.published or None,
        minhash.signature(article),
        exact_hash(article.body),
        article.outlet,
    )


def date_key(published: str | None) -> int:
    """Sortable integer of an ISO date or date-time (``YYYYMMDDhhmmss``); unknown dates sort last.

    Time-zone offsets are ignored (dates are compared as written).
    """
    if not published:
        return int(_NO_DATE)
    digits = _DIGITS.sub("", published)[:14]
    if len(digits) < 4:
        return int(_NO_DATE)
    return int(digits.ljust(14, "0"))


class _Strings:
    """Many short strings in one buffer (ids, dates): about 9 bytes of overhead a string."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.ends = array("q")

    def append(self, text: str | None) -> None:
        self.data += (text or "").encode("utf-8", "surrogatepass")
        self.ends.append(len(self.data))

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str:
        start = self.ends[i - 1] if i else 0
        return bytes(self.data[start : self.ends[i]]).decode("utf-8", "surrogatepass")

    def nbytes(self) -> int:
        return len(self.data) + self.ends.itemsize * len(self.ends)


@dataclass(frozen=True, slots=True)
class Memory:
    """Size of an index: total bytes and bytes per document."""

    bytes: int
    docs: int

    @property
    def per_doc(self) -> float:
        return self.bytes / self.docs if self.docs else 0.0

    def __str__(self) -> str:
        return f"{self.bytes / 1e6:.1f} MB for {self.docs} docs ({self.per_doc:.0f} bytes/doc)"


class StoryIndex:
    """Collects sketches (in stream order), then :meth:`build` clusters them into stories."""

    def __init__(self) -> None:
        self._sigs = bytearray()
        self._mapped: npt.NDArray[np.uint32] | None = None
        self._exact = array("Q")
        self._dates = array("q")
        self._outlet_codes = array("i")
        self._outlets: dict[str, int] = {}
        self.ids = _Strings()
        self.published = _Strings()

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, item: Sketch) -> None:
        if len(item.signature) != minhash.SIGNATURE_BYTES:
            raise ValueError(
                f"{item.id}: a signature has {minhash.SIGNATURE_BYTES} bytes, not {len(item.signature)}"
            )
        if self._mapped is not None:
            raise RuntimeError("an index loaded from a cache is read-only")
        self._sigs += item.signature
        self._exact.append(item.exact_hash)
        self._dates.append(date_key(item.published))
        self._outlet_codes.append(
            self._outlets.setdefault(item.outlet, len(self._outlets)) if item.outlet else -1
        )
        self.ids.append(item.id)
        self.published.append(item.published)

    def extend(self, items: Iterable[Sketch]) -> StoryIndex:
        for item in items:
            self.add(item)
        return self

    def signatures(self) -> npt.NDArray[np.uint32]:
        """(docs, 1 + NUM_PERM) uint32: the shingle count, then the minimum hashes."""
        if self._mapped is not None:
            return self._mapped
        return np.frombuffer(self._sigs, dtype="<u4").reshape(-1, minhash.NUM_PERM + 1)

    def memory(self) -> Memory:
        """Bytes the index holds (signatures included, whether in memory or mapped from the cache)."""
        total = (
            len(self._sigs)
            + (self._mapped.nbytes if self._mapped is not None else 0)
            + self._exact.itemsize * len(self._exact)
            + self._dates.itemsize * len(self._dates)
            + self._outlet_codes.itemsize * len(self._outlet_codes)
            + self.ids.nbytes()
            + self.published.nbytes()
        )
        return Memory(total, len(self))

    def outlet_names(self) -> list[str]:
        names = [""] * len(self._outlets)
        for name, code in self._outlets.items():
            names[code] = name
        return names

    # --- cache ------------------------------------------------------------------------------
    def save(self, folder: str | Path) -> None:
        """Write the index to ``folder`` (which must exist): numpy arrays and a JSON header."""
        out = Path(folder)
        np.save(out / "signatures.npy", self.signatures())
        np.save(out / "exact.npy", np.frombuffer(self._exact, dtype=np.uint64))
        np.save(out / "dates.npy", np.frombuffer(self._dates, dtype=np.int64))
        np.save(out / "outlet_codes.npy", np.frombuffer(self._outlet_codes, dtype=np.int32))
        for name, strings in (("ids", self.ids), ("published", self.published)):
            (out / f"{name}.bin").write_bytes(bytes(strings.data))
            np.save(out / f"{name}_ends.npy", np.frombuffer(strings.ends, dtype=np.int64))
        (out / "outlets.json").write_text(json.dumps(self.outlet_names(), ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> StoryIndex:
        """An index written by :meth:`save`; the signatures are memory-mapped, not read."""
        src = Path(folder)
        index = cls()
        sigs = np.load(src / "signatures.npy", mmap_mode="r")
        if sigs.ndim != 2 or sigs.shape[1] != minhash.NUM_PERM + 1:
            raise ValueError(
                f"{src}: signatures of shape {sigs.shape} do not fit NUM_PERM={minhash.NUM_PERM}"
            )
        index._mapped = sigs
        index._exact = array("Q", np.load(src / "exact.npy").tobytes())
        index._dates = array("q", np.load(src / "dates.npy").tobytes())
        index._outlet_codes = array("i", np.load(src / "outlet_codes.npy").tobytes())
        names = json.loads((src / "outlets.json").read_text("utf-8"))
        index._outlets = {name: code for code, name in enumerate(names)}
        for name, strings in (("ids", index.ids), ("published", index.published)):
            strings.data = bytearray((src / f"{name}.bin").read_bytes())
            strings.ends = array("q", np.load(src / f"{name}_ends.npy").tobytes())
        n = len(index.ids)
        if not (len(sigs) == len(index._exact) == len(index._dates) == len(index.published) == n):
            raise ValueError(f"{src}: the cache files disagree on the number of documents")
        return index

    # --- clustering ---------------------------------------------------------------------------
    def candidate_pairs(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """(LSH candidates, exact-duplicate pairs): (pairs, 2) positions, first < second, unique.

        A candidate shares one LSH band with its partner; documents with an empty body are left out.
        """
        sigs = self.signatures()
        n = len(sigs)
        live = np.flatnonzero(sigs[:, 0] > 0)
        lsh = np.empty((0, 2), np.int64)
        pending: list[npt.NDArray[np.int64]] = []
        waiting = 0
        for band in range(minhash.BANDS):
            cols = 1 + band * minhash.ROWS
            block = np.asarray(sigs[live, cols : cols + minhash.ROWS], dtype=np.uint64)
            keys = block[:, 0] * _K1
            keys ^= block[:, 1] * _K2
            keys ^= block[:, 2] * _K3
            pending.append(_run_pairs(keys, live))
            waiting += len(pending[-1])
            # merge when the waiting pairs outnumber the distinct ones: memory stays within a small
            # multiple of the distinct candidates (not BANDS copies of them), at amortised sort cost
            if waiting > max(len(lsh), _PAIR_CHUNK * 16) or band == minhash.BANDS - 1:
                lsh = _unique_pairs(np.concatenate([lsh, *pending]), n)
                pending, waiting = [], 0
        exact = np.frombuffer(self._exact, dtype=np.uint64)[live] if n else np.empty(0, np.uint64)
        exact_pairs = _run_pairs(exact, live)
        return lsh, _unique_pairs(exact_pairs, n)

    def build(self) -> Grouping:
        """Cluster the documents into stories."""
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        n = len(self)
        sigs = self.signatures()
        pairs, exact_pairs = self.candidate_pairs()
        accepted = [exact_pairs]
        for start in range(0, len(pairs), _PAIR_CHUNK):
            chunk = pairs[start : start + _PAIR_CHUNK]
            a = np.asarray(sigs[chunk[:, 0]])
            b = np.asarray(sigs[chunk[:, 1]])
            jaccard = (a[:, 1:] == b[:, 1:]).mean(axis=1)
            ok = minhash.similar_many(jaccard, a[:, 0], b[:, 0])
            accepted.append(chunk[ok])
        edges = np.concatenate(accepted)
        if n == 0:
            labels = np.empty(0, np.int64)
        else:
            graph = coo_matrix(
                (np.ones(len(edges), np.int8), (edges[:, 0], edges[:, 1])), shape=(n, n)
            ).tocsr()
            _, labels = connected_components(graph, directed=False)
        return Grouping(self, labels.astype(np.int64), candidates=len(pairs), links=len(edges))


def _run_pairs(keys: npt.NDArray[np.uint64], positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Pairs of positions with equal keys: each member with the first of its run, and with the previous."""
    if len(keys) < 2:
        return np.empty((0, 2), np.int64)
    order = np.argsort(keys, kind="stable")
    ks = keys[order]
    same = ks[1:] == ks[:-1]
    if not same.any():
        return np.empty((0, 2), np.int64)
    pos = positions[order]
    starts = np.concatenate(([True], ~same))
    head = np.maximum.accumulate(np.where(starts, np.arange(len(ks)), 0))
    member = np.flatnonzero(~starts)
    chain = np.stack((pos[member - 1], pos[member]), axis=1)
    star = np.stack((pos[head[member]], pos[member]), axis=1)
    return np.concatenate((chain, star))


def _unique_pairs(pairs: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.int64]:
    if len(pairs) == 0:
        return np.empty((0, 2), np.int64)
    lo = np.minimum(pairs[:, 0], pairs[:, 1])
    hi = np.maximum(pairs[:, 0], pairs[:, 1])
    keep = lo != hi
    codes = np.unique(lo[keep] * np.int64(n) + hi[keep])
    return np.stack((codes // n, codes % n), axis=1)


class Grouping:
    """The stories of an index: per position, the story id and the id this copy duplicates."""

    def __init__(self, index: StoryIndex, labels: npt.NDArray[np.int64], candidates: int, links: int) -> None:
        self.index = index
        self.candidates = candidates
        self.links = links
        n = len(labels)
        sizes = np.bincount(labels, minlength=1) if n else np.zeros(1, np.int64)
        grouped = np.flatnonzero(sizes[labels] > 1) if n else np.empty(0, np.int64)
        dates = np.frombuffer(index._dates, dtype=np.int64)
        # members of multi-document stories, by (story, date, position): the first of each run is the rep.
        order = grouped[np.lexsort((grouped, dates[grouped], labels[grouped]))]
        self._label = np.full(n, -1, np.int64)
        starts = (
            np.flatnonzero(np.concatenate(([True], labels[order][1:] != labels[order][:-1])))
            if len(order)
            else np.empty(0, np.int64)
        )
        self._members = np.split(order, starts[1:]) if len(order) else []
        for k, members in enumerate(self._members):
            self._label[members] = k
        self._rep = np.array([m[0] for m in self._members], np.int64)
        self._story_ids = [
            text_id("story:" + min(index.ids[int(i)] for i in members)) for members in self._members
        ]

    def __len__(self) -> int:
        """Number of stories with two or more documents."""
        return len(self._members)

    @property
    def docs(self) -> int:
        return len(self._label)

    def story(self, position: int) -> str | None:
        k = int(self._label[position])
        return self._story_ids[k] if k >= 0 else None

    def duplicate_of(self, position: int) -> str | None:
        k = int(self._label[position])
        if k < 0 or int(self._rep[k]) == position:
            return None
        return self.index.ids[int(self._rep[k])]

    def is_duplicate(self, position: int) -> bool:
        k = int(self._label[position])
        return k >= 0 and int(self._rep[k]) != position

    @property
    def duplicates(self) -> int:
        return sum(len(m) - 1 for m in self._members)

    def apply(self, position: int, article: Article) -> Article:
        """Fill ``story`` and ``duplicate_of`` of the article at ``position`` (checks its id)."""
        expected = self.index.ids[position]
        if article_id(article) != expected:
            raise ValueError(
                f"record {position}: id {article_id(article)!r} where the first pass saw {expected!r}"
                " (the input changed between the passes?)"
            )
        article.story = self.story(position)
        article.duplicate_of = self.duplicate_of(position)
        return article

    def stories(self) -> Iterator[dict[str, Any]]:
        """One summary record per story of two or more documents, in order of first member."""
        index = self.index
        names = index.outlet_names()
        dates = np.frombuffer(index._dates, dtype=np.int64)
        for k in np.argsort([int(m.min()) for m in self._members], kind="stable"):
            members = self._members[int(k)]
            codes = {int(index._outlet_codes[int(i)]) for i in members}
            published = [int(i) for i in members if dates[int(i)] != _NO_DATE]
            yield {
                "story": self._story_ids[int(k)],
                "size": len(members),
                "representative": index.ids[int(members[0])],
                "members": [index.ids[int(i)] for i in members],
                "outlets": sorted(names[c] for c in codes if c >= 0),
                "first_published": index.published[published[0]] if published else None,
                "last_published": index.published[published[-1]] if published else None,
            }


def group_sketches(sketches: Iterable[Sketch]) -> Grouping:
    """Index and cluster a stream of sketches (in the order the second pass will see the documents)."""
    return StoryIndex().extend(sketches).build()
