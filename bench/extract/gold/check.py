"""Check the quote gold: every record is the text between quote marks of its document, names a
known actor (or none), lies in its article and is dated as its words say (see RULES.md).

Run: python bench/extract/gold/check.py [--heldout DIR]   (exit 1, one line per problem, when any)
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "bench" / "extract" / "gold"
HELDOUT = ROOT / "bench" / "extract" / "heldout"
SEED = ROOT / "seed"

FIELDS = {
    "start", "end", "text", "group", "cue", "speaker_as_written", "speaker", "speaker_name",
    "date", "date_precision", "date_words", "article", "note",
}  # fmt: skip
REQUIRED = FIELDS - {"group", "note"}
# The two families of marks: a span opens and closes with marks of one family, in either
# direction, since pages print a left mark where a right one belongs (‘coming days', decision.“).
MARKS = ('"\u201c\u201d', "'\u2018\u2019")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip
PERIOD = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "week": re.compile(r"^(\d{4})-W(\d{2})$"),
          "month": re.compile(r"^(\d{4})-(\d{2})$")}  # fmt: skip


@dataclass(frozen=True)
class Article:
    id: str | None
    start: int
    end: int
    published_on: date


@dataclass
class Document:
    name: str
    text: str
    gold: Path
    articles: list[Article]
    sidebars: list[Article] = field(default_factory=list)
    actor_ids: set[str] | None = None  # None: held-out text, where speaker stays null


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.read()


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def seed_documents() -> list[Document]:
    actor_ids = {actor["id"] for actor in load_yaml(SEED / "actors.yaml")}
    sidebars = load_yaml(GOLD / "sidebars.yaml")
    documents = []
    for source in load_yaml(SEED / "sources.yaml"):
        path = SEED / source["file"]
        articles = [
            Article(a["id"], a["start"], a["end"], as_date(a["published_on"]))
            for a in source["articles"]
        ]
        side = [
            Article(None, s["start"], s["end"], as_date(s["published_on"]))
            for s in sidebars
            if s["file"] == path.name
        ]
        gold = GOLD / f"{path.stem}.yaml"
        documents.append(Document(path.name, read_text(path), gold, articles, side, actor_ids))
    return documents


def heldout_documents(folder: Path = HELDOUT) -> list[Document]:
    """The texts listed in folder/sources.yaml, each one article, with gold in folder/gold/."""
    listing = folder / "sources.yaml"
    if not listing.exists():
        return []
    documents = []
    for source in load_yaml(listing):
        text = read_text(folder / f"{source['slug']}.txt")
        article = Article(source["slug"], 0, len(text), as_date(source["published_on"]))
        gold = folder / "gold" / f"{source['slug']}.yaml"
        documents.append(Document(f"{source['slug']}.txt", text, gold, [article]))
    return documents


def period(value: Any, precision: str) -> tuple[date, date]:
    """The first and last day of a gold date at its precision."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    match = PERIOD[precision].match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a {precision}")
    if precision == "day":
        day = date.fromisoformat(text)
        return day, day
    year, number = int(match[1]), int(match[2])
    if precision == "week":
        monday = date.fromisocalendar(year, number, 1)
        return monday, monday + timedelta(days=6)
    first = date(year, number, 1)
    following = date(year + number // 12, number % 12 + 1, 1)
    return first, following - timedelta(days=1)


def resolve(words: str, published: date) -> tuple[date, date] | None:
    """The period that dating words give, counted from the article's date; None for words of
    another kind ("Earlier", "ahead of the call"), which are only checked to be in the text."""
    lowered = words.casefold()
    for index, weekday in enumerate(WEEKDAYS):
        if re.search(rf"\b{weekday}\b", lowered):
            day = published - timedelta(days=(published.weekday() - index) % 7)
            return day, day
    if "yesterday" in lowered:
        day = published - timedelta(days=1)
        return day, day
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", lowered):
        return published, published
    monday = published - timedelta(days=published.weekday())
    if "last week" in lowered:
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if "this week" in lowered:
        return monday, monday + timedelta(days=6)
    for index, month in enumerate(MONTHS, start=1):
        match = re.search(rf"\b{month}\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+{month}\b", lowered)
        if match:
            day = date(published.year, index, int(match[1] or match[2]))
            day = day if day <= published else day.replace(year=published.year - 1)
            return day, day
    return None


def check_marks(text: str, start: int, end: int, run_on: bool) -> str | None:
    """None when [start, end) has an opening mark before it and a closing mark of the same
    family after it (blanks between allowed); a span of a group (run_on) may instead end where
    its paragraph does: a quote running on over paragraphs is closed only where it ends."""
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    for family in MARKS:
        if before < 0 or text[before] not in family:
            continue
        if after < len(text) and text[after] in family:
            return None
        if run_on and (after == len(text) or text[after] == "\n"):
            return None
    return f"no quote marks of one family around [{start}, {end})"


def check_date(record: dict[str, Any], document: Document, article: Article) -> list[str]:
    precision = record["date_precision"]
    if precision not in PERIOD:
        return [f"date_precision {precision!r} is not day, week or month"]
    try:
        first, last = period(record["date"], precision)
    except ValueError as error:
        return [f"date: {error}"]
    problems = []
    if first > article.published_on:
        problems.append(f"date {record['date']} is after its article's {article.published_on}")
    words = record["date_words"]
    if words is None:
        if not first <= article.published_on <= last:
            problems.append("a date other than the article's needs date_words")
        return problems
    if words not in document.text[article.start : article.end]:
        problems.append(f"date_words {words!r} are not in the article")
    given = resolve(words, article.published_on)
    if given is not None and not (first <= given[0] and given[1] <= last):
        problems.append(f"date_words {words!r} give {given[0]}..{given[1]}, not {record['date']}")
    return problems


def article_of(record: dict[str, Any], document: Document) -> Article | str:
    start, end = record["start"], record["end"]
    if record["article"] is None:
        for sidebar in document.sidebars:
            if sidebar.start <= start and end <= sidebar.end:
                return sidebar
        return "article null but the span is in no sidebar of sidebars.yaml"
    for article in document.articles:
        if article.id == record["article"]:
            if article.start <= start and end <= article.end:
                return article
            return f"span is outside article {article.id} [{article.start}, {article.end})"
    return f"unknown article {record['article']!r}"


def check_record(record: dict[str, Any], document: Document) -> list[str]:
    keys = set(record)
    if not REQUIRED <= keys <= FIELDS:
        return [f"fields missing {sorted(REQUIRED - keys)} or unknown {sorted(keys - FIELDS)}"]
    start, end, text = record["start"], record["end"], document.text
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"bad offsets [{start}, {end})"]
    problems = []
    if text[start:end] != record["text"]:
        problems.append(f"text is not document[{start}:{end}] = {text[start:end]!r}")
    if record["text"] != record["text"].strip():
        problems.append("text starts or ends with whitespace")
    problems.append(check_marks(text, start, end, record.get("group") is not None) or "")
    speaker = record["speaker"]
    if document.actor_ids is None and speaker is not None:
        problems.append("speaker must be null in a held-out text")
    if document.actor_ids is not None and speaker is not None and speaker not in document.actor_ids:
        problems.append(f"speaker {speaker!r} is not in seed/actors.yaml")
    if not record["speaker_name"]:
        problems.append("speaker_name is empty")
    for key in ("speaker_as_written", "cue"):
        if record[key] is not None and record[key] not in text:
            problems.append(f"{key} {record[key]!r} is not in the text")
    if not record["speaker_as_written"]:
        problems.append("speaker_as_written is empty")
    article = article_of(record, document)
    if isinstance(article, str):
        return [p for p in problems if p] + [article]
    return [p for p in problems if p] + check_date(record, document, article)


