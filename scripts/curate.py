#!/usr/bin/env python3
"""Build the bundled baliprocess data files from a readable description of the facts.

This script *is* the curation: every fact below is written out in Python, with the exact words
of the statement it comes from. Offsets are never typed by hand; each quote is looked up in its
source text (read as UTF-8 with no newline translation) and the script stops with an error when
a quote is missing or matches more than once without saying which occurrence is meant.

    python scripts/curate.py           # (re)write src/baliprocess/data/*.json, then verify them
    python scripts/curate.py --check   # verify; fail if the files differ from what would be built

Quotes (see ``Src.__call__``):

    A4("Australia")                         the only whole-word occurrence (else an error)
    A4("Australia", occ=1)                  the second occurrence (0-based)
    A4("Australia", after="In attendance")  the first occurrence after a unique anchor
    A4("Colombo", within="Second Meeting")  the only occurrence inside the line holding an anchor

Conventions used throughout:

- ``wording`` (attendance) keeps the statement's own name for a member, article included
  ("the IOM", "Unites States (USA)"); ``aliases`` hold every other spelling, without repeating
  spellings that differ from the name or another alias only by case, punctuation or a leading
  "the" (the library folds those together when it looks names up).
- Outcome ``text`` is the sentence or bullet verbatim. In the markdown statement the emphasis
  markers are left out of ``text`` and one sentence runs across a repeated page header; its
  ``text`` joins the two halves while its ``span`` covers the exact source range.
- Anything inferred rather than stated carries its reason (``inferred``).
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import Any

from baliprocess._export import dumps
from baliprocess._normalize import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "baliprocess" / "data"
FORMAT = "baliprocess/1"


class CurationError(Exception):
    """A quote that cannot be found, or found more than once, or a broken reference."""


def fail(message: str) -> None:
    raise CurationError(message)


# ---------------------------------------------------------------------------------------------
# Sources and quotes
# ---------------------------------------------------------------------------------------------

SOURCES: dict[str, Src] = {}


class Src:
    """One statement: its metadata, its text, and quote lookup (``S("words")`` -> span)."""

    def __init__(
        self, id: str, file: str, title: str, date: str, format: str, meetings: list[str]
    ) -> None:
        self.id = id
        self.path = f"sources/{file}"
        self.title = title
        self.date = date
        self.format = format
        self.meetings = meetings
        with open(DATA / self.path, encoding="utf-8", newline="") as handle:
            self.text = handle.read()
        SOURCES[id] = self

    def _matches(self, quote: str, lo: int = 0, hi: int | None = None) -> list[int]:
        """Start offsets of ``quote`` in ``text[lo:hi]`` that are not inside a longer word."""
        text, hi = self.text, len(self.text) if hi is None else hi
        found, i = [], text.find(quote, lo, hi)
        while i != -1:
            before = text[i - 1] if i > 0 else " "
            after = text[i + len(quote)] if i + len(quote) < len(text) else " "
            if not (quote[0].isalnum() and before.isalnum()) and not (
                quote[-1].isalnum() and after.isalnum()
            ):
                found.append(i)
            i = text.find(quote, i + 1, hi)
        return found

    def _unique(self, quote: str, what: str = "quote") -> int:
        found = self._matches(quote)
        if len(found) != 1:
            fail(f"{self.id}: {what} {quote!r} occurs {len(found)} times; expected exactly once")
        return found[0]

    def __call__(
        self,
        quote: str,
        *,
        occ: int | None = None,
        after: str | None = None,
        within: str | None = None,
    ) -> dict[str, Any]:
        lo, hi = 0, len(self.text)
        if after is not None:
            lo = self._unique(after, "anchor") + len(after)
        if within is not None:
            at = self._unique(within, "anchor")
            lo = self.text.rfind("\n", 0, at) + 1
            end = self.text.find("\n", at)
            hi = len(self.text) if end == -1 else end
        found = self._matches(quote, lo, hi)
        if not found:
            fail(f"{self.id}: quote {quote!r} not found")
        if occ is None:
            if after is None and len(found) > 1:
                fail(f"{self.id}: quote {quote!r} is ambiguous ({len(found)} matches); use occ=")
            start = found[0]
        else:
            if occ >= len(found):
                fail(f"{self.id}: quote {quote!r} has no occurrence {occ} ({len(found)} found)")
            start = found[occ]
        return span(self.id, start, start + len(quote))

    def between(self, first: str, last: str) -> dict[str, Any]:
        """From the start of the unique ``first`` to the end of the first ``last`` after it."""
        start = self._unique(first)
        ends = [i for i in self._matches(last, start) if i >= start]
        if not ends:
            fail(f"{self.id}: {last!r} not found after {first!r}")
        return span(self.id, start, ends[0] + len(last))


def span(source: str, start: int, end: int) -> dict[str, Any]:
    return {"source": source, "start": start, "end": end, "text": SOURCES[source].text[start:end]}


A4 = Src(
    "ahg-som-4",
    "ahg-som-4.txt",
    "Fourth Meeting of Ad Hoc Group Senior Officials, Bali, 9 March 2011",
    "2011-03-09",
    "text",
    ["ahg-som-4", "tewg-ima-2", "tewg-ima-3"],
)
A12 = Src(
    "ahg-som-12",
    "ahg-som-12.txt",
    "Twelfth Meeting of the Ad Hoc Group Senior Officials (AHG SOM), Kuala Lumpur, 31 October 2017",
    "2017-10-31",
    "text",
    ["ahg-som-12", "rbdes-workshop-1"],
)
A15 = Src(
    "ahg-som-15",
    "ahg-som-15.txt",
    "Fifteenth Meeting of the Ad Hoc Group Senior Officials (AHG SOM), 20-21 October 2020",
    "2020-10-20",
    "text",
    ["ahg-som-15"],
)
W6 = Src(
    "wg-tip-6",
    "wg-tip-6.md",
    "Co-Chairs' Statement: Sixth Annual Meeting of the Bali Process Trafficking in Persons "
    "Working Group, 10 November 2020",
    "2020-11-10",
    "markdown",
    ["wg-tip-6"],
)
W7 = Src(
    "wg-tip-7",
    "wg-tip-7.txt",
    "Seventh Annual Meeting and Regional Webinar of the Bali Process Working Group on "
    "Trafficking in Persons, 21 and 23 September 2021",
    "2021-09-21",
    "text",
    ["wg-tip-7", "wg-tip-webinar-2021"],
)

# The page header the markdown statement repeats at a page break, in mid-sentence.
PAGE_HEADER = re.compile(
    r"\s*\n# The Bali Process\n+on People Smuggling, Trafficking in Persons and Related "
    r"Transnational Crime\n+"
)


def plain(text: str) -> str:
    """Source words without markdown emphasis or a repeated page header."""
    return PAGE_HEADER.sub(" ", text).replace("*", "")


# ---------------------------------------------------------------------------------------------
# Small builders: each returns a dict whose keys follow the field order of the model classes
# ---------------------------------------------------------------------------------------------


def member(ref: str) -> str:
    return f"member:{ref}"


def body(ref: str) -> str:
    return f"body:{ref}"


def doc(ref: str) -> str:
    return f"document:{ref}"


def meet(ref: str) -> str:
    return f"meeting:{ref}"


def group(ref: str) -> str:
    return f"group:{ref}"


MEMBERS_ = group("members")
PARTICIPANTS = group("participants")
CO_CHAIRS = group("co-chairs")
PANELLISTS = group("panellists")
MINISTERS = group("ministers")


def inf(field: str, reason: str) -> dict[str, str]:
    return {"field": field, "reason": reason}


def passage(s: dict[str, Any]) -> dict[str, Any]:
    return {"text": plain(s["text"]), "span": s}


# -- members ----------------------------------------------------------------------------------


def claim(status: str, s: dict[str, Any], inferred: str | None = None) -> dict[str, Any]:
    return {"status": status, "as_of": SOURCES[s["source"]].date, "span": s, "inferred": inferred}


def state(
    iso3: str,
    iso2: str,
    name: str,
    s: dict[str, Any],
    aliases: tuple[str, ...] = (),
    status: tuple[dict[str, Any], ...] = (),
    note: str | None = None,
) -> dict[str, Any]:
    return {
        "id": iso3,
        "name": name,
        "kind": "state",
        "aliases": list(aliases),
        "iso2": iso2,
        "iso3": iso3,
        "status": list(status),
        "note": note,
        "span": s,
        "inferred": [],
    }


def org(
    id: str,
    name: str,
    kind: str,
    s: dict[str, Any],
    aliases: tuple[str, ...] = (),
    status: tuple[dict[str, Any], ...] = (),
    note: str | None = None,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "kind": kind,
        "aliases": list(aliases),
        "iso2": None,
        "iso3": None,
        "status": list(status),
        "note": note,
        "span": s,
        "inferred": [],
    }


IO = "international-organisation"
OTHER = "other-organisation"

# Bali Process members by the words of wg-tip-7 ("observed by Bali Process members ...").
W7_MEMBERS = W7(
    "Bali Process members Singapore, Timor-Leste and the International Labour Organization"
)

MEMBERS = [
    state("AFG", "AF", "Afghanistan", A4("Afghanistan")),
    state(
        "ARE",
        "AE",
        "United Arab Emirates",
        A12("United Arab Emirates"),
        aliases=("United Arab Emirates (UAE)", "UAE"),
    ),
    state(
        "AUS", "AU", "Australia", A4("Australia", occ=0), aliases=("Australia’s",)
    ),  # typo in ahg-som-12: "Australia’s will revitalise"
    state("BGD", "BD", "Bangladesh", A4("Bangladesh")),
    state("CAN", "CA", "Canada", A4("Canada")),
    state("FJI", "FJ", "Fiji", A15("Fiji")),
    state("GBR", "GB", "United Kingdom", A15("United Kingdom")),
    state("IDN", "ID", "Indonesia", A4("Indonesia", occ=0)),
    state("IND", "IN", "India", A4("India")),
    state("LKA", "LK", "Sri Lanka", A4("Sri Lanka", occ=0)),
    state("MDV", "MV", "Maldives", A4("Maldives")),
    state("MMR", "MM", "Myanmar", A4("Myanmar")),
    state("MYS", "MY", "Malaysia", A4("Malaysia")),
    state("NZL", "NZ", "New Zealand", A4("New Zealand")),
    state("PAK", "PK", "Pakistan", A4("Pakistan")),
    state("PHL", "PH", "Philippines", A4("Philippines"), aliases=("The Philippines",)),
    state("SGP", "SG", "Singapore", W7("Singapore"), status=(claim("member", W7_MEMBERS),)),
    state("THA", "TH", "Thailand", A4("Thailand")),
    state("TLS", "TL", "Timor-Leste", W7("Timor-Leste"), status=(claim("member", W7_MEMBERS),)),
    state(
        "USA",
        "US",
        "United States of America",
        A4("United States of America"),
        aliases=("United States", "Unites States (USA)", "USA"),
    ),
    state("VNM", "VN", "Viet Nam", A12("Vietnam"), aliases=("Vietnam",)),
    org(
        "ADFM", "Asia Dialogue on Forced Migration", OTHER, A12("Asia Dialogue on Forced Migration")
    ),
    org("ASEAN-SEC", "ASEAN Secretariat", IO, A4("ASEAN Secretariat")),
    org("FAST-SEC", "FAST Secretariat", OTHER, A15("FAST Secretariat")),
    org(
        "GABF-SEC",
        "GABF Secretariat",
        OTHER,
        A15("GABF Secretariat"),
        aliases=("Walk Free",),
        note="The Secretariat of the Bali Process Government and Business Forum (GABF); "
        "ahg-som-15 gives it as 'Walk Free, an initiative of the Minderoo Foundation'.",
    ),
    org(
        "ILO",
        "International Labour Organization",
        IO,
        A12("International Labour Organization"),
        aliases=("International Labour Organisation", "ILO"),
        status=(
            claim(
                "applicant",
                A12(
                    "The International Labour Organization’s (ILO) request for "
                    "membership of the Bali Process"
                ),
            ),
            claim("member", W7_MEMBERS),
        ),
    ),
    org(
        "IOM",
        "International Organization for Migration",
        IO,
        A4("International Organization for Migration"),
        aliases=("IOM",),
    ),
    org(
        "RCRC",
        "International Red Cross and Red Crescent Movement",
        OTHER,
        W6("International Red Cross and Red Crescent Movement"),
    ),
    org(
        "UNHCR",
        "Office of the United Nations High Commissioner for Refugees",
        IO,
        A4("Office of the United Nations High Commissioner for Refugees"),
        aliases=("United Nations High Commissioner for Refugees", "UNHCR"),
    ),
    org(
        "UNODC",
        "United Nations Office on Drugs and Crime",
        IO,
        A4("United Nations Office on Drugs and Crime"),
        aliases=("UNODC",),
    ),
]

# -- bodies -----------------------------------------------------------------------------------

CO_CHAIRS_BP = (
    "the statement says 'the Co-Chairs' (of the Bali Process) without naming them; "
    "Indonesia and Australia co-chair the Bali Process"
)


def chair(
    member_id: str, s: dict[str, Any], inferred: str | None = None, as_of: str | None = None
) -> dict[str, Any]:
    return {
        "member": member_id,
        "as_of": as_of or SOURCES[s["source"]].date,
        "span": s,
        "inferred": inferred,
    }


def bp_chairs(src: Src) -> list[dict[str, Any]]:
    s = src("Co-Chairs of the Bali Process")
    return [chair("IDN", s, CO_CHAIRS_BP), chair("AUS", s, CO_CHAIRS_BP)]


def mk_body(
    id: str,
    name: str,
    kind: str,
    s: dict[str, Any],
    *,
    aliases: tuple[str, ...] = (),
    parent: str | None = None,
    bali_process: bool = True,
    co_chairs: tuple[dict[str, Any], ...] | list[dict[str, Any]] = (),
    established: dict[str, Any] | None = None,
    inferred: tuple[dict[str, str], ...] = (),
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "kind": kind,
        "aliases": list(aliases),
        "parent": parent,
        "bali_process": bali_process,
        "co_chairs": list(co_chairs),
        "established": None if established is None else passage(established),
        "span": s,
        "inferred": list(inferred),
    }


UNDER_AHG = (
    "the statements report its work to the Ad Hoc Group Senior Officials' meetings but do not "
    "say it sits under the Ad Hoc Group"
)

W6_IDN = W6("the Indonesian Ministry of Foreign Affairs")
W6_AUS = W6("the Australian Border Force")
W7_IDN = W7("the Indonesian Ministry of Foreign Affairs")
W7_AUS = W7("the Australian Border Force")
WG_TIP_CHAIRS = (
    "the statement says the Indonesian Ministry of Foreign Affairs and the Australian Border "
    "Force co-chaired the Working Group's annual meeting; that Indonesia and Australia co-chair "
    "the Working Group itself is inferred"
)
TEWG_CHAIRS = (
    "the statement says Sri Lanka and Australia co-chaired the group's third meeting "
    "(14-16 November 2011); that they co-chair the group itself is inferred"
)
A12_DISRUPTION_CHAIRS = A12("co-chaired by Malaysia and New Zealand")
A15_DISRUPTION_CHAIRS = A15(
    "New Zealand and Fiji, Co-Chairs of the Working Group on the Disruption of People Smuggling "
    "and Trafficking in Persons Networks"
)
A12_TEG_RR_CHAIRS = A12("Australia and the Philippines will co-chair")
TEG_RR_DESIGNATED = (
    "the statement says Australia and the Philippines 'will co-chair' the group: a designation; "
    "that they co-chair it from that date is inferred"
)
A4_TEWG3_CHAIRS = A4("co-chaired by Sri Lanka and Australia")

BODIES = [
    mk_body(
        "BP",
        "Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime",
        "process",
        A4(
            "Bali Process on People Smuggling, Trafficking in Persons and Related "
            "Transnational Crime",
            occ=0,
        ),
        aliases=("Bali Process",),
        co_chairs=bp_chairs(A4) + bp_chairs(A12) + bp_chairs(A15),
        inferred=(inf("co_chairs", CO_CHAIRS_BP),),
    ),
    mk_body(
        "BPMC",
        "Bali Process Ministerial Conference",
        "conference",
        A4("Bali Process Ministerial Conference"),
        aliases=("BPMC", "Bali Regional Ministerial Conference", "Ministerial Conference"),
        parent="BP",
    ),
    mk_body(
        "SOM",
        "Bali Process Senior Officials’ Meeting",
        "conference",
        A4("Bali Process Senior Officials’ Meeting"),
        aliases=("Bali Process SOM", "Bali Process Senior Officials"),
        parent="BP",
    ),
    mk_body(
        "AHG",
        "Ad Hoc Group",
        "group",
        A4("Ad Hoc Group", occ=0),
        aliases=("AHG", "Ad Hoc Group mechanism", "Bali Process Ad Hoc Group"),
        parent="BP",
    ),  # "the Ad Hoc Group mechanism of the Bali Process"
    mk_body(
        "SG",
        "Steering Group",
        "group",
        A4("Steering Group"),
        parent="AHG",
        inferred=(
            inf(
                "parent",
                "ahg-som-4 says the Steering Group determines Ad Hoc Group "
                "membership; that it is a group of the Ad Hoc Group is "
                "inferred",
            ),
        ),
    ),
    mk_body(
        "WG-TIP",
        "Working Group on Trafficking in Persons",
        "working-group",
        A12("Trafficking in Persons Working Group"),
        aliases=(
            "WG-TIP",
            "TIPWG",
            "Trafficking in Persons Working Group",
            "Bali Process Working Group on Trafficking in Persons",
            "Bali Process Trafficking in Persons Working Group",
        ),
        parent="AHG",
        co_chairs=[
            chair("IDN", W6_IDN, WG_TIP_CHAIRS),
            chair("AUS", W6_AUS, WG_TIP_CHAIRS),
            chair("IDN", W7_IDN, WG_TIP_CHAIRS),
            chair("AUS", W7_AUS, WG_TIP_CHAIRS),
        ],
        inferred=(inf("parent", UNDER_AHG), inf("co_chairs", WG_TIP_CHAIRS)),
    ),
    mk_body(
        "WG-DISRUPTION",
        "Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks",
        "working-group",
        A12("Working Group on Disruption of People Smuggling and Trafficking in Persons Networks"),
        aliases=(
            "WG-Disruption",
            "Working Group on Disruption of People Smuggling and Trafficking in Persons Networks",
        ),
        parent="AHG",
        co_chairs=[
            chair("MYS", A12_DISRUPTION_CHAIRS),
            chair("NZL", A12_DISRUPTION_CHAIRS),
            chair("NZL", A15_DISRUPTION_CHAIRS),
            chair("FJI", A15_DISRUPTION_CHAIRS),
        ],
        inferred=(
            inf(
                "parent",
                UNDER_AHG + "; ahg-som-15 has it distribute a concept note "
                "'for the Ad Hoc Group to consider'",
            ),
        ),
    ),
    mk_body(
        "TFPP",
        "Task Force on Planning and Preparedness",
        "task-force",
        A12("Task Force on Planning and Preparedness (TFPP)"),
        aliases=("TFPP",),
        parent="AHG",
        established=A12(
            "the establishment of the Task Force on Planning and Preparedness "
            "(TFPP) to support the Consultation Mechanism"
        ),
        inferred=(
            inf("parent", UNDER_AHG + "; it was set up 'to support the Consultation Mechanism'"),
        ),
    ),
    mk_body(
        "TEG-RR",
        "Technical Experts Group on Returns and Reintegration",
        "expert-group",
        A12("Technical Experts Group on Returns and Reintegration"),
        aliases=("TEG-RR",),
        parent="AHG",
        co_chairs=[
            chair("AUS", A12_TEG_RR_CHAIRS, TEG_RR_DESIGNATED),
            chair("PHL", A12_TEG_RR_CHAIRS, TEG_RR_DESIGNATED),
        ],
        inferred=(inf("parent", UNDER_AHG),),
    ),
    mk_body(
        "RSO",
        "Regional Support Office",
        "office",
        A12("RSO", occ=0),
        aliases=("RSO", "Bali Process Regional Support Office"),
        parent="BP",
    ),
    mk_body(
        "GABF",
        "Government and Business Forum",
        "forum",
        A12("Bali Process Government and Business Forum"),
        aliases=("GABF", "Bali Process Government and Business Forum"),
        parent="BP",
        established=A12(
            "the launch of the inaugural Bali Process Government and Business "
            "Forum held between 24-25 August 2017 in Perth, Australia"
        ),
    ),
    mk_body(
        "CM",
        "Consultation Mechanism",
        "mechanism",
        A12("Consultation Mechanism", occ=0),
        parent="BP",
        inferred=(
            inf(
                "parent",
                "the statement reports its first meeting, arranged by the "
                "Co-Chairs, to a Bali Process meeting without saying whose "
                "mechanism it is",
            ),
        ),
    ),
    mk_body(
        "TEWG-IMA",
        "Technical Experts Working Group on Irregular Movement by Air",
        "working-group",
        A4("Technical Experts Working Group on Irregular Movement by Air", occ=0),
        aliases=(
            "Technical Experts Group on Irregular Movement by Air",
            "Bali Process Ad Hoc Group Technical Experts Working Group on Irregular "
            "Movement by Air",
        ),
        parent="AHG",  # "Bali Process Ad Hoc Group Technical Experts Working Group ..."
        co_chairs=[
            chair("LKA", A4_TEWG3_CHAIRS, TEWG_CHAIRS, as_of="2011-11-14"),
            chair("AUS", A4_TEWG3_CHAIRS, TEWG_CHAIRS, as_of="2011-11-14"),
        ],
        inferred=(inf("co_chairs", TEWG_CHAIRS),),
    ),
    mk_body(
        "TEM-MLA",
        "Technical Expert Meeting on Mutual Legal Assistance (MLA) and Law Enforcement",
        "expert-group",
        A4("Technical Expert Meeting on Mutual Legal Assistance (MLA) and Law Enforcement"),
    ),
    mk_body(
        "RBDES",
        "Regional Biometric Data Exchange Solution",
        "initiative",
        A12("Regional Biometric Data Exchange Solution (RBDES) initiative"),
        aliases=("RBDES",),
        parent="AHG",
        inferred=(
            inf(
                "parent",
                "its workshop is called the 'First Ad Hoc Group RBDES "
                "Workshop'; that the initiative sits under the Ad Hoc Group "
                "is inferred",
            ),
        ),
    ),
    mk_body(
        "RBDES-OC",
        "RBDES Oversight Committee",
        "committee",
        A12("Oversight Committee"),
        aliases=("Oversight Committee",),
        parent="RBDES",
    ),  # to be established (ahg-som-12)
    mk_body(
        "RILON",
        "Regional Immigration Liaison Officer Network",
        "network",
        A4("Regional Immigration Liaison Officer Network (RILON)"),
        aliases=("RILON",),
    ),
    mk_body(
        "AHG-BIOMETRICS",
        "AHG Workshop on Biometrics for Identity Integrity in Immigration",
        "workshop-series",
        A12("AHG Workshop on Biometrics for Identity Integrity in Immigration"),
        parent="AHG",
    ),
    mk_body(
        "JIC",
        "Bali Process Pilot Joint Information Campaign",
        "initiative",
        A12("Bali Process Pilot Joint Information Campaign"),
        parent="BP",
    ),
    mk_body(
        "ASEAN-SOMTC",
        "ASEAN Senior Officials Meeting on Transnational Organised Crime",
        "conference",
        W6("ASEAN Senior Officials Meeting on Transnational Organised Crime (SOMTC)"),
        aliases=("SOMTC", "ASEAN SOMTC"),
        bali_process=False,
    ),
    mk_body(
        "ASEAN-SOMTC-TIP",
        "ASEAN SOMTC Working Group on Trafficking in Persons",
        "working-group",
        W6(
            "ASEAN Senior Officials Meeting on Transnational Organised Crime (SOMTC) Working "
            "Group on Trafficking in Persons"
        ),
        aliases=(
            "ASEAN Senior Officials Meeting on Transnational Organised Crime (SOMTC) "
            "Working Group on Trafficking in Persons",
        ),
        parent="ASEAN-SOMTC",
        bali_process=False,
    ),
]

# -- documents --------------------------------------------------------------------------------


def mk_doc(
    id: str,
    title: str,
    kind: str,
    s: dict[str, Any],
    *,
    aliases: tuple[str, ...] = (),
    authors: tuple[str, ...] = (),
    year: int | None = None,
    inferred: tuple[dict[str, str], ...] = (),
) -> dict[str, Any]:
    return {
        "id": id,
        "title": title,
        "kind": kind,
        "aliases": list(aliases),
        "authors": list(authors),
        "year": year,
        "span": s,
        "inferred": list(inferred),
    }


DOCUMENTS = [
    mk_doc(
        "aaa-recommendations",
        "Acknowledge, Act, Advance (AAA) Recommendations",
        "recommendations",
        A15("AAA (Acknowledge, Act, Advance) recommendations"),
        aliases=("AAA (Acknowledge, Act, Advance) recommendations",),
        authors=(body("GABF"),),
        year=2018,  # "adopted by Ministers in 2018"
        inferred=(
            inf(
                "authors",
                "wg-tip-7 speaks of 'priorities of the Bali Process "
                "Government and Business Forum articulated in the "
                "Acknowledge, Act, Advance (AAA) Recommendations'; the "
                "statements say only that Ministers adopted them",
            ),
        ),
    ),
    mk_doc(
        "ahg-progress-report-2011",
        "Ad Hoc Group Progress Report",
        "report",
        A4("Ad Hoc Group Progress Report"),
        authors=(member("IDN"), member("AUS")),
        year=2011,
        inferred=(
            inf(
                "authors",
                "'prepared by the Co-Chairs', who are not named; Indonesia "
                "and Australia co-chair the Bali Process",
            ),
            inf("year", "reviewed at the meeting of 9 March 2011; the report itself is not dated"),
        ),
    ),
    mk_doc(
        "ahg-som-4-agenda",
        "Agenda and programme of work of the fourth Meeting of Ad Hoc Group Senior Officials",
        "agenda",
        A4("agenda and programme of work"),
        aliases=("agenda and programme of work",),
        year=2011,
        inferred=(inf("year", "adopted at the meeting of 9 March 2011"),),
    ),
    mk_doc(
        "bp-statement-gcm-prep",
        "Bali Process statement for the Asia-Pacific Regional Preparatory Meeting on the "
        "Global Compact for Safe, Orderly and Regular Migration",
        "statement",
        A12(
            "a Bali Process statement for the Asia-Pacific Regional Preparatory Meeting on "
            "the Global Compact for Safe, Orderly and Regular Migration"
        ),
        authors=(body("BP"),),
        year=2017,
        inferred=(inf("year", "adopted at the meeting of 31 October 2017"),),
    ),
    mk_doc(
        "compendium-supply-chains",
        "Compendium of Good Practice Examples to Combat Exploitation in Supply Chains",
        "compendium",
        A15("Compendium of Good Practice Examples to Combat Exploitation in Supply Chains"),
        aliases=("Compendium",),
        authors=(body("WG-TIP"),),
        year=2021,
        inferred=(
            inf(
                "authors",
                "the Working Group hosted a workshop on it (ahg-som-15, "
                "wg-tip-6), its Co-Chairs took feedback on the draft "
                "(wg-tip-6) and launched it (wg-tip-7); no author is named",
            ),
            inf(
                "year",
                "the year the Co-Chairs officially launched it (wg-tip-7, "
                "September 2021); a draft was discussed in 2020",
            ),
        ),
    ),
    mk_doc(
        "following-the-money-guide",
        "‘Following the Money’ Policy Guide",
        "guide",
        A12("‘Following the Money’ Policy Guide"),
        authors=(body("WG-TIP"),),
        year=2017,
        inferred=(inf("year", "called 'new' when members endorsed it on 31 October 2017"),),
    ),
    mk_doc(
        "following-the-money-training-module",
        "‘Following the Money’ training module",
        "training-module",
        A12("associated training module"),
        authors=(body("WG-TIP"),),
        year=2017,
        inferred=(
            inf(
                "title",
                "the statement calls it only the training module associated "
                "with the ‘Following the Money’ Policy Guide",
            ),
            inf("year", "endorsed with the 'new' Policy Guide on 31 October 2017"),
        ),
    ),
    mk_doc(
        "global-compact-migration",
        "Global Compact for Safe, Orderly and Regular Migration",
        "compact",
        A12("Global Compact for Safe, Orderly and Regular Migration"),
    ),
    mk_doc(
        "global-compact-refugees",
        "Global Compact on Refugees",
        "compact",
        A12("Global Compact on Refugees"),
        authors=(member("UNHCR"),),
        inferred=(
            inf(
                "authors",
                "the statement credits 'the work of UNHCR and stakeholders in developing' it; "
                "the stakeholders are not named, so only UNHCR is listed",
            ),
        ),
    ),
    mk_doc(
        "ministerial-declarations",
        "Bali Process Ministerial Declarations",
        "declaration",
        A15("Bali Process Ministerial Declarations"),
        authors=(MINISTERS,),
        inferred=(inf("authors", "Ministerial Declarations are taken to be the Ministers' own"),),
    ),
    mk_doc(
        "national-plan-of-action",
        "National Plan of Action",
        "work-plan",
        A12("National Plan of Action"),
    ),
    mk_doc(
        "rso-work-plans",
        "Regional Support Office (RSO) work plans",
        "work-plan",
        A15("Regional Support Office (RSO) work plans"),
        authors=(body("RSO"),),
    ),
    mk_doc(
        "tfpp-gathering-report",
        "Report of the Ad Hoc Policy Experts Gathering of the TFPP",
        "report",
        A15("the report of the Ad Hoc Policy Experts Gathering of the TFPP"),
        authors=(body("TFPP"),),
        year=2020,
        inferred=(
            inf("authors", "the report of the TFPP's gathering; no author is named"),
            inf(
                "year",
                "the gathering was held in July 2020 and the report received in October 2020",
            ),
        ),
    ),
    mk_doc(
        "tipwg-forward-work-plan-2020-22",
        "TIPWG Forward Work Plan 2020-22",
        "work-plan",
        W6("TIPWG Forward Work Plan 2020-22"),
        aliases=("Forward Work Plan",),
        authors=(body("WG-TIP"),),
        year=2020,
        inferred=(
            inf("year", "discussed as a draft on 10 November 2020; the plan covers 2020-22"),
        ),
    ),
    mk_doc(
        "unhcr-paper-manila-2010",
        "UNHCR paper presented at the Workshop on Regional Cooperation and Irregular Migration",
        "paper",
        A4(
            "the UNHCR paper presented at the Workshop on Regional Cooperation and Irregular "
            "Migration"
        ),
        authors=(member("UNHCR"),),
        year=2010,
        inferred=(
            inf(
                "year",
                "presented at the workshop of 22-23 November 2010; the paper itself is not dated",
            ),
        ),
    ),
    mk_doc(
        "unodc-global-tip-report-2020",
        "Global Trafficking in Persons Report 2020",
        "report",
        W6("Global Trafficking in Persons Report 2020"),
        authors=(member("UNODC"),),
        year=2020,
        inferred=(inf("year", "from its title; wg-tip-6 calls the report 'forthcoming'"),),
    ),
    mk_doc(
        "wg-disruption-concept-note",
        "WG-Disruption concept note",
        "concept-note",
        A15("a concept note"),
        authors=(member("NZL"), member("FJI")),
        year=2020,
        inferred=(
            inf("title", "the statement says only 'a concept note'"),
            inf(
                "authors",
                "distributed by New Zealand and Fiji as Co-Chairs of "
                "WG-Disruption; who wrote it is not stated",
            ),
            inf("year", "distributed at the meeting of 20-21 October 2020"),
        ),
    ),
    mk_doc(
        "strategy-for-cooperation",
        "Bali Process Strategy for Cooperation",
        "strategy",
        A12("Bali Process Strategy for Cooperation"),
    ),
]

# -- meetings ---------------------------------------------------------------------------------


def att(
    member_id: str,
    role: str,
    s: dict[str, Any],
    inferred: str | None = None,
    wording: str | None = None,
) -> dict[str, Any]:
    return {
        "member": member_id,
        "role": role,
        "wording": wording or s["text"],
        "span": s,
        "inferred": inferred,
    }


def present(body_id: str, role: str, s: dict[str, Any]) -> dict[str, Any]:
    return {"body": body_id, "role": role, "wording": s["text"], "span": s}


def count(n: int, description: str, s: dict[str, Any]) -> dict[str, Any]:
    return {"count": n, "description": description, "span": s}


def place(city: str, country: str, s: dict[str, Any]) -> dict[str, Any]:
    return {"city": city, "country": country, "span": s}


def due(
    s: dict[str, Any], date: str | None = None, meeting: str | None = None, text: str | None = None
) -> dict[str, Any]:
    return {"text": text or s["text"], "date": date, "meeting": meeting, "span": s}


def commit(
    slug: str,
    kind: str,
    actors: tuple[str, ...],
    action: str,
    s: dict[str, Any],
    *,
    due_: dict[str, Any] | None = None,
    inferred: tuple[dict[str, str], ...] = (),
) -> dict[str, Any]:
    """A commitment; its id prefix and outcome id are filled in by the outcome holding it."""
    return {
        "id": slug,
        "outcome": None,
        "kind": kind,
        "actors": list(actors),
        "action": action,
        "due": due_,
        "span": s,
        "inferred": list(inferred),
    }


def out(
    s: dict[str, Any],
    actors: tuple[str, ...],
    verb: str,
    objects: tuple[str, ...] = (),
    *,
    text: str | None = None,
    inferred: tuple[dict[str, str], ...] = (),
    commitments: tuple[dict[str, Any], ...] = (),
) -> dict[str, Any]:
    return {
        "id": None,
        "text": text or plain(s["text"]),
        "actors": list(actors),
        "verb": verb,
        "objects": list(objects),
        "span": s,
        "inferred": list(inferred),
        "_commitments": list(commitments),
    }


def days_between(start: str, end: str) -> list[str]:
    a, b = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    return [(a + datetime.timedelta(n)).isoformat() for n in range((b - a).days + 1)]


def month(year: int, m: int) -> tuple[str, str]:
    first = datetime.date(year, m, 1)
    last = datetime.date(year + m // 12, m % 12 + 1, 1) - datetime.timedelta(1)
    return first.isoformat(), last.isoformat()


def mk_meeting(
    id: str,
    title: str,
    kind: str,
    src: Src,
    s: dict[str, Any],
    *,
    number: int | None = None,
    body_: str | None = None,
    dates: tuple[str, str] | None = None,
    days: list[str] | None = None,
    precision: str | None = None,
    date_text: str | None = None,
    location: dict[str, Any] | None = None,
    virtual: bool | None = None,
    co_chairs: tuple[str, ...] = (),
    attendance: list[dict[str, Any]] | None = None,
    bodies_present: list[dict[str, Any]] | None = None,
    participants: list[dict[str, Any]] | None = None,
    purpose: list[dict[str, Any]] | None = None,
    agenda: list[dict[str, Any]] | None = None,
    outcomes: list[dict[str, Any]] | None = None,
    mentions: list[dict[str, Any]] | None = None,
    inferred: tuple[dict[str, str], ...] = (),
) -> dict[str, Any]:
    """A meeting. ``dates`` is (start, end); at day precision ``days`` defaults to every day."""
    if precision is None:
        precision = "unknown" if dates is None else "day"
    if days is None:
        days = days_between(*dates) if precision == "day" and dates else []
    numbered = []
    for n, outcome in enumerate(outcomes or [], 1):
        outcome = dict(outcome)
        outcome["id"] = f"{id}/o{n}"
        for c in outcome["_commitments"]:
            c["id"] = f"{id}/{c['id']}"
            c["outcome"] = outcome["id"]
            COMMITMENTS.append(c)
        numbered.append(outcome)
    return {
        "id": id,
        "title": title,
        "kind": kind,
        "number": number,
        "body": body_,
        "start": None if dates is None else dates[0],
        "end": None if dates is None else dates[1],
        "days": days,
        "date_precision": precision,
        "date_text": date_text,
        "location": location,
        "virtual": virtual,
        "co_chairs": list(co_chairs),
        "attendance": list(attendance or []),
        "bodies_present": list(bodies_present or []),
        "participants": list(participants or []),
        "purpose": [passage(p) for p in purpose or []],
        "agenda": [passage(p) for p in agenda or []],
        "outcomes": [{k: v for k, v in o.items() if k != "_commitments"} for o in numbered],
        "source": src.id,
        "span": s,
        "mentions": list(mentions or []),
        "inferred": list(inferred),
    }


COMMITMENTS: list[dict[str, Any]] = []


def bp_chair_rows(src: Src) -> list[dict[str, Any]]:
    s = src("the Co-Chairs", occ=0)
    return [att("IDN", "co-chair", s, CO_CHAIRS_BP), att("AUS", "co-chair", s, CO_CHAIRS_BP)]


def listed(src: Src, role: str, anchor: str, rows: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Attendance rows for members listed after ``anchor``, in statement order."""
    return [att(m, role, src(wording, after=anchor)) for m, wording in rows]


