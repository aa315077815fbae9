"""The statement reader: a Bali Process statement's text -> a draft record with spans.

``baliprocess.read_statement(text)`` (resolved lazily: ``import baliprocess`` does not import
this package). Rule-based, deterministic and pure Python; see ``docs/reader.md``.

Modules: :mod:`._text` (blocks and sentences with an offset map), :mod:`._dates`,
:mod:`._names` (members, bodies, documents, the country list, the gazetteer),
:mod:`._meetings` (titles, numbers, kinds, dates and places), :mod:`._read` (participants,
co-chairs, counts, purposes, agenda, outcomes, commitments), :mod:`._records` (the attendance
mapping), :mod:`._draft` (the :class:`Draft`), :mod:`.cli` (``python -m baliprocess read``).
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from ._draft import Draft, Provenance, Unresolved

__all__ = ["Draft", "Provenance", "Unresolved", "read_statement"]

_resolvers: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _resolver(dataset: Any) -> Any:
    from ._names import Resolver

    with _lock:
        found = _resolvers.get(dataset)
        if found is None:
            found = _resolvers[dataset] = Resolver(dataset)
    return found


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "statement"


def read_statement(text: str, *, source_id: str | None = None, dataset: Any = None) -> Draft:
    """Read one statement (plain text, markdown, or text pasted from a PDF or web page).

    Names resolve against ``dataset`` (the bundled record when ``None``), the ISO 3166-1
    country list and the bundled gazetteer. Every span indexes ``text`` exactly as passed in.
    Never raises on any string; reading the same text twice gives an equal draft.

    >>> import baliprocess as bp
    >>> draft = bp.read_statement("On 9 March 2011, officials met in Bangkok, Thailand.")
    >>> draft.meetings
    ()
    """
    from ._read import read

    if not isinstance(text, str):
        text = str(text)
    if dataset is None:
        from ..dataset import bundled

        dataset = bundled()
    resolver = _resolver(dataset)
    try:
        reading = read(text, resolver)
    except Exception as error:  # noqa: BLE001 - last resort: recorded, never silent
        reading = _failed(text, "read", error)
    if source_id is None:
        main = next((m for m in reading.meetings if m.primary), None)
        source_id = _slug(main.key) if main is not None else "statement"
    try:
        return Draft(text, source_id, reading, resolver)
    except Exception as error:  # noqa: BLE001 - last resort: recorded, never silent
        return Draft(text, source_id, _failed(text, "build", error), resolver)


def _failed(text: str, stage: str, error: Exception) -> Any:
    """An empty reading that records why the reader failed, as an unresolved item spanning
    the whole text (so that a reviewer sees it), with the error in its context."""
    from ._model import Loose
    from ._read import Reading

    reading = Reading()
    reading.loose.append(
        Loose(text[:0], (0, 0), f"reader failed ({stage}): {type(error).__name__}: {error}")
    )
    reading.failure = f"{stage}: {type(error).__name__}: {error}"  # type: ignore[attr-defined]
    return reading
