"""The command line: `summitkb migrate`, `load`, `bootstrap`, `serve`, `extract`, `keys` and
`export-seed`."""

import datetime as dt
import zoneinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer
import yaml
from sqlalchemy.engine import make_url

from app.cli_common import DatabaseUrl, fail, one_line_errors, resolve_url
from app.cli_export import export_seed_command
from app.cli_keys import keys
from app.config import PROJECT_ROOT, Settings
from app.loader import (
    Edit,
    EditsWouldBeLost,
    LoadReport,
    SeedRejected,
    load_seed,
    pending_edits,
)

if TYPE_CHECKING:
    from app.extraction.knowledge import Knowledge

cli = typer.Typer(help="Summit KB: a source-attributed knowledge API.", no_args_is_help=True)
cli.add_typer(keys, name="keys")
cli.command("export-seed")(export_seed_command)

EDITS_LISTED = 50  # records named by a refused load; then how many more


def ensure_sqlite_folder(url: str) -> None:
    prefix = "sqlite:///"
    if url.startswith(prefix) and url != "sqlite:///:memory:":
        Path(url.removeprefix(prefix)).parent.mkdir(parents=True, exist_ok=True)


@cli.command()
def migrate(database_url: DatabaseUrl = None, revision: str = "head") -> None:
    """Bring the database schema up to `revision` with the Alembic migrations."""
    from alembic import command
    from alembic.config import Config

    url = resolve_url(database_url)
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    with one_line_errors(url):
        ensure_sqlite_folder(url)
        command.upgrade(config, revision)
    typer.echo(f"schema at {revision}")


SeedDir = Annotated[Path | None, typer.Argument(help="Seed folder (default: seed/).")]


@cli.command()
def load(
    seed_dir: SeedDir = None,
    database_url: DatabaseUrl = None,
    discard_edits: Annotated[
        bool,
        typer.Option(
            help="Load even over records edited through the API since the last load: their"
            " edits are lost (their revisions stay)."
        ),
    ] = False,
) -> None:
    """Verify a seed folder and load it into the database in one transaction."""
    try:
        report = run_load(seed_dir, resolve_url(database_url), discard_edits)
    except EditsWouldBeLost as refused:
        list_edits(refused.edits)
        typer.echo(
            f"refused: {len(refused.edits)} record(s) edited through the API since the last load"
            " would be overwritten; nothing was written (`--discard-edits` loads anyway)",
            err=True,
        )
        raise typer.Exit(code=1) from None
    print_report(report)


@cli.command()
def bootstrap(seed_dir: SeedDir = None, database_url: DatabaseUrl = None) -> None:
    """Load the seed into a database that holds no dataset yet, or no edit since its last load
    (where the seed changed); otherwise leave the database as it is. Says which, in one line."""
    url = resolve_url(database_url)
    with one_line_errors(url):
        edits = pending_edits(url)
    report = None
    try:
        # Edits can come between that look and the load's lock: the load looks again.
        if not edits:
            report = run_load(seed_dir, url, discard_edits=False)
    except EditsWouldBeLost as refused:
        edits = refused.edits
    if report is None:
        typer.echo(
            f"serving the database as it is: {len(edits)} record(s) edited through the API"
            " since the last load; the seed was not loaded (see `summitkb load --discard-edits`)"
        )
    elif report.written:
        change = sum_changes(report)
        typer.echo(f"loaded the seed as dataset {report.version[:12]} ({change})")
    else:
        typer.echo(f"the seed is loaded already (dataset {report.version[:12]}): serving it")


def run_load(seed_dir: Path | None, url: str, discard_edits: bool) -> LoadReport:
    """Load the seed; every problem of a rejected seed listed, then exit status 1."""
    settings = Settings()
    seed = seed_dir or settings.seed_dir
    if not seed.is_dir():
        fail(f"no seed folder at {seed}: give the folder that holds the seed's YAML files")
    try:
        with one_line_errors(url):
            max_bytes = settings.seed_max_file_bytes
            return load_seed(seed, url, max_bytes, report_waiting, discard_edits)
    except SeedRejected as rejected:
        for problem in rejected.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"rejected: {len(rejected.problems)} problem(s); nothing was written", err=True)
        raise typer.Exit(code=1) from None


def list_edits(edits: list[Edit]) -> None:
    for edit in edits[:EDITS_LISTED]:
        typer.echo(
            f"{edit.resource}/{edit.record_id}: {edit.revisions} revision(s),"
            f" the last by {edit.last_author}",
            err=True,
        )
    if len(edits) > EDITS_LISTED:
        typer.echo(f"... and {len(edits) - EDITS_LISTED} more", err=True)


