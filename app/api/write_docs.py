"""How the writes are documented: their request bodies (the loader's record models, with
examples that "Try it out" can send over the seed in order: a source, then a quote citing it),
and each problem they may answer."""

from typing import Any

from fastapi import FastAPI

from app.api.deps import PROBLEMS
from app.curation.bodies import BODIES
from app.schemas.common import problem_response

JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"

# A copy of three paragraphs of the AFP report as a syndication partner printed them: words of
# the seed's own document, so that the example quote below cites words really said.
SYNDICATED_TEXT = (
    "Putin and Trump leave Alaska summit with no deal on war in Ukraine\n"
    "On Friday he offered to host Trump in Moscow, extending the apparent invitation during "
    "their press conference.\n"
    "“Next time in Moscow,” Putin told Trump in English after the US president said he would "
    "“probably see you again very soon.”\n"
    "“Oh, that’s an interesting one,” Trump responded. “I’ll get a little heat on that one, but "
    "I could see it possibly happening.”\n"
)
TRUMP_REPLY = (
    "“Oh, that’s an interesting one,” Trump responded. “I’ll get a little heat on that one, but I "
    "could see it possibly happening.”"
)
MOSCOW_INVITATION = (
    "“Next time in Moscow,” Putin told Trump in English after the US president said he would "
    "“probably see you again very soon.”"
)
EXAMPLES: dict[str, dict[str, Any]] = {
    "sources": {
        "id": "afp-2025-08-15-syndicated",
        "title": "Putin and Trump leave Alaska summit with no deal on war in Ukraine",
        "publisher": "AFP",
        "published_at": "2025-08-15",
        "language": "en",
        "rights": "© AFP",
        "text_access": "keys",
        "text": SYNDICATED_TEXT,
        "articles": [
            {
                "id": "moscow-invitation",
                "title": "Putin and Trump leave Alaska summit with no deal on war in Ukraine",
                "published_on": "2025-08-15",
                "start": 0,
                "end": len(SYNDICATED_TEXT),
            }
        ],
    },
    "quotes": {
        "id": "trump-could-see-it-happening",
        "text": "I could see it possibly happening",
        "speaker": "donald-trump",
        "said_on": "2025-08-15",
        "fragment": True,
        "event": "anchorage-press-conference-2025-08-15",
        "citations": [{"source": "afp-2025-08-15-syndicated", "excerpt": TRUMP_REPLY}],
    },
    "positions": {
        "id": "trump-next-meeting-in-moscow",
        "actor": "donald-trump",
        "topic": "us-russia-relations",
        "stance": "tentative",
        "statement": "Could see a next meeting with Putin in Moscow possibly happening.",
        "held_on": "2025-08-15",
        "evidence": ["trump-could-see-it-happening"],
        "citations": [{"source": "afp-2025-08-15-syndicated", "excerpt": TRUMP_REPLY}],
    },
    "topics": {
        "id": "next-summit",
        "name": "A next summit",
        "aliases": ["next meeting"],
        "description": "Where and when the two presidents would meet again.",
    },
    "events": {
        "id": "putin-trump-moscow-meeting",
        "title": "A next Putin–Trump meeting, in Moscow",
        "kind": "meeting",
        "status": "proposed",
        "start": None,
        "place": "Moscow",
        "participants": [{"actor": "vladimir-putin"}, {"actor": "donald-trump"}],
        "citations": [{"source": "afp-2025-08-15-syndicated", "excerpt": MOSCOW_INVITATION}],
    },
    "actors": {
        "id": "european-capitals",
        "name": "European capitals",
        "kind": "group",
        "citations": [
            {
                "source": "afp-2025-08-15",
                "excerpt": "He said Moscow expected “that Kyiv and the European capitals will "
                "perceive all this in a constructive manner and will not create any obstacles”.",
            }
        ],
    },
}
PATCHES: dict[str, dict[str, Any]] = {
    "topics": {"aliases": ["next meeting", "second summit"]},
    "events": {"topics": ["us-russia-relations"]},
    "quotes": {"topics": ["us-russia-relations"]},
    "positions": {"stance": "expects"},
    "actors": {"aliases": ["the European capitals"]},
}

