"""The reading itself: sentences -> meetings, participants, outcomes, commitments, names."""

from __future__ import annotations

import re

from .._normalize import fold
from ._dates import DateMatch, find_dates
from ._meetings import _ORDINALS as _ORDINAL_NUM
from ._meetings import Mention, date_after, find_mentions, meeting_of, place_after_dash, place_in
from ._model import Contribution, DCommitment, DMeeting, DOutcome, DParticipant, Loose, Range
from ._names import Found, Name, Resolver
from ._text import Sentence, sentences

__all__ = ["Reading", "read"]

_VIRTUAL = re.compile(
    r"\b(?:virtually|virtual(?! private)|online|videoconferenc\w*|video conferenc\w*|webinar)\b",
    re.I,
)
_HELD = re.compile(
    r"\b(?:held|hosted|convened|took place|met|gathered|came together|co-chaired|chaired|led|opened|attended)\b",
    re.I,
)
_OBSERVER = re.compile(r"\bobserv(?:er|ers|ed by)\b", re.I)
_ATTEND = re.compile(
    r"\b(?:in attendance|attended by|attended|took part|taking part|participated|participating(?! (?:members|states|countries|governments))|"
    r"delegations? from|representatives? (?:from|of)|joined|were present|present were)\b",
    re.I,
)
_ALSO_JOINED = re.compile(r"\balso\s+(?:participated|joined|attended|took part)\b", re.I)
_PRESENT = [
    ("provided-recommendations", re.compile(r"\bprovided recommendations\b", re.I)),
    ("panellist", re.compile(r"\bpanel\b", re.I)),
    ("briefed", re.compile(r"\bbrief(?:ed|ing)\b", re.I)),
    ("updated", re.compile(r"\bupdat(?:ed|e from|es from|ing the meeting)\b", re.I)),
    (
        "presented",
        re.compile(
            r"\b(?:presented|presentations? from|heard from|heard presentations|reported on|delivered an? (?:intervention|presentation|statement))\b",
            re.I,
        ),
    ),
    # "Thailand hosted the meeting" (not "the meeting hosted by Thailand": no subject before it)
    ("hosted", re.compile(r"\b(?:co-)?hosted\b(?!\s+by)", re.I)),
]
_COUNT = re.compile(
    r"\b(?:attended by|brought together|gathered|with|attendance of)\s+(?:some\s+|about\s+|around\s+|more than\s+|over\s+|nearly\s+)?"
    r"(?P<n>\d[\d,]*)\s+(?P<what>(?:[A-Z][\w-]*\s+){0,3}(?:participants|delegates|representatives|officials|members|attendees|delegations|people))",
)
_PURPOSE = re.compile(
    r"\b(?:the\s+)?(?:purpose|aim|objective|goal)s?\s+of\s+(?:the\s+)?[^.]*?\b(?:was|were|is)\s+(?:to\s*:?|:)\s*",
    re.I,
)
_PURPOSE_TO = re.compile(
    r"\b(?:held|brought together|came together|met|convened|gathered)\b[^.;]*?\bto\s+(?=(?:discuss|consider|review|take stock|share|exchange|examine|explore|assess|progress|identify|strengthen)\b)",
    re.I,
)

# verb surface -> (schema verb, record Verb value)
_VERBS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(p, re.I), schema, enum)
    for p, schema, enum in [
        (
            r"\bwould be deferred|\bwas deferred|\bwere deferred|\bdeferred\b|\bpostponed\b",
            "deferred",
            "deferred",
        ),
        (r"\b(?:was|were) tasked\b|\btasked\b", "tasked", "tasked"),
        (r"\bcommitted\b", "committed", "committed"),
        (r"\bendorsed\b", "endorsed", "endorsed"),
        (r"\badopted\b", "adopted", "adopted"),
        (r"\blaunched\b", "launched", "launched"),
        (r"\bestablished\b|\bset up\b", "established", "established"),
        (r"\bwelcomed\b", "welcomed", "welcomed"),
        (r"\bcommended\b|\bpraised\b|\bcongratulated\b", "commended", "commended"),
        (r"\brecommended\b|\bto recommend\b", "recommended", "recommended"),
        (r"\bagreed\b|\bsettled on\b|\bdecided\b|\bresolved\b", "agreed", "agreed"),
        (r"\bconfirmed\b", "confirmed", "confirmed"),
        (r"\brecalled\b", "recalled", "recalled"),
        (r"\breceived\b", "received", "received"),
        (r"\bheard\b", "heard", "heard"),
        (
            r"\bpresented\b|\breported\b|\bdelivered an? (?:intervention|presentation)\b|\bbriefed\b",
            "presented",
            "presented",
        ),
        (r"\bupdated\b", "presented", "updated"),
        (
            r"\bprovided recommendations\b|\bprovided\b|\bprovided an overview\b",
            "presented",
            "provided",
        ),
        (
            r"\bdiscussed\b|\bassessed\b|\bconsidered\b|\bfocused on\b|\bexchanged views\b|\bdeliberated\b|\bbegan to set out\b|\btook stock\b",
            "discussed",
            "discussed",
        ),
        (r"\breviewed\b", "discussed", "reviewed"),
        (r"\bnoted\b|\btook note\b", "noted", "noted"),
        (r"\backnowledged\b", "noted", "acknowledged"),
        (r"\breaffirmed\b", "other", "reaffirmed"),
        (r"\baffirmed\b", "other", "affirmed"),
        (r"\brecogni[sz]ed\b", "other", "recognised"),
        (
            r"\bhighlighted\b|\bstressed\b|\bemphasi[sz]ed\b|\bunderlined\b|\bunderscored\b",
            "other",
            "highlighted",
        ),
        (r"\binvited\b", "other", "invited"),
        (r"\brequested\b|\bcalled (?:for|on)\b|\burged\b", "other", "requested"),
        (
            r"\bthanked\b|\bexpressed (?:their |its )?(?:appreciation|gratitude)\b",
            "other",
            "thanked",
        ),
        (r"\breflected\b", "other", "reflected"),
        (r"\bdistributed\b|\bcirculated\b", "other", "distributed"),
        (r"\bexpressed\b|\bobserved\b|\bsaid\b", "other", "highlighted"),
        (
            r"\b(?:will|would|shall)\b|\bare working to\b|\bis working to\b|\bto be submitted\b|\bplann(?:ed|ing) to\b",
            "will",
            "will",
        ),
    ]
]
_FUTURE = re.compile(
    r"\b(?:will|would|shall|to be submitted|are working to|is working to|plan(?:s|ned|ning)? to|agreed to|committed to|tasked|deferred|recommend(?:ed)?|requested that|continue to|pledged|"
    r"(?:agreed|settled) on an? (?:strategy|plan|approach|roadmap|way forward)|"
    r"(?:confirmed|reaffirmed|renewed) (?:their|its) (?:ongoing|continued|continuing) "
    r"(?:partnership|commitment|support|cooperation|engagement))\b",
    re.I,
)
_GROUPS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:the\s+)?(?:co-chairs?|co chairs)\b", re.I), "group:co-chairs"),
    (
        re.compile(r"^(?:the\s+)?(?:(?:bali process\s+)?ministers|the ministers)\b", re.I),
        "group:ministers",
    ),
    (re.compile(r"^(?:the\s+)?panellists\b", re.I), "group:panellists"),
    (re.compile(r"^(?:the\s+)?participants\b", re.I), "group:participants"),
    (
        re.compile(
            r"^(?:the\s+)?(?:members|member states|senior officials|officials|delegates|delegations|the meeting|the conference|meeting|working group members|the group|they|discussions?|deliberations|the (?:discussion|debate))\b",
            re.I,
        ),
        "group:members",
    ),
]
_DOC_HEAD = re.compile(
    r"\b(?:Strategy|Declaration|Plan|Report|Guide|Guides|Compendium|Recommendations|Statement|Framework|"
    r"Note|Module|Terms of Reference|Compact|Paper|Brief|Toolkit|Handbook|Manual|Principles|Action Plan)\b"
)


_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}), (?=(?:\d|[A-Z][a-z]+ \d)[^.]{0,30}?"
    r"\d{4}\s*[-–—:]\s)"
)


class Reading:
    """Everything one reading found."""

    def __init__(self) -> None:
        self.meetings: list[DMeeting] = []
        self.last_actors: list[str] = []  # the actors of the last outcome with a named subject
        self.loose: list[Loose] = []
        self.named: dict[tuple[str, str], tuple[Name, Range, str]] = {}  # key -> first mention
        self.new_documents: dict[str, tuple[str, Range, str]] = {}  # title -> (title, span, kind)


def _year_hint(text: str) -> int | None:
    years = re.findall(r"\b(?:19|20)\d\d\b", text[:2000])
    return int(years[0]) if years else None


def _span(sentence: Sentence, i: int, j: int) -> Range:
    return sentence.piece.span(i, j)


