"""What a batch of writes answers: each record written, where it is served and its revision;
and what a merge of two actors is sent."""

from pydantic import BaseModel, ConfigDict, Field

from app.domain import SLUG_PATTERN
from app.schemas.common import Schema


class WrittenRecord(Schema):
    """One record a batch wrote."""

    resource: str = Field(examples=["quotes"])
    id: str = Field(examples=["trump-could-see-it-happening"])
    revision: int = Field(description="The number of the revision that created it.")
    etag: str = Field(description="The record's strong `ETag`, for a later edit's `If-Match`.")
    location: str = Field(
        description="Where the record is served.",
        examples=["http://127.0.0.1:8000/v1/quotes/trump-could-see-it-happening"],
    )


class BatchWritten(Schema):
    """The records of a batch, in the order of its writes: all were written, in one
    transaction."""

    written: list[WrittenRecord] = Field(description="Each record written, in order.")


class MergeInto(BaseModel):
    """The body of a merge: the actor that takes the merged one's place."""

    model_config = ConfigDict(extra="forbid")

    into: str = Field(
        pattern=SLUG_PATTERN,
        max_length=200,
        description="The id of the actor that every reference to the merged actor moves to.",
        examples=["volodymyr-zelensky"],
    )
