"""Drug test results (REQ-DRG-1), police notifications (NOTIFY-1, NOTIFY-2) and the closing of
discretionary victim contact (VIC-1) as pure rules and statuses, at their boundaries."""

from datetime import date

import pytest

from domain.core.enums import OffenceCategory, VictimContactScheme
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.core.standards import StandardState, run_checks, state_on
from domain.records import notifications
from domain.records.commands import RecordDrugTestResult, RecordPoliceNotification
from domain.records.model import DrugTestResult, NotificationKind, PoliceNotification
from domain.records.periods import ends_on, starts_on
from domain.records.rules import drug_test, police_notification
from domain.sharing import standards as victim_standards
from domain.sharing.victims import RecordVictimContactDecision, VictimContactDecision, check_decision
from tests import builders
from tests.unit.requirement_builders import terminate, vary_off

TODAY = date(2026, 11, 20)
RELEASED = date(2026, 11, 9)


def licence_with(requirement):
    return builders.sentence(type=S.LICENCE, imposed_on=date(2026, 1, 5), length_months=24, release_date=RELEASED,
                             custodial_term_months=24, requirements=[requirement])


# Drug tests (REQ-DRG-1) ---------------------------------------------------------------------------

def drug_command(requirement, sentence, on=date(2026, 11, 16), result=DrugTestResult.NEGATIVE, substances=(), **extra):
    return RecordDrugTestResult(crn="X123456", sentence_id=sentence.id, requirement_id=requirement.id, tested_on=on,
                                result=result, substances=tuple(substances), **extra)


def fields(errors):
    return [v.field for v in errors]


@pytest.mark.parametrize("on, refused", [(date(2026, 11, 8), True), (RELEASED, False), (TODAY, False),
                                         (date(2026, 11, 21), True)])
def test_req_drg_1_a_licence_test_falls_between_release_and_today(on, refused):
    requirement = builders.requirement(T.DRUG_TESTING)
    sentence = licence_with(requirement)
    errors = drug_test(sentence, requirement, drug_command(requirement, sentence, on=on), TODAY)
    assert fields(errors) == ([("testedOn",)] if refused else [])


# A DRR of 2026-05-04 for 6 months is in force to 2026-11-03: "DRRs – which includes drug testing".
@pytest.mark.parametrize("on, refused", [(date(2026, 11, 3), False), (date(2026, 11, 4), True)])
def test_req_drg_1_a_drr_test_falls_inside_the_treatment_period(on, refused):
    requirement = builders.requirement(T.DRUG_REHABILITATION, consent_given=True, length_months=6)
    sentence = builders.sentence(imposed_on=date(2026, 5, 4), requirements=[requirement])
    errors = drug_test(sentence, requirement, drug_command(requirement, sentence, on=on), TODAY)
    assert fields(errors) == ([("testedOn",)] if refused else [])


@pytest.mark.parametrize("result, substances, refused", [
    (DrugTestResult.POSITIVE, (), True), (DrugTestResult.POSITIVE, ("Cocaine",), False),
    (DrugTestResult.NEGATIVE, ("Cocaine",), True), (DrugTestResult.REFUSED, ("Cocaine",), True),
    (DrugTestResult.NEGATIVE, (), False), (DrugTestResult.REFUSED, (), False)])
def test_req_drg_1_a_positive_result_names_what_was_found_and_only_it(result, substances, refused):
    requirement = builders.requirement(T.DRUG_TESTING)
    sentence = licence_with(requirement)
    errors = drug_test(sentence, requirement, drug_command(requirement, sentence, result=result, substances=substances), TODAY)
    assert fields(errors) == ([("substances",)] if refused else [])


def test_req_drg_1_results_only_under_drug_testing_or_a_drr():
    requirement = builders.requirement(T.CURFEW, hours=8, length_months=3)
    sentence = licence_with(requirement)
    assert fields(drug_test(sentence, requirement, drug_command(requirement, sentence), TODAY)) == [("requirementId",)]
    blank = drug_command(requirement, sentence, result=DrugTestResult.POSITIVE, substances=(" ",))
    testing = builders.requirement(T.DRUG_TESTING)
    assert fields(drug_test(licence_with(testing), testing, blank, TODAY)) == [("substances", "0")]


# Police notifications (NOTIFY-1, NOTIFY-2) --------------------------------------------------------

