"""No attributed quote in the source documents is left out of the seed.

Every quoted span in every document (text inside ' ', " ", \u2018 \u2019 or \u201c \u201d) must
either be held by a quote record of seed/quotes.yaml (a citation of that quote in the same document
covers the span, and the span's words are in the quote's text or the other way round), or be listed
with a reason in tests/seed/quoted_spans_reviewed.yaml (scare quotes, names, headlines, off-topic
sidebars). A reporter may cut one remark into several quoted spans of one sentence: a quote that
holds one span of an excerpt it is cited with holds the excerpt's other spans too, so the remark
need not be split into several records. Needs no database: only the seed files and the documents.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seed"
REVIEWED = Path(__file__).resolve().with_name("quoted_spans_reviewed.yaml")

LEFT_DOUBLE, RIGHT_DOUBLE = "\u201c", "\u201d"
LEFT_SINGLE, RIGHT_SINGLE = "\u2018", "\u2019"
SINGLE_OPENERS = "'" + LEFT_SINGLE
SINGLE_CLOSERS = "'" + RIGHT_SINGLE
# An opening single quote follows the start of a line, whitespace, an opening bracket, another
# opening quote or a dash; one inside a word (Russia's, don't) is an apostrophe.
BEFORE_OPENER = set(' \t([{"-\u2013\u2014' + LEFT_DOUBLE + LEFT_SINGLE)
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True)
class Span:
    start: int  # code-point offset of the first character inside the marks
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def words(text: str) -> tuple[str, ...]:
    return tuple(word.replace("\u2019", "'") for word in WORD.findall(text.casefold()))


def contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    if not inner:
        return False
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _single_quoted(line: str, base: int) -> tuple[list[Span], list[int]]:
    spans: list[Span] = []
    unclosed: list[int] = []
    i = 0
    while i < len(line):
        opens = (
            line[i] in SINGLE_OPENERS
            and (i == 0 or line[i - 1] in BEFORE_OPENER)
            and i + 1 < len(line)
            and not line[i + 1].isspace()
        )
        if not opens:
            i += 1
            continue
        close = next(
            (
                j
                for j in range(i + 1, len(line))
                if line[j] in SINGLE_CLOSERS
                and not line[j - 1].isspace()
                and (j + 1 == len(line) or not line[j + 1].isalnum())
            ),
            None,
        )
        if close is None:
            unclosed.append(base + i)
            i += 1
            continue
        spans.append(Span(base + i + 1, line[i + 1 : close]))
        i = close + 1
    return spans, unclosed


def quoted_spans(text: str) -> tuple[list[Span], list[int]]:
    """The quoted spans of a text, and the offsets of quote marks that open and never close.

    Quotations in the captured pages never run over a line break, so each line is read alone.
    """
    spans: list[Span] = []
    unclosed: list[int] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(), line_match.start()
        straight = [i for i, char in enumerate(line) if char == '"']
        for open_at, close_at in zip(straight[0::2], straight[1::2], strict=False):
            spans.append(Span(base + open_at + 1, line[open_at + 1 : close_at]))
        if len(straight) % 2:
            unclosed.append(base + straight[-1])
        pattern = f"{LEFT_DOUBLE}([^{RIGHT_DOUBLE}\n]*){RIGHT_DOUBLE}"
        for match in re.finditer(pattern, line):
            spans.append(Span(base + match.start(1), match.group(1)))
        curly_open = line.count(LEFT_DOUBLE) - line.count(RIGHT_DOUBLE)
        if curly_open > 0:
            unclosed.append(base + line.rindex(LEFT_DOUBLE))
        single, single_unclosed = _single_quoted(line, base)
        spans.extend(single)
        unclosed.extend(single_unclosed)
    return sorted(spans, key=lambda span: span.start), sorted(unclosed)


def excerpt_offsets(text: str, excerpt: str, start: int | None) -> list[int]:
    if start is not None:
        return [start] if text.startswith(excerpt, start) else []
    found: list[int] = []
    at = text.find(excerpt)
    while at >= 0:
        found.append(at)
        at = text.find(excerpt, at + 1)
    return found


@dataclass(frozen=True)
class Holder:
    """A quote's text, and where one of its citations stands in one document."""

    quote_id: str
    words: tuple[str, ...]
    start: int
    end: int


def holders_by_document(seed: Path) -> dict[str, list[Holder]]:
    files = {source["id"]: source["file"] for source in load_yaml(seed / "sources.yaml")}
    texts = {source_id: read_text(seed / file) for source_id, file in files.items()}
    holders: dict[str, list[Holder]] = {Path(file).name: [] for file in files.values()}
    for quote in load_yaml(seed / "quotes.yaml"):
        for citation in quote["citations"]:
            text = texts[citation["source"]]
            excerpt = citation["excerpt"]
            for at in excerpt_offsets(text, excerpt, citation.get("start")):
                holders[Path(files[citation["source"]]).name].append(
                    Holder(quote["id"], words(quote["text"]), at, at + len(excerpt))
                )
    return holders


def is_held(span: Span, holders: list[Holder]) -> bool:
    span_words = words(span.text)
    return any(
        holder.start <= span.start
        and span.end <= holder.end
        and (contains(holder.words, span_words) or contains(span_words, holder.words))
        for holder in holders
    )


