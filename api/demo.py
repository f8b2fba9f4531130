"""A handful of realistic demo cases for exploring the API on the embedded store, dated relative
to today so the standards show a mix of met, due and overdue. Written through the use cases, so
every rule applies to them as to any other write.

Tiers (TIER-1, rule version hmpps-tier-v2.2026), each explained by ``tier { breakdown explanation
ruleVersion range missingInputs }``: D000001 D1 (low RoSH, few needs); D000002 B2 (HIGH RoSH and
RSR 20, needs and OGRS 45); D000003 A2 (VERY_HIGH and MAPPA level 2, 150 each); D000004 a range
("A–D, RoSH missing; 1–3, ...": nothing assessed yet, so nothing assumed); D000005 C1 (MEDIUM
RoSH plus the additional factors for women: parenting responsibilities and impulsivity)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from domain.core.enums import (
    AppointmentKind,
    AppointmentOutcome,
    Gender,
    MappaCategory,
    MappaLevel,
    OffenceCategory,
    Provider,
    RequirementType,
    Role,
    RoshLevel,
    SentenceType,
)
from domain.core.ports import Clock
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from domain.delivery import use_cases as delivery
from domain.delivery.commands import PlanObjectiveDetails, RecordAppointment, RecordPlan, RecordUnpaidWorkSession
from domain.enforcement import use_cases as enforcement
from domain.enforcement.commands import (
    DecideFailureToComply,
    InitiateBreach,
    IssueWarning,
    RecommendRecall,
    RecordRecallReportReceived,
)
from domain.records import use_cases as records
from domain.records.commands import (
    AddSentence,
    AllocateCase,
    CreateCase,
    OffenceDetails,
    OffenderDetails,
    OfficerDetails,
    RequirementDetails,
    TransferCase,
)
from domain.risk import use_cases as risk
from domain.risk.commands import RecordNeedsAssessment, RecordRoshAssessment, RegisterMappa
from domain.risk.tiering import Need, NeedSeverity, ProblemLevel
from domain.staff import use_cases as staff
from domain.staff.commands import RegisterOfficer, UpdateOfficer

DEMO_ACTOR = Principal(subject="demo-loader", name="Demo data loader", roles=frozenset({Role.ADMIN}))


async def _check(outcome) -> None:
    if not outcome.ok:
        raise RuntimeError(f"demo data rejected: {[v.message for v in outcome.errors]}")


# The staff directory of the demo: every officer a demo case is allocated to, the officer a
# development token names by default (N07A001, "Dev Practitioner"), a few more for the allocation
# picker, and one leaver (inactive: listed only with includeInactive, never given a case).
DEMO_OFFICERS = (
    ("N07A001", "Dev Practitioner", Provider.NPS, True),
    ("N07A002", "Grace Adeyemi", Provider.NPS, True),
    ("N07B003", "Samuel Reid", Provider.NPS, True),
    ("C12A004", "Priya Shah", Provider.CRC, True),
    ("C12A009", "Tom Okafor", Provider.CRC, True),
    ("C12A010", "Owen Price", Provider.CRC, False),
)


async def register_demo_officers(uow: UnitOfWork) -> None:
    """Registered through the directory's use cases (so audited); an officer already there (a
    database seeded on an earlier start) is left as it is."""
    for code, name, provider, active in DEMO_OFFICERS:
        if await staff.officer(uow, DEMO_ACTOR, code) is not None:
            continue
        await _check(await staff.register_officer(uow, DEMO_ACTOR, RegisterOfficer(code, name, provider)))
        if not active:
            await _check(await staff.update_officer(uow, DEMO_ACTOR, UpdateOfficer(code, active=False)))


async def load_demo_cases(uow: UnitOfWork, clock: Clock) -> list[str]:
    """The CRNs loaded; none when the demo cases are already there (a persistent database that
    was seeded on an earlier start, as under compose.yaml). The demo officers are registered first."""
    await register_demo_officers(uow)
    if await records.get(uow, DEMO_ACTOR, "D000001") is not None:
        return []
    today = clock.today()

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    loaded = []

    async def case(crn: str, forename: str, surname: str, born: date, gender: Gender, pnc: str | None) -> None:
        await _check(await records.create_case(uow, DEMO_ACTOR, CreateCase(
            crn=crn, offender=OffenderDetails(forename, surname, born, gender, pnc))))
        loaded.append(crn)

    # 1. Community order with unpaid work, allocated to a CRC, low risk.
    await case("D000001", "Jordan", "Hale", date(1994, 3, 12), Gender.MALE, "1994/0012345A")
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000001", type=SentenceType.COMMUNITY_ORDER, imposed_on=ago(20), length_months=12,
        offence=OffenceDetails("Theft from a shop", OffenceCategory.ACQUISITIVE, ago(90)),
        requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=120),
                      RequirementDetails(RequirementType.REHABILITATION_ACTIVITY, days=15)))))
    await _check(await risk.record_rosh_assessment(uow, DEMO_ACTOR, RecordRoshAssessment(
        crn="D000001", level=RoshLevel.LOW, assessed_on=ago(19), rationale="No history of violence; stable address.",
        reoffending_score=Decimal("32"))))
    await _check(await risk.record_needs_assessment(uow, DEMO_ACTOR, RecordNeedsAssessment(
        crn="D000001", assessed_on=ago(19), needs=((Need.EDUCATION_TRAINING_AND_EMPLOYABILITY, NeedSeverity.STANDARD),
                                                   (Need.LIFESTYLE_AND_ASSOCIATES, NeedSeverity.STANDARD)))))
    await _check(await records.allocate_case(uow, DEMO_ACTOR, AllocateCase(
        crn="D000001", provider=Provider.CRC, officer=OfficerDetails("C12A004"), allocated_on=ago(18),
        rationale="Low RoSH with unpaid work and a RAR: CRC caseload for the Leeds South office.")))

    # 2. Suspended sentence order for intimate partner violence, high RoSH, NPS, child risk.
    await case("D000002", "Mark", "Ellison", date(1987, 11, 2), Gender.MALE, "2005/0456789B")
    # Assessed at court before sentence: BBR eligibility (REQ-PRG-1) reads the current RoSH.
    await _check(await risk.record_rosh_assessment(uow, DEMO_ACTOR, RecordRoshAssessment(
        crn="D000002", level=RoshLevel.HIGH, risk_to_children=RoshLevel.MEDIUM, assessed_on=ago(38),
        rationale="Escalating violence towards partner; children in the household witnessed incidents.",
        reoffending_score=Decimal("45.50"), serious_recidivism_score=Decimal("7.20"))))
    await _check(await risk.record_needs_assessment(uow, DEMO_ACTOR, RecordNeedsAssessment(
        crn="D000002", assessed_on=ago(38), needs=((Need.RELATIONSHIPS, NeedSeverity.SEVERE),
                                                   (Need.THINKING_AND_BEHAVIOUR, NeedSeverity.SEVERE),
                                                   (Need.ALCOHOL_MISUSE, NeedSeverity.STANDARD)))))
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000002", type=SentenceType.SUSPENDED_SENTENCE_ORDER, imposed_on=ago(40), length_months=24,
        custodial_term_months=12,
        offence=OffenceDetails("Assault occasioning actual bodily harm on a partner",
                               OffenceCategory.INTIMATE_PARTNER_VIOLENCE, ago(200)),
        requirements=(RequirementDetails(RequirementType.PROGRAMME, programme="Building Better Relationships", days=24),
                      RequirementDetails(RequirementType.EXCLUSION, length_months=12,
                                         details="Exclusion from Elm Road, Leeds LS6")))))
    await _check(await records.allocate_case(uow, DEMO_ACTOR, AllocateCase(
        crn="D000002", provider=Provider.NPS, officer=OfficerDetails("N07A001"), allocated_on=ago(37),
        rationale="High RoSH intimate partner violence with risk to children: NPS (ALLOC-3).")))

    # 3. Licence after release, MAPPA category 2 level 2, very high RoSH.
    await case("D000003", "Sean", "Doherty", date(1979, 6, 30), Gender.MALE, "1998/0777001C")
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000003", type=SentenceType.LICENCE, imposed_on=ago(800), length_months=60, custodial_term_months=60,
        release_date=ago(3),
        offence=OffenceDetails("Wounding with intent", OffenceCategory.VIOLENT, ago(900)),
        requirements=(RequirementDetails(RequirementType.RESIDENCE, details="Approved Premises, Bradford"),
                      RequirementDetails(RequirementType.DRUG_TESTING, drug_misuse_factor_in_offending=True,
                                         dependent_or_propensity=True)))))
    await _check(await risk.record_rosh_assessment(uow, DEMO_ACTOR, RecordRoshAssessment(
        crn="D000003", level=RoshLevel.VERY_HIGH, assessed_on=ago(10), rationale="Pre-release assessment: serious violence.",
        reoffending_score=Decimal("61"), serious_recidivism_score=Decimal("12.40"))))
    await _check(await risk.record_needs_assessment(uow, DEMO_ACTOR, RecordNeedsAssessment(
        crn="D000003", assessed_on=ago(10), needs=((Need.ACCOMMODATION, NeedSeverity.SEVERE),
                                                   (Need.DRUG_MISUSE, NeedSeverity.STANDARD),
                                                   (Need.ATTITUDES, NeedSeverity.STANDARD)))))
    await _check(await risk.register_mappa(uow, DEMO_ACTOR, RegisterMappa(
        crn="D000003", category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_2, registered_on=ago(10),
        visor_recorded=True)))
    await _check(await records.allocate_case(uow, DEMO_ACTOR, AllocateCase(
        crn="D000003", provider=Provider.NPS, officer=OfficerDetails("N07A001"), allocated_on=ago(12),
        rationale="Very high RoSH, MAPPA level 2: NPS offender manager who held the pre-release planning.")))

    # 4. Community order awaiting allocation (ALLOC-1 due).
    await case("D000004", "Aisha", "Begum", date(2001, 1, 23), Gender.FEMALE, None)
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000004", type=SentenceType.COMMUNITY_ORDER, imposed_on=ago(2), length_months=6,
        offence=OffenceDetails("Possession of a class B drug with intent to supply", OffenceCategory.DRUGS, ago(60)),
        requirements=(RequirementDetails(RequirementType.DRUG_REHABILITATION, consent_given=True, length_months=6,
                                         drug_misuse_factor_in_offending=True),))))

    # 5. Post-sentence supervision, transferred between officers.
    await case("D000005", "Kelly", "Marsh", date(1990, 8, 5), Gender.FEMALE, "2009/0333222D")
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000005", type=SentenceType.POST_SENTENCE_SUPERVISION, imposed_on=ago(150), length_months=18,
        custodial_term_months=6, release_date=ago(60),
        offence=OffenceDetails("Burglary of a dwelling", OffenceCategory.ACQUISITIVE, ago(200)),
        requirements=(RequirementDetails(RequirementType.DRUG_APPOINTMENT, drug_misuse_factor_in_offending=True,
                                         dependent_or_propensity=True, dependency_treatable=True,
                                         treatment_arrangements_possible=True),))))
    await _check(await risk.record_rosh_assessment(uow, DEMO_ACTOR, RecordRoshAssessment(
        crn="D000005", level=RoshLevel.MEDIUM, assessed_on=ago(62), rationale="Acquisitive offending to fund drug use.",
        reoffending_score=Decimal("38"))))
    await _check(await risk.record_needs_assessment(uow, DEMO_ACTOR, RecordNeedsAssessment(
        crn="D000005", assessed_on=ago(62), needs=((Need.DRUG_MISUSE, NeedSeverity.SEVERE),),
        parenting_responsibilities=True, impulsivity=ProblemLevel.SOME_PROBLEMS, temper_control=ProblemLevel.NO_PROBLEMS)))
    await _check(await records.allocate_case(uow, DEMO_ACTOR, AllocateCase(
        crn="D000005", provider=Provider.CRC, officer=OfficerDetails("C12A009"), allocated_on=ago(61),
        rationale="Medium RoSH acquisitive offending: CRC, officer covering the release address.")))
    await _check(await records.transfer_case(uow, DEMO_ACTOR, TransferCase(
        crn="D000005", provider=Provider.CRC, officer=OfficerDetails("C12A004"), transferred_on=ago(14),
        rationale="Moved to the Leeds North office area.")))
    # Some delivery, so the standards show a mix of met, due and overdue.
    d1 = (await records.get(uow, DEMO_ACTOR, "D000001")).sentences[0]
    upw = d1.requirements[0]
    await _check(await delivery.record_appointment(uow, DEMO_ACTOR, RecordAppointment(
        crn="D000001", sentence_id=d1.id, kind=AppointmentKind.INDUCTION, face_to_face=True, date=ago(15),
        outcome=AppointmentOutcome.ATTENDED_COMPLIED)))
    await _check(await delivery.record_unpaid_work_session(uow, DEMO_ACTOR, RecordUnpaidWorkSession(
        crn="D000001", sentence_id=d1.id, requirement_id=upw.id, date=ago(8), minutes_worked=420,
        education_training_employment_minutes=60)))
    await _check(await delivery.record_appointment(uow, DEMO_ACTOR, RecordAppointment(
        crn="D000001", sentence_id=d1.id, kind=AppointmentKind.SUPERVISION, face_to_face=True, date=ago(4),
        outcome=AppointmentOutcome.FAILED_TO_ATTEND)))
    await _check(await delivery.record_plan(uow, DEMO_ACTOR, RecordPlan(
        crn="D000001", sentence_id=d1.id, completed_on=ago(10), rosh_level_identified=RoshLevel.LOW,
        objectives=(PlanObjectiveDetails("Complete unpaid work hours"),
                    PlanObjectiveDetails("Address shoplifting triggers through RAR sessions")))))
    # The licence's first appointment was arranged before release for the day of release (APPT-2), entered since.
    d3 = (await records.get(uow, DEMO_ACTOR, "D000003")).sentences[0]
    await _check(await delivery.record_appointment(uow, DEMO_ACTOR, RecordAppointment(
        crn="D000003", sentence_id=d3.id, kind=AppointmentKind.INDUCTION, face_to_face=True, date=ago(3),
        arranged_on=ago(10), outcome=AppointmentOutcome.ATTENDED_COMPLIED)))
    d2 = (await records.get(uow, DEMO_ACTOR, "D000002")).sentences[0]
    await _check(await delivery.record_plan(uow, DEMO_ACTOR, RecordPlan(
        crn="D000002", sentence_id=d2.id, completed_on=ago(30), rosh_level_identified=RoshLevel.HIGH,
        risk_management_plan="Exclusion zone monitored; weekly contact; police liaison on call-outs.",
        objectives=(PlanObjectiveDetails("Complete Building Better Relationships"),
                    PlanObjectiveDetails("Work with children's services on contact arrangements",
                                         targets_risk_to_children=True)))))
    loaded += await load_enforcement_demo(uow, clock)
    return loaded


async def load_enforcement_demo(uow: UnitOfWork, clock: Clock) -> list[str]:
    """Enforcement in the demo, all on NPS cases of the default practitioner (N07A001), so the
    development token sees it: an undecided failure (D000002: ENF-3 runs from the failure), a warning
    then breach on a second unacceptable absence (D000006: ENF-3, ENF-4) and a licence recall with
    its report received (D000007: LIC-1, LIC-2)."""
    today, now = clock.today(), clock.now()

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    async def missed(crn: str, sentence_id: str, on: date) -> str:
        outcome = await delivery.record_appointment(uow, DEMO_ACTOR, RecordAppointment(
            crn=crn, sentence_id=sentence_id, kind=AppointmentKind.SUPERVISION, face_to_face=True, date=on,
            arranged_on=on - timedelta(days=7), outcome=AppointmentOutcome.FAILED_TO_ATTEND))
        await _check(outcome)
        return outcome.created[1].id

    async def unacceptable(crn: str, sentence_id: str, failure_id: str, on: date) -> None:
        await _check(await enforcement.decide_failure_to_comply(uow, DEMO_ACTOR, DecideFailureToComply(
            crn=crn, sentence_id=sentence_id, failure_id=failure_id, acceptable=False, decided_on=on,
            rationale="No explanation given by the reporting deadline.")))

    # D000002: a supervision appointment missed two days ago, not yet decided.
    d2 = (await records.get(uow, DEMO_ACTOR, "D000002")).sentences[0]
    await missed("D000002", d2.id, ago(2))

    # D000006: community order, two unacceptable absences in 12 months: a warning, then breach.
    await _check(await records.create_case(uow, DEMO_ACTOR, CreateCase(crn="D000006", offender=OffenderDetails(
        "Liam", "Carter", date(1999, 6, 30), Gender.MALE, "2016/0334455C"))))
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000006", type=SentenceType.COMMUNITY_ORDER, imposed_on=ago(120), length_months=18,
        offence=OffenceDetails("Criminal damage to a bus shelter", OffenceCategory.OTHER, ago(160)),
        requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=150),))))
    await _check(await risk.record_rosh_assessment(uow, DEMO_ACTOR, RecordRoshAssessment(
        crn="D000006", level=RoshLevel.MEDIUM, assessed_on=ago(118), rationale="Damage when intoxicated; no violence.")))
    await _check(await records.allocate_case(uow, DEMO_ACTOR, AllocateCase(
        crn="D000006", provider=Provider.NPS, officer=OfficerDetails("N07A001"), allocated_on=ago(118),
        rationale="Court report author's team; officer covers the home address.")))
    d6 = (await records.get(uow, DEMO_ACTOR, "D000006")).sentences[0]
    first = await missed("D000006", d6.id, ago(60))
    await unacceptable("D000006", d6.id, first, ago(59))
    await _check(await enforcement.issue_warning(uow, DEMO_ACTOR, IssueWarning(
        crn="D000006", sentence_id=d6.id, issued_on=ago(58), final=False,
        rationale="First unacceptable absence: warned in writing of the consequences.")))
    second = await missed("D000006", d6.id, ago(10))
    await unacceptable("D000006", d6.id, second, ago(9))
    await _check(await enforcement.initiate_breach(uow, DEMO_ACTOR, InitiateBreach(
        crn="D000006", sentence_id=d6.id, initiated_on=ago(8),
        rationale="Second unacceptable absence within 12 months (ENF-4): breach laid before the court.")))

    # D000007: licence, an unacceptable failure and a recall recommended, the report received in time.
    await _check(await records.create_case(uow, DEMO_ACTOR, CreateCase(crn="D000007", offender=OffenderDetails(
        "Dean", "Walsh", date(1982, 1, 19), Gender.MALE, "2001/0998877D"))))
    await _check(await records.add_sentence(uow, DEMO_ACTOR, AddSentence(
        crn="D000007", type=SentenceType.LICENCE, imposed_on=ago(500), length_months=30, custodial_term_months=30,
        release_date=ago(45), offence=OffenceDetails("Robbery of a shop", OffenceCategory.ACQUISITIVE, ago(560)),
        requirements=(RequirementDetails(RequirementType.RESIDENCE, details="Approved Premises, Wakefield"),))))
    await _check(await risk.record_rosh_assessment(uow, DEMO_ACTOR, RecordRoshAssessment(
        crn="D000007", level=RoshLevel.HIGH, assessed_on=ago(46), rationale="Threats made to a former partner.",
        reoffending_score=Decimal("55"))))
    await _check(await risk.record_needs_assessment(uow, DEMO_ACTOR, RecordNeedsAssessment(
        crn="D000007", assessed_on=ago(46), needs=((Need.ACCOMMODATION, NeedSeverity.SEVERE),
                                                   (Need.RELATIONSHIPS, NeedSeverity.STANDARD)))))
    await _check(await records.allocate_case(uow, DEMO_ACTOR, AllocateCase(
        crn="D000007", provider=Provider.NPS, officer=OfficerDetails("N07A001"), allocated_on=ago(46),
        rationale="High RoSH on release: NPS (ALLOC-3).")))
    d7 = (await records.get(uow, DEMO_ACTOR, "D000007")).sentences[0]
    failure = await missed("D000007", d7.id, ago(5))
    await unacceptable("D000007", d7.id, failure, ago(4))
    decided = now - timedelta(days=3)
    await _check(await enforcement.recommend_recall(uow, DEMO_ACTOR, RecommendRecall(
        crn="D000007", sentence_id=d7.id, decided_at=decided, emergency=False,
        rationale="Left the Approved Premises overnight and missed supervision: risk to the former partner.")))
    await _check(await enforcement.record_recall_report_received(uow, DEMO_ACTOR, RecordRecallReportReceived(
        crn="D000007", sentence_id=d7.id, sent_at=decided + timedelta(hours=5),
        received_at=decided + timedelta(hours=6))))
    return ["D000006", "D000007"]
