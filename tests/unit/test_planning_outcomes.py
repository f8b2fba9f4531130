"""PLAN-3 from the commencement of the order (RRDP) and for Prolific and other Priority Offenders;
PLAN-6 needs on the RRDP pathways; accommodation and employment outcomes; REC-1 (records judged
on their own date; a past asOf never changes when a late record for a later day arrives) and
REC-2 (allocations and designations carry their rationale). Boundaries: the day before, of, after."""

from datetime import date

import pytest

from domain.core.enums import Provider, RoshLevel, SentenceType
from domain.delivery import outcomes, priority
from domain.delivery import rules as delivery_rules
from domain.delivery.commands import (
    EndEmploymentSpell,
    NeedDetails,
    PlanObjectiveDetails,
    RecordEmploymentSpell,
    RecordPlan,
    RecordResettlementStatus,
    SetPriorityOffender,
)
from domain.delivery.model import (
    AppointmentChange,
    EmploymentSpell,
    IdentifiedNeed,
    PlanReview,
    PriorityOffenderPeriod,
    ResettlementStatus,
    Termination,
)
from domain.delivery.vocabulary import (
    AccommodationStatus,
    ChangeRequestedBy,
    EmploymentKind,
    EmploymentStatus,
    Pathway,
    SupervisionPoint,
    UnaddressedReason,
)
from domain.records.allocation import can_allocate
from domain.records.commands import AllocateCase, OfficerDetails
from domain.standards import StandardState as St
from domain.standards import evaluate
from tests import builders
from tests.builders import STAMP
from tests.unit.test_standards import community_case, licence_case, state, status

SENTENCED = date(2026, 11, 2)  # a Monday: 5 working days on is Monday 2026-11-09
DUE = date(2026, 11, 9)
TODAY = date(2026, 11, 20)


# PLAN-3 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("planned_on, expected", [(date(2026, 11, 6), St.MET), (DUE, St.MET), (date(2026, 11, 10), St.NOT_MET)])
def test_plan_3_high_rosh_plan_within_5_working_days_of_the_sentence_not_of_allocation(planned_on, expected):
    case = community_case(allocated_on=date(2026, 11, 6))
    builders.assess(case, RoshLevel.HIGH, date(2026, 10, 30))
    builders.plan(case.sentences[0], planned_on, RoshLevel.HIGH, rmp="Weekly contact; police liaison")
    assert status(case, "PLAN-3", TODAY).due_by == DUE
    assert state(case, "PLAN-3", TODAY) is expected


@pytest.mark.parametrize("assessed_on, due", [(date(2026, 11, 6), DUE), (DUE, DUE), (date(2026, 11, 10), date(2026, 11, 17))])
def test_plan_3_high_assessed_within_the_window_runs_from_commencement_a_later_rise_from_the_assessment(assessed_on, due):
    case = community_case(allocated_on=None)
    builders.assess(case, RoshLevel.LOW, date(2026, 10, 30))
    builders.assess(case, RoshLevel.HIGH, assessed_on)
    assert status(case, "PLAN-3", TODAY).due_by == due


def test_plan_3_a_plan_made_before_the_risk_rose_still_meets_it_and_a_low_plan_does_not_meet_a_high_case():
    rose_later = community_case(allocated_on=None)
    builders.assess(rose_later, RoshLevel.LOW, date(2026, 10, 30))
    builders.plan(rose_later.sentences[0], date(2026, 11, 5))
    builders.assess(rose_later, RoshLevel.HIGH, date(2026, 11, 16))
    assert state(rose_later, "PLAN-3", TODAY) is St.MET
    high_in_window = community_case(allocated_on=None)
    builders.assess(high_in_window, RoshLevel.LOW, date(2026, 10, 30))
    builders.plan(high_in_window.sentences[0], date(2026, 11, 3))
    builders.assess(high_in_window, RoshLevel.HIGH, date(2026, 11, 5))
    assert state(high_in_window, "PLAN-3", TODAY) is St.OVERDUE


def test_plan_3_licence_clock_runs_from_release_over_easter():
    case = licence_case(release=date(2026, 4, 2))
    builders.assess(case, RoshLevel.VERY_HIGH, date(2026, 3, 1))
    assert status(case, "PLAN-3", date(2026, 4, 2)).due_by == date(2026, 4, 13)


def designate(case, started_on: date, ended_on: date | None = None):
    case.priority_offender_periods.append(PriorityOffenderPeriod(started_on=started_on, ended_on=ended_on,
                                                                 rationale="Local PPO panel", recorded=STAMP))
    return case


