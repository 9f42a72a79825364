"""Summit KB benchmark on PostgreSQL: migrate + timed load into a fresh schema, then serve it.

    .venv/bin/python bench/postgres.py --quotes 100000 --readme

Reuses bench/run.py (same seed, same wrk scenarios (a)-(e), same server settings). Per run:
a fresh schema `bench_N` in the database of --postgres-url; `summitkb migrate` and a timed
`summitkb load` with DATABASE_URL pointing at that schema (`?options=-csearch_path%3D…`);
then ours (uvicorn, 1 worker, pinned to CPU 1) with the app's defaults and with
`MAX_CONCURRENT_REQUESTS` raised, one server at a time (each may hold up to 50 connections of
PostgreSQL's default 100), under wrk on CPU 0, 127.0.0.1 only. Datasette serves SQLite files
only, so there is no Datasette column, and the SQL replay (plain sqlite3) is not run.
The schema is dropped at the end (--keep to keep it).

Results: bench/results/N-postgresql.json and .md; with --readme the table replaces the block
between the `results:N-postgresql` markers in bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
import run
from psycopg import sql
from run import OURS2_PORT, OURS_PORT, RESULTS, VENV_BIN, WORK, Scenario, Server, log

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
NO_DATASETTE = "Datasette serves SQLite files only: not run"


def schema_url(base: str, schema: str) -> str:
    """The SQLAlchemy URL of `base` with every connection's search_path set to `schema`."""
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def libpq_url(base: str) -> str:
    return base.replace("postgresql+psycopg://", "postgresql://", 1)


def connect(base: str, schema: str | None = None) -> psycopg.Connection[Any]:
    opts = f"-csearch_path={schema}" if schema else None
    return psycopg.connect(libpq_url(base), autocommit=True, options=opts)


def reset_schema(base: str, schema: str, create: bool) -> None:
    with connect(base) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        if create:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))


def schema_stats(base: str, schema: str) -> tuple[dict[str, int], int]:
    """Row count per table (alembic_version excluded) and the schema's total size in bytes."""
    with connect(base, schema) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename",
                (schema,),
            )
        ]
        counts: dict[str, int] = {}
        size = 0
        for t in tables:
            ident = sql.Identifier(schema, t)
            size += conn.execute(
                "SELECT pg_total_relation_size(%s::regclass)", (f'"{schema}"."{t}"',)
            ).fetchone()[0]  # type: ignore[index]
            if t != "alembic_version":
                row = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(ident)).fetchone()
                counts[t] = int(row[0]) if row else 0
    return counts, size


def step_load(n: int, data: Path, base: str, schema: str) -> dict[str, Any]:
    url = schema_url(base, schema)
    reset_schema(base, schema, create=True)
    summitkb = str(VENV_BIN / "summitkb")
    run.run([summitkb, "migrate", "--database-url", url], cwd=run.SRC, env=run.app_env())
    logs = WORK / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    logfile = logs / f"load-{n}-postgresql.log"
    ours = run.timed_child([summitkb, "load", str(data), "--database-url", url], logfile)
    if ours["exit_code"] != 0:
        tail = logfile.read_text()[-2000:]
        raise SystemExit(f"summitkb load failed ({ours['exit_code']}):\n{tail}")
    counts, size = schema_stats(base, schema)
    ours["rows"] = sum(counts.values())
    ours["db_bytes"] = size
    ours["loadavg_1m"] = round(os.getloadavg()[0], 2)
    log(f"load: {ours['seconds']}s, {ours['rows']:,} rows, {size / 2**20:,.0f} MiB")
    return {
        "ours": ours,
        "rows_by_table": counts,
        "command": "summitkb load DATA --database-url "
        "'postgresql+psycopg://…/postgres?options=-csearch_path%3DSCHEMA'",
    }


def sample_quotes(
    base: str, schema: str, k: int, rng: random.Random
) -> list[tuple[str, str, str | None, str]]:
    """k random quotes (id, speaker, date, text), the counterpart of run.sample_quotes."""
    with connect(base, schema) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM quotes ORDER BY id")]
        picked = rng.sample(ids, min(k, len(ids)))
        rows = conn.execute(
            "SELECT id, speaker_id, said_on, text FROM quotes WHERE id = ANY(%s)", (picked,)
        ).fetchall()
    out = [(r[0], r[1], None if r[2] is None else str(r[2]), r[3]) for r in rows]
    rng.shuffle(out)
    return out


