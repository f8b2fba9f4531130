"""Victim records (VIC-1 to VIC-3), kept apart from the case: a ``victims`` collection written
and read only by victim liaison officers. The case keeps, per sentence, only the earliest day
contact was offered (VIC-2: whether the offer was in time) and the earliest day the victim liaison
officer decided discretionary contact is not appropriate (VIC-1: the discretionary case is
closed). Nothing about a victim (identity, contact details, wishes, the reasons for a decision) is
held on or reachable from the case.

VIC-1 discretionary contact (PF Victims: "Non statutory (discretionary) contact is offered to
victims, following discussion between the offender manager and the Victim Liaison Unit"; "The
victim liaison officer will exercise their judgement on how to approach each case") is closed by
the victim liaison officer's decision: contact OFFERED (on a date), or NOT_APPROPRIATE (with the
reason, kept in the victims collection only). Statutory contact is a duty and cannot be decided
not appropriate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.checks import not_in_future, text_present
from domain.core.enums import VictimContactScheme
from domain.core.errors import Violation, breaks, invalid
from domain.core.registry import Section, standard
from domain.sharing.standards import VIC_1

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
    # The fingerprint of the command, when it was sent with a clientMutationId (a retry replays it).
    key_fingerprint: str | None = None
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


class VictimContactDecision(str, Enum):
    OFFERED = "OFFERED"
    NOT_APPROPRIATE = "NOT_APPROPRIATE"


class VictimContactDecisionRecord(Model):
    """The victim liaison officer's decision closing discretionary contact (VIC-1), in the
    victims collection (VIC-3)."""

    id: str = Field(default_factory=new_id)
    crn: str
    sentence_id: str
    decision: VictimContactDecision
    decided_on: date
    reason: str | None = None
    key_fingerprint: str | None = None
    recorded: Recorded


@dataclass(frozen=True)
class RecordVictimContactDecision:
    crn: str
    sentence_id: str
    decision: VictimContactDecision
    decided_on: date
    reason: str | None = None


def check_decision(command: RecordVictimContactDecision, sentence_imposed_on: date | None,
                   scheme: VictimContactScheme | None, today: date) -> list[Violation]:
    """VIC-1: a decision on a sentence with a victim contact scheme, dated from sentence to today;
    NOT_APPROPRIATE needs its reason and is for discretionary contact only."""
    if sentence_imposed_on is None:
        return [invalid(("sentenceId",), "The case has no such sentence.")]
    if scheme is None:
        return [breaks(VIC_1, ("sentenceId",), "no victim contact scheme applies to this sentence.")]
    errors = list(not_in_future(command.decided_on, today, ("decidedOn",), "Decision date"))
    if command.decided_on < sentence_imposed_on:
        errors.append(invalid(("decidedOn",), "A victim contact decision follows the sentence."))
    if command.decision is VictimContactDecision.NOT_APPROPRIATE:
        if scheme is VictimContactScheme.STATUTORY:
            errors.append(breaks(VIC_1, ("decision",), "statutory victim contact is a duty: it is offered, not decided "
                                                        "against (only discretionary contact can be not appropriate)."))
        if command.reason is None or not command.reason.strip():
            errors.append(invalid(("reason",), "A decision that contact is not appropriate records its reason."))
    if command.reason is not None:
        errors += text_present(command.reason, ("reason",), "Reason")
    return errors
