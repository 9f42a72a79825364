"""Check a generated (JSONL) seed: ids, references and every citation.

    python bench/verify_seed.py SEED_DIR

Independent of the app's loader: every excerpt occurs in its document (exactly once, or at
its given `start`), every quote text occurs in each excerpt citing it, ids are unique
slugs, references resolve. Prints a summary; exits 1 on the first 20 problems.
"""

from __future__ import annotations

import json
import re
import sys
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield n, json.loads(line)


def main(argv: list[str]) -> int:
    root = Path(argv[1])
    problems: list[str] = []

    def bad(msg: str) -> None:
        problems.append(msg)
        if len(problems) >= 20:
            raise SystemExit("\n".join(problems) + "\n(stopped after 20 problems)")

    ids: dict[str, set[str]] = {}
    files: dict[str, str] = {}
    for name in ("sources", "actors", "topics", "events", "quotes", "positions"):
        seen: set[str] = set()
        for n, r in records(root / f"{name}.jsonl"):
            rid = r["id"]
            if not SLUG.match(rid):
                bad(f"{name}.jsonl:{n}: id: not a slug: {rid!r}")
            if rid in seen:
                bad(f"{name}.jsonl:{n}: id: duplicate {rid!r}")
            seen.add(rid)
            if name == "sources":
                files[rid] = r["file"]
        ids[name] = seen

    cache: OrderedDict[str, str] = OrderedDict()

    def doc(sid: str) -> str:
        if sid in cache:
            cache.move_to_end(sid)
            return cache[sid]
        text = (root / files[sid]).read_text(encoding="utf-8")
        cache[sid] = text
        if len(cache) > 64:
            cache.popitem(last=False)
        return text

    n_cit = 0

    def check_citations(where: str, cits: list[dict[str, Any]], inner: str | None) -> None:
        nonlocal n_cit
        for c in cits:
            n_cit += 1
            if c["source"] not in files:
                bad(f"{where}: citations: unknown source {c['source']!r}")
                continue
            text = doc(c["source"])
            ex = c["excerpt"]
            if "start" in c:
                if text[c["start"] : c["start"] + len(ex)] != ex:
                    bad(f"{where}: citations: excerpt not at start {c['start']}")
            else:
                k = text.count(ex)
                if k != 1:
                    bad(f"{where}: citations: excerpt occurs {k} times and has no start")
            if inner is not None and inner not in ex:
                bad(f"{where}: citations: quote text not inside excerpt")

    def check_date(where: str, v: str | None) -> None:
        if v is not None and not DATE.match(v):
            bad(f"{where}: bad partial date {v!r}")

    for n, a in records(root / "actors.jsonl"):
        for aff in a.get("affiliations", []):
            if aff["organisation"] is not None and aff["organisation"] not in ids["actors"]:
                bad(f"actors.jsonl:{n}: affiliations: unknown actor")
            check_citations(f"actors.jsonl:{n}", aff["citations"], None)
    for n, e in records(root / "events.jsonl"):
        check_date(f"events.jsonl:{n}: start", e["start"])
        for p in e["participants"]:
            if p["actor"] not in ids["actors"]:
                bad(f"events.jsonl:{n}: participants: unknown actor")
        for t in e["topics"]:
            if t not in ids["topics"]:
                bad(f"events.jsonl:{n}: topics: unknown topic")
        check_citations(f"events.jsonl:{n}", e["citations"], None)
    n_q = 0
    for n, q in records(root / "quotes.jsonl"):
        n_q += 1
        if q["speaker"] not in ids["actors"]:
            bad(f"quotes.jsonl:{n}: speaker: unknown actor")
        if q.get("event") is not None and q["event"] not in ids["events"]:
            bad(f"quotes.jsonl:{n}: event: unknown event")
        for t in q["topics"]:
            if t not in ids["topics"]:
                bad(f"quotes.jsonl:{n}: topics: unknown topic")
        check_date(f"quotes.jsonl:{n}: said_on", q["said_on"])
        if not q["citations"]:
            bad(f"quotes.jsonl:{n}: no citation")
        check_citations(f"quotes.jsonl:{n}", q["citations"], q["text"])
    for n, p in records(root / "positions.jsonl"):
        if p["actor"] not in ids["actors"] or p["topic"] not in ids["topics"]:
            bad(f"positions.jsonl:{n}: unknown actor or topic")
        for qid in p.get("evidence", []):
            if qid not in ids["quotes"]:
                bad(f"positions.jsonl:{n}: evidence: unknown quote")
        check_date(f"positions.jsonl:{n}: held_on", p["held_on"])
        check_citations(f"positions.jsonl:{n}", p["citations"], None)

    if problems:
        print("\n".join(problems))
        return 1
    print(
        "ok: "
        + ", ".join(f"{k}={len(v):,}" for k, v in ids.items())
        + f", citations={n_cit:,}, quotes checked={n_q:,}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
