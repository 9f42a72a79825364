"""A load killed with SIGKILL at any moment leaves the old dataset or the new one, wholly, in a
database that passes SQLite's integrity and foreign key checks."""

import random
import subprocess
import time
from pathlib import Path

from tests.reliability.datasets import (
    BigSeeds,
    copy_database,
    integrity_problems,
    load_command,
    state_of,
)

KILLS = 20


def full_load_seconds(big_seeds: BigSeeds, folder: Path) -> float:
    """How long a whole load of the new dataset over the old one takes here (to spread kills)."""
    database = copy_database(big_seeds.old_db, folder / "timed.db")
    started = time.monotonic()
    subprocess.run(load_command(big_seeds.new, database), check=True, capture_output=True)
    return time.monotonic() - started


def test_a_killed_load_leaves_the_old_or_the_new_dataset_whole(
    big_seeds: BigSeeds, tmp_path: Path
) -> None:
    old = state_of(big_seeds.old_db)
    duration = full_load_seconds(big_seeds, tmp_path)
    new = state_of(tmp_path / "timed.db")
    assert (old[0], new[0]) == (big_seeds.old_version, big_seeds.new_version)
    delays = random.Random(20250815)
    outcomes = []
    for attempt in range(KILLS):
        database = copy_database(big_seeds.old_db, tmp_path / f"killed-{attempt}.db")
        loader = subprocess.Popen(
            load_command(big_seeds.new, database),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delays.uniform(0, duration))
        loader.kill()
        loader.wait()
        assert integrity_problems(database) == [], attempt
        state = state_of(database)
        assert state in (old, new), (attempt, state[0], state[1])
        outcomes.append("new" if state == new else "old")
        database.unlink()
    print(f"killed {KILLS} loads of ~{duration:.2f} s: {outcomes.count('old')} left the old")
