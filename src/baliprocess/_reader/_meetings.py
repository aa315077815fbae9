"""Meetings a statement describes, mentions or dates: titles, numbers, kinds, dates, places."""

from __future__ import annotations

import functools
import re

from .._normalize import fold
from ._dates import DateMatch
from ._model import DMeeting, Range
from ._names import Resolver
from ._text import Sentence

__all__ = ["Mention", "find_mentions", "meeting_of", "place_after_dash"]

_ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
_ORDINALS.update({"inaugural": 1, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23})
_ORDINAL = re.compile(
    r"(?P<n>\d{1,2})(?:st|nd|rd|th)\b|(?P<w>"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_HEADS = (
    r"Meeting|Conference|Workshop|Webinar|Forum|Consultation|Gathering|Roundtable|Round\s+Table|"
    r"Symposium|Summit|Retreat|Seminar|SOM|BPMC|SGMM|Meetings|Workshops|Webinars"
)
_HEAD = re.compile(rf"\b(?:{_HEADS})\b", re.I)
_CONNECT = {"of", "on", "for", "in", "and", "the", "to", "with", "by", "against", "&"}
_TOKEN = re.compile(r"[\w’'‘-]+|\([^()]{1,20}\)", re.UNICODE)
_STOP_CAPS = {"In", "On", "The", "A", "An", "At", "From", "Between", "During", "Since", "After"}
_BP_NAME = re.compile(
    r"Bali Process on People Smuggling, Trafficking in Persons,? and Related Transnational Crime"
)
_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_LIFECYCLE = re.compile(r"\b(?:next|last|previous|upcoming|forthcoming|future)\s*$", re.I)


# A body's name used as an event: "the 2018 Government and Business Forum, held in ...",
# "the Senior Officials' Meeting on 10 March 2011".
_EVENT_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:(?:which\s+)?(?:was|were|is|will be)\s+)?(?:held|convened|took place|"
    r"hosted|(?:on|from|between)\s+\d|(?:on|from|between)\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b)"
)


class Mention:
    __slots__ = ("end", "number", "sentence", "start", "text", "vague")

    def __init__(self, sentence: Sentence, start: int, end: int, number: int | None, vague: str):
        self.sentence, self.start, self.end = sentence, start, end
        self.text = sentence.text[start:end]
        self.number = number
        self.vague = vague  # "next" / "last" / "" for a definite title

    def span(self) -> Range:
        return self.sentence.piece.span(self.start, self.end)


