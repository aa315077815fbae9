"""Reading data folders: JSON files -> structured, validated records, whole or not at all.

The record is split into one file per kind of record (:data:`baliprocess._registry.KINDS`),
loaded in dependency order (a reference to a kind loaded later, such as a source listing its
meetings, is checked when that kind is loaded). Each file goes: bytes -> JSON -> fast
structuring (:mod:`._structure`) -> checks (:mod:`._checks`). A record the fast path rejects
is handed to the cattrs converter for a located explanation. Nothing in a data folder is
executed or unpickled.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import _anchors
from ._checks import check_kind, register
from ._registry import FORMAT, KINDS, Kind
from ._resources import read_bundled
from .errors import DataError, Problem

if TYPE_CHECKING:
    from ._checks import Known

__all__ = ["FORMAT", "Origin", "read_part"]

_FILES = frozenset(kind.file for kind in KINDS.values())


class Origin:
    """Where records come from: the bundled data, or a user's folder on disk."""

    __slots__ = ("folder",)

    def __init__(self, folder: str | None) -> None:
        self.folder = folder

    @property
    def bundled(self) -> bool:
        return self.folder is None

    def name(self, relative: str) -> str:
        """How problems name a file of this origin."""
        if self.folder is None:
            return f"<bundled>/{relative}"
        return os.path.join(self.folder, relative)

    def read(self, relative: str) -> bytes | None:
        """The bytes of a file, or ``None`` when a user's folder leaves it out."""
        if self.folder is None:
            return read_bundled(relative)
        path = os.path.join(self.folder, *relative.split("/"))
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            return handle.read()

    def folder_problems(self) -> list[Problem]:
        """Problems of a user's folder as a whole: files that are not data files, or none.

        A ``.json`` file other than the data files is taken for a misnamed data file, unless its
        name starts with ``_`` or ``.`` (notes and metadata of your own).
        """
        if self.folder is None:
            return []
        expected = ", ".join(kind.file for kind in KINDS.values())
        problems = []
        names = sorted(os.listdir(self.folder))
        for name in names:
            path = os.path.join(self.folder, name)
            if name.endswith(".json") and name not in _FILES and not name.startswith(("_", ".")):
                problems.append(Problem(path, None, None, f"not a data file; they are {expected}"))
            elif name in _FILES and not os.path.isfile(path):
                problems.append(Problem(path, None, None, "not a file"))
        if not problems and not _FILES.intersection(names):
            message = f"no data files in the folder; expected one or more of {expected}"
            problems.append(Problem(self.folder, None, None, message))
        return problems

    def source_path_problem(self, relative: str) -> str | None:
        """Why a source ``path`` is not acceptable, or ``None``: it must stay inside the folder."""
        if (
            not relative
            or "\\" in relative
            or relative.startswith("/")
            or ":" in relative
            or not relative.isprintable()
        ):
            return f"source path {relative!r} must be a relative path inside the data folder"
        if any(part in ("", ".", "..") for part in relative.split("/")):
            return f"source path {relative!r} may not leave the data folder"
        if self.folder is not None:
            root = os.path.realpath(self.folder)
            target = os.path.realpath(os.path.join(root, *relative.split("/")))
            if os.path.commonpath([root, target]) != root:
                return f"source path {relative!r} leads outside the data folder"
        return None


def parse_file(origin: Origin, part: Kind, problems: list[Problem]) -> tuple[list[Any], list[str]]:
    """The raw records and ``replaces`` list of one file; problems for a wrong file shape."""
    name = origin.name(part.file)
    try:
        data = origin.read(part.file)
    except OSError as error:
        problems.append(Problem(name, None, None, f"cannot read the file: {error.strerror}"))
        return [], []
    if data is None:
        return [], []
    try:
        # Decode first: json.loads(bytes) would silently accept UTF-16 and UTF-32.
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        problems.append(Problem(name, None, None, f"not UTF-8 text: {error.reason}"))
        return [], []
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        message = error.msg
        if error.pos == 0 and data.startswith(b"\xef\xbb\xbf"):
            message = "the file starts with a byte-order mark; save it as UTF-8 without one"
        problems.append(Problem(name, None, None, f"invalid JSON at {where}: {message}"))
        return [], []
    except RecursionError:
        problems.append(Problem(name, None, None, "invalid JSON: nested too deeply to read"))
        return [], []
    expected = f'{{"format": "{FORMAT}", "{part.name}": [...]}}'
    if type(document) is not dict:
        problems.append(Problem(name, None, None, f"expected a JSON object {expected}"))
        return [], []
    extra = sorted(set(document) - {"format", part.name, "replaces"})
    if extra:
        problems.append(Problem(name, None, extra[0], f"unknown key; expected {expected}"))
    got = document.get("format")
    upgrade = None
    if got != FORMAT:
        from ._upgrade import UPGRADES

        if got in UPGRADES:
            upgrade = UPGRADES[got].get(part.name)
        else:
            known = ", ".join(repr(f) for f in (FORMAT, *UPGRADES))
            message = (
                f"expected {FORMAT!r}, got {got!r}; this version reads {known} (files of an "
                "earlier format are upgraded as they load; write them back with Dataset.write)"
            )
            problems.append(Problem(name, None, "format", message))
    records = document.get(part.name)
    if type(records) is not list:
        problems.append(Problem(name, None, part.name, "expected a list of records"))
        records = []
    elif upgrade is not None:
        records = [upgrade(record) for record in records]
    replaces = document.get("replaces", [])
    if type(replaces) is not list or any(type(r) is not str for r in replaces):
        problems.append(Problem(name, None, "replaces", "expected a list of ids"))
        replaces = []
    elif replaces and origin.bundled:  # pragma: no cover - the bundled data replaces nothing
        problems.append(Problem(name, None, "replaces", "only a user's data replaces records"))
    return records, replaces


