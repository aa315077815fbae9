"""The bundled record holds what the five statements say: meetings, attendance and roles,
outcomes, commitments, bodies and documents, every fact with a span that verifies."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import baliprocess as bp
from baliprocess.models import (
    AttendanceRole,
    DatePrecision,
    Meeting,
    MemberKind,
    RefKind,
    Span,
)

D = datetime.date


def _spans(value: Any, path: str = "") -> Iterator[tuple[str, Span]]:
    """Every span inside a record, found by walking its fields (independently of the loader)."""
    if isinstance(value, Span):
        yield path, value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.init:
                yield from _spans(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _spans(item, f"{path}[{i}]")


def _all_records() -> Iterator[Any]:
    for collection in (bp.members, bp.bodies, bp.documents, bp.meetings, bp.commitments):
        yield from collection


def test_every_span_lies_inside_its_source_and_quotes_it() -> None:
    texts = {source.id: source.text for source in bp.sources}
    count = 0
    for record in _all_records():
        for path, span in _spans(record):
            text = texts[span.source]
            assert 0 <= span.start <= span.end <= len(text), (record.id, path)
            assert text[span.start : span.end] == span.text, (record.id, path)
            assert span.text.strip(), (record.id, path)
            count += 1
    assert count >= 300


def test_sources_are_the_five_statements_verbatim() -> None:
    assert bp.sources.ids() == ("ahg-som-4", "ahg-som-12", "ahg-som-15", "wg-tip-6", "wg-tip-7")
    assert "Unites States (USA)" in bp.sources.get("ahg-som-15").text
    assert "Jakartam Indonesia" in bp.sources.get("ahg-som-12").text
    assert bp.sources.get("wg-tip-6").format.value == "markdown"


@pytest.mark.parametrize(
    ("ident", "number", "start", "end", "city", "virtual"),
    [
        ("ahg-som-4", 4, D(2011, 3, 9), D(2011, 3, 9), None, False),
        ("ahg-som-12", 12, D(2017, 10, 31), D(2017, 10, 31), "Kuala Lumpur", False),
        ("ahg-som-15", 15, D(2020, 10, 20), D(2020, 10, 21), None, True),
        ("wg-tip-6", 6, D(2020, 11, 10), D(2020, 11, 10), None, True),
        ("wg-tip-7", 7, D(2021, 9, 21), D(2021, 9, 23), None, True),
    ],
)
def test_headline_meetings(
    ident: str, number: int, start: D, end: D, city: str | None, virtual: bool
) -> None:
    meeting = bp.meetings.get(ident)
    assert meeting.number == number
    assert (meeting.start, meeting.end) == (start, end)
    assert meeting.virtual is virtual
    assert (meeting.location.city if meeting.location else None) == city
    assert meeting.outcomes
    assert meeting.source == ident


def test_day_lists() -> None:
    assert bp.meetings.get("ahg-som-15").days == (D(2020, 10, 20), D(2020, 10, 21))
    assert bp.meetings.get("wg-tip-7").days == (D(2021, 9, 21), D(2021, 9, 23))


def _ids(meeting: Meeting, role: str | None = None, contributed: str | None = None) -> set[str]:
    return {member.id for member in meeting.attendees(role=role, contributed=contributed)}


AHG_15_STATES = {
    "AFG", "AUS", "BGD", "IND", "IDN", "MYS", "MDV", "MMR", "NZL", "PAK", "PHL", "LKA",
    "ARE", "THA", "USA", "VNM",
}  # fmt: skip


def test_ahg_som_15_attendance() -> None:
    meeting = bp.meetings.get("ahg-som-15")
    assert _ids(meeting, "member") >= AHG_15_STATES
    assert {"CAN", "GBR", "ILO", "ADFM", "FAST-SEC", "GABF-SEC"} <= _ids(meeting, "observer")
    assert _ids(meeting, contributed="provided-recommendations") == {"UNODC", "UNHCR", "IOM"}
    assert _ids(meeting, contributed="updated") == {"NZL", "FJI"}
    assert _ids(meeting, contributed="co-chaired") == {"IDN", "AUS"}
    wordings = {row.wording for row in meeting.attendance if row.member == "USA"}
    assert "Unites States (USA)" in wordings
    # The Bali Process co-chairs are not named in the statement: marked as inferred.
    chairs = [c for row in meeting.attendance for c in row.contributions if c.kind == "co-chaired"]
    assert len(chairs) == 2
    assert all(chair.inferred for chair in chairs)
    assert "co_chairs" in {inference.field for inference in meeting.inferred}


def test_ahg_som_15_has_26_participants_19_of_them_states() -> None:
    """One row per participant: its standing apart from what it did."""
    meeting = bp.meetings.get("ahg-som-15")
    assert len(meeting.attendance) == len({row.member for row in meeting.attendance}) == 26
    states = [m for m in meeting.attendees() if m.kind is MemberKind.STATE]
    assert len(states) == 19
    assert _ids(meeting, "member") == AHG_15_STATES
    assert _ids(meeting, "observer") == {"CAN", "GBR", "ILO", "ADFM", "FAST-SEC", "GABF-SEC"}
    assert _ids(meeting, "unstated") == {"UNODC", "UNHCR", "IOM", "FJI"}
    (nzl,) = [row for row in meeting.attendance if row.member == "NZL"]
    assert nzl.role is AttendanceRole.MEMBER
    assert [c.kind.value for c in nzl.contributions] == ["updated"]
    assert nzl.mentions  # its second evidence: the update it gave
    (aus,) = [row for row in meeting.attendance if row.member == "AUS"]
    assert aus.role is AttendanceRole.MEMBER
    assert [c.kind.value for c in aus.contributions] == ["co-chaired", "hosted"]
    assert meeting.roles_of("Australia") == (AttendanceRole.MEMBER,)


def test_ahg_som_12_attendance() -> None:
    meeting = bp.meetings.get("ahg-som-12")
    states = {
        "AFG", "AUS", "BGD", "IDN", "MYS", "MDV", "MMR", "NZL", "PAK", "PHL", "THA", "ARE",
        "USA", "VNM",
    }  # fmt: skip
    assert _ids(meeting, "member") >= states | {"UNHCR", "UNODC", "IOM"}
    assert _ids(meeting, "observer") == {"CAN", "ADFM"}
    assert _ids(meeting, contributed="presented") == {"IDN"}
    assert "IDN" in _ids(meeting, "member")
    assert "RSO" in {present.body for present in meeting.bodies_present}
    assert meeting.location is not None
    assert (meeting.location.city, meeting.location.country) == ("Kuala Lumpur", "MYS")


def test_ahg_som_4_attendance() -> None:
    meeting = bp.meetings.get("ahg-som-4")
    states = {"AFG", "AUS", "BGD", "IND", "IDN", "MYS", "MDV", "MMR", "NZL", "PAK", "LKA", "THA"}
    assert _ids(meeting, "member") >= states | {"UNHCR", "IOM"}
    assert _ids(meeting, "observer") == {"PHL", "CAN", "USA", "ASEAN-SEC", "UNODC"}
    assert meeting.location is not None
    # "Bali" is a place, not a city.
    assert (meeting.location.place, meeting.location.city) == ("Bali", None)
    assert meeting.location.country == "IDN"
    assert len(meeting.purpose) == 2
    assert len(meeting.agenda) == 4


def test_wg_tip_meetings() -> None:
    six = bp.meetings.get("wg-tip-6")
    assert six.body == "WG-TIP"
    assert set(six.co_chairs) == {"IDN", "AUS"}
    assert not [i for i in six.inferred if i.field == "co_chairs"]
    assert [count.count for count in six.participants] == [65]
    # The Co-Chairs "provided an overview of the draft Forward Work Plan" too.
    assert _ids(six, contributed="presented") == {
        "IOM",
        "ILO",
        "UNHCR",
        "RCRC",
        "UNODC",
        "IDN",
        "AUS",
    }
    assert _ids(six, contributed="updated") == {"PHL"}
    assert {b.id for b in six.bodies_taking_part(contributed="updated")} == {"RSO"}
    assert _ids(six, contributed="co-chaired") == {"IDN", "AUS"}
    assert _ids(six, "unstated") == _ids(six)
    seven = bp.meetings.get("wg-tip-7")
    assert _ids(seven, "observer") == {"SGP", "TLS", "ILO"}
    assert 14 in [count.count for count in seven.participants]


@pytest.mark.parametrize(
    ("ident", "start", "end", "place"),
    [
        ("cm-1", D(2017, 10, 13), D(2017, 10, 13), ("Jakarta", "IDN")),
        ("gabf-1", D(2017, 8, 24), D(2017, 8, 25), ("Perth", "AUS")),
        ("gcm-prep-2017", D(2017, 11, 6), D(2017, 11, 8), ("Bangkok", "THA")),
        ("rbdes-workshop-1", D(2017, 2, 23), D(2017, 2, 24), ("Bangkok", "THA")),
        ("tewg-ima-2", D(2011, 5, 10), D(2011, 5, 11), ("Colombo", "LKA")),
        ("tewg-ima-3", D(2011, 11, 14), D(2011, 11, 16), ("Negombo", "LKA")),
        ("workshop-manila-2010", D(2010, 11, 22), D(2010, 11, 23), ("Manila", "PHL")),
        ("wg-tip-workshop-2020", D(2020, 11, 5), D(2020, 11, 5), None),
        ("bpmc-4", D(2011, 3, 30), D(2011, 3, 30), None),
        ("bp-som-2011", D(2011, 3, 10), D(2011, 3, 10), None),
    ],
)
def test_meetings_stated_in_passing(
    ident: str, start: D, end: D, place: tuple[str, str] | None
) -> None:
    meeting = bp.meetings.get(ident)
    assert (meeting.start, meeting.end) == (start, end)
    assert meeting.date_precision is DatePrecision.DAY
    if place is not None:
        assert meeting.location is not None
        assert (meeting.location.city, meeting.location.country) == place


def test_month_and_unknown_precision() -> None:
    assert bp.meetings.get("ahg-som-3").date_precision is DatePrecision.MONTH
    assert bp.meetings.get("ahg-som-3").start == D(2010, 6, 1)
    assert bp.meetings.get("bpmc-3").date_precision is DatePrecision.MONTH
    assert bp.meetings.get("ahg-som-11").date_precision is DatePrecision.UNKNOWN
    assert bp.meetings.get("ahg-som-11").start is None
    # Undated meetings sort last.
    assert bp.meetings[len(bp.meetings) - 1].start is None


def test_tewg_ima_3_co_chairs_are_stated() -> None:
    meeting = bp.meetings.get("tewg-ima-3")
    assert set(meeting.co_chairs) == {"LKA", "AUS"}
    assert _ids(meeting, contributed="co-chaired") == {"LKA", "AUS"}


REQUIRED_BODIES = [
    "BP", "AHG", "SG", "WG-TIP", "WG-DISRUPTION", "TFPP", "TEG-RR", "RSO", "GABF", "CM",
    "TEWG-IMA", "RBDES", "RBDES-OC", "RILON",
]  # fmt: skip


@pytest.mark.parametrize("ident", REQUIRED_BODIES)
def test_bodies(ident: str) -> None:
    assert bp.bodies.get(ident).id == ident


def test_body_aliases() -> None:
    assert bp.bodies.lookup("TIPWG") is bp.bodies.lookup("WG-TIP")
    assert bp.bodies.lookup("Trafficking in Persons Working Group").id == "WG-TIP"
    assert bp.bodies.lookup("WG-Disruption").id == "WG-DISRUPTION"
    disruption = bp.bodies.get("WG-DISRUPTION")
    chairs = {(c.member, c.as_of.year) for c in disruption.co_chairs}
    assert {("MYS", 2017), ("NZL", 2017), ("NZL", 2020), ("FJI", 2020)} <= chairs


@pytest.mark.parametrize(
    ("alias", "ident"),
    [
        ("UAE", "ARE"),
        ("United Arab Emirates (UAE)", "ARE"),
        ("Unites States (USA)", "USA"),
        ("United States of America", "USA"),
        ("united states", "USA"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("the Office of the United Nations High Commissioner for Refugees", "UNHCR"),
        ("International Labour Organisation", "ILO"),
        ("International Labour Organization", "ILO"),
        ("Walk Free", "GABF-SEC"),
        ("the philippines", "PHL"),
        ("Timor-Leste", "TLS"),
        ("International Red Cross and Red Crescent Movement", "RCRC"),
    ],
)
def test_member_aliases(alias: str, ident: str) -> None:
    assert bp.members.lookup(alias).id == ident


def test_states_have_iso_codes() -> None:
    for member in bp.members.filter(kind="state"):
        assert member.iso3 == member.id
        assert member.iso2 is not None
        assert len(member.iso2) == 2
    assert bp.members.get("ILO").kind is MemberKind.INTERNATIONAL_ORGANISATION
    assert bp.members.get("ILO").iso3 is None


def test_member_status_as_the_sources_show_it() -> None:
    ilo = bp.members.get("ILO")
    statuses = {(claim.status.value, claim.as_of.year) for claim in ilo.status}
    assert ("applicant", 2017) in statuses
    assert ("member", 2021) in statuses
    assert ilo.current_status is not None
    assert ilo.current_status.value == "member"


REQUIRED_DOCUMENTS = [
    "strategy-for-cooperation", "following-the-money-guide", "compendium-supply-chains",
    "aaa-recommendations", "tipwg-forward-work-plan-2020-22", "global-compact-refugees",
    "global-compact-migration", "ministerial-declarations",
]  # fmt: skip


@pytest.mark.parametrize("ident", REQUIRED_DOCUMENTS)
def test_documents(ident: str) -> None:
    assert bp.documents.get(ident).id == ident


def test_commitments_of_australia() -> None:
    actions = " ".join(c.action for c in bp.commitments.filter(actor="Australia"))
    assert "co-chair" in actions
    assert "revitalise" in actions
    assert "Joint Information Campaign" in actions or "partnership" in actions


def test_commitment_due_and_outcome() -> None:
    ilo = [c for c in bp.commitments if "request for membership" in c.action]
    assert ilo
    assert ilo[0].due is not None
    assert "next Bali Process SOM" in ilo[0].due.text
    assert ilo[0].meeting().id == "ahg-som-12"
    deferred = [c for c in bp.commitments if c.kind.value == "deferral"]
    assert any("travel restrictions" in (c.due.text if c.due else "") for c in deferred)
    workshop = [c for c in bp.commitments if c.due is not None and c.due.meeting == "wg-tip-6"]
    assert workshop
    assert workshop[0].due is not None
    assert workshop[0].due.date == D(2020, 11, 10)


def test_outcomes_refer_to_existing_records() -> None:
    for meeting in bp.meetings:
        for outcome in meeting.outcomes:
            assert outcome.id.startswith(meeting.id + "/")
            assert outcome.meeting() is meeting
            for ref in (*outcome.actors, *outcome.objects):
                if ref.kind is RefKind.MEMBER:
                    assert ref.id in bp.members
                elif ref.kind is RefKind.BODY:
                    assert ref.id in bp.bodies
                elif ref.kind is RefKind.DOCUMENT:
                    assert ref.id in bp.documents
                elif ref.kind is RefKind.MEETING:
                    assert ref.id in bp.meetings


def test_outcome_counts_cover_every_bullet() -> None:
    # Every "- " bullet of the AHG statements is (part of) an outcome, purpose or agenda item.
    for ident in ("ahg-som-15", "ahg-som-12"):
        meeting = bp.meetings.get(ident)
        text = bp.sources.get(ident).text
        bullets = [line[2:] for line in text.splitlines() if line.startswith("- ")]
        covered = " ".join(o.text for o in meeting.outcomes)
        for bullet in bullets:
            assert bullet[:40] in covered, bullet


def test_ilo_meetings_in_date_order() -> None:
    meetings = bp.members.lookup("ILO").meetings()
    ids = [m.id for m in meetings]
    assert {"ahg-som-15", "wg-tip-6", "wg-tip-7"} <= set(ids)
    starts = [m.start for m in meetings if m.start is not None]
    assert starts == sorted(starts)
