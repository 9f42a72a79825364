"""Everything derived stays true: after writes through the API, every read endpoint answers as
it does over a fresh load of the same knowledge (the seed with the same changes made to it)."""

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from app.config import Settings
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED, fresh_database
from tests.curation.conftest import Api
from tests.curation.helpers import new_position, new_quote, new_source

RENAME = {"name": "V. V. Putin", "aliases": ["Putin", "the Russian leader"]}
QUOTE_EDIT = {"topics": ["ceasefire", "security-guarantees"]}
# What differs between two loads of the same knowledge: when, and the version's name.
LOAD_STAMPS = ("version", "loaded_at")


def write_through_the_api(api: Api, in_one_batch: bool) -> None:
    source = new_source()
    quote = new_quote(
        id="kremlin-will-continue",
        speaker="russia",
        text="will continue",
        said_on="2025-08-18",
        fragment=True,
        citations=[
            {
                "source": source["id"],
                "excerpt": "The Kremlin said on Monday that talks “will continue”.",
            }
        ],
    )
    writes = [
        ("sources", source),
        ("quotes", new_quote()),
        ("quotes", quote),
        ("positions", new_position(evidence=["putin-sincerely-interested"])),
    ]
    if in_one_batch:
        batch = {"writes": [{"resource": r, "record": body} for r, body in writes]}
        written = api.post("batch", batch)
        assert written.status_code == 201, written.text
    else:
        for resource, body in writes:
            assert api.post(resource, body).status_code == 201, body["id"]
    actor = "/v1/actors/vladimir-putin"
    assert api.patch(actor, RENAME, api.etag(actor)).status_code == 200
    edited = "/v1/quotes/putin-next-time-in-moscow"
    assert api.patch(edited, QUOTE_EDIT, api.etag(edited)).status_code == 200


def the_same_seed(folder: Path) -> Path:
    """The mini seed with the same changes, as a curator would write them."""
    seed = folder / "seed"
    shutil.copytree(MINI_SEED, seed)
    source = new_source()
    (seed / "documents" / "kremlin-note.txt").write_bytes(source.pop("text").encode())
    source["file"] = "documents/kremlin-note.txt"
    quote = new_quote(
        id="kremlin-will-continue",
        speaker="russia",
        text="will continue",
        said_on="2025-08-18",
        citations=[
            {
                "source": source["id"],
                "excerpt": "The Kremlin said on Monday that talks “will continue”.",
            }
        ],
    )
    append(seed / "sources.yaml", source)
    append(seed / "quotes.yaml", new_quote(), quote)
    append(seed / "positions.yaml", new_position(evidence=["putin-sincerely-interested"]))
    change(seed / "actors.yaml", "vladimir-putin", RENAME)
    change(seed / "quotes.yaml", "putin-next-time-in-moscow", QUOTE_EDIT)
    return seed


def append(path: Path, *records: dict[str, Any]) -> None:
    existing = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump([*existing, *records], allow_unicode=True), encoding="utf-8")


def change(path: Path, record_id: str, fields: dict[str, Any]) -> None:
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    for record in records:
        if record["id"] == record_id:
            record.update(fields)
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


def read_paths(client: TestClient) -> list[str]:
    """Every read endpoint: the lists (with facets), each record and what hangs off it."""
    paths = [
        "/v1/meta",
        "/v1/quotes?facet=speaker&facet=topic&limit=500",
        "/v1/quotes?from=2025-08-15&to=2025-08-18&facet=speaker",
        "/v1/events?limit=500",
        "/v1/positions?limit=500&facet=stance",
        "/v1/actors?limit=500",
        "/v1/topics?limit=500",
        "/v1/sources?limit=500",
        "/v1/timeline?limit=500",
        "/v1/stances",
        "/v1/stances?topic=ceasefire",
        "/v1/search?q=ceasefire&limit=50",
        "/v1/search?q=putin&limit=50",
        "/v1/search?q=%22will+continue%22",
        "/v1/export",
        "/v1/quotes?format=csv",
        "/v1/quotes?format=ndjson",
    ]
    for resource in ("quotes", "events", "positions", "actors", "topics", "sources"):
        paths.append(f"/v1/export/{resource}")
        listed = client.get(f"/v1/{resource}", params={"limit": 500}).json()["items"]
        for item in listed:
            paths.append(f"/v1/{resource}/{item['id']}")
            paths.append(f"/v1/{resource}/{item['id']}?format=jsonld")
            if resource == "actors":
                for part in ("quotes", "positions", "events"):
                    paths.append(f"/v1/actors/{item['id']}/{part}")
            if resource == "sources":
                paths.append(f"/v1/sources/{item['id']}/text")
    return paths


def answer(client: TestClient, path: str) -> tuple[int, Any]:
    got = client.get(path)
    if not got.headers.get("content-type", "").startswith("application/json"):
        return got.status_code, got.text
    body = got.json()
    if isinstance(body, dict):
        for stamp in LOAD_STAMPS:
            body.pop(stamp, None)
    return got.status_code, body


def compared_with_a_fresh_load(
    api: Api, mini_url: str, seed: Path, sqlite_template: Path, tmp_path: Path
) -> tuple[list[str], list[str]]:
    """Load `seed` into a fresh database of `mini_url`'s backend: the read paths of both (which
    must be the same list) and those whose answers differ from the API's."""
    backend = "sqlite" if mini_url.startswith("sqlite") else "postgresql"
    for url in fresh_database(backend, sqlite_template, tmp_path):
        load_seed(seed, url, MAX_BYTES)
        with TestClient(create_app(Settings(database_url=url))) as loaded:
            paths = read_paths(loaded)
            assert paths == read_paths(api.client)
            differ = [p for p in paths if answer(api.client, p) != answer(loaded, p)]
    return paths, differ


@pytest.mark.parametrize("in_one_batch", [False, True], ids=["one-by-one", "in-a-batch"])
def test_writes_through_the_api_read_as_a_fresh_load_of_the_same_knowledge(
    api: Api, mini_url: str, sqlite_template: Path, tmp_path: Path, in_one_batch: bool
) -> None:
    write_through_the_api(api, in_one_batch)
    seed = the_same_seed(tmp_path)
    paths, differ = compared_with_a_fresh_load(api, mini_url, seed, sqlite_template, tmp_path)
    assert differ == []
    assert len(paths) > 60


@pytest.mark.parametrize("path", ["/v1/meta"])
def test_the_comparison_would_see_a_difference(api: Api, path: str) -> None:
    before = answer(api.client, path)
    assert api.post("quotes", new_quote()).status_code == 201
    assert answer(api.client, path) != before
