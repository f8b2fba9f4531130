"""Two writers interleave on one case: both read version N before either writes. mongomock never
yields to the event loop on its own, so the interleaving is forced with a barrier (on ``load``, the
read for a change, and ``save``, the version-guarded write of what changed)."""

import asyncio

from domain.core.enums import OffenceCategory, Provider, RequirementType, SentenceType
from domain.core.errors import ErrorCode
from domain.core.unit_of_work import UnitOfWork
from domain.records import use_cases as records
from domain.records.commands import (
    AddSentence,
    AllocateCase,
    OffenceDetails,
    OfficerDetails,
    RequirementDetails,
)
from tests.conftest import TODAY, create_case


class InterleavingRepository:
    """Delegates to the real repository, but holds every reader until ``readers`` have read."""

    def __init__(self, inner, readers: int) -> None:
        self.inner = inner
        self.barrier = asyncio.Barrier(readers)
        self.forced = True
        self.replace_results: list[bool] = []

    async def load(self, crn):
        loaded = await self.inner.load(crn)
        if self.forced:
            await self.barrier.wait()
        return loaded

    async def save(self, loaded, outbox=None):
        written = await self.inner.save(loaded, outbox)
        self.replace_results.append(written)
        if not written:
            self.forced = False  # let the retry read the fresh version without waiting
        return written

    def __getattr__(self, name):
        return getattr(self.inner, name)


def sentence(description: str) -> AddSentence:
    return AddSentence(crn="X123456", type=SentenceType.COMMUNITY_ORDER, imposed_on=TODAY, length_months=6,
                       offence=OffenceDetails(description, OffenceCategory.OTHER, TODAY),
                       requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=50),))


async def test_interleaved_writers_lose_no_update(gql, store, clock, practitioner):
    await create_case(gql, "X123456")
    racing = InterleavingRepository(store.cases, readers=2)
    uow = UnitOfWork(racing, clock)

    first, second = await asyncio.gather(records.add_sentence(uow, practitioner, sentence("first")),
                                         records.add_sentence(uow, practitioner, sentence("second")))

    assert first.ok and second.ok
    assert racing.replace_results.count(False) == 1, "exactly one writer must have lost the race and retried"
    stored = await store.cases.get("X123456")
    assert stored.version == 3
    assert sorted(s.offence.description for s in stored.sentences) == ["first", "second"]


class SentenceWinsRepository(InterleavingRepository):
    """Both writers read version 1; the sentence writer then writes first, the allocator second."""

    def __init__(self, inner) -> None:
        super().__init__(inner, readers=2)
        self.sentence_written = asyncio.Event()

    async def save(self, loaded, outbox=None):
        if loaded.case.allocations:
            await self.sentence_written.wait()
        written = await super().save(loaded, outbox)
        if not loaded.case.allocations:
            self.sentence_written.set()
        return written


async def test_interleaved_writer_with_expected_version_gets_a_conflict_not_a_retry(gql, store, clock, practitioner):
    await create_case(gql, "X123456")
    racing = SentenceWinsRepository(store.cases)
    uow = UnitOfWork(racing, clock, officers=store.officers)
    allocate = AllocateCase(crn="X123456", provider=Provider.NPS, officer=OfficerDetails("N1", "One"),
                            allocated_on=TODAY, rationale="Allocated by RoSH band", expected_version=1)

    added, allocated = await asyncio.gather(records.add_sentence(uow, practitioner, sentence("racing")),
                                            records.allocate_case(uow, practitioner, allocate))

    assert added.ok
    assert [e.code for e in allocated.errors] == [ErrorCode.VERSION_CONFLICT]
    stored = await store.cases.get("X123456")
    assert stored.version == 2
    assert stored.allocations == [] and len(stored.sentences) == 1
