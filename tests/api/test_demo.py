"""The run command's demo cases load through the use cases (so every rule applies to them) and
show the standards at work."""

from api.demo import DEMO_ACTOR, load_demo_cases
from domain.records import use_cases as records
from domain.records.commands import CaseQuery


async def test_demo_cases_load_and_show_a_mix_of_standards(uow, clock):
    loaded = await load_demo_cases(uow, clock)
    assert loaded == ["D000001", "D000002", "D000003", "D000004", "D000005"]
    report = await records.standards_report(uow, DEMO_ACTOR, CaseQuery(), clock.today())
    assert report.cases == 5
    states = {state for _, _, counts in report.rows() for state, n in counts.items() if n}
    assert len(states) >= 3, states
