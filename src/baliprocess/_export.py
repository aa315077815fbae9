"""Writing a dataset back to a data folder, in the canonical form of the bundled files.

The output is what ``scripts/curate.py`` writes and what :func:`baliprocess.load` reads: one
JSON file per kind of record (pretty-printed, keys in field order, UTF-8) and the statements'
texts, byte for byte. Loading the folder gives back equal records: the round trip is lossless.
With ``anchors``, spans are written as quote anchors and default fields are left out (the form
of ``curation/``).
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from ._anchors import anchored
from ._registry import FORMAT, KINDS

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["dumps", "write_folder"]


def dumps(key: str, records: list[dict[str, Any]], *, compact: bool = False) -> str:
    """The canonical text of data file ``key`` holding ``records`` (already unstructured).

    With ``compact``, an object or list of plain values that fits on its line is written on
    one line (``"span": {"source": "ahg-som-4", "quote": "Australia"}``): for files people edit.
    """
    document = {"format": FORMAT, key: records}
    if compact:
        return _compact(document, "", 0) + "\n"
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


_WIDTH = 100


def _compact(value: Any, indent: str, used: int) -> str:
    """``value`` as indented JSON, with flat objects and lists on one line when they fit."""
    flat = json.dumps(value, ensure_ascii=False)
    if type(value) is dict:
        children = list(value.values())
    elif type(value) is list:
        children = value
    else:
        return flat
    nested = any(type(child) in (dict, list) for child in children)
    if not children or (not nested and used + len(flat) <= _WIDTH):
        return flat
    inner = indent + "  "
    if type(value) is dict:
        lines = []
        for key, child in value.items():
            name = json.dumps(key, ensure_ascii=False) + ": "
            lines.append(inner + name + _compact(child, inner, len(inner) + len(name) + 1))
        return "{\n" + ",\n".join(lines) + "\n" + indent + "}"
    items = [inner + _compact(child, inner, len(inner) + 1) for child in children]
    return "[\n" + ",\n".join(items) + "\n" + indent + "]"


def write_folder(dataset: Dataset, path: str | os.PathLike[str], *, anchors: bool = False) -> None:
    from ._converter import converter

    folder = os.fspath(path)
    os.makedirs(folder, exist_ok=True)
    texts = {source.id: source.text for source in dataset.sources}
    for key in KINDS:
        records = [converter.unstructure(record) for record in getattr(dataset, key)]
        if anchors:  # spans as quote anchors, default fields left out
            objects = getattr(dataset, key)
            records = [anchored(r, raw, texts) for r, raw in zip(objects, records, strict=True)]
        with open(os.path.join(folder, f"{key}.json"), "w", encoding="utf-8", newline="") as f:
            f.write(dumps(key, records, compact=anchors))
    for source in dataset.sources:
        target = os.path.join(folder, *source.path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(source.text.encode("utf-8"))
