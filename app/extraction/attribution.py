"""Which cue attributes each quote of a sentence, and where its speaker is written."""

from dataclasses import dataclass

from app.extraction.cues import (
    BETWEEN,
    CUES,
    Cue,
    cues_in,
    is_boundary,
    is_skippable,
    phrase_after,
    phrase_before,
)
from app.extraction.quotes import QuoteSpan
from app.extraction.text import Sentence, Token, word_set
from app.extraction.titles import PLURAL_HEADS, ROLE_WORDS

AFTER_WINDOW = 25  # tokens between a quote and a cue after it ("...," leaders from ... said)
DATE_WORDS_AFTER_CUE = 8  # "said Thursday", "told reporters on Tuesday", "in a statement Sunday"
SUBJECT_WORDS = word_set("the a an 's ’s of he she they it we")
VERBS = CUES | word_set("is was are were has have had will would can could may might must did does")
QUOTING = word_set("quoted quoting")
SHORT_SENTENCE = 8  # tokens of a sentence that only attributes the quote before it
LEADING = word_set(
    "in on at after ahead following although though while despite as when standing speaking"
    " however meanwhile earlier later separately"
)


@dataclass(frozen=True)
class Attribution:
    cue: Token | None
    # The speaker as written, as offsets; None where the speaker is the sentence's subject or
    # another cue's ("but stressed that"), or the quote goes on from the one before.
    phrase: tuple[int, int] | None
    place: str  # "after", "before", "shared" (another cue's speaker) or "none"
    shares: int | None  # for "shared": the offset of the cue whose speaker it is; None: subject
    window: tuple[int, int] | None  # where words that date the remark are looked for


NONE = Attribution(None, None, "none", None, None)


@dataclass
class Outside:
    """A sentence's tokens outside its quotes, and where each quote stands among them."""

    tokens: list[Token]
    cues: list[Cue]

    @classmethod
    def of(cls, sentence: Sentence, quotes: list[QuoteSpan]) -> "Outside":
        tokens = [t for t in sentence.tokens if not any(q.holds(t.start) for q in quotes)]
        return cls(tokens, cues_in(tokens))

    def before(self, offset: int) -> int:
        """How many outside tokens stand before offset."""
        return sum(1 for t in self.tokens if t.start < offset)


def attribute(outside: Outside, quotes: list[QuoteSpan], quote: QuoteSpan) -> Attribution:
    """The attribution of one of the quotes of a sentence (`outside`: its words outside them)."""
    at = outside.before(quote.opened)
    after = [c for c in outside.cues if c.index >= at and c.index - at <= AFTER_WINDOW]
    after = [c for c in after if not _quote_between(quotes, quote, c.token.start)]
    before = [c for c in outside.cues if c.index < at]
    if len(before) > 1 and _opens_with_participle(outside):
        before = before[1:]  # "Writing on his blog, Novak called it...": the verb after wins
    opens_sentence = not any(t.is_word for t in outside.tokens[:at])
    if opens_sentence and after:
        return _after(outside, quote, after[0], at)
    if before:
        strong = [c for c in before if not c.weak]
        return _before(outside, strong[-1] if strong and before[-1].weak else before[-1])
    if after:
        return _after(outside, quote, after[0], at)
    if at > 1 and outside.tokens[at - 1].value == ":":
        return _colon(outside, at - 1)  # a headline's "Kallas: 'The path to peace...'"
    return NONE


def attribute_after(following: Sentence, quote: QuoteSpan) -> Attribution:
    """A quote that is a sentence of its own, attributed by a short sentence after it
    ("“It is over.” Berg said."), or NONE."""
    outside = Outside.of(following, [])
    if len(outside.tokens) > SHORT_SENTENCE or not outside.cues:
        return NONE
    return _after(outside, quote, outside.cues[0], 0)


def _opens_with_participle(outside: Outside) -> bool:
    """The sentence opens with a participle phrase ("Writing in the Times, ...")."""
    cues = outside.cues
    return bool(cues) and cues[0].index == 0 and cues[0].participle


def _colon(outside: Outside, colon: int) -> Attribution:
    found = phrase_before(outside.tokens, colon)
    if found is None:
        return NONE
    tokens = outside.tokens
    phrase = (tokens[found[0]].start, tokens[found[1]].end)
    return Attribution(None, phrase, "before", None, phrase)


def _quote_between(quotes: list[QuoteSpan], quote: QuoteSpan, offset: int) -> bool:
    return any(quote.closed <= q.opened < offset for q in quotes)


