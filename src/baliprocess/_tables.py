"""Tidy tables of a dataset, derived from the registry and the attrs fields of the models.

Nothing here names a kind of record or a field. Every table, column, key and type comes from
:data:`baliprocess._registry.KINDS` and the fields of the model classes with their metadata:

- each kind is a table (``meetings``), one row per record;
- each tuple of records a model holds is a table of its own (``meetings_attendance``), keyed by
  its holder (``meeting_id``) and its place in the tuple (``attendance_index``, 0-based, as in
  ``meeting.attendance[3]``); a nested record with an ``id`` of its own (an outcome) is keyed by
  it and its table is named after its field (``outcomes``);
- a single nested record (a location, a span) is flattened into its holder's row, prefixed
  (``location_city``, ``span_text``);
- a field holding ids (``field(refers_to=...)``) is an ``<field>_id`` column, a foreign key of the
  target's table; a tuple of refs (``actors``) is a table with one id column per ref kind
  (``member_id``, ``body_id``, ...), so a member and a body are never mixed in one column;
- a tuple of plain values (``aliases``, ``co_chairs``, ``days``) is a table of its own, and a
  ``"; "``-joined text column in its holder's row for convenience;
- a date has a ``<date>_precision`` column beside it: its record's ``date_precision`` when the
  record has one, else ``day``.

A new kind in the registry, or a new field on a model, is a new table or column with no change
here. The rows are plain JSON-ready dicts (ISO dates, vocabulary values, ``None`` where a value
is not stated); :func:`to_pandas` types them (``datetime64``, categoricals, nullable integers and
booleans, ``NA`` for missing) and needs pandas, an optional extra.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._registry import KINDS
from .models._base import REFERS_TO, type_shape

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = [
    "Column",
    "Table",
    "attendance_cells",
    "require_pandas",
    "rows",
    "table_specs",
    "to_pandas",
]

Getter = Callable[[Any], Any]


@attrs.frozen
class Column:
    """One column of a table: its name, type and what its values refer to.

    ``type`` is a Table Schema type: ``string``, ``integer``, ``boolean`` or ``date``.
    ``vocabulary`` lists the values a closed vocabulary allows; ``refers_to`` names the table
    whose ``id`` (or key) the column holds.
    """

    name: str
    type: str
    description: str = ""
    vocabulary: tuple[str, ...] | None = None
    refers_to: str | None = None
    get: Getter | None = attrs.field(default=None, eq=False, repr=False)
    """How a row's value is read from its item; ``None`` for the key columns."""


@attrs.frozen
class Table:
    """A table: its columns, primary key, foreign keys and how its rows are found."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]
    """``(columns, table, its columns)``: each group of columns holds a key of that table."""
    kind: str
    """The kind of record whose records the rows come from."""
    walk: Callable[[Any], Iterator[tuple[tuple[Any, ...], Any]]] = attrs.field(eq=False, repr=False)
    """Records of the kind -> ``(key values, item)`` for every row."""

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


# -- reading the field types -------------------------------------------------------------------


def _shape(kind: Any) -> tuple[Any, bool]:
    """(item type, many) of ``X``, ``X | None`` and ``tuple[X, ...]``."""
    item, _, many = type_shape(kind)
    return item, many


def _fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return tuple(f for f in attrs.fields(cls) if f.init)


def _is_vocabulary(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_ref(kind: Any) -> bool:
    from .models.common import Ref

    return kind is Ref


def _ref_kinds(field: attrs.Attribute[Any]) -> tuple[str, ...]:
    from .models.vocabularies import RefKind

    allowed = field.metadata.get(REFERS_TO)
    if allowed is None:
        return tuple(k.value for k in RefKind)
    return (allowed,) if isinstance(allowed, str) else tuple(allowed)


def _target_of(cls: type[Any]) -> str:
    """What a reference calls a record of ``cls``: its kind's target, else its class name."""
    for kind in KINDS.values():
        if kind.cls is cls:
            return kind.target
    from ._registry import NESTED

    for target, (holder, field) in NESTED.items():
        holder_cls = KINDS[holder].cls
        if _shape(attrs.fields_dict(holder_cls)[field].type)[0] is cls:
            return target
    return cls.__name__.lower()


def _first_line(doc: str | None) -> str:
    lines = (doc or "").strip().splitlines()
    return lines[0] if lines else ""


def _precision(holder: Any, value: Any) -> str | None:
    if value is None:
        return None
    precision = getattr(holder, "date_precision", None)
    return "day" if precision is None else str(precision.value)


def _json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _joined(values: Iterable[Any]) -> str | None:
    text = "; ".join(str(_json(v)) for v in values)
    return text or None


