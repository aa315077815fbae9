"""The one configured cattrs converter: exports, round trips and located error reports.

Imported only when needed (an export, or data that the fast path in :mod:`._structure` rejected),
because importing cattrs costs more than a whole first answer. Its rules match the fast path
exactly, which the test suite proves with hypothesis:

- strings, integers and booleans must have exactly that JSON type (no ``"3"`` for ``3``);
- sequences must be JSON arrays, records JSON objects with no unknown keys;
- dates are ISO ``YYYY-MM-DD`` strings, enums their string values, refs ``kind:id`` strings.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

from ._structure import parse_date, parse_ref
from .models import Ref
from .models.vocabularies import _Vocabulary

__all__ = ["converter", "describe_problems"]


def _strict(kind: type[Any], expected: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {expected}, got {_json_type(value)}")
        return value

    return structure


def _json_type(value: Any) -> str:
    names = {str: "a string", int: "an integer", bool: "true/false", float: "a number"}
    names.update({list: "a list", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _structure_vocabulary(value: Any, kind: type[_Vocabulary]) -> _Vocabulary:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in kind)
        raise ValueError(f"expected one of {allowed}, got {value!r}") from None


def _vocabulary_value(value: _Vocabulary) -> str:
    return str(value.value)


def _is_homogenous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _requiring(
    json_type: type[Any], expected: str, base: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    """``base``, after checking the value has the JSON type the target needs (our wording)."""

    def structure(value: Any, target: Any) -> Any:
        if type(value) is not json_type:
            raise TypeError(f"expected {expected}, got {_json_type(value)}")
        return base(value, target)

    return structure


def _tuple_from_list(kind: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    return _requiring(list, "a list", homogenous_tuple_structure_factory(kind, conv))


def _record_from_object(kind: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Records come from JSON objects: say so when given anything else (not cattrs' wording)."""
    return _requiring(dict, "an object", make_dict_structure_fn(kind, conv))


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(_dt.date, lambda value, _: parse_date(value))
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    conv.register_structure_hook(Ref, lambda value, _: parse_ref(value))
    conv.register_unstructure_hook(Ref, str)
    # Vocabularies are str enums: register on their base so they win over the str hook.
    conv.register_structure_hook(_Vocabulary, _structure_vocabulary)
    conv.register_unstructure_hook(_Vocabulary, _vocabulary_value)
    conv.register_structure_hook_factory(_is_homogenous_tuple, _tuple_from_list)
    conv.register_structure_hook_factory(attrs.has, _record_from_object)
    conv.register_unstructure_hook_factory(
        _is_homogenous_tuple,
        lambda kind, c: _list_unstructurer(get_args(kind)[0], c),
    )
    _omit_new_optional_fields(conv)
    return conv


_OMITTED_WHEN_NONE = {"sources.Source": ("publisher", "url")}
"""Optional fields not yet in the bundled files: written only when they hold a value, so that
the bundled record still writes back byte for byte. To be dropped when the curation fills
them (see ``_source_links.py``)."""


def _omit_new_optional_fields(conv: cattrs.Converter) -> None:
    import importlib

    from cattrs.gen import make_dict_unstructure_fn, override

    for path, names in _OMITTED_WHEN_NONE.items():
        module, _, name = path.rpartition(".")
        cls = getattr(importlib.import_module(f"baliprocess.models.{module}"), name)
        overrides = {field: override(omit_if_default=True) for field in names}
        hook = make_dict_unstructure_fn(cls, conv, **overrides)  # type: ignore[arg-type]
        conv.register_unstructure_hook(cls, hook)


def _list_unstructurer(item: Any, conv: cattrs.Converter) -> Callable[[Any], list[Any]]:
    def unstructure(value: Any) -> list[Any]:
        hook = conv.get_unstructure_hook(item)
        return [hook(v) for v in value]

    return unstructure


converter = _make_converter()
"""The converter: ``converter.unstructure(record)`` gives the record's JSON form."""


def _format(error: BaseException, kind: type[Any] | None) -> str:
    """Our hooks' own messages ("expected a string, got an integer"); cattrs' for the rest."""
    message = str(error)
    if isinstance(error, (TypeError, ValueError)) and message.startswith("expected"):
        return message
    if isinstance(error, KeyError):
        return "required field missing"
    return format_exception(error, kind)


def describe_problems(cls: type[Any], value: Any) -> list[tuple[str | None, str]]:
    """Every (field path, message) that keeps ``value`` from structuring as ``cls``.

    An empty list means cattrs accepts the value.
    """
    try:
        converter.structure(value, cls)
    except Exception as error:  # noqa: BLE001 - cattrs raises many kinds; all become problems
        found: list[tuple[str | None, str]] = []
        for line in cattrs.transform_error(error, path="$", format_exception=_format):
            message, _, path = line.rpartition(" @ ")
            if not _:
                message, path = line, "$"
            field = path[1:].lstrip(".") or None
            found.append((field, message))
        return found
    return []
