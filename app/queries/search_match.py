"""`Matches`: a filter "this record matches the search", compiled by each dialect module."""

from typing import Any

from sqlalchemy import Boolean
from sqlalchemy.sql.expression import ColumnElement

from app.queries.search_syntax import Node


class Matches(ColumnElement[bool]):
    """True where `key` (a record id column) names a record of `record_type` matching `node`."""

    type = Boolean()
    # The rendered expression is bound at compile time, so statements holding it are not cached.
    inherit_cache = False

    def __init__(self, key: Any, record_type: str, node: Node) -> None:
        self.key = key
        self.record_type = record_type
        self.node = node
