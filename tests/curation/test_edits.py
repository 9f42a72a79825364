"""The write core without HTTP: what it accepts, what it refuses, and that a refusal writes
nothing."""

import hashlib
from typing import Any

import orjson
import pytest
from sqlalchemy import Connection, Engine, func, select

from app.curation import Author, create, in_write, update, validated
from app.curation.bodies import BODIES
from app.curation.check import Rejected
from app.db.derived_tables import derived_quote_json
from app.db.models import Dataset, Quote, Revision, Source
from app.errors import Conflict, PreconditionFailed
from app.etags import strong_tag
from tests.curation.helpers import new_position, new_quote, new_source

EDITOR = Author("newsroom", "from the AFP report")


def add(engine: Engine, resource: str, body: dict[str, Any]) -> Any:
    record = validated(BODIES[resource], body)
    return in_write(engine, 5, lambda c: create(c, resource, record, body, EDITOR))


def read(engine: Engine, work: Any) -> Any:
    with engine.connect() as connection:
        return work(connection)


def dataset(connection: Connection) -> Any:
    return connection.execute(select(Dataset.version, Dataset.counts)).one()


def locations(error: Rejected) -> list[str]:
    return [item["location"] for item in error.extra["errors"]]


def test_a_new_quote_is_written_with_its_revision_and_derived_answer(engine: Engine) -> None:
    version_before, counts_before = read(engine, dataset)
    written = add(engine, "quotes", new_quote())
    answer = orjson.loads(written.body)
    assert answer["speaker"] == {"id": "vladimir-putin", "name": "Vladimir Putin"}
    assert answer["citations"][0]["article"]["id"] == "no-deal-in-alaska"
    assert written.etag == strong_tag(written.body)
    stored = read(
        engine,
        lambda c: c.scalar(
            select(derived_quote_json.c.body).where(derived_quote_json.c.id == written.record_id)
        ),
    )
    assert bytes(stored) == written.body
    revision = read(engine, lambda c: c.execute(select(Revision).where(Revision.by_key)).one())
    assert (revision.number, revision.resource, revision.record_id) == (
        written.revision,
        "quotes",
        "putin-sincerely-interested",
    )
    assert (revision.author, revision.by_key, revision.summary) == (
        "newsroom",
        True,
        "from the AFP report",
    )
    assert revision.change == new_quote()
    version, counts = read(engine, dataset)
    assert version == written.version != version_before
    assert counts["quotes"] == counts_before["quotes"] + 1
    assert counts["citations"] == counts_before["citations"] + 1


def test_an_id_is_derived_when_the_body_gives_none(engine: Engine) -> None:
    body = new_quote()
    del body["id"]
    written = add(engine, "quotes", body)
    assert written.record_id == "vladimir-putin-sincerely-interested-in-putting-an-end"


@pytest.mark.parametrize(
    ("change", "location", "reason"),
    [
        (
            {"citations": [{"source": "afp-2025-08-15", "excerpt": "not in the text at all"}]},
            "body.citations.0.excerpt",
            "does not occur verbatim",
        ),
        (
            {"text": "sincerely interested in ending it"},
            "body.citations.0.excerpt",
            "the quote's text is not in this excerpt",
        ),
        ({"speaker": "vladimir-puttin"}, "body.speaker", "unknown actor 'vladimir-puttin'"),
        ({"topics": ["no-such-topic"]}, "body.topics.0", "unknown topic"),
        (
            {"citations": [{"source": "no-such-source", "excerpt": "x"}]},
            "body.citations.0.source",
            "unknown source",
        ),
        ({"said_on": "2025-08-16"}, "body.said_on", "is after 2025-08-15"),
        ({"said_on": "2025-08-10"}, "body.said_on", "give dated_by"),
        ({"text": ""}, "body.text", "at least 1 character"),
        ({"colour": "red"}, "body.colour", "Extra inputs are not permitted"),
    ],
)
def test_a_quote_that_fails_a_check_is_refused_and_nothing_is_written(
    engine: Engine, change: dict[str, Any], location: str, reason: str
) -> None:
    version_before, _ = read(engine, dataset)
    with pytest.raises(Rejected) as refused:
        add(engine, "quotes", new_quote(**change))
    assert location in locations(refused.value)
    assert reason in refused.value.detail
    assert read(engine, dataset)[0] == version_before
    assert read(engine, lambda c: c.scalar(select(func.count()).where(Revision.by_key))) == 0
    quotes = select(func.count()).select_from(Quote)
    assert (
        read(engine, lambda c: c.scalar(quotes.where(Quote.id == "putin-sincerely-interested")))
        == 0
    )