def notice(kind, on, recipient="West Yorkshire Police"):
    return PoliceNotification(kind=kind, notified_on=on, police_recipient=recipient, in_writing=True,
                              contact_for_non_compliance="N07 duty officer" if kind is NotificationKind.START else None,
                              recorded=builders.STAMP)


def order_with(requirement, imposed_on=date(2026, 11, 2), length_months=12):
    case = builders.case()
    case.sentences.append(builders.sentence(imposed_on=imposed_on, length_months=length_months, requirements=[requirement]))
    return case


def states(case, as_of, standard):
    return [(state_on(c, as_of), c.due_by) for c in run_checks([notifications.police_notifications], case, as_of)
            if c.standard == standard and state_on(c, as_of) is not StandardState.NOT_APPLICABLE]


EXCLUSION = {"length_months": 6, "details": "Leeds city centre"}


END = date(2027, 5, 1)  # an exclusion of 2026-11-02 for 6 months is in force to 2027-05-01


@pytest.mark.parametrize("kind", [T.EXCLUSION, T.PROHIBITED_ACTIVITY])
def test_notify_1_due_from_the_start_until_recorded_by_the_last_day_in_force(kind):
    requirement = builders.requirement(kind, **EXCLUSION)
    case = order_with(requirement)
    assert states(case, date(2026, 11, 1), "NOTIFY-1") == []  # before the order
    assert states(case, date(2026, 11, 2), "NOTIFY-1") == [(StandardState.DUE, END)]
    requirement.police_notifications.append(notice(NotificationKind.START, date(2026, 11, 10)))
    assert states(case, date(2026, 11, 9), "NOTIFY-1") == [(StandardState.DUE, END)]  # not yet sent then
    assert states(case, date(2026, 11, 10), "NOTIFY-1") == [(StandardState.MET, END)]


def test_notify_1_a_licence_condition_arises_on_release_and_an_earlier_notice_counts():
    requirement = builders.requirement(T.EXCLUSION, **EXCLUSION)
    case = builders.case()
    case.sentences.append(licence_with(requirement))
    assert states(case, date(2026, 11, 8), "NOTIFY-1") == []
    assert [s for s, _ in states(case, RELEASED, "NOTIFY-1")] == [StandardState.DUE]
    requirement.police_notifications.append(notice(NotificationKind.START, date(2026, 11, 6)))  # before release
    assert [s for s, _ in states(case, RELEASED, "NOTIFY-1")] == [StandardState.MET]


@pytest.mark.parametrize("as_of, state", [(date(2027, 4, 30), StandardState.DUE), (END, StandardState.DUE),
                                          (date(2027, 5, 2), StandardState.OVERDUE)])
def test_notify_1_overdue_when_the_requirement_ends_before_the_police_were_told(as_of, state):
    requirement = builders.requirement(T.EXCLUSION, **EXCLUSION)
    case = order_with(requirement)
    assert ends_on(case.sentences[0], requirement) == END
    assert [s for s, _ in states(case, as_of, "NOTIFY-1")] == [state]
    requirement.police_notifications.append(notice(NotificationKind.START, date(2027, 5, 2)))  # too late to count
    assert [s for s, _ in states(case, as_of, "NOTIFY-1")] == [state]


def test_notify_1_gives_the_same_check_whatever_day_is_asked():
    """The stored summary (domain.summary) derives later days from the dates: the check must not
    change with the day asked."""
    case = order_with(builders.requirement(T.EXCLUSION, **EXCLUSION))
    asked = [[c for c in run_checks([notifications.police_notifications], case, day) if c.standard == "NOTIFY-1"]
             for day in (date(2026, 11, 20), date(2027, 5, 2), date(2030, 1, 1))]
    assert asked[0] == asked[1] == asked[2]


@pytest.mark.parametrize("as_of, expected", [(date(2027, 4, 30), []), (date(2027, 5, 1), [(StandardState.DUE, None)]),
                                             (date(2028, 1, 1), [(StandardState.DUE, None)])])
def test_notify_2_due_without_a_date_from_the_end_of_the_requirement(as_of, expected):
    case = order_with(builders.requirement(T.EXCLUSION, **EXCLUSION))
    assert states(case, as_of, "NOTIFY-2") == expected


