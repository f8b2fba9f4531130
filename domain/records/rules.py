"""Rules for what is recorded against a requirement once it is in force: referral to an accredited
programme (REQ-PRG-1), drug test results (REQ-DRG-1) and police notifications (NOTIFY-1, NOTIFY-2).
Each check returns violations; the use cases apply the change only when there are none."""

from __future__ import annotations

from datetime import date

from domain.core.case import Case, Sentence
from domain.core.checks import not_in_future, requirement_live, sentence_live, text_present
from domain.core.enums import RequirementType as T
from domain.core.errors import Violation, breaks, invalid
from domain.core.recording import rationale_given
from domain.core.registry import Section, standard
from domain.records.commands import RecordDrugTestResult, RecordPoliceNotification, ReferToProgramme
from domain.records.model import DrugTestResult, NotificationKind, Requirement
from domain.records.notifications import END_RECORDABLE, NOTIFIED_AT_START, NOTIFY_1, NOTIFY_2
from domain.records.periods import ends_on, in_force_on, starts_on
from domain.records.programmes import (
    PROGRAMMES,
    Criterion,
    Eligibility,
    EligibilityStatus,
    evaluate,
    facts_on,
    find_programme,
)

REQ_PRG_1 = standard("REQ-PRG-1", Section.REQUIREMENTS, "Accredited programme eligibility is checked on referral",
                     source="PF Programme Requirement; IB Accredited Programmes; NP", enforced=True,
                     rule="A court's programme requirement is always recorded. Eligibility is checked when the offender "
                          "is referred, on the referral date, against criteria taken only from the sources (e.g. Building "
                          "Better Relationships: a man aged 18 or over, an intimate partner violence offence, index or "
                          "historical, against a female partner, a moderate or high risk of future IPV offences); a "
                          "programme with no criteria in the sources is referred on the officer's confirmation of "
                          "eligibility and suitability.")

MAX_LABEL = 200
DRUG_TESTED = frozenset({T.DRUG_TESTING, T.DRUG_REHABILITATION})


# Programme referral (REQ-PRG-1) ------------------------------------------------------------------

def referral(case: Case, sentence: Sentence, requirement: Requirement, command: ReferToProgramme,
             today: date) -> tuple[list[Violation], Eligibility | None]:
    """A referral's inputs, the programme it names, and the eligibility found on its date. The
    programme is the court's unless another is named; naming a different catalogue programme from
    the one the court ordered needs the court to vary the requirement."""
    errors = [*requirement_live(requirement, T.PROGRAMME),
              *sentence_live(sentence, command.referred_on, ("referredOn",)),
              *not_in_future(command.referred_on, today, ("referredOn",), "Referral date"),
              *rationale_given(command.rationale, "A referral")]
    ordered = find_programme(requirement.programme)
    named = command.programme if command.programme is not None else requirement.programme
    programme = find_programme(named)
    if programme is None:
        known = ", ".join(f"{p.name} ({p.code})" for p in PROGRAMMES)
        errors.append(breaks(REQ_PRG_1, ("programme",),
                             f"'{named}' is not a programme in the catalogue; name one of: {known}."))
        return errors, None
    if ordered is not None and ordered is not programme:
        errors.append(invalid(("programme",), f"The court ordered {ordered.name}; referring to {programme.name} needs the "
                                              "court to vary the requirement."))
    reason = programme.not_referable_because
    if reason is not None:
        errors.append(breaks(REQ_PRG_1, ("programme",), f"{programme.name} cannot be referred: {reason}."))
        return errors, None
    for index, confirmation in enumerate(command.confirmations):
        if confirmation not in programme.confirmations:
            errors.append(invalid(("confirmations", str(index)),
                                  f"{confirmation.value} is not a criterion of {programme.name} in the sources."))
    if not command.suitability_confirmed:
        errors.append(breaks(REQ_PRG_1, ("suitabilityConfirmed",),
                             "the PF asks that \"Eligibility and suitability for the programme are confirmed\" before "
                             "a referral."))
    if errors:
        return errors, None
    found = evaluate(programme, facts_on(case, command.referred_on, frozenset(command.confirmations)), referral=True)
    for outcome in found.failed:
        condition = outcome.condition
        confirmable = condition.criterion is Criterion.CONFIRMED or condition.or_confirmed is not None
        errors.append(breaks(REQ_PRG_1, ("confirmations",) if confirmable else ("programme",),
                             f"not eligible for {programme.name}: needs {condition.requires} ({outcome.explanation}; "
                             f"{condition.source.cite}: \"{condition.source.quote}\")."))
    return errors, found if found.status in (EligibilityStatus.ELIGIBLE, EligibilityStatus.NO_CRITERIA_IN_SOURCES) else None


