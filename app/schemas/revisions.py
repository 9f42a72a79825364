"""A revision: one change to one record, who made it, when and why."""

import datetime as dt
from typing import Any

from pydantic import Field

from app.domain import ChangeKind
from app.schemas.common import Schema


class RevisionHead(Schema):
    """What every listing of a revision says of it: which record, what kind of change, when and
    by whom."""

    number: int = Field(description="The revision's number, in the order changes were made.")
    resource: str = Field(examples=["quotes"])
    record_id: str = Field(examples=["putin-sincerely-interested"])
    kind: ChangeKind = Field(description="create, update or delete.")
    made_at: dt.datetime = Field(description="When the change was made (UTC).")
    author: str = Field(
        description="The name of the API key that made the change, or `summitkb load`.",
        examples=["newsroom"],
    )


SUMMARY = Field(description="The author's edit summary.", examples=["typo"])


class RevisionRead(RevisionHead):
    """One change to a record: a creation (`change` is the body), an edit (`change` is the JSON
    merge patch) or a load's insert, update or delete (`change` holds the record's content
    hash)."""

    by_key: bool = Field(description="Whether an API key made it (else a load).")
    summary: str | None = SUMMARY
    change: Any = Field(description="What changed (see above).")


class ChangeRead(RevisionHead):
    """One entry of the change feed: a revision of some record, without its change."""

    number: int = Field(description="The revision's number: pass the last one seen as `since`.")
    summary: str | None = SUMMARY
    url: str | None = Field(
        description="The record's address (after a delete it answers 410 Gone); null for a "
        "record the API does not serve (a spelling variant of the search).",
        examples=["/v1/quotes/putin-sincerely-interested"],
    )
