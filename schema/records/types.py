"""GraphQL types of the case record: the case, the offender, allocations, sentences and requirements."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Annotated

import strawberry

from domain import standards as domain_standards
from domain import summary as case_summary
from domain.core import case as aggregate
from domain.core.base import recorded_late
from domain.delivery import views as delivery_views
from domain.delivery.vocabulary import SupervisionPoint
from domain.enforcement import compliance
from domain.records import model as record_model
from domain.records import views as record_views
from domain.risk import use_cases as risk_use_cases
from schema import enums, ids
from schema.common import TOTAL_COUNT, Node, PageInfo, RecordStamp
from schema.context import Context
from schema.delivery.types import (
    ApprovedPremisesReferral,
    EmploymentSpell,
    Evaluation,
    PathwayNeed,
    PriorityOffenderPeriod,
    ResettlementStatus,
    Termination,
    UnpaidWorkProgress,
)
from schema.enforcement.types import (
    Breach,
    CaseCompliance,
    ComplianceSummary,
    EnforcementAction,
    Recall,
    Warning,
    recall_of,
)
from schema.records.requirement_types import (
    DrugTest,
    PoliceNotification,
    ProgrammeEligibility,
    ProgrammeReferral,
)
from schema.records.sentence_history import SentenceHistory
from schema.risk.types import (
    ComplexityRegistration,
    EmergencyAction,
    MappaRegistration,
    NeedsAssessment,
    NeedScore,
    RoshAssessment,
    SafeguardingConcern,
    TierCalculation,
)
from schema.sharing.types import VictimContactEligibility
from schema.standards import StandardStatus, evaluation_instant


@strawberry.type(description="The person under supervision.")
class Offender:
    forename: str = strawberry.field(description="Forename.")
    surname: str = strawberry.field(description="Surname.")
    date_of_birth: date = strawberry.field(description="Date of birth.")
    gender: enums.Gender = strawberry.field(description="Gender as recorded.")
    pnc_number: str | None = strawberry.field(description="Police National Computer number, when known.")

    @classmethod
    def of(cls, offender: record_model.Offender) -> "Offender":
        return cls(forename=offender.forename, surname=offender.surname, date_of_birth=offender.date_of_birth,
                   gender=enums.to_graphql(offender.gender, enums.Gender), pnc_number=offender.pnc_number)


@strawberry.type(description="A responsible officer (ALLOC-2).")
class Officer:
    code: str = strawberry.field(description="Staff code (in capitals for allocations made since the staff directory).")
    name: str = strawberry.field(description="Name as the staff directory gave it when the allocation was made (kept as it was).")


@strawberry.type(description="An allocation of the case to a provider and responsible officer (ALLOC-1, ALLOC-2).")
class Allocation:
    provider: enums.Provider = strawberry.field(description="Provider managing the case.")
    officer: Officer = strawberry.field(description="Responsible officer.")
    allocated_on: date = strawberry.field(description="Date of the allocation or transfer.")
    kind: enums.AllocationKind = strawberry.field(description="First allocation or transfer.")
    rationale: str | None = strawberry.field(description="Why this provider and officer (REC-2: required for every allocation and transfer; null only on allocations recorded before that).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day of the allocation or transfer; accepted all the same.")

    @classmethod
    def of(cls, allocation: record_model.Allocation) -> "Allocation":
        return cls(provider=enums.to_graphql(allocation.provider, enums.Provider),
                   officer=Officer(code=allocation.officer.code, name=allocation.officer.name),
                   allocated_on=allocation.allocated_on,
                   kind=enums.to_graphql(allocation.kind, enums.AllocationKind),
                   rationale=allocation.rationale or None, recorded=RecordStamp.of(allocation.recorded),
                   recorded_late=recorded_late(allocation.allocated_on, allocation.recorded))


@strawberry.type(description="The index offence of a sentence.")
class Offence:
    description: str = strawberry.field(description="What the offence was.")
    category: enums.OffenceCategory = strawberry.field(description="Broad category (drives VIC-1 and programme eligibility).")
    committed_on: date = strawberry.field(description="When it was committed (ORA commencement matters: REQ-RAR-1, ENF-6).")


@strawberry.type(description="A court's variation or termination of a requirement.")
class RequirementVariation:
    varied_on: date = strawberry.field(description="Date of the court's decision.")
    changes: list[str] = strawberry.field(description="What changed, e.g. \"hours: 120 -> 80\".")
    terminated: bool = strawberry.field(description="Whether the requirement was terminated.")
    rationale: str = strawberry.field(description="The court's reasons (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, variation: record_model.RequirementVariation) -> "RequirementVariation":
        changes = [f"{name}: {variation.previous.get(name)} -> {value}" for name, value in variation.changes.items()]
        return cls(varied_on=variation.varied_on, changes=changes, terminated=variation.terminated,
                   rationale=variation.rationale, recorded=RecordStamp.of(variation.recorded))


@strawberry.type(description="A requirement of a community order/SSO, a condition of a licence, or a post-sentence supervision "
                             "requirement (the PF's words: licence and PSS items are conditions, not community-order "
                             "requirements, though they share this type), with the parameters of its type.")
class Requirement(Node):
    type: enums.RequirementType = strawberry.field(description="Kind of requirement; says which parameters apply.")
    hours: int | None = strawberry.field(description="Hours (unpaid work total; curfew hours per day; attendance centre total).")
    days: int | None = strawberry.field(description="Days (RAR maximum activity days; AAMR monitoring days; specified activity days; programme sessions).")
    length_months: int | None = strawberry.field(description="Duration in months, where the type has one.")
    consent_given: bool | None = strawberry.field(description="Whether the offender consented (treatment requirements, REQ-TRT-1).")
    alcohol_dependent: bool | None = strawberry.field(description="Assessed alcohol dependency (AAMR, REQ-AAMR-1).")
    alcohol_treatment_recommended: bool | None = strawberry.field(description="AAMR: whether an alcohol treatment requirement was recommended (REQ-AAMR-1).")
    alcohol_related_offence: bool | None = strawberry.field(description="AAMR: whether the offence is alcohol related (REQ-AAMR-1).")
    drug_misuse_factor_in_offending: bool | None = strawberry.field(description="Drug testing/appointment: misuse of Class A or B drugs is a factor in the offending; DRR: the offending arises from drug dependence or misuse (REQ-DRG-2).")
    dependent_or_propensity: bool | None = strawberry.field(description="Drug testing/appointment: dependent on or a propensity to use drugs (REQ-DRG-2).")
    dependency_treatable: bool | None = strawberry.field(description="Drug appointment: the dependency/propensity is treatable (REQ-DRG-2).")
    treatment_arrangements_possible: bool | None = strawberry.field(description="Drug appointment: arrangements for treatment and appointments are possible (REQ-DRG-2).")
    programme: str | None = strawberry.field(description="Accredited programme the court named (REQ-PRG-1).")
    details: str | None = strawberry.field(description="Free-text details: the place, activity or times.")
    status: enums.RequirementStatus = strawberry.field(description="Whether it is in force.")
    starts_on: date = strawberry.field(description="First day in force: the sentence date (CO/SSO) or release (licence/PSS).")
    ends_on: date = strawberry.field(description="Last day in force: its length, the sentence end, or an earlier termination. An unpaid work extension never moves it (REQ-UPW-3).")
    variations: list[RequirementVariation] = strawberry.field(description="Court variations, oldest first.")
    unpaid_work: UnpaidWorkProgress | None = strawberry.field(description="Progress, for an unpaid work requirement.")
    activity_days_delivered: int | None = strawberry.field(description="Distinct activity days delivered, for a RAR (never more than `days`).")
    programme_referrals: list[ProgrammeReferral] = strawberry.field(description="Referrals to the programme, oldest first (REQ-PRG-1).")
    drug_tests: list[DrugTest] = strawberry.field(description="Drug test results, in the order recorded (REQ-DRG-1).")
    police_notifications: list[PoliceNotification] = strawberry.field(description="Notifications to the police (NOTIFY-1, NOTIFY-2).")
    _crn: strawberry.Private[str]
    _sentence: strawberry.Private[aggregate.Sentence]
    _requirement: strawberry.Private[record_model.Requirement]

    @strawberry.field(description="For a programme requirement: eligibility for its programme (REQ-PRG-1), as found at the latest "
                                  "referral, or before any referral on today's record; null for other types.")
    async def programme_eligibility(self, info: strawberry.Info[Context]) -> ProgrammeEligibility | None:
        case = await info.context.loaders.case_by_crn.load(self._crn)
        if case is None:
            return None
        return ProgrammeEligibility.of(record_views.programme_eligibility(case, self._sentence, self._requirement,
                                                                          info.context.clock.today()))

    @classmethod
    def of(cls, crn: str, sentence: aggregate.Sentence, requirement: record_model.Requirement) -> "Requirement":
        sentence_id = sentence.id
        starts, ends = record_views.in_force(sentence, requirement)
        return cls(id=strawberry.ID(ids.encode("Requirement", crn, sentence_id, requirement.id)),
                   type=enums.to_graphql(requirement.type, enums.RequirementType),
                   hours=requirement.hours, days=requirement.days, length_months=requirement.length_months,
                   consent_given=requirement.consent_given, alcohol_dependent=requirement.alcohol_dependent,
                   alcohol_treatment_recommended=requirement.alcohol_treatment_recommended,
                   alcohol_related_offence=requirement.alcohol_related_offence,
                   drug_misuse_factor_in_offending=requirement.drug_misuse_factor_in_offending,
                   dependent_or_propensity=requirement.dependent_or_propensity,
                   dependency_treatable=requirement.dependency_treatable,
                   treatment_arrangements_possible=requirement.treatment_arrangements_possible,
                   programme=requirement.programme, details=requirement.details,
                   status=enums.to_graphql(requirement.status, enums.RequirementStatus), starts_on=starts, ends_on=ends,
                   variations=[RequirementVariation.of(v) for v in requirement.variations],
                   unpaid_work=UnpaidWorkProgress.of(delivery_views.unpaid_work_progress(sentence, requirement)),
                   activity_days_delivered=delivery_views.activity_days_delivered(sentence, requirement),
                   programme_referrals=[ProgrammeReferral.of(r) for r in requirement.programme_referrals],
                   drug_tests=[DrugTest.of(crn, sentence_id, t) for t in requirement.drug_tests],
                   police_notifications=[PoliceNotification.of(n) for n in requirement.police_notifications],
                   _crn=crn, _sentence=sentence, _requirement=requirement)


@strawberry.type(description="A sentence supervised by probation: community order, SSO, licence or PSS.")
class Sentence(SentenceHistory, Node):
    type: enums.SentenceType = strawberry.field(description="Kind of sentence.")
    imposed_on: date = strawberry.field(description="Date of sentence.")
    length_months: int = strawberry.field(description="Length in months from the sentence date (SSO: operational period).")
    release_date: date | None = strawberry.field(description="Release from custody (licence and PSS only).")
    custodial_term_months: int | None = strawberry.field(description="Custodial term in months (SSO: the term suspended).")
    end_date: date = strawberry.field(description="Last day of the sentence, inclusive: sentence date + length - 1 day (12 months from 15 January end on 14 January).")
    offence: Offence = strawberry.field(description="The index offence.")
    requirements: list[Requirement] = strawberry.field(description="Requirements or licence conditions.")
    status: enums.SentenceStatus = strawberry.field(description="Where the sentence stands.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    approved_premises_referrals: list[ApprovedPremisesReferral] = strawberry.field(description="Approved Premises referrals (AP-1).")
    evaluation: Evaluation | None = strawberry.field(description="The end-of-sentence evaluation (END-1), once completed.")
    termination: Termination | None = strawberry.field(description="The termination (END-2), once recorded.")
    warnings: list[Warning] = strawberry.field(description="Warnings, oldest first.")
    breaches: list[Breach] = strawberry.field(description="Breach proceedings, oldest first.")
    recalls: list[Recall] = strawberry.field(description="Recall recommendations, oldest first.")
    _sentence: strawberry.Private[aggregate.Sentence]
    _crn: strawberry.Private[str]

    @strawberry.field(description="Compliance on `asOf` (default today): failures, the window that counts, warnings, breach or recall, next action.")
    def compliance(self, info: strawberry.Info[Context],
                   as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None
                   ) -> ComplianceSummary:
        return ComplianceSummary.of(compliance.summarise(self._sentence, as_of or info.context.clock.today()))

    @strawberry.field(description="Accommodation and employment at the start of supervision (RRDP outcome measures); null until recorded.")
    def status_at_start(self) -> ResettlementStatus | None:
        return ResettlementStatus.of(delivery_views.status_at(self._sentence, SupervisionPoint.START))

    @strawberry.field(description="Accommodation and employment at the end of supervision; null until recorded.")
    def status_at_end(self) -> ResettlementStatus | None:
        return ResettlementStatus.of(delivery_views.status_at(self._sentence, SupervisionPoint.END))

    @strawberry.field(description="Spells of employment or vocational training, in the order recorded.")
    def employment_spells(self, info: strawberry.Info[Context]) -> list[EmploymentSpell]:
        return [EmploymentSpell.of(self._crn, self._sentence, s, info.context.clock.today())
                for s in self._sentence.employment_spells]

    victim_contact: VictimContactEligibility | None = strawberry.field(description="Victim contact scheme that applies (VIC-1); null if none. Nothing about any victim is held on the case (VIC-3).")

    @classmethod
    def of(cls, crn: str, sentence: aggregate.Sentence) -> "Sentence":
        return cls(id=strawberry.ID(ids.encode("Sentence", crn, sentence.id)),
                   type=enums.to_graphql(sentence.type, enums.SentenceType), imposed_on=sentence.imposed_on,
                   length_months=sentence.length_months, release_date=sentence.release_date,
                   custodial_term_months=sentence.custodial_term_months, end_date=sentence.end_date,
                   offence=Offence(description=sentence.offence.description,
                                   category=enums.to_graphql(sentence.offence.category, enums.OffenceCategory),
                                   committed_on=sentence.offence.committed_on),
                   requirements=[Requirement.of(crn, sentence, r) for r in sentence.requirements],
                   status=enums.to_graphql(sentence.status, enums.SentenceStatus),
                   recorded=RecordStamp.of(sentence.recorded),
                   approved_premises_referrals=[ApprovedPremisesReferral.of(sentence, r)
                                                for r in sentence.approved_premises_referrals],
                   evaluation=Evaluation.of(sentence.evaluation) if sentence.evaluation else None,
                   termination=Termination.of(sentence.termination) if sentence.termination else None,
                   victim_contact=VictimContactEligibility.of(crn, sentence),
                   warnings=[Warning.of(w) for w in sentence.warnings],
                   breaches=[Breach.of(crn, sentence.id, b) for b in sentence.breaches],
                   recalls=[recall_of(r) for r in sentence.recalls], _sentence=sentence, _crn=crn)


@strawberry.type(description="A probation case: one offender, their sentences, risk and the standards that apply.")
class Case(Node):
    _case: strawberry.Private[aggregate.Case]

    @classmethod
    def of(cls, case: aggregate.Case) -> "Case":
        return cls(id=strawberry.ID(ids.encode("Case", case.crn)), _case=case)

    @strawberry.field(description="Case reference number: one capital letter and six digits, e.g. X123456.")
    def crn(self) -> str:
        return self._case.crn

    @strawberry.field(description="Incremented by every write; pass it back as `expectedVersion` to detect conflicts.")
    def version(self) -> int:
        return self._case.version

    @strawberry.field(description="The person under supervision.")
    def offender(self) -> Offender:
        return Offender.of(self._case.offender)

    @strawberry.field(description="The current allocation; null until allocated (ALLOC-1).")
    def allocation(self) -> Allocation | None:
        return Allocation.of(self._case.allocation) if self._case.allocation else None

    @strawberry.field(description="Every allocation and transfer, oldest first (ALLOC-2: history kept).")
    def allocation_history(self) -> list[Allocation]:
        return [Allocation.of(a) for a in self._case.allocations]

    @strawberry.field(description="Sentences, in the order recorded.")
    def sentences(self) -> list[Sentence]:
        return [Sentence.of(self._case.crn, s) for s in self._case.sentences]

    @strawberry.field(description="The current RoSH assessment (the latest by date), null if none.")
    def rosh(self) -> RoshAssessment | None:
        return RoshAssessment.of(self._case.rosh) if self._case.rosh else None

    @strawberry.field(description="Every RoSH assessment, oldest first (RISK-1).")
    def rosh_history(self) -> list[RoshAssessment]:
        ordered = sorted(enumerate(self._case.rosh_assessments), key=lambda pair: (pair[1].assessed_on, pair[0]))
        return [RoshAssessment.of(a) for _, a in ordered]

    @strawberry.field(description="The current MAPPA registration, null if none.")
    def mappa(self) -> MappaRegistration | None:
        return MappaRegistration.of(self._case.mappa) if self._case.mappa else None

    @strawberry.field(description="Every MAPPA registration, in the order recorded.")
    def mappa_history(self) -> list[MappaRegistration]:
        return [MappaRegistration.of(m) for m in self._case.mappa_registrations]

    @strawberry.field(description="Safeguarding registrations (SAFE-1), active and ended.")
    def safeguarding(self) -> list[SafeguardingConcern]:
        return [SafeguardingConcern.of(self._case.crn, s) for s in self._case.safeguarding]

    @strawberry.field(description="The needs identified on the plan in force of each sentence being served on `asOf` "
                                  "(default today), by RRDP pathway, and whether an objective addresses each (PLAN-6).")
    def pathway_needs(self, info: strawberry.Info[Context],
                      as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None,
                      unmet_only: Annotated[bool, strawberry.argument(description="Only needs that no objective addresses.")] = False
                      ) -> list[PathwayNeed]:
        found = delivery_views.pathway_needs(self._case, as_of or info.context.clock.today())
        return [PathwayNeed.of(self._case.crn, n) for n in found if not (unmet_only and n.met)]

    @strawberry.field(description="The current Prolific and other Priority Offender designation; null if none (PLAN-3).")
    def priority_offender(self) -> PriorityOffenderPeriod | None:
        return PriorityOffenderPeriod.of(delivery_views.priority_offender(self._case))

    @strawberry.field(description="Every Prolific and other Priority Offender designation, oldest first.")
    def priority_offender_history(self) -> list[PriorityOffenderPeriod]:
        return [PriorityOffenderPeriod.of(p) for p in self._case.priority_offender_periods]

    @strawberry.field(description="The current tier (TIER-1), recalculated whenever an input changes.")
    def tier(self) -> TierCalculation | None:
        return TierCalculation.of(self._case.tier) if self._case.tier else None

    @strawberry.field(description="Every tier calculation, newest first, from the tier history.")
    async def tier_history(self, info: strawberry.Info[Context]) -> list[TierCalculation]:
        return [TierCalculation.of(t) for t in await risk_use_cases.tier_history(info.context.uow, self._case)]

    @strawberry.field(description="Complexity factors registered (TIER-1); safeguarding adds its own.")
    def complexity_factors(self) -> list[ComplexityRegistration]:
        return [ComplexityRegistration(factor=enums.to_graphql(c.factor, enums.ComplexityFactor), started_on=c.started_on,
                                       ended_on=c.ended_on) for c in self._case.complexity_factors]

    @strawberry.field(description="Needs assessments, in the order recorded.")
    def needs_assessments(self) -> list[NeedsAssessment]:
        return [NeedsAssessment(assessed_on=n.assessed_on, needs=[
            NeedScore(need=enums.to_graphql(k, enums.Need), severity=enums.to_graphql(v, enums.NeedSeverity))
            for k, v in n.needs.items()], parenting_responsibilities=n.parenting_responsibilities,
            impulsivity=enums.to_graphql(n.impulsivity, enums.ProblemLevel),
            temper_control=enums.to_graphql(n.temper_control, enums.ProblemLevel)) for n in self._case.needs_assessments]

    @strawberry.field(description="Emergency actions on immediate risk (RISK-3).")
    def emergency_actions(self) -> list[EmergencyAction]:
        return [EmergencyAction.of(self._case.crn, e) for e in self._case.emergency_actions]

    @strawberry.field(description="Status of every applicable national standard on `asOf` (default: today in England "
                                  "and Wales). The same history gives the same answer for the same `asOf`.")
    async def standards(self, info: strawberry.Info[Context],
                        as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate on; defaults to today.")] = None,
                        at: Annotated[datetime | None, strawberry.argument(description="The instant to evaluate at, with its UTC offset (its day in England and Wales is the day evaluated). Without it, today is evaluated now and any other day at its end: an instant deadline (LIC-2) is OVERDUE from the moment it passes.")] = None
                        ) -> list[StandardStatus]:
        await info.context.budget.checkpoint()  # CPU-heavy: the event loop gets a turn first (schema.budget)
        clock = info.context.clock
        day, instant = evaluation_instant(as_of, at, clock.now(), clock.today())
        return [self._status(s) for s in domain_standards.evaluate(self._case, day, instant)]

    @strawberry.field(description="The soonest deadline pending: the undischarged duty under any standard with the "
                                  "earliest due date on `asOf` (default today), OVERDUE ones first; null if none. The "
                                  "order `cases(orderBy: NEXT_DUE)` follows. A state of NOT_APPLICABLE means its window "
                                  "opens later (e.g. END-1 opens eight weeks before the sentence ends).")
    def next_due(self, info: strawberry.Info[Context],
                 as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate on; defaults to today.")] = None) -> StandardStatus | None:
        found = case_summary.next_due_status(self._case, as_of or info.context.clock.today())
        return self._status(found) if found else None

    def _status(self, s: domain_standards.StandardStatus) -> StandardStatus:
        return StandardStatus(standard=s.standard, title=s.title, state=enums.to_graphql(s.state, enums.StandardState),
                              due_by=s.due_by, due_at=s.due_at,
                              sentence_id=strawberry.ID(ids.encode("Sentence", self._case.crn, s.sentence_id))
                              if s.sentence_id else None,
                              detail=s.detail or None)

    @strawberry.field(description="Compliance across the case's sentences on `asOf` (default today).")
    async def compliance(self, info: strawberry.Info[Context],
                         as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None
                         ) -> CaseCompliance:
        await info.context.budget.checkpoint()
        summary = compliance.summarise_case(self._case.sentences, as_of or info.context.clock.today())
        return CaseCompliance(failures=summary.failures, awaiting_decision=summary.awaiting_decision,
                              unacceptable=summary.unacceptable, live_warnings=summary.live_warnings,
                              breach_in_progress=summary.breach_in_progress, recall_in_progress=summary.recall_in_progress,
                              next_action=EnforcementAction.of(summary.next_action))

    @strawberry.field(description="When and by whom the case was created.")
    def created(self) -> RecordStamp:
        return RecordStamp.of(self._case.created)

    @strawberry.field(description="When and by whom the case was last changed.")
    def updated(self) -> RecordStamp:
        return RecordStamp.of(self._case.updated)


@strawberry.type(description="A case in a page of cases.")
class CaseEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this case.")
    node: Case = strawberry.field(description="The case.")


@strawberry.type(description="A page of cases, in CRN order (keyset pagination).")
class CaseConnection:
    edges: list[CaseEdge] = strawberry.field(description="The cases in this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description=TOTAL_COUNT)
    async def total_count(self) -> int:
        return await self._count()
