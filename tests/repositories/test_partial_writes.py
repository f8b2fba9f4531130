"""Writes cost what they change (docs/storage.md): a use case's change reaches the store as one
version-guarded update of what changed, the stored document is exactly the full dump of the case,
its recorded size is exact, and a refused or too-large command writes nothing anywhere."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from domain.core.enums import (
    AppointmentKind,
    AppointmentOutcome,
    MappaCategory,
    MappaLevel,
    NoteKind,
    OffenceCategory,
    Provider,
    RequirementType,
    RoshLevel,
    SentenceType,
)
from domain.core.errors import ErrorCode
from domain.core.unit_of_work import UnitOfWork
from domain.delivery import use_cases as delivery
from domain.delivery.commands import CompleteEvaluation, RecordAppointment
from domain.enforcement import use_cases as enforcement
from domain.enforcement.commands import DecideFailureToComply
from domain.records import use_cases as records
from domain.records.commands import (
    AddSentence,
    AllocateCase,
    CreateCase,
    OffenceDetails,
    OffenderDetails,
    OfficerDetails,
    RequirementDetails,
)
from domain.risk import use_cases as risk
from domain.risk.commands import DeregisterMappa, RecordRoshAssessment, RegisterMappa
from repositories import cases as repository
from repositories import changes
from repositories.cases import MongoCaseRepository, document_size, to_document
from tests.conftest import TODAY
from tests.schema.test_concurrency import InterleavingRepository


class Spy:
    """Delegates to a driver collection and keeps every update document sent."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.updates: list[dict] = []

    async def update_one(self, selector, update, **kwargs):
        self.updates.append(update)
        return await self.inner.update_one(selector, update, **kwargs)

    def __getattr__(self, name):
        return getattr(self.inner, name)


async def everything(store) -> dict[str, list]:
    """Every document of every collection, to compare before and after."""
    names = sorted(await store.database.list_collection_names())
    return {name: sorted([d async for d in store.database[name].find({})], key=lambda d: str(d["_id"]))
            for name in names}


async def opened(uow: UnitOfWork, admin) -> str:
    from domain.core.enums import Gender

    await records.create_case(uow, admin, CreateCase(crn="X123456", offender=OffenderDetails(
        "Alex", "Morgan", TODAY - timedelta(days=365 * 30), Gender.MALE)))
    added = await records.add_sentence(uow, admin, AddSentence(
        crn="X123456", type=SentenceType.COMMUNITY_ORDER, imposed_on=TODAY - timedelta(days=40), length_months=12,
        offence=OffenceDetails("Theft", OffenceCategory.ACQUISITIVE, TODAY - timedelta(days=90)),
        requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=60),)))
    await records.allocate_case(uow, admin, AllocateCase(crn="X123456", provider=Provider.NPS,
                                                         officer=OfficerDetails("N1", "One"),
                                                         allocated_on=TODAY - timedelta(days=39)))
    return added.created.id


def appointment(sentence_id: str, days_ago: int, outcome=AppointmentOutcome.ATTENDED_COMPLIED) -> RecordAppointment:
    return RecordAppointment(crn="X123456", sentence_id=sentence_id, kind=AppointmentKind.SUPERVISION,
                             face_to_face=True, date=TODAY - timedelta(days=days_ago), outcome=outcome,
                             notes="Seen at the office.", notes_kind=NoteKind.FACT)


async def assert_stored_is_the_full_dump(store) -> None:
    stored = await store.cases.collection.find_one({"crn": "X123456"})
    assert stored.pop("outbox") == [], "the relay moved the outbox right after the write"
    expected = to_document(repository.from_document(stored))
    expected["current"]["bytes"] = stored["current"]["bytes"]
    assert stored == expected
    assert stored["current"]["bytes"] == document_size(stored), "the tracked size must be exact"


async def test_an_appended_record_is_pushed_not_the_case_rewritten(store, uow, admin):
    sentence_id = await opened(uow, admin)
    spy = store.cases.collection = Spy(store.cases.collection)

    outcome = await delivery.record_appointment(uow, admin, appointment(sentence_id, 1))

    assert outcome.ok
    [update] = spy.updates
    assert set(update) == {"$set", "$push"}
    assert list(update["$push"]) == ["sentences.0.appointments", "outbox"]  # the outbox: in the same write
    assert len(update["$push"]["sentences.0.appointments"]["$each"]) == 1
    assert not any(path == "sentences" or path.startswith("sentences.0.") for path in update["$set"])
    assert {"version", "current"} <= set(update["$set"])  # (updated is unchanged: the same clock and actor)
    await assert_stored_is_the_full_dump(store)


async def test_an_edit_in_place_is_set_by_its_index_path(store, uow, admin):
    sentence_id = await opened(uow, admin)
    missed = await delivery.record_appointment(uow, admin, appointment(sentence_id, 2, AppointmentOutcome.FAILED_TO_ATTEND))
    failure = missed.created[1]
    await risk.register_mappa(uow, admin, RegisterMappa(crn="X123456", category=MappaCategory.CATEGORY_2,
                                                        level=MappaLevel.LEVEL_1, registered_on=TODAY - timedelta(days=5),
                                                        visor_recorded=True))
    spy = store.cases.collection = Spy(store.cases.collection)

    decided = await enforcement.decide_failure_to_comply(uow, admin, DecideFailureToComply(
        crn="X123456", sentence_id=sentence_id, failure_id=failure.id, acceptable=False, rationale="No reason given."))
    deregistered = await risk.deregister_mappa(uow, admin, DeregisterMappa(crn="X123456", deregistered_on=TODAY,
                                                                           reason="Risk reduced."))

    assert decided.ok and deregistered.ok
    decision, deregistration = spy.updates
    assert list(decision["$push"]) == ["sentences.0.failures.0.decisions", "outbox"]
    assert "mappa_registrations.0.deregistered_on" in deregistration["$set"]
    assert "mappa_registrations" not in deregistration["$set"]
    await assert_stored_is_the_full_dump(store)