def read(text: str, resolver: Resolver) -> Reading:
    reading = Reading()
    sents = sentences(text)
    hint = _year_hint(text)
    context: DMeeting | None = None
    primaries: list[DMeeting] = []
    heading_dates: list[tuple[DateMatch, Sentence]] = []
    heading_places: list[tuple[tuple[str, str, str, int, int, float], Sentence]] = []
    found_per: list[list[Found]] = []
    mentions_per: list[list[tuple[Mention, DMeeting]]] = []
    dates_per: list[list[DateMatch]] = []
    narrative_seen = False
    for s in sents:
        found = resolver.find(s.text)
        found_per.append(found)
        dates = find_dates(s.text, hint)
        dates_per.append(dates)
        mentions = find_mentions(s, resolver)
        pairs: list[tuple[Mention, DMeeting]] = []
        for mention in mentions:
            meeting = meeting_of(mention, reading.meetings, resolver, context)
            if meeting not in reading.meetings:
                reading.meetings.append(meeting)
            else:
                meeting.mentions.append(mention.span())
            pairs.append((mention, meeting))
        if not pairs:
            unnamed = _unnamed_meeting(s, dates, reading, resolver)
            if unnamed is not None:
                pairs.append(unnamed)
        pairs += _event_nouns(s, found, dates, pairs, reading, resolver)
        pairs.sort(key=lambda pair: pair[0].start)
        mentions_per.append(pairs)
        title_block = not narrative_seen and (
            s.kind == "heading" or (len(s.text) < 250 and not s.text.endswith("."))
        )
        dateline = _DATELINE.match(s.text) if s.index < 4 else None
        if dateline is not None:
            # "Paris, February 21, 2022 - Ministers gathered ...": a press dateline
            place, _, _ = resolver.place(dateline.group("place"))
            date = next((d for d in dates if d.start == dateline.end("place") + 2), None)
            if place is not None and date is not None:
                at, to = dateline.start("place"), dateline.end("place")
                heading_places.append(((place[0], place[1], place[2], at, to, 0.85), s))
                heading_dates.append((date, s))
        if not title_block:
            narrative_seen = True
        if title_block:
            for d in dates:
                heading_dates.append((d, s))
            for part in re.split(r"\s*[,|–—-]\s*|\s{2,}|:\s*", s.text):
                place, _, _ = resolver.place(part)
                if place is not None:
                    at = s.text.find(part)
                    heading_places.append(
                        ((place[0], place[1], place[2], at, at + len(part), 0.9), s)
                    )
                    break
        # primary meetings: those named in the title block or the first narrative sentence
        if pairs and (title_block or (not primaries and _HELD.search(s.text))):
            for k, (mention, meeting) in enumerate(pairs):
                before = s.text[: mention.start]
                if re.search(
                    r"\b(?:since|after|following|ahead of|before|prior to|at|from|of)\s+(?:the\s+)?$",
                    before,
                    re.I,
                ):
                    continue
                if (
                    k > 0
                    and not re.search(
                        r"\b(?:and|jointly with|as well as|with)\s+(?:the\s+)?$", before, re.I
                    )
                    and not title_block
                ):
                    continue
                if meeting not in primaries and not mention.vague:
                    meeting.primary = True
                    primaries.append(meeting)
    reading.primaries = primaries  # type: ignore[attr-defined]
    for m in reading.meetings:
        # "the last Annual Meeting" in the statement of the Sixth Annual Meeting: the Fifth
        if m.number is None and re.match(r"(?:Last|Previous)\s", m.title):
            own = next((p for p in primaries if p.kind == m.kind and p.number), None)
            if own is not None and own.number is not None and own.number > 1:
                m.number, m.body, m.series = own.number - 1, m.body or own.body, own.series
                m.confidence = min(m.confidence, 0.6)
    main = primaries[0] if primaries else None
    if main is None and not reading.meetings and sents:
        pass
    # -- dates, places, virtual, per sentence --------------------------------------------------
    for idx, s in enumerate(sents):
        pairs = mentions_per[idx]
        dates = dates_per[idx]
        for k, (mention, meeting) in enumerate(pairs):
            if meeting.date is None:
                date = date_after(s, mention.end, dates)
                if date is None and k == 0:
                    earlier = [d for d in dates if d.end <= mention.start]
                    if earlier and (
                        meeting.primary or re.match(r"\s*(?:On|Between|From|In)\b", s.text)
                    ):
                        date = earlier[-1]
                if (
                    date is None
                    and k > 0
                    and pairs[k - 1][1].date is not None
                    and re.match(
                        r"\s*(?:and|as well as)\s+(?:the\s+)?$",
                        s.text[pairs[k - 1][0].end : mention.start],
                    )
                ):
                    date = pairs[k - 1][1].date
                    meeting.date, meeting.date_span, meeting.date_rule = (
                        date,
                        pairs[k - 1][1].date_span,
                        "joined",
                    )
                    date = None
                if date is not None:
                    meeting.date = date
                    meeting.date_span = _span(s, date.start, date.end)
                    meeting.date_rule = "near-title"
            if meeting.place is None:
                nxt = pairs[k + 1][0].start if k + 1 < len(pairs) else len(s.text)
                window = s.text[mention.end : nxt]
                lead = s.text[: mention.start] if k == 0 else ""
                got = place_in(window, resolver)
                offset = mention.end
                if got is None and not narrative_sentence(s):
                    got = place_after_dash(window, resolver)
                if got is None and lead and _HELD.search(lead):
                    got, offset = place_in(lead, resolver), 0
                if (
                    got is not None
                    and offset != 0
                    and got[3] >= 80
                    and not _WAS_HELD.match(window.lstrip(" ,"))
                ):
                    got = None  # far from the title, and the title is not what was held there
                if got is not None and (offset == 0 or got[3] < 160):
                    name, country, kind, a, b, conf = got
                    meeting.place, meeting.country, meeting.place_kind = name, country, kind
                    meeting.place_span = _span(s, offset + a, offset + b)
                    meeting.place_confidence = conf
        # the meeting the sentence is about
        if pairs:
            if s.kind == "heading" or (len(s.text) < 120 and not s.text.endswith(".")):
                context = pairs[0][1]
        subject = (
            pairs[0][1]
            if pairs and s.text[: pairs[0][0].start].strip().lower() in ("", "the")
            else None
        )
        about = (
            [m for _, m in pairs if m.primary]
            or ([subject] if subject else [])
            or ([context] if context else primaries[:1])
        )
        if _VIRTUAL.search(s.text) and re.search(
            r"\b(?:held|convened|met|meeting|events?|conference|took place|hosted)\b", s.text, re.I
        ):
            vm = _VIRTUAL.search(s.text)
            assert vm is not None
            if not re.search(
                r"\b(?:will|would|continue to|series of|workshops? on)\b",
                s.text[: vm.start()],
                re.I,
            ):
                targets = [m for _, m in pairs if m.primary] or (
                    primaries
                    if re.search(r"\b(?:the|these)\s+(?:meeting|events|conference)\b", s.text, re.I)
                    else about
                )
                for m in targets:
                    if m.virtual is None and m.place is None:
                        m.virtual = True
                        m.virtual_span = _span(s, vm.start(), vm.end())
    for m in primaries:
        if m.date is None and heading_dates:
            d, hs = heading_dates[0]
            m.date, m.date_span, m.date_rule = d, _span(hs, d.start, d.end), "heading"
        if m.place is None and not m.virtual and heading_places:
            (name, country, kind, a, b, conf), hs = heading_places[0]
            m.place, m.country, m.place_kind = name, country, kind
            m.place_span, m.place_confidence = _span(hs, a, b), conf
    for m in reading.meetings:
        if m.place is not None and m.virtual is None:
            m.virtual = False
    _states(reading, sents, mentions_per, primaries)
    # -- participants, co-chairs, counts, purposes, agenda, outcomes ---------------------------
    outcome_context = main
    for idx, s in enumerate(sents):
        found = [f for f in found_per[idx] if not _inside_mentions(f, mentions_per[idx])]
        pairs = mentions_per[idx]
        if (
            pairs
            and s.kind != "bullet"
            and (s.kind == "heading" or (len(s.text) < 150 and not s.text.endswith(".")))
            and pairs[0][0].end - pairs[0][0].start >= 0.5 * len(s.text)
        ):
            outcome_context = pairs[0][1]  # a section heading that is a meeting's title
        target = outcome_context or main
        for f in found_per[idx]:
            if f.name.kind not in ("document",) and _inside_mentions(f, mentions_per[idx]):
                continue
            key = f.name.key
            if key not in reading.named:
                reading.named[key] = (f.name, _span(s, f.start, f.end), f.text)
        if target is None:
            continue
        # a section under its own heading reports its own meeting; otherwise a contribution
        # is to every primary meeting (a joint event)
        sectioned = outcome_context is not None and outcome_context is not main
        if (_OBSERVER.search(s.text) or _ATTEND.search(s.text)) and not re.search(
            r"\b(?:will|would)\b", s.text
        ):
            found = _list_items(s, found, resolver, reading)
        used = _participants(s, found, target, primaries, reading, sectioned)
        _co_chairs(s, found, target, primaries, resolver, _anaphor(s, idx, sents, mentions_per))
        _co_chair_acts(s, found_per[idx], target, primaries, pairs, sectioned)
        for cm in _COUNT.finditer(s.text):
            n = int(cm.group("n").replace(",", ""))
            for meeting in primaries or [target]:
                if not any(c[0] == n for c in meeting.counts):
                    meeting.counts.append((n, cm.group("what"), _span(s, cm.start("n"), cm.end())))
        if _purpose(s, target, sents, idx, reading):
            continue
        if used or (pairs and not narrative_sentence(s)):
            continue
        _outcome(s, found, target, reading, resolver, dates_per[idx], pairs)
    _documents(sents, reading, resolver, found_per, mentions_per, hint)
    return reading


