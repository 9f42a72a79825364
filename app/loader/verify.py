"""Check a parsed seed: unique ids, resolvable references, citations found in their documents."""

import hashlib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.db.models import CITATION_OWNERS
from app.loader.problems import Problem
from app.loader.read import Located, ParsedSeed, outside
from app.loader.records import CitationRecord, SourceRecord

NO_OWNER = {f"{name}_id": None for name in CITATION_OWNERS}
_LOOSE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\xa0": " "})


@dataclass(frozen=True)
class Document:
    text: str
    sha256: str


@dataclass
class SeedChecker:
    """Collects problems while the rows of a seed are built; knows every id and document."""

    seed: ParsedSeed
    max_file_bytes: int
    ids: dict[str, set[str]] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return self.seed.problems

    def report(self, located: Located, loc: tuple[int | str, ...], reason: str) -> None:
        where = ".".join(str(step) for step in loc) or "record"
        self.problems.append(Problem(located.file, located.line_for(*loc), where, reason))

    def unique(self, resource: str) -> list[Located]:
        """The records of `resource`, reporting and dropping any whose id is taken."""
        first_line: dict[str, int] = {}
        kept = []
        for located in self.seed.records.get(resource, []):
            record_id = located.record.id
            if record_id in first_line:
                reason = f"duplicate id {record_id!r} (first at line {first_line[record_id]})"
                self.report(located, ("id",), reason)
                continue
            first_line[record_id] = located.line
            kept.append(located)
        self.ids[resource] = set(first_line) | self.seed.invalid_ids.get(resource, set())
        return kept

    def ref(self, located: Located, loc: tuple[int | str, ...], resource: str, value: str) -> None:
        if value not in self.ids[resource] and resource not in self.seed.unreadable:
            self.report(located, loc, f"unknown {resource[:-1]} {value!r}")

    def refs(self, located: Located, name: str, resource: str, values: Iterable[str]) -> None:
        for index, value in enumerate(values):
            self.ref(located, (name, index), resource, value)

    def read_document(self, located: Located) -> None:
        record: SourceRecord = located.record
        relative = posixpath.normpath(record.file)
        path = self.seed.root / relative
        if relative.startswith(("/", "../")) or relative == ".." or not path.is_file():
            self.report(located, ("file",), f"no document at {record.file!r} inside the seed")
            return
        if outside(self.seed.root, path):
            reason = f"{record.file!r} is a link to a file outside the seed folder: refused"
            self.report(located, ("file",), reason)
            return
        if path.stat().st_size > self.max_file_bytes:
            self.report(located, ("file",), f"document is larger than {self.max_file_bytes} bytes")
            return
        content = path.read_bytes()
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as error:
            self.report(located, ("file",), f"document is not UTF-8 ({error.reason})")
            return
        self.seed.note_file(relative, content)
        self.documents[record.id] = Document(text, hashlib.sha256(content).hexdigest())

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
            if must_contain is not None:
                self._check_words(located, here, citation, must_contain)
            rows.append(
                {
                    "source_id": citation.source,
                    "excerpt": citation.excerpt,
                    "start_offset": start,
                    "end_offset": start + len(citation.excerpt),
                    "words": citation.words,
                    "ordinal": index,
                    **owners,
                }
            )
        return rows

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
        document = self.documents.get(citation.source)
        if document is None:
            known = self.ids.get("sources", set())
            if citation.source not in known and "sources" not in self.seed.unreadable:
                self.report(located, (*here, "source"), f"unknown source {citation.source!r}")
            return None
        found, reason = find_excerpt(document.text, citation.excerpt, citation.start)
        if reason:
            self.report(
                located,
                (*here, "start" if citation.start is not None else "excerpt"),
                f"{reason} in source {citation.source!r}",
            )
        return found


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