CO_CHAIRS_INFERRED = inf("co_chairs", CO_CHAIRS_BP)
RECOMMENDATION_DUE = (
    "the meeting's stated purpose includes making recommendations to the Fourth Bali Process "
    "Ministerial Conference on 30 March 2011 (and the Senior Officials' Meeting of 10 March 2011)"
)
A4_DUE_BPMC4 = A4("the Fourth Bali Process Ministerial Conference on 30 March 2011")

# ---- ahg-som-4 (2011) ----

A4_ATTENDANCE = "In attendance"

MEETINGS = [
    mk_meeting(
        "bpmc-3",
        "Third Bali Regional Ministerial Conference",
        "ministerial-conference",
        A4,
        A4("Third Bali Regional Ministerial Conference, held in April 2009"),
        number=3,
        body_="BPMC",
        dates=month(2009, 4),
        precision="month",
        date_text="April 2009",
        inferred=(
            inf(
                "body",
                "called the 'Bali Regional Ministerial Conference'; the next one is "
                "the 'Fourth Bali Process Ministerial Conference'",
            ),
        ),
    ),
    mk_meeting(
        "ahg-som-3",
        "Third Meeting of the Ad Hoc Group Senior Officials",
        "senior-officials-meeting",
        A4,
        A4("the third meeting of the Ad Hoc Group Senior Officials in June 2010"),
        number=3,
        body_="AHG",
        dates=month(2010, 6),
        precision="month",
        date_text="June 2010",
    ),
    mk_meeting(
        "workshop-manila-2010",
        "Workshop on Regional Cooperation and Irregular Migration",
        "workshop",
        A4,
        A4(
            "Workshop on Regional Cooperation and Irregular Migration in Manila on 22 to 23 "
            "November 2010"
        ),
        dates=("2010-11-22", "2010-11-23"),
        date_text="22 to 23 November 2010",
        location=place("Manila", "PHL", A4("Manila")),
        virtual=False,
        attendance=[
            att(
                "UNHCR",
                "presenter",
                A4("UNHCR", occ=0),
                "the statement speaks of 'the UNHCR paper presented at the Workshop'; "
                "that UNHCR itself presented it is inferred",
            )
        ],
        inferred=(
            inf(
                "location",
                "the statement says 'in Manila'; the country, the Philippines, is inferred",
            ),
        ),
    ),
    mk_meeting(
        "ahg-som-4",
        "Fourth Meeting of Ad Hoc Group Senior Officials",
        "senior-officials-meeting",
        A4,
        A4(
            "On 9 March 2011, the Co-Chairs of the Bali Process on People Smuggling, Trafficking "
            "in Persons and Related Transnational Crime hosted the fourth Meeting of Ad Hoc Group "
            "Senior Officials in Bali, Indonesia."
        ),
        number=4,
        body_="AHG",
        dates=("2011-03-09", "2011-03-09"),
        date_text="9 March 2011",
        location=place("Bali", "IDN", A4("Bali, Indonesia")),
        virtual=False,
        co_chairs=("IDN", "AUS"),
        attendance=bp_chair_rows(A4)
        + listed(
            A4,
            "member",
            A4_ATTENDANCE,
            [
                ("AFG", "Afghanistan"),
                ("AUS", "Australia"),
                ("BGD", "Bangladesh"),
                ("IND", "India"),
                ("IDN", "Indonesia"),
                ("MYS", "Malaysia"),
                ("MDV", "Maldives"),
                ("MMR", "Myanmar"),
                ("NZL", "New Zealand"),
                ("PAK", "Pakistan"),
                ("LKA", "Sri Lanka"),
                ("THA", "Thailand"),
                ("UNHCR", "the Office of the United Nations High Commissioner for Refugees"),
                ("IOM", "the International Organization for Migration"),
            ],
        )
        + listed(
            A4,
            "observer",
            A4_ATTENDANCE,
            [
                ("PHL", "The Philippines"),
                ("CAN", "Canada"),
                ("USA", "the United States of America"),
                ("ASEAN-SEC", "the ASEAN Secretariat"),
                ("UNODC", "the United Nations Office on Drugs and Crime"),
            ],
        ),
        purpose=[
            A4(
                "take stock of activities and achievements since the Third Bali Regional "
                "Ministerial Conference, held in April 2009"
            ),
            A4(
                "to make recommendations to the Fourth Bali Process Ministerial Conference on 30 "
                "March 2011, and the Bali Process Senior Officials’ Meeting on 10 March 2011"
            ),
        ],
        agenda=[
            A4(
                "Meeting opening by Co-Chairs, adoption of agenda and programme of work, and "
                "reiteration of the agreed-upon tasks of the Ad Hoc Group mechanism of the Bali "
                "Process"
            ),
            A4(
                "Review of activities undertaken since the third meeting of the Ad Hoc Group "
                "Senior Officials in June 2010"
            ),
            A4(
                "Review and reflections on the Ad Hoc Group Progress Report prepared by the "
                "Co-Chairs"
            ),
            A4(
                "Acknowledgment of the regular program of activity of the Ad Hoc Group at the "
                "senior official and working group level and progress made"
            ),
        ],
        outcomes=[
            # Key Themes
            out(
                A4(
                    "Participants affirmed that smuggling and trafficking in persons are related "
                    "but distinct crimes, and that each requires a targeted response with "
                    "additional cooperation to assist member states to strengthen capacity to "
                    "address trafficking in persons, including victim assistance and protection."
                ),
                (PARTICIPANTS,),
                "affirmed",
            ),
            out(
                A4(
                    "Participants recognised the vulnerability of victims of trafficking and "
                    "agreed on the importance of a victim- centered approach to law enforcement."
                ),
                (PARTICIPANTS,),
                "recognised",
            ),
            out(
                A4(
                    "Participants agreed on the need for strong national legislation and law "
                    "enforcement, criminalising people smuggling and trafficking in persons "
                    "mechanisms, and intensified cooperation in the prosecution of these in "
                    "accordance with domestic law and international human rights principles."
                ),
                (PARTICIPANTS,),
                "agreed",
            ),
            out(
                A4(
                    "Participants agreed that border control and law enforcement initiatives must "
                    "be balanced with practical cooperative solutions that also address the "
                    "humanitarian and protection needs required to address complex irregular "
                    "migratory flows."
                ),
                (PARTICIPANTS,),
                "agreed",
            ),
            out(
                A4(
                    "Participants welcomed a cooperative framework approach to accommodate the "
                    "interests of all states involved and ensure collective responsibility in "
                    "responding to complex migratory movements."
                ),
                (PARTICIPANTS,),
                "welcomed",
            ),
            out(
                A4(
                    "Participants agreed to establish the UNHCR paper presented at the Workshop "
                    "on Regional Cooperation and Irregular Migration in Manila on 22 to 23 "
                    "November 2010, as a foundation for future cooperation to address irregular "
                    "movement in the region."
                ),
                (PARTICIPANTS,),
                "agreed",
                (doc("unhcr-paper-manila-2010"), meet("workshop-manila-2010")),
            ),
            # "Participants committed to progress the work of the Ad Hoc Group by organising:"
            out(
                A4(
                    "workshops on regional approaches to protection resettlement and repatriation, "
                    "maritime safety in the context of irregular maritime migration, measures to "
                    "combat trafficking in persons, best practices on Immigration Intelligence "
                    "Analysis, Integrity of visa processes at overseas missions"
                ),
                (PARTICIPANTS,),
                "committed",
                (body("AHG"),),
                commitments=(
                    commit(
                        "organise-workshops",
                        "undertaking",
                        (PARTICIPANTS,),
                        "progress the work of the Ad Hoc Group by organising workshops on regional "
                        "approaches to protection resettlement and repatriation, maritime safety in "
                        "the context of irregular maritime migration, measures to combat trafficking "
                        "in persons, best practices on Immigration Intelligence Analysis, Integrity "
                        "of visa processes at overseas missions",
                        A4(
                            "workshops on regional approaches to protection resettlement and "
                            "repatriation, maritime safety in the context of irregular maritime "
                            "migration, measures to combat trafficking in persons, best practices on "
                            "Immigration Intelligence Analysis, Integrity of visa processes at "
                            "overseas missions"
                        ),
                    ),
                ),
            ),
            out(
                A4(
                    "meetings with the Technical Experts Working Group on Irregular Movement by "
                    "Air and Technical Expert Meeting on Mutual Legal Assistance (MLA) and Law "
                    "Enforcement"
                ),
                (PARTICIPANTS,),
                "committed",
                (body("AHG"), body("TEWG-IMA"), body("TEM-MLA")),
                commitments=(
                    commit(
                        "organise-expert-meetings",
                        "undertaking",
                        (PARTICIPANTS,),
                        "progress the work of the Ad Hoc Group by organising meetings with the "
                        "Technical Experts Working Group on Irregular Movement by Air and Technical "
                        "Expert Meeting on Mutual Legal Assistance (MLA) and Law Enforcement",
                        A4(
                            "meetings with the Technical Experts Working Group on Irregular Movement "
                            "by Air and Technical Expert Meeting on Mutual Legal Assistance (MLA) and "
                            "Law Enforcement"
                        ),
                    ),
                ),
            ),
            out(
                A4("bilateral exchanges by Bali Process AHG members with other member countries"),
                (PARTICIPANTS,),
                "committed",
                (body("AHG"),),
                commitments=(
                    commit(
                        "organise-bilateral-exchanges",
                        "undertaking",
                        (PARTICIPANTS,),
                        "progress the work of the Ad Hoc Group by organising bilateral exchanges by "
                        "Bali Process AHG members with other member countries",
                        A4(
                            "bilateral exchanges by Bali Process AHG members with other member "
                            "countries"
                        ),
                    ),
                ),
            ),
            out(
                A4(
                    "Participants reaffirmed the relevance and utility of the Regional Immigration "
                    "Liaison Officer Network (RILON) concept, requested that countries continue to "
                    "progress the establishment of the RILON through their internal mechanisms "
                    "and recommended broadening the existing RILON concept."
                ),
                (PARTICIPANTS,),
                "reaffirmed",
                (body("RILON"),),
                commitments=(
                    commit(
                        "rilon-establishment",
                        "tasking",
                        (MEMBERS_,),
                        "continue to progress the establishment of the RILON through their "
                        "internal mechanisms",
                        A4(
                            "requested that countries continue to progress the establishment "
                            "of the RILON through their internal mechanisms"
                        ),
                        inferred=(
                            inf(
                                "actors",
                                "the request is addressed to 'countries', "
                                "taken to be the participating member "
                                "states",
                            ),
                        ),
                    ),
                    commit(
                        "rilon-broadening",
                        "recommendation",
                        (PARTICIPANTS,),
                        "broadening the existing RILON concept",
                        A4("recommended broadening the existing RILON concept"),
                    ),
                ),
            ),
            # "Participants agreed to recommend to Ministers and Bali Process Senior Officials"
            *[
                out(
                    A4(text),
                    (PARTICIPANTS,),
                    "recommended",
                    objects,
                    commitments=(
                        commit(
                            slug,
                            "recommendation",
                            (MINISTERS, body("SOM")),
                            action,
                            A4(text),
                            due_=due(
                                A4_DUE_BPMC4,
                                "2011-03-30",
                                "bpmc-4",
                                text="to the Fourth Bali Process Ministerial Conference on 30 "
                                "March 2011",
                            ),
                            inferred=(inf("due", RECOMMENDATION_DUE),),
                        ),
                    ),
                )
                for slug, text, action, objects in [
                    (
                        "retain-ahg",
                        "retaining the Ad Hoc Group as an effective cooperation mechanism;",
                        "retaining the Ad Hoc Group as an effective cooperation mechanism",
                        (body("AHG"),),
                    ),
                    (
                        "expand-ahg-membership",
                        "expanding Ad Hoc Group membership as determined by the Steering Group, to "
                        "other interested Bali Process members and participants;",
                        "expanding Ad Hoc Group membership as determined by the Steering Group, to "
                        "other interested Bali Process members and participants",
                        (body("AHG"), body("SG")),
                    ),
                    (
                        "regional-cooperation-framework",
                        "establishing an inclusive but non-binding regional cooperation framework as "
                        "an effective way for interested parties to cooperate to reduce irregular "
                        "movement through the region, functioning to address refugees, asylum "
                        "seekers and irregular movement;",
                        "establishing an inclusive but non-binding regional cooperation framework as "
                        "an effective way for interested parties to cooperate to reduce irregular "
                        "movement through the region, functioning to address refugees, asylum "
                        "seekers and irregular movement",
                        (),
                    ),
                    (
                        "operationalise-regional-framework",
                        "considering how Bali Process officials should be tasked to operationalize "
                        "a regional framework, supported by UNHCR and IOM.",
                        "considering how Bali Process officials should be tasked to operationalize "
                        "a regional framework, supported by UNHCR and IOM",
                        (member("UNHCR"), member("IOM")),
                    ),
                ]
            ],
        ],
        inferred=(CO_CHAIRS_INFERRED,),
    ),
    mk_meeting(
        "bp-som-2011",
        "Bali Process Senior Officials’ Meeting",
        "senior-officials-meeting",
        A4,
        A4("the Bali Process Senior Officials’ Meeting on 10 March 2011"),
        body_="SOM",
        dates=("2011-03-10", "2011-03-10"),
        date_text="10 March 2011",
    ),
    mk_meeting(
        "bpmc-4",
        "Fourth Bali Process Ministerial Conference",
        "ministerial-conference",
        A4,
        A4_DUE_BPMC4,
        number=4,
        body_="BPMC",
        dates=("2011-03-30", "2011-03-30"),
        date_text="30 March 2011",
    ),
    mk_meeting(
        "tewg-ima-2",
        "Second Meeting of the Bali Process Ad Hoc Group Technical Experts Working "
        "Group on Irregular Movement by Air",
        "working-group-meeting",
        A4,
        A4(
            "Second Meeting of Bali Process Ad Hoc Group Technical Experts Working Group on "
            "Irregular Movement by Air – Colombo, Sri Lanka, 10-11 May 2011"
        ),
        number=2,
        body_="TEWG-IMA",
        dates=("2011-05-10", "2011-05-11"),
        date_text="10-11 May 2011",
        location=place("Colombo", "LKA", A4("Colombo, Sri Lanka")),
        virtual=False,
    ),
    mk_meeting(
        "tewg-ima-3",
        "Third Meeting of the Bali Process Ad Hoc Group Technical Experts Working "
        "Group on Irregular Movement by Air",
        "working-group-meeting",
        A4,
        A4(
            "Third Meeting of the Bali Process Ad Hoc Group Technical Experts Working Group on "
            "Irregular Movement by Air - Negombo, Sri Lanka, 14-16 November 2011"
        ),
        number=3,
        body_="TEWG-IMA",
        dates=("2011-11-14", "2011-11-16"),
        date_text="14-16 November 2011",
        location=place("Negombo", "LKA", A4("Negombo, Sri Lanka", occ=0)),
        virtual=False,
        co_chairs=("LKA", "AUS"),
        mentions=[
            A4.between(
                "From 14 to 16 November 2011",
                "The Meeting was co-chaired by Sri Lanka and Australia.",
            )
        ],
        attendance=[
            att("LKA", "co-chair", A4("Sri Lanka", after="co-chaired by")),
            att("AUS", "co-chair", A4("Australia", after="co-chaired by")),
        ],
    ),
]

