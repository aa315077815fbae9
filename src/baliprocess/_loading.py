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
import os
import re
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ._checks import check_kind, register
from ._registry import FORMAT, KINDS, Kind
from ._resources import read_bundled
from .errors import DataError, Problem

if TYPE_CHECKING:
    from ._checks import Known

__all__ = ["FORMAT", "Origin", "read_part"]

_FILES = frozenset(kind.file for kind in KINDS.values())


class _Strict:
    """What ``json.JSONDecoder()`` gives json's C scanner: strict strings, plain ints and
    floats, and NaN and the infinities read as ``json.loads`` reads them."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.get


# json's own C scanner, driven without importing json (json's import is a few percent of a
# first answer); json itself is imported only for a file that fails, to say why.
_SCAN: Callable[[str, int], tuple[Any, int]]
_scanstring: Callable[[str, int], tuple[str, int]]
try:
    from _json import make_scanner, scanstring

    _SCAN, _scanstring = make_scanner(_Strict()), scanstring  # type: ignore[arg-type]
except ImportError:  # pragma: no cover - CPython has _json; elsewhere, json's own scanner
    import json

    _SCAN, _scanstring = json.JSONDecoder().scan_once, json.decoder.scanstring  # type: ignore[attr-defined]
_WHITESPACE: Callable[[str, int], Any] = re.compile(r"[ \t\n\r]*").match


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


_STREAMED = object()
"""Stands for the records array in a document read by :func:`_stream`."""


def _stream(text: str, key: str, each: Callable[[Any], None]) -> dict[str, Any] | None:
    """Read the JSON object in ``text``, handing each element of its ``key`` array to ``each``
    as soon as it is decoded, instead of building the array (which then never exists whole).

    Returns the object's other members (``key`` maps to :data:`_STREAMED`), or ``None`` when
    the text is not such an object or is not valid JSON: the caller then reads it with
    ``json.loads`` for the exact error, and forgets what ``each`` was given.
    """
    scan = _SCAN
    skip = _WHITESPACE
    document: dict[str, Any] = {}
    try:
        i = skip(text, 0).end()
        if text[i] != "{":
            return None
        i = skip(text, i + 1).end()
        if text[i] == "}":
            i += 1
        else:
            while True:
                if text[i] != '"':
                    return None
                name, i = _scanstring(text, i + 1)
                i = skip(text, i).end()
                if text[i] != ":":
                    return None
                i = skip(text, i + 1).end()
                if name == key:
                    if key in document or text[i] != "[":
                        return None  # a repeated or misshapen array: json.loads decides
                    i = skip(text, i + 1).end()
                    if text[i] == "]":
                        i += 1
                    else:
                        while True:
                            value, i = scan(text, i)
                            each(value)
                            del value
                            i = skip(text, i).end()
                            char = text[i]
                            i = skip(text, i + 1).end()
                            if char == "]":
                                break
                            if char != ",":
                                return None
                    document[name] = _STREAMED
                else:
                    document[name], i = scan(text, i)
                i = skip(text, i).end()
                char = text[i]
                i += 1
                if char == "}":
                    break
                if char != ",":
                    return None
                i = skip(text, i).end()
        if skip(text, i).end() != len(text):
            return None
    except (ValueError, IndexError, StopIteration, RecursionError):
        return None
    return document


_FORMAT_FIRST = re.compile(r'\s*\{\s*"format"\s*:\s*"([^"\\]*)"')


def _noting_repeats(repeated: list[str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that builds dicts as ``json`` does, noting repeated keys (which
    ``json`` would silently resolve to the last value)."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built = dict(pairs)
        if len(built) != len(pairs):
            seen: set[str] = set()
            repeated.extend(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return built

    return build


def parse_file(
    origin: Origin,
    part: Kind,
    problems: list[Problem],
    each: Callable[[Any], None],
    forget: Callable[[], None],
) -> tuple[bool, list[str]]:
    """Read one file, handing each raw record to ``each`` as soon as it is decoded.

    Returns whether any record could be read and the ``replaces`` list; a wrong file shape is
    a problem. The file's text is decoded record by record, so that its parsed form never
    exists whole (it takes several times the file's size): each record is structured, and its
    raw form freed, before the next is decoded. A record of a file in an earlier format is
    upgraded first (:mod:`._upgrade`).
    """
    name = origin.name(part.file)
    try:
        data = origin.read(part.file)
    except OSError as error:
        problems.append(Problem(name, None, None, f"cannot read the file: {error.strerror}"))
        return False, []
    if data is None:
        return False, []
    try:
        # Decode first: json.loads(bytes) would silently accept UTF-16 and UTF-32.
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(name, None, None, f"not UTF-8 text: {error.reason}"))
        return False, []
    starts_with_bom = data.startswith(b"\xef\xbb\xbf")
    del data
    # An earlier format is upgraded record by record: its name must come first in the file
    # (as every writer puts it), since records are structured as soon as they are decoded.
    first = _FORMAT_FIRST.match(text)
    declared = first.group(1) if first else None
    upgrade = None
    if declared is not None and declared != FORMAT:
        from ._upgrade import UPGRADES

        upgrade = UPGRADES.get(declared, {}).get(part.name)

    def feed(raw: Any) -> None:
        each(raw if upgrade is None else upgrade(raw))

    reported = len(problems)
    document = _stream(text, part.name, feed)
    if document is None:
        # Not the expected shape, or not JSON: read it whole for the exact problem (and forget
        # what the records streamed so far gave, problems included: they are read again).
        forget()
        del problems[reported:]
        import json

        repeated: list[str] = []
        try:
            document = json.loads(text, object_pairs_hook=_noting_repeats(repeated))
        except json.JSONDecodeError as error:
            where = f"line {error.lineno} column {error.colno}"
            message = error.msg
            if error.pos == 0 and starts_with_bom:
                message = "the file starts with a byte-order mark; save it as UTF-8 without one"
            problems.append(Problem(name, None, None, f"invalid JSON at {where}: {message}"))
            return False, []
        except RecursionError:
            problems.append(Problem(name, None, None, "invalid JSON: nested too deeply to read"))
            return False, []
        del text
        for key in dict.fromkeys(repeated):
            message = f"the key {key!r} is written more than once in an object; keep one"
            problems.append(Problem(name, None, key, message))
        if type(document) is dict and type(document.get(part.name)) is list:
            for raw in document[part.name]:
                feed(raw)
            document[part.name] = _STREAMED
    else:
        del text
    expected = f'{{"format": "{FORMAT}", "{part.name}": [...]}}'
    if type(document) is not dict:
        problems.append(Problem(name, None, None, f"expected a JSON object {expected}"))
        return False, []
    extra = sorted(set(document) - {"format", part.name, "replaces"})
    if extra:
        problems.append(Problem(name, None, extra[0], f"unknown key; expected {expected}"))
    got = document.get("format")
    if got != FORMAT:
        from ._upgrade import UPGRADES

        if got not in UPGRADES:
            known = ", ".join(repr(f) for f in (FORMAT, *UPGRADES))
            message = (
                f"expected {FORMAT!r}, got {got!r}; this version reads {known} (files of an "
                "earlier format are upgraded as they load; write them back with Dataset.write)"
            )
            problems.append(Problem(name, None, "format", message))
        elif got != declared:
            message = f'a file in the earlier format {got!r} is upgraded only with "format" first'
            problems.append(Problem(name, None, "format", message))
    readable = document.get(part.name) is _STREAMED
    if not readable:
        problems.append(Problem(name, None, part.name, "expected a list of records"))
    replaces = document.get("replaces", [])
    if type(replaces) is not list or any(type(r) is not str for r in replaces):
        problems.append(Problem(name, None, "replaces", "expected a list of ids"))
        replaces = []
    elif replaces and origin.bundled:  # pragma: no cover - the bundled data replaces nothing
        problems.append(Problem(name, None, "replaces", "only a user's data replaces records"))
    return readable, replaces


def _record_id(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and type(raw.get("id")) is str:
        return str(raw["id"])
    return f"#{index}"


def _explain(
    cls: type[Any],
    file: str,
    raw: Any,
    record: str,
    problems: list[Problem],
    rejected: list[Any] | None,
) -> None:
    """The located problems of a raw record that the fast path rejected."""
    if rejected is not None:
        rejected.append(raw)
    from ._converter import describe_problems

    found = describe_problems(cls, raw)
    if not found:  # pragma: no cover - the test suite proves both paths agree
        found = [(None, "rejected by the fast structuring path")]
    problems.extend(Problem(file, record, field, message) for field, message in found)


class _Row:
    """One record of a file: structured, or (``raw``) rejected by the fast path.

    ``verified``: ``False`` unless structuring found every span, reference and inferred field
    of the record sound; then ``None``, or the refs that waited for this kind's ids.
    """

    __slots__ = ("file", "ident", "obj", "raw", "verified")

    def __init__(self, file: str, ident: str, obj: Any, raw: Any, verified: Any) -> None:
        self.file = file
        self.ident = ident
        self.obj = obj
        self.raw = raw
        self.verified = verified


def read_part(
    part: Kind,
    origins: list[Origin],
    known: Known,
    problems: list[Problem],
) -> list[Any]:
    """Read, merge, structure and check one kind's file across ``origins`` (bundled first).

    A later origin's record with an id already given by an earlier one is a problem unless the
    later file lists the id in ``replaces``, in which case it takes the earlier record's place.
    Each record is structured as soon as it is decoded; a record the fast path rejects keeps
    its raw form, and is explained (in file order) once the files are merged.
    """
    from ._structure import verifier

    cls, structure_one = verifier(part.name)
    texts, ids, loaded, spans = known.texts, known.ids, known.loaded, known.spans
    resolves = part.name != "sources"  # sources are read before their texts: none to quote
    rows: list[_Row] = []
    position: dict[str, int] = {}
    for origin in origins:
        file = origin.name(part.file)
        before = len(problems)
        entries: list[_Row] = []

        def each(raw: Any, file: str = file, entries: list[_Row] = entries) -> None:
            while True:
                try:
                    obj, sound, waiting = structure_one(raw, texts, ids, loaded, spans)
                except Exception:  # noqa: BLE001 - explained after the merge
                    # A span written as a quote anchor (:mod:`._anchors`) is not a Span: the
                    # fast path rejects every record that holds one, and only those are
                    # searched for anchors, which become offset spans before the record is
                    # structured again.
                    if resolves and _resolved(file, raw, len(entries), known, problems):
                        continue
                    entries.append(_Row(file, _record_id(raw, len(entries)), None, raw, False))
                else:
                    entries.append(_Row(file, obj.id, obj, None, waiting if sound else False))
                return

        readable, replaces = parse_file(origin, part, problems, each, entries.clear)
        if not entries and len(problems) > before:
            # The file's records could not be read at all: references to its kind are not
            # checked, so that one broken file is one problem, not one per reference to it.
            known.unreadable_kinds.add(part.name)
        del readable
        replacing = set(replaces)
        for ident in replacing - position.keys():
            problems.append(
                Problem(file, ident, "replaces", f"replaces {ident!r}, which no earlier data has")
            )
        for row in entries:
            ident = row.ident
            earlier = position.get(ident)
            if earlier is not None and rows[earlier].file != file and ident in replacing:
                rows[earlier] = row
                continue
            if earlier is not None and rows[earlier].file != file:
                problems.append(
                    Problem(
                        file,
                        ident,
                        "id",
                        f"id {ident!r} is already in {rows[earlier].file}; "
                        f'list it in "replaces" to replace that record',
                    )
                )
                continue
            position.setdefault(ident, len(rows))
            rows.append(row)
    rejected: list[Any] = []
    pairs: list[tuple[str, Any]] = []
    verified: list[Any] = []
    for row in rows:
        if row.raw is None:
            pairs.append((row.file, row.obj))
            verified.append(row.verified)
        else:  # named by its id, or its position in its own file ("#2")
            _explain(cls, row.file, row.raw, row.ident, problems, rejected)
    del rows, position
    register(part, pairs, known, problems)
    if rejected:
        _know_rejected(part, rejected, known)
    if part.name == "sources":
        _read_texts(pairs, origins, known, problems)
    # The refs that waited for this kind's ids (and those of the records it holds).
    verified = [
        v is None or (v is not False and all(r.id in ids[r.kind] for r in v)) for v in verified
    ]
    check_kind(part, pairs, known, problems, verified)
    known.loaded_kind(part, problems)
    return [obj for _, obj in pairs]


def _resolved(file: str, raw: Any, index: int, known: Known, problems: list[Problem]) -> bool:
    """Whether ``raw`` held quote anchors, now replaced (in place) by offset spans."""
    from ._anchors import resolve_record

    return resolve_record(file, raw, _record_id(raw, index), known, problems)


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


_ACTIVE = [0]
_ACTIVE_LOCK = threading.Lock()


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while a record is built; freeze what was built.

    Building creates about a million small objects, none of them garbage; each collection pass
    would walk them all again. Reference counting still frees everything as usual, and the
    collector is restored as it was. With ``freeze`` (a whole dataset loaded by :func:`load`,
    which may be large), what is already garbage is collected first, and once the outermost
    load succeeds, :func:`gc.freeze` moves every object then alive to the collector's permanent
    generation, so that no later collection in the user's process walks the record again (a
    full collection of a 10,000-meeting record would otherwise take most of a second, every
    time). A load that fails freezes nothing. A record holds no reference cycle (records reach
    their dataset through a weak link), so a dataset the user drops is still freed, frozen or
    not, by reference counting alone. Garbage that other threads make during a load is frozen
    with it. The bundled record, read part by part and small, is not frozen.
    """
    from ._structure import release_shared

    was_enabled = gc.isenabled()
    with _ACTIVE_LOCK:
        first = not _ACTIVE[0]
        _ACTIVE[0] += 1
    if freeze and first and was_enabled:
        # Collect what is already garbage, so that freezing after the load does not make it
        # permanent (frozen objects are never collected). Objects frozen by an earlier load
        # are not walked again.
        gc.collect()
    gc.disable()
    done = False
    try:
        yield
        done = True
    finally:
        with _ACTIVE_LOCK:
            _ACTIVE[0] -= 1
            last = not _ACTIVE[0]
        if last:
            release_shared()
            if done and freeze:
                gc.freeze()
        if was_enabled:
            gc.enable()


def raise_problems(problems: list[Problem]) -> None:
    """Raise one :class:`DataError` holding every problem, if there are any."""
    if problems:
        raise DataError(problems)