def test_notify_2_met_by_an_end_notice_and_owed_after_the_sentence_is_terminated():
    requirement = builders.requirement(T.PROHIBITED_ACTIVITY, length_months=24, details="Pubs")
    case = order_with(requirement)
    terminate(case.sentences[0], date(2026, 12, 15))
    assert states(case, date(2026, 12, 14), "NOTIFY-2") == []
    assert states(case, date(2026, 12, 20), "NOTIFY-2") == [(StandardState.DUE, None)]
    requirement.police_notifications.append(notice(NotificationKind.END, date(2026, 12, 21)))
    assert states(case, date(2026, 12, 20), "NOTIFY-2") == [(StandardState.DUE, None)]
    assert states(case, date(2026, 12, 21), "NOTIFY-2") == [(StandardState.MET, None)]


def test_notify_2_a_court_terminating_the_requirement_ends_it_that_day():
    requirement = vary_off(builders.requirement(T.EXCLUSION, **EXCLUSION), date(2026, 12, 1))
    case = order_with(requirement)
    assert (starts_on(case.sentences[0], requirement), ends_on(case.sentences[0], requirement)) == (
        date(2026, 11, 2), date(2026, 12, 1))
    assert states(case, date(2026, 12, 1), "NOTIFY-2") == [(StandardState.DUE, None)]


@pytest.mark.parametrize("kind, sentence_type, monitored", [
    (T.RESIDENCE, S.COMMUNITY_ORDER, True), (T.RESIDENCE, S.LICENCE, True),
    (T.RESIDENCE, S.POST_SENTENCE_SUPERVISION, False),  # the PF's section is requirement/licence condition
    (T.SUPERVISION, S.COMMUNITY_ORDER, True), (T.SUPERVISION, S.LICENCE, False),
    (T.MENTAL_HEALTH_TREATMENT, S.COMMUNITY_ORDER, False),  # "Where necessary": recordable, not monitored
])
def test_notify_2_other_termination_notices_the_pf_states(kind, sentence_type, monitored):
    requirement = builders.requirement(kind, details="x") if kind is T.RESIDENCE else builders.requirement(kind)
    case = builders.case()
    post = sentence_type.is_post_release
    case.sentences.append(builders.sentence(type=sentence_type, imposed_on=date(2026, 1, 5), length_months=12,
                                            release_date=date(2026, 2, 2) if post else None,
                                            custodial_term_months=6 if post else None, requirements=[requirement]))
    assert bool(states(case, date(2027, 2, 1), "NOTIFY-2")) is monitored
    assert states(case, date(2027, 2, 1), "NOTIFY-1") == []


def notify_command(requirement, sentence, kind=NotificationKind.START, on=date(2026, 6, 1), **overrides):
    fields_ = {"crn": "X123456", "sentence_id": sentence.id, "requirement_id": requirement.id, "kind": kind,
               "notified_on": on, "police_recipient": "West Yorkshire Police", "in_writing": True,
               "contact_for_non_compliance": "N07 duty officer" if kind is NotificationKind.START else None, **overrides}
    return RecordPoliceNotification(**fields_)


def checked(requirement, **overrides):
    sentence = builders.sentence(imposed_on=date(2026, 5, 4), requirements=[requirement])
    return [(v.standard, v.field) for v in police_notification(sentence, requirement,
                                                               notify_command(requirement, sentence, **overrides), TODAY)]


def test_notify_1_written_notice_saying_whom_to_contact():
    requirement = builders.requirement(T.EXCLUSION, **EXCLUSION)
    assert checked(requirement) == []
    assert checked(requirement, in_writing=False) == [("NOTIFY-1", ("inWriting",))]
    assert checked(requirement, contact_for_non_compliance=" ") == [("NOTIFY-1", ("contactForNonCompliance",))]
    assert checked(requirement, police_recipient="") == [(None, ("policeRecipient",))]
    assert checked(requirement, offender_notified=True) == [(None, ("offenderNotified",))]


# Exclusion of 2026-05-04 for 6 months: in force to 2026-11-03.
@pytest.mark.parametrize("on, refused", [(date(2026, 5, 3), True), (date(2026, 5, 4), False), (date(2026, 11, 3), False),
                                         (date(2026, 11, 4), True)])