# ---- ahg-som-12 (2017) ----

A12_ATTENDANCE = "In attendance"

MEETINGS += [
    mk_meeting(
        "bpmc-6",
        "Sixth Bali Process Ministerial Conference",
        "ministerial-conference",
        A12,
        A12("Sixth Bali Process Ministerial Conference (BPMC)"),
        number=6,
        body_="BPMC",
        mentions=[A12("Sixth Ministerial Conference")],
    ),
    mk_meeting(
        "ahg-som-11",
        "Eleventh Meeting of the Ad Hoc Group Senior Officials",
        "senior-officials-meeting",
        A12,
        A12("11th AHG Senior Officials’ Meeting"),
        number=11,
        body_="AHG",
    ),
    mk_meeting(
        "rbdes-workshop-1",
        "First Ad Hoc Group RBDES Workshop",
        "workshop",
        A12,
        A12(
            "Bali Process Ad Hoc Group Regional Biometric Data Exchange Solution (RBDES) "
            "Workshop – First Ad Hoc Group RBDES Workshop – Bangkok, Thailand, 23-24 February "
            "2017"
        ),
        number=1,
        body_="RBDES",
        dates=("2017-02-23", "2017-02-24"),
        date_text="23-24 February 2017",
        location=place("Bangkok", "THA", A12("Bangkok, Thailand")),
        virtual=False,
    ),
    mk_meeting(
        "gabf-1",
        "Inaugural Bali Process Government and Business Forum",
        "forum",
        A12,
        A12(
            "the inaugural Bali Process Government and Business Forum held between 24-25 August "
            "2017 in Perth, Australia"
        ),
        number=1,
        body_="GABF",
        dates=("2017-08-24", "2017-08-25"),
        date_text="24-25 August 2017",
        location=place("Perth", "AUS", A12("Perth, Australia")),
        virtual=False,
    ),
    mk_meeting(
        "cm-1",
        "First meeting of the Consultation Mechanism",
        "consultation",
        A12,
        A12(
            "the first meeting of the Consultation Mechanism was convened on 13 October 2017, as "
            "arranged by Co-Chairs and participating members, in Jakartam Indonesia"
        ),
        number=1,
        body_="CM",
        dates=("2017-10-13", "2017-10-13"),
        date_text="13 October 2017",
        location=place("Jakarta", "IDN", A12("Jakartam Indonesia")),
        virtual=False,
        inferred=(
            inf(
                "location",
                "the statement writes 'Jakartam Indonesia', a typo for Jakarta, Indonesia",
            ),
        ),
    ),
    mk_meeting(
        "ahg-som-12",
        "Twelfth Meeting of the Ad Hoc Group Senior Officials",
        "senior-officials-meeting",
        A12,
        A12(
            "On 31 October 2017, the Co-Chairs of the Bali Process on People Smuggling, "
            "Trafficking in Persons and Related Transnational Crime hosted the Twelfth Meeting of "
            "the Ad Hoc Group Senior Officials (AHG SOM) in Kuala Lumpur, Malaysia."
        ),
        number=12,
        body_="AHG",
        dates=("2017-10-31", "2017-10-31"),
        date_text="31 October 2017",
        location=place("Kuala Lumpur", "MYS", A12("Kuala Lumpur, Malaysia")),
        virtual=False,
        co_chairs=("IDN", "AUS"),
        attendance=bp_chair_rows(A12)
        + listed(
            A12,
            "member",
            A12_ATTENDANCE,
            [
                ("AFG", "Afghanistan"),
                ("AUS", "Australia"),
                ("BGD", "Bangladesh"),
                ("IDN", "Indonesia"),
                ("MYS", "Malaysia"),
                ("MDV", "Maldives"),
                ("MMR", "Myanmar"),
                ("NZL", "New Zealand"),
                ("PAK", "Pakistan"),
                ("PHL", "Philippines"),
                ("THA", "Thailand"),
                ("ARE", "United Arab Emirates"),
                ("USA", "United States"),
                ("VNM", "Vietnam"),
                ("UNHCR", "UNHCR"),
                ("UNODC", "UNODC"),
                ("IOM", "the IOM"),
            ],
        )
        + listed(
            A12,
            "observer",
            A12_ATTENDANCE,
            [("CAN", "Canada"), ("ADFM", "the Asia Dialogue on Forced Migration")],
        )
        + [att("IDN", "presenter", A12("Indonesia", within="Indonesia presented an overview"))],
        bodies_present=[present("RSO", "other", A12("The RSO Co-Managers"))],
        purpose=[
            A12(
                "review progress of the AHG activities and achievements since the Sixth "
                "Bali Process Ministerial Conference (BPMC) and the 11th AHG Senior "
                "Officials’ Meeting"
            )
        ],
        outcomes=[
            out(
                A12(
                    "Members welcomed an updated Bali Process Strategy for Cooperation, "
                    "incorporating developments since the Sixth Ministerial Conference."
                ),
                (MEMBERS_,),
                "welcomed",
                (doc("strategy-for-cooperation"), meet("bpmc-6")),
            ),
            out(
                A12(
                    "Members recalled that the first meeting of the Consultation Mechanism was "
                    "convened on 13 October 2017, as arranged by Co-Chairs and participating "
                    "members, in Jakartam Indonesia."
                ),
                (MEMBERS_,),
                "recalled",
                (meet("cm-1"), body("CM")),
            ),
            out(
                A12(
                    "Members welcomed the work of UNHCR and stakeholders in developing the Global "
                    "Compact on Refugees."
                ),
                (MEMBERS_,),
                "welcomed",
                (doc("global-compact-refugees"), member("UNHCR")),
            ),
            out(
                A12(
                    "Members also adopted a Bali Process statement for the Asia-Pacific Regional "
                    "Preparatory Meeting on the Global Compact for Safe, Orderly and Regular "
                    "Migration held in Bangkok on 6-8 November 2017."
                ),
                (MEMBERS_,),
                "adopted",
                (
                    doc("bp-statement-gcm-prep"),
                    meet("gcm-prep-2017"),
                    doc("global-compact-migration"),
                ),
            ),
            out(
                A12(
                    "Indonesia presented an overview of the launch of the inaugural Bali Process "
                    "Government and Business Forum held between 24-25 August 2017 in Perth, "
                    "Australia."
                ),
                (member("IDN"),),
                "presented",
                (meet("gabf-1"), body("GABF")),
            ),
            out(
                A12(
                    "Members endorsed the new ‘Following the Money’ Policy Guide and associated "
                    "training module developed under the leadership of the Trafficking in Persons "
                    "Working Group."
                ),
                (MEMBERS_,),
                "endorsed",
                (
                    doc("following-the-money-guide"),
                    doc("following-the-money-training-module"),
                    body("WG-TIP"),
                ),
            ),
            out(
                A12(
                    "Members commended the results achieved during the 3rd Joint Period of Action "
                    "led by the Working Group on Disruption of People Smuggling and Trafficking in "
                    "Persons Networks (co-chaired by Malaysia and New Zealand)."
                ),
                (MEMBERS_,),
                "commended",
                (body("WG-DISRUPTION"),),
            ),
            out(
                A12(
                    "The RSO was tasked to establish an Oversight Committee with a minimum of "
                    "three members for the Regional Biometric Data Exchange Solution (RBDES) "
                    "initiative."
                ),
                (MEMBERS_,),
                "tasked",
                (body("RSO"), body("RBDES-OC"), body("RBDES")),
                inferred=(
                    inf(
                        "actors",
                        "the sentence is passive ('The RSO was tasked'); the tasking is recorded "
                        "as a decision of the meeting's members",
                    ),
                ),
                commitments=(
                    commit(
                        "rso-rbdes-oversight-committee",
                        "tasking",
                        (body("RSO"),),
                        "establish an Oversight Committee with a minimum of three members for the "
                        "Regional Biometric Data Exchange Solution (RBDES) initiative",
                        A12(
                            "The RSO was tasked to establish an Oversight Committee with a minimum "
                            "of three members for the Regional Biometric Data Exchange Solution "
                            "(RBDES) initiative"
                        ),
                    ),
                ),
            ),
            out(
                A12(
                    "Australia’s will revitalise the AHG Workshop on Biometrics for Identity "
                    "Integrity in Immigration."
                ),
                (member("AUS"),),
                "will",
                (body("AHG-BIOMETRICS"),),
                commitments=(
                    commit(
                        "revitalise-biometrics-workshop",
                        "undertaking",
                        (member("AUS"),),
                        "revitalise the AHG Workshop on Biometrics for Identity Integrity in "
                        "Immigration",
                        A12(
                            "Australia’s will revitalise the AHG Workshop on Biometrics for "
                            "Identity Integrity in Immigration"
                        ),
                    ),
                ),
            ),
            out(
                A12(
                    "Australia and Bangladesh confirmed their ongoing partnership in implementing "
                    "the Bali Process Pilot Joint Information Campaign to deter people smuggling "
                    "and trafficking in persons, which aligns with National Plan of Action "
                    "activities already underway."
                ),
                (member("AUS"), member("BGD")),
                "confirmed",
                (body("JIC"), doc("national-plan-of-action")),
                commitments=(
                    commit(
                        "jic-partnership",
                        "undertaking",
                        (member("AUS"), member("BGD")),
                        "ongoing partnership in implementing the Bali Process Pilot Joint "
                        "Information Campaign to deter people smuggling and trafficking in persons",
                        A12(
                            "confirmed their ongoing partnership in implementing the Bali Process "
                            "Pilot Joint Information Campaign to deter people smuggling and "
                            "trafficking in persons"
                        ),
                    ),
                ),
            ),
            out(
                A12(
                    "The Co-Chairs updated members on the establishment of the Task Force on "
                    "Planning and Preparedness (TFPP) to support the Consultation Mechanism."
                ),
                (CO_CHAIRS,),
                "updated",
                (body("TFPP"), body("CM")),
            ),
            out(
                A12(
                    "Australia and the Philippines will co-chair a Technical Experts Group on "
                    "Returns and Reintegration."
                ),
                (member("AUS"), member("PHL")),
                "will",
                (body("TEG-RR"),),
                commitments=(
                    commit(
                        "teg-rr-co-chairs",
                        "undertaking",
                        (member("AUS"), member("PHL")),
                        "co-chair a Technical Experts Group on Returns and Reintegration",
                        A12(
                            "Australia and the Philippines will co-chair a Technical Experts Group "
                            "on Returns and Reintegration"
                        ),
                    ),
                ),
            ),
            out(
                A12(
                    "The International Labour Organization’s (ILO) request for membership of the "
                    "Bali Process will be submitted for approval at the next Bali Process SOM."
                ),
                (CO_CHAIRS,),
                "will",
                (member("ILO"), body("BP"), body("SOM")),
                inferred=(
                    inf(
                        "actors",
                        "the sentence is passive; the Co-Chairs, who prepare Bali Process Senior "
                        "Officials' Meetings, are taken to submit the request",
                    ),
                ),
                commitments=(
                    commit(
                        "ilo-membership-request",
                        "plan",
                        (CO_CHAIRS,),
                        "The International Labour Organization’s (ILO) request for membership of "
                        "the Bali Process will be submitted for approval",
                        A12(
                            "The International Labour Organization’s (ILO) request for membership "
                            "of the Bali Process will be submitted for approval at the next Bali "
                            "Process SOM"
                        ),
                        due_=due(A12("at the next Bali Process SOM")),
                        inferred=(
                            inf(
                                "actors",
                                "the sentence is passive; the Co-Chairs, who "
                                "prepare Bali Process Senior Officials' Meetings, "
                                "are taken to submit the request",
                            ),
                        ),
                    ),
                ),
            ),
        ],
        inferred=(CO_CHAIRS_INFERRED,),
    ),
    mk_meeting(
        "gcm-prep-2017",
        "Asia-Pacific Regional Preparatory Meeting on the Global Compact for "
        "Safe, Orderly and Regular Migration",
        "preparatory-meeting",
        A12,
        A12(
            "Asia-Pacific Regional Preparatory Meeting on the Global Compact for Safe, Orderly "
            "and Regular Migration held in Bangkok on 6-8 November 2017"
        ),
        dates=("2017-11-06", "2017-11-08"),
        date_text="6-8 November 2017",
        location=place("Bangkok", "THA", A12("Bangkok", occ=0)),
        virtual=False,
        inferred=(
            inf(
                "location",
                "the statement says 'held in Bangkok'; the country, Thailand, is inferred",
            ),
        ),
    ),
]

