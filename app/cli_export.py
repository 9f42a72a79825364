"""`summitkb export-seed DIR`: the database's knowledge written as a seed that a load reads."""

from pathlib import Path
from typing import Annotated

import typer

from app.cli_common import DatabaseUrl, fail, one_line_errors, resolve_url
from app.curation.seed_export import NotAnEmptyFolder, export_seed
from app.db.engine import build_engine
from app.db.revision import require_current_schema


def export_seed_command(
    folder: Annotated[Path, typer.Argument(help="Where to write it: a new or empty folder.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Write the database's knowledge as a seed: YAML per resource and the documents, notes
    included, so that `summitkb load DIR` gives the same knowledge (edits made through the API
    included)."""
    url = resolve_url(database_url)
    engine = build_engine(url)
    try:
        with one_line_errors(url), engine.connect() as connection:
            require_current_schema(connection)
            counts = export_seed(connection, folder)
    except NotAnEmptyFolder as error:
        fail(str(error))
    finally:
        engine.dispose()
    listed = ", ".join(f"{count} {resource}" for resource, count in counts.items())
    typer.echo(f"exported to {folder}: {listed}")
