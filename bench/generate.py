"""Deterministic synthetic seed generator for Summit KB benchmarks.

    python bench/generate.py OUT_DIR --quotes 1000000 [--seed 1]

Writes OUT_DIR/documents/NNN/NNNNNN.txt (source texts) and
OUT_DIR/{sources,actors,topics,events,quotes,positions}.jsonl in the seed format of
seed/README.md. Every citation excerpt occurs verbatim in its document (with `start`
where it occurs more than once) and every quote text occurs in each of its excerpts. A dated
quote or event says when in its first excerpt ("on Tuesday", "last week"), the words its
`dated_by` gives, as the loader resolves them against that excerpt's article.

Proportions (for N quotes): N/500 actors, N/10 sources, N/10,000 topics (at least 5),
N/50 events, N/100 positions; dates spread over ten years (2016-01-01 .. 2025-12-31).
Speakers and words are Zipf-distributed, so two-word full-text searches have realistic
selectivity. Memory stays bounded: sources are generated and written one at a time.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

try:
    import orjson

    def dumps(obj: Any) -> bytes:
        return orjson.dumps(obj) + b"\n"

except ImportError:  # pragma: no cover - fallback when orjson is absent
    import json

    def dumps(obj: Any) -> bytes:
        return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


START_DATE = dt.date(2016, 1, 1)
END_DATE = dt.date(2025, 12, 31)
DOCS_PER_FOLDER = 1000


# Real words at the top of the Zipf ranking (function words, then the subject's vocabulary);
# synthetic words fill the long tail.
def _words(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = _words(
    "the of and to we a in that is will not for it be this on with are our they as have "
    "by at from all but an their there what which would can has must been was more who "
    "any no do so if about were these its them than other only also into one should very "
    "now out up some could when those like such how because time people"
)
DOMAIN_WORDS = _words(
    "ceasefire sanctions security peace talks war ukraine russia europe negotiations "
    "territory summit president minister government agreement troops border military "
    "support weapons energy gas oil economy trade tariffs nuclear treaty guarantees "
    "sovereignty occupation aggression dialogue diplomacy meeting proposal deal "
    "conditions frontline offensive drones missiles attack defence alliance nato union "
    "allies partners council parliament election referendum ministry spokesman "
    "statement declaration interests relations cooperation crisis conflict humanitarian "
    "prisoners exchange reconstruction investment assets reparations compromise "
    "withdrawal recognition regions zone corridor grain shipping ports infrastructure "
    "strikes civilians refugees justice tribunal responsibility pressure leverage "
    "commitment principles framework roadmap schedule delegation envoy mediation "
    "consultations briefing press conference counterpart leadership strategy order "
    "stability threat risk escalation deterrence arms control inspection monitoring "
    "observers mission mandate resolution vote veto budget aid package funding loan"
)

CONSONANTS = _words("b c d f g h j k l m n p r s t v z br ch dr gr kr pl sh st tr zh")
VOWELS = _words("a e i o u a e i o u y ia ou")
NAME_VOWELS = [*VOWELS, "é", "ö", "á"]

PUBLISHERS = [
    "Daily Courier",
    "Global Wire",
    "Evening Herald",
    "Capital Post",
    "Northern Times",
    "Eastern Review",
    "Continental Press",
    "World Dispatch",
    "Morning Ledger",
    "Harbour Gazette",
    "Atlas News Agency",
    "Meridian Report",
]
ROLES = [
    "spokesman",
    "minister",
    "deputy minister",
    "adviser",
    "ambassador",
    "chairman",
    "secretary",
    "envoy",
    "director",
    "commander",
    "member",
    "president",
]
EVENT_KINDS = [
    "summit",
    "meeting",
    "talks",
    "call",
    "statement",
    "press-conference",
    "briefing",
    "announcement",
    "military",
    "poll",
    "visit",
    "other",
]
EVENT_KIND_WEIGHTS = [1, 10, 6, 6, 8, 5, 8, 5, 4, 1, 3, 2]
STANCES = ["supports", "opposes", "conditional", "mixed"]
STANCE_VERBS = {
    "supports": "backs",
    "opposes": "rejects",
    "conditional": "would accept only with conditions",
    "mixed": "is divided over",
}
SAY_TEMPLATES = [
    "“{text},” {name} said.",
    "“{text},” {name} told reporters on {weekday}.",
    "{name} said: “{text}.”",
    "“{text}” — {name} wrote in a statement.",
    "According to {name}, “{text}…”",
    "“{text},” said {name} at a briefing in {place}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return SLUG_RE.sub("-", ascii_text.lower()).strip("-")


def zipf_cum_weights(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (r**s) for r in range(1, n + 1)))


class ZipfSampler:
    """Draws items by Zipf rank (item 0 is the most frequent)."""

    def __init__(self, items: Sequence[Any], s: float, rng: random.Random) -> None:
        self.items = list(items)
        self.cum = zipf_cum_weights(len(self.items), s)
        self.total = self.cum[-1]
        self.hi = len(self.items) - 1
        self.random = rng.random

    def one(self) -> Any:
        return self.items[bisect.bisect(self.cum, self.random() * self.total, 0, self.hi)]

    def many(self, k: int) -> list[Any]:
        items, cum, total, hi, rnd, bis = (
            self.items,
            self.cum,
            self.total,
            self.hi,
            self.random,
            bisect.bisect,
        )
        return [items[bis(cum, rnd() * total, 0, hi)] for _ in range(k)]


def make_word(rng: random.Random, vowels: Sequence[str], min_syl: int, max_syl: int) -> str:
    return "".join(
        rng.choice(CONSONANTS) + rng.choice(vowels) for _ in range(rng.randint(min_syl, max_syl))
    )


def make_vocabulary(size: int, seed: int) -> list[str]:
    """Words by Zipf rank: function words, domain words, then synthetic words."""
    rng = random.Random(f"vocab-{seed}")
    words: list[str] = []
    seen: set[str] = set()
    for w in (*FUNCTION_WORDS, *DOMAIN_WORDS):
        if w not in seen:
            seen.add(w)
            words.append(w)
    head = len(words)
    # Interleave: the domain words are not all more frequent than every synthetic word.
    synthetic: list[str] = []
    while len(words) + len(synthetic) < size:
        w = make_word(rng, VOWELS, 1, 4)
        if len(w) >= 3 and w not in seen:
            seen.add(w)
            synthetic.append(w)
    tail = words[len(FUNCTION_WORDS) : head]
    out = words[: len(FUNCTION_WORDS)]
    # place domain words at ranks spread over the first ~2,000 positions
    step = max(1, 2000 // max(1, len(tail)))
    si = 0
    for dw in tail:
        out.append(dw)
        out.extend(synthetic[si : si + step - 1])
        si += step - 1
    out.extend(synthetic[si:])
    return out[:size]


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def partial_date(d: dt.date, rng: random.Random, partial_fraction: float) -> str | None:
    if rng.random() >= partial_fraction:
        return d.isoformat()
    r = rng.random()
    if r < 0.35:
        return iso_week(d)
    if r < 0.7:
        return f"{d.year}-{d.month:02d}"
    if r < 0.85:
        return str(d.year)
    return None


def dating_words(written: str | None, on: dt.date, article_day: dt.date) -> str | None:
    """Words that give the date `written` (of the day `on`, at most a few days before
    `article_day`) counted from the article's day, at the date's precision."""
    if written is None:
        return None
    if len(written) == 10:
        return f"on {WEEKDAYS[on.weekday()]}"
    if "-W" in written:
        same = on.isocalendar()[:2] == article_day.isocalendar()[:2]
        return "this week" if same else "last week"
    if len(written) == 7:
        return (
            "this month"
            if (on.year, on.month) == (article_day.year, article_day.month)
            else "last month"
        )
    return "this year" if on.year == article_day.year else "last year"


class Generator:
    def __init__(self, out: Path, quotes: int, seed: int, partial_fraction: float) -> None:
        self.out = out
        self.n_quotes = quotes
        self.seed = seed
        self.partial_fraction = partial_fraction
        self.rng = random.Random(seed)
        self.n_actors = max(10, quotes // 500)
        self.n_sources = max(5, quotes // 10)
        self.n_topics = max(5, quotes // 10_000)
        self.n_events = max(2, quotes // 50)
        self.n_positions = max(2, quotes // 100)
        self.vocab = make_vocabulary(max(2000, min(50_000, quotes // 20)), seed)
        self.words = ZipfSampler(self.vocab, 1.0, self.rng)
        self.stats: dict[str, int] = {}

    # -- static entities -------------------------------------------------------------

    def make_places(self) -> list[str]:
        rng = self.rng
        places = set()
        while len(places) < 300:
            places.add(make_word(rng, VOWELS, 2, 3).capitalize())
        return sorted(places)

    def make_topics(self) -> list[dict[str, Any]]:
        topics = []
        seen: set[str] = set()
        i = 0
        while len(topics) < self.n_topics:
            a, b = self.vocab[100 + (i * 7) % 1500], self.vocab[100 + (i * 13 + 5) % 1500]
            i += 1
            tid = slugify(f"{a}-{b}")
            if a == b or tid in seen:
                continue
            seen.add(tid)
            topics.append(
                {
                    "id": tid,
                    "name": f"{a.capitalize()} {b}",
                    "description": f"Questions of {a} and {b} in the talks.",
                }
            )
        return topics

    def make_actors(self) -> list[dict[str, Any]]:
        rng = self.rng
        actors: list[dict[str, Any]] = []
        seen: set[str] = set()
        names: set[str] = set()
        kinds = rng.choices(
            ["person", "organisation", "state", "group"], [75, 12, 8, 5], k=self.n_actors
        )
        for kind in kinds:
            while True:
                if kind == "person":
                    first = make_word(rng, NAME_VOWELS, 1, 3).capitalize()
                    last = make_word(rng, NAME_VOWELS, 2, 4).capitalize()
                    name = f"{first} {last}"
                    aliases = [last]
                elif kind == "organisation":
                    stem = make_word(rng, VOWELS, 2, 3).capitalize()
                    name = f"{stem} {rng.choice(['Ministry', 'Council', 'Agency', 'Union'])}"
                    aliases = [stem]
                elif kind == "state":
                    name = make_word(rng, VOWELS, 2, 4).capitalize() + rng.choice(
                        ["ia", "land", "stan", ""]
                    )
                    aliases = []
                else:
                    name = f"{make_word(rng, VOWELS, 2, 3).capitalize()} Front"
                    aliases = []
                if name not in names:
                    break
            names.add(name)
            aid = slugify(name)
            if aid in seen:
                aid = f"{aid}-{len(actors)}"
            seen.add(aid)
            article = "An" if kind[0] in "aeiou" else "A"
            actor: dict[str, Any] = {
                "id": aid,
                "name": name,
                "kind": kind,
                "aliases": aliases,
                "description": f"{article} {kind} in the synthetic benchmark dataset.",
                "affiliations": [],
            }
            actors.append(actor)
        return actors

    # -- the main loop ---------------------------------------------------------------

    def run(self) -> None:
        t0 = time.perf_counter()
        rng = self.rng
        out = self.out
        (out / "documents").mkdir(parents=True, exist_ok=True)

        topics = self.make_topics()
        actors = self.make_actors()
        places = self.make_places()
        topic_ids = [t["id"] for t in topics]
        topic_names = {t["id"]: t["name"].lower() for t in topics}
        topic_sampler = ZipfSampler(topic_ids, 1.0, rng)
        # Speakers: Zipf over actors in a random rank order (persons mostly, by count).
        speaker_order = actors[:]
        rng.shuffle(speaker_order)
        speakers = ZipfSampler(speaker_order, 1.0, rng)
        orgs = [a for a in actors if a["kind"] in ("organisation", "state")]

        n_sources = self.n_sources
        span = (END_DATE - START_DATE).days + 1
        source_days = sorted(rng.randrange(span) for _ in range(n_sources))

        # Quotes per source: N spread over the sources (a few more or fewer each).
        q_per_source = self.n_quotes / n_sources
        # Affiliations (persons, 0-2 each) are cited by a random source.
        affil_at: dict[int, list[tuple[dict[str, Any], dict[str, Any], str]]] = {}
        for actor in actors:
            if actor["kind"] != "person" or not orgs:
                continue
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                org = rng.choice(orgs)
                role = rng.choice(ROLES)
                affil_at.setdefault(rng.randrange(n_sources), []).append((actor, org, role))
        # Events and positions: how many each source introduces.
        events_at = [0] * n_sources
        for _ in range(self.n_events):
            events_at[rng.randrange(n_sources)] += 1
        positions_at = [0] * n_sources
        for _ in range(self.n_positions):
            positions_at[rng.randrange(n_sources)] += 1

        files = {
            name: open(out / f"{name}.jsonl", "wb", buffering=1 << 20)  # noqa: SIM115
            for name in ("sources", "events", "quotes", "positions")
        }
        counts = dict.fromkeys(
            ("sources", "events", "quotes", "positions", "affiliations", "citations"), 0
        )
        dup_starts = 0
        quote_seq = 0
        # Quotes re-reported by the next source: (record, text, speaker).
        carry: list[tuple[dict[str, Any], str, dict[str, Any]]] = []
        emitted_quotes = 0
        words_many = self.words.many
        say_choice = SAY_TEMPLATES
        event_seq = 0
        position_seq = 0

        def sentence(k: int) -> str:
            ws = words_many(k)
            return " ".join(ws).capitalize() + "."

        for si in range(n_sources):
            day = START_DATE + dt.timedelta(days=source_days[si])
            publisher = PUBLISHERS[si % len(PUBLISHERS)]
            sid = f"{slugify(publisher)}-{day.isoformat()}-{si}"
            rel = f"documents/{si // DOCS_PER_FOLDER:03d}/{si:06d}.txt"
            title_words = words_many(rng.randint(5, 10))
            title = " ".join(title_words).capitalize()
            published = (
                f"{day.isoformat()}T{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}"
                if rng.random() < 0.5
                else day.isoformat()
            )
            # Paragraphs, with the excerpts we will cite: (paragraph index, offset in it, text).
            paras: list[str] = [title, f"{publisher} — {day.strftime('%d %B %Y')}"]
            cites: list[tuple[int, int, str, Callable[[dict[str, Any]], None]]] = []

            def add_cited(
                para: str,
                excerpt_off: int,
                excerpt: str,
                sink: Callable[[dict[str, Any]], None],
                paras: list[str] = paras,
                cites: list[tuple[int, int, str, Callable[[dict[str, Any]], None]]] = cites,
            ) -> None:
                cites.append((len(paras), excerpt_off, excerpt, sink))
                paras.append(para)

            def filler(paras: list[str] = paras) -> None:
                n = rng.randint(1, 4)
                paras.append(" ".join(sentence(rng.randint(6, 22)) for _ in range(n)))

            filler()
            # events of this source
            local_events: list[dict[str, Any]] = []
            for _ in range(events_at[si]):
                event_seq += 1
                kind = rng.choices(EVENT_KINDS, EVENT_KIND_WEIGHTS)[0]
                place = rng.choice(places)
                ev_topics = sorted({topic_sampler.one() for _ in range(rng.randint(1, 2))})
                parts = []
                seen_p: set[str] = set()
                for _ in range(rng.randint(1, 3)):
                    a = speakers.one()
                    if a["id"] not in seen_p:
                        seen_p.add(a["id"])
                        parts.append({"actor": a["id"], "role": rng.choice(ROLES)})
                ev_day = max(START_DATE, day - dt.timedelta(days=rng.randrange(3)))
                ev = {
                    "id": f"{kind}-{slugify(place)}-{ev_day.isoformat()}-{event_seq}",
                    "title": f"{kind.replace('-', ' ').capitalize()} in {place} on "
                    f"{topic_names[ev_topics[0]]}",
                    "kind": kind,
                    "status": rng.choices(
                        ["held", "planned", "proposed", "cancelled"], [85, 8, 5, 2]
                    )[0],
                    "start": partial_date(ev_day, rng, self.partial_fraction),
                    "end": None,
                    "place": place,
                    "participants": parts,
                    "topics": ev_topics,
                    "description": f"A {kind} about {topic_names[ev_topics[0]]}.",
                    "citations": [],
                }
                excerpt = (
                    f"The {kind.replace('-', ' ')} in {place} on "
                    f"{topic_names[ev_topics[0]]} was number {event_seq} this season"
                )
                ev_words = dating_words(ev["start"], ev_day, day)
                if ev_words is not None:
                    ev["dated_by"] = ev_words
                    excerpt += f", {ev_words}"
                add_cited(
                    excerpt + ", " + sentence(rng.randint(5, 12)).lower(),
                    0,
                    excerpt,
                    ev["citations"].append,
                )
                local_events.append(ev)
            # quotes re-reported from the previous source
            carried = carry
            carry = []
            for q, text, spk in carried:
                tmpl = rng.choice(say_choice)
                para = tmpl.format(
                    text=text,
                    name=spk["name"],
                    weekday=WEEKDAYS[day.weekday()],
                    place=rng.choice(places),
                )
                add_cited(para, 0, para, q["citations"].append)
            # this source's quotes
            n_q = int((si + 1) * q_per_source) - int(si * q_per_source)
            local_quotes: list[tuple[dict[str, Any], str, dict[str, Any]]] = []
            for _ in range(n_q):
                quote_seq += 1
                spk = speakers.one()
                ws = words_many(rng.randint(6, 28))
                text = " ".join(ws)
                text = text[0].upper() + text[1:]
                said = max(START_DATE, day - dt.timedelta(days=rng.randrange(4)))
                q_topics = sorted({topic_sampler.one() for _ in range(rng.randint(0, 2))})
                last = slugify(spk["aliases"][0] if spk["aliases"] else spk["name"])
                q = {
                    "id": f"{last}-{ws[0]}-{ws[1]}-{quote_seq}",
                    "text": text,
                    "speaker": spk["id"],
                    "said_on": partial_date(said, rng, self.partial_fraction),
                    "fragment": rng.random() < 0.2,
                    "topics": q_topics,
                    "citations": [],
                }
                if local_events and rng.random() < 0.3:
                    q["event"] = rng.choice(local_events)["id"]
                tmpl = rng.choice(say_choice)
                para = tmpl.format(
                    text=text,
                    name=spk["name"],
                    weekday=WEEKDAYS[said.weekday()],
                    place=rng.choice(places),
                )
                q_words = dating_words(q["said_on"], said, day)
                if q_words is not None:
                    q["dated_by"] = q_words
                    para += f" That was {q_words}."
                add_cited(para, 0, para, q["citations"].append)
                if rng.random() < 0.3:
                    filler()
                local_quotes.append((q, text, spk))
            # affiliations cited here
            for actor, org, role in affil_at.get(si, ()):
                excerpt = f"{actor['name']}, {role} of {org['name']}"
                aff = {
                    "organisation": org["id"],
                    "role": role,
                    "from": None,
                    "to": None,
                    "citations": [],
                }
                actor["affiliations"].append(aff)
                add_cited(
                    f"{excerpt}, declined to comment further.", 0, excerpt, aff["citations"].append
                )
                counts["affiliations"] += 1
            # positions cited here
            local_positions = []
            for _ in range(positions_at[si]):
                position_seq += 1
                if local_quotes and rng.random() < 0.7:
                    _q, _t, actor = rng.choice(local_quotes)
                    evidence = [_q["id"]]
                else:
                    actor = speakers.one()
                    evidence = []
                topic = topic_sampler.one()
                stance = rng.choice(STANCES)
                statement = f"{actor['name']} {STANCE_VERBS[stance]} {topic_names[topic]}"
                pos = {
                    "id": f"{actor['id']}-{topic}-{day.isoformat()}-{position_seq}",
                    "actor": actor["id"],
                    "topic": topic,
                    "stance": stance,
                    "statement": statement + ".",
                    "held_on": partial_date(day, rng, self.partial_fraction),
                    "evidence": evidence,
                    "citations": [],
                }
                add_cited(
                    f"{statement}, officials said.",
                    0,
                    f"{statement}, officials said.",
                    pos["citations"].append,
                )
                local_positions.append(pos)
            filler()

            # shuffle the body a little (keep title and dateline first)
            order = list(range(2, len(paras)))
            rng.shuffle(order)
            order = [0, 1, *order]
            pos_of = {}
            offset = 0
            chunks = []
            for idx in order:
                pos_of[idx] = offset
                chunks.append(paras[idx])
                offset += len(paras[idx]) + 2  # "\n\n"
            text_doc = "\n\n".join(chunks) + "\n"
            for pidx, off, excerpt, sink in cites:
                start = pos_of[pidx] + off
                cit: dict[str, Any] = {"source": sid, "excerpt": excerpt}
                if text_doc.count(excerpt) != 1:
                    cit["start"] = start
                    dup_starts += 1
                sink(cit)
                counts["citations"] += 1

            folder = out / "documents" / f"{si // DOCS_PER_FOLDER:03d}"
            if si % DOCS_PER_FOLDER == 0:
                folder.mkdir(exist_ok=True)
            with open(out / rel, "w", encoding="utf-8", newline="") as fh:
                fh.write(text_doc)
            src: dict[str, Any] = {
                "id": sid,
                "file": rel,
                "title": title,
                "publisher": publisher,
                "published_at": published,
                "url": None,
                "language": "en",
                # One article, the whole page: it starts with the title.
                "articles": [
                    {
                        "id": "article",
                        "title": title,
                        "published_on": day.isoformat(),
                        "published_at": published if "T" in published else None,
                        "start": 0,
                        "end": len(text_doc),
                    }
                ],
            }
            if rng.random() < 0.2:
                src["byline"] = "Agencies"
            files["sources"].write(dumps(src))
            counts["sources"] += 1
            for ev in local_events:
                files["events"].write(dumps(ev))
                counts["events"] += 1
            for pos in local_positions:
                files["positions"].write(dumps(pos))
                counts["positions"] += 1
            # carried quotes are complete now
            for q, _t, _s in carried:
                files["quotes"].write(dumps(q))
                emitted_quotes += 1
            # ~5% of this source's quotes will also be reported by the next source
            for item in local_quotes:
                if si + 1 < n_sources and rng.random() < 0.05:
                    carry.append(item)
                else:
                    files["quotes"].write(dumps(item[0]))
                    emitted_quotes += 1
            if si % 10_000 == 0 and si:
                print(
                    f"  {si:,}/{n_sources:,} sources, {emitted_quotes:,} quotes, "
                    f"{time.perf_counter() - t0:.1f}s",
                    file=sys.stderr,
                )
        assert not carry
        counts["quotes"] = emitted_quotes
        for fh in files.values():
            fh.close()
        with open(out / "actors.jsonl", "wb") as fh:
            for a in actors:
                fh.write(dumps(a))
        with open(out / "topics.jsonl", "wb") as fh:
            for t in topics:
                fh.write(dumps(t))
        counts["actors"] = len(actors)
        counts["topics"] = len(topics)
        counts["citations_with_start"] = dup_starts
        self.stats = counts
        print(
            f"generated in {time.perf_counter() - t0:.1f}s: "
            + ", ".join(f"{k}={v:,}" for k, v in counts.items()),
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", type=Path)
    p.add_argument("--quotes", type=int, default=1_000_000, help="number of quotes (default 1M)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument(
        "--partial-dates",
        type=float,
        default=0.05,
        help="fraction of dates given as week/month/year/null (default 0.05)",
    )
    p.add_argument("--force", action="store_true", help="write into a non-empty OUT_DIR")
    args = p.parse_args(argv)
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()) and not args.force:
        print(f"{out} is not empty (use --force)", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    Generator(out, args.quotes, args.seed, args.partial_dates).run()
    return 0


if __name__ == "__main__":
    os.umask(0o022)
    sys.exit(main())
