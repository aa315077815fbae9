"""The reader's working items as the record's own classes.

Attendance is built in ONE place, :func:`attendance_rows`: today's model has one ``role`` per
row (``member``, ``observer``, ``co-chair``, ``presenter``, ``other``); the reader keeps
standing and contributions apart, and this function is what changes when the model gets them.
"""

from __future__ import annotations

from typing import Any

from ._model import DParticipant

__all__ = ["attendance_rows"]

_STANDING_ROLE = {"member": "member", "observer": "observer", "guest": "other", "unstated": "other"}


def attendance_rows(participant: DParticipant) -> list[tuple[str, Any, str]]:
    """``(role, span range, wording)`` rows of today's ``Attendance`` for one participant.

    A stated standing gives a row of that role; a contribution gives a ``presenter`` (or
    ``co-chair``) row; a participant with neither is ``other``.
    """
    rows: list[tuple[str, Any, str]] = []
    if participant.standing != "unstated":
        rows.append((_STANDING_ROLE[participant.standing], participant.span, participant.wording))
    for contribution in participant.contributions:
        role = "co-chair" if contribution.kind == "co-chaired" else "presenter"
        if all(r[0] != role for r in rows):
            rows.append((role, participant.span, participant.wording))
    if not rows:
        rows.append(("other", participant.span, participant.wording))
    return rows