def held(spans: list[Span], holders: list[Holder]) -> set[Span]:
    """The spans held by a quote: by its words, or as another part of a remark it holds."""
    by_words = {span for span in spans if is_held(span, holders)}
    holding = [holder for holder in holders if any(is_held(span, [holder]) for span in by_words)]
    return by_words | {
        span
        for span in spans
        if any(holder.start <= span.start and span.end <= holder.end for holder in holding)
    }


def uncovered(
    documents: dict[str, str], holders: dict[str, list[Holder]], reviewed: list[dict[str, Any]]
) -> list[str]:
    """Every problem: unheld, unreviewed spans; unclosed quote marks; stale review entries."""
    listed = {(entry["document"], entry["start"]): entry for entry in reviewed}
    problems: list[str] = []
    seen: set[tuple[str, int]] = set()
    for name, text in sorted(documents.items()):
        spans, unclosed = quoted_spans(text)
        kept = held(spans, holders.get(name, []))
        for span in spans:
            key = (name, span.start)
            entry = listed.get(key)
            if entry is not None:
                seen.add(key)
                if entry["span"] != span.text:
                    problems.append(
                        f"{name} @{span.start}: reviewed span {entry['span']!r} "
                        f"but the document has {span.text!r}"
                    )
                continue
            if span not in kept:
                problems.append(
                    f"{name} @{span.start}: quoted span {span.text!r} is held by no quote "
                    f"record and is not listed in {REVIEWED.name}"
                )
        for offset in unclosed:
            if (name, offset) not in listed:
                problems.append(f"{name} @{offset}: a quote mark opens here and never closes")
            seen.add((name, offset))
    for key, entry in listed.items():
        if not str(entry.get("reason", "")).strip():
            problems.append(f"{key[0]} @{key[1]}: reviewed span {entry['span']!r} has no reason")
        if key not in seen:
            problems.append(
                f"{key[0]} @{key[1]}: reviewed span {entry['span']!r} is not a quoted span "
                "of the document (stale entry?)"
            )
    return problems


def real_documents() -> dict[str, str]:
    return {path.name: read_text(path) for path in sorted((SEED / "documents").glob("*.txt"))}


def test_every_quoted_span_is_held_or_reviewed() -> None:
    reviewed = load_yaml(REVIEWED) or []
    problems = uncovered(real_documents(), holders_by_document(SEED), reviewed)
    assert problems == [], "\n".join(problems)


def test_the_documents_have_quoted_spans_to_check() -> None:
    total = sum(len(quoted_spans(text)[0]) for text in real_documents().values())
    assert total > 50


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Russia's envoy and Kyiv's allies don't agree.", []),
        ("He said 'coming days', then 'in principle'.", ["coming days", "in principle"]),
        ("set for \u2018coming days' by Moscow", ["coming days"]),
        ("'It's a long time,' he said.", ["It's a long time,"]),
        (
            'a "listening exercise" and "all the issues "in',
            ["listening exercise", "all the issues "],
        ),
        (
            "\u201cNext time in Moscow,\u201d he said \u201cPutin\u2019s court.\u201d",
            ["Next time in Moscow,", "Putin\u2019s court."],
        ),
    ],
)
def test_the_scanner_tells_quotes_from_apostrophes(line: str, expected: list[str]) -> None:
    assert [span.text for span in quoted_spans(line)[0]] == expected


def test_an_unlisted_unheld_quote_fails() -> None:
    text = "Intro.\nThe minister said \u201cwe will never agree\u201d on Monday.\n"
    holder = Holder("other", words("something else entirely"), 0, len(text))
    problems = uncovered({"x.txt": text}, {"x.txt": [holder]}, [])
    assert problems == [
        "x.txt @26: quoted span 'we will never agree' is held by no quote record "
        f"and is not listed in {REVIEWED.name}"
    ]


def test_a_quote_cited_elsewhere_does_not_hold_a_span() -> None:
    text = "First 'a long time' here.\nSecond line.\n"
    far_away = Holder("q", words("a long time"), 26, len(text))
    assert not is_held(quoted_spans(text)[0][0], [far_away])
    assert is_held(quoted_spans(text)[0][0], [Holder("q", words("a long time"), 0, 25)])


def test_one_remark_cut_into_spans_of_one_excerpt_is_one_quote() -> None:
    text = "Putin called it \u201cconstructive\u201d and held in \u201ca respectful mood\u201d.\n"
    sentence = Holder("putin-constructive", words("constructive"), 0, len(text) - 1)
    assert uncovered({"x.txt": text}, {"x.txt": [sentence]}, []) == []
    elsewhere = Holder("other", words("something else"), 0, len(text) - 1)
    problems = uncovered({"x.txt": text}, {"x.txt": [elsewhere]}, [])
    assert len(problems) == 2, problems


def test_a_reviewed_entry_must_match_the_document() -> None:
    text = "He called it 'insignificant'.\n"
    stale = [{"document": "x.txt", "start": 3, "span": "called", "reason": "headline"}]
    problems = uncovered({"x.txt": text}, {}, stale)
    assert any("stale entry" in problem for problem in problems)
    assert any("'insignificant'" in problem for problem in problems)
