"""RISK-3: immediate action is recorded first; the manager is "informed as soon as possible after
the event" (PF, Managing RoSH practice guide) and recorded later. DUE from the event until then,
never OVERDUE (the PF sets no deadline), MET once the manager is informed."""

from datetime import date, datetime, timedelta

import pytest

from domain.core.calendar import LONDON
from domain.core.errors import ErrorCode
from domain.risk import rules as risk_records
from domain.risk.commands import RecordEmergencyAction, RecordManagerInformed
from domain.risk.model import EmergencyAction
from domain.standards import StandardState as St
from domain.standards import evaluate
from tests import builders
from tests.builders import STAMP

EVENT = datetime(2026, 11, 19, 15, 0, tzinfo=LONDON)
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=LONDON)


def with_action(informed: datetime | None = None):
    case = builders.case()
    case.emergency_actions.append(EmergencyAction(id="e1", occurred_at=EVENT, action="Police called",
                                                  manager_informed_at=informed, recorded=STAMP))
    return case


def risk_3(case, as_of: date):
    return [s for s in evaluate(case, as_of) if s.standard == "RISK-3"]


@pytest.mark.parametrize("as_of, expected", [
    (date(2026, 11, 18), []),  # the day before the event: nothing owed
    (date(2026, 11, 19), [St.DUE]),  # the day of the event
    (date(2026, 11, 20), [St.DUE]),  # the day after: still DUE, no invented deadline
    (date(2027, 11, 20), [St.DUE]),  # a year later: never OVERDUE
])
def test_risk_3_due_from_the_event_until_the_manager_is_informed(as_of, expected):
    found = risk_3(with_action(), as_of)
    assert [s.state for s in found] == expected
    assert all(s.due_by is None and "as soon as possible" in s.detail for s in found)


@pytest.mark.parametrize("informed, as_of, expected", [
    (EVENT + timedelta(minutes=20), date(2026, 11, 19), St.MET),  # informed the same day
    (EVENT + timedelta(days=1), date(2026, 11, 19), St.DUE),  # the day before it was informed
    (EVENT + timedelta(days=1), date(2026, 11, 20), St.MET),  # the day it was informed
    (EVENT + timedelta(days=1), date(2026, 11, 21), St.MET),  # the day after
])
def test_risk_3_met_once_the_manager_is_informed(informed, as_of, expected):
    [found] = risk_3(with_action(informed), as_of)
    assert found.state is expected


def informed(at: datetime, action_id: str = "e1") -> RecordManagerInformed:
    return RecordManagerInformed(crn="X123456", emergency_action_id=action_id, informed_at=at)


@pytest.mark.parametrize("at, code, standard", [
    (EVENT - timedelta(minutes=1), ErrorCode.STANDARD_VIOLATION, "RISK-3"),  # a minute before the event
    (EVENT, None, None),  # at the event
    (EVENT + timedelta(minutes=1), None, None),  # a minute after
    (NOW + timedelta(minutes=1), ErrorCode.INVALID_INPUT, None),  # in the future
    (datetime(2026, 11, 19, 16, 0), ErrorCode.INVALID_INPUT, None),  # no UTC offset
])
def test_risk_3_manager_informed_after_the_event_and_not_in_the_future(at, code, standard):
    _, errors = risk_records.manager_informed(with_action(), informed(at), NOW)
    assert [(e.code, e.standard) for e in errors] == ([] if code is None else [(code, standard)])
    assert all(e.field == ("informedAt",) for e in errors)


def test_risk_3_manager_informed_names_an_existing_action_once():
    _, errors = risk_records.manager_informed(with_action(), informed(NOW, "nope"), NOW)
    assert [(e.code, e.field) for e in errors] == [(ErrorCode.NOT_FOUND, ("emergencyActionId",))]
    _, errors = risk_records.manager_informed(with_action(EVENT + timedelta(minutes=5)), informed(NOW), NOW)
    assert [(e.code, e.field) for e in errors] == [(ErrorCode.INVALID_INPUT, ("emergencyActionId",))]


def test_risk_3_an_action_can_be_recorded_before_the_manager_is_informed():
    command = RecordEmergencyAction(crn="X", occurred_at=EVENT, action="Police called")
    assert risk_records.emergency_action(command, NOW) == []
    future = RecordEmergencyAction(crn="X", occurred_at=NOW + timedelta(hours=1), action="Police called")
    assert [e.field for e in risk_records.emergency_action(future, NOW)] == [("occurredAt",)]
    blank = RecordEmergencyAction(crn="X", occurred_at=EVENT, action="  ")
    assert [e.field for e in risk_records.emergency_action(blank, NOW)] == [("action",)]