_WAS_HELD = re.compile(
    r"\b(?:was|were)\s+(?:successfully\s+)?(?:held|convened|hosted|attended|co-chaired|opened)\b|"
    r"\btook place\b|\bco-chaired\b|\bmet\b",
    re.I,
)
_AHEAD = re.compile(
    r"\b(?:will|would|shall|to be held|planned|planning|scheduled|upcoming|forthcoming|next|"
    r"ahead of|in preparation for|proposed|to make|to submit|recommendations? to|prepare for)\b",
    re.I,
)
_PUT_OFF = re.compile(r"\b(?:deferred|postponed|put off|delayed)\b", re.I)


def _states(
    reading: Reading,
    sents: list[Sentence],
    mentions_per: list[list[tuple[Mention, DMeeting]]],
    primaries: list[DMeeting],
) -> None:
    """A meeting's state from the sentences that mention it. One put off ("would be
    deferred") is ``deferred``; one dated after the statement's own meeting is ``held`` when
    a sentence reports it held, ``planned`` when a sentence looks ahead to it ("to make
    recommendations to ...", "will ..."), else ``unknown`` (mentioned, not said to have
    taken place)."""
    ref = next((m.date.first for m in primaries if m.date is not None), None)
    said: dict[str, list[tuple[Sentence, Mention]]] = {}
    for idx, pairs in enumerate(mentions_per):
        for mention, meeting in pairs:
            said.setdefault(meeting.key, []).append((sents[idx], mention))
    for m in reading.meetings:
        if m.primary:
            continue
        where = said.get(m.key, [])
        if any(_PUT_OFF.search(s.text, mention.end) for s, mention in where):
            m.state = "deferred"
        elif ref is not None and m.date is not None and m.date.first > ref:
            if any(_WAS_HELD.search(s.text) for s, _ in where):
                m.state = "held"
            elif any(_AHEAD.search(s.text) for s, _ in where):
                m.state = "planned"
            else:
                m.state = "unknown"


# A meeting named only by who met: "Senior officials met the day before, on 6 August 2018, ..."
_WHO_MET = re.compile(
    r"^(?:The\s+)?(?P<who>Senior Officials|Officials|Ministers|Foreign Ministers)\s+"
    r"(?:had\s+|also\s+)?(?:met|convened|gathered)\b(?!\s+(?:with|to)\b)",
    re.I,
)


def _unnamed_meeting(
    s: Sentence, dates: list[DateMatch], reading: Reading, resolver: Resolver
) -> tuple[Mention, DMeeting] | None:
    wm = _WHO_MET.match(s.text)
    if wm is None:
        return None
    who = wm.group("who").lower()
    if "minister" in who:
        title, kind, series, base = (
            "Ministers' Meeting",
            "ministerial-conference",
            "ministerial",
            "ministers",
        )
    else:
        title, kind, series, base = (
            "Senior Officials' Meeting",
            "senior-officials-meeting",
            "som",
            "som",
        )
    key, n = f"{base}-unnamed", 2
    while any(m.key == key for m in reading.meetings):
        key, n = f"{base}-unnamed-{n}", n + 1
    mention = Mention(s, wm.start(), wm.end(), None, "")
    meeting = DMeeting(
        key=key, title=title, kind=kind, series=series, span=mention.span(), rule="who-met"
    )
    date = next((d for d in dates if d.start >= wm.end()), None)
    if date is not None:
        meeting.date, meeting.date_span, meeting.date_rule = (
            date,
            _span(s, date.start, date.end),
            "near-title",
        )
    at = 0
    for part in re.split(r"(\s*[,;()]\s*)", s.text):
        place, conf, _ = resolver.place(part) if part[:1].isupper() else (None, 0.0, ())
        if place is not None and at >= wm.end():
            meeting.place, meeting.country, meeting.place_kind = place[0], place[1], place[2]
            meeting.place_span, meeting.place_confidence = _span(s, at, at + len(part)), conf
            break
        at += len(part)
    meeting.confidence = 0.6
    reading.meetings.append(meeting)
    return mention, meeting


# Events named by a lower-case noun: "will convene a series of regional workshops in 2024 on
# ...", "is planning to host a roundtable on X in 2025", "A proposed tabletop exercise for the
# Task Force would be postponed", "are working to organise workshops ... under the Group", "the
# 2nd Joint Period of Action led by ...", the bullets of a lead "... by organising:".
_EVENT_KINDS = (
    ("workshop", "workshop"),
    ("webinar", "webinar"),
    ("roundtable", "roundtable"),
    ("round table", "roundtable"),
    ("round-table", "roundtable"),
    ("exercise", "exercise"),
    ("simulation", "exercise"),
    ("period of action", "activity"),
    ("periods of action", "activity"),
    ("forum", "forum"),
    ("gathering", "experts-gathering"),
    ("consultation", "consultation"),
    ("seminar", "workshop"),
    ("training", "workshop"),
    ("dialogue", "working-group-meeting"),
    ("meeting", "working-group-meeting"),
    ("launch", "forum"),
)
_EVENT_HEAD = (
    r"(?:workshops?|webinars?|round[- ]?tables?|roundtables?|(?:simulation-based\s+|tabletop\s+|"
    r"table-top\s+)?exercises?|simulations?|forums?|gatherings?|consultations?|seminars?|"
    r"dialogues?|meetings?|training\s+(?:courses?|sessions?))"
)
_EVENT_NOUN = re.compile(
    r"(?<![\w-])(?P<det>(?:an?|(?:a\s+)?series\s+of|two|three|several|further|regular|more|"
    r"(?:an?\s+)?(?:proposed|planned|possible|joint|regional|national|online|virtual|"
    r"in-person|technical|thematic|follow-up|dedicated|second|third)))?\s*"
    r"(?P<mods>(?:(?:online|virtual|in-person|regional|national|joint|technical|thematic|expert|"
    r"follow-up|dedicated|proposed|planned|possible|further|simulation-based|table-top|tabletop|"
    r"capacity-building|training)\s+){0,3})"
    rf"(?P<head>{_EVENT_HEAD})\b"
)
_EVENT_HINT = re.compile(
    r"workshop|webinar|round|exercise|simulation|forum|gathering|consultation|seminar|"
    r"dialogue|meeting|training|period|launch",
    re.I,
)
_EVENT_BEFORE = re.compile(
    r"\b(?:host|hold|convene|organi[sz]e|run|conduct|deliver|facilitate|plan|arrange|launch)"
    r"(?:s|d|ed|ing)?\s+(?:(?:a|an|the|two|three|several|further|more)\s+)?[\w\s-]{0,40}$",
    re.I,
)
_EVENT_LEAD = re.compile(
    r"\b(?:organi[sz](?:e|ing)|conven(?:e|ing)|hold(?:ing)?|host(?:ing)?|conduct(?:ing)?|"
    r"run(?:ning)?)\b[^.:]{0,30}:\s*$",
    re.I,
)
_EVENT_AFTER_STATE = re.compile(
    r"^[^.;:]{0,120}?\b(?:(?P<off>(?:would|will|was|were|has|have|had)\s+(?:be\s+|been\s+)?"
    r"(?:deferred|postponed|delayed|put off))|(?P<held>(?:was|were)\s+(?:held|convened|"
    r"conducted|hosted)|took place))\b",
    re.I,
)
_PERIOD_OF_ACTION = re.compile(
    r"\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|"
    r"[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)\s+(?P<head>(?:Joint\s+)?Periods?\s+of\s+"
    r"Action)\b",
    re.I,
)
_ORDINAL_WORD = re.compile("|".join(_ORDINAL_NUM), re.I)
_LAUNCH = re.compile(r"\b[Tt]he\s+(?P<head>[A-Z]\w+)[’']s\s+launch\b")
_EVENT_STOP = re.compile(
    r"[,;:()]|\s(?:and|as well as|to|which|that|who|would|will|was|were|is|are|ahead of|"
    r"until|while|led by|in (?:19|20)\d\d)\b|\s(?:in|on)\s+\d"
)