# -- planning the tables -----------------------------------------------------------------------


class _Planner:
    def __init__(self) -> None:
        self.tables: dict[str, Table] = {}
        self.target_tables: dict[str, str] = {k.target: k.name for k in KINDS.values()}
        self.pending_fks: list[tuple[str, str, str]] = []  # (table, column, target)

    def plan_kind(self, name: str) -> None:
        kind = KINDS[name]

        def walk(records: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
            for record in records:
                yield (), record

        self._plan(
            name=name,
            kind=name,
            cls=kind.cls,
            key=(),
            walk=walk,
            parent=None,
            description=_first_line(kind.cls.__doc__),
        )

    def _plan(
        self,
        *,
        name: str,
        kind: str,
        cls: type[Any],
        key: tuple[Column, ...],
        walk: Callable[[Any], Iterator[tuple[tuple[Any, ...], Any]]],
        parent: tuple[str, tuple[str, ...]] | None,
        description: str,
    ) -> None:
        columns: list[Column] = list(key)
        children: list[tuple[str, attrs.Attribute[Any], Getter, Any, bool]] = []
        self._columns(cls, "", lambda item: item, columns, children)
        has_id = "id" in attrs.fields_dict(cls)
        primary = ("id",) if has_id else tuple(c.name for c in key)
        foreign: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = []
        if parent is not None:
            parent_table, parent_key = parent
            foreign.append((parent_key, parent_table, self.tables[parent_table].primary_key))
        for column in columns:
            if column.refers_to is not None and column.name not in (parent[1] if parent else ()):
                self.pending_fks.append((name, column.name, column.refers_to))
        self.tables[name] = Table(
            name=name,
            description=description,
            columns=tuple(columns),
            primary_key=primary,
            foreign_keys=tuple(foreign),
            kind=kind,
            walk=walk,
        )
        if has_id and key:
            self.target_tables.setdefault(_target_of(cls), name)
        # The key of this table's rows, as their children's parent key.
        if has_id:
            own_key: tuple[Column, ...] = (
                Column(f"{_target_of(cls)}_id", "string", refers_to=_target_of(cls)),
            )

            def key_of(k: tuple[Any, ...], item: Any) -> tuple[Any, ...]:
                return (item.id,)

        else:
            own_key = key

            def key_of(k: tuple[Any, ...], item: Any) -> tuple[Any, ...]:
                return k

        for prefix, field, get_tuple, item_type, is_record in children:
            child_name = f"{name}_{prefix}{field.name}"
            if (
                is_record
                and "id" in attrs.fields_dict(item_type)
                and field.name not in KINDS
                and field.name not in self.tables
            ):
                child_name = field.name  # its rows have ids of their own: "outcomes"
            index = Column(
                f"{prefix}{field.name}_index",
                "integer",
                f"the row's place in the {field.name} of its holder, from 0",
            )
            child_key = (*own_key, index)

            def child_walk(
                records: Any,
                _walk: Any = walk,
                _get: Getter = get_tuple,
                _key_of: Any = key_of,
                _wrap: bool = not is_record,
            ) -> Iterator[tuple[tuple[Any, ...], Any]]:
                for k, item in _walk(records):
                    base = _key_of(k, item)
                    for i, inner in enumerate(_get(item) or ()):
                        yield (*base, i), ((item, inner) if _wrap else inner)

            doc = f"The {field.name.replace('_', ' ')} of each row of {name}, one row each."
            if is_record:
                self._plan(
                    name=child_name,
                    kind=kind,
                    cls=item_type,
                    key=child_key,
                    walk=child_walk,
                    parent=(name, tuple(c.name for c in own_key)),
                    description=doc,
                )
            else:
                self._plan_values(
                    child_name, kind, field, item_type, child_key, child_walk, name, own_key, doc
                )

    def _plan_values(
        self,
        name: str,
        kind: str,
        field: attrs.Attribute[Any],
        item_type: Any,
        key: tuple[Column, ...],
        walk: Any,
        parent: str,
        parent_key: tuple[Column, ...],
        description: str,
    ) -> None:
        """A table for a tuple of plain values: its key and one value column (or one per ref)."""
        columns = list(key)
        value_columns = self._value_columns(field, item_type, "", lambda pair: pair[1])
        # The holder of a date is the record holding the tuple (for its precision).
        columns.extend(
            attrs.evolve(c, get=(lambda pair: _precision(pair[0], pair[1]))) if c.get is None else c
            for c in value_columns
        )
        for column in value_columns:
            if column.refers_to is not None:
                self.pending_fks.append((name, column.name, column.refers_to))
        self.tables[name] = Table(
            name=name,
            description=description,
            columns=tuple(columns),
            primary_key=tuple(c.name for c in key),
            foreign_keys=(
                (
                    tuple(c.name for c in parent_key),
                    parent,
                    self.tables[parent].primary_key,
                ),
            ),
            kind=kind,
            walk=walk,
        )

    def _value_columns(
        self, field: attrs.Attribute[Any], item_type: Any, prefix: str, get: Getter
    ) -> list[Column]:
        """The columns of one value of ``field`` (a tuple item, or the field itself)."""
        target = field.metadata.get(REFERS_TO)
        doc = (field.metadata.get("doc") or "").strip()
        if _is_ref(item_type):
            out = []
            for ref_kind in _ref_kinds(field):

                def get_ref(item: Any, _k: str = ref_kind) -> Any:
                    ref = get(item)
                    return None if ref is None or ref.kind.value != _k else ref.id

                out.append(
                    Column(
                        f"{prefix}{ref_kind}_id",
                        "string",
                        f"the {ref_kind} it names, when it names one",
                        refers_to=ref_kind if ref_kind in self.target_tables else None,
                        get=get_ref,
                    )
                )
            return out
        if item_type is datetime.date:
            base = prefix.rstrip("_") or "value"
            return [
                Column(base, "date", doc, get=lambda item: _json(get(item))),
                Column(
                    f"{base}_precision",
                    "string",
                    "how precise the date is (day, month, year)",
                    vocabulary=_precisions(),
                ),
            ]
        name = prefix.rstrip("_") or (f"{target}_id" if isinstance(target, str) else "value")
        if isinstance(target, str) and prefix and not name.endswith("_id"):
            name = f"{name}_id"
        if _is_vocabulary(item_type):
            values = tuple(v.value for v in item_type)
            return [Column(name, "string", doc, vocabulary=values, get=lambda i: _json(get(i)))]
        types = {str: "string", int: "integer", bool: "boolean", float: "number"}
        return [
            Column(
                name,
                types.get(item_type, "string"),
                doc,
                refers_to=target if isinstance(target, str) else None,
                get=get,
            )
        ]

    def _columns(
        self,
        cls: type[Any],
        prefix: str,
        get: Getter,
        out: list[Column],
        children: list[tuple[str, attrs.Attribute[Any], Getter, Any, bool]],
    ) -> None:
        for field in _fields(cls):
            item_type, many = _shape(field.type)
            name = field.name

            def value(item: Any, _name: str = name) -> Any:
                holder = get(item)
                return None if holder is None else getattr(holder, _name)

            if many:
                is_record = attrs.has(item_type) and not _is_ref(item_type)
                children.append((prefix, field, value, item_type, is_record))
                if not is_record:

                    def joined(item: Any, _v: Getter = value) -> str | None:
                        return _joined(_v(item) or ())

                    out.append(
                        Column(
                            f"{prefix}{name}",
                            "string",
                            f"the {name.replace('_', ' ')}, joined by '; ' (see the {name} table)",
                            get=joined,
                        )
                    )
                continue
            if attrs.has(item_type) and not _is_ref(item_type):
                self._columns(item_type, f"{prefix}{name}_", value, out, children)
                continue
            columns = self._value_columns(field, item_type, f"{prefix}{name}_", value)
            for column in columns:
                if column.name in {c.name for c in out}:
                    column = attrs.evolve(column, name=f"{prefix}{name}_{column.name}")
                if column.get is None:  # a date's precision: from the record holding it

                    def precision(item: Any, _v: Getter = value) -> Any:
                        return _precision(get(item), _v(item))

                    column = attrs.evolve(column, get=precision)
                out.append(column)

    def finish(self) -> dict[str, Table]:
        extra: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]] = {}
        for table, column, target in self.pending_fks:
            target_table = self.target_tables.get(target)
            if target_table is None:
                continue
            extra.setdefault(table, []).append(((column,), target_table, ("id",)))
        return {
            name: attrs.evolve(table, foreign_keys=(*table.foreign_keys, *extra.get(name, ())))
            for name, table in self.tables.items()
        }