def test_notify_1_a_start_notice_from_the_sentence_to_the_end_of_the_requirement(on, refused):
    requirement = builders.requirement(T.EXCLUSION, **EXCLUSION)
    assert checked(requirement, on=on) == ([(None, ("notifiedOn",))] if refused else [])


def test_notify_2_end_notices_for_the_requirements_the_pf_names():
    end = {"kind": NotificationKind.END, "on": date(2026, 11, 10)}
    assert checked(builders.requirement(T.MENTAL_HEALTH_TREATMENT, consent_given=True, length_months=6), **end) == []
    assert checked(builders.requirement(T.RESIDENCE, details="x"), **end, offender_notified=True) == []
    assert checked(builders.requirement(T.EXCLUSION, **EXCLUSION), **end, in_writing=False) == [("NOTIFY-2", ("inWriting",))]
    assert checked(builders.requirement(T.UNPAID_WORK, hours=100), **end) == [(None, ("requirementId",))]
    assert checked(builders.requirement(T.RESIDENCE, details="x")) == [(None, ("requirementId",))]  # no START duty
    assert checked(builders.requirement(T.EXCLUSION, **EXCLUSION), **{**end, "on": TODAY}) == []  # after the end is fine


# VIC-1: discretionary contact closed by the victim liaison officer ----------------------------------

def discretionary_case():
    case = builders.case()
    case.sentences.append(builders.sentence(imposed_on=date(2026, 11, 2), category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE))
    return case


def vic_1(case, as_of):
    [found] = [c for c in victim_standards.victims(case, as_of) if c.standard == "VIC-1"]
    return state_on(found, as_of), found.due_by, found.detail


def test_vic_1_discretionary_contact_is_due_without_a_date_until_closed():
    case = discretionary_case()
    state, due, detail = vic_1(case, date(2027, 11, 2))
    assert (state, due) == (StandardState.DUE, None) and "Discretionary" in detail


@pytest.mark.parametrize("as_of, state", [(date(2026, 11, 30), StandardState.DUE), (date(2026, 12, 1), StandardState.MET)])
def test_vic_1_closed_by_a_decision_that_contact_is_not_appropriate(as_of, state):
    case = discretionary_case()
    case.victim_contact_not_appropriate[case.sentences[0].id] = date(2026, 12, 1)
    found_state, _, detail = vic_1(case, as_of)
    assert found_state is state
    if state is StandardState.MET:
        assert "not appropriate" in detail and "held by the victim liaison unit" in detail


def test_vic_1_closed_by_an_offer():
    case = discretionary_case()
    case.victim_contact_offered[case.sentences[0].id] = date(2026, 11, 25)
    case.victim_contact_not_appropriate[case.sentences[0].id] = date(2026, 12, 1)
    state, _, detail = vic_1(case, date(2026, 12, 5))
    assert state is StandardState.MET and "offered on 2026-11-25" in detail


def decision(decision=VictimContactDecision.NOT_APPROPRIATE, on=date(2026, 11, 10), reason="No identified victim"):
    return RecordVictimContactDecision(crn="X123456", sentence_id="s", decision=decision, decided_on=on, reason=reason)


@pytest.mark.parametrize("command, scheme, expected", [
    (decision(), VictimContactScheme.DISCRETIONARY, []),
    (decision(on=date(2026, 11, 2)), VictimContactScheme.DISCRETIONARY, []),
    (decision(on=date(2026, 11, 1)), VictimContactScheme.DISCRETIONARY, [(None, ("decidedOn",))]),
    (decision(on=date(2026, 11, 21)), VictimContactScheme.DISCRETIONARY, [(None, ("decidedOn",))]),
    (decision(reason=None), VictimContactScheme.DISCRETIONARY, [(None, ("reason",))]),
    (decision(reason=None, decision=VictimContactDecision.OFFERED), VictimContactScheme.DISCRETIONARY, []),
    (decision(), VictimContactScheme.STATUTORY, [("VIC-1", ("decision",))]),
    (decision(decision=VictimContactDecision.OFFERED), VictimContactScheme.STATUTORY, []),
    (decision(), None, [("VIC-1", ("sentenceId",))]),
])
def test_vic_1_a_decision_needs_a_scheme_a_date_and_for_not_appropriate_a_reason(command, scheme, expected):
    errors = check_decision(command, date(2026, 11, 2), scheme, TODAY)
    assert [(v.standard, v.field) for v in errors] == expected
