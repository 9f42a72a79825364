"""Summit KB benchmark: generate → migrate + load (vs plain sqlite3) → serve (ours vs Datasette).

    .venv/bin/python bench/run.py --quotes 100000            # the whole pipeline
    .venv/bin/python bench/run.py --quotes 1000000 --skip serve

Steps (each can be skipped with --skip STEP, repeatable):
  generate  bench/.work/data-N (seeded; reused when complete)
  load      fresh DB, `summitkb migrate`, timed `summitkb load`; then a plain sqlite3
            executemany of the very same rows into a fresh DB of the same schema (same run)
  serve     ours (uvicorn, 1 worker) and Datasette (default settings, and with
            _nocount=1&_nosuggest=1), each pinned to CPU 1, loaded in turn by wrk on CPU 0
            (127.0.0.1 only, bounded by -d), per scenario: warm-up, then the measured run
  sql       the SQL our app issues for a sample of each scenario's requests, replayed with
            plain sqlite3 in-process, so the HTTP/ORM/serialisation overhead shows as a ratio

Results: bench/results/N.json and bench/results/N.md (the markdown table, also printed); with
--readme the table replaces the block between the result markers in bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from generate import FUNCTION_WORDS  # noqa: E402 - the generator's own stop-word list

ROOT = BENCH.parent
WORK = BENCH / ".work"
RESULTS = BENCH / "results"
VENV_BIN = ROOT / ".venv" / "bin"
PY = sys.executable
OURS_PORT = 18431
DS_PORT = 18432
OURS2_PORT = 18433  # ours with load shedding off (MAX_CONCURRENT_REQUESTS)
BARE_PORT = 18434  # bench/bare.py: a bare FastAPI route, the framework's ceiling for (a) and (b)
BARE_SCENARIOS = ("a", "b")
DS_DB_NAME = "summitkb"  # Datasette names the database after the file's stem
NOT_YET = "not yet available"
# The app under test: a snapshot of a commit (git archive) unless --app-ref worktree.
SRC = ROOT


def app_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    if SRC != ROOT:
        env["PYTHONPATH"] = str(SRC)
    return env


def app_snapshot(ref: str) -> tuple[Path, str]:
    """Where the app under test lives, and which commit it is."""
    if ref == "worktree":
        # a frozen copy of the working tree as it is now (others may be editing it)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        dest = WORK / f"src-worktree-{stamp}"
        dest.mkdir(parents=True)
        for name in ("app", "migrations", "alembic.ini", "pyproject.toml"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif src.exists():
                shutil.copy2(src, dest / name)
        return dest, f"{git_commit()}+worktree@{stamp}"
    sha = subprocess.run(
        ["git", "rev-parse", ref], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    dest = WORK / f"src-{sha[:12]}"
    if not (dest / "app").is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest, sha[:12]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run(cmd, check=True, text=True, **kw)


# --------------------------------------------------------------------------- generate


def ensure_data(n: int, seed: int) -> Path:
    data = WORK / f"data-{n}"
    done = WORK / f"data-{n}.done"
    if done.exists() and data.is_dir():
        log(f"data: reusing {data}")
        return data
    if data.exists():
        shutil.rmtree(data)
    t0 = time.perf_counter()
    run([PY, str(BENCH / "generate.py"), str(data), "--quotes", str(n), "--seed", str(seed)])
    done.write_text(f"seed={seed} seconds={time.perf_counter() - t0:.1f}\n")
    return data


# --------------------------------------------------------------------------- load


def db_url(path: Path) -> str:
    return f"sqlite:///{path}"


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def migrate(path: Path) -> None:
    remove_db(path)
    run(
        [str(VENV_BIN / "summitkb"), "migrate", "--database-url", db_url(path)],
        cwd=SRC,
        env=app_env(),
        stdout=subprocess.DEVNULL,
    )


def timed_child(cmd: list[str], logfile: Path) -> dict[str, Any]:
    """Run cmd; wall time and the child's peak RSS (via wait4)."""
    log("$ " + " ".join(cmd) + f"  > {logfile.relative_to(ROOT)}")
    with open(logfile, "w") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=SRC, env=app_env(), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    return {
        "seconds": round(wall, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "exit_code": code,
    }


APP_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)
SKIP_TABLES = {"alembic_version"}


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables to copy: real tables, not sqlite's nor FTS shadow tables."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    shadow_prefixes = tuple(f"{v}_" for v in virtual)
    return [
        name
        for name, sql in rows
        if name not in SKIP_TABLES and name not in virtual and not name.startswith(shadow_prefixes)
    ]


