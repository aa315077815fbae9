"""The registry of record kinds and the field metadata drive everything: proven here.

- every kind of the registry has a strategy, a writer and a collection;
- every reference field found from the metadata (nested ones included) is checked: an unknown id
  put into it, in a copy of the bundled record, is reported at that exact field;
- every span field is checked the same way;
- records hold data only (the link to their dataset is not a field).
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import baliprocess as bp
from baliprocess._registry import FORMAT, KINDS
from baliprocess.dataset import bundled
from baliprocess.models import Ref, Span
from baliprocess.models._base import REFERS_TO, type_shape
from strategies import STRATEGIES


@pytest.fixture(scope="module")
def bundled_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundled")
    bundled().write(folder)
    return folder


def test_every_kind_has_a_strategy_a_writer_and_a_collection(bundled_copy: Path) -> None:
    dataset = bundled()
    for kind in KINDS.values():
        assert kind.cls in STRATEGIES, kind.name
        assert isinstance(getattr(dataset, kind.name), kind.collection_class()), kind.name
        assert isinstance(getattr(bp, kind.name), kind.collection_class()), kind.name
        written = json.loads((bundled_copy / kind.file).read_text(encoding="utf-8"))
        assert written["format"] == FORMAT
        assert len(written[kind.name]) == len(getattr(dataset, kind.name)), kind.name


def _shape(kind: Any) -> tuple[Any, bool]:
    item, _, many = type_shape(kind)
    return item, many


def _places(cls: type[Any], raw: Any, path: str) -> Iterator[tuple[str, str, str, bool]]:
    """``(class.field, path, what, many)`` for every reference and span value in ``raw``."""
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        if not field.init or field.name not in raw or raw[field.name] is None:
            continue
        item, many = _shape(field.type)
        value = raw[field.name]
        where = f"{path}.{field.name}" if path else field.name
        found = [(f"{where}[{i}]", v) for i, v in enumerate(value)] if many else [(where, value)]
        what = (
            "span"
            if item is Span
            else "ref"
            if item is Ref
            else "id"
            if REFERS_TO in field.metadata
            else None
        )
        for at, _ in found:
            if what is not None:
                yield f"{cls.__name__}.{field.name}", at, what, many
        if what is None and attrs.has(item):
            for at, v in found:
                yield from _places(item, v, at)


def _set(raw: Any, path: str, new: Any) -> None:
    """Set the value at ``path`` (``attendance[3].member``) in a raw record."""
    steps: list[str | int] = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        steps.append(name)
        if index:
            steps.append(int(index[:-1]))
    target = raw
    for i, step in enumerate(steps[:-1]):
        if isinstance(step, str) and target.get(step) is None:  # a field left out: make it
            target[step] = [] if isinstance(steps[i + 1], int) else {}
        target = target[step]
    last = steps[-1]
    if isinstance(last, int) and len(target) <= last:
        target.append(None)
    elif isinstance(last, str) and last not in target:
        target[last] = None
    target[last] = new(target[last])


def _first_places(folder: Path) -> dict[str, tuple[str, str, str, str]]:
    """The first place each reference or span field of every class holds a value:
    ``class.field -> (kind, record id, path, what)``. A top-level field the bundled record
    leaves empty everywhere is given a value in the kind's first record instead (the test then
    sets that value), so no field goes unchecked."""
    first: dict[str, tuple[str, str, str, str]] = {}
    for kind in KINDS.values():
        records = json.loads((folder / kind.file).read_text(encoding="utf-8"))[kind.name]
        for raw in records:
            for name, at, what, _ in _places(kind.cls, raw, ""):
                first.setdefault(name, (kind.name, raw["id"], at, what))
        if not records:
            continue
        for field in attrs.fields(kind.cls):
            name = f"{kind.cls.__name__}.{field.name}"
            if name not in first and REFERS_TO in field.metadata and field.init:
                many = _shape(field.type)[1]
                at = f"{field.name}[0]" if many else field.name
                first[name] = (kind.name, records[0]["id"], at, "id")
    return first


def _every_metadata_field() -> set[str]:
    """``class.field`` of every field that holds ids or spans, found from the models alone."""
    names: set[str] = set()
    seen: set[type[Any]] = set()

    def visit(cls: type[Any]) -> None:
        if cls in seen:
            return
        seen.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            item, _ = _shape(field.type)
            if item in (Span, Ref) or (REFERS_TO in field.metadata and field.init):
                names.add(f"{cls.__name__}.{field.name}")
            elif isinstance(item, type) and attrs.has(item):
                visit(item)

    for kind in KINDS.values():
        visit(kind.cls)
    return names


def _broken(
    source: Path, tmp: Path, kind: str, record: str, path: str, new: Any
) -> list[bp.Problem]:
    folder = tmp / "data"
    shutil.copytree(source, folder)
    file = folder / KINDS[kind].file
    document = json.loads(file.read_text(encoding="utf-8"))
    raw = next(r for r in document[kind] if r["id"] == record)
    _set(raw, path, new)
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(bp.DataError) as caught:
        bp.load(folder, bundled=False)
    return list(caught.value.problems)


def test_the_bundled_record_exercises_every_reference_and_span_field(bundled_copy: Path) -> None:
    """So that the two tests below leave no field out."""
    assert _every_metadata_field() - {"Span.source"} <= set(_first_places(bundled_copy))


@pytest.mark.parametrize("field", sorted(_every_metadata_field() - {"Span.source"}))
def test_an_unknown_id_is_reported_at_its_field(
    field: str, bundled_copy: Path, tmp_path: Path
) -> None:
    kind, record, path, what = _first_places(bundled_copy)[field]
    if what == "span":
        problems = _broken(
            bundled_copy, tmp_path, kind, record, path, lambda s: {**s, "text": s["text"] + "~"}
        )
        expected = f"{path}.text"
    elif what == "ref":
        problems = _broken(
            bundled_copy, tmp_path, kind, record, path, lambda r: r.split(":")[0] + ":NOWHERE"
        )
        expected = path
    else:
        problems = _broken(bundled_copy, tmp_path, kind, record, path, lambda _: "NOWHERE")
        expected = path
    located = [(p.record, p.field) for p in problems]
    assert (record, expected) in located, "\n".join(map(str, problems))
    assert all(p.file.endswith(KINDS[kind].file) for p in problems if p.field == expected)


def test_records_hold_data_only() -> None:
    meeting = bp.meetings.get("ahg-som-15")
    data = attrs.asdict(meeting)
    assert "_dataset" not in data
    json.dumps(data, default=str)  # nothing but data: no dataset inside
    assert copy.copy(meeting) == meeting
    assert meeting.attendees()  # the link is there, though not a field


def test_the_format_name_is_declared_once() -> None:
    src = Path(bp.__file__).parent
    declared = [
        path.relative_to(src).as_posix()
        for path in src.rglob("*.py")
        if f'"{FORMAT}"' in path.read_text(encoding="utf-8")
    ]
    assert declared == ["_registry.py"]
