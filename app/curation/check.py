"""One written record, checked by the loader's own code against the stored dataset.

The loader checks a seed in a scratch file (app.loader.scratch): the records, the documents they
cite and the references between them are staged there and checked with SQL. A write runs the
very same steps over a scratch file that holds its one record and what of the stored dataset the
record touches: the documents it cites (with their articles) and the stored records it names.
The rules that need the rest of the dataset (app.loader.checks) read it from the database.
"""

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, select

from app.curation.knowledge import stored_knowledge
from app.db.models import Article, Quote, Source
from app.errors import InvalidParameter
from app.loader.checks import findings
from app.loader.plan import stage, words_key
from app.loader.problems import Problem
from app.loader.read import Located
from app.loader.records import CitationRecord
from app.loader.scratch import Scratch
from app.loader.verify import Document, SeedChecker
from app.loader.write import table

BODY = "body"  # the "file" a write's problems are in: its request body


@dataclass(frozen=True)
class Staged:
    """A checked record's rows, as the loader stages them: its main row and child rows in JSON,
    and their content hash."""

    main: bytes
    children: bytes
    digest: str

    def children_of(self, name: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = orjson.loads(self.children).get(name, [])
        return rows


class Rejected(InvalidParameter):
    """The record fails a check: a 422 whose `errors` name each field of the body and why."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [
            {"location": ".".join((BODY, problem.field)).rstrip("."), "message": problem.reason}
            for problem in sorted(problems)
        ]
        detail = "; ".join(f"{error['location']}: {error['message']}" for error in errors)
        super().__init__(detail, errors=errors)
        self.problems = sorted(problems)

    def under(self, prefix: str) -> "Rejected":
        """The same problems, located under `prefix` of the body (a record inside a batch)."""
        return Rejected(
            [replace(p, field=".".join(filter(None, (prefix, p.field)))) for p in self.problems]
        )


@dataclass
class WriteChecker(SeedChecker):
    """The seed's checker over a write: a new source's document is its body's `text`."""

    def document(self, located: Located) -> Document | None:
        text: str = located.record.text
        try:
            content = text.encode("utf-8")
        except UnicodeEncodeError:
            self.report(located, ("text",), "the text holds a lone surrogate: not Unicode text")
            return None
        return Document(text, hashlib.sha256(content).hexdigest())


def check_record(connection: Connection, resource: str, located: Located) -> Staged:
    """The rows of `located.record`, checked as a load checks a record; Rejected if it fails."""
    check = WriteChecker(Scratch(), Path(BODY), max_file_bytes=0)
    try:
        _stage_cited_sources(connection, check, _cited_sources(located.record))
        stage(check, resource, located)
        check.flush()
        _stage_named_records(connection, check)
        check.check_references()
        if resource == "quotes":
            _stage_same_words(connection, check, located.record)
            check.check_repeated_quotes()
        for loc, reason in findings(resource, located, stored_knowledge(connection)):
            check.report(located, loc, reason)
        if check.problems:
            raise Rejected(check.problems)
        row = check.scratch.db.execute(
            "SELECT main, children, hash FROM records WHERE resource = ? AND id = ?",
            (resource, located.record.id),
        ).fetchone()
        return Staged(*row)
    finally:
        check.scratch.close()


def _cited_sources(record: Any) -> list[str]:
    citations: list[CitationRecord] = list(getattr(record, "citations", []))
    for affiliation in getattr(record, "affiliations", []):
        citations += affiliation.citations
    return list(dict.fromkeys(citation.source for citation in citations))


def _stage_cited_sources(connection: Connection, check: SeedChecker, sources: list[str]) -> None:
    """Stage the stored documents the record cites, and their articles, as a seed's sources."""
    query = select(Source.id, Source.text).where(Source.id.in_(sources))
    for source_id, text in connection.execute(query):
        check.seq += 1
        check.stage_record("sources", source_id, 0, orjson.dumps({"text": text}), None, None)
    articles = select(
        Article.source_id,
        Article.id,
        Article.start_offset,
        Article.end_offset,
        Article.published_on,
    ).where(Article.source_id.in_(sources))
    for source_id, article_id, start, end, day in connection.execute(articles):
        check.scratch.append("articles", (source_id, article_id, start, end, str(day)))
    check.flush()


def _stage_named_records(connection: Connection, check: SeedChecker) -> None:
    """Stage the stored records the record refers to, so that its references resolve."""
    named = check.scratch.rows("SELECT DISTINCT resource, id FROM refs")
    for resource, record_id in list(named):
        ids = table(resource).c.id
        stored = connection.scalar(select(ids).where(ids == record_id))
        if stored is not None and check.first_line(resource, record_id) is None:
            check.seq += 1
            check.stage_record(resource, record_id, 0, None, None, None)
    check.flush()


def _stage_same_words(connection: Connection, check: SeedChecker, quote: Any) -> None:
    """Stage the stored quotes of the speaker with the same words, as quotes read before it."""
    query = select(Quote.id).where(
        Quote.speaker_id == quote.speaker, Quote.text == quote.text, Quote.id != quote.id
    )
    key = words_key(quote.speaker, quote.text)
    for quote_id in connection.scalars(query):
        check.scratch.append("quote_words", (key, 0, quote_id, "stored", 0))
    check.flush()
