"""Check a parsed seed as a whole and build the rows it would write."""

from app.loader.checks import check_knowledge
from app.loader.read import ParsedSeed
from app.loader.records import RESOURCES
from app.loader.replaced import note_replaced
from app.loader.rows import BUILDERS, RecordRows
from app.loader.verify import SeedChecker

Plan = dict[str, dict[str, RecordRows]]


def build_plan(seed: ParsedSeed, max_file_bytes: int) -> Plan:
    """The rows of every record; problems are added to `seed.problems`."""
    check = SeedChecker(seed, max_file_bytes)
    unique = {resource: check.unique(resource) for resource in RESOURCES}
    for located in unique["sources"]:
        check.read_document(located)
    plan: Plan = {}
    for resource, builder in BUILDERS.items():
        rows = (builder(check, located) for located in unique[resource])
        plan[resource] = {built.main["id"]: built for built in rows if built is not None}
        note_replaced(resource, unique[resource], plan[resource])
    _check_repeated_quotes(check, unique)
    check_knowledge(check, unique)
    return plan


def _check_repeated_quotes(check: SeedChecker, unique: dict[str, list]) -> None:  # type: ignore[type-arg]
    seen: dict[tuple[str, str], str] = {}
    for located in unique["quotes"]:
        key = (located.record.speaker, located.record.text)
        if key in seen:
            reason = f"the same words by the same speaker are already quote {seen[key]!r}"
            check.report(located, ("text",), reason)
        else:
            seen[key] = located.record.id
