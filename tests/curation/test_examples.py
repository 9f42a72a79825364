"""The write examples of the OpenAPI document ("Try it out") are accepted over the real seed, in
the order /docs lists them: each POST adds its record, then each PATCH edits it, then the actor
added is merged."""

from pathlib import Path

from fastapi.testclient import TestClient

from app.api.write_docs import EXAMPLES, MERGE_EXAMPLE, PATCHES
from app.config import Settings
from app.main import create_app
from tests.readme.tour import WRITE_KEY, seed_database

# A source before what cites it, a quote before the position it is evidence of.
ORDER = ("sources", "topics", "actors", "events", "quotes", "positions")


def test_every_write_example_is_accepted_over_the_seed(tmp_path: Path) -> None:
    assert set(ORDER) == set(EXAMPLES)
    settings = Settings(database_url=seed_database(tmp_path))
    auth = {"Authorization": f"Bearer {WRITE_KEY}"}
    with TestClient(create_app(settings)) as client:
        for resource in ORDER:
            answer = client.post(f"/v1/{resource}", json=EXAMPLES[resource], headers=auth)
            assert answer.status_code == 201, answer.text
        for resource, patch in PATCHES.items():
            path = f"/v1/{resource}/{EXAMPLES[resource]['id']}"
            tag = client.get(path).headers["etag"]
            answer = client.patch(path, json=patch, headers={**auth, "If-Match": tag})
            assert answer.status_code == 200, answer.text
        actor = f"/v1/actors/{EXAMPLES['actors']['id']}"
        tag = client.get(actor).headers["etag"]
        answer = client.post(
            f"{actor}/merge", json=MERGE_EXAMPLE, headers={**auth, "If-Match": tag}
        )
        assert answer.status_code == 200, answer.text
