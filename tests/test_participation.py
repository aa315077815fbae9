"""Who took part and in what capacity: standing apart from contribution, bodies as
participants, membership that does not mislead, meeting states, places and counts; and files of
the first data format, upgraded as they load."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import baliprocess as bp
from baliprocess.models import AttendanceRole, ContributionKind, MeetingState
from minimal import minimal_records, write_folder


def test_a_participant_has_one_row_per_meeting() -> None:
    for meeting in bp.meetings:
        members = [row.member for row in meeting.attendance]
        bodies = [row.body for row in meeting.bodies_present]
        assert len(members) == len(set(members)), meeting.id
        assert len(bodies) == len(set(bodies)), meeting.id


def test_the_15th_ahg_som_as_a_user_counts_it() -> None:
    meeting = bp.meetings.get("ahg-som-15")
    everyone = meeting.attendees()
    assert len(everyone) == 26
    assert len([m for m in everyone if m.kind.value == "state"]) == 19
    # The four that the attendance sentence leaves out, there by what they did.
    assert {m.id for m in meeting.attendees(role="unstated")} == {"UNODC", "UNHCR", "IOM", "FJI"}
    assert {m.id for m in meeting.attendees(contributed=True)} == {
        "IDN", "AUS", "NZL", "UNODC", "UNHCR", "IOM", "FJI",
    }  # fmt: skip
    assert bp.meetings.filter(attended_by="Fiji", role="unstated").ids() == ("ahg-som-15",)
    assert bp.meetings.filter(attended_by="Fiji", contributed="updated").ids() == ("ahg-som-15",)
    assert bp.meetings.filter(attended_by="Fiji", role="member").ids() == ()


def test_standing_and_contribution_filters_pair_within_one_row() -> None:
    # Some member-standing participant presented at the 12th AHG SOM (Indonesia) ...
    assert "ahg-som-12" in bp.meetings.filter(role="member", contributed="presented").ids()
    # ... but at the 6th TIPWG meeting the presenters' standing is not stated.
    assert "wg-tip-6" not in bp.meetings.filter(role="member", contributed="presented").ids()
    assert "wg-tip-6" in bp.meetings.filter(role="unstated", contributed="presented").ids()


def test_webinar_panellists_and_the_rso() -> None:
    webinar = bp.meetings.get("wg-tip-webinar-2021")
    assert {m.id for m in webinar.attendees(contributed="panellist")} == {"AUS", "THA"}
    assert [b.id for b in webinar.bodies_taking_part(contributed="panellist")] == ["RSO"]
    (rso,) = webinar.bodies_present
    assert rso.mentions  # attended, and on the panel: one row, both spans
    assert rso.contributed(ContributionKind.PANELLIST)


def test_the_rso_took_part_in_four_meetings() -> None:
    expected = ("ahg-som-12", "wg-tip-6", "wg-tip-7", "wg-tip-webinar-2021")
    assert bp.meetings.filter(attended_by="RSO").ids() == expected
    assert bp.meetings.filter(attended_by="body:RSO").ids() == expected
    rso = bp.bodies.get("RSO")
    assert bp.meetings.filter(attended_by=rso).ids() == expected
    took_part_or_held = [m.id for m in rso.meetings()]
    assert set(expected) <= set(took_part_or_held)
    assert [m.id for m in rso.meetings(held=True)] == ["rso-technology-roundtable-2021"]
    starts = [m.start for m in rso.meetings() if m.start is not None]
    assert starts == sorted(starts)


def test_member_and_body_prefixes_say_which() -> None:
    assert bp.meetings.filter(attended_by="member:CAN").ids() == (
        "ahg-som-4",
        "ahg-som-12",
        "ahg-som-15",
    )
    with pytest.raises(bp.UnknownIdError):
        bp.meetings.filter(attended_by="body:CAN")


def test_a_name_of_both_a_member_and_a_body_is_ambiguous(tmp_path: Path) -> None:
    records = minimal_records()
    records["bodies"][0]["aliases"] = ["Atlantis"]  # a body named like the member ATL
    dataset = bp.load(write_folder(tmp_path / "data", records), bundled=False)
    with pytest.raises(bp.InvalidQueryError) as caught:
        dataset.meetings.filter(attended_by="Atlantis")
    message = str(caught.value)
    assert "member 'ATL'" in message
    assert "body 'TG'" in message
    assert "'member:ATL'" in message
    assert "'body:TG'" in message
    assert dataset.meetings.filter(attended_by="member:ATL").ids() == ("tg-1",)
    with pytest.raises(bp.InvalidQueryError):
        dataset.commitments.filter(actor="Atlantis")


def test_membership_that_does_not_mislead() -> None:
    assert set(bp.members.filter(status="member").ids()) == {"ILO", "SGP", "TLS"}
    not_stated = bp.members.filter(status="not-stated").ids()
    assert "AUS" in not_stated
    assert "IDN" in not_stated
    assert bp.members.get("AUS").current_status is None
    with pytest.raises(bp.InvalidQueryError) as caught:
        bp.members.filter(status="founder")
    assert "'not-stated'" in str(caught.value)


def test_every_meeting_has_a_state_and_filters_keep_every_state() -> None:
    states = {m.state for m in bp.meetings}
    assert states == set(MeetingState)
    held = bp.meetings.filter(state="held")
    assert 0 < len(held) < len(bp.meetings)
    assert bp.meetings.get("tfpp-simulation-exercise").state is MeetingState.DEFERRED
    assert bp.meetings.get("bp-som-next").state is MeetingState.PLANNED
    due = bp.commitments.get("ahg-som-12/ilo-membership-request").due
    assert due is not None
    assert due.meeting == "bp-som-next"


@pytest.mark.parametrize(
    "ident",
    [
        "bp-som-next", "jpa-3", "ministers-2018", "tfpp-simulation-exercise",
        "wg-tip-online-workshops-2021", "rso-technology-roundtable-2021", "teg-rr-workshops",
        "ahg-workshops-2011", "ahg-expert-meetings-2011",
    ],
)  # fmt: skip
def test_the_entities_the_record_lacked_are_meetings_with_spans(ident: str) -> None:
    meeting = bp.meetings.get(ident)
    source = bp.sources.get(meeting.span.source)
    assert source.text[meeting.span.start : meeting.span.end] == meeting.span.text
    assert meeting.id in source.meetings


def test_documents_the_record_lacked() -> None:
    framework = bp.documents.get("regional-cooperation-framework")
    assert [o.id for o in framework.outcomes()][:1]
    assert all(o.meeting().id == "ahg-som-4" for o in framework.outcomes())
    workplan = bp.documents.get("wg-disruption-workplan")
    assert [o.meeting().id for o in workplan.outcomes()] == ["ahg-som-15"]


def test_names_resolve() -> None:
    assert bp.members.lookup("the Indonesian Ministry of Foreign Affairs").id == "IDN"
    assert bp.members.lookup("the Australian Border Force").id == "AUS"
    row = next(r for r in bp.meetings.get("wg-tip-6").attendance if r.member == "AUS")
    assert row.wording == "the Australian Border Force"  # the capacity is kept
    for body in bp.bodies:
        assert bp.bodies.lookup(body.span.text).id == body.id, body.span.text
    for text, ident in [
        ("Regional Biometric Data Exchange Solution (RBDES) initiative", "RBDES"),
        ("AHG SOM", "AHG"),
        ("Ad Hoc Group (AHG) Technical Experts Group on Irregular Movement by Air", "TEWG-IMA"),
    ]:
        assert bp.bodies.lookup(text).id == ident


def test_nested_counts_are_not_added_up() -> None:
    meeting = bp.meetings.get("wg-tip-7")
    assert [c.count for c in meeting.participants] == [14, 3]
    assert meeting.participants[1].within == 0
    assert meeting.participant_total() == 14
    assert bp.meetings.get("ahg-som-15").participant_total() is None  # not stated, not 0


def test_a_place_is_not_a_city_and_virtual_is_never_guessed_silently() -> None:
    location = bp.meetings.get("ahg-som-4").location
    assert location is not None
    assert (location.place, location.city, location.country) == ("Bali", None, "IDN")
    for meeting in bp.meetings:
        if meeting.virtual is False:
            assert "virtual" in {i.field for i in meeting.inferred}, meeting.id


def _first_format(records: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The minimal records as the first data format wrote them."""
    old = copy.deepcopy(records)
    for meeting in old["meetings"]:
        meeting.pop("state")
        location = meeting["location"]
        assert isinstance(location, dict)
        location.pop("place")
        rows = []
        for row in meeting["attendance"]:
            rows.append(
                {
                    "member": row["member"],
                    "role": "co-chair",
                    "wording": row["wording"],
                    "span": row["span"],
                    "inferred": None,
                }
            )
            rows.append(
                {
                    "member": row["member"],
                    "role": "member",
                    "wording": row["wording"],
                    "span": row["span"],
                    "inferred": None,
                }
            )
        meeting["attendance"] = rows
    return old


