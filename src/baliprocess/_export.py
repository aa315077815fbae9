"""Writing a dataset out: to a data folder, CSV tables, a Frictionless data package, Parquet.

:func:`write_folder` writes what ``scripts/curate.py`` writes and what :func:`baliprocess.load`
reads: one JSON file per kind of record (pretty-printed, keys in field order, UTF-8) and the
statements' texts, byte for byte. Loading the folder gives back equal records: the round trip
is lossless.

:func:`export` writes the tidy tables of :mod:`baliprocess._tables` (every kind and every tuple
of nested rows, derived from the registry and the fields): ``csv`` (no dependency),
``datapackage`` (the CSV files plus ``datapackage.json``: a Table Schema per resource with its
primary and foreign keys, the data version, licences and sources), ``parquet`` (pyarrow) or
``json`` (the data-file format).
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from ._anchors import anchored
from ._registry import FORMAT, KINDS

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["FORMATS", "datapackage_descriptor", "dumps", "export", "write_folder"]

FORMATS = ("csv", "datapackage", "json", "parquet")
"""The formats :func:`export` writes."""


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


def export(dataset: Dataset, path: str | os.PathLike[str], format: str = "csv") -> list[str]:
    """Write ``dataset`` to folder ``path`` in ``format`` (one of :data:`FORMATS`); the paths
    of the files written, relative to the folder.

    Raises:
        ValueError: an unknown format.
        ImportError: ``parquet`` without pandas and pyarrow.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    folder = os.fspath(path)
    if format == "parquet":
        from ._tables import require_pandas

        require_pandas()
        try:
            import pyarrow  # noqa: F401
        except ImportError as error:
            raise ImportError(
                "parquet needs pyarrow: pip install 'baliprocess[parquet]'"
            ) from error
    os.makedirs(folder, exist_ok=True)
    if format == "json":
        write_folder(dataset, folder)
        return sorted(
            os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            for root, _, names in os.walk(folder)
            for name in names
        )
    if format == "parquet":
        written = []
        for name, frame in dataset.tables().items():
            frame.to_parquet(os.path.join(folder, f"{name}.parquet"), index=False)
            written.append(f"{name}.parquet")
        return written
    from ._tables import table_specs

    records = dataset.to_records()
    written = [_write_csv(folder, table, records[name]) for name, table in table_specs().items()]
    if format == "datapackage":
        descriptor = datapackage_descriptor(dataset)
        with open(os.path.join(folder, "datapackage.json"), "w", encoding="utf-8") as handle:
            handle.write(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
        written.append("datapackage.json")
    return written


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(folder: str, table: Any, rows: list[dict[str, Any]]) -> str:
    import csv

    file = f"{table.name}.csv"
    with open(os.path.join(folder, file), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        for row in rows:
            writer.writerow([_csv_value(row[c.name]) for c in table.columns])
    return file


def datapackage_descriptor(dataset: Dataset) -> dict[str, Any]:
    """The ``datapackage.json`` of the CSV export: a Frictionless data package whose Table
    Schemas (types, vocabularies, primary and foreign keys) come from the table plans."""
    from . import __version__
    from ._citation import (
        CODE_LICENSE,
        DATA_LICENSE,
        DATA_LICENSE_URL,
        _data_version_of,
        link_of,
    )
    from ._tables import table_specs

    resources = []
    for name, table in table_specs().items():
        fields = []
        for column in table.columns:
            described: dict[str, Any] = {"name": column.name, "type": column.type}
            if column.description:
                described["description"] = column.description
            if column.vocabulary is not None:
                described["constraints"] = {"enum": list(column.vocabulary)}
            fields.append(described)
        schema: dict[str, Any] = {
            "fields": fields,
            "primaryKey": list(table.primary_key),
            "missingValues": [""],
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(columns),
                    "reference": {
                        "resource": "" if target == name else target,
                        "fields": list(target_columns),
                    },
                }
                for columns, target, target_columns in table.foreign_keys
            ]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": schema,
            }
        )
    sources = []
    for source in dataset.sources:
        publisher, url = link_of(source)
        entry: dict[str, Any] = {"title": source.title}
        if url:
            entry["path"] = url
        if publisher:
            entry["publisher"] = publisher
        sources.append(entry)
    version = _data_version_of(dataset)
    return {
        "profile": "tabular-data-package",
        "name": "baliprocess",
        "title": "The Bali Process record: meetings, members, commitments",
        "description": (
            "The typed, source-linked record of the Bali Process on People Smuggling, "
            "Trafficking in Persons and Related Transnational Crime, as tidy tables. Every "
            f"fact quotes the official statement it came from. Code licence: {CODE_LICENSE}; "
            "the statements are public official texts, quoted with their source."
        ),
        "version": version,
        "baliprocess": {"dataVersion": version, "package": __version__},
        "licenses": [
            {
                "name": DATA_LICENSE,
                "path": DATA_LICENSE_URL,
                "title": "Creative Commons Attribution 4.0 (the curated data)",
            }
        ],
        "sources": sources,
        "resources": resources,
    }
