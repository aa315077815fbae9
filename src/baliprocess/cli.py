"""The command line: ``python -m baliprocess`` (or ``baliprocess``).

- ``baliprocess`` / ``baliprocess meetings``: the meetings of the bundled record, as a table;
  one such command per kind of the registry (``members``, ``bodies``, ``documents``,
  ``commitments``, ``sources``), with the options of the kind's ``filter`` (``--year 2020``,
  ``--attended-by India``, ``--actor Australia``, ...) and ``--format table|json|csv``.
- ``baliprocess show ID``: any record (``kind:id`` when an id is ambiguous), with its quotes
  and source.
- ``baliprocess search TEXT``: records of every kind whose names or words match.
- ``baliprocess export FOLDER --format csv|datapackage|json|parquet``.
- ``baliprocess read FILE [--json] [--out DIR]``: read a statement into a draft (a review table).
- ``baliprocess check PATH``: validate a folder of data files added to the bundled record
  (``--alone``: on its own); every problem, with its location.
- ``baliprocess --version``.

Errors: a message on stderr; exit status 2 for a usage error (a bad option or value, a path
that does not exist), 1 for a data problem (a folder's problems, an unknown id to show).
A closed pipe (``baliprocess | head -1``) ends quietly.

The subcommands are :data:`COMMANDS`, a dict of name -> :class:`Command`: add one there.
"""

from __future__ import annotations

import argparse
import inspect
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

if TYPE_CHECKING:
    from .dataset import Dataset
    from .models import Commitment, Meeting

__all__ = ["COMMANDS", "Command", "main"]


def _when(meeting: Meeting) -> str:
    """The meeting's dates, as short as they stay exact: 2020-10-20..21, 2021-09-21,23."""
    start, end = meeting.start, meeting.end
    if start is None or end is None:
        return "undated"
    precision = meeting.date_precision.value
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}..{end.year}"
    if precision == "month":
        first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
        return first if first == last else f"{first}..{last}"
    days = meeting.days
    if days and len(days) != (end - start).days + 1:  # not every day between: list them
        head = days[0]
        rest = [
            f"{day.day:02d}" if (day.year, day.month) == (head.year, head.month) else str(day)
            for day in days[1:]
        ]
        return ",".join([head.isoformat(), *rest])
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.isoformat()}..{end.day:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def _where(meeting: Meeting) -> str:
    if meeting.virtual:
        return "virtual"
    if meeting.location is None:
        return "-"
    return f"{meeting.location.place}, {meeting.location.country}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "\u2026"


class UsageError(Exception):
    """A bad option value or a missing path: exit status 2."""


class DataProblem(Exception):
    """The data cannot answer: exit status 1."""


# -- the tables --------------------------------------------------------------------------------


def _width(out: TextIO) -> int | None:
    """The width to fit: ``COLUMNS`` or the terminal's; ``None`` (no limit) when piped."""
    if os.environ.get("COLUMNS", "").isdigit() or out.isatty():
        return shutil.get_terminal_size().columns
    return None


def render_table(
    out: TextIO, header: Sequence[str], rows: Sequence[Sequence[str]], footer: str
) -> None:
    """Columns padded to their widest cell; the last column is clipped to fit the width."""
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]
    limit = _width(out)
    if limit is not None:
        # Shrink the widest columns (never the first: the ids) until the row fits, the last
        # column keeping at least 20 characters where it has them.
        last = max(len(r[-1]) for r in (header, *rows))
        while sum(widths) + 2 * len(widths) + min(last, 20) > limit:
            # The ids shrink last, and never below 12 characters.
            shrinkable = [i for i in range(1, len(widths)) if widths[i] > 6]
            if not shrinkable and widths[0] > 12:
                shrinkable = [0]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
        rest = max(limit - sum(widths) - 2 * len(widths), 5)
    else:
        rest = None

    def line(cells: Sequence[str]) -> str:
        parts = [_clip(c, w).ljust(w) for c, w in zip(cells[:-1], widths, strict=True)]
        last = cells[-1] if rest is None else _clip(cells[-1], rest)
        return "  ".join((*parts, last)).rstrip()

    out.write(line(header) + "\n")
    out.write(line(["-" * w for w in widths] + ["-" * 5]) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
    out.write(f"\n{footer}\n")


def _meeting_row(m: Meeting) -> dict[str, str]:
    # Every participant, whatever its standing (members and bodies): not "0" where the
    # statements do not give the attendance.
    taking_part = len(m.attendance) + len(m.bodies_present)
    return {
        "id": m.id,
        "when": _when(m),
        "state": m.state.value,
        "where": _where(m),
        "participants": str(taking_part) if taking_part else "-",
        "outcomes": str(len(m.outcomes)) if m.outcomes else "-",
        "title": m.title,
    }


def _commitment_row(c: Commitment) -> dict[str, str]:
    history = c.history()
    evidence = f"{history[-1].span.source}: {history[-1].span.text}" if history else "-"
    return {
        "id": c.id,
        "made": str(c.made or "-"),
        "status": c.status.value,
        "evidence": evidence,
        "action": c.action,
    }


_ROWS: dict[str, Callable[[Any], dict[str, str]]] = {
    "meetings": _meeting_row,
    "commitments": _commitment_row,
}
"""Kinds shown with columns of their own in tables (the others: id, name, kind, date)."""


def _generic_row(record: Any) -> dict[str, str]:
    from ._display import _summary_columns

    row = {}
    for name in _summary_columns(type(record)):
        value = getattr(record, name)
        row[name] = "-" if value is None else str(getattr(value, "value", value))
    # The record's text last (its name, title or words), the column that takes the rest.
    label = next((n for n in ("name", "title") if n in row), None)
    if label is None:
        text = next(
            (
                getattr(record, n)
                for n in ("text", "action", "wording")
                if isinstance(getattr(record, n, None), str)
            ),
            str(record),
        )
        row["text"] = text
    else:
        row[label] = row.pop(label)
    return row


def print_records(out: TextIO, kind: str, records: Sequence[Any], fmt: str) -> None:
    """``records`` of ``kind`` as a table, JSON (the table's records) or CSV."""
    if fmt in ("json", "csv"):
        from ._tables import rows, table_specs

        table = table_specs()[kind]
        data = rows(table, records)
        if fmt == "json":
            import json

            out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        else:
            import csv

            from ._export import _csv_value

            writer = csv.writer(out, lineterminator="\n")
            writer.writerow([c.name for c in table.columns])
            for row in data:
                writer.writerow([_csv_value(row[c.name]) for c in table.columns])
        return
    make = _ROWS.get(kind, _generic_row)
    shown = [make(r) for r in records]
    header = list(shown[0]) if shown else ["id"]
    render_table(out, header, [list(r.values()) for r in shown], f"{len(shown)} {kind}")


# -- the commands ------------------------------------------------------------------------------


class Command(NamedTuple):
    """A subcommand: its help, how it adds its arguments, and what it runs (-> exit status)."""

    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO, TextIO], int]


