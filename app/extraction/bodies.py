"""A suggested quote, and a proposed new actor, as the body of a seed record
(app.loader.records.QuoteRecord, ActorRecord), so that a curator's "accept" is one write
(`POST /v1/quotes`, `POST /v1/actors`); validated by the loader's own models."""

import re
import unicodedata
from typing import Any

from app.extraction.dates import DateFound
from app.extraction.speakers import Speaker
from app.extraction.titles import PLURAL_HEADS
from app.loader.dates import written
from app.loader.records import ActorRecord, QuoteRecord

ID_WORDS = 5


def slug(words: str, limit: int = 60) -> str:
    """An id from words: "Alexey Fadeev" -> "alexey-fadeev"."""
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:limit].strip("-") or "quote"


def speaker_id(speaker: Speaker) -> str:
    return speaker.actor or slug(speaker.name)


def quote_body(
    source: str,
    parts: list[str],
    speaker: Speaker,
    date: DateFound | None,
    dated_by: str | None,
    article_date: str,
    excerpt: tuple[int, str],
    topics: list[str],
) -> dict[str, Any]:
    """The record's fields; each part of a split remark is a citation that names its words."""
    text = " ".join(parts)
    start, words = excerpt
    citations = [
        {"source": source, "excerpt": words, "start": start}
        | ({"words": part} if len(parts) > 1 else {})
        for part in parts
    ]
    body: dict[str, Any] = {
        "id": f"{speaker_id(speaker)}-{slug(' '.join(text.split()[:ID_WORDS]), 40)}",
        "text": text,
        "speaker": speaker_id(speaker),
        "said_on": written(date.date) if date else article_date,
        "fragment": text[:1].islower(),
        "topics": topics,
        "citations": citations,
    }
    if dated_by is not None:
        body["dated_by"] = dated_by
    QuoteRecord.model_validate(body)
    return body


def new_kind(speaker: Speaker) -> str:
    """The kind of actor a new speaker likely is: "EU leaders" a group, "the port operator" an
    organisation."""
    if speaker.person:
        return "person"
    words = speaker.name.lower().split()
    return "group" if words and words[-1] in PLURAL_HEADS else "organisation"


def actor_body(speaker: Speaker, source: str, excerpt: tuple[int, str]) -> dict[str, Any]:
    """A new speaker's record, citing the excerpt of the first remark the text gives them."""
    start, words = excerpt
    body: dict[str, Any] = {
        "id": speaker_id(speaker),
        "name": speaker.name,
        "kind": new_kind(speaker),
        "citations": [{"source": source, "excerpt": words, "start": start}],
    }
    ActorRecord.model_validate(body)
    return body