def _event_nouns(
    s: Sentence,
    found: list[Found],
    dates: list[DateMatch],
    pairs: list[tuple[Mention, DMeeting]],
    reading: Reading,
    resolver: Resolver,
) -> list[tuple[Mention, DMeeting]]:
    text = s.text
    if _EVENT_HINT.search(text) is None:
        return []
    lead_event = s.kind == "bullet" and bool(s.lead) and _EVENT_LEAD.search(s.lead) is not None
    out: list[tuple[Mention, DMeeting]] = []
    taken = [(m.start, m.end) for m, _ in pairs]
    candidates: list[tuple[int, int, int, str, int | None, str]] = []
    for m in _EVENT_NOUN.finditer(text):
        head = m.group("head")
        if head[:1].isupper() or any(a <= m.start("head") < b for a, b in taken):
            continue
        det = (m.group("det") or "").lower().strip()
        mods = (m.group("mods") or "").lower()
        before = text[: m.start()]
        after = text[m.end() :]
        plural = head.endswith("s") and not head.endswith("ss")
        proposed = "proposed" in det or "proposed" in mods or "planned" in det + mods
        if det in ("", "the") and not plural and not proposed:
            continue  # "the meeting": the meeting in hand
        signal = ""
        st = _EVENT_AFTER_STATE.match(after)
        if st is not None and not _EVENT_NOUN.search(after[: st.start(st.lastgroup or 0)]):
            signal = "deferred" if st.group("off") else "held"
        elif _EVENT_BEFORE.search(before) is not None:
            signal = "verb"
        elif re.search(
            r"\b(?:host|hold|convene|organi[sz]e|run|conduct|deliver|plan)(?:s|d|ed|ing)?\b"
            r"[^;.]*\s(?:as well as|and)\s+$",
            before,
            re.I,
        ):
            signal = "verb"  # "will host X ... as well as a series of workshops"
        elif lead_event and not before.strip():
            signal = "lead"
        elif proposed:
            signal = "verb"
        if not signal:
            continue
        if signal == "verb" and re.search(
            r"\b(?:attend|attended|participated in|during|at)\s+(?:the\s+)?[\w\s-]{0,30}$",
            before,
            re.I,
        ):
            continue
        stop = _EVENT_STOP.search(text, m.end())
        end = stop.start() if stop is not None else len(text)
        # the topic: "... on building regional cooperation to combat ...", after a year
        tail = re.match(
            r"(?:\s+in\s+(?:19|20)\d\d)?\s+(?:on|for|with|about)\s+[^,;:()]{3,120}", text[m.end() :]
        )
        if tail is not None:
            topic_end = m.end() + tail.end()
            cut = re.search(
                r"\s(?:and\s+(?:develop|to|also|would|will)|which|that|ahead of|until|while|"
                r"under|led by|in (?:19|20)\d\d)\b|\s(?:in|on)\s+\d",
                text[m.end() + 6 : topic_end],
            )
            end = max(end, m.end() + 6 + cut.start() if cut is not None else topic_end)
        while end > m.end() and text[end - 1] in " .":
            end -= 1
        kind = next(k for word, k in _EVENT_KINDS if word in head.lower())
        start = m.start("det") if m.group("det") else m.start("mods") if mods else m.start("head")
        candidates.append((start, end, m.start("head"), kind, None, signal))
    for m in _PERIOD_OF_ACTION.finditer(text):
        if any(a <= m.start("head") < b for a, b in taken):
            continue
        om = _ORDINAL_WORD.fullmatch(m.group("ord"))
        number = (
            int(re.match(r"\d+", m.group("ord")).group(0))  # type: ignore[union-attr]
            if m.group("ord")[:1].isdigit()
            else (om and _ORDINAL_NUM[m.group("ord").lower()])
        )
        candidates.append((m.start(), m.end(), m.start("head"), "activity", number or None, "held"))
    for m in _LAUNCH.finditer(text):
        candidates.append((m.start(), m.end(), m.start("head"), "forum", None, "launch"))
    for start, end, head_at, kind, number, signal in candidates:
        phrase = text[start:end].strip()
        if signal == "launch":
            # "the Forum's launch": the launch of the body last named by that word
            word = text[head_at:].split("’")[0].split("'")[0]
            earlier = [
                mt
                for mt in reading.meetings
                if mt.body and re.search(rf"\b{re.escape(word)}\b", mt.title)
            ]
            if not earlier:
                continue
            body = earlier[-1].body
            name = resolver.by_key.get(("body", body or ""))
            if name is None:
                continue
            title = f"{name.name} (launch)"
        else:
            body = _event_body(s, found, start, end, head_at, resolver)
            title = phrase
            for _ in range(3):
                title = re.sub(
                    r"^(?:an?|the|series of|proposed|planned|possible)\s+", "", title, flags=re.I
                )
            title = re.sub(r"\s+in\s+(?:19|20)\d\d\b", "", title)
            title = title[:1].upper() + title[1:]
        series = {"workshop": "workshop", "webinar": "webinar"}.get(kind, "other")
        key, n = "-".join(fold(title).split()[:4]) or kind, 2
        base = key
        while any(mt.key == key for mt in reading.meetings):
            key, n = f"{base}-{n}", n + 1
        mention = Mention(s, start, end, number, "")
        meeting = DMeeting(
            key=key,
            title=title,
            kind=kind,
            series=series,
            span=mention.span(),
            number=number,
            body=body,
            rule="event-noun",
            confidence=0.6,
        )
        clause = re.split(r"[;:]", text[end:], maxsplit=1)[0]
        if signal in ("verb", "lead"):
            meeting.state = "planned"
            if signal == "lead":
                meeting.after = None
        elif signal == "deferred":
            meeting.state = "deferred"
        date = next(
            (d for d in dates if head_at <= d.start <= end + min(len(clause), 60)),
            None,
        )
        if date is not None and not any(a > head_at and a < date.start for a, _ in taken):
            meeting.date, meeting.date_span, meeting.date_rule = (
                date,
                _span(s, date.start, date.end),
                "near-title",
            )
        got = place_in(text[head_at : end + min(len(clause), 60)], resolver)
        if got is not None and got[3] < 60:
            name_, country, pkind, a, b, conf = got
            meeting.place, meeting.country, meeting.place_kind = name_, country, pkind
            meeting.place_span = _span(s, head_at + a, head_at + b)
            meeting.place_confidence = conf
        vm = re.search(r"\b(?:online|virtual)\b", text[start:head_at], re.I)
        if vm is not None and meeting.place is None:
            meeting.virtual = True
            meeting.virtual_span = _span(s, start + vm.start(), start + vm.end())
        reading.meetings.append(meeting)
        out.append((mention, meeting))
        taken.append((start, end))
    return out


def _event_body(
    s: Sentence, found: list[Found], start: int, end: int, head_at: int, resolver: Resolver
) -> str | None:
    """The body an event belongs to: named after it ("for the Task Force", "under the Group",
    "led by ..."), else the subject of its sentence, else of its list's lead."""
    bodies = [f for f in found if f.name.kind == "body" and f.name.id != "BP"]
    clause_end = len(s.text)
    stop = re.search(r"[;.]", s.text[end:])
    if stop is not None:
        clause_end = end + stop.start()
    for f in bodies:
        if head_at < f.start <= clause_end and re.search(
            r"\b(?:for|of|under|by|led by|within)\s+(?:the\s+)?$", s.text[: f.start]
        ):
            return f.name.id
    for f in bodies:
        if f.start < start:
            return f.name.id
    if s.kind == "bullet" and s.lead:
        for f in resolver.find(s.lead):
            if f.name.kind == "body" and f.name.id != "BP":
                return f.name.id
    return None


def narrative_sentence(s: Sentence) -> bool:
    return s.text.endswith((".", ";")) or s.kind == "bullet"


def _inside_mentions(f: Found, pairs: list[tuple[Mention, DMeeting]]) -> bool:
    return any(m.start <= f.start and f.end <= m.end for m, _ in pairs)


_ITEM_SPLIT = re.compile(
    r"\s*(?:,|;|:|\band\b|\bas well as\b|\bincluding\b|\bincluded\b|\bwere\b|\bwas\b)\s*"
)
_ITEM_LEAD = re.compile(
    r"^(?:(?:the|a|an|both|also|representatives?|delegations?|delegates|officials|senior officials|"
    r"members|observers|participants|ministers|from|of)\s+)+",
    re.I,
)
_MEETING_WORD = re.compile(
    r"\b(?:Meeting|Conference|Workshop|Webinar|Forum|Consultation|Session|Event|Dialogue|"
    r"Group|Events|Meetings|Co-Chairs?|Chair)\b",
    re.I,
)
_ITEM_WORD = re.compile(r"[A-Z][\w’'&.-]*|of|for|on|the|and|in|to|de|du|la")