def _dataset(path: str | None) -> Dataset:
    from .dataset import bundled, load
    from .errors import DataError

    if path is None:
        return bundled()
    if not os.path.isdir(path):
        raise UsageError(f"no data folder at {path!r}")
    try:
        return load(path)
    except DataError as error:
        raise DataProblem("\n".join(str(p) for p in error.problems)) from None


def _filter_options(kind: str) -> list[tuple[str, type[Any] | None]]:
    """The keyword parameters of the kind's ``filter``: (name, int, bool or None for text)."""
    from ._registry import KINDS

    method = getattr(KINDS[kind].collection_class(), "filter", None)
    if method is None:
        return []
    found: list[tuple[str, type[Any] | None]] = []
    for name, parameter in inspect.signature(method).parameters.items():
        if parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
            continue
        annotation = str(parameter.annotation)
        if "tuple" in annotation or "date" in annotation:
            continue  # not given on a command line
        if annotation.startswith("bool"):
            found.append((name, bool))
        elif annotation.startswith("int"):
            found.append((name, int))
        elif "bool" in annotation:
            found.append((name, str))  # a value, or true/false ("--contributed true")
        else:
            found.append((name, None))
    return found


def _text_or_yes_no(text: str) -> str | bool:
    """``true``/``false`` (and yes/no) as booleans; any other value as it is."""
    return {"true": True, "yes": True, "false": False, "no": False}.get(text.lower(), text)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a count (0 or more), not {text!r}")
    return int(text)