# ---- ahg-som-15 (2020) ----

A15_ATTENDANCE = "In attendance"
A15_OBSERVERS = "Observers included"
A15_UNODC = "The UNODC, UNHCR and IOM provided"
W6_COMPENDIUM_WORKSHOP = (
    "identified with the online workshop on the Compendium that ahg-som-15 says WG-TIP will "
    "host ahead of the sixth annual meeting; wg-tip-6 calls it a 'Bali Process Workshop' and "
    "does not say how it was held"
)
A15_WORKSHOP_MENTION = A15(
    "an online workshop on the Compendium of Good Practice Examples to Combat Exploitation in "
    "Supply Chains"
)
A15_SIXTH_MENTION = A15("the sixth annual meeting on 10 November")

MEETINGS += [
    mk_meeting(
        "tfpp-gathering-2020",
        "Ad Hoc Policy Experts Gathering of the TFPP",
        "experts-gathering",
        A15,
        A15("Ad Hoc Policy Experts Gathering of the TFPP held in July 2020"),
        body_="TFPP",
        dates=month(2020, 7),
        precision="month",
        date_text="July 2020",
        purpose=[
            A15(
                "discuss the unprecedented border management challenges in the context of COVID-19",
                occ=0,
            )
        ],
    ),
    mk_meeting(
        "ahg-som-15",
        "Fifteenth Meeting of the Ad Hoc Group Senior Officials",
        "senior-officials-meeting",
        A15,
        A15(
            "Between 20-21 October 2020, the Co-Chairs of the Bali Process on People Smuggling, "
            "Trafficking in Persons and Related Transnational Crime held the fifteenth meeting of "
            "the Ad Hoc Group Senior Officials (AHG SOM) virtually."
        ),
        number=15,
        body_="AHG",
        dates=("2020-10-20", "2020-10-21"),
        date_text="20-21 October 2020",
        virtual=True,
        co_chairs=("IDN", "AUS"),
        attendance=bp_chair_rows(A15)
        + listed(
            A15,
            "member",
            A15_ATTENDANCE,
            [
                ("AFG", "Afghanistan"),
                ("AUS", "Australia"),
                ("BGD", "Bangladesh"),
                ("IND", "India"),
                ("IDN", "Indonesia"),
                ("MYS", "Malaysia"),
                ("MDV", "Maldives"),
                ("MMR", "Myanmar"),
                ("NZL", "New Zealand"),
                ("PAK", "Pakistan"),
                ("PHL", "Philippines"),
                ("LKA", "Sri Lanka"),
                ("ARE", "United Arab Emirates (UAE)"),
                ("THA", "Thailand"),
                ("USA", "Unites States (USA)"),
                ("VNM", "Vietnam"),
            ],
        )
        + listed(
            A15,
            "observer",
            A15_OBSERVERS,
            [
                ("CAN", "Canada"),
                ("GBR", "the United Kingdom"),
                ("ILO", "the ILO"),
                ("ADFM", "the Asia Dialogue on Forced Migration"),
                ("FAST-SEC", "the FAST Secretariat"),
                ("GABF-SEC", "the GABF Secretariat"),
            ],
        )
        + [
            att("UNODC", "presenter", A15("The UNODC")),
            att("UNHCR", "presenter", A15("UNHCR", within=A15_UNODC)),
            att("IOM", "presenter", A15("IOM", within=A15_UNODC)),
            att("NZL", "presenter", A15("New Zealand", within="New Zealand and Fiji")),
            att("FJI", "presenter", A15("Fiji", within="New Zealand and Fiji")),
        ],
        purpose=[
            A15(
                "discuss progress toward implementing the Bali Process Ministerial "
                "Declarations and Regional Support Office (RSO) work plans and review "
                "interests and forward objectives of Bali Process members, in the context "
                "of COVID-19"
            )
        ],
        outcomes=[
            out(
                A15(
                    "Members agreed on the need for the Bali Process to continue to develop "
                    "practical, flexible measures, build capacity of members and convene "
                    "important discussions to support members to respond to the border "
                    "management challenges posed by COVID-19."
                ),
                (MEMBERS_,),
                "agreed",
                (body("BP"),),
                commitments=(
                    commit(
                        "continue-practical-measures",
                        "undertaking",
                        (body("BP"),),
                        "continue to develop practical, flexible measures, build capacity of members "
                        "and convene important discussions to support members to respond to the "
                        "border management challenges posed by COVID-19",
                        A15(
                            "the need for the Bali Process to continue to develop practical, "
                            "flexible measures, build capacity of members and convene important "
                            "discussions to support members to respond to the border management "
                            "challenges posed by COVID-19"
                        ),
                    ),
                ),
            ),
            out(
                A15(
                    "The UNODC, UNHCR and IOM provided recommendations to address the impact of "
                    "COVID-19 on migrants and refugees across Asia and the Pacific, and the "
                    "situation in countries particularly affected by recent maritime irregular "
                    "migration."
                ),
                (member("UNODC"), member("UNHCR"), member("IOM")),
                "provided",
            ),
            out(
                A15(
                    "The Government and Business Forum (GABF) would continue to convene virtually "
                    "and would continue to take a sector focus to support businesses and "
                    "governments to achieve the AAA (Acknowledge, Act, Advance) recommendations "
                    "adopted by Ministers in 2018."
                ),
                (body("GABF"),),
                "will",
                (doc("aaa-recommendations"),),
                commitments=(
                    commit(
                        "gabf-convene-virtually",
                        "undertaking",
                        (body("GABF"),),
                        "continue to convene virtually",
                        A15("would continue to convene virtually"),
                    ),
                    commit(
                        "gabf-sector-focus",
                        "undertaking",
                        (body("GABF"),),
                        "continue to take a sector focus to support businesses and "
                        "governments to achieve the AAA (Acknowledge, Act, Advance) "
                        "recommendations adopted by Ministers in 2018",
                        A15(
                            "would continue to take a sector focus to support businesses and "
                            "governments to achieve the AAA (Acknowledge, Act, Advance) "
                            "recommendations adopted by Ministers in 2018"
                        ),
                    ),
                ),
            ),
            out(
                A15(
                    "The Bali Process Working Group on Trafficking in Persons (WG-TIP) will host "
                    "an online workshop on the Compendium of Good Practice Examples to Combat "
                    "Exploitation in Supply Chains ahead of the sixth annual meeting on 10 "
                    "November as well as a series of online workshops in 2021 on building "
                    "regional cooperation to combat trafficking in persons."
                ),
                (body("WG-TIP"),),
                "will",
                (doc("compendium-supply-chains"), meet("wg-tip-workshop-2020"), meet("wg-tip-6")),
                inferred=(
                    inf(
                        "objects",
                        "the online workshop is identified with the Compendium "
                        "workshop of 5 November 2020 (wg-tip-6)",
                    ),
                ),
                commitments=(
                    commit(
                        "wg-tip-compendium-workshop",
                        "undertaking",
                        (body("WG-TIP"),),
                        "host an online workshop on the Compendium of Good Practice Examples "
                        "to Combat Exploitation in Supply Chains",
                        A15(
                            "will host an online workshop on the Compendium of Good Practice "
                            "Examples to Combat Exploitation in Supply Chains ahead of the "
                            "sixth annual meeting on 10 November"
                        ),
                        due_=due(
                            A15("ahead of the sixth annual meeting on 10 November"),
                            "2020-11-10",
                            "wg-tip-6",
                        ),
                        inferred=(
                            inf(
                                "due",
                                "the statement gives '10 November' without a "
                                "year; the sixth annual meeting was held on 10 "
                                "November 2020 (wg-tip-6)",
                            ),
                        ),
                    ),
                    commit(
                        "wg-tip-online-workshops-2021",
                        "undertaking",
                        (body("WG-TIP"),),
                        "host a series of online workshops in 2021 on building regional "
                        "cooperation to combat trafficking in persons",
                        A15(
                            "a series of online workshops in 2021 on building regional "
                            "cooperation to combat trafficking in persons"
                        ),
                        due_=due(A15("in 2021")),
                    ),
                ),
            ),
            out(
                A15(
                    "New Zealand and Fiji, Co-Chairs of the Working Group on the Disruption of "
                    "People Smuggling and Trafficking in Persons Networks (WG-Disruption) updated "
                    "on efforts to refresh the Group’s format and workplan and distributed a "
                    "concept note for the Ad Hoc Group to consider."
                ),
                (member("NZL"), member("FJI")),
                "updated",
                (body("WG-DISRUPTION"), doc("wg-disruption-concept-note"), body("AHG")),
                commitments=(
                    commit(
                        "wg-disruption-refresh",
                        "undertaking",
                        (member("NZL"), member("FJI")),
                        "efforts to refresh the Group’s format and workplan",
                        A15("efforts to refresh the Group’s format and workplan"),
                    ),
                    commit(
                        "ahg-consider-concept-note",
                        "plan",
                        (body("AHG"),),
                        "consider the concept note distributed by the WG-Disruption Co-Chairs",
                        A15("distributed a concept note for the Ad Hoc Group to consider"),
                    ),
                ),
            ),
            out(
                A15(
                    "A proposed simulation-based exercise for the Task Force on Planning and "
                    "Preparedness (TFPP) would be deferred until international travel "
                    "restrictions eased."
                ),
                (MEMBERS_,),
                "deferred",
                (body("TFPP"),),
                inferred=(
                    inf(
                        "actors",
                        "the sentence is passive; the deferral is recorded as a "
                        "decision of the meeting's members",
                    ),
                ),
                commitments=(
                    commit(
                        "tfpp-simulation-exercise",
                        "deferral",
                        (body("TFPP"),),
                        "A proposed simulation-based exercise for the Task Force on Planning and "
                        "Preparedness (TFPP) would be deferred",
                        A15(
                            "A proposed simulation-based exercise for the Task Force on Planning and "
                            "Preparedness (TFPP) would be deferred until international travel "
                            "restrictions eased"
                        ),
                        due_=due(A15("until international travel restrictions eased")),
                        inferred=(
                            inf(
                                "actors",
                                "the sentence is passive; the exercise is the Task Force's, so the "
                                "Task Force is taken as the one whose exercise waits",
                            ),
                        ),
                    ),
                ),
            ),
            out(
                A15(
                    "Members received the report of the Ad Hoc Policy Experts Gathering of the "
                    "TFPP held in July 2020 to discuss the unprecedented border management "
                    "challenges in the context of COVID-19."
                ),
                (MEMBERS_,),
                "received",
                (doc("tfpp-gathering-report"), meet("tfpp-gathering-2020"), body("TFPP")),
            ),
            out(
                A15(
                    "IOM and the RSO are working to convene workshops and develop tools and data "
                    "to help capture the challenges associated with the management of "
                    "sustainable returns and reintegration under the Technical Experts Group on "
                    "Returns and Reintegration (TEG-RR)."
                ),
                (member("IOM"), body("RSO")),
                "will",
                (body("TEG-RR"),),
                inferred=(
                    inf(
                        "verb",
                        "'are working to convene' records ongoing work towards "
                        "future workshops; no verb of the vocabulary matches "
                        "exactly",
                    ),
                ),
                commitments=(
                    commit(
                        "iom-rso-returns-reintegration",
                        "undertaking",
                        (member("IOM"), body("RSO")),
                        "convene workshops and develop tools and data to help capture the challenges "
                        "associated with the management of sustainable returns and reintegration "
                        "under the Technical Experts Group on Returns and Reintegration (TEG-RR)",
                        A15(
                            "IOM and the RSO are working to convene workshops and develop tools and "
                            "data to help capture the challenges associated with the management of "
                            "sustainable returns and reintegration under the Technical Experts Group "
                            "on Returns and Reintegration (TEG-RR)"
                        ),
                    ),
                ),
            ),
            out(
                A15(
                    "Members commended the RSO for adopting flexible approaches to capacity "
                    "building and training activities that support members."
                ),
                (MEMBERS_,),
                "commended",
                (body("RSO"),),
            ),
        ],
        inferred=(CO_CHAIRS_INFERRED,),
    ),
    mk_meeting(
        "wg-tip-workshop-2020",
        "Bali Process Workshop on the Compendium of Good Practice "
        "Examples to Combat Exploitation in Supply Chains",
        "workshop",
        W6,
        W6(
            "Bali Process Workshop on the *Compendium of Good Practice Examples to Combat "
            "Exploitation in Supply Chains*** (Compendium) which took place on 5 November 2020"
        ),
        body_="WG-TIP",
        dates=("2020-11-05", "2020-11-05"),
        date_text="5 November 2020",
        virtual=True,
        mentions=[A15_WORKSHOP_MENTION],
        inferred=(inf("body", W6_COMPENDIUM_WORKSHOP), inf("virtual", W6_COMPENDIUM_WORKSHOP)),
    ),
]

