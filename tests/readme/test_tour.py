"""The README's examples print what the README shows, run against a live server over seed/.

A failure here means the README has drifted from the API: refresh its outputs with
`python -m tests.readme.tour --update` and read the diff.
"""

import os
import subprocess
from collections.abc import Iterator

import pytest

from tests.browser.servers import api_server
from tests.databases import ROOT
from tests.readme.tour import (
    FENCE,
    README,
    README_BASE,
    Example,
    comparable,
    examples,
    run,
    seed_database,
)

README_TEXT = README.read_text()
EXAMPLES = examples(README_TEXT)
# The researcher's part of the README, where every request shown must show its answer too.
RESEARCHER_PART = README_TEXT.split("\n## Changes\n")[0]


@pytest.fixture(scope="module")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("readme")
    with api_server(seed_database(folder), {}, folder / "server.log") as base:
        yield base


def first_line(example: Example) -> str:
    return example.command.splitlines()[0][:60]


@pytest.mark.parametrize("example", EXAMPLES, ids=first_line)
def test_the_example_prints_what_the_readme_shows(example: Example, live_api: str) -> None:
    assert comparable(run(example, live_api)) == comparable(example.shown)


def test_every_request_before_the_changes_shows_its_answer() -> None:
    asked = [
        block
        for language, block in FENCE.findall(RESEARCHER_PART)
        if language == "sh" and f"{README_BASE}/" in block
    ]
    assert [example.command for example in examples(RESEARCHER_PART)] == asked != []


def test_volatile_headers_compare_by_their_shape_alone() -> None:
    shown = (
        'etag: W/"406705e35bd9816df13545c4d3962a59"\nlast-modified: Tue, 24 Nov 2026 07:17:28 GMT\n'
    )
    live = (
        'etag: W/"d6cd359064c7cf3992fa367946718464"\nlast-modified: Thu, 03 Dec 2026 14:33:52 GMT\n'
    )
    assert comparable(live) == comparable(shown)
    assert comparable('etag: "not-weak"\n') != comparable(shown.splitlines()[0] + "\n")
    assert comparable("vary: Accept, Origin\n") != comparable("vary: Accept, Accept-Encoding\n")
    assert comparable(f"x: {'a' * 64}\n") != comparable(f"x: {'b' * 64}\n")


def test_a_failing_command_is_an_error_not_an_empty_output(live_api: str) -> None:
    broken = Example(f"curl -s '{README_BASE}/v1/meta' | no-such-tool-here", "", 0, 0)
    with pytest.raises(RuntimeError, match="no-such-tool-here"):
        run(broken, live_api)


def test_port_and_host_choose_where_make_run_serves() -> None:
    environment = {**os.environ, "PORT": "8001", "HOST": "0.0.0.0"}
    planned = subprocess.run(
        ["make", "--dry-run", "run"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert planned.returncode == 0, planned.stderr
    assert "summitkb serve --host 0.0.0.0 --port 8001" in planned.stdout
