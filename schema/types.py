"""GraphQL object types for the case record, each made from its domain object."""

from __future__ import annotations

from datetime import date, datetime

from typing import Annotated

import strawberry

from domain import model
from domain import standards as domain_standards
from schema import enums, ids
from schema.context import Context


@strawberry.interface(description="An object with a stable, opaque global ID that `Query.node` can refetch.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID.")


@strawberry.type(description="Who made a write and when (REC-1: the time it was recorded, beside the date it happened).")
class RecordStamp:
    by_subject: str = strawberry.field(description="User ID (token subject) of whoever made the write.")
    by_name: str = strawberry.field(description="Display name of whoever made the write.")
    at: datetime = strawberry.field(description="When the write was recorded.")

    @classmethod
    def of(cls, recorded: model.Recorded) -> "RecordStamp":
        return cls(by_subject=recorded.by.subject, by_name=recorded.by.name, at=recorded.at)


@strawberry.type(description="The person under supervision.")
class Offender:
    forename: str = strawberry.field(description="Forename.")
    surname: str = strawberry.field(description="Surname.")
    date_of_birth: date = strawberry.field(description="Date of birth.")
    gender: enums.Gender = strawberry.field(description="Gender as recorded.")
    pnc_number: str | None = strawberry.field(description="Police National Computer number, when known.")

    @classmethod
    def of(cls, offender: model.Offender) -> "Offender":
        return cls(forename=offender.forename, surname=offender.surname, date_of_birth=offender.date_of_birth,
                   gender=enums.to_graphql(offender.gender, enums.Gender), pnc_number=offender.pnc_number)


@strawberry.type(description="A responsible officer (ALLOC-2).")
class Officer:
    code: str = strawberry.field(description="Staff code.")
    name: str = strawberry.field(description="Name.")


