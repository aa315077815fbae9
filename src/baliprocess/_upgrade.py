"""Reading data files of an earlier format: each is upgraded, record by record, on load.

``baliprocess/1`` files (before standing and contribution were told apart) still load: their
records are rewritten here into today's shape before they are structured, so a folder written by
an earlier version needs no conversion by hand (``Dataset.write`` then writes today's format).

What ``baliprocess/1`` -> ``baliprocess/2`` changes:

- an attendance row's ``role`` was one of ``member``, ``observer``, ``co-chair``, ``presenter``,
  ``other``; now a participant has one row per meeting with its standing (``member``,
  ``observer``, ``guest``, ``unstated``) and its ``contributions`` (``co-chaired``,
  ``presented``, ...). Rows of one participant are merged: a ``co-chair`` row becomes a
  ``co-chaired`` contribution, a ``presenter`` row a ``presented`` one, an ``other`` row only
  shows the participant there; the standing is ``member`` or ``observer`` when a row gives it,
  else ``unstated``. The same for bodies present.
- a location's ``city`` becomes its ``place`` (and stays its ``city``);
- a meeting gains a ``state``, ``unknown`` for upgraded files (nothing in them says).
"""

from __future__ import annotations

from typing import Any

__all__ = ["UPGRADES"]

_CONTRIBUTION_OF_ROLE = {"co-chair": "co-chaired", "presenter": "presented"}
_STANDINGS = ("member", "observer")
_V1_ROLES = frozenset({"member", "observer", "co-chair", "presenter", "other"})


def _merge(rows: Any, who: str) -> Any:
    """One row per participant (see the module's docstring); anything malformed (a role outside
    the first format's, a row that is not an object) is left as it is, for the checks to report
    against today's format. Problems of merged rows name their merged position."""
    if not isinstance(rows, list) or not all(
        isinstance(row, dict)
        and isinstance(row.get(who), str)
        and isinstance(row.get("span"), dict)
        and row.get("role") in _V1_ROLES
        for row in rows
    ):
        return rows
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        role = row.get("role")
        standing = role if role in _STANDINGS else None
        contribution = _CONTRIBUTION_OF_ROLE.get(role)
        entry = merged.get(row[who])
        if entry is None:
            entry = merged[row[who]] = {
                who: row[who],
                "role": standing or "unstated",
                "wording": row.get("wording"),
                "span": row["span"],
                "mentions": [],
                "contributions": [],
                "inferred": row.get("inferred"),
            }
        elif standing is not None and entry["role"] == "unstated":
            # The row that gives the standing is the participant's evidence.
            entry["mentions"].insert(0, entry["span"])
            entry.update(role=standing, wording=row.get("wording"), span=row["span"])
            entry["inferred"] = row.get("inferred")
        elif row["span"] != entry["span"] and row["span"] not in entry["mentions"]:
            entry["mentions"].append(row["span"])
        if contribution is not None:
            entry["contributions"].append(
                {"kind": contribution, "span": row["span"], "inferred": row.get("inferred")}
            )
    for entry in merged.values():
        entry["mentions"] = [s for s in entry["mentions"] if s != entry["span"]]
    return list(merged.values())


def _meeting_from_v1(record: Any) -> Any:
    if not isinstance(record, dict):
        return record
    record = dict(record)
    if "attendance" in record:
        record["attendance"] = _merge(record["attendance"], "member")
    if "bodies_present" in record:
        record["bodies_present"] = _merge(record["bodies_present"], "body")
    location = record.get("location")
    if isinstance(location, dict) and "city" in location and "place" not in location:
        record["location"] = {"place": location["city"], **location}
    record.setdefault("state", "unknown")
    return record


UPGRADES: dict[str, dict[str, Any]] = {
    "baliprocess/1": {"meetings": _meeting_from_v1},
}
"""Per earlier format, per kind: the function that rewrites one record into today's shape
(kinds not listed are unchanged)."""
