"""GraphQL types of the national standards: a case's status against each, and the caseload report."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from graphql import GraphQLError

from domain import standards as domain_standards
from domain.records import use_cases as records_use_cases
from schema import enums
from schema.context import Context
from schema.delivery.types import OutcomeMeasures


@strawberry.type(description="Where the case stands against one national standard on a given day.")
class StandardStatus:
    standard: str = strawberry.field(description="Rule ID from docs/standards.md, e.g. APPT-1.")
    title: str = strawberry.field(description="What the standard asks, in a line.")
    state: enums.StandardState = strawberry.field(description="MET, DUE, OVERDUE, NOT_MET or NOT_APPLICABLE.")
    due_by: date | None = strawberry.field(description="Last day to meet it on time; null where the source sets no deadline.")
    due_at: datetime | None = strawberry.field(default=None, description="For a deadline that is an instant (LIC-2: 2 or 24 hours after the decision), the instant; OVERDUE from the moment after it.")
    sentence_id: strawberry.ID | None = strawberry.field(description="Global ID of the sentence it concerns, if one.")
    detail: str | None = strawberry.field(description="Human-readable explanation.")


def evaluation_instant(as_of: date | None, at: datetime | None, now: datetime, today: date) -> tuple[date, datetime | None]:
    """The day and instant a standards query is evaluated at. ``at`` (with an offset) gives both;
    otherwise the day is ``as_of`` (default today), judged now when it is today and at the end of
    the day otherwise, so an emergency recall report due at 14:00 today is OVERDUE at 14:01."""
    if at is not None:
        if at.tzinfo is None or at.utcoffset() is None:
            raise GraphQLError("`at` needs its UTC offset, e.g. 2026-11-20T14:30:00+00:00.",
                               extensions={"code": "BAD_USER_INPUT"})
        day = domain_standards.london_day(at)
        if as_of is not None and as_of != day:
            raise GraphQLError(f"`asOf` ({as_of.isoformat()}) is not the day of `at` in England and Wales "
                               f"({day.isoformat()}); give one or the other.", extensions={"code": "BAD_USER_INPUT"})
        return day, at
    day = as_of or today
    return day, now if day == today else None


@strawberry.type(description="How many cases stand in each state against one standard.")
class StandardTally:
    standard: str = strawberry.field(description="Rule ID from docs/standards.md.")
    title: str = strawberry.field(description="What the standard asks, in a line.")
    met: int = strawberry.field(description="Cases MET.")
    due: int = strawberry.field(description="Cases DUE.")
    overdue: int = strawberry.field(description="Cases OVERDUE.")
    not_met: int = strawberry.field(description="Cases NOT_MET.")


@strawberry.type(description="Per standard, how many cases are met, due, overdue or not met on a day: the picture an inspector asks for. "
                             "A case with several checks under one standard (e.g. two sentences) counts once, in its worst state "
                             "(OVERDUE, then NOT_MET, then DUE, then MET).")
class StandardsReport:
    as_of: date = strawberry.field(description="The day evaluated.")
    cases_examined: int = strawberry.field(description="How many cases the filter selected.")
    standards: list[StandardTally] = strawberry.field(description="One row per standard that applies to at least one case, in catalogue order.")
    _query: strawberry.Private[Any]
    _principal: strawberry.Private[Any]

    @strawberry.field(description="The Reducing Re-offending Delivery Plan's outcome measures over the same cases: "
                                  "accommodation at the start and end of supervision, unemployed offenders who found and "
                                  "kept work, unmet needs by pathway. Tallied from every case's records only when asked for.")
    async def outcomes(self, info: strawberry.Info[Context]) -> OutcomeMeasures:
        return OutcomeMeasures.of(await records_use_cases.outcomes_report(info.context.uow, self._principal, self._query,
                                                                         self.as_of))

    @classmethod
    def of(cls, report: domain_standards.Report, query=None, principal=None) -> "StandardsReport":
        S = domain_standards.StandardState
        return cls(as_of=report.as_of, cases_examined=report.cases, _query=query, _principal=principal, standards=[
            StandardTally(standard=standard, title=title, met=counts[S.MET], due=counts[S.DUE],
                          overdue=counts[S.OVERDUE], not_met=counts[S.NOT_MET])
            for standard, title, counts in report.rows()])
