"""Check a seed record by record: ids unique, references resolved, citations found in their
documents. Sources come first in a seed, so each citation is placed in its document (kept in the
scratch file) as its record is built; references, which may point forward, are staged in the
scratch file and checked there with SQL once every record has been read."""

import datetime as dt
import hashlib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from app.db.models import CITATION_OWNERS
from app.loader.articles import Articles, Placed
from app.loader.problems import Problem
from app.loader.read import Located, outside
from app.loader.records import ArticleRecord, CitationRecord, SourceRecord
from app.loader.scratch import Scratch

NO_OWNER = {f"{name}_id": None for name in CITATION_OWNERS}
_LOOSE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\xa0": " "})
DOCUMENT = "SELECT main FROM records WHERE resource = 'sources' AND id = ?"
ARTICLES = 'SELECT id, start, "end", day FROM articles WHERE source = ?'
SOURCE = "SELECT 1 FROM records WHERE resource = 'sources' AND id = ?"
INVALID = "SELECT 1 FROM invalid WHERE resource = ? AND id = ?"
FROM_FILE = {
    "refs": "DELETE FROM refs WHERE file = ?",
    "quote_words": "DELETE FROM quote_words WHERE file = ?",
}


@dataclass(frozen=True)
class Document:
    text: str
    sha256: str


