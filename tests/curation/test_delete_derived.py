"""After deletes through the API, every read endpoint answers as over a fresh load of the seed
without those records: nothing derived keeps a trace of them."""

import shutil
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from app.config import Settings
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED, fresh_database
from tests.curation.conftest import Api
from tests.curation.test_derived import answer, read_paths

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
    backend = "sqlite" if mini_url.startswith("sqlite") else "postgresql"
    for url in fresh_database(backend, sqlite_template, tmp_path):
        load_seed(seed_without_them(tmp_path), url, MAX_BYTES)
        with TestClient(create_app(Settings(database_url=url))) as loaded:
            paths = read_paths(loaded)
            assert paths == read_paths(api.client)
            differ = [p for p in paths if answer(api.client, p) != answer(loaded, p)]
    assert differ == []
    assert len(paths) > 50
