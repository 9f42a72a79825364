"""After deletes through the API, every read endpoint answers as over a fresh load of the seed
without those records: nothing derived keeps a trace of them."""

import shutil
from pathlib import Path

import yaml

from tests.conftest import MINI_SEED
from tests.curation.conftest import Api
from tests.curation.test_derived import compared_with_a_fresh_load

DELETED = {
    "quotes": ["zelensky-pressure-on-russia", "putin-next-time-in-moscow"],
    "positions": ["zelensky-ceasefire"],
}


def seed_without_them(folder: Path) -> Path:
    seed = folder / "seed"
    shutil.copytree(MINI_SEED, seed)
    for resource, ids in DELETED.items():
        path = seed / f"{resource}.yaml"
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        kept = [record for record in records if record["id"] not in ids]
        path.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    return seed


def test_deletes_read_as_a_fresh_load_without_the_records(
    api: Api, mini_url: str, sqlite_template: Path, tmp_path: Path
) -> None:
    for resource, ids in DELETED.items():
        for record_id in ids:
            path = f"/v1/{resource}/{record_id}"
            headers = {**api.auth(), "If-Match": api.etag(path)}
            assert api.client.delete(path, headers=headers).status_code == 204
    paths, differ = compared_with_a_fresh_load(
        api, mini_url, seed_without_them(tmp_path), sqlite_template, tmp_path
    )
    assert differ == []
    assert len(paths) > 50