def _list_items(
    s: Sentence, found: list[Found], resolver: Resolver, reading: Reading
) -> list[Found]:
    """The names of an attendance list: the known ones (``found``), a typo of a known name
    resolved when exactly one name is that close ("Unites States"), and the rest, which look
    like names but resolve to nothing, in ``reading.loose`` with their closest candidates."""
    text = s.text
    out = list(found)
    pos = 0
    for m in [*_ITEM_SPLIT.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        a, b = pos, end
        pos = m.end() if m is not None else len(text)
        item = text[a:b]
        lead = _ITEM_LEAD.match(item)
        if lead is not None:
            a += lead.end()
        item = text[a:b].rstrip(" .")
        b = a + len(item)
        if not item or not item[0].isupper() or any(f.start < b and a < f.end for f in found):
            continue
        words = item.split()
        if not 1 <= len(words) <= 8 or not all(_ITEM_WORD.fullmatch(w) for w in words):
            continue  # a clause, not a name
        if _MEETING_WORD.search(item) or item.lower() in ("in attendance", "observers"):
            continue  # "The Conference was attended by ...": the meeting, not a participant
        name, _, candidates = resolver.resolve(item)
        if name is not None and name.kind in ("member", "body"):
            out.append(Found(a, b, item, name))
        elif name is None:
            span = s.piece.span(a, b)
            if all(loose.span != span for loose in reading.loose):
                reading.loose.append(Loose(item, span, "attendance list", candidates))
    out.sort(key=lambda f: f.start)
    return out


def _participants(
    s: Sentence,
    found: list[Found],
    target: DMeeting,
    primaries: list[DMeeting],
    reading: Reading,
    sectioned: bool = False,
) -> bool:
    text = s.text
    members = [
        f
        for f in found
        if f.name.kind == "member"
        or (f.name.kind == "body" and f.name.id not in ("BP", "BPMC", "SOM", "AHG", target.body))
    ]
    if not members:
        return False
    meetings = primaries or [target]
    used = False
    panel = re.search(r"\bparticipat\w* in (?:a|the) panel\b", text, re.I)
    if (_OBSERVER.search(text) or _ATTEND.search(text)) and not panel:
        # "participated in a panel" is a contribution, not a standing
        if re.search(r"\b(?:will|would)\b", text):
            return False
        standing = "observer" if _OBSERVER.search(text) else "member"
        if (
            standing == "member"
            and _ALSO_JOINED.search(text)
            and not re.search(
                r"\b(?:in attendance|delegations|representatives from|took part)\b", text, re.I
            )
        ):
            standing = "unstated"
        for f in members:
            st = "unstated" if f.name.kind == "body" and standing == "member" else standing
            if re.match(r"\s*members\b", text[f.end :], re.I) and standing == "member":
                continue  # "Bali Process members Singapore" names a group
            for m in meetings:
                _add(m, f, st, s, "attendance-list", None)
        used = True
    for kind, pattern in _PRESENT:
        pm = pattern.search(text)
        if pm is None:
            continue
        if re.search(r"\b(?:will|would)\b", text[: pm.start()]):
            break
        subject = []
        chaired = -1
        for f in members:
            if f.end > pm.start():
                continue
            if f.name.kind == "body" and (
                re.search(r"\b(?:Co-)?Chairs?\s+of\s+(?:the\s+)?$", text[: f.start], re.I)
                or (chaired >= 0 and re.fullmatch(r"\s*\(", text[chaired : f.start]))
            ):
                chaired = f.end  # "A and B, Co-Chairs of the Group (G), updated": not the Group
                continue
            subject.append(f)
        after: list[Found] = []
        for f in members:
            if f.start < pm.start():
                continue
            if re.search(
                r"\bfrom\s+(?:the\s+)?(?:[\w’'-]+\s+){0,6}$", text[pm.start() : f.start], re.I
            ) or (
                after
                and re.fullmatch(
                    r"\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)(?:the\s+)?",
                    text[after[-1].end : f.start],
                )
            ):
                after.append(f)  # "heard from A, B and the C"
        chosen = (
            after if re.search(r"from", pm.group(0) + text[pm.end() : pm.end() + 20]) else subject
        )
        if kind == "panellist":
            chosen = subject
        if kind == "hosted":
            # the hosts are the sentence's subject, right before the verb
            chosen = [
                f
                for f in subject
                if re.fullmatch(
                    r"[\s,]*(?:(?:jointly|also|as\s+\w+(?:\s+\w+)?)[\s,]*)*",
                    text[f.end : pm.start()],
                )
                or any(
                    re.fullmatch(r"\s*(?:,\s*|and\s+|,\s*and\s+)(?:the\s+)?", text[f.end : g.start])
                    for g in subject
                    if g.start > f.end
                )
            ]
            if re.search(r"\b(?:which|that|who|was|were)\b", text[: pm.start()], re.I):
                chosen = []
        if not chosen and kind == "updated":
            chosen = [
                f
                for f in members
                if f.start >= pm.start()
                and re.search(r"\bfrom\b", text[pm.start() : f.start])
                and not re.search(r"\b(?:on|under|about|regarding)\b", text[pm.start() : f.start])
            ]
        if not chosen:
            first_after = [f for f in members if f.start > pm.end()]
            chosen = (
                first_after[:1]
                if re.search(r"update from|presentations? from|briefing from", pm.group(0), re.I)
                else []
            )
        for f in chosen:
            if (f.name.kind == "member" and f.name.member_kind != "state") or f.name.kind in (
                "member",
                "body",
            ):
                for m in [target] if sectioned else meetings:
                    _add(
                        m,
                        f,
                        None,
                        s,
                        "contribution",
                        Contribution(kind, _span(s, pm.start(), pm.end())),
                    )
        if chosen:
            used = kind in ("panellist",) and False
        break
    return used


def _add(
    meeting: DMeeting,
    f: Found,
    standing: str | None,
    s: Sentence,
    rule: str,
    contribution: Contribution | None,
) -> None:
    for p in meeting.participants:
        if p.name.key == f.name.key:
            if standing is not None and p.standing == "unstated":
                p.standing = standing
            if contribution is not None and all(
                c.kind != contribution.kind for c in p.contributions
            ):
                p.contributions.append(contribution)
            return
    p = DParticipant(
        name=f.name,
        standing=standing or "unstated",
        wording=f.text,
        span=s.piece.span(f.start, f.end),
        rule=rule,
        confidence=0.9 if standing else 0.75,
    )
    if contribution is not None:
        p.contributions.append(contribution)
    meeting.participants.append(p)


_ANAPHOR = re.compile(
    r"(?:The|This)\s+(?:Meeting|Workshop|Conference|Forum|Webinar|Roundtable|Gathering|event)\b",
    re.I,
)


def _anaphor(
    s: Sentence, idx: int, sents: list[Sentence], mentions_per: list[list[tuple[Mention, DMeeting]]]
) -> DMeeting | None:
    """The meeting "The Meeting" means when the sentence before, in the same paragraph, reports
    another meeting held ("From ..., the Third Meeting of X was held in Y. The Meeting was
    co-chaired by A and B.")."""
    if idx == 0 or not _ANAPHOR.match(s.text) or s.block != sents[idx - 1].block:
        return None
    pairs = mentions_per[idx - 1]
    if not pairs or pairs[0][1].primary:
        return None
    if _WAS_HELD.search(sents[idx - 1].text, pairs[0][0].end) is None:
        return None
    return pairs[0][1]


def _co_chairs(
    s: Sentence,
    found: list[Found],
    target: DMeeting,
    primaries: list[DMeeting],
    resolver: Resolver,
    only: DMeeting | None = None,
) -> None:
    text = s.text
    m = re.search(r"\bco-?chair(?:s|ed|ing)?\b|\bCo-Chairs\b", text, re.I)
    if m is None or re.search(r"\b(?:will|would)\s+co-?chair", text, re.I):
        return
    states = [f for f in found if f.name.kind == "member" and f.name.member_kind == "state"]
    by = re.search(r"\bco-?chaired\s+by\b", text, re.I)
    if by is not None:
        before = text[: by.start()].rstrip()
        if before.endswith("(") or re.search(r"\((?:[^()]*)$", before):
            return  # "(co-chaired by Malaysia and New Zealand)": a body's co-chairs
        chosen = [f for f in states if f.start > by.end()]
    elif re.search(r"\bCo-Chairs?\s+of\s+(?!(?:the\s+)?Bali Process\b)", text) and not re.search(
        r"\bco-?chaired\b", text, re.I
    ):
        return
    elif re.search(
        r"\bCo-Chairs?,\s*(?:the\s+)?$", text[: (states[0].start if states else 0)]
    ) or re.search(r"Co-Chairs,\s", text):
        chosen = [f for f in states if f.start > m.start()]
    else:
        chosen = (
            [f for f in states if f.end <= m.start()]
            if re.search(r"co-?chaired|led the meeting|as Co-Chairs", text, re.I)
            else []
        )
    targets = [only] if only is not None else primaries or [target]
    if not chosen:
        if re.match(
            r"\s*(?:On|Between|From|In)?\b.*?\bthe Co-Chairs of the Bali Process\b", text
        ) and _HELD.search(text):
            bp = None
            try:
                bp = resolver.dataset.bodies.get("BP")
            except Exception:  # noqa: BLE001 - a dataset without the Bali Process body
                bp = None
            if bp is not None and bp.co_chairs:
                for meeting in targets:
                    if not meeting.co_chairs:
                        for cc in bp.co_chairs:
                            name = resolver.by_key.get(("member", cc.member))
                            if name is not None:
                                meeting.co_chairs.append((name, s.piece.span(m.start(), m.end())))
                        meeting.co_chairs_inferred = (
                            "the statement says 'the Co-Chairs' (of the Bali Process) without "
                            "naming them; the dataset records who co-chairs the Bali Process"
                        )
        return
    for meeting in targets:
        if meeting.co_chairs and meeting.co_chairs_inferred is None:
            continue
        meeting.co_chairs = []
        meeting.co_chairs_inferred = None
        for f in chosen:
            if all(c[0].key != f.name.key for c in meeting.co_chairs):
                meeting.co_chairs.append((f.name, s.piece.span(f.start, f.end)))


# "the Co-Chairs (of the Bali Process ...) hosted / held / updated / provided an overview ...":
# the subject is the co-chairs, after at most a lead such as "On 9 March 2011,"
_CC_ACT = re.compile(
    r"^(?:(?:On|Between|From|In|At|During)\b[^.;]{0,60}?,\s*)?(?:the\s+)?(?:meeting\s+|two\s+)?"
    r"Co-?Chairs\b(?P<of>\s+of\s+[^.;]{0,160}?)?,?\s+(?:(?:also|jointly|then|further)\s+)?"
    r"(?P<verb>co-hosted|hosted|held|convened|updated|briefed|presented|reported on|"
    r"provided (?:an? )?(?:overview|update|briefing|recommendations)|delivered an? presentation)\b",
    re.I,
)
_CC_KIND = {
    "co-hosted": "hosted",
    "hosted": "hosted",
    "held": "hosted",
    "convened": "hosted",
    "updated": "updated",
    "briefed": "briefed",
    "provided recommendations": "provided-recommendations",
}


def _co_chair_acts(
    s: Sentence,
    found: list[Found],
    target: DMeeting,
    primaries: list[DMeeting],
    pairs: list[tuple[Mention, DMeeting]],
    sectioned: bool,
) -> None:
    """What the unnamed or named co-chairs of a meeting did, when they are the subject: hosting
    or holding the meeting named right after the verb, or updating, briefing, presenting at the
    meeting reported. Co-chairs "of" another body than the Bali Process or the meeting's own are
    that body's, not the meeting's, and are left out."""
    m = _CC_ACT.match(s.text)
    if m is None:
        return
    if m.group("of") is not None:
        of_at, of_end = m.span("of")
        bodies = [
            f
            for f in found
            if of_at <= f.start < of_end and f.name.kind == "body" and f.name.id != "BP"
        ]
        if any(f.name.id != target.body for f in bodies) or (
            not bodies
            and not re.match(r"\s+of\s+(?:the\s+)?(?:meeting|Bali Process)\b", m.group("of"), re.I)
        ):
            return
    verb = re.sub(r"\s+", " ", m.group("verb").lower())
    kind = _CC_KIND.get(verb, "presented")
    if kind == "hosted":
        # the meeting hosted is the one named right after the verb
        held = [
            (mention, meeting)
            for mention, meeting in pairs
            if re.fullmatch(r"\s*(?:the\s+)?", s.text[m.end() : mention.start])
        ]
        for mention, meeting in held[:1]:
            act = s.piece.span(m.start("verb"), mention.end)
            if all(k != kind for k, _ in meeting.co_chair_acts):
                meeting.co_chair_acts.append((kind, act))
        return
    obj = re.match(
        r"\s+(?:members|participants|the meeting|delegates|officials)\b", s.text[m.end() :], re.I
    )
    lead = re.search(r"(?:the\s+)?Co-?Chairs\b", s.text[: m.start("verb")], re.I)
    start = lead.start() if lead is not None else m.start("verb")
    act = s.piece.span(start, m.end() + (obj.end() if obj else 0))
    for meeting in [target] if sectioned else primaries or [target]:
        if all(k != kind for k, _ in meeting.co_chair_acts):
            meeting.co_chair_acts.append((kind, act))


def _purpose(
    s: Sentence, target: DMeeting, sents: list[Sentence], idx: int, reading: Reading
) -> bool:
    m = _PURPOSE.search(s.text)
    if m is not None:
        rest = s.text[m.end() :].rstrip(" .:")
        if rest:
            target.purposes.append((rest, s.piece.span(m.end(), m.end() + len(rest))))
        else:
            for nxt in sents[idx + 1 :]:
                if nxt.kind != "bullet" or nxt.lead != s.text:
                    break
                t = nxt.text.rstrip(" .;")
                target.purposes.append((t, nxt.piece.span(0, len(t))))
                nxt.lead = "\x00purpose"
        return True
    m2 = _PURPOSE_TO.search(s.text)
    if m2 is not None and s.index < 6:
        rest = s.text[m2.end() :].rstrip(" .")
        target.purposes.append((rest, s.piece.span(m2.end(), m2.end() + len(rest))))
        return True
    if s.lead == "\x00purpose":
        return True
    if s.kind == "bullet" and "agenda" in s.lead.lower():
        t = s.text.rstrip(" .;")
        target.agenda.append((t, s.piece.span(0, len(t))))
        return True
    return False


def _actors(head: str, found: list[Found], head_end: int) -> list[str]:
    if _GROUPS[0][0].match(head.strip()):
        return [_GROUPS[0][1]]  # "The Co-Chairs of the WG-TIP and the TFPP commended ..."
    refs = [
        f"{f.name.kind}:{f.name.id}"
        for f in found
        if f.end <= head_end and f.name.kind in ("member", "body")
    ]
    if refs:
        return list(dict.fromkeys(refs))
    for pattern, group in _GROUPS:
        if pattern.match(head.strip()):
            return [group]
    return []


_ANY_VERB = re.compile(
    "|".join(f"(?P<v{k}>{pattern.pattern})" for k, (pattern, _, _) in enumerate(_VERBS)), re.I
)
_TOPIC_VERBS = frozenset(["discussed", "heard"])


_WORD_START = re.compile(r"\b\w")


def _first_verb(text: str) -> tuple[re.Match[str], str, str] | None:
    """The earliest reporting verb of ``text``: its match, schema verb and record verb.

    Every verb form starts a word (``\\b`` then a letter), so the verb pattern is tried only
    where a word starts: the same match as ``_ANY_VERB.search(text)``, without trying some
    thirty alternatives at every character."""
    for w in _WORD_START.finditer(text):
        m = _ANY_VERB.match(text, w.start())
        if m is not None:
            break
    else:
        return None
    # the whole match is the verb's (alternation order keeps the list's preference at a tie)
    k = int(m.lastgroup[1:])  # type: ignore[index]
    return m, _VERBS[k][1], _VERBS[k][2]


def _outcome(
    s: Sentence,
    found: list[Found],
    target: DMeeting,
    reading: Reading,
    resolver: Resolver,
    dates: list[DateMatch],
    pairs: list[tuple[Mention, DMeeting]],
) -> None:
    text = s.text
    if len(text) < 15 or s.kind == "heading":
        return
    best = _first_verb(text)
    lead_future = None
    inherited: list[str] | None = None  # the actors of a decision list's lead
    if s.kind == "bullet" and s.lead and not s.lead.startswith("\x00"):
        lead = _first_verb(s.lead)
        if lead is not None:
            lm, lschema, lenum = lead
            if lschema in _TOPIC_VERBS:
                return  # the topics of a discussion: the lead is the outcome
            if re.search(r"\brecommend", s.lead[lm.start() :], re.I):
                lschema = lenum = "recommended"  # "agreed to recommend ... the following:"
            lead_actors = _actors(s.lead[: lm.start()], resolver.find(s.lead), lm.start())
            lead_future = _FUTURE.search(s.lead)
            if best is None or lead_future is not None:
                # a bullet of a decision list carries its lead's verb and actors
                best = (lm, lschema, lenum)
                inherited = lead_actors or ["group:members"]
    if not narrative_sentence(s) and not (
        text.endswith(":") and best is not None and best[1] in _TOPIC_VERBS
    ):
        return
    if best is None:
        return
    m, schema, enum = best
    head = "" if inherited is not None else text[: m.start()]
    if len(head) > 200:
        return
    actors = inherited if inherited is not None else _actors(head, found, m.start())
    inferred = None
    passive = inherited is None and bool(_PASSIVE.search(text[max(0, m.start() - 30) : m.end()]))
    if passive:
        # "The RSO was tasked to ...", "A proposed exercise for the TFPP would be deferred":
        # the subject is what is acted on; the actor is the meeting, unnamed
        actors = []
    if not actors:
        if re.search(r"\b(?:would|will) be\b|\bwas\b|\bwere\b", text[: m.end() + 10]) or s.lead:
            actors = ["group:members"]
            inferred = "no actor is named; the statement reports the meeting's decision"
        else:
            return
    clauses = (
        _clauses(text, m, schema, enum)
        if inherited is None
        else [(0, len(text.rstrip(" .;")), m, schema, enum)]
    )
    pledges: list[DCommitment] = []
    if not re.search(r"\b(?:was|were) (?:convened|held)\b", text):
        pledges = _commitments(s, actors, dates, pairs, lead_future)
    for k, (a, b, cm, cschema, cenum) in enumerate(clauses):
        objects: list[str] = []
        for f in found:
            if (
                (inherited is not None or passive or cm.end() <= f.start)
                and f.start < b
                and f.name.kind in ("member", "body", "document")
            ):
                objects.append(f"{f.name.kind}:{f.name.id}")
        for mention, meeting in pairs:
            if (inherited is not None or cm.end() <= mention.start) and mention.start < b:
                objects.append(f"meeting:{meeting.key}")
        whole = len(clauses) == 1
        outcome = DOutcome(
            text=text if whole else text[a:b],
            span=s.piece.span() if whole else s.piece.span(a, b),
            verb=cschema,
            verb_enum=cenum,
            actors=actors,
            objects=list(dict.fromkeys(o for o in objects if o not in actors)),
            actors_inferred=inferred,
            confidence=0.85 if inferred is None else 0.6,
            rule=f"verb:{cschema}" + ("" if whole else "+clause"),
        )
        last = k == len(clauses) - 1
        outcome.commitments = [
            c for c in pledges if (a <= c.span_at < b) or (last and c.span_at >= b)
        ]
        target.outcomes.append(outcome)
    if actors and inferred is None:
        reading.last_actors = actors


_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|be|been)\s+(?:\w+ly\s+)?(?:tasked|deferred|postponed|requested|invited|"
    r"asked|encouraged|endorsed|adopted|welcomed|noted|agreed|established|launched|submitted)$"
)


