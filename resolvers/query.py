"""Query root."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from domain import sharing
from resolvers.common import BadArgument, Forbidden, load_case, max_page_size
from schema import enums, ids
from schema.context import Context
from schema.inputs import CaseFilter
from schema.permissions import (
    CanReadAudit,
    CanReadCases,
    CanReadSharedRisk,
    CanReadVictims,
)
from schema.types import (
    Appointment,
    AuditEvent,
    AuditEventConnection,
    AuditEventEdge,
    Case,
    CaseConnection,
    CaseEdge,
    EmergencyAction,
    FailureToComply,
    Node,
    PageInfo,
    Requirement,
    SafeguardingConcern,
    Sentence,
    SharedRiskSummary,
    StandardsReport,
    VictimRecord,
)

MAX_PAGE = 100


@strawberry.type(description="Read the case record.")
class Query:
    @strawberry.field(description="Refetch any object by its global ID; null if it does not exist (or is not visible to you).",
                      permission_classes=[CanReadCases])
    async def node(self, info: strawberry.Info[Context],
                   id: Annotated[strawberry.ID, strawberry.argument(description="A global ID from an `id` field.")]) -> Node | None:
        decoded = ids.decode(id)
        if decoded is None:
            return None
        type_name, keys = decoded
        case = await load_case(info, keys[0])
        if case is None:
            return None
        if type_name == "Case" and len(keys) == 1:
            return Case.of(case)
        if type_name == "SafeguardingConcern" and len(keys) == 2:
            concern = next((s for s in case.safeguarding if s.id == keys[1]), None)
            return SafeguardingConcern.of(case.crn, concern) if concern else None
        if type_name == "EmergencyAction" and len(keys) == 2:
            action = next((a for a in case.emergency_actions if a.id == keys[1]), None)
            return EmergencyAction.of(case.crn, action) if action else None
        sentence = case.sentence(keys[1]) if len(keys) >= 2 else None
        if sentence is None:
            return None
        if type_name == "Sentence" and len(keys) == 2:
            return Sentence.of(case.crn, sentence)
        if len(keys) != 3:
            return None
        if type_name == "Requirement":
            requirement = sentence.requirement(keys[2])
            return Requirement.of(case.crn, sentence, requirement) if requirement else None
        if type_name == "Appointment":
            appointment = next((a for a in sentence.appointments if a.id == keys[2]), None)
            return Appointment.of(case.crn, sentence.id, appointment) if appointment else None
        if type_name == "FailureToComply":
            failure = next((f for f in sentence.failures if f.id == keys[2]), None)
            return FailureToComply.of(case.crn, sentence.id, failure) if failure else None
        return None

    @strawberry.field(name="case", description="A case by CRN; null if there is none, or if you may not see it (the same answer).",
                      permission_classes=[CanReadCases])
    async def case_(self, info: strawberry.Info[Context],
                    crn: Annotated[str, strawberry.argument(description="Case reference number, e.g. X123456.")]) -> Case | None:
        case = await load_case(info, crn)
        return Case.of(case) if case else None

    @strawberry.field(description="A page of the cases you may see, in CRN order (keyset cursor pagination).",
                      permission_classes=[CanReadCases])
    async def cases(self, info: strawberry.Info[Context],
                    first: Annotated[int, strawberry.argument(description=f"How many cases, 1 to {MAX_PAGE}.")],
                    after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
                    filter: Annotated[CaseFilter | None, strawberry.argument(description="Conditions, combined with AND.")] = None
                    ) -> CaseConnection:
        size = max_page_size(first, MAX_PAGE)
        after_crn = ids.decode_cursor(after) if after else None
        if after and after_crn is None:
            raise BadArgument("`after` is not a cursor from this API.")
        query = (filter or CaseFilter()).to_domain(info.context.clock.today())
        found = await info.context.service.find_cases(info.context.principal, query, size + 1, after_crn)
        page = found[:size]
        edges = [CaseEdge(cursor=ids.encode_cursor(case.crn), node=Case.of(case)) for case in page]
        return CaseConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(found) > size, has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))

    @strawberry.field(description="Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on `asOf`, for a provider "
                                  "and/or an officer's caseload (all the cases you may see when neither is given).",
                      permission_classes=[CanReadCases])
    async def standards_report(self, info: strawberry.Info[Context],
                               as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None,
                               provider: Annotated[enums.Provider | None, strawberry.argument(description="Only cases managed by this provider.")] = None,
                               officer_code: Annotated[str | None, strawberry.argument(description="Only this officer's caseload.")] = None,
                               ) -> StandardsReport:
        day = as_of or info.context.clock.today()
        query = CaseFilter(provider=provider, officer_code=officer_code).to_domain(day)
        return StandardsReport.of(await info.context.service.standards_report(info.context.principal, query, day))

    @strawberry.field(description="The audit trail, newest first (AUDITOR only): every write, partner read and refusal.",
                      permission_classes=[CanReadAudit])
    async def audit_events(self, info: strawberry.Info[Context],
                           first: Annotated[int, strawberry.argument(description=f"How many events, 1 to {MAX_PAGE}.")],
                           after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
                           crn: Annotated[str | None, strawberry.argument(description="Only events about this case.")] = None,
                           actor: Annotated[str | None, strawberry.argument(description="Only events by this token subject.")] = None,
                           since: Annotated[datetime | None, strawberry.argument(description="From this instant (inclusive).")] = None,
                           until: Annotated[datetime | None, strawberry.argument(description="Up to this instant (exclusive).")] = None,
                           ) -> AuditEventConnection:
        size = max_page_size(first, MAX_PAGE)
        position = None
        if after:
            decoded = ids.decode(after)
            if decoded is None or decoded[0] != "audit" or len(decoded[1]) != 2:
                raise BadArgument("`after` is not a cursor from this API.")
            position = (datetime.fromisoformat(decoded[1][0].replace("_", ":")), decoded[1][1])
        for instant, name in ((since, "since"), (until, "until")):
            if instant is not None and instant.tzinfo is None:
                raise BadArgument(f"`{name}` needs its UTC offset.")
        found = await info.context.service.audit_events(info.context.principal, crn, actor, since, until, size + 1, position)
        page = found[:size]
        edges = [AuditEventEdge(cursor=ids.encode("audit", e.at.isoformat().replace(":", "_"), e.id), node=AuditEvent.of(e))
                 for e in page]
        return AuditEventConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(found) > size, has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))

    @strawberry.field(description="Partner view (PARTNER only): the shared risk summary of a case, for a stated purpose "
                                  "(REC-4). Null when the case is outside your agency's row filter (or does not exist). "
                                  "Every call, allowed or refused, is audited.",
                      permission_classes=[CanReadSharedRisk])
    async def shared_risk_summary(self, info: strawberry.Info[Context],
                                  crn: Annotated[str, strawberry.argument(description="Case reference number.")],
                                  purpose: Annotated[enums.SharingPurpose, strawberry.argument(description="Why you need it (REC-4).")],
                                  ) -> SharedRiskSummary | None:
        result = await info.context.service.shared_risk_summary(
            info.context.principal, crn, enums.to_domain(purpose, sharing.SharingPurpose))
        if isinstance(result, sharing.Refusal):
            if result.looks_absent:
                return None
            raise Forbidden(result.reason)
        return SharedRiskSummary.of(result) if result is not None else None

    @strawberry.field(description="Victim records of a case (VICTIM_LIAISON_OFFICER only; VIC-3).",
                      permission_classes=[CanReadVictims])
    async def victims(self, info: strawberry.Info[Context],
                      crn: Annotated[str, strawberry.argument(description="The offender's case.")]) -> list[VictimRecord]:
        return [VictimRecord.of(r) for r in await info.context.service.victims_of(info.context.principal, crn)]