def _capital(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit() or token.startswith("(")


def _title_list(tokens: list[tuple[int, int, str]], at: int, resolver: Resolver | None) -> int:
    """A list of capitalised words inside a title ("... on Fair, Safe and Legal Labour
    Mobility"): where it ends (a token index), or 0 when ``tokens[at:]`` is not one. Items
    that are names (countries, members, places) make it a list of participants instead."""
    items: list[str] = []
    j = at
    while j < len(tokens) and len(items) < 5:
        tok = tokens[j][2]
        if not tok[:1].isupper() or _HEAD.fullmatch(tok):
            return 0
        items.append(tok)
        j += 1
        if j < len(tokens) and tokens[j][2] == "and":
            nxt = tokens[j + 1][2] if j + 1 < len(tokens) else ""
            after = tokens[j + 2][2] if j + 2 < len(tokens) else ""
            if not nxt[:1].isupper() or not after[:1].isupper():
                return 0
            items += [nxt]
            end = j + 2
            break
        if j >= len(tokens) or tokens[j - 1][1] + 2 != tokens[j][0]:
            return 0  # only ", " between items
    else:
        return 0
    if resolver is not None and any(
        resolver.names.get(fold(w)) or resolver.place(w)[0] is not None for w in items
    ):
        return 0
    return end


def find_mentions(sentence: Sentence, resolver: Resolver | None = None) -> list[Mention]:
    """Titles of meetings in one sentence ("the Twelfth Meeting of the Ad Hoc Group Senior
    Officials (AHG SOM)", "the 7th annual meeting of the TFPP", "the next Bali Process SOM")."""
    text = sentence.text
    masked = _BP_NAME.sub(lambda m: m.group(0).replace(",", " "), text)
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(masked)]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        _s, _e, tok = tokens[i]
        if not _HEAD.fullmatch(tok):
            i += 1
            continue
        lo = i
        while lo > 0:
            prev = tokens[lo - 1][2]
            if masked[tokens[lo - 1][1] : tokens[lo][0]].strip():
                break
            if prev == "and" and lo > 1 and _HEAD.fullmatch(tokens[lo - 2][2]):
                break  # "... Annual Meeting and Regional Webinar on ...": two titles
            if prev == "and" and lo > 1 and _capital(tokens[lo - 2][2]):
                lo -= 1
                continue
            if (
                _ORDINAL.fullmatch(prev)
                or (_capital(prev) and prev not in _STOP_CAPS and not prev.startswith("("))
                or prev.lower()
                in (
                    "annual",
                    "regional",
                    "joint",
                    "senior",
                    "officials",
                    "officials’",
                    "ministerial",
                    "preparatory",
                    "online",
                    "virtual",
                    "ministers’",
                    "ministers'",
                    "officials'",
                    "technical",
                    "expert",
                    "experts",
                    "national",
                    "high-level",
                    "special",
                    "policy",
                    "ad",
                    "hoc",
                    "working",
                    "group",
                )
            ):
                lo -= 1
            else:
                break
        if lo > 0 and _ORDINAL.fullmatch(tokens[lo - 1][2]):
            lo -= 1
        first_is_head = lo == i
        hi = i + 1
        while hi < len(tokens):
            tok2 = tokens[hi][2]
            nxt = tokens[hi + 1][2] if hi + 1 < len(tokens) else ""
            if nxt[:1].isdigit() or nxt.lower() in _MONTH_WORDS:
                break
            if (
                tok2.lower() in ("in", "at")
                and resolver is not None
                and (
                    resolver.place(nxt)[0] is not None
                    or resolver.names.get(fold(nxt))
                    or resolver.place(" ".join(t[2] for t in tokens[hi + 1 : hi + 3]))[0]
                    is not None
                )
            ):
                break
            if tok2.lower() == "and" and any(
                _HEAD.fullmatch(t[2]) or _ORDINAL.fullmatch(t[2]) for t in tokens[hi + 1 : hi + 12]
            ):
                break
            if (
                tok2.lower() in _CONNECT
                and hi + 1 < len(tokens)
                and (_capital(tokens[hi + 1][2]) or tokens[hi + 1][2].lower() in ("the",))
            ):
                if masked[tokens[hi - 1][1] : tokens[hi][0]].strip():  # punctuation between
                    break
                hi += 1
                continue
            if _capital(tok2) and not masked[tokens[hi - 1][1] : tokens[hi][0]].strip():
                if _HEAD.fullmatch(tok2) and tok2[0].islower():
                    break
                hi += 1
                continue
            if masked[tokens[hi - 1][1] : tokens[hi][0]] == ", " and hi > i + 1:
                listed = _title_list(tokens, hi, resolver)
                if listed:
                    hi = listed
                    continue
            break
        while hi > i + 1 and tokens[hi - 1][2].lower() in _CONNECT:
            hi -= 1
        words = [t[2] for t in tokens[lo:hi]]
        number = None
        for w in words[:3]:
            m = _ORDINAL.fullmatch(w)
            if m:
                number = int(m.group("n")) if m.group("n") else _ORDINALS[m.group("w").lower()]
                break
        before = text[: tokens[lo][0]]
        vague_m = _LIFECYCLE.search(before.rstrip())
        vague = vague_m.group(0).strip().lower() if vague_m else ""
        capitalised = any(_capital(w) and not _ORDINAL.fullmatch(w) for w in words)
        if first_is_head and number is None and not vague and not capitalised:
            i = hi
            continue
        if not capitalised and number is None and not vague:
            i = hi
            continue
        if (first_is_head and hi == i + 1 and not vague) or (
            number is None
            and not vague
            and resolver is not None
            and (found := resolver.resolve(text[tokens[lo][0] : tokens[hi - 1][1]])[0]) is not None
            and found.kind == "body"
            and not _EVENT_AFTER.match(text, tokens[hi - 1][1])
            and not re.fullmatch(r"(?:19|20)\d\d", tokens[lo][2])
        ):
            i = hi  # a bare "the Meeting" (the meeting in hand) or a body's name
            continue
        if tok.lower() in ("meetings", "workshops", "webinars") and number is None:
            i = hi
            continue
        start = tokens[lo][0]
        if vague_m is not None:
            start = vague_m.start()
        out.append(Mention(sentence, start, tokens[hi - 1][1], number, vague))
        i = hi
    return out