# ---- wg-tip-6 (2020) ----

MEETINGS += [
    mk_meeting(
        "wg-tip-6",
        "Sixth Annual Meeting of the Bali Process Trafficking in Persons Working Group",
        "annual-meeting",
        W6,
        W6(
            "On 10 November 2020, the Indonesian Ministry of Foreign Affairs and the Australian "
            "Border Force co-chaired the Sixth Annual Meeting of the Bali Process Trafficking in "
            "Persons Working Group (TIPWG)."
        ),
        number=6,
        body_="WG-TIP",
        dates=("2020-11-10", "2020-11-10"),
        date_text="10 November 2020",
        virtual=True,
        co_chairs=("IDN", "AUS"),
        attendance=[
            att("IDN", "co-chair", W6_IDN),
            att("AUS", "co-chair", W6_AUS),
            att("IOM", "presenter", W6("the International Organization for Migration")),
            att("ILO", "presenter", W6("the International Labour Organisation")),
            att("UNHCR", "presenter", W6("the United Nations High Commissioner for Refugees")),
            att("RCRC", "presenter", W6("the International Red Cross and Red Crescent Movement")),
            att("UNODC", "presenter", W6("the United Nations Office on Drugs and Crime")),
            att(
                "PHL",
                "presenter",
                W6("the ASEAN Lead Shepherd for Trafficking in Persons (Philippines)"),
            ),
        ],
        bodies_present=[
            present("RSO", "presenter", W6("the Bali Process Regional Support Office (RSO)"))
        ],
        participants=[
            count(
                65,
                "participants from TIPWG member countries and international organisations",
                W6("65 participants from TIPWG member countries and international organisations"),
            )
        ],
        mentions=[A15_SIXTH_MENTION],
        outcomes=[
            out(
                W6(
                    "Co-Chairs welcomed all attendees and acknowledged the TIPWG as an important "
                    "mechanism for Bali Process members to share information, best practice and "
                    "emerging trends."
                ),
                (CO_CHAIRS,),
                "welcomed",
                (body("WG-TIP"),),
            ),
            out(
                W6(
                    "Co-Chairs acknowledged the added challenge of combating trafficking in "
                    "persons during the COVID-19 pandemic and noted the importance of the TIPWG "
                    "coming together to discuss these issues."
                ),
                (CO_CHAIRS,),
                "acknowledged",
                (body("WG-TIP"),),
            ),
            out(
                W6(
                    "Members **discussed key outcomes from the recent Bali Process Workshop on the "
                    "*Compendium of Good Practice Examples to Combat Exploitation in Supply "
                    "Chains*** (Compendium) which took place on 5 November 2020."
                ),
                (MEMBERS_,),
                "discussed",
                (meet("wg-tip-workshop-2020"), doc("compendium-supply-chains")),
            ),
            out(
                W6(
                    "Members noted that Co-Chairs were accepting feedback on the draft Compendium "
                    "and that the Compendium would be endorsed out of session."
                ),
                (MEMBERS_,),
                "noted",
                (doc("compendium-supply-chains"),),
                commitments=(
                    commit(
                        "compendium-endorsement",
                        "plan",
                        (MEMBERS_,),
                        "the Compendium would be endorsed out of session",
                        W6("the Compendium would be endorsed out of session"),
                        inferred=(
                            inf(
                                "actors",
                                "the sentence is passive; endorsement out of "
                                "session is taken to be by the Working Group's "
                                "members",
                            ),
                        ),
                    ),
                ),
            ),
            out(
                W6(
                    "Members heard from the International Organization for Migration, the "
                    "International Labour Organisation and the United Nations High Commissioner "
                    "for Refugees on **challenges responding to trafficking in persons as "
                    "recovery from COVID-19 begins**."
                ),
                (MEMBERS_,),
                "heard",
                (member("IOM"), member("ILO"), member("UNHCR")),
            ),
            out(
                W6(
                    "Members reflected on the challenges in the region and acknowledged the "
                    "positive initiatives of TIPWG members."
                ),
                (MEMBERS_,),
                "reflected",
            ),
            out(
                W6(
                    "Members also heard presentations from the International Red Cross and Red "
                    "Crescent Movement on partnerships in **supporting and protecting migrant "
                    "workers during the COVID-19 pandemic**."
                ),
                (MEMBERS_,),
                "heard",
                (member("RCRC"),),
            ),
            out(
                W6(
                    "Members noted the importance of government and non-government collaboration "
                    "to protect migrant workers and other vulnerable cohorts during the COVID-19 "
                    "pandemic."
                ),
                (MEMBERS_,),
                "noted",
            ),
            out(
                W6(
                    "Members also welcomed a presentation from the United Nations Office on Drugs "
                    "and Crime on their forthcoming **Global Trafficking in Persons Report 2020** "
                    "and key trends in the Asia Pacific region."
                ),
                (MEMBERS_,),
                "welcomed",
                (member("UNODC"), doc("unodc-global-tip-report-2020")),
            ),
            out(
                W6(
                    "Members acknowledged the challenges facing the region and the need to work "
                    "together to foster a harmonised regional response."
                ),
                (MEMBERS_,),
                "acknowledged",
            ),
            out(
                W6("Members also discussed the draft **TIPWG Forward Work Plan 2020-22**."),
                (MEMBERS_,),
                "discussed",
                (doc("tipwg-forward-work-plan-2020-22"),),
            ),
            out(
                W6(
                    "Co-Chairs provided an overview of the draft Forward Work Plan, including the "
                    "proposed priority issues and action items."
                ),
                (CO_CHAIRS,),
                "provided",
                (doc("tipwg-forward-work-plan-2020-22"),),
            ),
            out(
                W6(
                    "Members provided initial views on the draft Forward Work Plan and discussed "
                    "opportunities to strengthen the priority issues further."
                ),
                (MEMBERS_,),
                "provided",
                (doc("tipwg-forward-work-plan-2020-22"),),
            ),
            out(
                W6.between(
                    "Co-Chairs thanked members for their\n",
                    "ahead of seeking endorsement out of session.",
                ),
                (CO_CHAIRS,),
                "thanked",
                (doc("tipwg-forward-work-plan-2020-22"),),
                text="Co-Chairs thanked members for their contributions and welcomed further "
                "input from members ahead of seeking endorsement out of session.",
                inferred=(
                    inf(
                        "objects",
                        "the sentence continues the discussion of the draft "
                        "Forward Work Plan without naming it",
                    ),
                ),
                commitments=(
                    commit(
                        "forward-work-plan-endorsement",
                        "plan",
                        (CO_CHAIRS,),
                        "seeking endorsement out of session of the draft TIPWG Forward Work Plan "
                        "2020-22",
                        W6("seeking endorsement out of session"),
                        inferred=(
                            inf(
                                "action",
                                "the sentence says 'seeking endorsement out of "
                                "session' without naming the Forward Work Plan, "
                                "the subject of the paragraph",
                            ),
                        ),
                    ),
                ),
            ),
            out(
                W6(
                    "Members welcomed an update from the ASEAN Lead Shepherd for Trafficking in "
                    "Persons (Philippines) on key developments and priorities under the **ASEAN "
                    "Senior Officials Meeting on Transnational Organised Crime (SOMTC) Working "
                    "Group on Trafficking in Persons**."
                ),
                (MEMBERS_,),
                "welcomed",
                (member("PHL"), body("ASEAN-SOMTC-TIP")),
            ),
            out(
                W6(
                    "Members agreed on the importance of continued cooperation and coordination "
                    "between the TIPWG and relevant regional bodies, including the ASEAN SOMTC "
                    "Working Group on Trafficking in Persons."
                ),
                (MEMBERS_,),
                "agreed",
                (body("WG-TIP"), body("ASEAN-SOMTC-TIP")),
            ),
            out(
                W6(
                    "Members also welcomed an update from the Bali Process Regional Support Office "
                    "(RSO) on **key developments since the last Annual Meeting and discussed "
                    "future priorities**."
                ),
                (MEMBERS_,),
                "welcomed",
                (body("RSO"), meet("wg-tip-5")),
                inferred=(
                    inf(
                        "objects",
                        "'the last Annual Meeting' before the sixth is taken to "
                        "be the fifth (wg-tip-5)",
                    ),
                ),
            ),
            out(
                W6(
                    "The RSO noted the role of technology in facilitating and countering "
                    "trafficking in persons and highlighted their planning to host a roundtable "
                    "on this issue in 2021."
                ),
                (body("RSO"),),
                "noted",
                commitments=(
                    commit(
                        "rso-technology-roundtable",
                        "plan",
                        (body("RSO"),),
                        "host a roundtable on this issue (the role of technology in facilitating "
                        "and countering trafficking in persons)",
                        W6("highlighted their planning to host a roundtable on this issue in 2021"),
                        due_=due(W6("in 2021")),
                    ),
                ),
            ),
            out(
                W6(
                    "Members welcomed the opportunity to engage and collaborate on this important "
                    "issue."
                ),
                (MEMBERS_,),
                "welcomed",
            ),
            out(
                W6(
                    "Co-Chairs invited updates from member countries on key issues and progress to "
                    "combat trafficking in persons and related exploitation in the region."
                ),
                (CO_CHAIRS,),
                "invited",
            ),
            out(
                W6(
                    "Members acknowledged the diversity in scope of work being done in the region "
                    "to combat these crimes."
                ),
                (MEMBERS_,),
                "acknowledged",
            ),
            out(
                W6(
                    "Co-Chairs thanked members for their continued engagement through the TIPWG "
                    "and welcomed the continued support of members to strengthen the region's "
                    "collective response to trafficking in persons."
                ),
                (CO_CHAIRS,),
                "thanked",
                (body("WG-TIP"),),
            ),
        ],
    ),
]