def test_files_of_the_first_format_still_load_and_write_back_as_today(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "old", _first_format(minimal_records()))
    for file in folder.glob("*.json"):
        document = json.loads(file.read_text(encoding="utf-8"))
        document["format"] = "baliprocess/1"
        file.write_text(json.dumps(document), encoding="utf-8")
    dataset = bp.load(folder, bundled=False)
    meeting = dataset.meetings.get("tg-1")
    assert meeting.state is MeetingState.UNKNOWN
    assert [(r.member, r.role) for r in meeting.attendance] == [
        ("ATL", AttendanceRole.MEMBER), ("UTO", AttendanceRole.MEMBER),
    ]  # fmt: skip
    assert [c.kind for c in meeting.attendance[0].contributions] == [ContributionKind.CO_CHAIRED]
    assert meeting.location is not None
    assert meeting.location.place == "Springfield"
    dataset.write(tmp_path / "new")
    written = json.loads((tmp_path / "new" / "meetings.json").read_text(encoding="utf-8"))
    assert written["format"] == "baliprocess/2"
    again = bp.load(tmp_path / "new", bundled=False)
    assert again.meetings.get("tg-1") == meeting


def test_a_real_country_no_statement_names_is_said_to_be_one() -> None:
    with pytest.raises(bp.UnknownIdError) as caught:
        bp.members.lookup("China")
    message = str(caught.value)
    assert "China (CHN)" in message
    assert "no statement of the record names" in message
    assert caught.value.suggestions == ()  # not "did you mean 'Canada'?"
    assert "Canada" not in message
    # A state of the record is found by any of its ISO names.
    assert bp.members.lookup("Viet Nam").id == "VNM"
    assert bp.members.lookup("Burma").id == "MMR"
    # Not a member of a filtered selection: still a lookup miss, not a country message.
    with pytest.raises(bp.UnknownIdError) as caught:
        bp.members.filter(kind="international-organisation").lookup("Viet Nam")
    assert "filtered selection" in str(caught.value)


def test_a_first_format_row_with_an_unknown_role_is_reported_not_guessed(tmp_path: Path) -> None:
    old = _first_format(minimal_records())
    old["meetings"][0]["attendance"][1]["role"] = "obsrver"
    folder = write_folder(tmp_path / "old", old)
    for file in folder.glob("*.json"):
        document = json.loads(file.read_text(encoding="utf-8"))
        document["format"] = "baliprocess/1"
        file.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(bp.DataError) as caught:
        bp.load(folder, bundled=False)
    assert any("obsrver" in p.message for p in caught.value.problems)


def test_a_member_follows_its_own_links_even_when_a_body_shares_its_id(tmp_path: Path) -> None:
    records = minimal_records()
    records["bodies"][0]["aliases"] = ["ATL"]  # a body alias equal to a member's id
    dataset = bp.load(write_folder(tmp_path / "data", records), bundled=False)
    atlantis = dataset.members.get("ATL")
    assert [m.id for m in atlantis.meetings()] == ["tg-1"]
    assert atlantis.commitments() == ()
