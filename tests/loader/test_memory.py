"""A load's memory does not grow with the seed: the peak RSS of `summitkb load`, run as a child
process, for two generated seeds ten times apart in size."""

import os
import subprocess
from pathlib import Path

from tests.databases import migrate
from tests.reliability.datasets import generate, load_command

SMALL, LARGE = 2_000, 20_000  # quotes
# The large load's peak RSS over the small one's. A loader that holds the seed in memory grows
# with it (1.7x between these two sizes); a streaming one only fills its bounded buffers.
GROWTH = 1.5


def peak_rss_kib(seed: Path, database: Path) -> int:
    """The peak resident memory of one `summitkb load` of `seed` into a fresh database."""
    migrate(f"sqlite:///{database}")
    log = database.with_suffix(".log")
    with log.open("wb") as output:
        loader = subprocess.Popen(load_command(seed, database), stdout=output, stderr=output)
        _, status, usage = os.wait4(loader.pid, 0)
    loader.returncode = os.waitstatus_to_exitcode(status)
    assert loader.returncode == 0, log.read_text()[-2000:]
    return usage.ru_maxrss


def test_peak_memory_does_not_grow_with_the_seed(tmp_path: Path) -> None:
    small = peak_rss_kib(generate(tmp_path / "small", 1, SMALL), tmp_path / "small.db")
    large = peak_rss_kib(generate(tmp_path / "large", 1, LARGE), tmp_path / "large.db")
    figures = f"{SMALL:,} quotes: {small / 1024:.0f} MiB, {LARGE:,} quotes: {large / 1024:.0f} MiB"
    assert large <= small * GROWTH, figures