def _after(outside: Outside, quote: QuoteSpan, cue: Cue, at: int) -> Attribution:
    tokens = outside.tokens
    between = [i for i in range(at, cue.index) if tokens[i].is_word]
    if at > 0 and between and all(is_skippable(tokens, i) for i in between):
        return NONE  # 'The so-called "Freedom Caucus" has vowed': the quote names the speaker
    if not between or tokens[cue.index].lower == "according":
        found = phrase_after(tokens, cue.index)
    elif at == 0 and tokens[between[0]].lower in PLURAL_HEADS:
        # "'...,' leaders from France, Germany and Italy said": the whole list is the speaker.
        found = (between[0], max(between))
    else:
        first = between[0]
        if at > 0 or tokens[cue.index - 1].value == ",":
            # Mid-sentence ("'...' of Trump, a German government spokesman said"): the
            # speaker's clause starts after the last comma.
            commas = [i for i in range(at, cue.index) if tokens[i].value == ","]
            first = commas[-1] + 1 if commas else first
        found = phrase_before(tokens, cue.index)
        if found is not None:
            found = (max(found[0], first), found[1]) if found[1] >= first else None
    return _made(outside, cue, found, "after")


def _before(outside: Outside, cue: Cue) -> Attribution:
    tokens = outside.tokens
    if cue.token.lower == "according":
        return _made(outside, cue, phrase_after(tokens, cue.index), "before")
    previous = tokens[cue.index - 1].lower if cue.index > 0 else ""
    quoting = [c for c in outside.cues if c.index < cue.index and c.token.lower in QUOTING]
    if previous == "as" and quoting:
        # "The Times quoted Novak as saying": the speaker is whom the outlet quotes.
        return _made(outside, cue, phrase_after(tokens, quoting[-1].index), "before")
    found = phrase_before(tokens, cue.index)
    absolute = found is not None and found[0] > 0 and tokens[found[0] - 1].lower == "with"
    if found is None or (cue.participle and not absolute) or previous in {"and", "but", ","}:
        earlier = [c for c in outside.cues if c.index < cue.index and not c.participle]
        shared = earlier[-1].token.start if earlier else None
        return Attribution(cue.token, None, "shared", shared, _window(outside, 0, cue.index))
    return _made(outside, cue, found, "before")


def _made(outside: Outside, cue: Cue, found: tuple[int, int] | None, place: str) -> Attribution:
    tokens = outside.tokens
    if found is None:
        return Attribution(cue.token, None, "shared", None, _window(outside, cue.index, cue.index))
    phrase = (tokens[found[0]].start, tokens[found[1]].end)
    first = min(found[0], cue.index)
    return Attribution(cue.token, phrase, place, None, _window(outside, first, cue.index))


def _window(outside: Outside, first: int, cue: int) -> tuple[int, int]:
    """From the speaker (or the sentence's start) to a few words after the cue."""
    tokens = outside.tokens
    last = cue
    while last + 1 < len(tokens) and last - cue < DATE_WORDS_AFTER_CUE:
        following = tokens[last + 1]
        ends = following.lower == "that" or (is_boundary(following) and following.value != ".")
        if ends and following.lower not in {"in", "on", "at", "to", "during"}:
            break
        last += 1
    start = tokens[first].start
    return start, tokens[last].end


def sentence_subject(outside: Outside) -> tuple[int, int] | None:
    """The subject of the sentence's main clause, past a leading phrase ("In Berlin, ...")."""
    tokens = outside.tokens
    first = 0
    if tokens and (tokens[0].lower in LEADING or _opens_with_participle(outside)):
        commas = [i for i, t in enumerate(tokens) if t.value == ","]
        first = commas[0] + 1 if commas else 0
    last, nouns = first, 0
    while last < len(tokens) and not is_boundary(tokens[last]):
        token = tokens[last]
        if not (token.is_capitalised or token.lower in SUBJECT_WORDS | ROLE_WORDS):
            # Up to two common nouns ("the rail authority"); a verb ends the subject.
            if nouns == 2 or token.lower in VERBS | BETWEEN or token.lower.endswith("ed"):
                break
            nouns += 1
        last += 1
    if last == first:
        return None
    if last + 2 < len(tokens) and tokens[last].value == ",":
        name = last + 1  # "Her neighbour, Tom Pritchard, was more blunt"
        while name < len(tokens) and tokens[name].is_capitalised:
            name += 1
        if name - last > 2 and name < len(tokens) and tokens[name].value == ",":
            return tokens[last + 1].start, tokens[name - 1].end
    return tokens[first].start, tokens[last - 1].end