# ---- wg-tip-7 (2021) ----

W7_DAYS = (
    "the statement dates the Seventh Annual Meeting and the Regional Webinar together ('On 21 "
    "and 23 September 2021'); which event met on which day is not stated, so both get both days"
)
W7_INTRO = W7(
    "On 21 and 23 September 2021, the Indonesian Ministry of Foreign Affairs and the Australian "
    "Border Force co-chaired the Bali Process Working Group on Trafficking in Persons’ (Working "
    "Group) Seventh Annual Meeting and Regional Webinar on Combatting Trafficking in Persons in "
    "the COVID-19 Recovery Phase (Regional Webinar)."
)
W7_OBSERVED = "The events were also observed by"


def w7_common() -> dict[str, Any]:
    """What wg-tip-7 says of both events alike: dates, co-chairs, attendance, observers."""
    return {
        "dates": ("2021-09-21", "2021-09-23"),
        "days": ["2021-09-21", "2021-09-23"],
        "date_text": "21 and 23 September 2021",
        "virtual": True,  # "The events were held virtually"
        "co_chairs": ("IDN", "AUS"),
    }


W7_ROWS = [
    att("IDN", "co-chair", W7_IDN),
    att("AUS", "co-chair", W7_AUS),
    att("SGP", "observer", W7("Singapore")),
    att("TLS", "observer", W7("Timor-Leste")),
    att("ILO", "observer", W7("the International Labour Organization")),
]
W7_PARTICIPANTS = [
    count(
        14,
        "Working Group members (including three international organisations)",
        W7("14 Working Group members (including three international organisations)"),
    ),
    count(
        3,
        "international organisations among the Working Group members attending",
        W7("three international organisations"),
    ),
]
W7_RSO = present("RSO", "other", W7("the Bali Process Regional Support Office"))
W7_DATE_INFERENCES = (inf("start", W7_DAYS), inf("end", W7_DAYS), inf("days", W7_DAYS))

