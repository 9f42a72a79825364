"""Score the extraction assistant against a gold annotation.

    .venv/bin/python bench/extract/score.py [--mode leave-one-out|full|heldout|all] [--out FILE]

Gold: bench/extract/gold/<document stem>.yaml for the seed's documents, and, for held-out texts,
bench/extract/heldout/<stem>.txt with <stem>.yaml beside it (or in heldout/gold/) and
heldout/SOURCES.md giving each text's publication date. A gold record: start, end (exclusive
offsets in the text), text, group, cue, speaker_as_written, speaker (actor id or null),
speaker_name, date (ISO), date_precision, date_words, article.

Stretches of a seed document that are no article of the seed but that the gold annotates
(gold/sidebars.yaml: id, file, published_on, start, end) are read like articles.

Modes: leave-one-out (each seed document read knowing only the actors and topics that the
records citing the other four name: the diagnostic), full (knowing the whole seed: an upper
bound, the answer key's own actors), heldout (texts never seen while the rules were written,
knowing the whole seed: the figure that decides).

Figures: quote spans, precision and recall, exact and with overlap >= 0.8 (characters in
common over characters in either span, each gold span matched to at most one found span and
the other way round, best overlaps first); speakers, accuracy over the gold spans found; dates,
accuracy over the gold spans found that the gold dates. Misses are listed per text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, utils

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "extract")]

from known import knowledge  # noqa: E402

from app.extraction.engine import suggest  # noqa: E402
from app.extraction.knowledge import Knowledge  # noqa: E402
from app.extraction.schema import ArticleSpan, QuoteSuggestion  # noqa: E402
from app.loader.dates import PartialDate, parse_partial_date  # noqa: E402

HERE = ROOT / "bench" / "extract"
SEED = ROOT / "seed"
OVERLAP = 0.8
SAME_NAME = 85  # out of 100: a new actor's name as found and as the gold writes it


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    actor: str | None
    name: str | None
    as_written: str | None
    date: PartialDate | None
    date_words: str | None


@dataclass
class Score:
    name: str
    gold: int = 0
    found: int = 0
    exact: int = 0  # pairs matched exactly
    matched: int = 0  # pairs matched with overlap >= 0.8
    speakers_right: int = 0
    dated: int = 0
    dates_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "exact", "matched", "speakers_right", "dated", "dates_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = min(a[1], b[1]) - max(a[0], b[0])
    return max(common, 0) / (max(a[1], b[1]) - min(a[0], b[0]))


def pairs(gold: list[dict[str, Any]], found: list[Found], least: float) -> dict[int, int]:
    """Gold index -> found index, one-to-one, best overlaps first."""
    scored = sorted(
        (
            (overlap((g["start"], g["end"]), (f.start, f.end)), gi, fi)
            for gi, g in enumerate(gold)
            for fi, f in enumerate(found)
        ),
        reverse=True,
    )
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for value, gi, fi in scored:
        if value >= least and gi not in chosen and fi not in taken:
            chosen[gi] = fi
            taken.add(fi)
    return chosen


def gold_date(record: dict[str, Any]) -> PartialDate | None:
    value, precision = record.get("date"), record.get("date_precision") or "day"
    if value in (None, ""):
        return None
    date = parse_partial_date(str(value))
    if date.on is None:
        return None
    if precision == "week":
        return parse_partial_date(f"{date.on.isocalendar()[0]}-W{date.on.isocalendar()[1]:02d}")
    if precision == "month":
        return parse_partial_date(date.on.strftime("%Y-%m"))
    return date


def same_name(found: Found, record: dict[str, Any]) -> bool:
    ours = [n for n in (found.name, found.as_written) if n]
    theirs = [n for n in (record.get("speaker_name"), record.get("speaker_as_written")) if n]
    return any(
        fuzz.token_set_ratio(a, b, processor=utils.default_process) >= SAME_NAME
        for a in ours
        for b in theirs
    )


def speaker_right(found: Found, record: dict[str, Any], known: set[str]) -> bool:
    gold = record.get("speaker")
    if gold and gold in known:
        return found.actor == gold
    if not gold and not record.get("speaker_name") and not record.get("speaker_as_written"):
        return found.name is None
    return found.actor is None and found.name is not None and same_name(found, record)


def flatten(quotes: list[QuoteSuggestion]) -> list[Found]:
    spans = []
    for quote in quotes:
        speaker = quote.speaker
        date = parse_partial_date(quote.said_on.date)
        words = quote.said_on.words.text if quote.said_on.words else None
        for part in quote.parts:
            spans.append(
                Found(
                    part.start,
                    part.end,
                    part.text,
                    speaker.actor if speaker else None,
                    speaker.name if speaker else None,
                    speaker.as_written if speaker else None,
                    date,
                    words,
                )
            )
    return spans


def score_text(
    name: str, text: str, articles: list[ArticleSpan], gold: list[dict[str, Any]], known: Knowledge
) -> Score:
    found = flatten(suggest(text, articles, known, "scored").quotes)
    result = Score(name, gold=len(gold), found=len(found))
    exact = {gi for gi, fi in pairs(gold, found, 1.0).items()}
    result.exact = len(exact)
    matched = pairs(gold, found, OVERLAP)
    result.matched = len(matched)
    ids = {a.id for a in known.actors}
    for gi, record in enumerate(gold):
        start, end = record["start"], record["end"]
        where = f"[{start}:{end}] {short(record.get('text') or text[start:end])}"
        if gi not in matched:
            result.misses.append(f"span not found: {where}")
            continue
        ours = found[matched[gi]]
        if (ours.start, ours.end) != (start, end):
            result.misses.append(
                f"span differs: found [{ours.start}:{ours.end}] {short(ours.text)}, gold {where}"
            )
        if speaker_right(ours, record, ids):
            result.speakers_right += 1
        else:
            gold_speaker = record.get("speaker") or f"new {record.get('speaker_name')!r}"
            result.misses.append(
                f"speaker {ours.actor or f'new {ours.name!r}'} (as written {ours.as_written!r}),"
                f" gold {gold_speaker} ({record.get('speaker_as_written')!r}): {where}"
            )
        expected = gold_date(record)
        if expected is not None:
            result.dated += 1
            if ours.date == expected:
                result.dates_right += 1
            else:
                result.misses.append(
                    f"date {ours.date and ours.date.on} ({ours.date_words!r}), gold {expected.on}"
                    f" {expected.precision.value} ({record.get('date_words')!r}): {where}"
                )
    unmatched = set(range(len(found))) - set(matched.values())
    for fi in sorted(unmatched, key=lambda i: found[i].start):
        result.misses.append(
            f"found, not in gold: [{found[fi].start}:{found[fi].end}] {short(found[fi].text)}"
        )
    return result


def short(words: str, limit: int = 70) -> str:
    words = " ".join(words.split())
    return repr(words if len(words) <= limit else words[: limit - 1] + "…")


def read_gold(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [])
    return sorted(data, key=lambda r: (r["start"], r["end"]))


def seed_texts(
    gold_dir: Path, leave_one_out: bool
) -> list[tuple[str, str, list[ArticleSpan], list[dict[str, Any]], Knowledge]]:
    sources = yaml.safe_load((SEED / "sources.yaml").read_text(encoding="utf-8"))
    everything = knowledge(SEED)
    texts = []
    for source in sources:
        stem = Path(source["file"]).stem
        gold = gold_dir / f"{stem}.yaml"
        if not gold.is_file():
            sys.exit(f"no gold annotation at {gold}")
        articles = [
            ArticleSpan(id=a["id"], start=a["start"], end=a["end"], published_on=a["published_on"])
            for a in [*source["articles"], *sidebars(gold_dir, Path(source["file"]).name)]
        ]
        known = knowledge(SEED, source["id"]) if leave_one_out else everything
        text = (SEED / source["file"]).read_text(encoding="utf-8")
        texts.append((stem, text, articles, read_gold(gold), known))
    return texts


def sidebars(gold_dir: Path, file: str) -> list[dict[str, Any]]:
    """The stretches of a document that the gold annotates though they are no article of the
    seed (off-topic "Related Articles"), each with its own date: read like articles."""
    path = gold_dir / "sidebars.yaml"
    listed = yaml.safe_load(path.read_text(encoding="utf-8")) or [] if path.is_file() else []
    return [s for s in listed if s["file"] == file]


DATE = r"\d{4}-\d{2}-\d{2}"


def published_dates(folder: Path) -> dict[str, dt.date]:
    """Each held-out text's date: its `published_on` in sources.yaml where there is one, else
    the first date on a line of SOURCES.md that names it."""
    listed = folder / "sources.yaml"
    if listed.is_file():
        entries = yaml.safe_load(listed.read_text(encoding="utf-8"))
        return {e["slug"]: dt.date.fromisoformat(str(e["published_on"])) for e in entries}
    listing = (folder / "SOURCES.md").read_text(encoding="utf-8")
    dates = {}
    for path in sorted(folder.glob("*.txt")):
        dated = (re.search(DATE, ln) for ln in listing.splitlines() if path.stem in ln)
        match = next((found for found in dated if found), None)
        if match is None:
            sys.exit(f"SOURCES.md gives no YYYY-MM-DD date on a line naming {path.name}")
        dates[path.stem] = dt.date.fromisoformat(match[0])
    return dates


def heldout_texts(
    folder: Path,
) -> list[tuple[str, str, list[ArticleSpan], list[dict[str, Any]], Knowledge]]:
    everything = knowledge(SEED)
    texts = []
    for stem, on in published_dates(folder).items():
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        gold = next(
            (
                p
                for p in (
                    folder / f"{stem}.yaml",
                    folder / "gold" / f"{stem}.yaml",
                )
                if p.is_file()
            ),
            None,
        )
        if gold is None:
            sys.exit(f"no gold annotation for heldout/{stem}.txt")
        articles = [ArticleSpan(id=None, start=0, end=len(text), published_on=on)]
        texts.append((stem, text, articles, read_gold(gold), everything))
    return texts


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "–"


def report(title: str, scores: list[Score]) -> str:
    total = Score("all")
    for each in scores:
        total.add(each)
    lines = [
        f"### {title}",
        "",
        "| text | gold | found | exact P | exact R | P (0.8) | R (0.8) | speakers | dates |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in [*scores, total]:
        lines.append(
            f"| {s.name} | {s.gold} | {s.found}"
            f" | {percent(s.exact, s.found)} | {percent(s.exact, s.gold)}"
            f" | {percent(s.matched, s.found)} | {percent(s.matched, s.gold)}"
            f" | {percent(s.speakers_right, s.matched)} ({s.speakers_right}/{s.matched})"
            f" | {percent(s.dates_right, s.dated)} ({s.dates_right}/{s.dated}) |"
        )
    for s in scores:
        if s.misses:
            lines += ["", f"Misses in {s.name}:", ""] + [f"- {m}" for m in s.misses]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mode", choices=["leave-one-out", "full", "heldout", "all"], default="all"
    )
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    parser.add_argument("--gold", type=Path, default=HERE / "gold", help="the seed texts' gold")
    parser.add_argument(
        "--heldout",
        type=Path,
        default=HERE / "heldout",
        help="the held-out texts, their SOURCES.md and gold (a folder outside the repository "
        "where their licence or origin keeps them out of it)",
    )
    options = parser.parse_args()
    modes = ["leave-one-out", "full", "heldout"] if options.mode == "all" else [options.mode]
    parts = []
    for mode in modes:
        if mode == "heldout" and not (options.heldout / "SOURCES.md").is_file():
            parts.append(f"### heldout\n\nNo held-out texts ({options.heldout}/SOURCES.md).\n")
            continue
        texts = (
            heldout_texts(options.heldout)
            if mode == "heldout"
            else seed_texts(options.gold, mode == "leave-one-out")
        )
        started = time.perf_counter()
        scores = [
            score_text(name, text, arts, gold, known) for name, text, arts, gold, known in texts
        ]
        took = time.perf_counter() - started
        parts.append(report(f"{mode} ({len(texts)} texts, {took:.2f} s)", scores))
    output = "\n".join(parts)
    print(output)
    if options.out:
        options.out.write_text(output, encoding="utf-8")


if __name__ == "__main__":
    main()
