"""How long the extraction assistant takes over a 5,000-word article, on one core.

    taskset -c 0 .venv/bin/python bench/extract/speed.py [--words 5000] [--runs 7]

The article is the seed's article texts one after another, cut at the paragraph that reaches
the number of words; the extractor knows the whole seed's actors and topics. Prints the first
call and the median, best and worst of the calls after it, in wall time and in the process's
CPU time (which other processes on a shared machine do not inflate).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "extract")]

from known import knowledge  # noqa: E402

from app.extraction.engine import suggest  # noqa: E402
from app.extraction.schema import ArticleSpan  # noqa: E402

SEED = ROOT / "seed"


def long_article(words: int) -> str:
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        for source in yaml.safe_load((SEED / "sources.yaml").read_text(encoding="utf-8")):
            text = (SEED / source["file"]).read_text(encoding="utf-8")
            for article in source["articles"]:
                for paragraph in text[article["start"] : article["end"]].split("\n"):
                    if paragraph.strip() and sum(len(p.split()) for p in paragraphs) < words:
                        paragraphs.append(paragraph.strip())
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    text = long_article(options.words)
    known = knowledge(SEED)
    span = [ArticleSpan(id=None, start=0, end=len(text), published_on=dt.date(2025, 8, 14))]
    times, cpu = [], []
    for _ in range(options.runs + 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = suggest(text, span, known, "speed")
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    cores = len(os.sched_getaffinity(0))
    print(f"{len(text.split())} words, {len(text)} characters, {len(found.quotes)} quotes found")
    print(f"cores this process may use: {cores}")
    for name, taken in (("wall", times), ("CPU", cpu)):
        rest = [t * 1000 for t in taken[1:]]
        print(
            f"{name} time: first call {taken[0] * 1000:.0f} ms; after it median"
            f" {statistics.median(rest):.0f} ms, best {min(rest):.0f} ms, worst {max(rest):.0f} ms"
        )


if __name__ == "__main__":
    main()