@strawberry.type(description="An allocation of the case to a provider and responsible officer (ALLOC-1, ALLOC-2).")
class Allocation:
    provider: enums.Provider = strawberry.field(description="Provider managing the case.")
    officer: Officer = strawberry.field(description="Responsible officer.")
    allocated_on: date = strawberry.field(description="Date of the allocation or transfer.")
    kind: enums.AllocationKind = strawberry.field(description="First allocation or transfer.")
    rationale: str | None = strawberry.field(description="Why (required for a transfer, REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, allocation: model.Allocation) -> "Allocation":
        return cls(provider=enums.to_graphql(allocation.provider, enums.Provider),
                   officer=Officer(code=allocation.officer.code, name=allocation.officer.name),
                   allocated_on=allocation.allocated_on,
                   kind=enums.to_graphql(allocation.kind, enums.AllocationKind),
                   rationale=allocation.rationale, recorded=RecordStamp.of(allocation.recorded))


@strawberry.type(description="The index offence of a sentence.")
class Offence:
    description: str = strawberry.field(description="What the offence was.")
    category: enums.OffenceCategory = strawberry.field(description="Broad category (drives VIC-1 and programme eligibility).")
    committed_on: date = strawberry.field(description="When it was committed (ORA commencement matters: REQ-RAR-1, ENF-6).")


@strawberry.type(description="A requirement of a CO/SSO or a condition of a licence/PSS, with the parameters of its type.")
class Requirement(Node):
    type: enums.RequirementType = strawberry.field(description="Kind of requirement; says which parameters apply.")
    hours: int | None = strawberry.field(description="Hours (unpaid work total; curfew hours per day; attendance centre total).")
    days: int | None = strawberry.field(description="Days (RAR maximum activity days; AAMR monitoring days; specified activity days; programme sessions).")
    length_months: int | None = strawberry.field(description="Duration in months, where the type has one.")
    consent_given: bool | None = strawberry.field(description="Whether the offender consented (treatment requirements, REQ-TRT-1).")
    alcohol_dependent: bool | None = strawberry.field(description="Assessed alcohol dependency (AAMR, REQ-AAMR-1).")
    programme: str | None = strawberry.field(description="Accredited programme name (REQ-PRG-1).")
    details: str | None = strawberry.field(description="Free-text details: the place, activity or times.")
    status: enums.RequirementStatus = strawberry.field(description="Whether it is in force.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, requirement: model.Requirement) -> "Requirement":
        return cls(id=strawberry.ID(ids.encode("Requirement", crn, sentence_id, requirement.id)),
                   type=enums.to_graphql(requirement.type, enums.RequirementType),
                   hours=requirement.hours, days=requirement.days, length_months=requirement.length_months,
                   consent_given=requirement.consent_given, alcohol_dependent=requirement.alcohol_dependent,
                   programme=requirement.programme, details=requirement.details,
                   status=enums.to_graphql(requirement.status, enums.RequirementStatus))


@strawberry.type(description="A sentence supervised by probation: community order, SSO, licence or PSS.")
class Sentence(Node):
    type: enums.SentenceType = strawberry.field(description="Kind of sentence.")
    imposed_on: date = strawberry.field(description="Date of sentence.")
    length_months: int = strawberry.field(description="Length in months from the sentence date (SSO: operational period).")
    release_date: date | None = strawberry.field(description="Release from custody (licence and PSS only).")
    custodial_term_months: int | None = strawberry.field(description="Custodial term in months (SSO: the term suspended).")
    end_date: date = strawberry.field(description="Last day of the sentence: sentence date + length - 1 day.")
    offence: Offence = strawberry.field(description="The index offence.")
    requirements: list[Requirement] = strawberry.field(description="Requirements or licence conditions.")
    status: enums.SentenceStatus = strawberry.field(description="Where the sentence stands.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, sentence: model.Sentence) -> "Sentence":
        return cls(id=strawberry.ID(ids.encode("Sentence", crn, sentence.id)),
                   type=enums.to_graphql(sentence.type, enums.SentenceType), imposed_on=sentence.imposed_on,
                   length_months=sentence.length_months, release_date=sentence.release_date,
                   custodial_term_months=sentence.custodial_term_months, end_date=sentence.end_date,
                   offence=Offence(description=sentence.offence.description,
                                   category=enums.to_graphql(sentence.offence.category, enums.OffenceCategory),
                                   committed_on=sentence.offence.committed_on),
                   requirements=[Requirement.of(crn, sentence.id, r) for r in sentence.requirements],
                   status=enums.to_graphql(sentence.status, enums.SentenceStatus),
                   recorded=RecordStamp.of(sentence.recorded))


@strawberry.type(description="A risk of serious harm assessment (RISK-1). Kept as history.")
class RoshAssessment:
    level: enums.RoshLevel = strawberry.field(description="Overall RoSH level.")
    risk_to_children: enums.RoshLevel | None = strawberry.field(description="RoSH to children, recorded separately (PLAN-2).")
    assessed_on: date = strawberry.field(description="Date of the assessment.")
    rationale: str = strawberry.field(description="The assessor's rationale (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it (the assessor) and when.")

    @classmethod
    def of(cls, assessment: model.RoshAssessment) -> "RoshAssessment":
        return cls(level=enums.to_graphql(assessment.level, enums.RoshLevel),
                   risk_to_children=enums.to_graphql(assessment.risk_to_children, enums.RoshLevel),
                   assessed_on=assessment.assessed_on, rationale=assessment.rationale,
                   recorded=RecordStamp.of(assessment.recorded))


@strawberry.type(description="A MAPPA registration (MAPPA-1). Kept as history.")
class MappaRegistration:
    category: enums.MappaCategory = strawberry.field(description="MAPPA category 1-4.")
    level: enums.MappaLevel = strawberry.field(description="MAPPA management level 1-3.")
    registered_on: date = strawberry.field(description="Date registered.")
    visor_recorded: bool = strawberry.field(description="Whether the case is recorded on ViSOR (mandatory for MAPPA cases).")
    deregistered_on: date | None = strawberry.field(description="Date deregistered or superseded, if it has been.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, registration: model.MappaRegistration) -> "MappaRegistration":
        return cls(category=enums.to_graphql(registration.category, enums.MappaCategory),
                   level=enums.to_graphql(registration.level, enums.MappaLevel),
                   registered_on=registration.registered_on, visor_recorded=registration.visor_recorded,
                   deregistered_on=registration.deregistered_on, recorded=RecordStamp.of(registration.recorded))


@strawberry.type(description="A safeguarding registration (SAFE-1), time-bounded.")
class SafeguardingConcern:
    kind: enums.SafeguardingKind = strawberry.field(description="Kind of concern.")
    started_on: date = strawberry.field(description="Start of the registration.")
    ended_on: date | None = strawberry.field(description="End of the registration; null while it is active.")


@strawberry.type(description="Where the case stands against one national standard on a given day.")
class StandardStatus:
    standard: str = strawberry.field(description="Rule ID from STANDARDS.md, e.g. APPT-1.")
    title: str = strawberry.field(description="What the standard asks, in a line.")
    state: enums.StandardState = strawberry.field(description="MET, DUE, OVERDUE, NOT_MET or NOT_APPLICABLE.")
    due_by: date | None = strawberry.field(description="Last day to meet it on time; null where the source sets no deadline.")
    sentence_id: strawberry.ID | None = strawberry.field(description="Global ID of the sentence it concerns, if one.")
    detail: str | None = strawberry.field(description="Human-readable explanation.")


@strawberry.type(description="A probation case: one offender, their sentences, risk and the standards that apply.")
class Case(Node):
    _case: strawberry.Private[model.Case]

    @classmethod
    def of(cls, case: model.Case) -> "Case":
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

    @strawberry.field(description="Safeguarding registrations (SAFE-1).")
    def safeguarding(self) -> list[SafeguardingConcern]:
        return [SafeguardingConcern(kind=enums.to_graphql(s.kind, enums.SafeguardingKind), started_on=s.started_on,
                                    ended_on=s.ended_on) for s in self._case.safeguarding]

    @strawberry.field(description="Status of every applicable national standard on `asOf` (default: today in England "
                                  "and Wales). The same history gives the same answer for the same `asOf`.")
    def standards(self, info: strawberry.Info[Context],
                  as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate on; defaults to today.")] = None) -> list[StandardStatus]:
        day = as_of or info.context.clock.today()
        return [StandardStatus(standard=s.standard, title=s.title,
                               state=enums.to_graphql(s.state, enums.StandardState), due_by=s.due_by,
                               sentence_id=strawberry.ID(ids.encode("Sentence", self._case.crn, s.sentence_id))
                               if s.sentence_id else None,
                               detail=s.detail or None)
                for s in domain_standards.evaluate(self._case, day)]

    @strawberry.field(description="When and by whom the case was created.")
    def created(self) -> RecordStamp:
        return RecordStamp.of(self._case.created)

    @strawberry.field(description="When and by whom the case was last changed.")
    def updated(self) -> RecordStamp:
        return RecordStamp.of(self._case.updated)


@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="Always false: these connections page forwards only.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge in this page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge; pass as `after` for the next page.")


@strawberry.type(description="A case in a page of cases.")
class CaseEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this case.")
    node: Case = strawberry.field(description="The case.")


@strawberry.type(description="A page of cases, in CRN order (keyset pagination).")
class CaseConnection:
    edges: list[CaseEdge] = strawberry.field(description="The cases in this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")