@pytest.mark.parametrize("started_on, ended_on, due", [
    (date(2026, 11, 8), None, DUE), (DUE, None, DUE), (date(2026, 11, 10), None, None),
    (date(2026, 10, 1), SENTENCED, None),            # ended on the sentence day: not a PPO at commencement
    (date(2026, 10, 1), date(2026, 11, 3), DUE),     # still one on the sentence day
])
def test_plan_3_a_priority_offender_at_commencement_gets_the_5_working_day_measure(started_on, ended_on, due):
    case = designate(community_case(allocated_on=None), started_on, ended_on)
    assert status(case, "PLAN-3", TODAY).due_by == due


@pytest.mark.parametrize("assessed_on, expected", [(date(2026, 11, 8), St.MET), (DUE, St.MET), (date(2026, 11, 10), St.NOT_MET)])
def test_plan_3_a_priority_offender_needs_both_the_rosh_assessment_and_the_plan_in_time(assessed_on, expected):
    case = designate(community_case(allocated_on=None), date(2026, 10, 1))
    builders.plan(case.sentences[0], date(2026, 11, 5))
    builders.assess(case, RoshLevel.LOW, assessed_on)
    assert state(case, "PLAN-3", TODAY) is expected


# PPO designation rules (REC-2) ---------------------------------------------------------------

def setting(on: date, designated: bool = True, rationale: str = "Local PPO panel") -> SetPriorityOffender:
    return SetPriorityOffender(crn="X123456", priority_offender=designated, effective_on=on, rationale=rationale)


@pytest.mark.parametrize("rationale", ["", "   "])
def test_rec_2_a_priority_offender_designation_records_its_rationale(rationale):
    [error] = priority.designation(builders.case(), setting(SENTENCED, rationale=rationale), TODAY)
    assert (error.standard, error.field) == ("REC-2", ("rationale",))


@pytest.mark.parametrize("ended_on, fields", [(date(2026, 11, 1), [("effectiveOn",)]), (SENTENCED, [("effectiveOn",)]),
                                              (date(2026, 11, 3), []), (date(2026, 11, 21), [("effectiveOn",)])])
def test_plan_3_a_designation_ends_after_it_starts_and_not_in_the_future(ended_on, fields):
    case = designate(builders.case(), SENTENCED)
    assert [e.field for e in priority.designation(case, setting(ended_on, designated=False), TODAY)] == fields


def test_plan_3_one_designation_at_a_time_and_none_to_end_when_there_is_none():
    assert [e.field for e in priority.designation(builders.case(), setting(SENTENCED, False), TODAY)] == [("priorityOffender",)]
    live = designate(builders.case(), SENTENCED)
    assert [e.field for e in priority.designation(live, setting(TODAY), TODAY)] == [("priorityOffender",)]
    ended = designate(builders.case(), date(2026, 10, 1), ended_on=date(2026, 11, 10))
    assert [e.field for e in priority.designation(ended, setting(date(2026, 11, 9)), TODAY)] == [("effectiveOn",)]
    assert priority.designation(ended, setting(date(2026, 11, 10)), TODAY) == []


# PLAN-6 --------------------------------------------------------------------------------------

def plan_command(needs, objectives=(PlanObjectiveDetails("Find settled housing", pathway=Pathway.ACCOMMODATION),)):
    return RecordPlan(crn="X123456", sentence_id="s", completed_on=date(2026, 11, 10), rosh_level_identified=RoshLevel.LOW,
                      objectives=tuple(objectives), needs_identified=tuple(needs))


@pytest.mark.parametrize("needs, expected", [
    ([NeedDetails(Pathway.ACCOMMODATION)], []),
    ([NeedDetails(Pathway.DRUGS_AND_ALCOHOL)], [("PLAN-6", ("needsIdentified", "0", "unaddressedReason"))]),
    ([NeedDetails(Pathway.DRUGS_AND_ALCOHOL, "Community drug treatment", UnaddressedReason.NOT_AVAILABLE)], []),
    ([NeedDetails(Pathway.ACCOMMODATION, unaddressed_reason=UnaddressedReason.DECLINED)],
     [(None, ("needsIdentified", "0", "unaddressedReason"))]),
    ([NeedDetails(Pathway.ACCOMMODATION), NeedDetails(Pathway.ACCOMMODATION)], [(None, ("needsIdentified", "1", "pathway"))]),
    ([NeedDetails(Pathway.HEALTH, " ", UnaddressedReason.AWAITING_PLACE)], [(None, ("needsIdentified", "0", "required"))]),
])
def test_plan_6_each_identified_need_is_addressed_by_an_objective_or_says_why_not(needs, expected):
    case = community_case()
    errors = delivery_rules.plan(case, case.sentences[0], plan_command(needs), TODAY)
    assert [(e.standard, e.field) for e in errors] == expected