MEETINGS += [
    mk_meeting(
        "wg-tip-5",
        "Fifth Annual Meeting of the Bali Process Working Group on Trafficking in Persons",
        "annual-meeting",
        W7,
        W7("its Fifth Annual Meeting"),
        number=5,
        body_="WG-TIP",
        outcomes=[
            out(
                W7("a priority agreed by the Working Group at its Fifth Annual Meeting"),
                (body("WG-TIP"),),
                "agreed",
                (doc("compendium-supply-chains"),),
                inferred=(
                    inf(
                        "objects",
                        "wg-tip-7 says the Compendium 'delivers on a priority "
                        "agreed by the Working Group at its Fifth Annual "
                        "Meeting'",
                    ),
                ),
            ),
        ],
    ),
    mk_meeting(
        "wg-tip-7",
        "Seventh Annual Meeting of the Bali Process Working Group on Trafficking in Persons",
        "annual-meeting",
        W7,
        W7_INTRO,
        number=7,
        body_="WG-TIP",
        **w7_common(),
        attendance=W7_ROWS,
        bodies_present=[W7_RSO],
        participants=W7_PARTICIPANTS,
        outcomes=[
            out(
                W7(
                    "Co-Chairs acknowledged the hardships many countries faced during the COVID-19 "
                    "pandemic and reinforced the importance of regional cooperation in responding "
                    "to the increased risks of trafficking and preventing criminal groups from "
                    "capitalising on the pandemic to exploit people for gain."
                ),
                (CO_CHAIRS,),
                "acknowledged",
            ),
            out(
                W7(
                    "Co-Chairs officially launched the Compendium of Good Practice Examples to "
                    "Combat Exploitation in Supply Chains (Compendium), which delivers on a "
                    "priority agreed by the Working Group at its Fifth Annual Meeting, and "
                    "contributes to priorities of the Bali Process Government and Business Forum "
                    "articulated in the Acknowledge, Act, Advance (AAA) Recommendations."
                ),
                (CO_CHAIRS,),
                "launched",
                (
                    doc("compendium-supply-chains"),
                    meet("wg-tip-5"),
                    body("GABF"),
                    doc("aaa-recommendations"),
                ),
            ),
        ],
        inferred=W7_DATE_INFERENCES,
    ),
    mk_meeting(
        "wg-tip-webinar-2021",
        "Regional Webinar on Combatting Trafficking in Persons in the COVID-19 Recovery Phase",
        "webinar",
        W7,
        W7_INTRO,
        body_="WG-TIP",
        **w7_common(),
        attendance=[
            *W7_ROWS,
            att("IOM", "presenter", W7("the International Organization for Migration")),
            att("AUS", "presenter", W7("Australia", within="participated in a panel discussion")),
            att("THA", "presenter", W7("Thailand")),
        ],
        bodies_present=[
            W7_RSO,
            present(
                "RSO",
                "presenter",
                W7("the Regional Support Office", within="participated in a panel"),
            ),
        ],
        participants=W7_PARTICIPANTS,
        purpose=[
            W7(
                "consider the trafficking in persons challenges anticipated to arise or be "
                "exacerbated as international borders reopen"
            )
        ],
        outcomes=[
            out(
                W7(
                    "Members heard from the International Organization for Migration on the "
                    "migration and mobility implications of COVID-19 and the anticipated impacts "
                    "of reopening international borders, including trafficking in persons’ trends "
                    "and responses in Asia-Pacific."
                ),
                (MEMBERS_,),
                "heard",
                (member("IOM"),),
            ),
            out(
                W7(
                    "Representatives from Australia, Thailand and the Regional Support Office "
                    "participated in a panel discussion on responding to trafficking in persons "
                    "as international borders reopen."
                ),
                (member("AUS"), member("THA"), body("RSO")),
                "discussed",
            ),
            out(
                W7(
                    "Panellists discussed the impact of travel restrictions on trafficking in "
                    "persons in their country and the region, challenges expected to arise as "
                    "international borders reopen, how their countries are preparing for these "
                    "challenges, and how more coordinated and effective regional responses could "
                    "support this."
                ),
                (PANELLISTS,),
                "discussed",
            ),
            out(
                W7(
                    "Key initiatives included enhancing screening for victims, additional victim "
                    "support, and awareness campaigns."
                ),
                (PANELLISTS,),
                "highlighted",
                inferred=(
                    inf(
                        "actors",
                        "the sentence names no actor; it closes the account of "
                        "the panel discussion",
                    ),
                    inf(
                        "verb",
                        "'Key initiatives included ...' has no verb of the "
                        "vocabulary; read as initiatives the panellists "
                        "highlighted",
                    ),
                ),
            ),
        ],
        inferred=W7_DATE_INFERENCES,
    ),
]