# Drug tests (REQ-DRG-1) --------------------------------------------------------------------------

def drug_test(sentence: Sentence, requirement: Requirement, command: RecordDrugTestResult, today: date) -> list[Violation]:
    """A result against a drug testing condition or a DRR, on a day the requirement was in force;
    a positive result names what was found, a negative or refused one names nothing."""
    if requirement.type not in DRUG_TESTED:
        return [invalid(("requirementId",), f"Drug tests are recorded against a drug testing condition or a drug "
                                            f"rehabilitation requirement, not {requirement.type.value}.")]
    errors = [*requirement_live(requirement), *sentence_live(sentence, command.tested_on, ("testedOn",)),
              *not_in_future(command.tested_on, today, ("testedOn",), "Test date")]
    if not errors and not in_force_on(sentence, requirement, command.tested_on):
        errors.append(invalid(("testedOn",), f"The requirement is in force from {starts_on(sentence, requirement).isoformat()} "
                                             f"to {ends_on(sentence, requirement).isoformat()}."))
    if command.result is DrugTestResult.POSITIVE and not command.substances:
        errors.append(invalid(("substances",), "A positive result names the substance(s) found."))
    if command.result is not DrugTestResult.POSITIVE and command.substances:
        errors.append(invalid(("substances",), f"A {command.result.value.lower()} result names no substance."))
    for index, substance in enumerate(command.substances):
        errors += text_present(substance, ("substances", str(index)), "Substance", MAX_LABEL)
    if command.notes is not None:
        errors += text_present(command.notes, ("notes",), "Notes")
    return errors


def refusal_reason(command: RecordDrugTestResult) -> str:
    return (f"Refused to provide a sample for a drug test on {command.tested_on.isoformat()}: the condition is to provide "
            "samples as requested (REQ-DRG-1); an apparent failure to comply, for the officer to decide.")


# Police notifications (NOTIFY-1, NOTIFY-2) -------------------------------------------------------

def police_notification(sentence: Sentence, requirement: Requirement, command: RecordPoliceNotification,
                        today: date) -> list[Violation]:
    start = command.kind is NotificationKind.START
    rule = NOTIFY_1 if start else NOTIFY_2
    allowed = NOTIFIED_AT_START if start else END_RECORDABLE
    if requirement.type not in allowed:
        kinds = ", ".join(sorted(t.value for t in allowed))
        article = "A" if start else "An"
        return [invalid(("requirementId",), f"{article} {command.kind.value} notification to the police is recorded for "
                                            f"{kinds}, not {requirement.type.value}.")]
    errors = [*not_in_future(command.notified_on, today, ("notifiedOn",), "Notification date"),
              *text_present(command.police_recipient, ("policeRecipient",), "Police recipient", MAX_LABEL)]
    if command.notified_on < sentence.imposed_on:
        errors.append(invalid(("notifiedOn",), f"The date ({command.notified_on.isoformat()}) is before the sentence "
                                               f"({sentence.imposed_on.isoformat()})."))
    if start and command.notified_on > ends_on(sentence, requirement):
        errors.append(invalid(("notifiedOn",), f"The requirement ended on {ends_on(sentence, requirement).isoformat()}: "
                                               "record the END notification."))
    if not command.in_writing:
        errors.append(breaks(rule, ("inWriting",), "the PF asks for written notification to the police."))
    if start and (command.contact_for_non_compliance is None or not command.contact_for_non_compliance.strip()):
        errors.append(breaks(rule, ("contactForNonCompliance",),
                             "the notice must be \"clear as to who to contact with information regarding non-compliance\"."))
    elif command.contact_for_non_compliance is not None:
        errors += text_present(command.contact_for_non_compliance, ("contactForNonCompliance",), "Contact", MAX_LABEL)
    if start and command.offender_notified is not None:
        errors.append(invalid(("offenderNotified",), "Whether the offender was told is recorded with the END notification."))
    for index, stakeholder in enumerate(command.other_stakeholders):
        errors += text_present(stakeholder, ("otherStakeholders", str(index)), "Stakeholder", MAX_LABEL)
    return errors
