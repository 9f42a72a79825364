"""Answers of the operations endpoints /healthz and /readyz."""

from typing import Literal

from pydantic import BaseModel, Field


class LivenessRead(BaseModel):
    """The process is alive and answering."""

    status: Literal["ok"] = Field(description="Always `ok`.", examples=["ok"])


class ReadinessRead(BaseModel):
    """The instance can serve the API: every check passed."""

    status: Literal["ready"] = Field(description="Always `ready`.", examples=["ready"])
    checks: dict[str, str] = Field(
        description="Each check (`database`, `schema`, `dataset`) and its outcome.",
        examples=[{"database": "ok", "schema": "ok", "dataset": "ok"}],
    )
    dataset_version: str = Field(
        description="Version of the loaded dataset, as in `GET /v1/meta`.",
        examples=["3f9a0c2d41b7e8a5"],
    )
