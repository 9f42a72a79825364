"""The ids that merged or renamed records replace, written with each load: they keep answering."""

from sqlalchemy import Connection, delete, insert

from app.db.models import ReplacedId
from app.loader.read import Located
from app.loader.rows import RecordRows

CHILD = "replaced_ids"


def note_replaced(resource: str, records: list[Located], built: dict[str, RecordRows]) -> None:
    """Give each record that replaces ids their rows, part of what its content hash covers."""
    for located in records:
        rows = located.record.replaces and built.get(located.record.id)
        if rows:
            rows.children[CHILD] = [
                {"resource": resource, "old_id": old_id, "new_id": located.record.id}
                for old_id in dict.fromkeys(located.record.replaces)
            ]
            rows.seal()


def rewrite_replaced(connection: Connection, plan: dict[str, dict[str, RecordRows]]) -> None:
    """Replace the stored table of replaced ids with the plan's."""
    connection.execute(delete(ReplacedId))
    rows = [
        row
        for records in plan.values()
        for built in records.values()
        for row in built.children.get(CHILD, [])
    ]
    if rows:
        connection.execute(insert(ReplacedId), rows)
