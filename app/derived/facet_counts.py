"""The facet counts of whole resources, read by unfiltered lists (queries.facets.stored).

They count every record of a resource, so a refresh counts again from the records: a handful of
grouped queries.
"""

from sqlalchemy import Connection, delete, insert, select

from app.db.derived_tables import search_facet_counts
from app.queries.facets import BASES, COUNTINGS, UNKNOWN_MONTH, count


def store_counts(connection: Connection) -> None:
    """Compute and store every facet over every resource."""
    connection.execute(delete(search_facet_counts))
    for resource, countings in COUNTINGS.items():
        base = select(BASES[resource]).subquery()
        for facet in countings:
            rows = [
                {
                    "resource": resource,
                    "facet": facet,
                    "value": item.value or UNKNOWN_MONTH,
                    "label": item.label,
                    "count": item.count,
                }
                for item in count(connection, resource, facet, base)
            ]
            if rows:
                connection.execute(insert(search_facet_counts), rows)