# ---------------------------------------------------------------------------------------------
# Output and verification
# ---------------------------------------------------------------------------------------------


def meeting_order(m: dict[str, Any]) -> tuple[str, str, str]:
    start = m["start"] or "9999-12-31"
    return (start, m["end"] or start, m["id"])


def build() -> dict[str, dict[str, Any]]:
    meetings = sorted(MEETINGS, key=meeting_order)
    outcome_rank = {o["id"]: i for i, o in enumerate(o for m in meetings for o in m["outcomes"])}
    commitments = sorted(
        COMMITMENTS, key=lambda c: (outcome_rank[c["outcome"]], COMMITMENTS.index(c))
    )
    sources = [
        {
            "id": s.id,
            "title": s.title,
            "date": s.date,
            "format": s.format,
            "path": s.path,
            "meetings": s.meetings,
        }
        for s in sorted(SOURCES.values(), key=lambda s: (s.date, s.id))
    ]
    return {
        "sources": {"format": FORMAT, "sources": sources},
        "members": {"format": FORMAT, "members": sorted(MEMBERS, key=lambda m: m["id"])},
        "bodies": {"format": FORMAT, "bodies": sorted(BODIES, key=lambda b: b["id"])},
        "documents": {"format": FORMAT, "documents": sorted(DOCUMENTS, key=lambda d: d["id"])},
        "meetings": {"format": FORMAT, "meetings": meetings},
        "commitments": {"format": FORMAT, "commitments": commitments},
    }


def verify(files: dict[str, dict[str, Any]]) -> list[str]:
    """Every problem in the built files: spans, ids, references, dates, aliases."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    for s in files["sources"]["sources"]:
        with open(DATA / s["path"], encoding="utf-8", newline="") as handle:
            texts[s["id"]] = handle.read()

    def check_span(where: str, sp: Any) -> None:
        if not isinstance(sp, dict) or list(sp) != ["source", "start", "end", "text"]:
            problems.append(f"{where}: not a span: {sp!r}")
            return
        text = texts.get(sp["source"])
        if text is None:
            problems.append(f"{where}: unknown source {sp['source']!r}")
        elif not 0 <= sp["start"] <= sp["end"] <= len(text):
            problems.append(f"{where}: offsets out of range")
        elif text[sp["start"] : sp["end"]] != sp["text"]:
            problems.append(f"{where}: span text does not match the source")

    def walk(where: str, value: Any) -> None:
        if isinstance(value, dict):
            if set(value) == {"source", "start", "end", "text"}:
                check_span(where, value)
            for key, item in value.items():
                walk(f"{where}.{key}", item)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(f"{where}[{i}]", item)

    ids: dict[str, set[str]] = {}
    for key, document in files.items():
        records = document[key]
        walk(key, records)
        seen: set[str] = set()
        for r in records:
            if r["id"] in seen:
                problems.append(f"{key}: duplicate id {r['id']!r}")
            seen.add(r["id"])
        ids[key] = seen
    outcomes = {o["id"]: o for m in files["meetings"]["meetings"] for o in m["outcomes"]}
    if len(outcomes) != sum(len(m["outcomes"]) for m in files["meetings"]["meetings"]):
        problems.append("meetings: duplicate outcome ids")
    kinds = {"member": "members", "body": "bodies", "document": "documents", "meeting": "meetings"}
    groups = {"members", "participants", "co-chairs", "panellists", "ministers"}

    def check_ref(where: str, ref: str) -> None:
        kind, _, ident = ref.partition(":")
        if kind == "group":
            if ident not in groups:
                problems.append(f"{where}: unknown group {ref!r}")
        elif kind not in kinds or ident not in ids[kinds[kind]]:
            problems.append(f"{where}: unknown reference {ref!r}")

    for s in files["sources"]["sources"]:
        for m in s["meetings"]:
            check_ref(f"sources.{s['id']}.meetings", f"meeting:{m}")
    names: dict[str, str] = {}
    for m in files["members"]["members"]:
        if m["kind"] == "state" and m["iso3"] != m["id"]:
            problems.append(f"members.{m['id']}: iso3 differs from id")
        for name in (m["id"], m["name"], *m["aliases"]):
            owner = names.setdefault(fold(name), m["id"])
            if owner != m["id"]:
                problems.append(f"members.{m['id']}: {name!r} already names {owner}")
    for b in files["bodies"]["bodies"]:
        if b["parent"] is not None:
            check_ref(f"bodies.{b['id']}.parent", f"body:{b['parent']}")
        for c in b["co_chairs"]:
            check_ref(f"bodies.{b['id']}.co_chairs", f"member:{c['member']}")
    for d in files["documents"]["documents"]:
        for a in d["authors"]:
            check_ref(f"documents.{d['id']}.authors", a)
    for m in files["meetings"]["meetings"]:
        where = f"meetings.{m['id']}"
        if m["source"] not in texts:
            problems.append(f"{where}: unknown source")
        if m["body"] is not None:
            check_ref(f"{where}.body", f"body:{m['body']}")
        if m["location"] is not None:
            check_ref(f"{where}.location", f"member:{m['location']['country']}")
            if m["virtual"]:
                problems.append(f"{where}: virtual meeting with a location")
        if (m["start"] is None) != (m["end"] is None):
            problems.append(f"{where}: start/end")
        if m["start"] and m["start"] > m["end"]:
            problems.append(f"{where}: end before start")
        if (m["date_precision"] == "unknown") != (m["start"] is None):
            problems.append(f"{where}: precision")
        if m["days"] and m["date_precision"] != "day":
            problems.append(f"{where}: days without day precision")
        if m["days"] != sorted(set(m["days"])) or any(
            not m["start"] <= d <= m["end"] for d in m["days"]
        ):
            problems.append(f"{where}: days outside start-end or out of order")
        for c in m["co_chairs"]:
            check_ref(f"{where}.co_chairs", f"member:{c}")
        rows = set()
        for a in m["attendance"]:
            check_ref(f"{where}.attendance", f"member:{a['member']}")
            if (a["member"], a["role"]) in rows:
                problems.append(f"{where}: {a['member']} twice as {a['role']}")
            rows.add((a["member"], a["role"]))
        for p in m["bodies_present"]:
            check_ref(f"{where}.bodies_present", f"body:{p['body']}")
        for n, o in enumerate(m["outcomes"], 1):
            if o["id"] != f"{m['id']}/o{n}":
                problems.append(f"{where}: outcome {o['id']} out of order")
            for r in (*o["actors"], *o["objects"]):
                check_ref(f"{o['id']}", r)
            if o["text"] != plain(o["span"]["text"]):
                problems.append(f"{o['id']}: text is not the verbatim span text")
    for c in files["commitments"]["commitments"]:
        if c["outcome"] not in outcomes:
            problems.append(f"commitments.{c['id']}: unknown outcome")
        elif not c["id"].startswith(c["outcome"].split("/")[0] + "/"):
            problems.append(f"commitments.{c['id']}: id does not name its meeting")
        for r in c["actors"]:
            check_ref(f"commitments.{c['id']}", r)
        if c["due"] and c["due"]["meeting"]:
            check_ref(f"commitments.{c['id']}.due", f"meeting:{c['due']['meeting']}")
    return problems


def main(argv: list[str]) -> int:
    try:
        files = build()
    except CurationError as error:
        print(f"curation error: {error}", file=sys.stderr)
        return 2
    problems = verify(files)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if problems:
        return 1
    check_only = "--check" in argv
    stale = []
    for key, document in files.items():
        path = DATA / f"{key}.json"
        text = dumps(key, document[key])  # the library's canonical form
        if check_only:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
    counts = ", ".join(f"{len(d[k])} {k}" for k, d in files.items())
    outcomes = sum(len(m["outcomes"]) for m in files["meetings"]["meetings"])
    if stale:
        print(f"out of date: {', '.join(stale)} (run scripts/curate.py)", file=sys.stderr)
        return 1
    print(f"{'checked' if check_only else 'wrote'}: {counts}, {outcomes} outcomes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