def _precisions() -> tuple[str, ...]:
    from .models.meetings import DatePrecision

    return tuple(p.value for p in DatePrecision)


_SPECS: dict[str, Table] | None = None


def table_specs() -> dict[str, Table]:
    """Every table, by name: the kinds' tables in registry order, each followed by its nested
    tables (derived from the registry and the fields each time the registry changes)."""
    global _SPECS
    if _SPECS is None:
        planner = _Planner()
        for name in KINDS:
            planner.plan_kind(name)
        _SPECS = planner.finish()
    return _SPECS


def specs_for(classes: dict[str, type[Any]]) -> dict[str, Table]:
    """The tables of other kinds than the registry's: ``{"name": ModelClass}`` (for tests and
    for a kind being designed)."""
    planner = _Planner()
    for name, cls in classes.items():
        planner.target_tables.setdefault(_target_of(cls), name)

        def walk(records: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
            for record in records:
                yield (), record

        planner._plan(
            name=name,
            kind=name,
            cls=cls,
            key=(),
            walk=walk,
            parent=None,
            description=_first_line(cls.__doc__),
        )
    return planner.finish()


# -- rows --------------------------------------------------------------------------------------


def rows(table: Table, records: Iterable[Any]) -> list[dict[str, Any]]:
    """The JSON-ready rows of ``table`` for ``records`` of its kind."""
    columns = table.columns
    keyed = [c for c in columns if c.get is None]
    valued = [(c.name, c.get) for c in columns if c.get is not None]
    out = []
    for key, item in table.walk(records):
        row = dict(zip((c.name for c in keyed), key, strict=True))
        for name, get in valued:
            row[name] = get(item)
        out.append({c.name: row[c.name] for c in columns})
    return out


def dataset_rows(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Every table of ``dataset`` as JSON-ready rows."""
    return {
        name: rows(table, getattr(dataset, table.kind)) for name, table in table_specs().items()
    }


# -- pandas ------------------------------------------------------------------------------------


def require_pandas() -> Any:
    """pandas, or an ImportError naming the extra that installs it."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "this needs pandas, an optional dependency of baliprocess: "
            "pip install 'baliprocess[pandas]' (or use to_records(), which needs nothing)"
        ) from error
    return pandas


def to_pandas(table: Table, table_rows: list[dict[str, Any]]) -> Any:
    """A typed DataFrame of ``table_rows``: dates as ``datetime64``, vocabularies as
    categoricals, nullable integers, booleans and strings, ``NA`` where nothing is stated."""
    pd = require_pandas()
    data = {}
    for column in table.columns:
        values = [row[column.name] for row in table_rows]
        if column.type == "date":
            series = pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d")
            data[column.name] = series.astype("datetime64[ns]")
        elif column.vocabulary is not None:
            data[column.name] = pd.Series(
                pd.Categorical(values, categories=list(column.vocabulary))
            )
        elif column.type == "integer":
            data[column.name] = pd.Series(values, dtype="Int64")
        elif column.type == "boolean":
            data[column.name] = pd.Series(values, dtype="boolean")
        else:
            data[column.name] = pd.Series(values, dtype="string")
    return pd.DataFrame(data, columns=[c.name for c in table.columns])


# -- the attendance matrix ---------------------------------------------------------------------


def _tokens(row: Any) -> Iterator[str]:
    """The vocabulary values of an attendance row and of every record nested in it, in field
    order: its standing, then each contribution (whatever the fields are called)."""
    for field in _fields(type(row)):
        value = getattr(row, field.name)
        item_type, many = _shape(field.type)
        if _is_vocabulary(item_type):
            yield from (v.value for v in (value if many else (value,)) if v is not None)
        elif attrs.has(item_type) and not _is_ref(item_type):
            for inner in value if many else (value,):
                if inner is not None:
                    yield from _tokens(inner)


def attendance_fields(cls: type[Any]) -> tuple[str, ...]:
    """The fields of ``cls`` holding rows of members taking part (records with a ``member``
    reference): ``("attendance",)`` for meetings."""
    found = []
    for field in _fields(cls):
        item_type, many = _shape(field.type)
        if many and attrs.has(item_type):
            refs = [f.metadata.get(REFERS_TO) for f in _fields(item_type)]
            if "member" in refs:
                found.append(field.name)
    return tuple(found)


def attendance_cells(meetings: Iterable[Any]) -> dict[str, dict[str, str]]:
    """member id -> meeting id -> "co-chair; member": every standing and contribution of every
    row a member has at a meeting, in statement order, none repeated."""
    cells: dict[str, dict[str, dict[str, None]]] = {}
    for meeting in meetings:
        for name in attendance_fields(type(meeting)):
            for row in getattr(meeting, name):
                member = next(
                    getattr(row, f.name)
                    for f in _fields(type(row))
                    if f.metadata.get(REFERS_TO) == "member"
                )
                tokens = cells.setdefault(member, {}).setdefault(meeting.id, {})
                tokens.update(dict.fromkeys(_tokens(row)))
    return {
        member: {meeting: "; ".join(tokens) for meeting, tokens in by_meeting.items()}
        for member, by_meeting in cells.items()
    }
