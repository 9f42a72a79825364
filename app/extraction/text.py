"""An article cut into paragraphs, sentences and tokens, each with its offsets in the text.

syntok tokenizes and finds the sentences (it knows "U.S." and "Aug." are no sentence ends);
a sentence boundary that falls inside a quote is undone, so that a quote of several sentences,
or of several paragraphs, lies in one sentence with its attribution.
"""

import re
from dataclasses import dataclass

from syntok import segmenter

LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    value: str
    hyphenated: bool = False  # the second word of "so-called" (syntok drops the hyphen)

    @property
    def lower(self) -> str:
        return self.value.lower()

    @property
    def is_word(self) -> bool:
        return self.value[:1].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.value[:1].isupper()


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    tokens: list[Token]


def paragraphs(text: str, start: int, end: int) -> list[Paragraph]:
    """The non-blank lines of text[start:end], without their outer spaces."""
    found = []
    for line in LINE.finditer(text, start, end):
        words = line[0]
        if words.strip():
            left = line.start() + len(words) - len(words.lstrip())
            found.append(Paragraph(left, line.start() + len(words.rstrip())))
    return found


def sentences(text: str, paragraphs_: list[Paragraph]) -> list[Sentence]:
    """The sentences of the paragraphs, in text order."""
    found = []
    for number, paragraph in enumerate(paragraphs_):
        body = text[paragraph.start : paragraph.end]
        for syntok_paragraph in segmenter.analyze(body):
            for sentence in syntok_paragraph:
                tokens = [
                    token
                    for t in sentence
                    for token in _tokens(body, paragraph.start, t.offset, t.value)
                ]
                if tokens:
                    found.append(Sentence(tokens[0].start, tokens[-1].end, number, tokens))
    return found


def _tokens(body: str, base: int, offset: int, value: str) -> list[Token]:
    """syntok's token, cut at the quote marks it leaves inside one ('said,"We': "said", ",",
    '"', "We"), and without square brackets ("[Novak]": an editor's insertion)."""
    if not QUOTE_MARK.search(value):
        return [] if value in "[]" else [_token(body, base, offset, value)]
    return [_token(body, base, offset + p.start(), p[0]) for p in PIECE.finditer(value)]


QUOTE_MARK = re.compile(r"\w[\"“”„«»]|[\"“”„«»]\w")
PIECE = re.compile(r"\w+(?:['’.\-]\w+)*|\S")


def _token(body: str, base: int, offset: int, value: str) -> Token:
    hyphenated = offset > 0 and body[offset - 1] == "-"
    return Token(base + offset, base + offset + len(value), value, hyphenated)


# Titles written before a name that syntok takes for a sentence's end ("said Rep. Chip Roy").
TITLES = frozenset(
    ["rep", "sen", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "rev", "st"]
)


def join_across(found: list[Sentence], spans: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences merged wherever a boundary between two falls inside one of the spans, or
    after a title's full stop."""
    merged: list[Sentence] = []
    for sentence in found:
        previous = merged[-1] if merged else None
        if previous is not None and (
            any(a < sentence.start < b for a, b in spans) or _ends_in_title(previous)
        ):
            previous.end = sentence.end
            previous.tokens.extend(sentence.tokens)
        else:
            copied = Sentence(sentence.start, sentence.end, sentence.paragraph, [*sentence.tokens])
            merged.append(copied)
    return merged


def _ends_in_title(sentence: Sentence) -> bool:
    tokens = sentence.tokens
    return len(tokens) > 1 and tokens[-1].value == "." and tokens[-2].lower in TITLES


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list (for the word lists of the rules)."""
    return frozenset(words.split())
