"""Base of every stored record: strict pydantic models, ids, and who recorded what when (REC-1)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

from pydantic import BaseModel, ConfigDict

from domain.core.calendar import LONDON


def new_id() -> str:
    return uuid4().hex


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Actor(Model):
    """Who made a write: the token's subject and display name."""

    subject: str
    name: str


class Recorded(Model):
    """When and by whom a record was written (REC-1: the time it was recorded, beside the date
    it happened)."""

    by: Actor
    at: datetime


def recorded_late(happened_on: date, recorded: Recorded) -> bool:
    """REC-1: a record is late when it was recorded after the day it happened (days in England
    and Wales)."""
    return recorded.at.astimezone(LONDON).date() > happened_on