def build_scenarios(base: str, schema: str, n_params: int, seed: int) -> list[Scenario]:
    """run.build_scenarios, fed from PostgreSQL; ours only."""
    original = run.sample_quotes, run.fts_for_quotes
    run.sample_quotes = lambda _db, k, rng: sample_quotes(base, schema, k, rng)
    run.fts_for_quotes = lambda _db: None
    try:
        scenarios = run.build_scenarios(Path("unused"), n_params, seed)
    finally:
        run.sample_quotes, run.fts_for_quotes = original
    for sc in scenarios:
        sc.datasette = None
        sc.datasette_note = NO_DATASETTE
        sc.nocount_applies = False
    return scenarios


def prepare_cursor_scenario(sc: Scenario, n_quotes: int, n_params: int) -> None:
    """Ours' half of run.prepare_cursor_scenario: walk the quote list, keep pages near 2,000."""
    first, last = run.cursor_pages(sc, n_quotes, n_params)
    try:
        paths = run.walk_cursor(OURS_PORT, "/v1/quotes?limit=50", run.ours_next, last)
        sc.ours = paths[first - 1 : last]
    except RuntimeError as err:
        sc.ours, sc.ours_note = None, f"{run.NOT_YET} ({err})"


def answering(server: Server, within: float = 15) -> bool:
    """Whether the server answers its cheapest page with < 500 within `within` seconds.

    Retried: right after a run, the requests wrk left in flight still hold the concurrency
    limit for a moment, and the app sheds the check itself (503 in well under 1 ms).
    """
    deadline = time.monotonic() + within
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        if server.alive(timeout=left):
            return True
        time.sleep(0.5)


def measure(
    server: Server, name: str, sc: Scenario, tag: str, args: argparse.Namespace
) -> dict[str, Any]:
    """Warm-up, measured run, liveness check (and a 10-connection diagnostic), as run.py does."""
    port, paths, notes = server.port, sc.ours or [], []
    log(f"{sc.title}: {name}: warm-up {args.warmup}s, run {args.seconds}s")
    if args.warmup:
        run.wrk(port, paths, args.warmup, args.connections, tag)
        if not answering(server):
            notes.append("stopped answering in the warm-up; restarted")
            server.restart()
    res = run.wrk(port, paths, args.seconds, args.connections, tag)
    if not answering(server):
        notes.append(f"stopped answering during the {args.connections}-connection run")
        res["stalled"] = True
        server.restart()
    res["notes"] = notes
    res["loadavg_1m"] = round(os.getloadavg()[0], 2)
    sc.results[name] = res
    log(
        f"  {name}: {res['ok_rps']:.0f} 2xx/s, p50 {res['p50_ms']:.1f} ms, "
        f"p99 {res['p99_ms']:.1f} ms {'; '.join(notes)}"
    )
    if notes:
        low = run.wrk(port, paths, args.seconds, 10, tag)
        low["connections"] = 10
        low["notes"] = [] if answering(server) else ["stopped answering"]
        if low["notes"]:
            server.restart()
        sc.results[f"{name}_c10"] = low
    return res