def bulk_baseline(loaded: Path, target: Path) -> dict[str, Any]:
    """Plain sqlite3: the rows our loader wrote, executemany'd into a fresh migrated DB.

    The rows are read into memory first (not timed); the timed part is one transaction of
    executemany per table plus the commit, with the app's own pragmas, against the app's own
    schema (indexes, constraints and any triggers included): the physical limit of a load.
    Any FTS index the app builds from triggers is built by those triggers here too; an FTS
    table filled by the loader itself is rebuilt with the 'rebuild' command (timed).
    """
    migrate(target)
    src = sqlite3.connect(f"file:{loaded}?mode=ro", uri=True)
    tables = user_tables(src)
    data: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for name in tables:
        cur = src.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - names from sqlite_master
        cols = [d[0] for d in cur.description]
        data[name] = (cols, cur.fetchall())
    virtual = [
        name
        for (name,) in src.execute(
            # FTS5 tables are rebuilt from their content; an fts5vocab table is a view of one.
            "SELECT name FROM sqlite_master WHERE type='table'"
            " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%'"
        )
    ]
    src.close()
    rows_total = sum(len(rows) for _, rows in data.values())
    dst = sqlite3.connect(target, isolation_level=None)
    for pragma in APP_PRAGMAS:
        dst.execute(pragma)
    has_triggers = dst.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='trigger'"
    ).fetchone()[0]
    dst.execute("DELETE FROM dataset") if "dataset" in data else None
    # Insert parents before children (foreign keys are on, as in the app).
    order = _fk_order(dst, list(data))
    per_table: dict[str, float] = {}
    t0 = time.perf_counter()
    dst.execute("BEGIN IMMEDIATE")
    for name in order:
        cols, rows = data[name]
        if not rows:
            continue
        marks = ",".join("?" * len(cols))
        collist = ",".join(f'"{c}"' for c in cols)
        t1 = time.perf_counter()
        dst.executemany(f'INSERT INTO "{name}" ({collist}) VALUES ({marks})', rows)  # noqa: S608
        per_table[name] = round(time.perf_counter() - t1, 3)
    rebuilt = []
    if virtual and not has_triggers:
        for v in virtual:
            t1 = time.perf_counter()
            dst.execute(f'INSERT INTO "{v}"("{v}") VALUES (\'rebuild\')')  # noqa: S608
            per_table[f"{v} (FTS rebuild)"] = round(time.perf_counter() - t1, 3)
            rebuilt.append(v)
    t1 = time.perf_counter()
    dst.execute("COMMIT")
    per_table["COMMIT"] = round(time.perf_counter() - t1, 3)
    seconds = time.perf_counter() - t0
    dst.close()
    size = target.stat().st_size
    remove_db(target)
    return {
        "seconds": round(seconds, 2),
        "rows": rows_total,
        "tables": len(order),
        "fts_rebuilt": rebuilt,
        "seconds_by_table": per_table,
        "db_bytes": size,
    }


