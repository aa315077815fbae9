"""Commitments tracked: every commitment of the five statements has a status derived from its
follow-ups, pinned here with the words that justify it; status_as_of before and after each
follow-up; groups, filters, timelines and the follow-up checks."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import baliprocess as bp
from baliprocess.models import CommitmentStatus, Relation
from minimal import minimal_records, span, write_folder

D = datetime.date

# commitment -> (status, the span text of the follow-up that justifies it, or None)
STATUSES: dict[str, tuple[str, str | None]] = {
    "ahg-som-4/organise-workshops": ("no-evidence", None),
    "ahg-som-4/organise-expert-meetings": (
        "substantial",
        "the Third Meeting of the Bali Process on People Smuggling, Trafficking in Persons and "
        "Related Transnational Crime (Bali Process) Ad Hoc Group (AHG) Technical Experts Group on "
        "Irregular Movement by Air was held in Negombo, Sri Lanka",
    ),
    "ahg-som-4/organise-bilateral-exchanges": ("no-evidence", None),
    "ahg-som-4/rilon-establishment": ("no-evidence", None),
    "ahg-som-4/rilon-broadening": ("no-evidence", None),
    "ahg-som-4/retain-ahg": (
        "complete",
        "hosted the Twelfth Meeting of the Ad Hoc Group Senior Officials (AHG SOM)",
    ),
    "ahg-som-4/expand-ahg-membership": (
        "limited",
        "Philippines, Thailand, United Arab Emirates, United States and Vietnam",
    ),
    "ahg-som-4/regional-cooperation-framework": ("no-evidence", None),
    "ahg-som-4/operationalise-regional-framework": ("no-evidence", None),
    "ahg-som-12/rso-rbdes-oversight-committee": ("no-evidence", None),
    "ahg-som-12/revitalise-biometrics-workshop": ("no-evidence", None),
    "ahg-som-12/jic-partnership": ("no-evidence", None),
    "ahg-som-12/establish-tfpp": (
        "complete",
        "the Ad Hoc Policy Experts Gathering of the TFPP held in July 2020",
    ),
    "ahg-som-12/teg-rr-co-chairs": (
        "substantial",
        "under the Technical Experts Group on Returns and Reintegration (TEG-RR)",
    ),
    "ahg-som-12/ilo-membership-request": (
        "complete",
        "Bali Process members Singapore, Timor-Leste and the International Labour Organization",
    ),
    "ahg-som-15/continue-practical-measures": (
        "limited",
        "The Regional Webinar brought together Working Group members to consider the trafficking "
        "in persons challenges anticipated to arise or be exacerbated as international borders "
        "reopen",
    ),
    "ahg-som-15/gabf-convene-virtually": ("no-evidence", None),
    "ahg-som-15/gabf-sector-focus": (
        "limited",
        "contributes to priorities of the Bali Process Government and Business Forum articulated "
        "in the Acknowledge, Act, Advance (AAA) Recommendations",
    ),
    "ahg-som-15/wg-tip-compendium-workshop": ("complete", "which took place on 5 November 2020"),
    "ahg-som-15/wg-tip-online-workshops-2021": (
        "limited",
        "Regional Webinar on Combatting Trafficking in Persons in the COVID-19 Recovery Phase "
        "(Regional Webinar)",
    ),
    "ahg-som-15/wg-tip-sixth-annual-meeting": (
        "complete",
        "On 10 November 2020, the Indonesian Ministry of Foreign Affairs and the Australian Border "
        "Force co-chaired the Sixth Annual Meeting of the Bali Process Trafficking in Persons "
        "Working Group (TIPWG)",
    ),
    "ahg-som-15/wg-disruption-refresh": ("no-evidence", None),
    "ahg-som-15/ahg-consider-concept-note": ("no-evidence", None),
    "ahg-som-15/tfpp-simulation-exercise": (
        "deferred",
        "would be deferred until international travel restrictions eased",
    ),
    "ahg-som-15/iom-rso-returns-reintegration": ("no-evidence", None),
    "wg-tip-6/compendium-endorsement": (
        "complete",
        "Co-Chairs officially launched the Compendium of Good Practice Examples to Combat "
        "Exploitation in Supply Chains (Compendium)",
    ),
    "wg-tip-6/forward-work-plan-endorsement": ("no-evidence", None),
    "wg-tip-6/rso-technology-roundtable": ("no-evidence", None),
}


def test_every_commitment_has_a_pinned_status() -> None:
    assert set(bp.commitments.ids()) == set(STATUSES)


@pytest.mark.parametrize("ident", sorted(STATUSES))
def test_status_and_the_words_that_justify_it(ident: str) -> None:
    status, words = STATUSES[ident]
    commitment = bp.commitments.get(ident)
    assert commitment.status.value == status
    history = commitment.history()
    if words is None:
        # No follow-up: no-evidence, and never more than that.
        assert history == ()
        assert commitment.g7_score() is None
        assert commitment.ogp_completion() is None
    else:
        assert history[-1].span.text == words
        source = bp.sources.get(history[-1].span.source)
        assert source.text[history[-1].span.start : history[-1].span.end] == words
        assert history[-1].reason


def test_status_as_of_before_and_after_each_follow_up() -> None:
    for followup in bp.followups:
        commitment = bp.commitments.get(followup.commitment)
        made = commitment.made
        assert made is not None
        assert commitment.status_as_of(made - datetime.timedelta(days=1)) is None
        after = commitment.status_as_of(followup.date)
        assert after is not None
        assert after is not CommitmentStatus.NO_EVIDENCE
        day_before = followup.date - datetime.timedelta(days=1)
        if day_before >= made and followup is commitment.history()[0]:
            assert commitment.status_as_of(day_before) is CommitmentStatus.NO_EVIDENCE


def test_a_commitment_its_own_statement_defers_starts_deferred() -> None:
    exercise = bp.commitments.get("ahg-som-15/tfpp-simulation-exercise")
    assert exercise.made == D(2020, 10, 20)
    assert exercise.status_as_of(D(2020, 10, 20)) is CommitmentStatus.DEFERRED
    assert exercise.history()[0].span.source == exercise.span.source


def test_commitments_are_in_the_order_of_their_meetings_and_outcomes(tmp_path: Path) -> None:
    # The bundled file's commitments, written in reverse: the load puts them back in the order
    # of their meetings, then of the outcomes within a meeting, keeping file order among the
    # commitments of one outcome.
    import json
    import shutil

    data = Path(bp.__file__).parent / "data"
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    path = folder / "commitments.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["commitments"].reverse()
    path.write_text(json.dumps(document), encoding="utf-8")
    dataset = bp.load(folder, bundled=False)

    places = {
        outcome.id: (position, within)
        for position, meeting in enumerate(dataset.meetings)
        for within, outcome in enumerate(meeting.outcomes)
    }
    reversed_file = [c["id"] for c in document["commitments"]]
    expected = sorted(reversed_file, key=lambda i: places[dataset.commitments.get(i).outcome])
    assert [c.id for c in dataset.commitments] == expected
    assert expected != reversed_file  # the load did reorder them


def test_status_as_of_takes_a_date() -> None:
    with pytest.raises(bp.InvalidQueryError):
        bp.commitments.get("ahg-som-4/retain-ahg").status_as_of("2020-01-01")  # type: ignore[arg-type]


def test_australia_and_its_groups() -> None:
    own = bp.commitments.filter(actor="Australia").ids()
    assert own == (
        "ahg-som-12/revitalise-biometrics-workshop",
        "ahg-som-12/jic-partnership",
        "ahg-som-12/teg-rr-co-chairs",
    )
    expanded = bp.commitments.filter(actor="Australia", expand_groups=True).ids()
    assert set(own) < set(expanded)
    assert "ahg-som-12/ilo-membership-request" in expanded  # the co-chairs' commitment
    assert "wg-tip-6/compendium-endorsement" not in expanded  # Australia's standing there: unstated
    assert (
        bp.commitments.filter(actor="co-chairs").ids()
        == bp.commitments.filter(actor="group:co-chairs").ids()
    )


def test_filters_compose() -> None:
    complete = bp.commitments.filter(status="complete")
    assert all(c.status is CommitmentStatus.COMPLETE for c in complete)
    assert bp.commitments.filter(status="complete", year=2020).ids() == (
        "ahg-som-15/wg-tip-compendium-workshop",
        "ahg-som-15/wg-tip-sixth-annual-meeting",
        "wg-tip-6/compendium-endorsement",
    )
    with pytest.raises(bp.InvalidQueryError):
        bp.commitments.filter(status="done")
    with pytest.raises(bp.InvalidQueryError):
        bp.commitments.filter(made_between=("2020", "2021"))  # type: ignore[arg-type]
    with pytest.raises(bp.InvalidQueryError):
        bp.commitments.filter(due_before="2021-01-01")  # type: ignore[arg-type]


def test_timeline_of_the_ilo_includes_its_membership() -> None:
    entries = bp.timeline("ILO")
    kinds = [(e.kind, e.record.id) for e in entries]
    assert ("commitment", "ahg-som-12/ilo-membership-request") in kinds
    assert ("followup", "ilo-a-member") in kinds
    dates = [e.date for e in entries if e.date is not None]
    assert dates == sorted(dates)
    assert all(e.span.text for e in entries)
    assert bp.timeline(bp.members.get("ILO")) == entries
    assert bp.timeline("member:ILO") == entries


def test_timeline_subjects() -> None:
    assert bp.timeline("commitment:ahg-som-15/tfpp-simulation-exercise")[0].kind == "commitment"
    assert {e.kind for e in bp.timeline("ahg-som-15")} >= {"meeting", "outcome", "commitment"}
    assert any(e.how == "held" for e in bp.timeline("RSO"))
    with pytest.raises(bp.UnknownIdError):
        bp.timeline("Atlantis")
    with pytest.raises(bp.InvalidQueryError):
        bp.timeline(42)


def _with_followups(tmp_path: Path, followups: list[dict[str, object]]) -> Path:
    records = minimal_records()
    records["followups"] = followups
    return write_folder(tmp_path / "data", records)


def _followup(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "f1",
        "commitment": "tg-1/host-next-meeting",
        "relation": "fulfils",
        "span": span("Utopia will host the next meeting."),
        "date": "2022-03-02",
        "reason": "the next meeting is hosted",
    }
    base.update(fields)
    return base


def test_reaffirm_and_contradict(tmp_path: Path) -> None:
    folder = _with_followups(
        tmp_path,
        [
            _followup(id="a", relation="reaffirms"),
            _followup(id="b", relation="progresses", degree="limited", degree_reason="begun",
                      date="2022-04-01"),
            _followup(id="c", relation="fulfils", date="2022-05-01"),
            _followup(id="d", relation="contradicts", contradicts="c", date="2022-06-01"),
        ],
    )  # fmt: skip
    dataset = bp.load(folder, bundled=False)  # kept: records follow links into their dataset
    commitment = dataset.commitments.get("tg-1/host-next-meeting")
    assert commitment.status_as_of(D(2022, 3, 2)) is CommitmentStatus.NO_EVIDENCE
    assert commitment.reaffirmed
    assert commitment.status_as_of(D(2022, 4, 1)) is CommitmentStatus.LIMITED
    assert commitment.status_as_of(D(2022, 5, 1)) is CommitmentStatus.COMPLETE
    assert commitment.status is CommitmentStatus.LIMITED  # back to before the contradicted one
    assert [f.relation for f in commitment.history()] == [
        Relation.REAFFIRMS, Relation.PROGRESSES, Relation.FULFILS, Relation.CONTRADICTS,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"commitment": "tg-1/nothing"}, "commitment", "unknown commitment"),
        ({"relation": "progresses"}, "degree", "with 'progresses' only"),
        ({"degree": "limited", "degree_reason": "x"}, "degree", "with 'progresses' only"),
        ({"relation": "progresses", "degree": "limited"}, "degree_reason", "give its reason"),
        ({"relation": "contradicts"}, "contradicts", "names the follow-up"),
        ({"relation": "contradicts", "contradicts": "nope"}, "contradicts", "unknown followup"),
        ({"meeting": "tg-9"}, "meeting", "unknown meeting"),
        ({"outcome": "tg-1/o9"}, "outcome", "unknown outcome"),
        ({"status_of": "UTX"}, "status_of", "unknown member"),
        ({"relation": "finished"}, "relation", "expected one of"),
    ],
)
def test_broken_follow_ups_are_located(
    tmp_path: Path, fields: dict[str, object], field: str, message: str
) -> None:
    folder = _with_followups(tmp_path, [_followup(**fields)])
    with pytest.raises(bp.DataError) as caught:
        bp.load(folder, bundled=False)
    found = [(p.record, p.field, p.message) for p in caught.value.problems]
    assert any(r == "f1" and f == field and message in m for r, f, m in found), found


@pytest.mark.parametrize(
    ("followups", "message"),
    [
        (
            [
                _followup(id="a", commitment="tg-1/host-next-meeting"),
                _followup(id="f1", relation="contradicts", contradicts="a", date="2022-01-01"),
            ],
            "contradicts only an earlier one",
        ),
    ],
)
def test_a_contradiction_names_an_earlier_follow_up_of_its_commitment(
    tmp_path: Path, followups: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(bp.DataError) as caught:
        bp.load(_with_followups(tmp_path, followups), bundled=False)
    found = [(p.record, p.field, p.message) for p in caught.value.problems]
    assert any(r == "f1" and f == "contradicts" and message in m for r, f, m in found), found


def test_a_contradicted_follow_up_no_longer_counts_but_later_evidence_does(tmp_path: Path) -> None:
    folder = _with_followups(
        tmp_path,
        [
            _followup(id="a", relation="progresses", degree="limited", degree_reason="begun",
                      date="2022-04-01"),
            _followup(id="b", relation="fulfils", date="2022-05-01"),
            _followup(id="c", relation="contradicts", contradicts="a", date="2022-06-01"),
        ],
    )  # fmt: skip
    dataset = bp.load(folder, bundled=False)
    commitment = dataset.commitments.get("tg-1/host-next-meeting")
    # The later fulfilment stands: only the contradicted progress is voided.
    assert commitment.status is CommitmentStatus.COMPLETE
    assert commitment.status_as_of(D(2022, 4, 15)) is CommitmentStatus.LIMITED


def test_timeline_of_a_meeting_names_the_commitments_made_there() -> None:
    hows = {(e.kind, e.how) for e in bp.timeline("meeting:ahg-som-15")}
    assert ("commitment", "made-at") in hows
