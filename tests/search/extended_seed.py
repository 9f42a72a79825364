"""The mini seed plus records that search and the views need: accented names, a changed stance,
a topic alias and a variant spelling."""

import shutil
from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.loader import load_seed
from app.main import create_app
from tests.databases import ROOT, migrate, postgres_schema

MINI_SEED = ROOT / "tests" / "fixtures" / "mini"

EXTRA_ACTORS = """
- id: antonio-costa
  name: António Costa
  kind: person
  aliases: [Costa]
  description: President of the European Council; spells Zelenskyy's name <the Ukrainian way>.
"""

# Earlier stances for the views' tests, dated before the article they cite: their dated_by are
# words of the article that give no date of their own, which the loader takes as the reason.
EXTRA_POSITIONS = """
- id: russia-ceasefire-2025-07
  actor: russia
  topic: ceasefire
  stance: conditional
  statement: Would consider a ceasefire on its terms.
  held_on: 2025-07-10
  dated_by: after weeks
  citations:
    - source: chinadaily-2025-08-14
      excerpt: Zelensky has called for a full ceasefire, a proposal which Russia has rejected.
- id: russia-ceasefire-2025-06
  actor: russia
  topic: ceasefire
  stance: conditional
  statement: Open to a ceasefire if Ukraine stops mobilising.
  held_on: 2025-06
  dated_by: after weeks
  citations:
    - source: chinadaily-2025-08-14
      excerpt: Zelensky has called for a full ceasefire, a proposal which Russia has rejected.
"""


TOPIC_ALIAS = ("  name: Ceasefire\n", "  name: Ceasefire\n  aliases: [cessation of hostilities]\n")

VARIANTS = """
- id: ceasefire-spellings
  kind: spelling
  words: [ceasefire, cease-fire]
  citations:
    - source: chinadaily-2025-08-14
      excerpt: Zelensky has called for a full ceasefire
"""


def extended_seed(folder: Path) -> Path:
    """A copy of the mini seed with the extra records appended."""
    target = folder / "seed"
    shutil.copytree(MINI_SEED, target)
    with (target / "actors.yaml").open("a", encoding="utf-8") as actors:
        actors.write(EXTRA_ACTORS)
    with (target / "positions.yaml").open("a", encoding="utf-8") as positions:
        positions.write(EXTRA_POSITIONS)
    topics = target / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(*TOPIC_ALIAS), encoding="utf-8")
    (target / "variants.yaml").write_text(VARIANTS, encoding="utf-8")
    return target


def loaded(backend: str, folder: Path, seed: Path | None = None) -> Iterator[str]:
    """A migrated database of `backend` holding `seed` (by default the extended seed)."""
    seed = seed or extended_seed(folder)
    if backend == "sqlite":
        url = f"sqlite:///{folder / 'extended.db'}"
        migrate(url)
        load_seed(seed, url, 1 << 30)
        yield url
        return
    with postgres_schema() as url:
        migrate(url)
        load_seed(seed, url, 1 << 30)
        yield url


def client_over(url: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=url))) as client:
        yield client