def sum_changes(report: LoadReport) -> str:
    changes = report.changes.values()
    inserted, updated = sum(c.inserted for c in changes), sum(c.updated for c in changes)
    return f"{inserted} inserted, {updated} updated, {sum(c.deleted for c in changes)} deleted"


def report_waiting(waited_s: float) -> None:
    """What a load says while another load of the same database runs."""
    typer.echo(
        f"another load is writing to this database; waiting for it to end ({waited_s:.0f} s)",
        err=True,
    )


def print_report(report: LoadReport) -> None:
    typer.echo(f"{'resource':<10} {'inserted':>9} {'updated':>8} {'deleted':>8} {'unchanged':>10}")
    for resource, change in report.changes.items():
        typer.echo(
            f"{resource:<10} {change.inserted:>9} {change.updated:>8}"
            f" {change.deleted:>8} {change.unchanged:>10}"
        )
    state = "loaded" if report.written else "already loaded; nothing written"
    typer.echo(f"dataset {report.version[:12]}: {state}")


@cli.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: Annotated[
        int, typer.Option(min=1, envvar="WEB_CONCURRENCY", help="Worker processes.")
    ] = 1,
    reload: bool = False,
) -> None:
    """Serve the API with uvicorn; logs follow LOG_LEVEL and LOG_FORMAT."""
    import uvicorn

    from app.observability.logs import logging_config

    settings = Settings()
    uvicorn.run(
        "app.main:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_config=logging_config(settings.log_level, settings.log_format),
        log_level=settings.log_level.lower(),
        access_log=False,  # the application writes its own, with route and request id
        **server_limits(settings),
    )


def server_limits(settings: Settings) -> dict[str, Any]:
    """uvicorn's bounds on connections and request heads, from the settings."""
    return {
        "http": settings.http_parser,
        "h11_max_incomplete_event_size": settings.max_request_head_bytes,
        "limit_concurrency": settings.max_connections,
        "timeout_keep_alive": settings.keep_alive_seconds,
        "backlog": settings.listen_backlog,
    }


class Format(StrEnum):
    YAML = "yaml"
    JSON = "json"


@cli.command()
def extract(
    article: Annotated[Path, typer.Argument(help="The article's text (UTF-8).")],
    published: Annotated[
        str,
        typer.Option(help="When the article was published: YYYY-MM-DD, or a date and time."),
    ],
    time_zone: Annotated[
        str | None,
        typer.Option(help="The IANA time zone it was published in (e.g. Europe/Moscow)."),
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    source: Annotated[
        str | None, typer.Option(help="The id its citations name (default: from the file name).")
    ] = None,
    output: Annotated[Format, typer.Option("--format", help="yaml or json.")] = Format.YAML,
    database_url: DatabaseUrl = None,
) -> None:
    """Propose the quotes of an article (speaker, date, verified citation), its dates and the
    known actors and topics it names; the actors and topics come from the database's dataset."""
    from app.extraction.bodies import slug
    from app.extraction.dates import local_date
    from app.extraction.engine import suggest
    from app.extraction.schema import ArticleSpan

    text = read_article_text(article)
    on = local_date(parse_published(published), checked_zone(time_zone))
    url = resolve_url(database_url)
    with one_line_errors(url):
        knowledge = known_in(url)
    found = suggest(
        text,
        [ArticleSpan(id=None, start=0, end=len(text), published_on=on)],
        knowledge,
        source or slug(article.stem),
        publisher,
    )
    body = found.model_dump(mode="json")
    if output == Format.JSON:
        typer.echo(orjson.dumps(body, option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100), nl=False)


def read_article_text(path: Path) -> str:
    if not path.is_file():
        fail(f"no article at {path}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        fail(f"{path} is not UTF-8 ({error.reason})")


def parse_published(value: str) -> dt.date | dt.datetime:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        fail(f"--published {value!r} is not a date (YYYY-MM-DD) or a date and time")


def checked_zone(name: str | None) -> str | None:
    if name is not None:
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            fail(f"--time-zone {name!r} is not a time zone of the IANA database")
    return name


def known_in(url: str) -> "Knowledge":
    """The actors and topics of the database's dataset; none where there is no database yet."""
    from app.db.engine import build_engine, is_sqlite
    from app.extraction.knowledge import NOTHING_KNOWN
    from app.queries.knowledge import read_knowledge

    if is_sqlite(url) and not Path(make_url(url).database or "").is_file():
        return NOTHING_KNOWN
    engine = build_engine(url, pool_size=1)
    try:
        with engine.connect() as connection:
            return read_knowledge(connection)
    finally:
        engine.dispose()


def main() -> None:
    cli()