# -- what a title says ---------------------------------------------------------------------


def kind_and_series(title: str, body: str | None) -> tuple[str, str]:
    t = fold(title)
    if "steering group" in t or "sgmm" in t.split():
        return (
            "ministerial-conference" if "minister" in t else "senior-officials-meeting",
            "steering-group",
        )
    if "preparatory" in t:
        return "preparatory-meeting", "other"
    if "webinar" in t:
        return "webinar", "webinar"
    if "workshop" in t:
        return "workshop", "workshop"
    if "gathering" in t:
        return "experts-gathering", "other"
    if "ministerial" in t or "bpmc" in t.split() or "ministers meeting" in t:
        return "ministerial-conference", "ministerial"
    if "forum" in t:
        return "forum", "other"
    if "consultation" in t:
        return "consultation", "consultation-mechanism"
    if "senior official" in t or re.search(r"\bsom\b", t):
        series = "ahg-som" if ("ad hoc" in t or "ahg" in t.split()) else "som"
        return "senior-officials-meeting", series
    if "annual meeting" in t:
        if body == "TFPP" or "task force" in t or "tfpp" in t.split():
            return "annual-meeting", "tfpp"
        if body == "WG-DISRUPTION" or "disruption" in t:
            return "annual-meeting", "wg-disruption"
        return "annual-meeting", "wg-tip-annual" if body in (None, "WG-TIP") else "other"
    if body == "TFPP":
        return "working-group-meeting", "tfpp"
    if body == "WG-DISRUPTION":
        return "working-group-meeting", "wg-disruption"
    return "working-group-meeting", "other"


@functools.lru_cache(maxsize=1024)
def body_of(title: str, resolver: Resolver) -> str | None:
    t = fold(title)
    bodies = [f.name.id for f in resolver.find(title) if f.name.kind == "body"]
    bodies = [b for b in bodies if b not in ("BP",)]
    if ("ministerial conference" in t or "bpmc" in t.split()) and "ministerial conference" in t:
        return "BPMC" if ("BPMC", "body") and ("body", "BPMC") in resolver.by_key else None
    if "senior official" in t and "ad hoc" in t:
        return "AHG" if ("body", "AHG") in resolver.by_key else None
    for b in bodies:
        if b not in ("BPMC", "SOM") or "ministerial" in t or "som" in t.split():
            return b
    return None


def clean_title(text: str) -> str:
    title = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    title = re.sub(r"\s*\([^()]*\)$", "", title)  # a trailing acronym
    if title.isupper():
        title = " ".join(
            w.lower() if w.lower() in _CONNECT else w.capitalize() for w in title.split()
        )
    return title.strip(" ,;:-–")


@functools.lru_cache(maxsize=4096)
def _title_key(title: str) -> str:
    words = [w for w in fold(title).split() if w not in _ORDINALS and not w[:1].isdigit()]
    words = [w for w in words if w not in ("bali", "process", "of", "the", "on", "meeting")]
    return " ".join(words)


def meeting_of(
    mention: Mention, meetings: list[DMeeting], resolver: Resolver, context: DMeeting | None
) -> DMeeting:
    """The meeting a mention names: an existing one when it matches, else a new one."""
    title = clean_title(mention.text)
    body = body_of(mention.text, resolver)
    if (
        body is None
        and context is not None
        and re.search(r"\b(?:of|by) (?:the )?(?:WG|Working Group|Group)\b", mention.text) is None
        and mention.number is not None
        and context.body
    ):
        body = None
    kind, series = kind_and_series(mention.text, body)
    key_title = _title_key(title)
    for meeting in meetings:
        same_number = mention.number is not None and meeting.number == mention.number
        if (
            same_number
            and meeting.series == series
            and (body is None or meeting.body is None or body == meeting.body)
        ):
            return meeting
        if (
            same_number
            and key_title
            and set(key_title.split()) <= set(_title_key(meeting.title).split())
        ):
            return meeting  # "the Ninth Meeting of the Group" after its full title
        if (
            mention.number is None
            and (
                key_title == _title_key(meeting.title)
                or (len(key_title) > 8 and key_title in _title_key(meeting.title))
            )
            and not mention.vague
            and (meeting.series == series or key_title == _title_key(meeting.title))
        ):
            return meeting
    slug_parts = {
        "senior-officials-meeting": "som",
        "ministerial-conference": "bpmc",
        "annual-meeting": "annual",
        "working-group-meeting": "meeting",
    }
    base = (body or "").lower() or series
    if series in ("ahg-som", "som", "ministerial"):
        base = {"ahg-som": "ahg-som", "som": "som", "ministerial": "bpmc"}[series]
    elif kind in slug_parts and body:
        base = f"{body.lower()}"
    else:
        base = "-".join(fold(key_title).split()[:4]) or kind
    key = f"{base}-{mention.number}" if mention.number is not None else base
    if mention.vague:
        key = f"{mention.vague}-{base}"
    existing = {m.key for m in meetings}
    unique, n = key, 2
    while unique in existing:
        unique, n = f"{key}-{n}", n + 1
    if mention.vague:
        title = f"{mention.vague.capitalize()} {clean_title(mention.text[len(mention.vague) :])}"
    return DMeeting(
        key=unique,
        title=title,
        kind=kind,
        series=series,
        span=mention.span(),
        number=mention.number,
        body=body,
        state="planned"
        if mention.vague in ("next", "upcoming", "forthcoming", "future")
        else "held",
        rule="title",
    )