def _fk_order(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    deps = {
        t: {
            row[2]
            for row in conn.execute(f'PRAGMA foreign_key_list("{t}")')
            if row[2] != t and row[2] in tables
        }
        for t in tables
    }
    order: list[str] = []
    while deps:
        ready = sorted(t for t, d in deps.items() if not d - set(order))
        if not ready:  # a cycle: keep the rest as they are
            ready = sorted(deps)
        for t in ready:
            order.append(t)
            del deps[t]
    return order


def step_load(n: int, data: Path, db: Path) -> dict[str, Any]:
    migrate(db)
    logs = WORK / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    cmd = [str(VENV_BIN / "summitkb"), "load", str(data), "--database-url", db_url(db)]
    ours = timed_child(cmd, logs / f"load-{n}.log")
    if ours["exit_code"] != 0:
        tail = (logs / f"load-{n}.log").read_text()[-2000:]
        raise SystemExit(f"summitkb load failed ({ours['exit_code']}):\n{tail}")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {
        t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: S608
        for t in user_tables(conn)
    }
    conn.close()
    ours["db_bytes"] = db.stat().st_size
    ours["rows"] = sum(counts.values())
    log(f"load: ours {ours['seconds']}s, {ours['rows']:,} rows; now the sqlite3 baseline")
    base = bulk_baseline(db, WORK / "db" / f"baseline-{n}.db")
    log(f"load: plain sqlite3 {base['seconds']}s for {base['rows']:,} rows")
    return {
        "ours": ours,
        "sqlite3_executemany": base,
        "ratio": round(ours["seconds"] / base["seconds"], 2) if base["seconds"] else None,
        "rows_by_table": counts,
        "command": " ".join(cmd[:-2]).replace(str(ROOT) + "/", "") + " --database-url sqlite:///DB",
    }


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    name: str
    port: int
    cmd: list[str]
    env: dict[str, str]
    logfile: Path
    proc: subprocess.Popen[bytes] | None = None
    ready_path: str = "/"

    def start(self, ready_path: str, timeout: float = 120) -> None:
        self.ready_path = ready_path
        if port_in_use(self.port):
            raise SystemExit(
                f"port {self.port} is taken by another process: not starting {self.name}"
            )
        self.logfile.parent.mkdir(parents=True, exist_ok=True)
        out = open(self.logfile, "ab")  # noqa: SIM115 - closed with the process
        log(f"start {self.name}: " + " ".join(self.cmd))
        self.proc = subprocess.Popen(
            self.cmd, cwd=SRC, env=self.env, stdout=out, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited: see {self.logfile}")
            with contextlib.suppress(OSError, urllib.error.URLError):
                status, _ = http_get(self.port, ready_path, timeout=5)
                if status < 500 and self.proc.poll() is None:
                    return
            time.sleep(0.3)
        raise SystemExit(f"{self.name} did not answer within {timeout}s: see {self.logfile}")

    def alive(self, timeout: float = 15) -> bool:
        try:
            status, _ = http_get(self.port, self.ready_path, timeout=timeout)
        except (OSError, urllib.error.URLError):
            return False
        return status < 500

    def restart(self) -> None:
        log(f"restart {self.name}")
        self.stop()
        self.start(self.ready_path)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def http_get(port: int, path: str, timeout: float = 30) -> tuple[int, Any]:
    url = f"http://127.0.0.1:{port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            body = resp.read()
            status = resp.status
    except urllib.error.HTTPError as err:
        body = err.read()
        status = err.code
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body.decode(errors="replace")


def pinned(cpu: str, cmd: list[str]) -> list[str]:
    return ["taskset", "-c", cpu, *cmd] if shutil.which("taskset") and cpu else cmd


# --------------------------------------------------------------------------- scenarios


@dataclass
class Scenario:
    key: str
    title: str
    ours: list[str] | None = None
    ours_note: str = ""
    datasette: list[str] | None = None
    datasette_note: str = ""
    nocount_applies: bool = True
    results: dict[str, Any] = field(default_factory=dict)
    early: list[str] = field(default_factory=list)  # (e): the first pages of the same list


def sample_quotes(db: Path, k: int, rng: random.Random) -> list[tuple[str, str, str | None, str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM quotes").fetchone()[0]
    rowids = rng.sample(range(1, top + 1), min(k, top))
    out = []
    for i in range(0, len(rowids), 500):
        part = rowids[i : i + 500]
        marks = ",".join("?" * len(part))
        out += conn.execute(
            f"SELECT id, speaker_id, said_on, text FROM quotes WHERE rowid IN ({marks})",  # noqa: S608
            part,
        ).fetchall()
    conn.close()
    rng.shuffle(out)
    return out


def fts_for_quotes(db: Path) -> tuple[str, str, dict[str, str]] | None:
    """(FTS table, the table Datasette should search, extra Datasette args) or None."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%fts%'"
    ).fetchall()
    conn.close()
    for name, sql in rows:
        m = re.search(r"content\s*=\s*['\"\[]?(\w+)", sql)
        content = m.group(1) if m else None
        if content == "quotes":
            return name, "quotes", {}
        if content == "search_entries":
            # Datasette does not detect content='…' (single quotes): name the FTS table.
            # (Its query, id IN (SELECT rowid … MATCH …) AND record_type = 'quote', is slow.)
            return (
                name,
                "search_entries",
                {"record_type": "quote", "_fts_table": name, "_fts_pk": "id"},
            )
    return None


def q(params: dict[str, Any]) -> str:
    return urllib.parse.urlencode(params)


def find_key(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        if key in obj:
            return obj[key]
        for v in obj.values():
            found = find_key(v, key)
            if found is not None:
                return found
    return None


def walk_cursor(
    port: int, first: str, next_path: Callable[[Any], str | None], pages: int
) -> list[str]:
    """The paths of pages 1..pages, following the server's own next links."""
    paths = [first]
    path: str | None = first
    t0 = time.perf_counter()
    while len(paths) < pages and path:
        status, body = http_get(port, path)
        if status != 200:
            raise RuntimeError(f"walk: {path} -> {status}: {str(body)[:300]}")
        path = next_path(body)
        if path:
            paths.append(path)
    log(f"walked {len(paths)} pages on :{port} in {time.perf_counter() - t0:.1f}s")
    return paths


def build_scenarios(db: Path, n_params: int, seed: int) -> list[Scenario]:
    rng = random.Random(seed)
    sample = sample_quotes(db, n_params * 3, rng)
    dsq = f"/{DS_DB_NAME}/quotes"
    scen: list[Scenario] = []

    # (a) one quote by id
    ids = [s[0] for s in sample[:n_params]]
    scen.append(
        Scenario(
            "a",
            "(a) one quote by id",
            ours=[f"/v1/quotes/{urllib.parse.quote(i)}" for i in ids],
            datasette=[f"{dsq}/{urllib.parse.quote(i)}.json" for i in ids],
            nocount_applies=False,
        )
    )

    # (b) quotes by speaker, one year, sorted by date, page of 50: speaker and year of a random
    # quote, so busy speakers are asked for as often as they speak (Zipf)
    pairs = [(s[1], s[2][:4]) for s in sample if s[2]][:n_params]
    scen.append(
        Scenario(
            "b",
            "(b) speaker + one-year range, by date, 50",
            ours=[
                "/v1/quotes?"
                + q({"actor": sp, "from": f"{y}-01-01", "to": f"{y}-12-31", "limit": 50})
                for sp, y in pairs
            ],
            datasette=[
                f"{dsq}.json?"
                + q(
                    {
                        "speaker_id": sp,
                        "said_on__gte": f"{y}-01-01",
                        "said_on__lte": f"{y}-12-31",
                        "_sort": "said_on",
                        "_size": 50,
                    }
                )
                for sp, y in pairs
            ],
        )
    )

    # (c) full-text search for two words of a random quote (Zipf words: realistic selectivity)
    word_pairs = []
    for _, _, _, text in sample:
        words = sorted({w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)} - set(FUNCTION_WORDS))
        if len(words) >= 2:
            word_pairs.append(" ".join(rng.sample(words, 2)))
        if len(word_pairs) >= n_params:
            break
    fts = fts_for_quotes(db)
    c = Scenario("c", "(c) full-text search, two words, 20")
    c.ours = [f"/v1/search?{q({'q': wp, 'type': 'quote', 'limit': 20})}" for wp in word_pairs]
    c.ours_note = "probe"  # decided by probing the server
    if fts:
        fts_name, table, extra = fts
        c.datasette = [
            f"/{DS_DB_NAME}/{table}.json?{q({'_search': wp, **extra, '_size': 20})}"
            for wp in word_pairs
        ]
        c.datasette_note = f"searches FTS table {fts_name} ({table})"
    else:
        c.datasette_note = "no FTS table in the database"
    scen.append(c)

    # (d) quote counts by speaker (facet), over a random window of 30, 90 or 365 days
    windows = []
    for _ in range(n_params):
        start = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3650 - 365))
        end = start + dt.timedelta(days=rng.choice([30, 90, 365]) - 1)
        windows.append((start.isoformat(), end.isoformat()))
    d = Scenario("d", "(d) quote counts by speaker (facet)")
    d.ours = [
        "/v1/quotes?" + q({"from": a, "to": b, "facet": "speaker", "limit": 1}) for a, b in windows
    ]
    d.ours_note = "probe"
    d.datasette = [
        f"{dsq}.json?"
        + q({"said_on__gte": a, "said_on__lte": b, "_facet": "speaker_id", "_size": 1})
        for a, b in windows
    ]
    scen.append(d)

    # (e) page ~2,000 of the quote list by cursor: walked once before the runs
    scen.append(Scenario("e", "(e) page ~2,000 of a quote list by cursor, 50"))
    return scen


def cursor_pages(sc: Scenario, n_quotes: int, n_params: int) -> tuple[int, int]:
    """The first and last page (1-based) that (e) requests: `n_params` pages up to ~2,000."""
    total_pages = (n_quotes + 49) // 50
    last = min(2000 + n_params // 2, total_pages)
    first = max(1, last - n_params + 1)
    sc.title = f"(e) pages {first:,}-{last:,} of the quote list by cursor, 50"
    return first, last


def ours_next(body: Any) -> str | None:
    """The path of the next page of our quote list, from a page's body."""
    token = body.get("next") if isinstance(body, dict) else None
    if not token:
        return None
    if token.startswith(("/", "http")):
        return urllib.parse.urlsplit(token)._replace(scheme="", netloc="").geturl()
    return "/v1/quotes?" + q({"limit": 50, "cursor": token})


def prepare_cursor_scenario(sc: Scenario, n_quotes: int, n_params: int, walk_ours: bool) -> None:
    """Walk ours and Datasette's quote list (by date, 50 a page) and keep pages near 2,000."""
    first, last = cursor_pages(sc, n_quotes, n_params)

    def ds_next(body: Any) -> str | None:
        token = body.get("next") if isinstance(body, dict) else None
        if not token:
            return None
        return f"/{DS_DB_NAME}/quotes.json?" + q({"_sort": "said_on", "_size": 50, "_next": token})

    if walk_ours:
        try:
            ours = walk_cursor(OURS_PORT, "/v1/quotes?limit=50", ours_next, last)
            sc.ours = ours[first - 1 : last]
            sc.early = ours[: last - first + 1]
        except RuntimeError as err:
            sc.ours_note = f"{NOT_YET} ({err})"
    else:
        sc.ours_note = NOT_YET
    ds = walk_cursor(
        DS_PORT,
        f"/{DS_DB_NAME}/quotes.json?" + q({"_sort": "said_on", "_size": 50, "_nocount": 1}),
        ds_next,
        last,
    )
    sc.datasette = ds[first - 1 : last]


def probe(port: int, paths: list[str], check: Callable[[Any], bool]) -> str | None:
    """None if a few sample paths answer 200 with the expected shape, else the reason."""
    for path in paths[:5]:
        status, body = http_get(port, path)
        if status != 200:
            return f"{path} -> HTTP {status}: {str(body)[:200]}"
        if not check(body):
            return f"{path} -> unexpected body: {str(body)[:200]}"
    return None


def has_items(body: Any) -> bool:
    return isinstance(body, dict) and bool(body.get("items") or body.get("rows") or body.get("id"))


def has_facet(body: Any) -> bool:
    return find_key(body, "facets") is not None or find_key(body, "facet_results") is not None


def wrk(port: int, paths: list[str], seconds: int, connections: int, tag: str) -> dict[str, Any]:
    pfile = WORK / "paths" / f"{tag}.txt"
    pfile.parent.mkdir(parents=True, exist_ok=True)
    pfile.write_text("\n".join(paths) + "\n")
    cmd = pinned(
        "0",
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "paths.lua"),
            f"http://127.0.0.1:{port}",
            "--",
            str(pfile),
        ],
    )
    out = subprocess.run(cmd, check=True, text=True, capture_output=True, timeout=seconds + 60)
    line = next(x for x in out.stdout.splitlines() if x.startswith("WRK_RESULT "))
    res = json.loads(line.removeprefix("WRK_RESULT "))
    res["paths"] = len(paths)
    ok = res["requests"] - res["errors"]["status"]
    res["ok_rps"] = round(ok / res["duration_s"], 2) if res["duration_s"] else 0.0
    res["non_2xx"] = res["errors"]["status"]
    return res