@dataclass
class SeedChecker:
    """Collects problems while the rows of a seed are built; stages what is checked at the end."""

    scratch: Scratch
    root: Path
    max_file_bytes: int
    problems: list[Problem] = field(default_factory=list)
    seq: int = 0
    citation_rows: int = 0
    # Records appended but not yet written to the scratch file, for the duplicate check.
    unwritten: dict[tuple[str, str], int] = field(default_factory=dict)
    # The last document a citation was placed in (the next citation is likely in it too).
    cited: tuple[str, str | None] = ("", None)
    # The articles of the last source a citation was placed in.
    placed_in: tuple[str, Articles | None] = ("", None)
    # Resources whose file could not be read whole: references to them are not reported.
    unreadable: set[str] = field(default_factory=set)

    def first_line(self, resource: str, record_id: str) -> int | None:
        """The line of the record of `resource` already staged with this id, if any."""
        line = self.unwritten.get((resource, record_id))
        if line is None:
            line = self.scratch.one(
                "SELECT line FROM records WHERE resource = ? AND id = ?", resource, record_id
            )
        return line

    def stage_record(
        self,
        resource: str,
        record_id: str,
        line: int,
        main: bytes | None,
        children: bytes | None,
        digest: str | None,
    ) -> None:
        row = (self.seq, resource, record_id, line, main, children, digest)
        if self.scratch.append("records", row, len(main or b"") + len(children or b"")):
            self.unwritten.clear()
        else:
            self.unwritten[resource, record_id] = line

    def note_file(self, name: str, digest: str) -> None:
        self.scratch.append("files", (name, digest))

    def note_invalid(self, resource: str, record_id: str) -> None:
        self.scratch.append("invalid", (resource, record_id))

    def note_unreadable(self, resource: str, name: str) -> None:
        """The file is the one problem named: what its records said before it failed is not."""
        self.unreadable.add(resource)
        self.problems[:] = [p for p in self.problems if p.file != name or p.whole_file]
        self.flush()
        for table in ("refs", "quote_words"):
            self.scratch.run(FROM_FILE[table], [(name,)])
        self.scratch.run("DELETE FROM checked WHERE resource = ?", [(resource,)])

    def report(self, located: Located, loc: tuple[int | str, ...], reason: str) -> None:
        where = ".".join(str(step) for step in loc) or "record"
        self.problems.append(Problem(located.file, located.line_for(*loc), where, reason))

    def ref(self, located: Located, loc: tuple[int | str, ...], resource: str, value: str) -> None:
        where = ".".join(str(step) for step in loc)
        self.scratch.append("refs", (resource, value, located.file, located.line_for(*loc), where))

    def refs(self, located: Located, name: str, resource: str, values: Iterable[str]) -> None:
        for index, value in enumerate(values):
            self.ref(located, (name, index), resource, value)

    def document(self, located: Located) -> Document | None:
        """The text of a source's document, or None after reporting why it cannot be read."""
        record: SourceRecord = located.record
        relative = posixpath.normpath(record.file)
        path = self.root / relative
        if relative.startswith(("/", "../")) or relative == ".." or not path.is_file():
            self.report(located, ("file",), f"no document at {record.file!r} inside the seed")
            return None
        if outside(self.root, path):
            reason = f"{record.file!r} is a link to a file outside the seed folder: refused"
            self.report(located, ("file",), reason)
            return None
        if path.stat().st_size > self.max_file_bytes:
            self.report(located, ("file",), f"document is larger than {self.max_file_bytes} bytes")
            return None
        content = path.read_bytes()
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as error:
            self.report(located, ("file",), f"document is not UTF-8 ({error.reason})")
            return None
        digest = hashlib.sha256(content).hexdigest()
        self.note_file(relative, digest)
        return Document(text, digest)

    def flush(self) -> None:
        """Write what is staged to the scratch file (the next resource may cite it)."""
        self.scratch.flush()
        self.unwritten.clear()

    def citations(
        self,
        located: Located,
        owner: tuple[str, str],
        citations: list[CitationRecord],
        loc: tuple[int | str, ...] = ("citations",),
        must_contain: str | None = None,
    ) -> list[dict[str, Any]]:
        """Verify each citation; return its citations-table row, owned by `owner` (kind, id)."""
        owners = {**NO_OWNER, f"{owner[0]}_id": owner[1]}
        rows = []
        for index, citation in enumerate(citations):
            here = (*loc, index)
            start = self._locate(located, here, citation)
            if start is None:
                continue
            article = self._article(located, here, citation, start)
            if article is None:
                continue
            if must_contain is not None:
                self._check_words(located, here, citation, must_contain)
            rows.append(
                {
                    "source_id": citation.source,
                    "article_id": article.id,
                    "excerpt": citation.excerpt,
                    "start_offset": start,
                    "end_offset": start + len(citation.excerpt),
                    "words": citation.words,
                    "ordinal": index,
                    **owners,
                }
            )
        self.citation_rows += len(rows)
        return rows

    def excerpts(self, located: Located, citations: list[CitationRecord]) -> None:
        """Verify each citation of a record whose citations stay in the seed (no rows)."""
        for index, citation in enumerate(citations):
            self._locate(located, ("citations", index), citation)

    def _check_words(
        self, located: Located, here: tuple[int | str, ...], citation: CitationRecord, text: str
    ) -> None:
        """The excerpt holds the quote's text, or the part of it that the citation names."""
        if citation.words is not None and citation.words not in text:
            self.report(located, (*here, "words"), "these words are not in the quote's text")
        elif (citation.words or text) not in citation.excerpt:
            what = "the citation's words are" if citation.words else "the quote's text is"
            self.report(located, (*here, "excerpt"), f"{what} not in this excerpt")

    def _locate(
        self, located: Located, here: tuple[int | str, ...], citation: CitationRecord
    ) -> int | None:
        text = self._text(located, here, citation.source)
        if text is None:
            return None
        found, reason = find_excerpt(text, citation.excerpt, citation.start)
        if reason:
            self.report(
                located,
                (*here, "start" if citation.start is not None else "excerpt"),
                f"{reason} in source {citation.source!r}",
            )
        return found

    def _article(
        self, located: Located, here: tuple[int | str, ...], citation: CitationRecord, start: int
    ) -> Placed | None:
        """The article whose range holds the excerpt; None after reporting that none does."""
        articles = self.articles_of(citation.source)
        end = start + len(citation.excerpt)
        article = None if articles is None else articles.holding(start, end)
        if article is None and articles is not None:
            reason = (
                f"the excerpt [{start}, {end}) lies in no one article of source "
                f"{citation.source!r} ({articles.names()}): cite the words of one article"
            )
            self.report(located, (*here, "excerpt"), reason)
        return article

    def stage_articles(self, source: str, articles: list[ArticleRecord]) -> None:
        """Keep a source's articles in the scratch file: the citations of later records are
        placed in them."""
        for a in articles:
            row = (source, a.id, a.start, a.end, a.published_on.isoformat())
            self.scratch.append("articles", row)

    def articles_of(self, source: str) -> Articles | None:
        """The articles of `source`, if it has any (those of the last one asked for are kept)."""
        if self.placed_in[0] != source:
            found = [
                Placed(article_id, start, end, dt.date.fromisoformat(day))
                for article_id, start, end, day in self.scratch.rows(ARTICLES, source)
            ]
            self.placed_in = (source, Articles(found) if found else None)
        return self.placed_in[1]

    def _text(self, located: Located, here: tuple[int | str, ...], source: str) -> str | None:
        """The text of the document of `source`; None if it has none (reported once, with the
        source, or here if there is no such source)."""
        text = self.text_of(source)
        if (
            text is None
            and "sources" not in self.unreadable
            and self.scratch.one(SOURCE, source) is None
            and self.scratch.one(INVALID, "sources", source) is None
        ):
            self.report(located, (*here, "source"), f"unknown source {source!r}")
        return text

    def text_of(self, source: str) -> str | None:
        """The text of the document of `source`, if it has one (the last one read is kept)."""
        if self.cited[0] != source:
            row = self.scratch.db.execute(DOCUMENT, (source,)).fetchone()
            text = None if row is None or row[0] is None else orjson.loads(row[0])["text"]
            self.cited = (source, text)
        return self.cited[1]

    def check_references(self) -> None:
        """Every reference staged by `ref` names a record (valid, or invalid and reported)."""
        unknown = """
            SELECT file, line, field, resource, id FROM refs AS r
            WHERE NOT EXISTS (SELECT 1 FROM records AS k
                              WHERE k.resource = r.resource AND k.id = r.id)
              AND NOT EXISTS (SELECT 1 FROM invalid AS k
                              WHERE k.resource = r.resource AND k.id = r.id)
        """
        for file, line, where, resource, value in self.scratch.rows(unknown):
            if resource not in self.unreadable:
                reason = f"unknown {resource[:-1]} {value!r}"
                self.problems.append(Problem(file, line, where, reason))

    def check_repeated_quotes(self) -> None:
        """No speaker says the same words in two quotes."""
        repeated = """
            SELECT file, line, first_id FROM (
                SELECT file, line, row_number() OVER same AS nth,
                       first_value(id) OVER same AS first_id
                FROM quote_words WINDOW same AS (PARTITION BY key ORDER BY seq)
            ) WHERE nth > 1
        """
        for file, line, first_id in self.scratch.rows(repeated):
            reason = f"the same words by the same speaker are already quote {first_id!r}"
            self.problems.append(Problem(file, line, "text", reason))


def find_excerpt(text: str, excerpt: str, start: int | None) -> tuple[int | None, str]:
    """Where `excerpt` stands in `text` (checking `start` if given), or why it cannot be placed."""
    if start is not None:
        if text[start : start + len(excerpt)] == excerpt:
            return start, ""
        return None, f"the excerpt is not at offset {start}"
    first = text.find(excerpt)
    if first < 0:
        return None, _not_found_reason(text, excerpt)
    second = text.find(excerpt, first + 1)
    if second >= 0:
        offsets = [first, second]
        return None, f"the excerpt occurs more than once (at {offsets}...): add start"
    return first, ""


def _not_found_reason(text: str, excerpt: str) -> str:
    loose_text = " ".join(text.translate(_LOOSE).split())
    if " ".join(excerpt.translate(_LOOSE).split()) in loose_text:
        return "the excerpt differs from the text only in quote marks or whitespace"
    return "the excerpt does not occur verbatim"