WRITE_PROBLEMS: dict[int, dict[str, Any]] = {
    409: problem_response(
        "The id is taken: a record of some resource has it (ids name one record in all).",
        409,
        "id 'trump-could-see-it-happening' is already taken by one of the quotes",
        "/v1/quotes",
        id="trump-could-see-it-happening",
    ),
    412: problem_response(
        "`If-Match` names no current representation: the record changed since it was read. "
        "Read it again (its `ETag`) and re-apply the change.",
        412,
        "If-Match names no current representation of quote 'trump-could-see-it-happening': "
        'it changed since (its ETag is now "9c1f…"); read it again and re-apply the change',
        "/v1/quotes/trump-could-see-it-happening",
        etag='"9c1f…"',
    ),
    413: problem_response(
        "The body is larger than a write takes (2 MiB for a source or a batch, 64 KiB for other "
        "records).",
        413,
        "request bodies are limited to 65536 bytes",
        "/v1/quotes",
    ),
    415: problem_response(
        "The body is not sent as JSON (`Content-Type: application/json`; an edit may also send "
        "`application/merge-patch+json`).",
        415,
        "send the body as application/json",
        "/v1/quotes",
    ),
    422: problem_response(
        "The body is not valid JSON, not a valid record, or fails a check of the knowledge (an "
        "excerpt not in its source, words not in their excerpt, an unknown reference, a date "
        "after the article that reports it...): `errors` names each field, and nothing is "
        "written.",
        422,
        "body.citations.0.excerpt: the excerpt does not occur verbatim in source "
        "'afp-2025-08-15-syndicated'",
        "/v1/quotes",
        errors=[
            {
                "location": "body.citations.0.excerpt",
                "message": "the excerpt does not occur verbatim in source "
                "'afp-2025-08-15-syndicated'",
            }
        ],
    ),
    428: problem_response(
        "An edit or a delete must send `If-Match` with the record's `ETag`, so that it cannot "
        "undo a change it has not seen.",
        428,
        "an edit or a delete needs If-Match: the ETag of the record as last read",
        "/v1/quotes/trump-could-see-it-happening",
    ),
    429: problem_response(
        "The key wrote faster than its rate (`write_rate_per_minute`, `write_burst`): write again "
        "after `Retry-After` seconds.",
        429,
        "the key 'newsroom' may write 60 times a minute (20 at once); retry in 1 s",
        "/v1/quotes",
        retry_after=1,
    ),
    503: problem_response(
        "A load (or another write) held the database for longer than a write waits: retry after "
        "`Retry-After`.",
        503,
        "another load or write held the database for more than 3 s; retry",
        "/v1/quotes",
    ),
}


DELETE_PROBLEMS: dict[int, dict[str, Any]] = {
    409: problem_response(
        "Other records refer to this one (`referrers` lists them by resource): change or delete "
        "them first.",
        409,
        "actor 'vladimir-putin' is referred to by other records (quotes: "
        "putin-next-time-in-moscow): change or delete them first",
        "/v1/actors/vladimir-putin",
        referrers={"quotes": ["putin-next-time-in-moscow"]},
    ),
}


def write_problems(*statuses: int) -> dict[int | str, Any]:
    """The documented problem answers of a write: the key's, then the write's own."""
    return {
        status: WRITE_PROBLEMS.get(status) or PROBLEMS[status]
        for status in (401, 403, 429, *statuses)
    }


def body_schema_name(resource: str) -> str:
    return BODIES[resource].__name__


def create_body(resource: str) -> dict[str, Any]:
    """The request body of a POST: the record, as JSON."""
    schema = {"$ref": f"#/components/schemas/{body_schema_name(resource)}"}
    example = {"value": EXAMPLES[resource], "summary": f"A new {resource[:-1]}"}
    return {
        "required": True,
        "content": {JSON: {"schema": schema, "examples": {"new": example}}},
    }


def patch_body(resource: str) -> dict[str, Any]:
    """The request body of a PATCH: a JSON merge patch (RFC 7386) of the record."""
    schema = {
        "type": "object",
        "description": f"A JSON merge patch (RFC 7386) of the {resource[:-1]} as POST takes it "
        f"({body_schema_name(resource)}): the fields it gives replace the record's, `null` "
        "removes one, and a list is replaced whole.",
    }
    example = {"value": PATCHES[resource], "summary": "Change one field"}
    content = {"schema": schema, "examples": {"edit": example}}
    return {"required": True, "content": {MERGE_PATCH: content, JSON: content}}


