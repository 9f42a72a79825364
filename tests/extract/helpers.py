"""Small texts and a small knowledge for the extraction tests (invented people and places, so
that the rules are tested on news in general, not on the seed's five articles)."""

import datetime as dt

from app.extraction.engine import suggest
from app.extraction.knowledge import Knowledge, KnownActor, KnownTopic
from app.extraction.schema import ArticleSpan, QuoteSuggestion, Suggestions

THURSDAY = dt.date(2025, 8, 14)

KNOWN = Knowledge(
    actors=(
        KnownActor("ana-lopez", "Ana Lopez", "person", (), ("Mayor of Springfield.",)),
        KnownActor(
            "tomas-berg",
            "Tomas Berg",
            "person",
            ("Berg",),
            ("Spokesman of the Nordic Rail Authority.", "spokesman, Nordic Rail Authority"),
        ),
        KnownActor("olena-koval", "Olena Koval", "person", ("Koval",), ("President of Ukraine.",)),
        KnownActor(
            "john-reed", "John Reed", "person", ("Reed",), ("President of the United States.",)
        ),
        KnownActor("nordic-rail", "Nordic Rail Authority", "organisation", ("the authority",)),
        KnownActor("springfield", "Springfield", "state", ()),
    ),
    topics=(KnownTopic("rail-strike", "Rail strike", ("the strike", "walkout")),),
)


def read(text: str, on: dt.date = THURSDAY, knowledge: Knowledge = KNOWN) -> Suggestions:
    return suggest(
        text, [ArticleSpan(id="a", start=0, end=len(text), published_on=on)], knowledge, "src"
    )


def quotes(
    text: str, on: dt.date = THURSDAY, knowledge: Knowledge = KNOWN
) -> list[QuoteSuggestion]:
    return read(text, on, knowledge).quotes


def spans(text: str) -> list[str]:
    return [part.text for q in quotes(text) for part in q.parts]


def speakers(text: str, knowledge: Knowledge = KNOWN) -> list[str | None]:
    """Each quote's known actor id, "new:<name>" for a new actor, or None."""
    found: list[str | None] = []
    for quote in quotes(text, knowledge=knowledge):
        speaker = quote.speaker
        if speaker is None:
            found.append(None)
        else:
            found.append(speaker.actor or f"new:{speaker.name}")
    return found
