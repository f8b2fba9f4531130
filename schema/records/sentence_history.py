"""A sentence's history as paged connections (schema/history.py), beside the plain lists they
replace: those are deprecated, kept until at least 2027-03-02 (docs/schema-changelog.md), and
mapped only when selected."""

from __future__ import annotations

import strawberry

from domain.core import case as aggregate
from schema.delivery.types import Appointment, Plan, PlanReview, RarActivityDay, UnpaidWorkSession
from schema.enforcement.types import FailureToComply
from schema.history import After, First, From, HistoryConnection, To, arguments, history_page

KEPT = " Kept until at least 2027-03-02 (docs/schema-changelog.md)."


def unpaged(replacement: str) -> str:
    return f"Unpaged (every item in one response, thousands on a long order): use `{replacement}`, paged with `first`/`after` and `from`/`to`.{KEPT}"


@strawberry.type(description="A sentence's history, paged.")
class SentenceHistory:
    """Fields of ``Sentence`` (which sets ``_crn`` and ``_sentence``)."""

    _crn: strawberry.Private[str]
    _sentence: strawberry.Private[aggregate.Sentence]

    @strawberry.field(description="Appointments, in the order recorded.", deprecation_reason=unpaged("appointmentHistory"))
    def appointments(self) -> list[Appointment]:
        return [Appointment.of(self._crn, self._sentence.id, a) for a in self._sentence.appointments]

    @strawberry.field(description="Appointments by the day they are for, oldest first (a moved appointment by its new "
                                  "day), within `from`..`to` (both inclusive).")
    def appointment_history(self, first: First, after: After = None, from_: From = None,
                            to: To = None) -> HistoryConnection[Appointment]:
        return history_page("appointments", self._sentence.id, self._sentence.appointments, lambda a: a.date,
                            arguments(first, after, from_, to), lambda a: Appointment.of(self._crn, self._sentence.id, a))

    @strawberry.field(description="Failures to comply (ENF-1), never deleted.", deprecation_reason=unpaged("failureToComplyHistory"))
    def failures_to_comply(self) -> list[FailureToComply]:
        return [FailureToComply.of(self._crn, self._sentence.id, f) for f in self._sentence.failures]

    @strawberry.field(description="Failures to comply (ENF-1) by the day of the failure, oldest first, within "
                                  "`from`..`to` (both inclusive).")
    def failure_to_comply_history(self, first: First, after: After = None, from_: From = None,
                                  to: To = None) -> HistoryConnection[FailureToComply]:
        return history_page("failures", self._sentence.id, self._sentence.failures, lambda f: f.date,
                            arguments(first, after, from_, to), lambda f: FailureToComply.of(self._crn, self._sentence.id, f))

    @strawberry.field(description="Unpaid work sessions (REQ-UPW-4).", deprecation_reason=unpaged("unpaidWorkSessionHistory"))
    def unpaid_work_sessions(self) -> list[UnpaidWorkSession]:
        return [UnpaidWorkSession.of(self._crn, self._sentence.id, u) for u in self._sentence.unpaid_work_sessions]

    @strawberry.field(description="Unpaid work sessions (REQ-UPW-4) by the day worked, oldest first, within `from`..`to` "
                                  "(both inclusive).")
    def unpaid_work_session_history(self, first: First, after: After = None, from_: From = None,
                                    to: To = None) -> HistoryConnection[UnpaidWorkSession]:
        return history_page("unpaidWork", self._sentence.id, self._sentence.unpaid_work_sessions, lambda u: u.date,
                            arguments(first, after, from_, to),
                            lambda u: UnpaidWorkSession.of(self._crn, self._sentence.id, u))

    @strawberry.field(description="RAR activity days delivered (REQ-RAR-1).", deprecation_reason=unpaged("rarActivityDayHistory"))
    def rar_activity_days(self) -> list[RarActivityDay]:
        return [RarActivityDay.of(self._crn, self._sentence.id, r) for r in self._sentence.rar_activity_days]

    @strawberry.field(description="RAR activity days delivered (REQ-RAR-1) by their day, oldest first, within "
                                  "`from`..`to` (both inclusive).")
    def rar_activity_day_history(self, first: First, after: After = None, from_: From = None,
                                 to: To = None) -> HistoryConnection[RarActivityDay]:
        return history_page("rarDays", self._sentence.id, self._sentence.rar_activity_days, lambda r: r.date,
                            arguments(first, after, from_, to), lambda r: RarActivityDay.of(self._crn, self._sentence.id, r))

    @strawberry.field(description="Plans, in the order recorded.", deprecation_reason=unpaged("planHistory"))
    def plans(self) -> list[Plan]:
        return [Plan.of(p) for p in self._sentence.plans]

    @strawberry.field(description="Plans by the day completed, oldest first, within `from`..`to` (both inclusive).")
    def plan_history(self, first: First, after: After = None, from_: From = None, to: To = None) -> HistoryConnection[Plan]:
        return history_page("plans", self._sentence.id, self._sentence.plans, lambda p: p.completed_on,
                            arguments(first, after, from_, to), Plan.of)

    @strawberry.field(description="Plan reviews (PLAN-5).", deprecation_reason=unpaged("planReviewHistory"))
    def plan_reviews(self) -> list[PlanReview]:
        return [PlanReview.of(r) for r in self._sentence.plan_reviews]

    @strawberry.field(description="Plan reviews (PLAN-5) by the day reviewed, oldest first, within `from`..`to` (both "
                                  "inclusive).")
    def plan_review_history(self, first: First, after: After = None, from_: From = None,
                            to: To = None) -> HistoryConnection[PlanReview]:
        return history_page("planReviews", self._sentence.id, self._sentence.plan_reviews, lambda r: r.reviewed_on,
                            arguments(first, after, from_, to), PlanReview.of)