def test_plan_6_needs_not_met_are_visible_on_the_plan_in_force_of_a_sentence_being_served():
    case = community_case()
    sentence = case.sentences[0]
    builders.plan(sentence, date(2026, 11, 10))
    sentence.plans[0].needs_identified = [IdentifiedNeed(pathway=Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR),
                                          IdentifiedNeed(pathway=Pathway.DRUGS_AND_ALCOHOL, required="Drug treatment",
                                                         unaddressed_reason=UnaddressedReason.NOT_AVAILABLE)]
    sentence.plans[0].objectives[0].pathway = Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR
    assert outcomes.pathway_needs(case, date(2026, 11, 9)) == []  # before the plan
    needs = outcomes.pathway_needs(case, date(2026, 11, 10))
    assert [(n.pathway, n.met, n.unaddressed_reason) for n in needs] == [
        (Pathway.DRUGS_AND_ALCOHOL, False, UnaddressedReason.NOT_AVAILABLE),
        (Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR, True, None)]
    assert outcomes.pathway_needs(case, date(2027, 11, 2)) == []  # the order ended on 2027-11-01


# Accommodation and employment outcomes -------------------------------------------------------

def resettlement(point, on, accommodation=AccommodationStatus.SETTLED, employment=EmploymentStatus.UNEMPLOYED):
    return RecordResettlementStatus(crn="X123456", sentence_id="s", point=point, assessed_on=on,
                                    accommodation=accommodation, employment=employment)


@pytest.mark.parametrize("point, on, fields", [
    (SupervisionPoint.START, date(2026, 11, 1), [("assessedOn",)]),   # before the sentence
    (SupervisionPoint.START, SENTENCED, []),
    (SupervisionPoint.END, date(2027, 9, 5), [("assessedOn",)]),     # the day before END-1's window opens
    (SupervisionPoint.END, date(2027, 9, 6), []),
    (SupervisionPoint.END, date(2027, 11, 1), []),                   # the last day of the order
    (SupervisionPoint.END, date(2027, 11, 2), [("assessedOn",)]),    # after it
])
def test_the_status_at_the_end_of_supervision_is_taken_in_the_evaluation_window(point, on, fields):
    sentence = builders.sentence()
    assert [e.field for e in outcomes.resettlement_status(sentence, resettlement(point, on), date(2028, 1, 1))] == fields


def spell(started_on: date, ended_on: date | None = None) -> EmploymentSpell:
    return EmploymentSpell(kind=EmploymentKind.EMPLOYMENT, started_on=started_on, ended_on=ended_on, recorded=STAMP)


@pytest.mark.parametrize("started_on, ended_on, counts", [
    (date(2026, 11, 1), None, False),                    # already in work before supervision began
    (SENTENCED, date(2026, 11, 28), False),              # 27 days
    (SENTENCED, date(2026, 11, 29), True),               # 28 days: 4 weeks
    (date(2027, 10, 5), None, True),                     # 28 days to the order's last day, 2027-11-01
    (date(2027, 10, 6), None, False),                    # 27 days before supervision ended
])
def test_the_rrdp_employment_measure_counts_work_found_and_kept_4_weeks_during_supervision(
        started_on, ended_on, counts):
    sentence = builders.sentence()
    sentence.employment_spells.append(spell(started_on, ended_on))
    assert outcomes.found_and_kept_spell(sentence.employment_spells[0], sentence, date(2028, 1, 1)) is counts


def test_employment_spells_start_and_end_in_order():
    sentence = builders.sentence()
    command = RecordEmploymentSpell(crn="X123456", sentence_id="s", kind=EmploymentKind.VOCATIONAL_TRAINING,
                                    started_on=date(2026, 11, 10), ended_on=date(2026, 11, 9))
    assert [e.field for e in outcomes.employment_spell(sentence, command, TODAY)] == [("endedOn",)]
    ended = EndEmploymentSpell(crn="X123456", sentence_id="s", spell_id="x", ended_on=date(2026, 11, 9))
    assert [e.field for e in outcomes.spell_end(spell(date(2026, 11, 10)), ended, TODAY)] == [("endedOn",)]
    assert outcomes.spell_end(spell(date(2026, 11, 9)), ended, TODAY) == []


def test_the_outcome_tally_compares_the_start_with_the_end_of_ended_sentences():
    case = community_case()
    sentence = case.sentences[0]
    sentence.resettlement += [
        ResettlementStatus(point=SupervisionPoint.START, assessed_on=SENTENCED, recorded=STAMP,
                           accommodation=AccommodationStatus.HOMELESS, employment=EmploymentStatus.UNEMPLOYED),
        ResettlementStatus(point=SupervisionPoint.END, assessed_on=date(2027, 10, 20), recorded=STAMP,
                           accommodation=AccommodationStatus.SETTLED, employment=EmploymentStatus.EMPLOYED)]
    sentence.employment_spells.append(spell(date(2027, 3, 1), date(2027, 5, 1)))
    live = outcomes.OutcomesTally(date(2027, 11, 1))  # its last day: ended
    live.add(case)
    assert (live.sentences_ended, live.accommodation_compared, live.settled_at_start, live.settled_at_end,
            live.unemployed_at_start, live.found_and_kept_work, live.in_work_or_training_at_end) == (1, 1, 0, 1, 1, 1, 1)
    before = outcomes.OutcomesTally(date(2027, 10, 31))
    before.add(case)
    assert before.sentences_ended == 0


