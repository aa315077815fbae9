"""Citing the data: its version, its licence, and one fact with the words it came from.

- :data:`data_version` (``bp.data_version``): the release plus a digest of every bundled data
  file, so that any change to the data changes the version.
- :func:`cite` (``bp.cite(record)``): the citation of one fact: the quoted words, the statement
  and its official URL (where one is known), the record and the data version.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

import attrs

__all__ = [
    "CODE_LICENSE",
    "DATA_LICENSE",
    "DATA_LICENSE_URL",
    "Citation",
    "cite",
    "compute_data_version",
    "link_of",
]

DATA_LICENSE = "CC-BY-4.0"
"""The licence of the curated data (the records, their spans and inferences)."""
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "MIT"
"""The licence of the code. The statements themselves are public official texts of the Bali
Process, bundled verbatim and quoted with their source."""


def _data_dir() -> str:
    from ._resources import _DATA_DIR

    return _DATA_DIR


def digest_of_folder(folder: str) -> str:
    """The SHA-256 of every file under ``folder``: each file's ``/``-separated relative path,
    a NUL, its size, a NUL and its bytes, in sorted path order."""
    paths = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            if name.startswith((".", "_")):
                continue
            full = os.path.join(root, name)
            paths.append((os.path.relpath(full, folder).replace(os.sep, "/"), full))
    digest = hashlib.sha256()
    for relative, full in sorted(paths):
        with open(full, "rb") as handle:
            data = handle.read()
        digest.update(f"{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def compute_data_version() -> str:
    """``<release>+data.<first 12 hex digits of the digest of the bundled data files>``."""
    from ._version import __version__

    return f"{__version__}+data.{digest_of_folder(_data_dir())[:12]}"


_VERSION: str | None = None


def __getattr__(name: str) -> Any:
    global _VERSION
    if name == "data_version":
        if _VERSION is None:
            _VERSION = compute_data_version()
        return _VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def link_of(source: Any) -> tuple[str | None, str | None]:
    """(publisher, url) of a source, ``None`` where the record knows none."""
    return source.publisher, source.url


@attrs.frozen(kw_only=True)
class Citation:
    """The citation of one fact: the words, where they are, and which data said so."""

    quote: str
    statement: str
    source: str
    publisher: str | None
    url: str | None
    record: str
    data_version: str

    def __str__(self) -> str:
        where = self.url or "No public URL known"
        publisher = f", {self.publisher}" if self.publisher else ""
        return (
            f"\u201c{self.quote}\u201d \u2014 {self.statement}{publisher}. {where}. "
            f"Via baliprocess data {self.data_version} ({self.record})."
        )

    def as_dict(self) -> dict[str, Any]:
        """The citation as a plain dict (JSON-ready)."""
        return attrs.asdict(self)


def cite(record: Any, field: str | None = None, *, dataset: Any = None) -> Citation:
    """The citation of one fact of ``record`` (any record with a ``span``, or a source).

    ``field`` names a nested field whose span to cite instead (``"location"``), or for a tuple
    field its first row (``"attendance"``); by default the record's own span is cited. The
    record's own dataset is cited; a nested row or a span carries no link to one, so cite it
    through its record (``cite(meeting, "attendance")``) or pass ``dataset=`` (by default, the
    bundled record).

    Raises:
        ValueError: the record (or field) has no span and is not a source.
        UnknownIdError: the span's source is not in the dataset cited.
        DetachedRecordError: the record's dataset has been dropped.
    """
    from .dataset import bundled

    target: Any = record if field is None else getattr(record, field)
    if isinstance(target, tuple):
        target = target[0] if target else None
    span = getattr(target, "span", None)
    if span is None and type(target).__name__ == "Span":
        span = target
    if dataset is None:
        link = getattr(record, "_dataset", None)
        dataset = bundled() if link is None else link
    if span is None:
        if hasattr(record, "path") and hasattr(record, "title"):  # a source cites itself
            source = record
            quote = record.title
        else:
            raise ValueError(f"{type(record).__name__} has no span to cite")
    else:
        source = dataset.sources.get(span.source)
        quote = span.text
    from ._tables import _target_of

    label = (
        f"{_target_of(type(record))}:{record.id}"
        if hasattr(record, "id")
        else type(record).__name__
    )
    if field is not None:
        label += f".{field}"
    publisher, url = link_of(source)
    version = _data_version_of(dataset)
    return Citation(
        quote=quote,
        statement=source.title,
        source=source.id,
        publisher=publisher,
        url=url,
        record=label,
        data_version=version,
    )


def _data_version_of(dataset: Any) -> str:
    from .dataset import bundled

    if dataset is bundled():
        version: str = __getattr__("data_version")
        return version
    return "(your own data: " + ", ".join(o.folder or "bundled" for o in dataset._origins) + ")"
