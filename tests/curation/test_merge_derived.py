"""After a merge through the API, every read endpoint answers as over a fresh load of the seed
in which the merged actor was written as its successor from the start."""

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import MINI_SEED
from tests.curation.conftest import Api
from tests.curation.test_derived import compared_with_a_fresh_load

OLD, NEW = "volodymyr-zelensky", "volodymyr-zelenskyy"
SUCCESSOR = {"id": NEW, "name": "Volodymyr Zelenskyy", "kind": "person"}
MERGED = {
    **SUCCESSOR,
    "aliases": ["Volodymyr Zelensky", "Zelensky", "Zelenskyy"],
    "replaces": [OLD],
}


def renamed(value: Any) -> Any:
    if isinstance(value, list):
        return [renamed(item) for item in value]
    if isinstance(value, dict):
        return {key: NEW if item == OLD else renamed(item) for key, item in value.items()}
    return value


def merged_seed(folder: Path) -> Path:
    seed = folder / "seed"
    shutil.copytree(MINI_SEED, seed)
    for path in seed.glob("*.yaml"):
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem == "actors":
            records = [r for r in records if r["id"] != OLD] + [MERGED]
        path.write_text(yaml.safe_dump(renamed(records), allow_unicode=True), encoding="utf-8")
    return seed


def test_a_merge_reads_as_a_fresh_load_of_the_merged_seed(
    api: Api, mini_url: str, sqlite_template: Path, tmp_path: Path
) -> None:
    assert api.post("actors", SUCCESSOR).status_code == 201
    path = f"/v1/actors/{OLD}"
    headers = {**api.auth(), "If-Match": api.etag(path)}
    merged = api.client.post(f"{path}/merge", json={"into": NEW}, headers=headers)
    assert merged.status_code == 200, merged.text
    paths, differ = compared_with_a_fresh_load(
        api, mini_url, merged_seed(tmp_path), sqlite_template, tmp_path
    )
    assert differ == []
    assert len(paths) > 50