def check_document(document: Document) -> tuple[int, list[str]]:
    if not document.gold.exists():
        return 0, [f"{document.gold.name}: missing"]
    records = load_yaml(document.gold) or []
    problems = []
    for index, record in enumerate(records):
        for problem in check_record(record, document):
            problems.append(f"{document.gold.name}[{index}] ({record.get('start')}): {problem}")
    starts = [(r.get("start", 0), r.get("end", 0)) for r in records]
    if starts != sorted(starts):
        problems.append(f"{document.gold.name}: records are not in the order of the text")
    for (_, end), (start, _) in pairwise(starts):
        if start < end:
            problems.append(f"{document.gold.name}: spans overlap at {start}")
    problems += check_groups(document.gold.name, records)
    return len(records), problems


def check_groups(name: str, records: list[dict[str, Any]]) -> list[str]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record.get("group") is not None:
            groups.setdefault(str(record["group"]), []).append(record)
    problems = []
    for group, members in groups.items():
        if len(members) < 2:
            problems.append(f"{name}: group {group} has one record")
        if len({(m["speaker_name"], m["article"], str(m["date"])) for m in members}) > 1:
            problems.append(f"{name}: group {group} mixes speakers, articles or dates")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, default=HELDOUT, help="folder of held-out texts")
    arguments = parser.parse_args(argv)
    total, failed = 0, []
    for document in seed_documents() + heldout_documents(arguments.heldout):
        count, problems = check_document(document)
        total += count
        failed += problems
        print(f"{document.name}: {count} records, {len(problems)} problems")
    for problem in failed:
        print(problem)
    print(f"{total} records, {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