# -- dates and places near a mention -----------------------------------------------------------

_BRIDGE = re.compile(
    r"^[\s,]*(?:\([^()]*\)[\s,]*)?(?:(?:which\s+)?(?:was\s+|were\s+|is\s+|will\s+be\s+)?"
    r"(?:held|convened|took\s+place|met|hosted|planned\s+to\s+be\s+held|to\s+be\s+held|"
    r"scheduled|organised|organized)\b[^.;]{0,60}?)?"
    r"(?:(?:\b(?:in|at)\s+|\s[–—-]\s*)[A-Z][\w’' -]*(?:,\s*[A-Z][\w’' -]*)?[\s,]*)?"
    r"[\s,]*(?:on|from|between|in|during|of|–|-|,|\()?\s*(?:the\s+)?$"
)
_PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
    r"(?:,\s*(?P<country>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))?"
)


def date_after(
    sentence: Sentence, end: int, dates: list[DateMatch], limit: int = 90
) -> DateMatch | None:
    for date in dates:
        if date.start < end:
            continue
        between = sentence.text[end : date.start]
        if len(between) <= limit and _BRIDGE.match(between):
            return date
        return None
    return None


_DASH_PLACE = re.compile(
    r"\s*[–—-]\s*(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
    r"(?:,\s*(?P<country>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))?\s*(?:,|$|\d)"
)


def place_after_dash(text: str, resolver: Resolver) -> tuple[str, str, str, int, int, float] | None:
    """A heading's "Title - City, Country, 1-2 May 2019": the place after the dash."""
    m = _DASH_PLACE.match(text)
    if m is None:
        return None
    place, conf, _ = resolver.place(m.group("place"))
    if place is None:
        return None
    end = m.end("place")
    if m.group("country"):
        name, _, _ = resolver.resolve(m.group("country"))
        if name is not None and name.member_kind == "state":
            if name.id != place[1]:
                return None
            end = m.end("country")
    return place[0], place[1], place[2], m.start("place"), end, conf


def place_in(text: str, resolver: Resolver) -> tuple[str, str, str, int, int, float] | None:
    """The first place named after "in"/"at" in ``text``: (name, alpha-3, kind, start, end,
    confidence), or ``None``."""
    for m in _PLACE.finditer(text):
        raw = m.group("place")
        # "Jakartam Indonesia": a place and its country run together.
        words = raw.split()
        country_code = None
        country_text = m.group("country")
        if country_text:
            name, _, _ = resolver.resolve(country_text)
            if name is not None and name.kind == "member" and name.member_kind == "state":
                country_code = name.id
        for cut in range(len(words), 0, -1):
            head = " ".join(words[:cut])
            place, conf, _ = resolver.place(head)
            if place is not None:
                tail = " ".join(words[cut:])
                if tail:
                    tname, _, _ = resolver.resolve(tail)
                    if tname is not None and tname.member_kind == "state":
                        country_code = country_code or tname.id
                end = m.start("place") + len(head)
                if country_code is not None and country_code != place[1]:
                    continue
                if country_text and country_code:
                    end = m.end("country")
                return place[0], place[1], place[2], m.start("place"), end, conf
        if country_code is not None and not resolver.names.get(fold(raw)):
            return raw, country_code, "place", m.start("place"), m.end(), 0.5
    return None
