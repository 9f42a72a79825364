"""Who a speaker as written is: a known actor (by name, alias, surname, a near spelling, or a
title), the last named speaker for a pronoun, or else a new actor with the name as written."""

import bisect
import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process, utils

from app.extraction.knowledge import Knowledge, KnownActor
from app.extraction.names import Found, NameIndex
from app.extraction.text import word_set
from app.extraction.titles import (
    DEMONYMS,
    DOCUMENTS,
    HEAD_ENDS,
    PLURAL_HEADS,
    ROLE_WORDS,
    title_of,
    title_score,
)

GENDERED = {"he", "she"}
RECENT_PEOPLE = 4
PRONOUNS = {"he": "person", "she": "person", "they": "other", "it": "other", "we": "other"}
CONFIDENCE = {"name": 1.0, "alias": 0.95, "surname": 0.9}
NEAR_SPELLING = 88  # out of 100: "Zelenskiy" for "Zelensky", "Yuri" for "Yury"
LEADING_WORDS = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
PARTICLES = {"von", "der", "van", "de", "da", "al", "bin", "la", "le"}
NOT_NAMES = word_set(
    "the a an this that these those it its his her their our but and mr mr. mrs mrs. ms ms. dr"
    " dr. sir prof prof."
    " rev rev. gen gen. sen sen. rep rep. gov gov. on in at after before earlier later"
    " monday tuesday wednesday thursday friday saturday sunday january february march april"
    " may june july august september october november december"
)
# Offices held by bodies, not people ("the ministry said").
BODIES = word_set("ministry army military government administration office")
# Words that make a new speaker a body, not a person ("port operator Havenbedrijf").
BODY_WORDS = BODIES | word_set(
    "operator company firm union group agency department council committee party bank"
    " authority police court parliament institute university network broadcaster newspaper"
    " ministry organisation organization association federation alliance coalition"
    " opposition charity campaign club team board commission service hospital school embassy"
    " regime movement"
)


@dataclass(frozen=True)
class Speaker:
    as_written: str | None
    actor: str | None  # a known actor's id; None for a new one
    name: str
    confidence: float
    how: str  # name, alias, surname, spelling, title, pronoun, continued, subject, new
    person: bool


@dataclass
class Context:
    """What an article has said so far: known names by offset, and the last speakers named."""

    knowledge: Knowledge
    index: NameIndex
    mentions: list[Found]
    last_person: Speaker | None = None
    last_other: Speaker | None = None
    people: list[Speaker] = field(default_factory=list)  # the last people named, latest last
    genders: dict[str, str] = field(default_factory=dict)  # "he" or "she", as the text says
    actors: dict[str, KnownActor] = field(default_factory=dict)
    named_at: dict[str, list[int]] = field(default_factory=dict)  # actor id -> offsets, in order
    new_people: list[str] = field(default_factory=list)  # the names of new people, as first met

    def __post_init__(self) -> None:
        self.actors = {a.id: a for a in self.knowledge.actors}
        for mention in self.mentions:
            for owner in mention.owners("actor"):
                self.named_at.setdefault(owner, []).append(mention.start)

    def mentions_in(self, start: int, end: int) -> list[Found]:
        """The known names found between the offsets."""
        first = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        last = bisect.bisect_left(self.mentions, end, key=lambda m: m.start)
        return self.mentions[first:last]

    def last_mention(self, actor_id: str, before: int) -> int:
        """Where the actor was last named before `before`; -1 if not yet."""
        offsets = self.named_at.get(actor_id, [])
        index = bisect.bisect_left(offsets, before)
        return offsets[index - 1] if index else -1

    def once_new(self, speaker: Speaker | None) -> Speaker | None:
        """A new person named again by part of the name ("De Vries" after "Marieke de Vries")
        is the same new actor."""
        if speaker is None or not speaker.person:
            return speaker
        words = speaker.name.casefold().split()
        for earlier in self.new_people:
            if earlier.casefold().split()[-len(words) :] == words:
                return replace(speaker, name=earlier, how="surname")
        self.new_people.append(speaker.name)
        return speaker

    def note(self, speaker: Speaker | None) -> None:
        """A named speaker becomes the one a later pronoun stands for."""
        if speaker is None or speaker.how == "continued":
            return
        if speaker.person:
            self.last_person = speaker
            key = _key(speaker)
            others = [p for p in self.people if _key(p) != key]
            self.people = [*others[-RECENT_PEOPLE:], speaker]
            said = _gender_written(speaker.as_written or "")
            if said is not None:
                self.genders.setdefault(key, said)
        else:
            self.last_other = speaker

    def fits(self, speaker: Speaker, pronoun: str) -> bool:
        """The text has not called the speaker by the other of "he" and "she"."""
        return self.genders.get(_key(speaker), pronoun) == pronoun

    def called(self, speaker: Speaker, pronoun: str) -> None:
        if pronoun in GENDERED:
            self.genders.setdefault(_key(speaker), pronoun)

    def antecedent(self, pronoun: str) -> Speaker | None:
        if PRONOUNS[pronoun] == "person":
            return self.last_person
        return self.last_other or self.last_person


