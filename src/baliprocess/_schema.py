"""JSON Schemas of the data files, generated from the models (``<file>.schema.json``).

One schema per kind of the registry, written to ``src/baliprocess/schema/`` (shipped in the
package, outside ``data/``). The test suite checks they are current and validates the bundled
files, and broken ones, against them. Regenerate after changing a model with::

    python -m baliprocess._schema

The schemas describe the shapes (types, vocabularies, required keys, no unknown keys); the
rules across records (references exist, spans quote their source) are checked by ``load``.
"""

from __future__ import annotations

import datetime
import enum
import json
import os
import sys
import typing
from typing import Any

import attrs

from ._registry import FORMAT, KINDS

__all__ = ["SCHEMA_DIR", "schema_of", "schema_texts", "write_schemas"]

SCHEMA_DIR = os.path.join(os.path.dirname(__file__), "schema")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _type_schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    from .models.common import Ref
    from .models.vocabularies import RefKind

    args = typing.get_args(kind)
    if args and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return {"anyOf": [_type_schema(inner, defs), {"type": "null"}]}
    if typing.get_origin(kind) is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if kind is Ref:
        kinds = "|".join(k.value for k in RefKind)
        return {"type": "string", "pattern": f"^({kinds}):.+$", "description": "kind:id"}
    if attrs.has(kind):
        _define(kind, defs)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [v.value for v in kind]}
    if kind is datetime.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    return {"type": "string"}


def _define(cls: type[Any], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve: recursion stops here
    attrs.resolve_types(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        properties[field.name] = _type_schema(field.type, defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    doc = (cls.__doc__ or "").strip().splitlines()
    defs[cls.__name__] = {
        "type": "object",
        "description": doc[0] if doc else cls.__name__,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of data file ``<name>.json`` (a kind of the registry)."""
    kind = KINDS[name]
    defs: dict[str, Any] = {}
    _define(kind.cls, defs)
    return {
        "$schema": _DRAFT,
        "$id": f"https://baliprocess.invalid/schema/{kind.file[:-5]}.schema.json",
        "title": f"baliprocess data file {kind.file}",
        "description": f"A data file of {name} in the {FORMAT} format.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            name: {"type": "array", "items": {"$ref": f"#/$defs/{kind.cls.__name__}"}},
            "replaces": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["format", name],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def schema_texts() -> dict[str, str]:
    """file name -> the text of its schema, as shipped."""
    return {
        f"{name}.schema.json": json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"
        for name in KINDS
    }


def write_schemas(folder: str = SCHEMA_DIR) -> list[str]:
    """Write every schema to ``folder``; the paths written."""
    os.makedirs(folder, exist_ok=True)
    written = []
    for file, text in schema_texts().items():
        path = os.path.join(folder, file)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    for path in write_schemas(sys.argv[1] if len(sys.argv) > 1 else SCHEMA_DIR):
        print(path)