def _yes_no(text: str) -> bool:
    value = {"true": True, "yes": True, "false": False, "no": False}.get(text.lower())
    if value is None:
        raise argparse.ArgumentTypeError(f"expected true or false, not {text!r}")
    return value


def _list_command(kind: str) -> Command:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--data", help="a data folder to add to the bundled record")
        parser.add_argument(
            "--format", choices=("table", "json", "csv"), default="table", help="output format"
        )
        for name, kind_of in _filter_options(kind):
            option = "--" + name.replace("_", "-")
            if kind_of is bool:
                parser.add_argument(option, type=_yes_no, metavar="true|false", dest=name)
            elif kind_of is int:
                parser.add_argument(option, type=int, dest=name)
            elif kind_of is str:
                parser.add_argument(option, type=_text_or_yes_no, dest=name)
            else:
                parser.add_argument(option, dest=name)

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from .errors import InvalidQueryError, UnknownIdError

        collection = getattr(_dataset(args.data), kind)
        criteria = {
            name: getattr(args, name)
            for name, _ in _filter_options(kind)
            if getattr(args, name, None) is not None
        }
        if criteria:
            try:
                collection = collection.filter(**criteria)
            except (InvalidQueryError, UnknownIdError) as error:
                raise UsageError(str(error)) from None
        print_records(out, kind, collection.all(), args.format)
        return 0

    return Command(f"list the {kind} (options filter them)", configure, run)


def _find(dataset: Dataset, ident: str) -> list[tuple[str, Any]]:
    """(kind, record) of every record with this id, ``kind:id`` choosing one kind."""
    from ._registry import KINDS, NESTED

    kind_name, sep, rest = ident.partition(":")
    wanted = None
    kinds = {*KINDS, *(k.target for k in KINDS.values()), *NESTED}
    if sep and kind_name in kinds:
        wanted, ident = kind_name, rest
    found = []
    for kind in KINDS.values():
        if wanted not in (None, kind.name, kind.target):
            continue
        collection = getattr(dataset, kind.name)
        if ident in collection:
            found.append((kind.target, collection.get(ident)))
    for target, (holder, field) in NESTED.items():
        if wanted not in (None, target):
            continue
        for record in getattr(dataset, holder):
            for inner in getattr(record, field):
                if inner.id == ident:
                    found.append((target, inner))
    return found


def _show_text(record: Any, out: TextIO) -> None:
    import attrs

    from ._citation import cite

    out.write(f"{record}\n")
    for field in attrs.fields(type(record)):
        if not field.repr or not field.init or field.name in ("id", "span", "inferred"):
            continue
        value = getattr(record, field.name)
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            out.write(f"  {field.name}: {len(value)}\n")
            for item in value:
                out.write(f"    - {item}\n")
        else:
            out.write(f"  {field.name}: {getattr(value, 'value', value)}\n")
    for inference in getattr(record, "inferred", ()) or ():
        out.write(f"  inferred {inference.field}: {inference.reason}\n")
    try:
        citation = cite(record)
    except ValueError:
        return
    out.write(f"  quote: \u201c{citation.quote}\u201d\n")
    out.write(f"  source: {citation.source}: {citation.statement}\n")
    out.write(f"  url: {citation.url or 'no public URL known'}\n")
    out.write(f"  data: {citation.data_version}\n")


def _show() -> Command:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("id", help="a record's id (kind:id when an id is ambiguous)")
        parser.add_argument("--data", help="a data folder to add to the bundled record")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        found = _find(_dataset(args.data), args.id)
        if not found:
            raise DataProblem(f"no record has the id {args.id!r}")
        if len(found) > 1:
            choices = ", ".join(f"{kind}:{record.id}" for kind, record in found)
            raise UsageError(f"{args.id!r} is ambiguous: say which, one of {choices}")
        _, record = found[0]
        if args.format == "json":
            import json

            from ._converter import converter

            out.write(json.dumps(converter.unstructure(record), indent=2, ensure_ascii=False))
            out.write("\n")
        else:
            _show_text(record, out)
        return 0

    return Command("show one record, with its quotes and source", configure, run)