def warm_page_cache(db: Path) -> None:
    """Read the database file once, so that every server starts from the same warm OS cache
    (a cold 3.6 GB file otherwise makes the first runs measure the disk)."""
    started = time.perf_counter()
    with db.open("rb") as f:
        while f.read(16 << 20):
            pass
    log(f"read {db.name} into the OS page cache in {time.perf_counter() - started:.1f}s")


def step_serve(
    n: int, db: Path, seconds: int, warmup: int, connections: int, n_params: int, seed: int
) -> tuple[list[Scenario], dict[str, Any]]:
    env = app_env({"DATABASE_URL": db_url(db)})
    warm_page_cache(db)
    logs = WORK / "logs"
    ours = Server(
        "ours",
        OURS_PORT,
        pinned(
            "1",
            [
                str(VENV_BIN / "summitkb"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(OURS_PORT),
                "--workers",
                "1",
            ],
        ),
        env,
        logs / f"ours-{n}.log",
    )
    ours2 = Server(
        "ours (shedding off)",
        OURS2_PORT,
        [c if c != str(OURS_PORT) else str(OURS2_PORT) for c in ours.cmd],
        {**env, "MAX_CONCURRENT_REQUESTS": "100000"},
        logs / f"ours-noshed-{n}.log",
    )
    ds = Server(
        "datasette",
        DS_PORT,
        pinned("1", [str(BENCH / "datasette.sh"), "serve", str(db), str(DS_PORT)]),
        dict(os.environ),
        logs / f"datasette-{n}.log",
    )
    bare = Server(
        "bare route",
        BARE_PORT,
        pinned("1", [PY, str(BENCH / "bare.py"), str(db), str(BARE_PORT)]),
        dict(os.environ),
        logs / f"bare-{n}.log",
    )
    for server in (ours, ours2, ds, bare):
        server.logfile.unlink(missing_ok=True)
    run([str(BENCH / "datasette.sh"), "setup"])
    ds_version = subprocess.run(
        [str(WORK / "datasette-venv" / "bin" / "datasette"), "--version"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Datasette opens the file by its name: give it the name the URLs use.
    link = WORK / "db" / f"{DS_DB_NAME}.db"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(db.resolve())
    ds.cmd = pinned("1", [str(BENCH / "datasette.sh"), "serve", str(link), str(DS_PORT)])
    scenarios = build_scenarios(db, n_params, seed)
    meta: dict[str, Any] = {"datasette": ds_version}
    ours_ok = True
    try:
        try:
            ours.start("/v1/meta")
            ours2.start("/v1/meta")
        except SystemExit as err:
            ours_ok = False
            meta["ours_error"] = str(err)
            log(f"ours not available: {err}")
        ds.start(f"/{DS_DB_NAME}.json")
        bare.start(next(sc.ours[0] for sc in scenarios if sc.key == "a" and sc.ours))
        for sc in scenarios:
            if sc.key == "e":
                prepare_cursor_scenario(sc, n_count(db), n_params, walk_ours=ours_ok)
        for sc in scenarios:
            check = has_facet if sc.key == "d" else has_items
            if not ours_ok:
                sc.ours_note = sc.ours_note if sc.ours_note.startswith(NOT_YET) else NOT_YET
                sc.ours = None
            elif sc.ours is not None:
                why = probe(OURS_PORT, sc.ours, check)
                if why:
                    sc.ours_note = f"{NOT_YET} ({why})"
                    sc.ours = None
                else:
                    sc.ours_note = ""
            if sc.datasette is not None:
                why = probe(DS_PORT, sc.datasette, check)
                if why:
                    sc.datasette_note = why
                    sc.datasette = None
            targets: list[tuple[str, int, list[str]]] = []
            if sc.ours:
                targets.append(("ours", OURS_PORT, sc.ours))
                targets.append(("ours_noshed", OURS2_PORT, sc.ours))
                if sc.key in BARE_SCENARIOS:
                    targets.append(("bare", BARE_PORT, sc.ours))
            if sc.datasette:
                targets.append(("datasette", DS_PORT, sc.datasette))
                if sc.nocount_applies:
                    sep = [("&" if "?" in p else "?") for p in sc.datasette]
                    nc = [
                        p + s + "_nocount=1&_nosuggest=1"
                        for p, s in zip(sc.datasette, sep, strict=True)
                    ]
                    targets.append(("datasette_nocount", DS_PORT, nc))
            for name, port, paths in targets:
                tag = f"{n}-{sc.key}-{name}"
                log(f"{sc.title}: {name}: warm-up {warmup}s, run {seconds}s")
                server = {"ours": ours, "ours_noshed": ours2, "bare": bare}.get(name, ds)
                notes = []
                if warmup:
                    wrk(port, paths, warmup, connections, tag)
                    if not server.alive():
                        notes.append("stopped answering in the warm-up; restarted")
                        server.restart()
                res = wrk(port, paths, seconds, connections, tag)
                if not server.alive():
                    notes.append(f"stopped answering during the {connections}-connection run")
                    res["stalled"] = True
                    server.restart()
                res["notes"] = notes
                res["loadavg_1m"] = round(os.getloadavg()[0], 2)
                sc.results[name] = res
                log(
                    f"  {name}: {res['ok_rps']:.0f} 2xx/s ({res['rps']:.0f} req/s), "
                    f"p50 {res['p50_ms']:.1f} ms, "
                    f"p99 {res['p99_ms']:.1f} ms, errors {res['errors']} {'; '.join(notes)}"
                )
                if notes:
                    # the same paths below the connection pool's size (diagnostic only)
                    low = 10
                    log(f"  {name}: again with {low} connections (diagnostic)")
                    if warmup:
                        wrk(port, paths, warmup, low, tag)
                    res = wrk(port, paths, seconds, low, tag)
                    res["connections"] = low
                    res["notes"] = [] if server.alive() else ["stopped answering"]
                    if res["notes"]:
                        server.restart()
                    sc.results[f"{name}_c{low}"] = res
                    log(f"  {name} c{low}: {res['rps']:.0f} req/s, p50 {res['p50_ms']:.1f} ms")
    finally:
        ours.stop()
        ours2.stop()
        ds.stop()
        bare.stop()
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
    return scenarios, meta


def n_count(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM quotes").fetchone()[0])
    finally:
        conn.close()


# --------------------------------------------------------------------------- sql


# As many distinct pages from the start of (e)'s list as (e) has deep ones: the same number of
# different pages on each side, so that neither is favoured by a warmer cache (before 2026-12-01
# this was the first page repeated, which the cache then always held).
FIRST_PAGES = "e_first_pages"


def deep_page_ratio(sql: dict[str, Any]) -> str:
    """A sentence on (e)'s deep pages against the first pages, from the SQL replay."""
    deep, first = sql.get("e"), sql.get(FIRST_PAGES)
    if not deep or not first or not first.get("sql_p50_ms"):
        return ""
    sql_ratio = deep["sql_p50_ms"] / first["sql_p50_ms"]
    asgi_ratio = (deep.get("asgi_p50_ms") or 0) / (first.get("asgi_p50_ms") or 1)
    pages = first.get("requests", 0)
    return (
        f"(e) deep pages against the first {pages} pages of the same list: SQL p50 "
        f"{fmt_ms(deep['sql_p50_ms'])} against {fmt_ms(first['sql_p50_ms'])} ms "
        f"({sql_ratio:.2f}×), in-process ASGI p50 {fmt_ms(deep.get('asgi_p50_ms'))} against "
        f"{fmt_ms(first.get('asgi_p50_ms'))} ms ({asgi_ratio:.2f}×); target ≤ 1.5×."
    )


def step_sql(db: Path, scenarios: list[Scenario], per_scenario: int) -> dict[str, Any]:
    """Replay the app's own SQL for each scenario's paths in-process (bench/sqltime.py)."""
    spec = {sc.key: sc.ours[:per_scenario] for sc in scenarios if sc.ours}
    if not spec:
        return {}
    early = next((sc.early for sc in scenarios if sc.key == "e"), [])
    if spec.get("e") and early:  # the first pages of the list (e) pages deep into, for a ratio
        spec[FIRST_PAGES] = early[: len(spec["e"])]
    spec_file = WORK / "paths" / "sql-spec.json"
    spec_file.write_text(json.dumps(spec))
    out = subprocess.run(
        [PY, str(BENCH / "sqltime.py"), str(db), str(spec_file)],
        cwd=SRC,
        env=app_env({"DATABASE_URL": db_url(db)}),
        check=True,
        text=True,
        capture_output=True,
        timeout=1800,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# --------------------------------------------------------------------------- report


def fmt_ms(x: float | None) -> str:
    return "-" if x is None else (f"{x:.1f}" if x >= 1 else f"{x:.2f}")


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "kernel": platform.release(),
    }


def earlier_load(n: int) -> dict[str, Any] | None:
    """The load figures of the last run at this size (for --skip load, which reuses its DB)."""
    previous = RESULTS / f"{n}.json"
    if not previous.exists():
        return None
    earlier = json.loads(previous.read_text())
    load = earlier.get("load")
    if load and "measured_in" not in load:
        load["measured_in"] = f"the run of {earlier['date']} (commit {earlier['commit'][:12]})"
    return load  # type: ignore[no-any-return]


def report(res: dict[str, Any]) -> str:
    lines = [
        f"Size: {res['quotes']:,} quotes · date {res['date']} · commit {res['commit']} · "
        f"{res['machine']['cores']} cores ({res['machine']['cpu']}), "
        f"{res['machine']['memory_gib']} GiB · Python {res['machine']['python']}, "
        f"SQLite {res['machine']['sqlite']}",
        "",
    ]
    ld = res.get("load")
    if ld:
        o, b = ld["ours"], ld["sqlite3_executemany"]
        lines += [
            "| load | wall s | CPU s | rows | peak RSS | DB size |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            f"| `summitkb load` | {o['seconds']:.1f} | {o.get('cpu_seconds', 0):.1f} | "
            f"{o['rows']:,} | {o['peak_rss_mib']:,.0f} MiB | {o['db_bytes'] / 2**20:,.0f} MiB |",
            f"| plain sqlite3 executemany, same rows and schema | {b['seconds']:.1f} | | "
            f"{b['rows']:,} | - | {b['db_bytes'] / 2**20:,.0f} MiB |",
            f"| ratio ours / sqlite3 (wall) | {ld['ratio']}x | | | | |",
            "",
        ]
        if ld.get("measured_in"):
            lines += [f"Load measured in {ld['measured_in']}; this run reused its database.", ""]
        slow = sorted(b.get("seconds_by_table", {}).items(), key=lambda kv: -kv[1])[:4]
        if slow:
            lines += [
                "sqlite3 baseline, largest parts: " + ", ".join(f"{k} {v:.1f} s" for k, v in slow),
                "",
            ]
    scen = res.get("serve")
    if scen:
        lines += [
            f"Serving: wrk -t1 -c{res['connections']} -d{res['seconds']}s after a "
            f"{res['warmup']}s warm-up, each request a path drawn at random from "
            f"{res['n_params']} per scenario; each server pinned to CPU 1, wrk to CPU 0; "
            f"{res.get('serve_meta', {}).get('datasette', '')}.",
            "",
            "| scenario | server | 2xx req/s | p50 ms | p99 ms | non-2xx | other errors "
            "| ours / this server (2xx req/s: defaults / no shedding) | notes |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        labels = {
            "ours": "ours (defaults)",
            "ours_c10": "ours, 10 connections (diagnostic)",
            "ours_noshed": "ours, `MAX_CONCURRENT_REQUESTS` raised (no shedding)",
            "ours_noshed_c10": "ours, no shedding, 10 connections (diagnostic)",
            "bare": "bare FastAPI route (`bench/bare.py`, the framework's ceiling)",
            "datasette": "Datasette",
            "datasette_c10": "Datasette, 10 connections (diagnostic)",
            "datasette_nocount": "Datasette `_nocount=1&_nosuggest=1`",
            "datasette_nocount_c10": "Datasette `_nocount _nosuggest`, 10 connections",
        }

        def ok(m: dict[str, Any]) -> float:
            return float(m.get("ok_rps", m["rps"]))

        for sc in scen:
            r = sc["results"]
            ours, ours2 = r.get("ours"), r.get("ours_noshed")
            wanted = ["ours", "ours_c10", "ours_noshed", "ours_noshed_c10", "bare", "datasette"]
            wanted += ["datasette_c10"]
            if sc["nocount_applies"]:
                wanted += ["datasette_nocount", "datasette_nocount_c10"]
            first = True
            for key in wanted:
                m = r.get(key)
                if m is None and (key.endswith("_c10") or key in ("ours_noshed", "bare")):
                    continue
                title = sc["title"] if first else ""
                first = False
                note = sc["ours_note"] if key.startswith("ours") else sc["datasette_note"]
                if m is None:
                    lines.append(f"| {title} | {labels[key]} | | | | | | | {note or NOT_YET} |")
                    continue
                other = sum(v for k, v in m["errors"].items() if k != "status")
                ratio = ""
                compared = key.startswith("datasette") or key == "bare"
                if compared and not key.endswith("_c10") and ok(m):
                    parts = [
                        f"{ok(x) / ok(m):.2f}" if x and ok(x) and not x.get("stalled") else "-"
                        for x in (ours, ours2)
                    ]
                    ratio = " / ".join(parts)
                notes = list(m.get("notes", []))
                if m.get("loadavg_1m") is not None:
                    notes.append(f"load avg {m['loadavg_1m']}")
                lines.append(
                    f"| {title} | {labels[key]} | {ok(m):,.0f} | {fmt_ms(m['p50_ms'])} | "
                    f"{fmt_ms(m['p99_ms'])} | {m['errors']['status']:,} | {other:,} | {ratio} "
                    f"| {'; '.join(notes)} |"
                )
        sql = res.get("sql", {})
        if sql:
            lines += [
                "",
                f"SQL: the statements our app issued for the first {res.get('sql_per_scenario')} "
                "paths of each scenario, replayed with plain sqlite3 in one process (summed per "
                "request); the same requests in-process through the ASGI app (no network, one at "
                "a time); and the server's time per request at saturation (1000 / req/s above):",
                "",
                "| scenario | SQL statements / request | SQL p50 ms | SQL p99 ms "
                "| in-process ASGI p50 ms | HTTP ms / request (1000 / 2xx req/s, no shedding) "
                "| HTTP / SQL |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            ]
            for sc in scen:
                s = sql.get(sc["key"])
                if not s:
                    continue
                runs = [sc["results"].get(k) for k in ("ours_noshed", "ours")]
                rates = [r.get("ok_rps", r["rps"]) for r in runs if r and not r.get("stalled")]
                rate = next((x for x in rates if x), 0)
                per_req = 1000 / rate if rate else None
                ratio = (
                    f"{per_req / s['sql_p50_ms']:.0f}" if per_req and s.get("sql_p50_ms") else ""
                )
                lines.append(
                    f"| {sc['key']} | {s['statements_p50']:g} | {fmt_ms(s['sql_p50_ms'])} | "
                    f"{fmt_ms(s['sql_p99_ms'])} | {fmt_ms(s.get('asgi_p50_ms'))} | "
                    f"{fmt_ms(per_req)} | {ratio} |"
                )
            if deep_page_ratio(sql):
                lines += ["", deep_page_ratio(sql)]
    return "\n".join(lines) + "\n"


def scenario_records(scenarios: list[Scenario]) -> list[dict[str, Any]]:
    """The serving results of each scenario, as stored in results/N.json."""
    return [
        {
            "key": s.key,
            "title": s.title,
            "ours_note": s.ours_note,
            "datasette_note": s.datasette_note,
            "nocount_applies": s.nocount_applies,
            "results": s.results,
        }
        for s in scenarios
    ]


def update_readme(n: int, table: str) -> None:
    readme = BENCH / "README.md"
    text = readme.read_text()
    start, end = f"<!-- results:{n}:start -->", f"<!-- results:{n}:end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        readme.write_text(f"{head}{start}\n{table}{end}{tail}")


def git_commit() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return out.stdout.strip() or "none"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quotes", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--seconds", type=int, default=15, help="measured wrk run per target")
    p.add_argument("--warmup", type=int, default=5, help="wrk warm-up per target")
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--params", type=int, default=300, help="parameter sets per scenario")
    p.add_argument("--sql-per-scenario", type=int, default=100)
    p.add_argument(
        "--skip", action="append", default=[], choices=["generate", "load", "serve", "sql"]
    )
    p.add_argument("--readme", action="store_true", help="put the table into bench/README.md")
    p.add_argument(
        "--app-ref",
        default="HEAD",
        help="git commit of the app to measure, from a clean snapshot (default HEAD); "
        "'worktree' measures a copy of the working tree as it is now",
    )
    p.add_argument(
        "--report-only", action="store_true", help="re-render bench/results/N.json, run nothing"
    )
    args = p.parse_args(argv)
    if args.report_only:
        old = json.loads((RESULTS / f"{args.quotes}.json").read_text())
        table = report(old)
        old["table"] = table
        (RESULTS / f"{args.quotes}.json").write_text(json.dumps(old, indent=1) + "\n")
        (RESULTS / f"{args.quotes}.md").write_text(table)
        if args.readme:
            update_readme(args.quotes, table)
        print(table)
        return 0
    global SRC
    SRC, app_commit = app_snapshot(args.app_ref)
    log(f"app under test: {app_commit} ({SRC})")

    n = args.quotes
    (WORK / "db").mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    db = WORK / "db" / f"bench-{n}.db"
    res: dict[str, Any] = {
        "quotes": n,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": app_commit,
        "machine": machine(),
        "seconds": args.seconds,
        "warmup": args.warmup,
        "connections": args.connections,
        "n_params": args.params,
        "sql_per_scenario": args.sql_per_scenario,
        "command": "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    data = WORK / f"data-{n}"
    if "generate" not in args.skip:
        data = ensure_data(n, args.seed)
    if "load" not in args.skip:
        res["load"] = step_load(n, data, db)
    elif not db.exists():
        raise SystemExit(f"--skip load needs an existing {db}")
    else:
        res["load"] = earlier_load(n)
    scenarios: list[Scenario] = []
    if "serve" not in args.skip:
        scenarios, meta = step_serve(
            n, db, args.seconds, args.warmup, args.connections, args.params, args.seed
        )
        res["serve_meta"] = meta
        res["serve"] = scenario_records(scenarios)
    if "sql" not in args.skip and scenarios:
        res["sql"] = step_sql(db, scenarios, args.sql_per_scenario)
    table = report(res)
    res["table"] = table
    (RESULTS / f"{n}.json").write_text(json.dumps(res, indent=1) + "\n")
    (RESULTS / f"{n}.md").write_text(table)
    if args.readme:
        update_readme(n, table)
    print(table)
    return 0


def _terminate(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)  # so that the servers are stopped on the way out


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    sys.exit(main())