def _record_id(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and type(raw.get("id")) is str:
        return str(raw["id"])
    return f"#{index}"


def structure(
    cls: type[Any],
    structurer: Callable[[Any], Any],
    rows: list[tuple[str, Any]],
    problems: list[Problem],
    rejected: list[Any] | None = None,
) -> list[tuple[str, Any]]:
    """Structure raw ``(file, record)`` rows; every record that fails becomes located problems
    (and, when ``rejected`` is given, is appended to it)."""
    records = []
    for index, (file, raw) in enumerate(rows):
        try:
            records.append((file, structurer(raw)))
        except Exception as error:  # noqa: BLE001 - the converter explains any failure
            if rejected is not None:
                rejected.append(raw)
            from ._converter import describe_problems

            found = describe_problems(cls, raw)
            if not found:  # pragma: no cover - the test suite proves both paths agree
                found = [(None, f"rejected: {error}")]
            record = _record_id(raw, index)
            problems.extend(Problem(file, record, field, message) for field, message in found)
    return records


def read_part(
    part: Kind,
    origins: list[Origin],
    known: Known,
    problems: list[Problem],
) -> list[Any]:
    """Read, merge, structure and check one kind's file across ``origins`` (bundled first).

    A later origin's record with an id already given by an earlier one is a problem unless the
    later file lists the id in ``replaces``, in which case it takes the earlier record's place.
    """
    from ._structure import structurer

    cls, structure_one = structurer(part.name)
    rows: list[tuple[str, Any]] = []
    position: dict[str, int] = {}
    for origin in origins:
        file = origin.name(part.file)
        before = len(problems)
        records, replaces = parse_file(origin, part, problems)
        if not records and len(problems) > before:
            # The file's records could not be read at all: references to its kind are not
            # checked, so that one broken file is one problem, not one per reference to it.
            known.unreadable_kinds.add(part.name)
        replacing = set(replaces)
        for ident in replacing - position.keys():
            problems.append(
                Problem(file, ident, "replaces", f"replaces {ident!r}, which no earlier data has")
            )
        for index, raw in enumerate(records):
            ident = _record_id(raw, index)
            earlier = position.get(ident)
            if earlier is not None and rows[earlier][0] != file and ident in replacing:
                rows[earlier] = (file, raw)
                continue
            if earlier is not None and rows[earlier][0] != file:
                problems.append(
                    Problem(
                        file,
                        ident,
                        "id",
                        f"id {ident!r} is already in {rows[earlier][0]}; "
                        f'list it in "replaces" to replace that record',
                    )
                )
                continue
            position.setdefault(ident, len(rows))
            rows.append((file, raw))
    if part.name != "sources":  # spans written as quote anchors become offset spans
        _anchors.resolve_records(rows, known, problems)
    rejected: list[Any] = []
    pairs = structure(cls, structure_one, rows, problems, rejected)
    register(part, pairs, known, problems)
    if rejected:
        _know_rejected(part, rejected, known)
    if part.name == "sources":
        _read_texts(pairs, origins, known, problems)
    check_kind(part, pairs, known, problems)
    known.loaded_kind(part, problems)
    return [obj for _, obj in pairs]


def _know_rejected(part: Kind, rejected: list[Any], known: Known) -> None:
    """Make known the ids of records that failed to structure, so that references to them are
    not reported as problems of their own (the failed record's problems already are)."""
    from ._registry import NESTED

    for raw in rejected:
        if not isinstance(raw, dict) or type(raw.get("id")) is not str:
            continue
        known.ids[part.target].add(raw["id"])  # type: ignore[union-attr]
        if part.name == "sources":
            known.unreadable.add(raw["id"])
        for target, (name, field) in NESTED.items():
            held = raw.get(field) if name == part.name else None
            if isinstance(held, list):
                known.ids[target].update(  # type: ignore[union-attr]
                    o["id"] for o in held if isinstance(o, dict) and type(o.get("id")) is str
                )


def _read_texts(
    pairs: list[tuple[str, Any]], origins: list[Origin], known: Known, problems: list[Problem]
) -> None:
    """Read each source's text from its path, inside the folder its record came from."""
    origin_of_file = {origin.name("sources.json"): origin for origin in origins}
    paths: dict[str, str] = {}
    for file, source in pairs:
        origin = origin_of_file[file]
        reason = origin.source_path_problem(source.path)
        owner = paths.setdefault(source.path, source.id)
        if reason is None and owner != source.id:
            # Written back to one folder, the two would be one file.
            reason = f"source {owner!r} already has the path {source.path!r}"
        if reason is not None:
            problems.append(Problem(file, source.id, "path", reason))
            known.unreadable.add(source.id)
            continue
        try:
            data = origin.read(source.path)
        except OSError as error:
            problems.append(Problem(file, source.id, "path", f"cannot read: {error.strerror}"))
            known.unreadable.add(source.id)
            continue
        if data is None:
            problems.append(Problem(file, source.id, "path", f"no file {source.path!r}"))
            known.unreadable.add(source.id)
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(file, source.id, "path", f"not UTF-8 text: {error.reason}"))
            known.unreadable.add(source.id)
            continue
        object.__setattr__(source, "text", text)
        known.texts[source.id] = text


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a record is built.

    Building creates millions of small objects, none of them garbage; each collection pass would
    walk them all again (a third of the load time on a large dataset). Reference counting still
    frees everything as usual, and the collector is restored as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def raise_problems(problems: list[Problem]) -> None:
    """Raise one :class:`DataError` holding every problem, if there are any."""
    if problems:
        raise DataError(problems)
