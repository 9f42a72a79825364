"""Check a seed record by record and stage the rows it would write in the scratch file."""

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.loader.checks import check_knowledge, note_record
from app.loader.problems import Problem
from app.loader.read import Located, read_resource
from app.loader.records import RESOURCES
from app.loader.replaced import note_replaced
from app.loader.rows import BUILDERS, as_json, content_hash
from app.loader.scratch import Scratch
from app.loader.verify import SeedChecker

# Rows handed to the database at a time, by the size of their JSON: a batch of sources carries
# whole documents, one of quotes a few hundred bytes per row.
BATCH_BYTES = 256 << 10


class Plan:
    """The checked seed's rows, staged in a scratch file, with its dataset version."""

    def __init__(self, scratch: Scratch, citations: int) -> None:
        self.scratch = scratch
        self.citations = citations
        listing = "\n".join(
            f"{name}\t{digest}"
            for name, digest in scratch.rows("SELECT DISTINCT name, digest FROM files ORDER BY 1")
        )
        self.version = hashlib.sha256(listing.encode()).hexdigest()

    def close(self) -> None:
        self.scratch.close()

    def __getitem__(self, resource: str) -> list[str]:
        """The ids of the records of `resource`, in seed order."""
        query = "SELECT id FROM records WHERE resource = ? ORDER BY seq"
        return [row[0] for row in self.scratch.rows(query, resource)]

    def counts(self) -> dict[str, int]:
        counts = {
            resource: self.scratch.one("SELECT count(*) FROM records WHERE resource = ?", resource)
            for resource in RESOURCES
        }
        counts["citations"] = self.citations
        return counts

    def batches(self, sql: str, *params: Any) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of `sql` whose first column is a blob, in batches of about BATCH_BYTES."""
        batch: list[tuple[Any, ...]] = []
        size = 0
        for row in self.scratch.rows(sql, *params):
            batch.append(row)
            size += len(row[0])
            if size >= BATCH_BYTES:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch


def build_plan(root: Path, max_file_bytes: int) -> tuple[Plan, list[Problem]]:
    """The staged rows of every record, and every problem of the seed."""
    check = SeedChecker(Scratch(), root, max_file_bytes)
    if not root.is_dir():
        check.problems.append(Problem(str(root), 0, "seed", "not a folder"))
    else:
        for resource, model in RESOURCES.items():
            for located in read_resource(root, resource, model, max_file_bytes, check):
                stage(check, resource, located)
            check.flush()
    check.check_references()
    check.check_repeated_quotes()
    check_knowledge(check)
    return Plan(check.scratch, check.citation_rows), check.problems


def stage(check: SeedChecker, resource: str, located: Located) -> None:
    """Build one record's rows and stage them, unless its id is taken (a seed's records, or
    the one record of a write)."""
    record_id = located.record.id
    first = check.first_line(resource, record_id)
    if first is not None:
        reason = f"duplicate id {record_id!r} (first at line {first})"
        check.report(located, ("id",), reason)
        return
    check.seq += 1
    built = BUILDERS[resource](check, located)
    if resource == "quotes":
        _stage_words(check, located)
    note_replaced(resource, located, built)
    note_record(check, resource, located)
    main, children, digest = None, None, None
    if built is not None:
        main, children = as_json(built.main), as_json(built.children)
        digest = content_hash(main, children)
    check.stage_record(resource, record_id, located.line, main, children, digest)


def _stage_words(check: SeedChecker, located: Located) -> None:
    record = located.record
    row = (words_key(record.speaker, record.text), check.seq, record.id, located.file)
    check.scratch.append("quote_words", (*row, located.line_for("text")))


def words_key(speaker: str, text: str) -> bytes:
    """What two quotes share when one speaker says the same words in both."""
    return hashlib.sha256(f"{speaker}\0{text}".encode()).digest()