def _search() -> Command:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("text", help="words to look for")
        parser.add_argument("--data", help="a data folder to add to the bundled record")
        parser.add_argument("--limit", type=_count, default=10, help="at most this many per kind")

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        import attrs

        from ._normalize import fold
        from ._registry import KINDS, NESTED

        dataset = _dataset(args.data)
        query = fold(args.text)
        rows: list[list[str]] = []
        for kind in KINDS.values():
            collection = getattr(dataset, kind.name)
            hits: dict[str, Any] = {}
            if hasattr(collection, "search"):
                hits.update((r.id, r) for r in collection.search(args.text, limit=args.limit))
            for record in collection:
                if len(hits) >= args.limit:
                    break
                texts = (
                    getattr(record, f.name)
                    for f in attrs.fields(type(record))
                    if f.init and f.repr and f.type in ("str", str)
                )
                if query and any(query in fold(t) for t in texts if isinstance(t, str)):
                    hits.setdefault(record.id, record)
            rows.extend([kind.target, r.id, _clip(str(r), 200)] for r in hits.values())
        for target, (holder, field) in NESTED.items():
            nested = [
                inner
                for record in getattr(dataset, holder)
                for inner in getattr(record, field)
                if query and query in fold(str(getattr(inner, "text", "")))
            ]
            rows.extend([target, r.id, _clip(str(r), 200)] for r in nested[: args.limit])
        render_table(out, ["kind", "id", "record"], rows, f"{len(rows)} found")
        return 0 if rows else 1

    return Command("search every kind of record", configure, run)


def _export() -> Command:
    from ._export import FORMATS

    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("folder", help="the folder to write (created if needed)")
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--data", help="a data folder to add to the bundled record")

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        dataset = _dataset(args.data)
        try:
            written = dataset.export(args.folder, format=args.format)
        except ImportError as error:
            raise UsageError(str(error)) from None
        out.write(f"wrote {len(written)} files to {args.folder} ({args.format})\n")
        return 0

    return Command("export the tables or the data files", configure, run)


def check(path: str, out: TextIO, err: TextIO, *, alone: bool = False) -> int:
    from .dataset import load
    from .errors import DataError

    try:
        dataset = load(path, bundled=not alone)
    except FileNotFoundError as error:
        err.write(f"baliprocess: error: {error}\n")
        return 2
    except DataError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        err.write(f"{len(error.problems)} problem(s) in {path}\n")
        return 1
    from ._registry import KINDS

    counts = ", ".join(f"{len(getattr(dataset, name))} {name}" for name in KINDS)
    scope = "on its own" if alone else "with the bundled record"
    out.write(f"ok: {path} is valid ({counts}, {scope})\n")
    return 0


def _check() -> Command:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("path", help="the folder holding the data files")
        parser.add_argument(
            "--alone",
            action="store_true",
            help="check the folder on its own, not added to the bundled record",
        )

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        return check(args.path, out, err, alone=args.alone)

    return Command("validate a folder of data files", configure, run)


def _commands() -> dict[str, Command]:
    from ._registry import KINDS

    commands = {name: _list_command(name) for name in KINDS}
    commands.update(show=_show(), search=_search(), export=_export(), check=_check(), read=_read())
    return commands


def _read() -> Command:
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", help="the statement: plain text, markdown or pasted text")
        parser.add_argument("--json", action="store_true", help="print the draft as JSON")
        parser.add_argument("--out", help="write the draft's data files to this folder")

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        if not os.path.isfile(args.file):
            raise UsageError(f"no file {args.file!r}")
        from ._reader.cli import run as read

        return read(args.file, as_json=args.json, out=args.out)

    return Command("read a statement into a draft record (a review table)", configure, run)


COMMANDS: dict[str, Command] = {}
"""name -> subcommand; filled on first use (one list command per kind of the registry)."""


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    if not COMMANDS:
        COMMANDS.update(_commands())
    parser = argparse.ArgumentParser(
        prog="baliprocess",
        description="The typed, source-linked record of the Bali Process.",
        epilog="Exit status: 0 ok, 1 a data problem, 2 a usage error.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"baliprocess {__version__}",
        help="print the version and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = subparsers.add_parser(name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    out, err = sys.stdout, sys.stderr
    try:
        parser = _parser()
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args(["meetings"])
        try:
            status: int = args.run(args, out, err)
        except UsageError as error:
            err.write(f"baliprocess: error: {error}\n")
            return 2
        except DataProblem as error:
            err.write(f"{error}\n")
            return 1
        out.flush()
    except BrokenPipeError:
        # The reader went away (``| head -1``): stop quietly, and keep Python's final flush
        # from failing again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return status