def _key(speaker: Speaker) -> str:
    return speaker.actor or speaker.name


def _gender_written(words: str) -> str | None:
    """ "Mr. Novak" is "he", "Ms Santos" or "the spokeswoman" "she"."""
    written = set(words.lower().replace(".", " ").split())
    if written & {"mr", "sir"}:
        return "he"
    if written & {"mrs", "ms", "miss", "madam"} or any(w.endswith("woman") for w in written):
        return "she"
    return None


def resolve(words: str, at: int, context: Context, people_before: list[Found]) -> Speaker | None:
    """The speaker that `words` (the article's, from offset `at`) name; `people_before`: the
    known people named earlier in the sentence, outside its quotes, whom a pronoun may stand
    for first."""
    bare = LEADING_WORDS.sub("", words.strip()).removesuffix("'s").removesuffix("’s").strip()
    if not bare:
        return None
    pronoun = bare.lower()
    if pronoun in PRONOUNS:
        return _pronoun(words, pronoun, context, people_before)
    if bare.split()[0].lower() in PLURAL_HEADS:
        group = _by_title(words, bare, at, context, groups=True)
        return group or Speaker(words, None, bare, 0.5, "new", person=False)
    document = _document(words, at, context)
    if document is not None:
        return document
    end = at + len(words)
    found = [m for m in context.mentions_in(at, end) if m.end <= end and m.owners("actor")]
    people = [m for m in found if any(context.actors[i].is_person for i in m.owners("actor"))]
    if people and words[people[-1].end - at :].startswith(("'s ", "’s ")):
        people = []  # "Smith's spokesman" is not Smith
    if people:
        return _named(words, people[-1], at, context)
    if found and not words[found[-1].end - at :].strip(" .,’'s"):
        return _named(words, found[-1], at, context)  # "the Kremlin", "Ukraine's military"
    if _named_after_office(bare):
        # "US President Jair Alves": a person the knowledge may not hold, not the known
        # holder of the office.
        return _spelled(words, bare, context) or context.once_new(_new(words, bare))
    return (
        _by_title(words, bare, at, context, groups=False)
        or _spelled(words, bare, context)
        or context.once_new(_new(words, bare))
    )


AUTHOR = re.compile(r"(?:['’]s\s|\s(?:from|by)\s)")


def _document(words: str, at: int, context: Context) -> Speaker | None:
    """A writing's words: its author where the phrase names one ("a statement from the
    union", "the authority's statement"), else the writing itself ("the letter")."""
    mark = AUTHOR.search(words)
    writing, author, author_at = words, "", 0
    if mark is not None and mark[0][0] in "'’":
        writing, author = words[mark.end() :], words[: mark.start()]
    elif mark is not None:
        writing, author, author_at = words[: mark.start()], words[mark.end() :], mark.end()
    if not any(w.strip(",.").lower() in DOCUMENTS for w in writing.split()):
        return None
    found = resolve(author, at + author_at, context, []) if author.strip() else None
    if found is not None:
        return found
    bare = LEADING_WORDS.sub("", words.strip())
    return Speaker(words, None, bare, 0.5, "new", person=False)


def _pronoun(
    words: str, pronoun: str, context: Context, people_before: list[Found]
) -> Speaker | None:
    if PRONOUNS[pronoun] != "person":
        antecedent = context.antecedent(pronoun)
        return None if antecedent is None else _as_pronoun(antecedent, words)
    # The sentence's first person is its subject more often than not ("Although Trump
    # downplayed..., he anticipated"; "Zelenskyy ... a meeting with Putin, which he says"),
    # else the last person named; one the text calls by the other pronoun is passed over.
    named = [_named(words, found, found.start, context) for found in people_before]
    candidates = [*named, *reversed(context.people)]
    if not candidates and context.last_person is not None:
        candidates = [context.last_person]
    fitting = [c for c in candidates if context.fits(c, pronoun)] or candidates
    if not fitting:
        return None
    context.called(fitting[0], pronoun)
    return _as_pronoun(fitting[0], words)


def _as_pronoun(antecedent: Speaker, words: str) -> Speaker:
    return replace(antecedent, as_written=words, how="pronoun", confidence=0.8)


