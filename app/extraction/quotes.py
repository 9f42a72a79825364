"""Quoted spans: the words between quote marks, in double or single quotes, straight or
typographic, across paragraphs where a quote runs on ("...end of paragraph.\n\n“Next...").

Double quotes are paired first; single quotes are paired outside them, telling a quote mark from
an apostrophe by what stands on each side: "Russia's" is a word, "'in principle'," a quote; a
closing mark after an "s" and before a lower-case word ("the leaders' summit") is taken for a
possessive while a better closing mark follows.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from app.extraction.text import Paragraph

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
# What may stand before an opening single mark, and after a closing one.
BEFORE_OPEN = ' \t\n([{—–-/"“'
AFTER_CLOSE = ' \t\n.,;:!?)]}—–-/"”…'
TRAILING = ",;:"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the first character of the words
    end: int  # just past the last character inside the marks (spaces aside)
    words_end: int  # just past the words a record quotes: a trailing comma, and a fragment's
    # full stop, are the sentence's punctuation, not the speaker's
    opened: int  # the opening mark
    closed: int  # just past the closing mark

    def holds(self, offset: int) -> bool:
        return self.opened <= offset < self.closed


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[QuoteSpan]:
    """The quoted spans of the paragraphs, in text order."""
    doubles = list(_pair(text, paragraphs, _double_marks(text, paragraphs)))
    singles = _pair(text, paragraphs, _single_marks(text, paragraphs, doubles))
    spans = sorted((s for s in (*doubles, *singles) if s is not None), key=lambda s: s.opened)
    # A quote within a quote is part of it ("'I told them "no",' she said").
    return [
        s for s in spans if not any(o.opened < s.opened and s.closed <= o.closed for o in spans)
    ]


Mark = tuple[int, str]  # offset, and "open", "close" or "weak" (a close that may be a possessive)


def _double_marks(text: str, paragraphs: list[Paragraph]) -> Iterator[tuple[int, list[Mark]]]:
    for number, paragraph in enumerate(paragraphs):
        marks: list[Mark] = []
        is_open = False
        for offset in range(paragraph.start, paragraph.end):
            char = text[offset]
            if is_open and char in DOUBLE_OPEN and _ends_words(text, offset, paragraph):
                marks.append((offset, "close"))  # a closing mark printed as an opening one
                is_open = False
            elif char in DOUBLE_OPEN or (char == '"' and not is_open):
                marks.append((offset, "open"))
                is_open = True
            elif char in DOUBLE_CLOSE or char == '"':
                marks.append((offset, "close"))
                is_open = False
        yield number, marks


def _ends_words(text: str, offset: int, paragraph: Paragraph) -> bool:
    """A mark after a word and before a space or punctuation ("takes“ he said")."""
    after = text[offset + 1] if offset + 1 < paragraph.end else " "
    return not text[offset - 1].isspace() and after in AFTER_CLOSE


def _single_marks(
    text: str, paragraphs: list[Paragraph], doubles: list[QuoteSpan | None]
) -> Iterator[tuple[int, list[Mark]]]:
    inside = [(d.opened, d.closed) for d in doubles if d is not None]
    for number, paragraph in enumerate(paragraphs):
        marks = []
        for offset in range(paragraph.start, paragraph.end):
            if text[offset] in "'‘’‹›" and not any(a <= offset < b for a, b in inside):
                kind = _single_kind(text, offset, paragraph)
                if kind:
                    marks.append((offset, kind))
        yield number, marks


def _single_kind(text: str, offset: int, paragraph: Paragraph) -> str | None:
    char = text[offset]
    before = text[offset - 1] if offset > paragraph.start else " "
    after = text[offset + 1] if offset + 1 < paragraph.end else " "
    if char in SINGLE_OPEN or (char == "'" and before in BEFORE_OPEN):
        return "open" if not after.isspace() else None
    if char in SINGLE_CLOSE or char == "'":
        if before.isspace() or after not in AFTER_CLOSE:
            return None  # an apostrophe inside a word ("Russia's", "that’s")
        rest = text[offset + 1 : offset + 3]
        possessive = before in "sS" and rest[:1] == " " and rest[1:2].islower()
        return "weak" if possessive else "close"
    return None


def _pair(
    text: str,
    paragraphs: list[Paragraph],
    marks_by_paragraph: Iterator[tuple[int, list[Mark]]],
) -> Iterator[QuoteSpan | None]:
    pending: int | None = None  # the opening mark of a quote that runs on into this paragraph
    for number, marks in marks_by_paragraph:
        index = 0
        if pending is not None and marks and marks[0] == (paragraphs[number].start, "open"):
            index = 1  # the mark that reopens a quote running on: not a new quote
        elif pending is not None:
            yield _span(text, pending, paragraphs[number - 1].end, closed_by_mark=False)
            pending = None
        while index < len(marks):
            offset, kind = marks[index]
            if pending is None:
                if kind == "open":
                    pending = offset
                index += 1
                continue
            close = _closing(marks, index)
            if close is None:
                break
            yield _span(text, pending, marks[close][0], closed_by_mark=True)
            pending, index = None, close + 1
        if pending is not None and not _runs_on(text, paragraphs, number):
            yield _span(text, pending, paragraphs[number].end, closed_by_mark=False)
            pending = None


def _closing(marks: list[Mark], index: int) -> int | None:
    """The mark that closes a quote open before marks[index]: the first strong close, unless a
    possessive-looking one comes first and another quote opens between them."""
    weak = None
    for position in range(index, len(marks)):
        kind = marks[position][1]
        if kind == "close":
            return position
        if kind == "weak" and weak is None:
            weak = position
        if kind == "open" and weak is not None:
            return weak
    return weak


def _runs_on(text: str, paragraphs: list[Paragraph], number: int) -> bool:
    following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
    return following is not None and text[following.start] in "\"“‘'"


def _span(text: str, opened: int, close_at: int, closed_by_mark: bool) -> QuoteSpan | None:
    start, end = opened + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    words_end = end
    while words_end > start and (text[words_end - 1].isspace() or text[words_end - 1] in TRAILING):
        words_end -= 1
    if words_end > start and text[words_end - 1] == "." and not text[start].isupper():
        words_end -= 1  # a fragment's full stop is the sentence's, not the speaker's
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return QuoteSpan(start, end, words_end, opened, close_at + 1 if closed_by_mark else close_at)