# A further reporting clause of the same subject: "endorsed X and agreed that ...",
# "stressed that ..., and noted ...", "welcomed X; noted Y".
_NEXT_CLAUSE = re.compile(r"(?:,\s*|\s+)and\s+(?:also\s+)?|;\s*(?:and\s+)?(?:also\s+)?")


def _clauses(
    text: str, m: re.Match[str], schema: str, enum: str
) -> list[tuple[int, int, re.Match[str], str, str]]:
    """The reporting clauses of one outcome sentence: (start, end, verb match, schema verb,
    record verb). One outcome per reporting clause: a sentence "X endorsed A and agreed that
    B" is two outcomes with the same actors; a bare "discussed and agreed" (no object between
    the verbs) stays one."""
    out: list[tuple[int, int, re.Match[str], str, str]] = []
    a, cur = 0, (m, schema, enum)
    pos = m.end()
    for jm in _NEXT_CLAUSE.finditer(text, m.end()):
        if jm.start() < pos:
            continue
        if text.count("(", 0, jm.start()) != text.count(")", 0, jm.start()):
            continue  # inside parentheses
        rest = text[jm.end() :]
        nxt = _first_verb(rest[:40])
        if nxt is None or nxt[0].start() != 0 or nxt[1] == "will":
            continue
        vm = _ANY_VERB.match(text, jm.end())  # the verb at the clause's start, in ``text``
        if vm is None or re.match(r"\s+by\b", text[vm.end() :]):
            continue
        if jm.start() - cur[0].end() < 12:
            continue  # "discussed and agreed on ...": one clause
        out.append((a, jm.start(), *cur))
        a, cur, pos = jm.end(), (vm, nxt[1], nxt[2]), vm.end()
    out.append((a, len(text.rstrip(" .;")), *cur))
    return out


