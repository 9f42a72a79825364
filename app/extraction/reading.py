"""One article read sentence by sentence: its quotes, who said each and when."""

import datetime as dt
from dataclasses import dataclass, field, replace

from app.extraction.attribution import (
    NONE,
    Attribution,
    Outside,
    attribute,
    attribute_after,
    sentence_subject,
)
from app.extraction.cues import phrase_before
from app.extraction.dates import DateFound, said_on
from app.extraction.knowledge import Knowledge
from app.extraction.names import Found, NameIndex
from app.extraction.quotes import QuoteSpan, find_quotes
from app.extraction.schema import ArticleSpan
from app.extraction.speakers import Context, Speaker, resolve
from app.extraction.text import Sentence, join_across, paragraphs, sentences, word_set

UNATTRIBUTED_WORDS = 8  # a quote with no cue is kept only from this length (not scare quotes)
NAMELESS_WORDS = 4
TITLE_WORDS = 8
SENTENCE_ENDS = set(".,!?;:…")
SMALL_WORDS = word_set("a an the and or of in on at to for by with from into as vs nor but")
# Words after which quote marks hold a name (and "so-called", "known as").
NAMING = word_set("titled entitled dubbed nicknamed named")
NAMED = {"name", "alias", "surname", "spelling", "new"}


@dataclass
class Remark:
    parts: list[QuoteSpan]
    attribution: Attribution
    speaker: Speaker | None
    date: DateFound | None
    excerpt: tuple[int, int]
    sentence: int
    paragraph: int


@dataclass
class SentenceReader:
    text: str
    sentence: Sentence
    quotes: list[QuoteSpan]
    context: Context
    following: Sentence | None  # the next sentence, when it holds no quote
    introduced: Speaker | None  # the speaker a sentence before it introduced with a colon
    outside: Outside = field(init=False)
    by_cue: dict[int, Speaker | None] = field(default_factory=dict)
    named: Speaker | None = None

    def __post_init__(self) -> None:
        self.outside = Outside.of(self.sentence, self.quotes)

    def introduces(self) -> Speaker | None:
        """Who speaks next, where the sentence ends with a colon after a cue ("He said:")."""
        tokens, cues = self.outside.tokens, self.outside.cues
        if not tokens or tokens[-1].value != ":" or not cues or self.quotes:
            return None
        return self._cue_speaker(cues[-1].token.start)

    def unattributed(self) -> Speaker | None:
        """A quote with no cue: the speaker introduced before it, or else the last named."""
        speaker = self.introduced or self.context.last_person
        return None if speaker is None else replace(speaker, how="continued", confidence=0.5)

    def speaker(self, attribution: Attribution) -> Speaker | None:
        if attribution is NONE:
            return self.unattributed()
        if attribution.phrase is not None:
            found = self._resolve(*attribution.phrase)
            if attribution.cue is not None:
                self.by_cue[attribution.cue.start] = found
            return found
        if attribution.place != "shared":
            return None
        if attribution.shares is not None:
            return self._cue_speaker(attribution.shares)
        return self._subject()

    def _subject(self) -> Speaker | None:
        subject = sentence_subject(self.outside)
        return self._resolve(*subject) if subject else None

    def _cue_speaker(self, offset: int) -> Speaker | None:
        """The speaker written before a cue, or else the sentence's subject."""
        if offset not in self.by_cue:
            cue = next(c for c in self.outside.cues if c.token.start == offset)
            found = phrase_before(self.outside.tokens, cue.index)
            tokens = self.outside.tokens
            self.by_cue[offset] = (
                self._resolve(tokens[found[0]].start, tokens[found[1]].end)
                if found
                else self._subject()
            )
        return self.by_cue[offset]

    def _resolve(self, start: int, end: int) -> Speaker | None:
        people = [m for m in self._people() if m.end <= start]
        found = resolve(self.text[start:end], start, self.context, people)
        if found is not None:
            self.named = found
        return found

    def _people(self) -> list[Found]:
        return [
            m
            for m in self.context.mentions_in(self.sentence.start, self.sentence.end)
            if not any(q.holds(m.start) for q in self.quotes)
            and any(self.context.actors[i].is_person for i in m.owners("actor"))
        ]

    def note_speakers(self) -> None:
        """The sentence's named speaker, or else its subject if a known person, is the one a
        pronoun of the next sentences stands for."""
        if self.named is None:
            strong = [c for c in self.outside.cues if not c.weak and not c.participle]
            if strong:
                self._cue_speaker(strong[-1].token.start)
        if self.named is None:
            found = self._subject()
            self.named = found if found is not None and found.how in NAMED else None
        self.context.note(self.named)


