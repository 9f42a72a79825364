"""Write the API's OpenAPI document to a file: the input of the TypeScript client's generator."""

import json
import sys
import tempfile
from pathlib import Path

from app.config import Settings
from app.main import create_app


def write_openapi(path: Path) -> None:
    """Write the current application's OpenAPI document to `path` as JSON."""
    with tempfile.TemporaryDirectory() as folder:  # the schema needs no data, only an app
        document = create_app(Settings(database_url=f"sqlite:///{folder}/schema.db")).openapi()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_openapi(Path(sys.argv[1] if len(sys.argv) > 1 else "var/openapi.json"))