def ours_server(n: int, url: str, name: str, port: int, extra: dict[str, str]) -> Server:
    cmd = [str(VENV_BIN / "summitkb"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return Server(
        name,
        port,
        run.pinned("1", [*cmd, "--workers", "1"]),
        run.app_env({"DATABASE_URL": url, **extra}),
        WORK / "logs" / f"{name}-{n}-postgresql.log",
    )


def step_serve(
    n: int, base: str, schema: str, n_quotes: int, args: argparse.Namespace
) -> list[Scenario]:
    url = schema_url(base, schema)
    scenarios = build_scenarios(base, schema, args.params, args.seed)
    servers = [
        ("ours", ours_server(n, url, "ours", OURS_PORT, {})),
        (
            "ours_noshed",
            ours_server(n, url, "ours-noshed", OURS2_PORT, {"MAX_CONCURRENT_REQUESTS": "100000"}),
        ),
    ]
    for name, server in servers:
        server.logfile.unlink(missing_ok=True)
        try:
            server.start("/v1/meta")
            for sc in scenarios:
                if sc.key == "e" and sc.ours is None and not sc.ours_note:
                    prepare_cursor_scenario(sc, n_quotes, args.params)
                check = run.has_facet if sc.key == "d" else run.has_items
                if sc.ours is not None and name == "ours":
                    why = run.probe(server.port, sc.ours, check)
                    if why:
                        sc.ours, sc.ours_note = None, f"{run.NOT_YET} ({why})"
                if sc.ours:
                    measure(server, name, sc, f"{n}-pg-{sc.key}-{name}", args)
        finally:
            server.stop()
    return scenarios


def report(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        f"Size: {res['quotes']:,} quotes · date {res['date']} · commit {res['commit']} · "
        f"{m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB · Python {m['python']}, "
        f"{res['postgres_version']} on 127.0.0.1 (its defaults; shared with the CI's tests)",
        "",
    ]
    ld = res.get("load")
    if ld:
        o = ld["ours"]
        lines += [
            "| load | wall s | CPU s (client) | rows | peak RSS | schema size | load avg |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| `summitkb load` into PostgreSQL | {o['seconds']:.1f} | {o['cpu_seconds']:.1f} | "
            f"{o['rows']:,} | {o['peak_rss_mib']:,.0f} MiB | {o['db_bytes'] / 2**20:,.0f} MiB | "
            f"{o['loadavg_1m']} |",
            "",
            "No plain-driver baseline on PostgreSQL (the sqlite3 `executemany` baseline is "
            "SQLite's; see the SQLite table).",
            "",
        ]
    if res.get("serve"):
        serve_only = {k: v for k, v in res.items() if k != "load"}
        serve_only["serve_meta"] = {"datasette": NO_DATASETTE}
        serve_only.pop("sql", None)
        table = run.report(serve_only).split("\n", 2)[2]  # drop its SQLite header line
        lines.append(table.rstrip("\n"))
    return "\n".join(lines) + "\n"


def update_readme(n: int, table: str) -> None:
    key = f"{n}-postgresql"
    readme = run.BENCH / "README.md"
    text = readme.read_text()
    start, end = f"<!-- results:{key}:start -->", f"<!-- results:{key}:end -->"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n### PostgreSQL, {n:,} quotes\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{table}{end}{tail}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quotes", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--postgres-url", default=DEFAULT_URL, help="SQLAlchemy URL of the database")
    p.add_argument("--seconds", type=int, default=15, help="measured wrk run per target")
    p.add_argument("--warmup", type=int, default=5, help="wrk warm-up per target")
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--params", type=int, default=300, help="parameter sets per scenario")
    p.add_argument("--skip", action="append", default=[], choices=["load", "serve"])
    p.add_argument("--keep", action="store_true", help="keep the schema (for --skip load)")
    p.add_argument("--readme", action="store_true", help="put the table into bench/README.md")
    p.add_argument("--app-ref", default="HEAD", help="as in run.py")
    args = p.parse_args(argv)
    run.SRC, app_commit = run.app_snapshot(args.app_ref)
    n, base, schema = args.quotes, args.postgres_url, f"bench_{args.quotes}"
    with connect(base) as conn:
        version = conn.execute("SHOW server_version").fetchone()
    res: dict[str, Any] = {
        "database": "postgresql",
        "quotes": n,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": app_commit,
        "machine": run.machine(),
        "postgres_version": f"PostgreSQL {version[0] if version else '?'}",
        "seconds": args.seconds,
        "warmup": args.warmup,
        "connections": args.connections,
        "n_params": args.params,
        "schema": schema,
        "command": "python bench/postgres.py " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    try:
        if "load" not in args.skip:
            res["load"] = step_load(n, run.ensure_data(n, args.seed), base, schema)
        if "serve" not in args.skip:
            counts, _ = schema_stats(base, schema)
            scenarios = step_serve(n, base, schema, counts.get("quotes", 0), args)
            res["serve"] = run.scenario_records(scenarios)
    finally:
        if not args.keep:
            reset_schema(base, schema, create=False)
            log(f"dropped schema {schema}")
    table = report(res)
    res["table"] = table
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{n}-postgresql.json").write_text(json.dumps(res, indent=1) + "\n")
    (RESULTS / f"{n}-postgresql.md").write_text(table)
    if args.readme:
        update_readme(n, table)
    print(table)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, run._terminate)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    sys.exit(main())