def read_article(
    text: str, article: ArticleSpan, index: NameIndex, knowledge: Knowledge
) -> list[Remark]:
    """The remarks quoted in text[article.start:article.end]."""
    found_paragraphs = paragraphs(text, article.start, article.end)
    spans = find_quotes(text, found_paragraphs)
    found = join_across(sentences(text, found_paragraphs), [(q.opened, q.closed) for q in spans])
    context = Context(knowledge, index, list(index.find(text, article.start, article.end)))
    remarks: list[Remark] = []
    introduced: Speaker | None = None  # by a sentence that ends "..., Smith said:"
    for number, sentence in enumerate(found):
        inside = [q for q in spans if sentence.start <= q.start < sentence.end]
        following = found[number + 1] if number + 1 < len(found) else None
        if following is not None and any(following.start <= q.start < following.end for q in spans):
            following = None
        reader = SentenceReader(text, sentence, inside, context, following, introduced)
        for quote in inside:
            _read_quote(reader, quote, number, remarks, article.published_on)
        reader.note_speakers()
        introduced = reader.introduces()
    return remarks


def _read_quote(
    reader: SentenceReader, quote: QuoteSpan, number: int, remarks: list[Remark], on: dt.date
) -> None:
    sentence = reader.sentence
    attribution = attribute(reader.outside, reader.quotes, quote)
    end = sentence.end
    if attribution is NONE and reader.following is not None and len(reader.quotes) == 1:
        attribution = attribute_after(reader.following, quote)
        end = reader.following.end if attribution is not NONE else end
    previous = remarks[-1] if remarks else None
    if previous is not None and _goes_on(previous, attribution, reader, quote, number):
        previous.parts.append(quote)
        previous.excerpt = (previous.excerpt[0], sentence.end)
        return
    words = reader.text[quote.start : quote.words_end]
    short = len(words.split()) < UNATTRIBUTED_WORDS
    if attribution is NONE and short and reader.introduced is None:
        return
    opens = not any(t.is_word for t in reader.outside.tokens if t.start < quote.opened)
    if not opens and (_is_a_title(words) or _is_named(reader.outside, quote, words)):
        return  # 'he had watched "Apocalypse Now" twice': a name, not a quote
    speaker = reader.speaker(attribution)
    if speaker is None and len(reader.text[quote.start : quote.end].split()) < NAMELESS_WORDS:
        return  # a cue with no speaker and a few words: a name in quotes, not a quote
    marks = [(q.opened, q.closed) for q in reader.quotes]
    date = said_on(reader.text, attribution.window, marks, on) if attribution.window else None
    if date is None and previous is not None and speaker is not None and speaker.how == "pronoun":
        same = previous.speaker is not None and (previous.speaker.actor, previous.speaker.name) == (
            speaker.actor,
            speaker.name,
        )
        date = previous.date if same else None
    excerpt = (sentence.start, end)
    remarks.append(Remark([quote], attribution, speaker, date, excerpt, number, sentence.paragraph))


def _is_a_title(words: str) -> bool:
    """Words in title case, no sentence of their own: the name of a work, a site or a plan
    ("Apocalypse Now", "The Road to Peace and Recovery")."""
    split = words.split()
    if len(split) > TITLE_WORDS or words[-1:] in SENTENCE_ENDS:
        return False
    big = [w for w in split if w.lower() not in SMALL_WORDS and w[:1].isalpha()]
    return bool(big) and all(w[0].isupper() for w in big)


def _is_named(outside: Outside, quote: QuoteSpan, words: str) -> bool:
    """A term the sentence names, not words it gives anyone: 'the so-called "super lanes"',
    'known as "the Ghost"', 'a report titled "…"'."""
    before = [t for t in outside.tokens if t.start < quote.opened][-2:]
    if not before or len(words.split()) >= UNATTRIBUTED_WORDS:
        return False
    last = before[-1]
    so_called = last.lower == "called" and last.hyphenated
    return so_called or last.lower in NAMING or [t.lower for t in before] == ["known", "as"]


def _goes_on(
    previous: Remark,
    attribution: Attribution,
    reader: SentenceReader,
    quote: QuoteSpan,
    number: int,
) -> bool:
    """The quote is the rest of the remark before it: split by its attribution ("“Oh,” Trump
    responded, “that's...”"), or a sentence of quote with no cue of its own right after it."""
    cue = previous.attribution.cue
    if cue is not None and attribution.cue == cue and previous.attribution.place == "after":
        return attribution.place == "before" and previous.sentence == number
    opens = not any(t.is_word for t in reader.outside.tokens if t.start < quote.opened)
    close = number - previous.sentence <= 2 and reader.sentence.paragraph - previous.paragraph <= 1
    return attribution is NONE and opens and close and previous.speaker is not None
