"""Suggestions for a stored source: its text and articles, and the dataset's actors and topics,
given to the extraction engine (app.extraction): what `GET /v1/sources/{id}/suggestions`
answers."""

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.db.models import Article, Source
from app.extraction.engine import suggest
from app.extraction.schema import ArticleSpan, Suggestions
from app.queries.knowledge import read_knowledge
from app.queries.successors import missing


def source_suggestions(connection: Connection, source_id: str) -> Suggestions | None:
    """What a curator would record from the source's articles; None if there is no such
    source."""
    source = connection.execute(
        select(Source.text, Source.publisher).where(Source.id == source_id)
    ).first()
    if source is None:
        return None
    articles = [
        ArticleSpan(id=a.id, start=a.start_offset, end=a.end_offset, published_on=a.published_on)
        for a in connection.execute(
            select(Article.id, Article.start_offset, Article.end_offset, Article.published_on)
            .where(Article.source_id == source_id)
            .order_by(Article.start_offset, Article.id)
        )
    ]
    return suggest(source.text, articles, read_knowledge(connection), source_id, source.publisher)


def suggestions_for(session: Session, source_id: str) -> Suggestions:
    """The source's suggestions, read in the session's snapshot; NotFound (or Moved, for a
    replaced id) if there is no such source."""
    found = source_suggestions(session.connection(), source_id)
    if found is None:
        raise missing(session, "sources", source_id)
    return found