def test_the_same_words_by_the_same_speaker_are_refused(engine: Engine) -> None:
    body = new_quote(
        id="putin-next-time-again",
        text="Next time in Moscow",
        citations=[
            {
                "source": "afp-2025-08-15",
                "excerpt": "“Next time in Moscow,” Putin told Trump in English",
            }
        ],
    )
    with pytest.raises(Rejected) as refused:
        add(engine, "quotes", body)
    assert "already quote 'putin-next-time-in-moscow'" in refused.value.detail


def test_a_taken_id_is_a_conflict_in_any_resource(engine: Engine) -> None:
    with pytest.raises(Conflict, match="taken by one of the quotes"):
        add(engine, "quotes", new_quote(id="putin-next-time-in-moscow"))
    with pytest.raises(Conflict, match="taken by one of the actors"):
        add(engine, "quotes", new_quote(id="vladimir-putin"))


def test_evidence_by_another_actor_is_refused(engine: Engine) -> None:
    body = new_position(evidence=["fadeev-consultations-insignificant"])
    with pytest.raises(Rejected) as refused:
        add(engine, "positions", body)
    assert locations(refused.value) == ["body.evidence.0"]
    assert "not by the position's actor" in refused.value.detail


def test_a_position_is_written_and_refreshes_the_facets(engine: Engine) -> None:
    written = add(engine, "positions", new_position())
    answer = orjson.loads(written.body)
    assert answer["actor"]["id"] == "vladimir-putin"
    assert answer["stance"] == "conditional"


def test_a_source_keeps_its_text_byte_for_byte(engine: Engine) -> None:
    body = new_source()
    written = add(engine, "sources", body)
    row = read(
        engine, lambda c: c.execute(select(Source).where(Source.id == written.record_id)).one()
    )
    assert row.text == body["text"]
    assert row.sha256 == hashlib.sha256(body["text"].encode()).hexdigest()
    assert (row.file, row.time_zone, row.rights, row.text_access) == (
        "documents/kremlin-note-2025-08-18.txt",
        "Europe/Moscow",
        "© Example Wire",
        "keys",
    )
    quote = new_quote(
        id="kremlin-will-continue",
        speaker="russia",
        text="will continue",
        said_on="2025-08-18",
        citations=[
            {
                "source": written.record_id,
                "excerpt": "The Kremlin said on Monday that talks “will continue”.",
            }
        ],
    )
    assert add(engine, "quotes", quote).record_id == "kremlin-will-continue"


@pytest.mark.parametrize(
    ("change", "location"),
    [
        (
            {
                "articles": [
                    {
                        "id": "a",
                        "title": "Kremlin note",
                        "published_on": "2025-08-18",
                        "start": 0,
                        "end": 5000,
                    }
                ]
            },
            "body.articles.0.end",
        ),
        ({"file": "documents/other.txt"}, "body.file"),
        ({"time_zone": "Mars/Olympus"}, "body.time_zone"),
        ({"text_access": "friends"}, "body.text_access"),
    ],
)
def test_a_source_that_fails_a_check_is_refused(
    engine: Engine, change: dict[str, Any], location: str
) -> None:
    with pytest.raises(Rejected) as refused:
        add(engine, "sources", new_source(**change))
    assert location in locations(refused.value)


