"""`summitkb extract`: suggestions for an article file, knowing the actors and topics of the
database's dataset (none without one); bad input is one line and exit status 1."""

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from app.cli import cli
from tests.test_cli import refused

runner = CliRunner()
ARTICLE = (
    "MOSCOW — Fadeev said yesterday the talks were “insignificant”.\n\n"
    "“We will not take part,” he added. Maria Santos, a farmer, said “nobody asked us”.\n"
)


def article(tmp_path: Path, text: str = ARTICLE) -> Path:
    path = tmp_path / "moscow-briefing.txt"
    path.write_text(text, encoding="utf-8")
    return path


def extract(*arguments: str) -> dict[str, Any]:
    result = runner.invoke(cli, ["extract", *arguments])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = yaml.safe_load(result.output)
    return found


def test_speakers_are_the_datasets_actors(tmp_path: Path, mini_db: str) -> None:
    found = extract(str(article(tmp_path)), "--published", "2025-08-14", "--database-url", mini_db)
    assert found["source"] == "moscow-briefing"
    speakers = [(q["speaker"]["actor"], q["speaker"]["how"]) for q in found["quotes"]]
    assert speakers == [("alexey-fadeev", "alias"), ("alexey-fadeev", "pronoun"), (None, "new")]
    santos = {"id": "maria-santos", "name": "Maria Santos", "kind": "person"}
    assert [{"id": a["id"], "name": a["name"]} for a in found["new_actors"]] == [
        {"id": "maria-santos", "name": "Maria Santos"}
    ]
    assert santos.items() <= found["new_actors"][0]["record"].items()
    assert {"kind": "actor", "id": "alexey-fadeev"}.items() <= found["mentions"][0].items()
    first = found["quotes"][0]
    assert (
        first["said_on"]["date"] == "2025-08-13"
        and first["said_on"]["words"]["text"] == "yesterday"
    )
    assert first["excerpt"]["verified"] and first["record"]["speaker"] == "alexey-fadeev"


def test_json_and_no_database(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "kb.db"
    result = runner.invoke(
        cli,
        [
            "extract",
            str(article(tmp_path)),
            "--published",
            "2025-08-14",
            "--format",
            "json",
            "--source",
            "briefing-1",
            "--publisher",
            "Example News",
            "--database-url",
            f"sqlite:///{missing}",
        ],
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["publisher"] == "Example News" and found["mentions"] == []
    assert [q["speaker"]["name"] for q in found["quotes"]] == ["Fadeev", "Fadeev", "Maria Santos"]
    assert found["quotes"][0]["record"]["citations"][0]["source"] == "briefing-1"
    assert not missing.parent.exists()  # reading knowledge creates no database


def test_a_database_with_no_dataset_knows_nobody(tmp_path: Path, empty_db: str) -> None:
    found = extract(str(article(tmp_path)), "--published", "2025-08-14", "--database-url", empty_db)
    assert found["mentions"] == [] and found["quotes"][0]["speaker"]["new"]


def test_the_time_zone_moves_the_articles_date(tmp_path: Path) -> None:
    path, late = str(article(tmp_path)), "2025-08-14T22:30:00+00:00"
    nowhere = f"sqlite:///{tmp_path / 'none.db'}"
    utc = extract(path, "--published", late, "--database-url", nowhere)
    moscow = extract(
        path, "--published", late, "--time-zone", "Europe/Moscow", "--database-url", nowhere
    )
    assert utc["quotes"][0]["said_on"]["date"] == "2025-08-13"
    assert moscow["quotes"][0]["said_on"]["date"] == "2025-08-14"
    assert moscow["articles"][0]["published_on"] == "2025-08-15"


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    path = str(article(tmp_path))
    nowhere = f"sqlite:///{tmp_path / 'none.db'}"
    missing = runner.invoke(cli, ["extract", str(tmp_path / "no.txt"), "--published", "2025-08-14"])
    assert "no article at" in refused(missing)
    bad_date = runner.invoke(
        cli, ["extract", path, "--published", "14/08/2025", "--database-url", nowhere]
    )
    assert "is not a date" in refused(bad_date)
    zone = ["--published", "2025-08-14", "--time-zone", "Mars/Olympus", "--database-url", nowhere]
    assert "not a time zone" in refused(runner.invoke(cli, ["extract", path, *zone]))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("“Café,” he said.".encode("cp1252"))
    not_utf8 = runner.invoke(cli, ["extract", str(latin), "--published", "2025-08-14"])
    assert "is not UTF-8" in refused(not_utf8)
