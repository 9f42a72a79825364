"""JSON-LD in schema.org terms, with the context embedded so that no processor fetches anything.

Quotes are `Quotation`s, events `Event`s, actors `Person`, `Country` or `Organization`, sources
`CreativeWork`s (`hasPart` their articles, each an `Article` with its range), topics
`DefinedTerm`s, positions `Claim`s. Every citation is a `CreativeWork` holding the excerpt,
`isPartOf` its article, itself `isPartOf` the source, with the code point offsets as
`skb:start`/`skb:end`.
Terms schema.org lacks (date precision, stance, offsets) live under the `skb:` prefix.
"""

from collections.abc import Callable
from typing import Any

JSONLD_CONTENT_TYPE = "application/ld+json"
SKB = "urn:summitkb:vocab:"
CONTEXT: dict[str, Any] = {
    "@version": 1.1,
    "@vocab": "https://schema.org/",
    "skb": SKB,
    "counts": {"@id": f"{SKB}counts", "@type": "@json"},
    "record": {"@id": f"{SKB}record", "@type": "@json"},
}
ACTOR_TYPES = {"person": "Person", "state": "Country", "organisation": "Organization"}

Record = dict[str, Any]


def _compact(node: Record) -> Record:
    """Drop empty values: JSON-LD has no null, and an absent property says the same."""
    return {key: value for key, value in node.items() if value not in (None, [], {})}


class Linker:
    """Builds nodes whose `@id`s are the records' API URLs under the public base URL `root`
    (e.g. `https://kb.example`): never under the request's `Host`, which a client chooses."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.base = f"{root}/v1/"

    def iri(self, collection: str, record_id: str) -> str:
        return f"{self.base}{collection}/{record_id}"

    def ref(self, collection: str, ref: Record | None, kind: str, name_key: str = "name") -> Any:
        if not ref:
            return None
        return {"@id": self.iri(collection, ref["id"]), "@type": kind, "name": ref.get(name_key)}

    def topics(self, topic_ids: list[str] | None) -> list[Record]:
        return [{"@id": self.iri("topics", t), "@type": "DefinedTerm"} for t in topic_ids or []]

    def article(self, source_id: str, article: Record) -> Record:
        """An article of a source's document: a fragment of the source's IRI."""
        return {
            "@id": f"{self.iri('sources', source_id)}#{article['id']}",
            "@type": "Article",
            "name": article.get("title"),
            "datePublished": article.get("published_at") or article.get("published_on"),
        }

    def citation(self, citation: Record) -> Record:
        source = {
            "@id": self.iri("sources", citation["source_id"]),
            "@type": "CreativeWork",
            "name": citation.get("source_title"),
            "publisher": {"@type": "Organization", "name": citation.get("publisher")},
        }
        article = self.article(citation["source_id"], citation["article"])
        return {
            "@type": "CreativeWork",
            "text": citation.get("excerpt"),
            "isPartOf": _compact({**article, "isPartOf": _compact(source)}),
            "skb:start": citation.get("start"),
            "skb:end": citation.get("end"),
        }

    def citations(self, record: Record) -> list[Record]:
        return [self.citation(citation) for citation in record.get("citations") or []]


def quote(link: Linker, r: Record) -> Record:
    speaker = link.ref("actors", r.get("speaker"), "Person")
    return {
        "@id": link.iri("quotes", r["id"]),
        "@type": "Quotation",
        "text": r.get("text"),
        "spokenByCharacter": speaker,
        "creator": speaker,
        "dateCreated": r.get("said_on"),
        "skb:datePrecision": r.get("said_precision"),
        "skb:fragment": r.get("fragment"),
        "recordedAt": link.ref("events", r.get("event"), "Event", "title"),
        "about": link.topics(r.get("topics")),
        "citation": link.citations(r),
    }


def event(link: Linker, r: Record) -> Record:
    attendees = [link.ref("actors", p, "Thing") for p in r.get("participants") or []]
    for attendee, participant in zip(attendees, r.get("participants") or [], strict=True):
        attendee["skb:role"] = participant.get("role")
    return {
        "@id": link.iri("events", r["id"]),
        "@type": "Event",
        "name": r.get("title"),
        "description": r.get("description"),
        "startDate": r.get("start_on"),
        "endDate": r.get("end_on"),
        "skb:datePrecision": r.get("start_precision"),
        "skb:kind": r.get("kind"),
        "skb:status": r.get("status"),
        "location": {"@type": "Place", "name": r["place"]} if r.get("place") else None,
        "attendee": [_compact(attendee) for attendee in attendees],
        "about": link.topics(r.get("topics")),
        "citation": link.citations(r),
    }


def actor(link: Linker, r: Record) -> Record:
    roles = [
        _compact(
            {
                "@type": "OrganizationRole",
                "roleName": affiliation.get("role"),
                "memberOf": link.ref("actors", affiliation.get("organisation"), "Organization"),
                "startDate": affiliation.get("started_on"),
                "endDate": affiliation.get("ended_on"),
                "citation": link.citations(affiliation),
            }
        )
        for affiliation in r.get("affiliations") or []
    ]
    return {
        "@id": link.iri("actors", r["id"]),
        "@type": ACTOR_TYPES.get(r.get("kind") or "", "Organization"),
        "name": r.get("name"),
        "alternateName": r.get("aliases"),
        "description": r.get("description"),
        "skb:kind": r.get("kind"),
        "memberOf": roles,
        "citation": link.citations(r),
    }


def source(link: Linker, r: Record) -> Record:
    iri = link.iri("sources", r["id"])
    text = {"@type": "MediaObject", "contentUrl": f"{iri}/text", "encodingFormat": "text/plain"}
    articles = [
        _compact(
            {
                **link.article(r["id"], article),
                "skb:start": article.get("start"),
                "skb:end": article.get("end"),
            }
        )
        for article in r.get("articles") or []
    ]
    return {
        "@id": iri,
        "@type": "CreativeWork",
        "name": r.get("title"),
        "publisher": {"@type": "Organization", "name": r.get("publisher")},
        "author": r.get("byline"),
        "datePublished": r.get("published_at") or r.get("published_on"),
        "url": r.get("url"),
        "inLanguage": r.get("language"),
        "encoding": _compact({**text, "sha256": r.get("sha256")}),
        "hasPart": articles,
    }


def topic(link: Linker, r: Record) -> Record:
    return {
        "@id": link.iri("topics", r["id"]),
        "@type": "DefinedTerm",
        "termCode": r["id"],
        "name": r.get("name"),
        "alternateName": r.get("aliases"),
        "description": r.get("description"),
    }


def position(link: Linker, r: Record) -> Record:
    return {
        "@id": link.iri("positions", r["id"]),
        "@type": "Claim",
        "text": r.get("statement"),
        "author": link.ref("actors", r.get("actor"), "Thing"),
        "about": link.ref("topics", r.get("topic"), "DefinedTerm"),
        "dateCreated": r.get("held_on"),
        "skb:datePrecision": r.get("held_precision"),
        "skb:stance": r.get("stance"),
        "isBasedOn": [{"@id": link.iri("quotes", q)} for q in r.get("evidence") or []],
        "citation": link.citations(r),
    }


def meta(link: Linker, r: Record) -> Record:
    return {
        "@id": link.base + "meta",
        "@type": "Dataset",
        "version": r.get("version"),
        "dateModified": r.get("loaded_at"),
        "counts": r.get("counts"),
    }


HIT_TYPES = {
    "quote": "Quotation",
    "event": "Event",
    "position": "Claim",
    "actor": "Thing",
    "topic": "DefinedTerm",
    "source": "CreativeWork",
}


def typed_link(link: Linker, r: Record) -> Record:
    """A search hit or timeline item: a typed pointer to a record, with what it shows of it."""
    kind = HIT_TYPES.get(r["type"], "Thing")
    date_key = "startDate" if kind == "Event" else "dateCreated"
    return {
        "@id": link.root + r["url"],  # the API path of the record, `/v1/...`
        "@type": kind,
        "name": r.get("title"),
        date_key: r.get("date"),
        "endDate": r.get("end_date") if kind == "Event" else None,
        "citation": link.citations(r),
        "record": r,
    }


def stance_cell(link: Linker, r: Record) -> Record:
    """A cell of the stance matrix: the actor's current position on the topic, as a `Claim`."""
    current = r.get("current") or {}
    return {
        "@id": link.iri("positions", current["position_id"]) if current else None,
        "@type": "Claim",
        "author": link.ref("actors", r.get("actor"), "Thing"),
        "about": link.ref("topics", r.get("topic"), "DefinedTerm"),
        "text": current.get("statement"),
        "dateCreated": current.get("held_on"),
        "skb:stance": current.get("stance"),
        "citation": link.citations(current),
        "record": r,
    }


