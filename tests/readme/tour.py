"""The README's examples, run against a live server: each `sh` block that asks the API and is
followed by a plain block is an example, and the plain block is what it prints.

`python -m tests.readme.tour` serves the real seed on a free port and says where the README's
shown outputs differ from the live ones; `--update` writes the live outputs into the README.
"""

import argparse
import datetime as dt
import os
import re
import secrets
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from sqlalchemy import create_engine, insert

from app.db.models import ApiKey
from app.domain import KeyScope
from app.keys import TOKEN_PREFIX, token_hash
from app.loader import load_seed
from tests.browser.servers import api_server
from tests.databases import ROOT, migrate

README = ROOT / "README.md"
# The address the README's examples use (`make run`); a live run puts its own in its place.
README_BASE = "http://127.0.0.1:8000"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
COMMAND_SECONDS = 30
# The token of the write key the README's curation tour uses (`$KEY` in its commands).
WRITE_KEY = TOKEN_PREFIX + secrets.token_urlsafe(32)
MAX_BYTES = 1 << 30
# Headers whose values change with each load (`last-modified`) or with any change to the seed
# (the dataset version, and the ETags derived from it). Only these are compared by their shape:
# the value shown and the live one must each have the shape, and the rest of the line must match.
VOLATILE_HEADERS = {
    "etag": r'W/"[0-9a-f]{32}"',
    "last-modified": r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT",
    "x-dataset-version": r"[0-9a-f]{64}",
}
HEADER_LINE = re.compile(r"^(?P<name>[a-z-]+): (?P<value>.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Example:
    """One example of the README: its commands and the span of the output shown after them."""

    command: str
    shown: str
    output_start: int
    output_end: int


def examples(readme: str) -> list[Example]:
    """Every `sh` block that asks the API and is directly followed by a plain block."""
    blocks = list(FENCE.finditer(readme))
    found = []
    for block, after in pairwise(blocks):
        asks_api = block.group(1) == "sh" and f"{README_BASE}/" in block.group(2)
        if asks_api and after.group(1) == "" and block.end() == after.start():
            found.append(Example(block.group(2), after.group(2), *after.span(2)))
    return found


def run(example: Example, base: str) -> str:
    """What the example's commands print when they ask the API at `base` (with the write key
    the README makes as `$KEY`: see `seed_database`)."""
    command = example.command.replace(README_BASE, base)
    env = {**os.environ, "KEY": WRITE_KEY}
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=COMMAND_SECONDS, env=env
    )
    if done.returncode != 0 or done.stderr:
        raise RuntimeError(f"{command!r} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def comparable(output: str) -> str:
    """The output with each volatile header's value replaced by its name, if it has its shape."""

    def placeholder(line: re.Match[str]) -> str:
        name, value = line.group("name"), line.group("value")
        shape = VOLATILE_HEADERS.get(name)
        if shape is None or not re.fullmatch(shape, value):
            return line.group(0)
        return f"{name}: <{name}>"

    return HEADER_LINE.sub(placeholder, output)


def updated(readme: str, outputs: list[str]) -> str:
    """The README with each example's shown output replaced by the live one."""
    for example, output in reversed(list(zip(examples(readme), outputs, strict=True))):
        readme = readme[: example.output_start] + output + readme[example.output_end :]
    return readme


def seed_database(folder: Path) -> str:
    """A SQLite database holding the real seed, built as `make run` builds it, with the write
    key that the README's curation tour makes (`summitkb keys create`, stored as its hash)."""
    url = f"sqlite:///{folder / 'seed.db'}"
    migrate(url)
    load_seed(ROOT / "seed", url, MAX_BYTES)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            row = {"name": "newsroom", "scope": KeyScope.WRITE, "token_hash": token_hash(WRITE_KEY)}
            connection.execute(insert(ApiKey), {**row, "created_at": dt.datetime.now(dt.UTC)})
    finally:
        engine.dispose()
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="write the live outputs")
    update = parser.parse_args().update
    readme = README.read_text()
    with tempfile.TemporaryDirectory() as folder:
        url = seed_database(Path(folder))
        with api_server(url, {}, Path(folder) / "server.log") as base:
            outputs = [run(example, base) for example in examples(readme)]
    if update:
        README.write_text(updated(readme, outputs))
        return 0
    stale = [
        example.command
        for example, output in zip(examples(readme), outputs, strict=True)
        if comparable(output) != comparable(example.shown)
    ]
    for command in stale:
        print(f"stale output after:\n{command}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
