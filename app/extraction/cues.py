"""The words that attribute a quote: the cue ("said", "told", "according to") and who it says
spoke, as written. Read from the quote's sentence, outside its quotes, by the places a news
sentence puts them: after a quote that opens the sentence ("...," Fadeev said), before a quote
("Merz emphasized that “...”"), or on a participle or a second verb whose subject is the
sentence's ("..., calling the meeting a “listening exercise”", "but stressed that “...”").
"""

from dataclasses import dataclass

from app.extraction.text import Token, word_set
from app.extraction.titles import DOCUMENTS, ROLE_WORDS

_FORMS = {
    "say": "said says say saying",
    "tell": "told tells telling",
    "add": "added adds adding",
    "write": "wrote writes writing",
    "state": "stated states stating",
    "stress": "stressed stresses stressing",
    "emphasise": "emphasized emphasised emphasizes emphasises emphasizing emphasising",
    "insist": "insisted insists insisting",
    "note": "noted notes noting",
    "remark": "remarked remarks remarking",
    "comment": "commented comments commenting",
    "assert": "asserted asserts asserting",
    "declare": "declared declares declaring",
    "announce": "announced announces announcing",
    "warn": "warned warns warning",
    "claim": "claimed claims claiming",
    "argue": "argued argues arguing",
    "explain": "explained explains explaining",
    "reiterate": "reiterated reiterates reiterating",
    "respond": "responded responds responding replied replies replying answered",
    "ask": "asked asks asking",
    "acknowledge": "acknowledged acknowledges acknowledging admitted admits conceded",
    "confirm": "confirmed confirms confirming affirmed affirms",
    "deny": "denied denies denying",
    "suggest": "suggested suggests suggesting",
    "promise": "promised promises pledged pledges vowed vows",
    "predict": "predicted predicts",
    "post": "posted posts posting tweeted tweets tweeting",
    "other": "quipped joked recalled cautioned concluded continued countered complained"
    " underlined underscored highlighted observed quoted quoting",
}
# Cues that need a word after them to be one ("spoke of", "pointed out", "according to").
_WITH_NEXT = {
    "spoke": {"of", "about"},
    "speaking": {"of", "about"},
    "pointed": {"out"},
    "pointing": {"out"},
    "according": {"to"},
    "referred": {"to"},
    "referring": {"to"},
}
# Cues that report a view rather than words ("expected", "called it"): used where no saying
# verb attributes the quote.
_WEAK = word_set(
    "expected expects expecting hoped hopes hoping anticipated anticipates believed believes"
    " called calls calling described describes describing branded brands branding dismissed"
    " dismisses dismissing urged urges urging mentioned mentions spoke speaking referred"
    " referring labelled labeled labelling labeling termed terming slammed slams praised"
    " praises praising criticised criticized criticises criticizes condemned condemns"
    " denounced denounces hailed hails"
)
# Cues only after a writing's name ("the sign reads", "a message on the site read").
_AFTER_DOCUMENT = word_set("read reads")
CUES = (
    {form for forms in _FORMS.values() for form in forms.split()}
    | _WEAK
    | set(_WITH_NEXT)
    | _AFTER_DOCUMENT
)
DETERMINERS = word_set("the a an his her its their our this that these those my your whose")
# Words between a speaker and the cue that are neither ("Fadeev also said", "had told").
BETWEEN = word_set(
    "also earlier later then further again previously recently repeatedly separately"
    " subsequently reportedly once now has had have was were is would will could did has"
    " yesterday today tonight last week on"
)
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Words that end a speaker's name going back from the cue, or going on after it.
CLAUSE_WORDS = word_set(
    "and but or nor that which who whom whose when while after before as because although"
    " though if since where with without than so to for in at by from into about during"
    " over under"
)
OF_WORDS = word_set("of for from at")
APPOSITIVE_OPENERS = word_set(
    "who which whose a an the in at on during after before from with for speaking writing"
    " asked quoted citing"
)


@dataclass(frozen=True)
class Cue:
    index: int  # of the cue's token among the sentence's tokens outside quotes
    token: Token
    weak: bool
    participle: bool