async def test_every_kind_of_change_leaves_the_stored_document_equal_to_the_full_dump(store, uow, admin):
    sentence_id = await opened(uow, admin)
    changes = [
        delivery.record_appointment(uow, admin, appointment(sentence_id, 3)),
        risk.record_rosh_assessment(uow, admin, RecordRoshAssessment(crn="X123456", level=RoshLevel.MEDIUM,
                                                                     assessed_on=TODAY, rationale="r")),
        risk.register_mappa(uow, admin, RegisterMappa(crn="X123456", category=MappaCategory.CATEGORY_1,
                                                      level=MappaLevel.LEVEL_2, registered_on=TODAY, visor_recorded=True)),
        # superseding edits the current registration and appends one: the list is set whole
        risk.register_mappa(uow, admin, RegisterMappa(crn="X123456", category=MappaCategory.CATEGORY_2,
                                                      level=MappaLevel.LEVEL_1, registered_on=TODAY, visor_recorded=True)),
        delivery.complete_evaluation(uow, admin, CompleteEvaluation(crn="X123456", sentence_id=sentence_id,
                                                                    completed_on=TODAY, summary="Good progress.")),
    ]
    for change in changes:
        outcome = await change
        assert outcome.ok or outcome.errors[0].code is ErrorCode.EVALUATION_TOO_EARLY
        await assert_stored_is_the_full_dump(store)


async def test_a_concurrent_write_to_another_part_of_the_case_is_not_lost(store, uow, admin, clock):
    sentence_id = await opened(uow, admin)
    racing = InterleavingRepository(store.cases, readers=2)
    both = UnitOfWork(racing, clock)

    seen, assessed = await asyncio.gather(
        delivery.record_appointment(both, admin, appointment(sentence_id, 1)),
        risk.record_rosh_assessment(both, admin, RecordRoshAssessment(crn="X123456", level=RoshLevel.HIGH,
                                                                      assessed_on=TODAY, rationale="Escalated.")))

    assert seen.ok and assessed.ok
    assert racing.replace_results.count(False) == 1, "one writer lost the race, reloaded and wrote again"
    stored = await store.cases.get("X123456")
    assert len(stored.sentences[0].appointments) == 1 and stored.rosh.level is RoshLevel.HIGH
    await assert_stored_is_the_full_dump(store)


async def test_the_size_budget_still_refuses_and_nothing_is_written(store, uow, admin, monkeypatch):
    sentence_id = await opened(uow, admin)
    stored = await store.cases.collection.find_one({"crn": "X123456"})
    monkeypatch.setattr(changes, "DOCUMENT_SIZE_BUDGET", document_size(stored) + 100)
    before = await everything(store)

    outcome = await delivery.record_appointment(uow, admin, appointment(sentence_id, 1))

    assert [e.code for e in outcome.errors] == [ErrorCode.DOCUMENT_TOO_LARGE]
    assert await everything(store) == before


async def test_a_refused_command_writes_nothing_in_any_collection(store, uow, admin):
    sentence_id = await opened(uow, admin)
    before = await everything(store)
    future = appointment(sentence_id, -3)  # an outcome for a day that has not come

    outcome = await delivery.record_appointment(uow, admin, future)

    assert not outcome.ok
    assert await everything(store) == before


async def test_a_document_written_by_another_process_is_read_afresh(store, uow, admin):
    sentence_id = await opened(uow, admin)
    assert (await store.cases.get("X123456")).sentences[0].appointments == []  # now cached
    elsewhere = MongoCaseRepository(store.cases.collection)  # its own cache, as another process
    await delivery.record_appointment(UnitOfWork(elsewhere, uow.clock), admin, appointment(sentence_id, 1))

    assert len((await store.cases.get("X123456")).sentences[0].appointments) == 1
    [case] = await store.cases.get_many(["X123456"])
    assert len(case.sentences[0].appointments) == 1


@pytest.mark.parametrize("days_later", [0, 1, 30, 400])
async def test_the_servers_aggregation_and_the_embedded_find_count_the_same(store, uow, admin, days_later):
    sentence_id = await opened(uow, admin)
    await delivery.record_appointment(uow, admin, appointment(sentence_id, 30, AppointmentOutcome.FAILED_TO_ATTEND))
    from domain.records.commands import CaseQuery

    day = TODAY + timedelta(days=days_later)
    by_find = await store.cases.tally(CaseQuery(), day)
    by_aggregation = await MongoCaseRepository(store.cases.collection, embedded=False).tally(CaseQuery(), day)
    assert by_find == by_aggregation and by_find.cases == 1 and by_find.counts


async def test_a_summary_written_under_other_rules_is_not_used_but_evaluated_afresh(store, uow, admin):
    from domain.records.commands import CaseQuery
    from domain.records.use_cases import standards_report

    sentence_id = await opened(uow, admin)
    await delivery.record_appointment(uow, admin, appointment(sentence_id, 30, AppointmentOutcome.FAILED_TO_ATTEND))
    expected = await standards_report(uow, admin, CaseQuery(), TODAY)
    await store.cases.collection.update_one({"crn": "X123456"}, {"$set": {"current.summary.rules": "older rules",
                                                                         "current.summary.standards": []}})
    again = await standards_report(uow, admin, CaseQuery(), TODAY)
    assert again.cases == expected.cases == 1 and again.counts == expected.counts and expected.counts
