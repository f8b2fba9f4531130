"""Victim records (VIC-1 to VIC-3), kept apart from the case: a ``victims`` collection written
and read only by victim liaison officers. The case keeps one fact for VIC-2, per sentence: the
earliest day contact was offered, so its status can say whether the offer was in time. Nothing
about a victim (identity, contact details, wishes) is held on or reachable from the case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.checks import not_in_future, text_present
from domain.core.enums import VictimContactScheme
from domain.core.errors import Violation, invalid
from domain.core.registry import Section, standard

VIC_3 = standard("VIC-3", Section.VICTIMS, "Victim records are stored apart from the offender record",
                 source="PF Victims", enforced=True,
                 rule="A separate collection, readable only by victim liaison officers; nothing about a victim appears "
                      "on the case.")


class VictimRecord(Model):
    id: str = Field(default_factory=new_id)
    crn: str
    sentence_id: str
    scheme: VictimContactScheme
    name: str
    contact_details: str | None = None
    contact_offered_on: date | None = None
    notes: str | None = None
    recorded: Recorded


@dataclass(frozen=True)
class RecordVictim:
    crn: str
    sentence_id: str
    scheme: VictimContactScheme
    name: str
    contact_details: str | None = None
    contact_offered_on: date | None = None
    notes: str | None = None


def check(command: RecordVictim, sentence_imposed_on: date | None, today: date) -> list[Violation]:
    errors = [*text_present(command.name, ("name",), "Victim name", 200)]
    if sentence_imposed_on is None:
        errors.append(invalid(("sentenceId",), "The case has no such sentence."))
    if command.contact_offered_on is not None:
        errors += not_in_future(command.contact_offered_on, today, ("contactOfferedOn",), "Contact offer date")
        if sentence_imposed_on is not None and command.contact_offered_on < sentence_imposed_on:
            errors.append(invalid(("contactOfferedOn",), "Contact is offered after sentence."))
    for value, path, label in ((command.contact_details, ("contactDetails",), "Contact details"),
                               (command.notes, ("notes",), "Notes")):
        if value is not None:
            errors += text_present(value, path, label)
    return errors