def cues_in(tokens: list[Token]) -> list[Cue]:
    """The cues among tokens (the sentence's, outside its quotes)."""
    found = []
    for index, token in enumerate(tokens):
        word = token.lower
        if word not in CUES or (token.is_capitalised and index > 0):
            continue
        if token.hyphenated or (index > 0 and tokens[index - 1].lower in DETERMINERS):
            continue  # "so-called"; "the call", "a statement": nouns
        if word.endswith("s") and not _after_a_subject(tokens, index):
            continue  # "tempered hopes", "the calls": a noun
        following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
        if word in _WITH_NEXT and following not in _WITH_NEXT[word]:
            continue
        if word in _AFTER_DOCUMENT and not _after_a_document(tokens, index):
            continue
        found.append(Cue(index, token, word in _WEAK, word.endswith("ing")))
    return found


def _after_a_subject(tokens: list[Token], index: int) -> bool:
    """A verb's "-s" form follows its subject ("Reed says", "the minister claims")."""
    before = tokens[index - 1] if index > 0 else None
    return before is not None and (
        before.is_capitalised
        or before.lower in {"he", "she", "it", "who", "which", "also", "now", "still"}
        or before.lower in ROLE_WORDS
        or before.lower in DOCUMENTS
    )


def _after_a_document(tokens: list[Token], index: int) -> bool:
    """ "A message on the website read": a writing's name in the few words before."""
    return any(t.lower in DOCUMENTS for t in tokens[max(0, index - 4) : index])


def is_skippable(tokens: list[Token], index: int) -> bool:
    """A word between a speaker and a cue: an adverb, an auxiliary or a day ("on Tuesday")."""
    word = tokens[index].lower
    return word in BETWEEN or word in WEEKDAYS


def is_boundary(token: Token) -> bool:
    """A token that a speaker's name does not run across."""
    if token.lower in CLAUSE_WORDS:
        return True
    # Inside a sentence a full stop is an abbreviation's ("U.S."), and "'s" belongs to a name.
    return not token.is_word and token.value not in {".", "'s", "’s", "-", "&"}


def phrase_before(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The speaker written before the cue at tokens[cue], as token indices [first, last]."""
    last = cue - 1
    while last >= 0 and is_skippable(tokens, last):
        last -= 1
    if last >= 0 and tokens[last].value == ",":
        named = _named_between_commas(tokens, last)
        if named is not None:
            return named  # "The council's leader, Councillor Rhian Evans, told"
        last = _before_appositive(tokens, last)
    first = _back_to_boundary(tokens, last)
    while first >= 2 and tokens[first - 1].lower in OF_WORDS and not is_boundary(tokens[first - 2]):
        first = _back_to_boundary(tokens, first - 2)  # "a spokesperson for the body"
    return (first, last) if first <= last else None


def _back_to_boundary(tokens: list[Token], last: int) -> int:
    first = last
    while first >= 0 and not is_boundary(tokens[first]):
        first -= 1
    return first + 1


def _named_between_commas(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    opening = comma - 1
    while opening >= 0 and tokens[opening].value != ",":
        opening -= 1
    inside = tokens[opening + 1 : comma]
    if opening < 1 or len(inside) < 2 or not all(t.is_capitalised for t in inside):
        return None
    return opening + 1, comma - 1


def _before_appositive(tokens: list[Token], comma: int) -> int:
    """Going back over ", who has spoken with...," or ", a 30-year-old serviceman,"."""
    opening = comma - 1
    while opening >= 0 and tokens[opening].value != ",":
        opening -= 1
    inside = tokens[opening + 1 : comma]
    if (
        opening > 0
        and inside
        and (inside[0].lower in APPOSITIVE_OPENERS or not any(t.is_capitalised for t in inside))
    ):
        return opening - 1
    return comma  # not an appositive: the comma ends the speaker's clause


def phrase_after(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """The speaker written after the cue ("said Ushakov", "according to a source")."""
    first = cue + 1
    if tokens[cue].lower in _WITH_NEXT:
        first += 1
    last = first
    while last < len(tokens) and not is_boundary(tokens[last]) and not is_skippable(tokens, last):
        last += 1
    if last + 1 < len(tokens) and tokens[last].value == "," and tokens[last + 1].is_capitalised:
        name = last + 1  # "said the minister, Jane Roe."
        while name < len(tokens) and tokens[name].is_capitalised:
            name += 1
        if name == len(tokens) or not tokens[name].is_word:
            last = name
    while last > first and not tokens[last - 1].is_word:
        last -= 1  # the sentence's full stop
    return (first, last - 1) if last > first else None