_CLAUSE_START = re.compile(r"(?:,|;|\band|\bas well as)\s*$")
_NOT_A_PLEDGE = re.compile(
    r"\bhop(?:e|ed|es|ing)\b|\bexpect(?:ed|ation)\b|\b(?:planned|scheduled|due) to be held\b",
    re.I,
)


def _commitments(
    s: Sentence,
    actors: list[str],
    dates: list[DateMatch],
    pairs: list[tuple[Mention, DMeeting]],
    lead_future: re.Match[str] | None,
) -> list[DCommitment]:
    """The undertakings of one outcome sentence: one per forward-looking clause ("would
    continue to convene virtually and would continue to take a sector focus" is two; a
    clause starts at the first future marker, or at a later one after a comma or "and", or
    at "as well as" once a clause is open). A hope or a meeting "planned to be held" is not
    an undertaking."""
    text = s.text
    starts: list[tuple[int, str]] = []
    if lead_future is not None:  # a bullet of a list introduced by "committed to ...:"
        starts.append((0, lead_future.group(0).lower()))
    for fm in _FUTURE.finditer(text):
        if _NOT_A_PLEDGE.search(text[max(0, fm.start() - 60) : fm.end() + 15]):
            continue
        if starts and not _CLAUSE_START.search(text[: fm.start()]):
            continue
        starts.append((fm.start(), fm.group(0).lower()))
    # an undertaking named by a noun: "updated on efforts to refresh ...", "updated members on
    # the establishment of ...", "ahead of seeking endorsement out of session"
    nominal: set[int] = set()
    for nm in (*_NOMINAL.finditer(text), *_SEEKING.finditer(text)):
        at = nm.start("what")
        if not any(a <= at < a + 12 for a, _ in starts) and not _NOT_A_PLEDGE.search(
            text[max(0, at - 60) : at]
        ):
            starts.append((at, nm.group("what").split()[0].lower()))
            nominal.add(at)
    if not starts:
        return []
    for wm in re.finditer(r"\bas well as\b", text):
        if wm.start() > starts[0][0] and all(abs(wm.end() - a) > 2 for a, _ in starts):
            starts.append((wm.end(), starts[0][1]))
    starts.sort()
    out: list[DCommitment] = []
    for k, (a, word) in enumerate(starts):
        b = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        if a in nominal:  # the noun phrase ends where the next reporting clause begins
            stop = _NOMINAL_END.search(text, a, b)
            b = stop.start() if stop is not None else b
        clause = text[a:b]
        trimmed = re.sub(r"(?:\s*(?:,|;|\band|\bas well as))+\s*$", "", clause).rstrip(" .;")
        b = a + len(trimmed)
        if b - a < 8:
            continue
        kind = (
            "deferral"
            if "defer" in word
            else "tasking"
            if word in ("tasked", "requested that")
            else "recommendation"
            if word.startswith("recommend") or "recommend" in text[a : a + 40].lower()
            else "plan"
            if word.startswith("plan") or "working to" in word or "submitted" in word
            else "undertaking"
        )
        action = re.sub(rf"^{re.escape(word)}\s*", "", trimmed, flags=re.I).strip() or trimmed
        commitment = DCommitment(
            span_at=a,
            kind=kind,
            actors=actors,
            action=action,
            span=s.piece.span(a, b),
            rule=f"future:{word}",
        )
        for d in dates:
            if a <= d.start < b:
                commitment.due_text, commitment.due_date = d.text, d.first
                commitment.due_span = s.piece.span(d.start, d.end)
                break
        for mention, meeting in pairs:
            if a <= mention.start < b and re.search(
                r"\b(?:at|ahead of|before|to|by)\s+(?:the\s+)?$", text[: mention.start]
            ):
                commitment.due_meeting = meeting.key
                commitment.due_text = commitment.due_text or mention.text
                commitment.due_span = commitment.due_span or mention.span()
                break
        out.append(commitment)
        # a meeting ahead of which the undertaking falls is itself looked forward to: "will host
        # a workshop ahead of the sixth annual meeting on 10 November"
        for mention, meeting in pairs:
            if not (a <= mention.start < b) or not _AHEAD_OF.search(text[: mention.start]):
                continue
            end = mention.end
            for d in dates:
                if 0 <= d.start - mention.end <= 4:
                    end = d.end
            out.append(
                DCommitment(
                    span_at=mention.start,
                    kind="plan",
                    actors=actors,
                    action=text[mention.start : end],
                    span=s.piece.span(mention.start, end),
                    due_meeting=meeting.key,
                    due_text=mention.text,
                    due_span=mention.span(),
                    rule="ahead-of-meeting",
                    confidence=0.6,
                )
            )
    return out


_AHEAD_OF = re.compile(r"\b(?:ahead of|in the lead-up to|in preparation for)\s+(?:the\s+)?$", re.I)
_NOMINAL = re.compile(
    r"\b(?:updated|briefed|reported|informed)\b(?:\s+(?:members|participants|the meeting|"
    r"delegates|officials|the group))?\s+on\s+(?P<what>(?:(?:the|their|its)\s+)?(?:ongoing\s+)?"
    r"(?:efforts|plans|preparations|steps|work)\s+to\s+\w+|(?:the|their|its)\s+(?:planned\s+|proposed\s+)?"
    r"(?:establishment|creation|development|preparation|finali[sz]ation|revision)\s+of)\b",
    re.I,
)
_SEEKING = re.compile(
    r"\b(?P<what>seeking\s+(?:(?:the|their|its|formal|final)\s+)?(?:endorsement|approval|adoption))\b",
    re.I,
)
_NOMINAL_END = re.compile(r"\s+and\s+(?:also\s+)?[a-z]+ed\b|;|\.\s")


_QUOTED = re.compile(r"[‘'\"“]([A-Z][^’'\"”]{3,80})[’'\"”]")
_TITLE = re.compile(
    r"(?:[A-Z][\w’'-]*|of|on|for|the|and|to|in)(?:\s+(?:[A-Z][\w’'-]*|of|on|for|the|and|to|in|\d{4}(?:-\d{2,4})?))*"
)


_MEETING_HEAD = re.compile(
    r"\b(?:Meeting|Conference|Workshop|Webinar|Forum|Consultation|Gathering|Roundtable|"
    r"Symposium|Summit|Retreat|Seminar|Dialogue|Session)\b"
)
# a document named in lower case by its kind and what it is about: "the RSO's policy guides
# on criminalizing ...", "the terms of reference of the Working Group on ..."
_LOWER_DOC = re.compile(
    r"\b(?P<head>policy (?:guides?|briefs?|papers?)|terms of reference|concept notes?|"
    r"(?:forward )?work ?plans?|action plans?|guidelines|toolkits?|handbooks?|training (?:modules?|manuals?)|"
    r"joint statements?|discussion papers?|background papers?)\s+(?P<prep>on|of|for)\s+"
    r"(?P<what>[^,.;:()]{6,120}?)(?=\s*[,.;:(]|\s+(?:and\s+)?(?:agreed|endorsed|welcomed|noted|"
    r"adopted|which|that|to be|will|would|was|were|as|at|by|during|ahead)\b|$)"
)
# a title after its kind: "its policy brief Trapped in Deceit"
_NAMED_DOC = re.compile(
    r"\b(?:policy brief|report|paper|publication|study|guide|handbook|toolkit|brief)\s+"
    r"(?P<title>[‘'\"“]?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|on|for|the|and|to|in|a)){0,8})"
)
# a title with an acronym before its kind: "Acknowledge, Act and Advance (AAA) Recommendations"
_ACRONYM_DOC = re.compile(
    r"\b(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?){1,6}\([A-Z]{2,8}\)\s+(?:Recommendations|Principles|"
    r"Framework|Strategy|Declaration|Plan|Guidelines|Report)\b"
)
_DOC_KINDS = {
    "strategy": "strategy",
    "declaration": "declaration",
    "plan": "work-plan",
    "action plan": "work-plan",
    "report": "report",
    "guide": "guide",
    "guides": "guide",
    "compendium": "compendium",
    "recommendations": "recommendations",
    "statement": "statement",
    "note": "concept-note",
    "module": "training-module",
    "compact": "compact",
    "paper": "paper",
    "terms of reference": "paper",
    "framework": "framework",
}


