"""A source's stored text, or a slice of it: in full to anyone where its text is public, and
otherwise to a key, with the cited excerpts (slices within a citation) public either way."""

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.db.models import Citation, Source
from app.domain import TextAccess
from app.errors import InvalidParameter, Unauthorized
from app.queries.successors import missing

KEYS_ONLY = (
    "the full text of this source is served only to a request with an API key (`Authorization: "
    "Bearer <key>`); its cited excerpts are public: ask for a citation's `start` and `end`"
)


def source_text(
    session: Session, source_id: str, start: int | None, end: int | None, keyed: bool
) -> str:
    """The stored text of a source, or the slice [start:end] of it (code point offsets); a
    request without a key (`keyed`) gets a keys-only source's cited excerpts alone."""
    query = select(Source.text, Source.text_access).where(Source.id == source_id)
    row = session.execute(query).first()
    if row is None:
        raise missing(session, "sources", source_id)
    text, access = row
    first = 0 if start is None else start
    last = len(text) if end is None else end
    if last > len(text) or first > last:
        raise InvalidParameter(
            f"start and end must satisfy 0 <= start <= end <= {len(text)} (the text's length)"
        )
    if access == TextAccess.KEYS and not keyed and not is_cited(session, source_id, first, last):
        raise Unauthorized(KEYS_ONLY, key_sent=False)
    return text[first:last]


def is_cited(session: Session, source_id: str, start: int, end: int) -> bool:
    """Whether [start:end) lies within the excerpt of some citation of the source."""
    within = exists().where(
        Citation.source_id == source_id,
        Citation.start_offset <= start,
        Citation.end_offset >= end,
    )
    return bool(session.scalar(select(within)))
