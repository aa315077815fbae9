"""Writing a dataset back to a data folder, in the canonical form of the bundled files.

The output is what ``scripts/curate.py`` writes and what :func:`baliprocess.load` reads: one
JSON file per kind of record (pretty-printed, keys in field order, UTF-8) and the statements'
texts, byte for byte.
Loading the folder gives back equal records: the round trip is lossless.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from ._registry import FORMAT, KINDS

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["dumps", "write_folder"]


def dumps(key: str, records: list[dict[str, Any]]) -> str:
    """The canonical text of data file ``key`` holding ``records`` (already unstructured)."""
    document = {"format": FORMAT, key: records}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_folder(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    from ._converter import converter

    folder = os.fspath(path)
    os.makedirs(folder, exist_ok=True)
    for key in KINDS:
        records = [converter.unstructure(record) for record in getattr(dataset, key)]
        with open(os.path.join(folder, f"{key}.json"), "w", encoding="utf-8", newline="") as f:
            f.write(dumps(key, records))
    for source in dataset.sources:
        target = os.path.join(folder, *source.path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(source.text.encode("utf-8"))
