"""What supervision addresses and achieves, on the seven pathways of the Reducing Re-offending
Delivery Plan (RRDP): needs identified but not met, and accommodation and employment at the start
and end of supervision.

Sources. The plan includes "the needs of the offender in the context of the delivery of the
sentence" and "the activity to be undertaken with the offender" (PF, Meaning of a Plan); the joint
inspection found plans "based on interventions that were available rather than on what were
required, which masked the true level of need" — so a need is recorded as identified whether or not
anything is available for it, and shown as not met until an objective addresses it. The RRDP's
outcome measures: "The percentage of offenders into suitable accommodation at the end of
order/licence compared with start", and — not a start/end comparison — "The number of unemployed
offenders that find and keep employment or vocational training for 4 weeks or more during
supervision". Both are tallied for ``standardsReport`` (``OutcomesTally``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.core.case import Case, Sentence
from domain.core.checks import not_in_future, text_present
from domain.core.errors import Violation, invalid
from domain.core.parameters import param
from domain.delivery.commands import EndEmploymentSpell, RecordEmploymentSpell, RecordResettlementStatus
from domain.delivery.model import EmploymentSpell, ResettlementStatus
from domain.delivery.rules import evaluation_window_opens, latest_plan, order_commencement, sentence_end
from domain.delivery.vocabulary import (
    AccommodationStatus,
    EmploymentStatus,
    Pathway,
    SupervisionPoint,
    UnaddressedReason,
)

IN_WORK = (EmploymentStatus.EMPLOYED, EmploymentStatus.VOCATIONAL_TRAINING)


# Rules ----------------------------------------------------------------------------------------

def resettlement_status(sentence: Sentence, command: RecordResettlementStatus, today: date) -> list[Violation]:
    """A status belongs to its point: the start from the sentence on; the end within END-1's window
    (PF Completion: "Identified levels of risk and need are compared with those at the beginning of
    the sentence"), never after the sentence ended; the end never before the start."""
    day, path = command.assessed_on, ("assessedOn",)
    errors = list(not_in_future(day, today, path, "Assessment date"))
    if day < sentence.imposed_on:
        errors.append(invalid(path, f"The status cannot predate the sentence ({sentence.imposed_on.isoformat()})."))
    end = sentence_end(sentence)
    if day > end:
        errors.append(invalid(path, f"The sentence ended on {end.isoformat()}."))
    other = status_at(sentence, SupervisionPoint.END if command.point is SupervisionPoint.START else SupervisionPoint.START)
    if command.point is SupervisionPoint.END:
        opens = evaluation_window_opens(sentence)
        if day < opens:
            errors.append(invalid(path, f"The status at the end of supervision is taken as it ends, with the evaluation "
                                        f"(END-1): not before {opens.isoformat()}."))
        if other is not None and day < other.assessed_on:
            errors.append(invalid(path, f"The status at the start was taken on {other.assessed_on.isoformat()}."))
    elif other is not None and day > other.assessed_on:
        errors.append(invalid(path, f"The status at the end was taken on {other.assessed_on.isoformat()}."))
    return errors


def employment_spell(sentence: Sentence, command: RecordEmploymentSpell, today: date) -> list[Violation]:
    errors = list(not_in_future(command.started_on, today, ("startedOn",), "Start date"))
    if command.ended_on is not None:
        errors += not_in_future(command.ended_on, today, ("endedOn",), "End date")
        if command.ended_on < command.started_on:
            errors.append(invalid(("endedOn",), "A spell cannot end before it starts."))
        elif command.ended_on < sentence.imposed_on:
            errors.append(invalid(("endedOn",), "A spell that ended before the sentence is not part of its supervision."))
    if command.started_on > sentence_end(sentence):
        errors.append(invalid(("startedOn",), f"The sentence ended on {sentence_end(sentence).isoformat()}."))
    if command.details is not None:
        errors += text_present(command.details, ("details",), "Details", 1000)
    return errors


def spell_end(spell: EmploymentSpell, command: EndEmploymentSpell, today: date) -> list[Violation]:
    if spell.ended_on is not None:
        return [invalid(("spellId",), f"That spell already ended on {spell.ended_on.isoformat()}.")]
    errors = list(not_in_future(command.ended_on, today, ("endedOn",), "End date"))
    if command.ended_on < spell.started_on:
        errors.append(invalid(("endedOn",), f"The spell started on {spell.started_on.isoformat()}."))
    return errors


# Views ----------------------------------------------------------------------------------------

def status_at(sentence: Sentence, point: SupervisionPoint, as_of: date | None = None) -> ResettlementStatus | None:
    """The status for a point known on ``as_of``: the latest by its own date (a later record for the
    same point corrects an earlier one; on the same date, the last recorded)."""
    dated = [(r.assessed_on, i, r) for i, r in enumerate(sentence.resettlement)
             if r.point is point and (as_of is None or r.assessed_on <= as_of)]
    return max(dated, key=lambda t: (t[0], t[1]))[2] if dated else None


def days_kept(spell: EmploymentSpell, sentence: Sentence, as_of: date) -> int:
    """Days of the spell (both ends counted) up to the end of supervision, as known on ``as_of``."""
    last = min(sentence_end(sentence, as_of), as_of)
    if spell.ended_on is not None and spell.ended_on <= as_of:
        last = min(last, spell.ended_on)
    return max((last - spell.started_on).days + 1, 0)


def found_and_kept_spell(spell: EmploymentSpell, sentence: Sentence, as_of: date) -> bool:
    """RRDP: employment or vocational training *found* during supervision (started on or after its
    commencement, by ``as_of``) and *kept* for 4 weeks or more before supervision ended."""
    return (order_commencement(sentence) <= spell.started_on <= as_of
            and days_kept(spell, sentence, as_of) >= 7 * param("RRDP_EMPLOYMENT_KEPT_WEEKS"))


def found_and_kept(sentence: Sentence, as_of: date) -> EmploymentSpell | None:
    """The first spell that meets the RRDP employment measure, if any."""
    kept = [s for s in sentence.employment_spells if found_and_kept_spell(s, sentence, as_of)]
    return min(kept, key=lambda s: s.started_on) if kept else None


@dataclass(frozen=True)
class PathwayNeed:
    """A need on the plan in force: addressed by objectives, or not (with the reason recorded)."""

    sentence_id: str
    pathway: Pathway
    identified_on: date
    required: str | None
    addressed_by: tuple[str, ...]
    unaddressed_reason: UnaddressedReason | None

    @property
    def met(self) -> bool:
        return bool(self.addressed_by)


def pathway_needs(case: Case, as_of: date) -> list[PathwayNeed]:
    """The needs identified on the plan in force on ``as_of`` of each sentence then being served,
    in pathway order within each sentence."""
    found = []
    order = list(Pathway)
    for sentence in case.sentences:
        if sentence.imposed_on > as_of or sentence_end(sentence, as_of) < as_of:
            continue
        plan = latest_plan(sentence, as_of)
        if plan is None:
            continue
        for need in sorted(plan.needs_identified, key=lambda n: order.index(n.pathway)):
            found.append(PathwayNeed(sentence.id, need.pathway, plan.completed_on, need.required,
                                     tuple(o.description for o in plan.addressing(need.pathway)),
                                     need.unaddressed_reason))
    return found


# Report ---------------------------------------------------------------------------------------

@dataclass
class OutcomesTally:
    """Caseload outcome measures on ``as_of``. Accommodation and employment are counted over the
    sentences that had ended by then (their last day on or before ``as_of``); unmet needs over the
    sentences then being served."""

    as_of: date
    sentences_ended: int = 0
    accommodation_compared: int = 0
    settled_at_start: int = 0
    settled_at_end: int = 0
    in_work_or_training_at_start: int = 0
    in_work_or_training_at_end: int = 0
    unemployed_at_start: int = 0
    found_and_kept_work: int = 0
    unmet_needs: dict[Pathway, int] = field(default_factory=dict)
    unmet_not_available: dict[Pathway, int] = field(default_factory=dict)

    def add(self, case: Case) -> None:
        for sentence in case.sentences:
            if sentence.imposed_on <= self.as_of and sentence_end(sentence, self.as_of) <= self.as_of:
                self._ended(sentence)
        for need in pathway_needs(case, self.as_of):
            if not need.met:
                self.unmet_needs[need.pathway] = self.unmet_needs.get(need.pathway, 0) + 1
                if need.unaddressed_reason is UnaddressedReason.NOT_AVAILABLE:
                    self.unmet_not_available[need.pathway] = self.unmet_not_available.get(need.pathway, 0) + 1

    def _ended(self, sentence: Sentence) -> None:
        self.sentences_ended += 1
        start = status_at(sentence, SupervisionPoint.START, self.as_of)
        end = status_at(sentence, SupervisionPoint.END, self.as_of)
        if start is not None and end is not None:
            self.accommodation_compared += 1
            self.settled_at_start += start.accommodation is AccommodationStatus.SETTLED
            self.settled_at_end += end.accommodation is AccommodationStatus.SETTLED
            self.in_work_or_training_at_start += start.employment in IN_WORK
            self.in_work_or_training_at_end += end.employment in IN_WORK
        if start is not None and start.employment is EmploymentStatus.UNEMPLOYED:
            self.unemployed_at_start += 1
            self.found_and_kept_work += found_and_kept(sentence, self.as_of) is not None

    def needs_rows(self) -> list[tuple[Pathway, int, int]]:
        return [(p, self.unmet_needs[p], self.unmet_not_available.get(p, 0)) for p in Pathway if p in self.unmet_needs]