def _new_document(
    reading: Reading, s: Sentence, start: int, title: str, resolver: Resolver
) -> None:
    known = resolver.resolve(title)[0]
    if resolver.names.get(fold(title)) is not None or (
        known is not None and known.kind == "document"
    ):
        return
    heads = _DOC_HEAD.findall(title) or re.findall(
        r"guides?|note|plan|report|module|paper|statement|declaration", title.lower()
    )
    head = heads[-1].lower() if heads else "paper"
    kind = _DOC_KINDS.get(head.rstrip("s") if head.endswith("guides") else head, "paper")
    reading.new_documents.setdefault(
        fold(title), (title, s.piece.span(start, start + len(title)), kind)
    )


# a document named by its kind alone: "a concept note", "associated training module", "the
# Group's format and workplan", "the report of the ... Gathering"
_KIND_NOUN = re.compile(
    r"(?<!\bto )\b(?P<noun>concept notes?|forward work ?plans?|work ?plans?|action plans?|"
    r"training modules?|reports?|statements?|agenda|frameworks?|policy guides?|compendium|"
    r"strateg(?:y|ies)|declarations?|terms of reference)\b(?!\s+(?:on|to|that)\s+(?:the\s+)?[a-z]+ed\b)",
)
_NOUN_KIND = {
    "concept note": "concept-note",
    "work plan": "work-plan",
    "workplan": "work-plan",
    "forward work plan": "work-plan",
    "forward workplan": "work-plan",
    "action plan": "work-plan",
    "training module": "training-module",
    "report": "report",
    "statement": "statement",
    "agenda": "agenda",
    "framework": "framework",
    "policy guide": "guide",
    "compendium": "compendium",
    "strategy": "strategy",
    "strategie": "strategy",
    "declaration": "declaration",
    "terms of reference": "paper",
}


def _lower_aliases(resolver: Resolver) -> re.Pattern[str] | None:
    """One pattern of the dataset's documents' lower-case names of three words or more
    ("agenda and programme of work"), which the name finder (capitalised words) passes by."""
    if hasattr(resolver, "_doc_lower"):
        cached: re.Pattern[str] | None = resolver._doc_lower
        return cached
    texts: dict[str, str] = {}
    try:
        for d in resolver.dataset.documents:
            for t in (d.title, *d.aliases):
                if t[:1].islower() and len(t.split()) >= 3:
                    texts.setdefault(t.lower(), d.id)
    except Exception:  # noqa: BLE001 - a dataset without documents
        texts = {}
    pattern = (
        re.compile(
            r"\b(?:"
            + "|".join(
                r"\s+".join(map(re.escape, t.split())) for t in sorted(texts, key=len, reverse=True)
            )
            + r")\b"
        )
        if texts
        else None
    )
    resolver._doc_lower = pattern  # type: ignore[attr-defined]
    resolver._doc_lower_ids = texts  # type: ignore[attr-defined]
    return pattern


def _folded_titles(resolver: Resolver) -> dict[str, str]:
    """The folded titles of the dataset's documents, by id (kept on the resolver: folded once
    per dataset, not once per noun of every sentence)."""
    titles: dict[str, str] | None = getattr(resolver, "_doc_titles", None)
    if titles is None:
        titles = {}
        resolver._doc_titles = titles  # type: ignore[attr-defined]
    return titles


def _is_word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _has_word(title: str, word: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}\\b", title)`` without compiling a pattern per word
    (``\\b`` is where a word character and a non-word character meet, as in ``re``)."""
    end = len(word)
    i = title.find(word)
    while i >= 0:
        if _is_word_char(title, i - 1) != _is_word_char(title, i) and _is_word_char(
            title, i + end - 1
        ) != _is_word_char(title, i + end):
            return True
        i = title.find(word, i + 1)
    return False


def _by_kind(
    s: Sentence,
    found: list[Found],
    pairs: list[tuple[Mention, DMeeting]],
    reading: Reading,
    resolver: Resolver,
    year: int | None,
) -> list[Range]:
    """Documents of the dataset named by a short phrase: its kind, and the body, member,
    document or meeting named in the same sentence that it is of (an author, or words of its
    title). Resolved only when exactly one document of that kind has such evidence and its
    year is not far from the statement's; never guessed. Returns the cleaned-text ranges used."""
    text = s.text
    used: list[Range] = []
    lower = _lower_aliases(resolver)
    if lower is not None:
        for m in lower.finditer(text.lower()):
            ident = resolver._doc_lower_ids[re.sub(r"\s+", " ", m.group(0))]  # type: ignore[attr-defined]
            name = resolver.by_key.get(("document", ident))
            if name is not None:
                reading.named.setdefault(name.key, (name, _span(s, m.start(), m.end()), m.group(0)))
                used.append((m.start(), m.end()))
    nouns = list(_KIND_NOUN.finditer(text))
    if not nouns or not (found or pairs):
        return used
    try:
        documents = resolver.dataset.documents
    except Exception:  # noqa: BLE001
        return used
    subjects = {f.name.id for f in found if f.name.kind in ("member", "body") and f.name.id != "BP"}
    words: list[str] | None = None  # built on the first candidate document
    titles = _folded_titles(resolver)
    for m in nouns:
        if any(a < m.end() and m.start() < b for a, b in used) or any(
            f.start < m.end() and m.start() < f.end for f in found if f.name.kind == "document"
        ):
            continue
        noun = m.group("noun").lower()
        kind = _NOUN_KIND.get(noun) or _NOUN_KIND.get(noun[:-1]) or ""
        hits = []
        for d in documents:
            if d.kind.value != kind:
                continue
            if year is not None and d.year is not None and abs(d.year - year) > 1:
                continue
            authors = {a.id for a in d.authors}
            if authors & subjects:
                hits.append(d)
                continue
            if words is None:
                folded = {fold(t) for f in found if f.name.id != "BP" for t in (f.text, f.name.id)}
                folded |= {fold(mention.text) for mention, _ in pairs if len(mention.text) > 10}
                words = [w for w in folded if len(w) >= 3]
            title = titles.get(d.id)
            if title is None:
                title = titles[d.id] = fold(d.title)
            if any(_has_word(title, w) for w in words):
                hits.append(d)
        if len(hits) != 1:
            continue
        name = resolver.by_key.get(("document", hits[0].id))
        if name is None:
            continue
        lead = re.search(
            r"(?:\b(?:the|a|an|its|their|associated|draft|new|revised)\s+)+$",
            text[: m.start()],
            re.I,
        )
        a = lead.start() if lead is not None else m.start()
        reading.named.setdefault(name.key, (name, _span(s, a, m.end()), text[a : m.end()]))
        used.append((a, m.end()))
    return used


def _documents(
    sents: list[Sentence],
    reading: Reading,
    resolver: Resolver,
    found_per: list[list[Found]],
    mentions_per: list[list[tuple[Mention, DMeeting]]],
    year: int | None,
) -> None:
    """Documents the dataset knows, named by a short phrase (see :func:`_by_kind`), and
    documents it does not know: a title with a document head noun (two titles
    joined by "and the" are two), a title with an acronym before its head noun, a title after
    its kind ("policy brief Trapped in Deceit"), and a document named in lower case by its
    kind and subject ("policy guides on ...")."""
    for idx, s in enumerate(sents):
        text = s.text
        taken = _by_kind(s, found_per[idx], mentions_per[idx], reading, resolver, year)
        for m in _ACRONYM_DOC.finditer(text):
            _new_document(reading, s, m.start(), m.group(0), resolver)
        for m in _NAMED_DOC.finditer(text):
            title = m.group("title").strip("‘'\"“")
            words = title.split()
            while words and words[-1] in ("of", "on", "for", "the", "and", "to", "in", "a"):
                words.pop()
            title = " ".join(words)
            if len(words) >= 2 and not _DOC_HEAD.search(title) and not _MEETING_HEAD.search(title):
                _new_document(reading, s, text.find(title, m.start()), title, resolver)
        for m in _LOWER_DOC.finditer(text):
            what = m.group("what").strip()
            title = f"{m.group('head')} {m.group('prep')} {what}"
            if any(a < m.start() + len(title) and m.start() < b for a, b in taken):
                continue  # a document of the dataset
            if len(what.split()) >= 2 and text[m.start() : m.start() + len(title)] == title:
                _new_document(reading, s, m.start(), title, resolver)
        for m in _TITLE.finditer(text):
            title = m.group(0).strip()
            for part in re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", title):
                words = part.split()
                while words and words[0].lower() in (
                    "the",
                    "of",
                    "on",
                    "for",
                    "and",
                    "to",
                    "in",
                    "a",
                ):
                    words = words[1:]
                while words and words[-1].lower() in ("the", "of", "on", "for", "and", "to", "in"):
                    words = words[:-1]
                part = " ".join(words)
                if len(words) < 2 or not _DOC_HEAD.search(part):
                    continue
                if _MEETING_HEAD.search(part) or any(
                    part in t for t, _, _ in reading.new_documents.values()
                ):
                    continue
                if resolver.names.get(fold(part)) is not None:
                    continue
                _new_document(reading, s, text.find(part, m.start()), part, resolver)