def _named(words: str, found: Found, at: int, context: Context) -> Speaker:
    owners = found.owners("actor")
    people = [i for i in owners if context.actors[i].is_person] or owners
    chosen = max(people, key=lambda i: context.last_mention(i, at))
    how = next(s.how for s in found.spellings if s.id == chosen)
    confidence = CONFIDENCE[how] if len(people) == 1 else 0.6
    actor = context.actors[chosen]
    return Speaker(words, actor.id, actor.name, confidence, how, actor.is_person)


def _by_title(words: str, bare: str, at: int, context: Context, groups: bool) -> Speaker | None:
    title = title_of(bare)
    if title is None:
        return None
    scores = [
        (title_score(title, context.index.offices(actor)), actor)
        for actor in context.knowledge.actors
        if _may_hold(title.roles[-1], actor, groups)
    ]
    scored = [(score, context.last_mention(a.id, at), a) for score, a in scores if score > 0]
    if not scored:
        return None
    score, _, actor = max(scored, key=lambda s: s[:2])
    return Speaker(words, actor.id, actor.name, 0.6 + 0.1 * score, "title", actor.is_person)


def _may_hold(role: str, actor: KnownActor, groups: bool) -> bool:
    if groups:
        return actor.kind == "group"
    return actor.is_person != (role in BODIES)


def _proper_name(bare: str) -> str:
    """The last run of capitalised words of a phrase that are neither an office nor a place's
    adjective ("Yuri Ushakov" in "Kremlin aide Yuri Ushakov")."""
    runs: list[list[str]] = [[]]
    before_of = HEAD_ENDS.split(bare, maxsplit=1)[0]  # "Sen. Rand Paul of Kentucky"
    for word in (before_of if _proper_name_in(before_of) else bare).split():
        capital = (
            word[:1].isupper() and word.lower() not in ROLE_WORDS | DEMONYMS.keys() | NOT_NAMES
        )
        owner = word.endswith(("'s", "’s"))  # "Springfield Daily's Peter Novak"
        if (capital or (word in PARTICLES and runs[-1])) and not owner:
            runs[-1].append(word)
        elif runs[-1] or owner:
            runs.append([])
    named = [run for run in runs if run]
    return " ".join(named[-1]).strip(",") if named else ""


def _named_after_office(bare: str) -> bool:
    """The phrase ends with a name written after an office ("spokesman Tomas Berg")."""
    words = HEAD_ENDS.split(bare, maxsplit=1)[0].split()
    offices = [i for i, w in enumerate(words) if w.lower().strip(",") in ROLE_WORDS]
    return bool(offices) and _proper_name_in(" ".join(words[offices[-1] + 1 :]))


def _proper_name_in(words: str) -> bool:
    return any(
        w[:1].isupper() and w.lower() not in ROLE_WORDS | DEMONYMS.keys() | NOT_NAMES
        for w in words.split()
    )


def _spelled(words: str, bare: str, context: Context) -> Speaker | None:
    """A known person whose name is spelled nearly as written ("Zelenskiy", "Yuri Ushakov")."""
    name = _proper_name(bare)
    people = [a for a in context.knowledge.actors if a.is_person]
    spellings = [(s, a) for a in people for s in (a.name, *a.aliases)]
    if not name or not spellings:
        return None
    best = process.extractOne(
        name,
        [s for s, _ in spellings],
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=NEAR_SPELLING,
    )
    if best is None:
        return None
    actor = spellings[best[2]][1]
    return Speaker(words, actor.id, actor.name, 0.85 * best[1] / 100, "spelling", True)


def _new(words: str, bare: str) -> Speaker | None:
    name = _proper_name(bare)
    title = title_of(bare)
    if not name and title is None:
        if bare.split()[-1].lower() in BODY_WORDS:
            return Speaker(words, None, bare, 0.5, "new", person=False)  # "the union"
        return None  # "the summit", "the conflict": no speaker
    lowered = [w.lower() for w in bare.split()]
    if bare.split()[-1].islower() and lowered[-1].endswith("s") and lowered[-1] not in ROLE_WORDS:
        return Speaker(words, None, bare, 0.5, "new", person=False)  # "flood victims"
    if lowered[-1] in ROLE_WORDS:
        name = bare  # "a Havenbedrijf spokeswoman": the office is the speaker
    # The word that says what the speaker is: the office, or the one before the name
    # ("port operator Havenbedrijf" is a body, "union leader Marieke de Vries" a person).
    before_name = len(lowered) - len(name.split()) - 1 if name and name != bare else -1
    head = lowered[before_name] if before_name >= 0 else lowered[-1]
    person = head not in BODY_WORDS and head not in PLURAL_HEADS
    return Speaker(words, None, name or bare, 0.5, "new", person)
