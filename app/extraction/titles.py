"""Speakers named by a title ("the Kremlin aide", "the US president", "the ministry"): matched
to the known actor whose name, description or roles hold the title's role word (or a word of
the same office) and the places or bodies that qualify it."""

import re
from dataclasses import dataclass

from app.extraction.knowledge import KnownActor
from app.extraction.text import word_set

# Words of an office, and the words a text may use for the same office.
SAME_OFFICE = {
    "leader": {"leader", "president", "premier", "chancellor", "prime", "head"},
    "head": {"head", "chief", "leader", "president", "secretary", "director"},
    "chief": {"chief", "head", "leader", "president", "secretary", "director"},
    "aide": {"aide", "adviser", "advisor", "assistant"},
    "adviser": {"aide", "adviser", "advisor", "assistant"},
    "advisor": {"aide", "adviser", "advisor", "assistant"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson", "press"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson", "press"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson", "press"},
    "diplomat": {"diplomat", "foreign", "ambassador", "envoy"},
    "premier": {"premier", "prime"},
}
ROLE_WORDS = {
    *SAME_OFFICE,
    *word_set(
        "president minister prime chancellor secretary envoy ambassador general commander"
        " official officials director governor mayor senator king queen pope vice deputy"
        " ministry military army government administration serviceman soldier analyst"
        " lawmaker negotiator spokesmen leaders ministers presidents office spokeswoman"
        " spokesperson analyst economist expert researcher professor activist resident"
        " worker farmer teacher doctor lawyer judge prosecutor police officer witness"
        " speaker majority minority whip chairman chairwoman chair ceo representative"
        " congressman congresswoman senators secretary-general commissioner councillor"
        " councilor councilman councilwoman superintendent inspector sergeant captain colonel"
        " lieutenant admiral detective"
        # People a text names by what they do, not by name ("one user wrote", "a poster said").
        " user poster commenter blogger reader viewer listener fan supporter critic protester"
        " demonstrator voter student customer passenger visitor member employee staffer insider"
        " observer bystander neighbour neighbor spectator survivor victim relative owner"
    ),
}
# Writings whose words a text quotes: their author, or else they, are the speaker.
DOCUMENTS = word_set(
    "statement letter message post tweet report email e-mail memo release notice petition"
    " document announcement communique website blog editorial sign banner note leaflet"
)
# Plural offices: a speaker so written is a group ("officials from France and Germany").
PLURAL_HEADS = word_set("leaders officials ministers spokesmen presidents sources diplomats")
# Place words a title uses, as the knowledge writes the place.
DEMONYMS = {
    "russian": "russia",
    "ukrainian": "ukraine",
    "us": "united states",
    "u.s": "united states",
    "u.s.": "united states",
    "american": "united states",
    "german": "germany",
    "french": "france",
    "british": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "italian": "italy",
    "polish": "poland",
    "finnish": "finland",
    "chinese": "china",
    "eu": "european union",
    "european": "europe",
    "turkish": "turkey",
    "israeli": "israel",
    "iranian": "iran",
    "indian": "india",
    "japanese": "japan",
    "canadian": "canada",
    "belarusian": "belarus",
}
NOT_QUALIFIERS = {"the", "a", "an", "of", "for", "to", "and", "'s", "s", "top", "senior", "said"}
WORD = re.compile(r"[\w.]+")


def words_of(text: str) -> list[str]:
    found = []
    for word in WORD.findall(text.lower().replace("’", "'")):
        word = word.strip(".") if word not in DEMONYMS else word
        found.extend(DEMONYMS.get(word, word).split())
    return found


@dataclass(frozen=True)
class Title:
    roles: list[str]
    qualifiers: list[str]


HEAD_ENDS = re.compile(r"\s(?:of|from|for|at|in)\s")


def title_of(phrase: str) -> Title | None:
    """The office words and qualifiers of a phrase that names no one ("the Kremlin aide"); the
    office is the last before "of" ("head of the region", "leaders from France")."""
    words = words_of(phrase)
    roles = [w for w in words_of(HEAD_ENDS.split(phrase, maxsplit=1)[0]) if w in ROLE_WORDS]
    if not roles:
        return None
    qualifiers = [w for w in words if w not in ROLE_WORDS and w not in NOT_QUALIFIERS]
    return Title(roles, qualifiers)


def offices_of(actor: KnownActor) -> frozenset[str]:
    """The words of an actor's name, description and roles, places written as names."""
    return frozenset(words_of(" ".join((actor.name, *actor.titles))))


def title_score(title: Title, held: frozenset[str]) -> float:
    """0 where the words `held` of an actor hold no such office; more the more qualifiers
    match."""
    head = title.roles[-1]
    if not (SAME_OFFICE.get(head, {head}) | {head}) & held:
        return 0.0
    if not title.qualifiers:
        return 1.0
    matched = sum(1 for q in title.qualifiers if q in held) / len(title.qualifiers)
    return 0.0 if matched < 0.5 else 1.0 + matched