def etag_of(engine: Engine, resource: str, record_id: str) -> str:
    from sqlalchemy.orm import Session

    from app.queries.representation import representation

    with Session(engine) as session:
        return strong_tag(representation(session, resource, record_id))


def edit(engine: Engine, resource: str, record_id: str, patch: Any, if_match: str) -> Any:
    return in_write(engine, 5, lambda c: update(c, resource, record_id, patch, if_match, EDITOR))


def test_renaming_an_actor_changes_the_quotes_that_show_the_name(engine: Engine) -> None:
    quote_tag = etag_of(engine, "quotes", "putin-next-time-in-moscow")
    tag = etag_of(engine, "actors", "vladimir-putin")
    written = edit(
        engine, "actors", "vladimir-putin", {"name": "Vladimir V. Putin", "aliases": ["Putin"]}, tag
    )
    assert orjson.loads(written.body)["name"] == "Vladimir V. Putin"
    assert written.etag != tag
    assert etag_of(engine, "quotes", "putin-next-time-in-moscow") != quote_tag
    revision = read(engine, lambda c: c.execute(select(Revision).where(Revision.by_key)).one())
    assert revision.change == {"name": "Vladimir V. Putin", "aliases": ["Putin"]}


def test_a_stale_or_weak_tag_is_refused(engine: Engine) -> None:
    tag = etag_of(engine, "positions", "zelensky-ceasefire")
    edit(engine, "positions", "zelensky-ceasefire", {"statement": "Calls for a ceasefire."}, tag)
    with pytest.raises(PreconditionFailed):
        edit(engine, "positions", "zelensky-ceasefire", {"statement": "Other."}, tag)
    current = etag_of(engine, "positions", "zelensky-ceasefire")
    with pytest.raises(PreconditionFailed):
        edit(engine, "positions", "zelensky-ceasefire", {"statement": "Other."}, f"W/{current}")


def test_an_edit_keeps_what_the_curator_wrote(engine: Engine) -> None:
    """The quote is dated before its article by `dated_by`, which the edit does not repeat."""
    tag = etag_of(engine, "quotes", "fadeev-consultations-insignificant")
    written = edit(
        engine,
        "quotes",
        "fadeev-consultations-insignificant",
        {"topics": ["europe-role-in-talks", "ceasefire"]},
        tag,
    )
    assert sorted(orjson.loads(written.body)["topics"]) == ["ceasefire", "europe-role-in-talks"]
    curated = read(
        engine, lambda c: c.scalar(select(Quote.curated).where(Quote.id == written.record_id))
    )
    assert curated == {"dated_by": "Fadeev on Wednesday"}


def test_an_edit_may_not_change_the_id_nor_break_a_check(engine: Engine) -> None:
    tag = etag_of(engine, "quotes", "putin-next-time-in-moscow")
    with pytest.raises(Rejected) as refused:
        edit(engine, "quotes", "putin-next-time-in-moscow", {"id": "other"}, tag)
    assert locations(refused.value) == ["body.id"]
    with pytest.raises(Rejected) as refused:
        edit(engine, "quotes", "putin-next-time-in-moscow", {"speaker": None}, tag)
    assert locations(refused.value) == ["body.speaker"]
    with pytest.raises(Rejected) as refused:
        edit(engine, "quotes", "putin-next-time-in-moscow", {"text": "Next time in Kyiv"}, tag)
    assert locations(refused.value) == ["body.citations.0.excerpt"]
    assert etag_of(engine, "quotes", "putin-next-time-in-moscow") == tag


def test_an_edit_that_changes_nothing_makes_no_revision(engine: Engine) -> None:
    tag = etag_of(engine, "actors", "russia")
    written = edit(engine, "actors", "russia", {}, tag)
    assert (written.revision, written.etag) == (None, tag)