# REC-1: judged on the record's own date ------------------------------------------------------

@pytest.mark.parametrize("assessed_on, refused", [(date(2026, 11, 9), True), (date(2026, 11, 10), True), (date(2026, 11, 11), False)])
def test_rec_1_alloc_3_an_allocation_is_judged_on_the_rosh_in_force_on_its_own_date(assessed_on, refused):
    case = builders.assess(builders.case(), RoshLevel.HIGH, assessed_on)
    command = AllocateCase(crn="X123456", provider=Provider.CRC, officer=OfficerDetails("C1", "Cee"),
                           allocated_on=date(2026, 11, 10), rationale="Low risk at allocation")
    assert bool(can_allocate(case, command, TODAY)) is refused


@pytest.mark.parametrize("assessed_on, refused", [(date(2026, 11, 9), True), (date(2026, 11, 10), True), (date(2026, 11, 11), False)])
def test_rec_1_plan_1_a_plan_identifies_the_rosh_in_force_on_its_own_date(assessed_on, refused):
    case = community_case()
    builders.assess(case, RoshLevel.LOW, SENTENCED)
    builders.assess(case, RoshLevel.MEDIUM, assessed_on)
    command = RecordPlan(crn="X123456", sentence_id="s", completed_on=date(2026, 11, 10), rosh_level_identified=RoshLevel.LOW,
                         objectives=(PlanObjectiveDetails("Employment"),))
    errors = delivery_rules.plan(case, case.sentences[0], command, TODAY)
    assert ("PLAN-1" in {e.standard for e in errors}) is refused


def test_rec_1_a_past_as_of_is_unchanged_by_late_records_for_later_days_and_changed_by_one_for_that_day():
    case = community_case(allocated_on=date(2026, 11, 3))
    builders.assess(case, RoshLevel.HIGH, date(2026, 10, 30))
    sentence = case.sentences[0]
    builders.appointment(sentence, date(2026, 11, 6), arranged_on=date(2026, 11, 3))
    as_of = date(2026, 11, 6)
    before = evaluate(case, as_of)
    # All entered today (late), every one dated after as_of:
    builders.plan(sentence, date(2026, 11, 9), RoshLevel.HIGH, rmp="Weekly contact")
    sentence.plan_reviews.append(PlanReview(reviewed_on=date(2026, 11, 12), reason="r", summary="s", recorded=STAMP))
    sentence.appointments[0].change = AppointmentChange(changed_on=date(2026, 11, 7), requested_by=ChangeRequestedBy.SERVICE,
                                                        rationale="Officer sick", recorded=STAMP)
    designate(case, date(2026, 11, 7))
    builders.allocate(case, date(2026, 11, 10), provider=Provider.NPS, officer="N2")
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 11, 8))
    sentence.termination = Termination(terminated_on=date(2026, 11, 13), reason="Revoked", agencies_notified=["Court"],
                                       continuing_restrictions_explained=True, recorded=STAMP)
    assert evaluate(case, as_of) == before
    builders.plan(sentence, as_of, RoshLevel.HIGH, rmp="Weekly contact")  # late, but for that very day
    assert evaluate(case, as_of) != before
    assert state(case, "PLAN-3", as_of) is St.MET


# REC-2: allocations and transfers carry their rationale --------------------------------------

@pytest.mark.parametrize("rationale, refused", [(None, True), ("", True), ("  ", True), ("CRC: low RoSH", False)])
def test_rec_2_every_allocation_records_its_rationale(rationale, refused):
    command = AllocateCase(crn="X123456", provider=Provider.CRC, officer=OfficerDetails("C1", "Cee"),
                           allocated_on=date(2026, 11, 3), rationale=rationale)
    errors = can_allocate(builders.case(), command, TODAY)
    assert [(e.standard, e.field) for e in errors] == ([("REC-2", ("rationale",))] if refused else [])


def test_plan_3_applies_to_licences_and_pss_from_release_and_to_orders_from_sentence():
    assert delivery_rules.order_commencement(builders.sentence()) == SENTENCED
    assert delivery_rules.order_commencement(builders.sentence(
        type=SentenceType.POST_SENTENCE_SUPERVISION, release_date=date(2026, 12, 1), custodial_term_months=6)) == date(2026, 12, 1)
