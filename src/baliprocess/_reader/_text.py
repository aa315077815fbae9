"""Text as it was passed in, cut into blocks and sentences that keep an offset map.

Every piece of text the reader works on is a :class:`Piece`: a cleaned string (markdown
emphasis, bullet markers, repeated page headers and hard line wraps taken out) and, for each of
its characters, the offset of the character it came from in the text as passed in. A span of
a piece is therefore always an exact range of the original text: ``text[start:end]``.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["Piece", "Sentence", "blocks", "sentences"]

_TERMINAL = ".!?;:"
_BULLET = re.compile(
    r"[ \t]*(?:[-*•●▪◦‣–—+]|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\([ivx]{1,4}\))[ \t]+"
)
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]*")
_EMPHASIS = re.compile(
    r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?!\w)"
)
_IMAGE_CAPTION = re.compile(r"^\S*-\S*\s+Image\s*$|^!\[[^\]]*\]\([^)]*\)\s*$")
_RUN_TOGETHER = re.compile(r"(?<=[a-z0-9)])(?=(?:Date|Location|Venue|Time|Place)s?:)")


class Piece:
    """A cleaned string with, per character, its offset in the original text."""

    __slots__ = ("offsets", "text")

    def __init__(self, text: str, offsets: list[int]) -> None:
        self.text = text
        self.offsets = offsets

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Piece:
        return cls(original[start:end], list(range(start, end)))

    def span(self, i: int = 0, j: int | None = None) -> tuple[int, int]:
        """The original range of characters ``i`` to ``j`` of this piece."""
        n = len(self.text)
        j = n if j is None else j
        i, j = max(0, min(i, n)), max(0, min(j, n))
        if i >= j or not self.offsets:
            at = self.offsets[i] if i < n and self.offsets else (self.offsets[-1] + 1 if n else 0)
            return at, at
        return self.offsets[i], self.offsets[j - 1] + 1

    def sub(self, i: int, j: int) -> Piece:
        return Piece(self.text[i:j], self.offsets[i:j])

    def strip(self) -> Piece:
        text = self.text
        i, j = 0, len(text)
        while i < j and text[i].isspace():
            i += 1
        while j > i and text[j - 1].isspace():
            j -= 1
        return self.sub(i, j)

    def __add__(self, other: Piece) -> Piece:
        return Piece(self.text + other.text, self.offsets + other.offsets)

    def drop(self, pattern: re.Pattern[str]) -> Piece:
        """This piece without the matches of ``pattern``."""
        keep = [True] * len(self.text)
        for match in pattern.finditer(self.text):
            for k in range(match.start(), match.end()):
                keep[k] = False
        if all(keep):
            return self
        chars = [c for c, k in zip(self.text, keep, strict=True) if k]
        offsets = [o for o, k in zip(self.offsets, keep, strict=True) if k]
        return Piece("".join(chars), offsets)


class Block:
    """A paragraph, bullet, numbered paragraph or heading of the text."""

    __slots__ = ("kind", "piece")

    def __init__(self, piece: Piece, kind: str) -> None:
        self.piece = piece
        self.kind = kind  # "text", "bullet", "heading"


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n|\u2028|\u2029", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _header_lines(text: str, lines: list[tuple[int, int]]) -> set[str]:
    """Lines repeated as page headers or footers: short lines seen more than once."""
    counts = Counter(text[a:b].strip() for a, b in lines if 0 < len(text[a:b].strip()) <= 120)
    return {
        line
        for line, n in counts.items()
        if n > 1 and not _BULLET.match(line) and not re.fullmatch(r"[\W\d_]*", line)
    }


def _ends_open(piece: Piece) -> bool:
    t = piece.text.rstrip(" *_\t")
    return bool(t) and t[-1] not in _TERMINAL and t[-1] not in ")]\"'’”"


def _title_like(line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    small = {"of", "the", "and", "on", "in", "for", "to", "by", "a", "an", "at", "with"}
    big = [w for w in words if w.lower() not in small]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.75 * len(big)


def blocks(text: str) -> list[Block]:
    """The blocks of ``text``: repeated page headers dropped, hard-wrapped lines and sentences
    broken by a page header joined (the joined block keeps offsets of both halves)."""
    text_lines = _lines(text)
    headers = _header_lines(text, text_lines)
    seen_header: set[str] = set()
    out: list[Block] = []
    blank_since = True
    header_since = False
    for a, b in text_lines:
        raw = text[a:b]
        stripped = raw.strip()
        if not stripped:
            blank_since = True
            continue
        if stripped in headers:
            if stripped in seen_header:
                header_since = True
                continue
            seen_header.add(stripped)
        if _IMAGE_CAPTION.match(stripped):
            continue
        piece = Piece.of(text, a, b)
        # Web copies run fields together: "Bangkok, ThailandDate: 02 February 2016".
        parts = [m.start() for m in _RUN_TOGETHER.finditer(piece.text)]
        pieces = [
            piece.sub(i, j) for i, j in zip([0, *parts], [*parts, len(piece.text)], strict=False)
        ]
        for part in pieces:
            kind = "text"
            m = _HEADING.match(part.text)
            if m and part.text.lstrip().startswith("#"):
                part, kind = part.sub(m.end(), len(part.text)), "heading"
            else:
                m = _BULLET.match(part.text)
                if m and len(part.text) > m.end():
                    part, kind = part.sub(m.end(), len(part.text)), "bullet"
            part = part.drop(_EMPHASIS).strip()
            if not part.text:
                continue
            previous = out[-1] if out else None
            first = part.text[0]
            joins = (
                previous is not None
                and kind == "text"
                and previous.kind != "heading"
                and _ends_open(previous.piece)
                # a capitalised line flush left after a bullet starts a paragraph of its own
                and not (previous.kind == "bullet" and first.isupper() and not raw[:1].isspace())
                and not (len(part.text) < 60 and _title_like(part.text) and not first.islower())
                and (
                    first.islower()
                    or (
                        not blank_since
                        and not header_since
                        and len(previous.piece.text) >= 60
                        and not _title_like(previous.piece.text)
                    )
                )
            )
            if joins and previous is not None:
                gap = Piece(" ", [previous.piece.offsets[-1]])
                previous.piece = previous.piece + gap + part
            else:
                out.append(Block(part, kind))
            blank_since = header_since = False
    return out


class Sentence:
    """One sentence of a block; ``lead`` is the text introducing a list it belongs to."""

    __slots__ = ("block", "index", "kind", "lead", "piece")

    def __init__(self, piece: Piece, kind: str, block: int, index: int, lead: str) -> None:
        self.piece = piece
        self.kind = kind
        self.block = block
        self.index = index
        self.lead = lead

    @property
    def text(self) -> str:
        return self.piece.text


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "hon",
        "h.e",
        "h.e.",
        "e.g",
        "i.e",
        "no",
        "st",
        "nos",
        "vol",
        "art",
        "para",
        "paras",
        "u.s",
        "u.n",
        "cf",
        "etc",
        "jr",
        "sr",
        "prof",
        "gen",
        "amb",
        "approx",
        "fig",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "govt",
    ]
)
_BOUNDARY = re.compile(r"[.!?](?:[\"'’”)\]]*)(?=\s+[\"'‘“(\[]*[A-Z0-9•])|[.!?](?=[A-Z][a-z])")


def _split(piece: Piece) -> list[Piece]:
    text = piece.text
    out: list[Piece] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        word = re.search(r"([\w.]+)\.?$", text[start : match.start() + 1])
        if word is not None:
            token = word.group(1).lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token):  # U.S., H.E.
                continue
        out.append(piece.sub(start, end).strip())
        start = end
    rest = piece.sub(start, len(text)).strip()
    if rest.text:
        out.append(rest)
    return [p for p in out if p.text]


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text``, in order, with the lead-in of the list it belongs to."""
    out: list[Sentence] = []
    lead = ""
    for b, block in enumerate(blocks(text)):
        if block.kind != "bullet":
            lead = ""
        for piece in _split(block.piece):
            out.append(Sentence(piece, block.kind, b, len(out), lead))
        if block.kind != "bullet" and block.piece.text.rstrip().endswith(":"):
            lead = block.piece.text
    return out
