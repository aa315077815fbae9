"""Publishers and official URLs of the bundled statements, where known.

TO BE FOLDED INTO THE DATA: these values belong in the sources' ``publisher`` and ``url`` fields
of the curated record (``curation/`` and ``src/baliprocess/data/sources.json``). They are kept
here, apart from the data files, only until the curation is regenerated with them; then this
table goes and :func:`baliprocess._citation.link_of` reads the fields alone. A value in the data
always wins over this table.

No public URL is known for the Co-Chairs' statement of the 4th AHG SOM (``ahg-som-4``, 2011):
its ``url`` is ``None`` and a citation says so. The event page of the 6th TIPWG meeting
summarises the Co-Chairs' statement that is bundled (it is not the statement itself).
"""

from __future__ import annotations

__all__ = ["SOURCE_LINKS"]

_BALI_PROCESS = (
    "The Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime"
)

SOURCE_LINKS: dict[str, dict[str, str | None]] = {
    "ahg-som-4": {"publisher": None, "url": None},
    "ahg-som-12": {
        "publisher": _BALI_PROCESS,
        "url": "https://www.baliprocess.net/event/twelfth-meeting-of-the-ad-hoc-group-senior-officials/",
    },
    "ahg-som-15": {
        "publisher": _BALI_PROCESS,
        "url": "https://baliprocess.net/event/15th-ad-hoc-senior-officials-meeting/",
    },
    "wg-tip-6": {
        "publisher": _BALI_PROCESS,
        "url": "https://baliprocess.net/event/bali-process-working-group-on-trafficking-in-persons-sixth-annual-meeting/",
    },
    "wg-tip-7": {
        "publisher": _BALI_PROCESS,
        "url": "https://baliprocess.net/event/seventh-annual-meeting-of-the-trafficking-in-persons-working-group-and-regional-webinar-on-combatting-trafficking-in-persons-in-the-covid-19-recovery-phase/",
    },
}
"""source id -> its publisher and official URL (``None`` where unknown)."""