# What each field of a record means, as seed/README.md (the curators' guide) explains it.
FIELDS = {
    "id": "The record's id, a slug unique across all resources; derived when left out.",
    "note": "The curator's note: why the record is as it is (kept, not served).",
    "replaces": "Ids of records merged into or renamed to this one: they keep answering.",
    "dated_by": "Words of the text that date the record before an article it cites.",
    "name": "The name the sources give.",
    "kind": "What sort of record it is.",
    "aliases": "Other names the sources give.",
    "description": "A short description in the curator's words.",
    "affiliations": "The organisations the actor belongs to, and in what role, each cited.",
    "citations": "Where the record is written: excerpts of sources, found verbatim.",
    "organisation": "The actor id of the organisation.",
    "role": "The role the sources give.",
    "source": "The id of the source that holds the excerpt.",
    "excerpt": "The verbatim words of the source.",
    "start": "The excerpt's first offset (code points), where it occurs more than once.",
    "words": "For a quote reported in part: the words of the quote this excerpt holds.",
    "text": "The words as the sources give them (a source: its whole document).",
    "speaker": "The actor id of who said the words.",
    "fragment": "Whether the words are part of a sentence.",
    "event": "The id of the event the words were said at.",
    "topics": "Ids of the topics the record is about.",
    "translated_from": "The language the words were said in, where the sources translate.",
    "translated_by": "Whose translation the words are, where the text says.",
    "distinct_from": "Quotes whose words hold these, or lie in them, though another remark.",
    "actor": "The actor id of who holds the stance, or takes part in the event.",
    "status": "planned, proposed, held or cancelled.",
    "place": "Where the event is held, as the sources name it.",
    "participants": "The actors who take part, each with the role the sources give.",
    "topic": "The topic id of what the stance is on.",
    "stance": "supports, opposes, conditional, mixed, tentative or expects.",
    "statement": "The stance in one line.",
    "reported_by": "Who states the stance when it is not the actor's own words.",
    "named_as": "How the excerpts name the holder when not by a name or alias.",
    "evidence": "Ids of quotes that show the stance.",
    "title": "The title as the text prints it.",
    "publisher": "Who published the text.",
    "byline": "The byline as printed.",
    "published_at": "The publication date, or date and local time.",
    "published_on": "The day the article was published.",
    "url": "Where the text was published.",
    "language": "The text's language (a BCP 47 tag).",
    "time_zone": "The IANA time zone of the publisher's dates.",
    "rights": "Who owns the text, as the publisher states it.",
    "text_access": "public: the full text is served to all; keys: to key holders only.",
    "articles": "The articles the document holds, each with its title, date and offsets.",
    "end": "The offset just past the end.",
}


# Where a record's field means something else than the same name in a citation.
FIELDS_OF: dict[str, dict[str, str]] = {
    "EventBody": {
        "title": "The event's name in the curator's words.",
    },
}


def body_components() -> dict[str, Any]:
    """The JSON schemas of the bodies, and of the models they use, as OpenAPI components."""
    found: dict[str, Any] = {}
    for model in BODIES.values():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        found.update(schema.pop("$defs", {}))
        found[model.__name__] = schema
    for name_of_model, schema in found.items():
        meanings = {**FIELDS, **FIELDS_OF.get(name_of_model, {})}
        for name, spec in schema.get("properties", {}).items():
            if not (spec.get("description") or spec.get("examples")) and name in meanings:
                spec["description"] = meanings[name]
    return found


def document_bodies(api: FastAPI) -> None:
    """Add the write bodies' schemas to the OpenAPI document's components."""
    build = api.openapi

    def openapi_with_bodies() -> dict[str, Any]:
        schema = build()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        if not all(name in schemas for name in BODY_COMPONENTS):
            schemas.update(BODY_COMPONENTS)
            schema["components"]["schemas"] = dict(sorted(schemas.items()))
        return schema

    api.openapi = openapi_with_bodies  # type: ignore[method-assign]


BODY_COMPONENTS = body_components()

# A merge that "Try it out" can send over the seed once the example actor is posted: the
# European capitals are one more name of the seed's European leaders.
MERGE_EXAMPLE = {"into": "european-leaders"}
