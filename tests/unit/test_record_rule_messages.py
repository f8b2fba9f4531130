"""What a practitioner reads when domain/records/rules.py refuses a programme referral (REQ-PRG-1), a
drug test result (REQ-DRG-1) or a police notification (NOTIFY-1, NOTIFY-2): the exact message, the
field it points at, its code and the rule it names, and each limit on both sides (the day before, of
and after; 200 and 201 characters). Issue 17: these were the surviving mutants of that module."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.core.enums import Gender, OffenceCategory, RequirementStatus
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.core.errors import ErrorCode
from domain.records.commands import RecordDrugTestResult, RecordPoliceNotification, ReferToProgramme
from domain.records.model import DrugTestResult as R
from domain.records.model import NotificationKind as K
from domain.records.programmes import PROGRAMMES, Confirmation, EligibilityStatus
from domain.records.rules import drug_test, police_notification, referral, refusal_reason
from tests import builders

DAY = timedelta(days=1)
TODAY = date(2026, 11, 20)
INVALID, STANDARD = ErrorCode.INVALID_INPUT, ErrorCode.STANDARD_VIOLATION


def said(errors):
    """Each violation as the client sees it: code, field path, rule ID and message."""
    return [(v.code, v.field, v.standard, v.message) for v in errors]


# Programme referral (REQ-PRG-1) -------------------------------------------------------------------

C = Confirmation
BBR_CONFIRMED = (C.AGAINST_FEMALE_PARTNER, C.IPV_RISK_MODERATE_OR_HIGH, C.RELATIONSHIP_PROBLEMS)
SENTENCED = date(2026, 11, 2)


def programme_case(programme="Building Better Relationships", gender=Gender.MALE, type=T.PROGRAMME):
    case = builders.case(gender=gender, born=date(1990, 1, 1))
    requirement = builders.requirement(type, programme=programme)
    sentence = builders.sentence(type=S.COMMUNITY_ORDER, imposed_on=SENTENCED, requirements=[requirement],
                                 category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE)
    case.sentences.append(sentence)
    return case, sentence, requirement


def refer(case, sentence, requirement, on=date(2026, 11, 16), confirmations=BBR_CONFIRMED, **overrides):
    command = ReferToProgramme(**{"crn": case.crn, "sentence_id": sentence.id, "requirement_id": requirement.id,
                                  "referred_on": on, "suitability_confirmed": True, "rationale": "Starts in January",
                                  "confirmations": tuple(confirmations), **overrides})
    return referral(case, sentence, requirement, command, TODAY)


def test_req_prg_1_an_unknown_programme_lists_the_whole_catalogue_by_name_and_code():
    errors, found = refer(*programme_case(programme="RESOLVE"), confirmations=[])
    known = ", ".join(f"{p.name} ({p.code})" for p in PROGRAMMES)
    assert said(errors) == [(STANDARD, ("programme",), "REQ-PRG-1",
                             f"REQ-PRG-1: 'RESOLVE' is not a programme in the catalogue; name one of: {known}.")]
    assert found is None
    assert known.startswith("Building Better Relationships (BBR), ") and "Thinking Skills Programme (TSP), " in known


def test_req_prg_1_an_unknown_programme_named_at_referral_is_quoted_as_named():
    errors, found = refer(*programme_case(), confirmations=[], programme="Resolve 2")
    assert [(v.field, v.standard) for v in errors] == [(("programme",), "REQ-PRG-1")] and found is None
    assert errors[0].message.startswith("REQ-PRG-1: 'Resolve 2' is not a programme in the catalogue; name one of: ")


def test_req_prg_1_the_earlier_input_errors_are_kept_with_the_unknown_programme():
    errors, found = refer(*programme_case(programme="RESOLVE"), on=TODAY + DAY, rationale=" ", confirmations=[])
    assert [(v.field, v.standard) for v in errors] == [
        (("referredOn",), None), (("rationale",), "REC-2"), (("programme",), "REQ-PRG-1")]
    assert errors[0].message == "Referral date (2026-11-21) cannot be in the future (today is 2026-11-20)."
    assert errors[1].message == "REC-2: A referral must record the considerations behind it (a rationale)."
    assert found is None


def test_req_prg_1_a_referral_is_made_under_a_programme_requirement_only():
    errors, found = refer(*programme_case(type=T.CURFEW), confirmations=[])
    assert said(errors) == [(INVALID, ("requirementId",), None, "That requirement is CURFEW, not PROGRAMME.")]
    assert found is None


def test_req_prg_1_a_terminated_programme_requirement_takes_no_referral():
    case, sentence, requirement = programme_case()
    requirement.status = RequirementStatus.TERMINATED
    errors, found = refer(case, sentence, requirement)
    assert said(errors) == [(INVALID, ("requirementId",), None, "That requirement has been terminated.")]
    assert found is None


@pytest.mark.parametrize("on, expected", [
    (SENTENCED - DAY, [(INVALID, ("referredOn",), None, "The date (2026-11-01) is before the sentence (2026-11-02).")]),
    (SENTENCED, []), (TODAY, []),
    (TODAY + DAY, [(INVALID, ("referredOn",), None,
                    "Referral date (2026-11-21) cannot be in the future (today is 2026-11-20).")]),
])
def test_req_prg_1_referral_date_messages_the_day_before_the_sentence_and_the_day_after_today(on, expected):
    errors, found = refer(*programme_case(), on=on)
    assert said(errors) == expected
    assert (found is None) == bool(expected)


def test_req_prg_1_a_rationale_is_asked_for_in_rec_2s_words():
    errors, found = refer(*programme_case(), rationale="")
    assert said(errors) == [(STANDARD, ("rationale",), "REC-2",
                             "REC-2: A referral must record the considerations behind it (a rationale).")]
    assert found is None


def test_req_prg_1_another_catalogue_programme_than_the_courts_needs_a_variation():
    errors, found = refer(*programme_case(), confirmations=[], programme="TSP")
    assert said(errors) == [(INVALID, ("programme",), None,
                             "The court ordered Building Better Relationships; referring to Thinking Skills Programme "
                             "needs the court to vary the requirement.")]
    assert found is None
    assert refer(*programme_case(), programme=" bbr ")[0] == []  # the court's programme by its code


def test_req_prg_1_a_programme_the_sources_mark_unavailable_says_why():
    errors, found = refer(*programme_case(programme="Kaizen"), confirmations=[])
    [(code, field, rule, message)] = said(errors)
    assert (code, field, rule, found) == (STANDARD, ("programme",), "REQ-PRG-1", None)
    reason = next(p for p in PROGRAMMES if p.name == "Kaizen").not_referable_because
    assert message == f"REQ-PRG-1: Kaizen cannot be referred: {reason}." and "prison only" in reason


def test_req_prg_1_an_unavailable_programme_is_refused_before_its_confirmations_are_read():
    errors, _ = refer(*programme_case(programme="Kaizen"), confirmations=[C.AGAINST_FEMALE_PARTNER],
                      suitability_confirmed=False)
    assert [v.field for v in errors] == [("programme",)]


def test_req_prg_1_each_confirmation_not_of_the_programme_is_named_at_its_index():
    errors, found = refer(*programme_case(programme="TSP"), confirmations=[C.AGAINST_FEMALE_PARTNER])
    assert said(errors) == [(INVALID, ("confirmations", "0"), None,
                             "AGAINST_FEMALE_PARTNER is not a criterion of Thinking Skills Programme in the sources.")]
    assert found is None
    bbr = refer(*programme_case(), confirmations=[*BBR_CONFIRMED, C.HETEROSEXUAL_RELATIONSHIP])[0]
    assert said(bbr) == [(INVALID, ("confirmations", "3"), None,
                          "HETEROSEXUAL_RELATIONSHIP is not a criterion of Building Better Relationships in the sources.")]


def test_req_prg_1_suitability_is_confirmed_in_the_pfs_words():
    errors, found = refer(*programme_case(), suitability_confirmed=False)
    assert said(errors) == [(STANDARD, ("suitabilityConfirmed",), "REQ-PRG-1",
                             "REQ-PRG-1: the PF asks that \"Eligibility and suitability for the programme are confirmed\" "
                             "before a referral.")]
    assert found is None


def test_req_prg_1_an_input_error_stops_the_eligibility_check():
    # Suitability unconfirmed and a woman referred to BBR: only the input error, no eligibility verdict.
    errors, found = refer(*programme_case(gender=Gender.FEMALE), suitability_confirmed=False)
    assert [v.field for v in errors] == [("suitabilityConfirmed",)] and found is None


def test_req_prg_1_not_eligible_names_the_programme_the_criterion_the_fact_and_its_source():
    errors, found = refer(*programme_case(gender=Gender.FEMALE))
    [violation] = errors
    [outcome] = [o for o in refer(*programme_case())[1].outcomes if o.condition.requires == "a man"]
    source = outcome.condition.source
    assert (violation.code, violation.field, violation.standard, found) == (STANDARD, ("programme",), "REQ-PRG-1", None)
    assert violation.message.startswith("REQ-PRG-1: not eligible for Building Better Relationships: needs a man (")
    assert violation.message.endswith(f"; {source.cite}: \"{source.quote}\").")
    assert "FEMALE" in violation.message or "female" in violation.message


def test_req_prg_1_a_confirmable_criterion_left_unconfirmed_points_at_the_confirmations():
    errors, found = refer(*programme_case(), confirmations=BBR_CONFIRMED[1:])
    [violation] = errors
    assert (violation.field, violation.standard, found) == (("confirmations",), "REQ-PRG-1", None)
    assert violation.message.startswith("REQ-PRG-1: not eligible for Building Better Relationships: needs the offence "
                                        "was against a female partner (")


def test_req_prg_1_eligible_and_no_criteria_referrals_return_the_eligibility_found():
    errors, found = refer(*programme_case())
    assert errors == [] and found.status is EligibilityStatus.ELIGIBLE
    errors, found = refer(*programme_case(programme="TSP"), confirmations=[])
    assert errors == [] and found.status is EligibilityStatus.NO_CRITERIA_IN_SOURCES


# Drug tests (REQ-DRG-1) ---------------------------------------------------------------------------

DRR_FROM, DRR_TO = date(2026, 5, 4), date(2026, 11, 3)  # a DRR of 6 months from the sentence day


def drr(status=RequirementStatus.ACTIVE):
    requirement = builders.requirement(T.DRUG_REHABILITATION, consent_given=True, length_months=6)
    requirement.status = status
    return builders.sentence(imposed_on=DRR_FROM, length_months=12, requirements=[requirement]), requirement


def result_of(on=date(2026, 10, 1), result=R.NEGATIVE, substances=(), notes=None):
    return RecordDrugTestResult(crn="X123456", sentence_id="s", requirement_id="r", tested_on=on, result=result,
                                substances=tuple(substances), notes=notes)




def checked(command, requirement_and_sentence=None):
    sentence, requirement = requirement_and_sentence or drr()
    return said(drug_test(sentence, requirement, command, TODAY))


@pytest.mark.parametrize("type", [T.CURFEW, T.DRUG_APPOINTMENT, T.PROGRAMME])
def test_req_drg_1_results_are_refused_under_any_other_requirement_with_its_type_named(type):
    requirement = builders.requirement(type)
    sentence = builders.sentence(requirements=[requirement])
    # Only the type is reported, whatever else is wrong with the result.
    command = result_of(on=TODAY + DAY, result=R.POSITIVE)
    assert said(drug_test(sentence, requirement, command, TODAY)) == [
        (INVALID, ("requirementId",), None, "Drug tests are recorded against a drug testing condition or a drug "
                                            f"rehabilitation requirement, not {type.value}.")]


def test_req_drg_1_a_terminated_requirement_takes_no_result():
    assert checked(result_of(), drr(RequirementStatus.TERMINATED)) == [
        (INVALID, ("requirementId",), None, "That requirement has been terminated.")]


@pytest.mark.parametrize("on, expected", [
    (DRR_FROM - DAY, [(INVALID, ("testedOn",), None, "The date (2026-05-03) is before the sentence (2026-05-04).")]),
    (DRR_FROM, []), (DRR_TO, []),
    (DRR_TO + DAY, [(INVALID, ("testedOn",), None, "The requirement is in force from 2026-05-04 to 2026-11-03.")]),
    (TODAY, [(INVALID, ("testedOn",), None, "The requirement is in force from 2026-05-04 to 2026-11-03.")]),
])
def test_req_drg_1_a_drr_test_date_the_day_before_of_and_after_the_treatment_period(on, expected):
    assert checked(result_of(on=on)) == expected


def test_req_drg_1_a_future_test_date_is_one_error_not_two():
    sentence, requirement = drr()
    requirement.length_months = 24  # in force beyond today, so only the future date is wrong
    assert checked(result_of(on=TODAY + DAY), (sentence, requirement)) == [
        (INVALID, ("testedOn",), None, "Test date (2026-11-21) cannot be in the future (today is 2026-11-20).")]
    assert checked(result_of(on=TODAY), (sentence, requirement)) == []


def test_req_drg_1_a_licence_test_before_release_gives_the_period_in_force():
    requirement = builders.requirement(T.DRUG_TESTING)
    sentence = builders.sentence(type=S.LICENCE, imposed_on=date(2026, 1, 5), length_months=24,
                                 release_date=date(2026, 11, 9), custodial_term_months=24, requirements=[requirement])
    [(code, field, rule, message)] = checked(result_of(on=date(2026, 11, 8)), (sentence, requirement))
    assert (code, field, rule) == (INVALID, ("testedOn",), None)
    assert message.startswith("The requirement is in force from 2026-11-09 to ")
    assert checked(result_of(on=date(2026, 11, 9)), (sentence, requirement)) == []


@pytest.mark.parametrize("result, substances, expected", [
    (R.POSITIVE, (), [(INVALID, ("substances",), None, "A positive result names the substance(s) found.")]),
    (R.NEGATIVE, ("Cocaine",), [(INVALID, ("substances",), None, "A negative result names no substance.")]),
    (R.REFUSED, ("Cocaine",), [(INVALID, ("substances",), None, "A refused result names no substance.")]),
    (R.POSITIVE, ("Cocaine", "Heroin"), []), (R.NEGATIVE, (), []), (R.REFUSED, (), []),
])
def test_req_drg_1_what_each_result_names(result, substances, expected):
    assert checked(result_of(result=result, substances=substances)) == expected


@pytest.mark.parametrize("substances, expected", [
    (("Cocaine", "x" * 200), []),
    (("Cocaine", "x" * 201), [(INVALID, ("substances", "1"), None, "Substance must be at most 200 characters.")]),
    ((" ", "Cocaine", ""), [(INVALID, ("substances", "0"), None, "Substance is required and must not be blank."),
                            (INVALID, ("substances", "2"), None, "Substance is required and must not be blank.")]),
])
def test_req_drg_1_each_substance_named_at_its_index_at_most_200_characters(substances, expected):
    assert checked(result_of(result=R.POSITIVE, substances=substances)) == expected


@pytest.mark.parametrize("notes, expected", [
    (None, []), ("Observed", []), ("x" * 10_000, []),
    ("x" * 10_001, [(INVALID, ("notes",), None, "Notes must be at most 10000 characters.")]),
    ("  ", [(INVALID, ("notes",), None, "Notes is required and must not be blank.")]),
])
def test_req_drg_1_notes_are_optional_but_not_blank(notes, expected):
    assert checked(result_of(notes=notes)) == expected


def test_req_drg_1_a_refusal_is_recorded_as_an_apparent_failure_to_comply_for_the_officer():
    assert refusal_reason(result_of(on=date(2026, 10, 1), result=R.REFUSED)) == (
        "Refused to provide a sample for a drug test on 2026-10-01: the condition is to provide samples as requested "
        "(REQ-DRG-1); an apparent failure to comply, for the officer to decide.")


# Police notifications (NOTIFY-1, NOTIFY-2) --------------------------------------------------------

NOTIFY_SENTENCED, NOTIFY_ENDS = date(2026, 5, 4), date(2026, 11, 3)  # a 6-month exclusion from 4 May


def notice(kind=K.START, on=NOTIFY_SENTENCED, **overrides):
    fields = {"crn": "X123456", "sentence_id": "s", "requirement_id": "r", "kind": kind, "notified_on": on,
              "police_recipient": "PC Smith", "in_writing": True,
              "contact_for_non_compliance": "Duty officer 01632 960000" if kind is K.START else None}
    return RecordPoliceNotification(**{**fields, **overrides})


def notified(command, type=T.EXCLUSION):
    requirement = builders.requirement(type, length_months=6, details="town centre")
    sentence = builders.sentence(imposed_on=NOTIFY_SENTENCED, length_months=24, requirements=[requirement])
    return said(police_notification(sentence, requirement, command, TODAY))


@pytest.mark.parametrize("type", [T.RESIDENCE, T.CURFEW])
def test_notify_1_a_start_notice_names_the_types_it_is_for(type):
    # Only the type is reported, whatever else is wrong with the notice.
    assert notified(notice(K.START, on=TODAY + DAY, in_writing=False), type) == [
        (INVALID, ("requirementId",), None, "A START notification to the police is recorded for EXCLUSION, "
                                            f"PROHIBITED_ACTIVITY, not {type.value}.")]


def test_notify_2_an_end_notice_names_the_types_it_is_for_with_the_right_article():
    assert notified(notice(K.END, in_writing=False), T.UNPAID_WORK) == [
        (INVALID, ("requirementId",), None, "An END notification to the police is recorded for EXCLUSION, "
                                            "MENTAL_HEALTH_TREATMENT, PROHIBITED_ACTIVITY, RESIDENCE, SUPERVISION, "
                                            "not UNPAID_WORK.")]


@pytest.mark.parametrize("kind", [K.START, K.END])
def test_notify_1_and_2_a_notice_the_day_before_the_sentence_gives_both_dates(kind):
    assert notified(notice(kind, on=NOTIFY_SENTENCED - DAY)) == [
        (INVALID, ("notifiedOn",), None, "The date (2026-05-03) is before the sentence (2026-05-04).")]
    assert notified(notice(kind, on=NOTIFY_SENTENCED)) == []


def test_notify_1_a_start_notice_after_the_last_day_asks_for_the_end_notice():
    assert notified(notice(K.START, on=NOTIFY_ENDS)) == []
    assert notified(notice(K.START, on=NOTIFY_ENDS + DAY)) == [
        (INVALID, ("notifiedOn",), None, "The requirement ended on 2026-11-03: record the END notification.")]
    assert notified(notice(K.END, on=NOTIFY_ENDS + DAY)) == []


@pytest.mark.parametrize("kind", [K.START, K.END])
def test_notify_1_and_2_a_notice_dated_tomorrow_is_refused_with_both_dates(kind):
    assert notified(notice(K.END, on=TODAY)) == []
    expected = [(INVALID, ("notifiedOn",), None, "Notification date (2026-11-21) cannot be in the future (today is 2026-11-20).")]
    if kind is K.START:
        expected.append((INVALID, ("notifiedOn",), None, "The requirement ended on 2026-11-03: record the END notification."))
    assert notified(notice(kind, on=TODAY + DAY)) == expected


@pytest.mark.parametrize("kind, rule", [(K.START, "NOTIFY-1"), (K.END, "NOTIFY-2")])
def test_notify_1_and_2_not_in_writing_names_the_rule(kind, rule):
    assert notified(notice(kind, in_writing=False)) == [
        (STANDARD, ("inWriting",), rule, f"{rule}: the PF asks for written notification to the police.")]


@pytest.mark.parametrize("contact", [None, "", "   "])
def test_notify_1_a_start_notice_without_a_contact_quotes_the_pf(contact):
    assert notified(notice(K.START, contact_for_non_compliance=contact)) == [
        (STANDARD, ("contactForNonCompliance",), "NOTIFY-1", "NOTIFY-1: the notice must be \"clear as to who to contact "
                                                             "with information regarding non-compliance\".")]


@pytest.mark.parametrize("kind", [K.START, K.END])
@pytest.mark.parametrize("length, refused", [(200, False), (201, True)])
def test_notify_1_and_2_a_contact_of_200_characters_and_one_more(kind, length, refused):
    expected = [(INVALID, ("contactForNonCompliance",), None, "Contact must be at most 200 characters.")]
    assert notified(notice(kind, contact_for_non_compliance="x" * length)) == (expected if refused else [])


def test_notify_2_an_end_notice_may_omit_the_contact_but_not_leave_it_blank():
    assert notified(notice(K.END, contact_for_non_compliance=None)) == []
    assert notified(notice(K.END, contact_for_non_compliance="  ")) == [
        (INVALID, ("contactForNonCompliance",), None, "Contact is required and must not be blank.")]


@pytest.mark.parametrize("told", [True, False])
def test_notify_1_whether_the_offender_was_told_belongs_to_the_end_notice(told):
    assert notified(notice(K.START, offender_notified=told)) == [
        (INVALID, ("offenderNotified",), None, "Whether the offender was told is recorded with the END notification.")]
    assert notified(notice(K.END, offender_notified=told)) == []


@pytest.mark.parametrize("recipient, expected", [
    ("x" * 200, []),
    ("x" * 201, [(INVALID, ("policeRecipient",), None, "Police recipient must be at most 200 characters.")]),
    (" ", [(INVALID, ("policeRecipient",), None, "Police recipient is required and must not be blank.")]),
])
def test_notify_1_the_police_recipient_is_named_in_at_most_200_characters(recipient, expected):
    assert notified(notice(police_recipient=recipient)) == expected


@pytest.mark.parametrize("stakeholders, expected", [
    (("Council", "x" * 200), []),
    (("Council", "x" * 201), [(INVALID, ("otherStakeholders", "1"), None, "Stakeholder must be at most 200 characters.")]),
    (("", "Council", " "), [(INVALID, ("otherStakeholders", "0"), None, "Stakeholder is required and must not be blank."),
                            (INVALID, ("otherStakeholders", "2"), None, "Stakeholder is required and must not be blank.")]),
])
def test_notify_2_each_other_stakeholder_is_named_at_its_index(stakeholders, expected):
    assert notified(notice(K.END, other_stakeholders=stakeholders)) == expected


def test_req_drg_1_valid_notes_keep_the_errors_found_before_them():
    assert checked(result_of(result=R.POSITIVE, notes="Observed")) == [
        (INVALID, ("substances",), None, "A positive result names the substance(s) found.")]
    assert checked(result_of(result=R.POSITIVE, notes=" ")) == [
        (INVALID, ("substances",), None, "A positive result names the substance(s) found."),
        (INVALID, ("notes",), None, "Notes is required and must not be blank.")]