def other(link: Linker, r: Record) -> Record:
    """A shape this module does not know: kept whole as a JSON literal."""
    return {"@type": "Thing", "identifier": r.get("id"), "record": r}


# The first rule whose keys a record has decides its mapping (sparse records keep their `id`).
SHAPES: list[tuple[set[str], Callable[[Linker, Record], Record]]] = [
    ({"type", "id", "url"}, typed_link),  # first: a search hit has a quote's `speaker` too
    ({"id", "speaker"}, quote),
    ({"id", "participants"}, event),
    ({"id", "stance"}, position),
    ({"id", "affiliations"}, actor),
    ({"id", "sha256"}, source),
    ({"version", "counts"}, meta),
    ({"actor", "topic", "current"}, stance_cell),
]


def node(link: Linker, record: Record) -> Record:
    """The JSON-LD node of one API record, chosen by its shape."""
    if set(record) == {"id", "name", "aliases", "description"}:
        return _compact(topic(link, record))
    for keys, mapper in SHAPES:
        if keys <= set(record):
            return _compact(mapper(link, record))
    return _compact(other(link, record))


def document(
    link: Linker, records: list[Record], single: bool, page_url: str, next_url: str | None
) -> Record:
    """A JSON-LD document: the node of one record, or an `ItemList` of a page of records."""
    if single and records:
        return {"@context": CONTEXT, **node(link, records[0])}
    listing = {
        "@id": page_url,
        "@type": "ItemList",
        "numberOfItems": len(records),
        "itemListElement": [node(link, record) for record in records],
        "skb:next": {"@id": next_url} if next_url else None,
    }
    return {"@context": CONTEXT, **_compact(listing)}
