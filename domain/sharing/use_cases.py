"""Use cases of sharing: restricting a case, the partner view (REC-4) and victim records (VIC-1..3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.audit import events as audit_trail
from domain.core import policy
from domain.core.case import Case, Sentence
from domain.core.errors import invalid
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, UnitOfWork, fail, key_reused, not_found, reject_if
from domain.sharing import commands as c
from domain.sharing import partner as sharing
from domain.sharing import victims as victim_rules
from domain.sharing.standards import victim_contact_scheme


async def restrict_case(uow: UnitOfWork, principal: Principal, command: c.RestrictCase) -> Outcome:
    """Keep a case to an allow-list of staff; the caller stays on it (so nobody locks the case
    away from its managers by mistake). An empty list lifts the restriction."""
    if not policy.allows(principal, policy.Operation.RESTRICT_CASE):
        return await uow.forbidden(principal, "restrict_case", command.crn,
                                   "Only senior managers and administrators restrict cases.")

    def change(case: Case, today: date):
        subjects = [s.strip() for s in command.allowed_subjects]
        reject_if([invalid(("allowedSubjects", str(i)), "A staff identifier must not be blank.")
                   for i, s in enumerate(subjects) if not s])
        case.restricted_to = sorted({*subjects, principal.subject}) if subjects else None
        return None

    return await uow.update(principal, command.crn, command.expected_version, change, operation="restrict_case")


async def shared_risk_summary(uow: UnitOfWork, principal: Principal, crn: str, purpose: sharing.SharingPurpose):
    """The partner view: purpose required (REC-4), row filter and field limits per agency; every
    call, allowed or refused, is audited before the answer is returned. A ``Refusal`` says why."""
    if not policy.allows(principal, policy.Operation.READ_SHARED_RISK):
        await uow.refuse(principal, "shared_risk_summary", "role lacks READ_SHARED_RISK", crn)
        return None
    result = await _shared(uow, principal, [crn], purpose, "shared_risk_summary")
    return result if isinstance(result, sharing.Refusal) else result[0]


ROLE_REFUSED = sharing.Refusal("role lacks READ_SHARED_RISK", looks_absent=False)


async def shared_risk_summaries(uow: UnitOfWork, principal: Principal, crns: list[str], purpose: sharing.SharingPurpose
                                ) -> list[sharing.SharedRiskSummary | sharing.Refusal] | sharing.Refusal | BatchTooLarge:
    """The partner view for a batch of CRNs, in request order: one read of the store for the
    whole batch and one audit event per CRN, whatever each answer is, so an unknown, malformed,
    out-of-scope or restricted CRN costs the same work and gives the same answer (a Refusal
    that looks absent) as any other. A purpose the agency does not hold refuses the whole batch
    (audited per CRN); more than ``MAX_BATCH`` CRNs is refused before anything is read."""
    operation = "shared_risk_summaries"
    if not policy.allows(principal, policy.Operation.READ_SHARED_RISK):
        await refuse_batch(uow, principal, operation, crns, ROLE_REFUSED.reason)
        return ROLE_REFUSED
    if len(crns) > sharing.MAX_BATCH:
        await uow.record(audit_trail.event(audit_trail.AuditKind.REFUSAL, uow.clock.now(), operation, principal,
                                           purpose=purpose.value, count=len(crns),
                                           reason=f"{len(crns)} CRNs asked for; at most {sharing.MAX_BATCH} per request"))
        return BatchTooLarge(len(crns), sharing.MAX_BATCH)
    return await _shared(uow, principal, crns, purpose, operation)


@dataclass(frozen=True)
class BatchTooLarge:
    size: int
    maximum: int


async def refuse_batch(uow: UnitOfWork, principal: Principal, operation: str, crns: list[str], reason: str) -> None:
    """One refusal event per CRN asked for (at most ``MAX_BATCH``; a longer list is one more
    event that counts the rest, so a refused caller cannot flood the trail)."""
    now = uow.clock.now()
    events = [audit_trail.event(audit_trail.AuditKind.REFUSAL, now, operation, principal, crn=crn, reason=reason)
              for crn in crns[:sharing.MAX_BATCH]]
    if len(crns) > sharing.MAX_BATCH:
        events.append(audit_trail.event(audit_trail.AuditKind.REFUSAL, now, operation, principal,
                                        count=len(crns) - sharing.MAX_BATCH, reason=f"{reason} (further CRNs not listed)"))
    await uow.record_many(events)


async def _shared(uow: UnitOfWork, principal: Principal, crns: list[str], purpose: sharing.SharingPurpose,
                  operation: str) -> list[sharing.SharedRiskSummary | sharing.Refusal] | sharing.Refusal:
    refused = sharing.purpose_refused(principal.agency, purpose)
    if refused is not None:
        await uow.record_many([audit_trail.event(audit_trail.AuditKind.REFUSAL, uow.clock.now(), operation, principal,
                                                 crn=crn, purpose=purpose.value, reason=refused.reason) for crn in crns])
        return refused
    cases = await uow.cases.get_many_for_sharing(crns) if crns else []
    results = sharing.share_many(cases, crns, principal.agency, purpose, uow.clock.today())
    now = uow.clock.now()
    await uow.record_many([
        audit_trail.event(audit_trail.AuditKind.REFUSAL, now, operation, principal, crn=crn, purpose=purpose.value,
                          reason=result.reason) if isinstance(result, sharing.Refusal) else
        audit_trail.event(audit_trail.AuditKind.PARTNER_READ, now, operation, principal, crn=crn, purpose=purpose.value,
                          fields_returned=result.fields_returned)
        for crn, result in zip(crns, results, strict=True)])
    return results


def sharing_policy(principal: Principal) -> sharing.AgencyPolicy | None:
    """What the calling agency may ask: its purposes, fields and row filter (None: not a partner)."""
    if not policy.allows(principal, policy.Operation.READ_SHARED_RISK):
        return None
    return sharing.policy_for(principal.agency)


async def record_victim(uow: UnitOfWork, principal: Principal, command: victim_rules.RecordVictim) -> Outcome:
    """VIC-1..3: a victim record, written to the victims collection by a victim liaison
    officer; the case learns only the earliest day contact was offered for the sentence."""
    refused, sentence = await _victim_liaison_sentence(uow, principal, command.crn, command.sentence_id, "record_victim",
                                                       "Only victim liaison officers record victims.")
    if refused is not None:
        return refused
    errors = victim_rules.check(command, sentence.imposed_on if sentence else None, uow.clock.today())
    if errors:
        return fail(*errors)
    record_id, replayed = await _keyed_victim_record(uow, principal, "record_victim")
    if replayed is not None:
        return replayed
    record = victim_rules.VictimRecord(crn=command.crn, sentence_id=command.sentence_id, scheme=command.scheme,
                                       name=command.name.strip(), contact_details=command.contact_details,
                                       contact_offered_on=command.contact_offered_on, notes=command.notes,
                                       key_fingerprint=uow.request_key.fingerprint if uow.request_key else None,
                                       recorded=uow.stamp(principal), **({"id": record_id} if record_id else {}))
    if not await uow.victims.add(record):  # a concurrent retry of the same key got there first
        return uow.replay_or_refuse("record_victim", await uow.victims.get(record.id)) or fail(
            key_reused("record_victim"))
    await uow.record(audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "record_victim", principal,
                                       crn=command.crn))
    if command.contact_offered_on is not None:
        outcome = await _keep_earliest(uow, principal, command.crn, "victim_contact_offered", command.sentence_id,
                                       command.contact_offered_on, "record_victim")
        if not outcome.ok:
            return outcome
    return Outcome(case=None, created=record)


async def _keyed_victim_record(uow: UnitOfWork, principal: Principal, operation: str) -> tuple[str | None, Outcome | None]:
    """(the id a keyed victim record takes, or None; the answer to a retry, or None). Victim records
    live apart from the case (VIC-3), so a clientMutationId is kept on the record itself: its id is
    derived from the key, a retry finds it, and a reused key with other input is refused."""
    record_id = uow.keyed_record_id(principal, operation)
    if record_id is None:
        return None, None
    stored = await uow.victims.get(record_id)
    if stored is None:
        return record_id, None
    replayed = uow.replay_or_refuse(operation, stored)
    return (record_id, replayed) if replayed is not None else (None, None)  # an expired key: a new record


async def _victim_liaison_sentence(uow: UnitOfWork, principal: Principal, crn: str, sentence_id: str, operation: str,
                                   message: str) -> tuple[Outcome | None, Sentence | None]:
    """(a refusal, or None; the sentence named, if the case has it) for a victim liaison write."""
    if not policy.allows(principal, policy.Operation.WRITE_VICTIMS) or uow.victims is None:
        return await uow.forbidden(principal, operation, crn, message), None
    case = await uow.cases.get(crn)
    if case is None:
        return fail(not_found(crn)), None
    return None, case.sentence(sentence_id)


async def _keep_earliest(uow: UnitOfWork, principal: Principal, crn: str, facts: str, sentence_id: str, day: date,
                         operation: str) -> Outcome:
    """Write the one victim-contact fact the case keeps per sentence (``facts`` names the map on
    the case): the earliest day, whatever order the records arrive in."""

    def change(case: Case, today: date):
        known = getattr(case, facts)
        if known.get(sentence_id) is None or day < known[sentence_id]:
            known[sentence_id] = day
        return None

    return await uow.update(principal, crn, None, change, operation=operation, check_policy=False)


async def record_victim_contact_decision(uow: UnitOfWork, principal: Principal,
                                         command: victim_rules.RecordVictimContactDecision) -> Outcome:
    """VIC-1: the victim liaison officer closes discretionary contact (offered, or not
    appropriate with the reason). The decision and reason go to the victims collection (VIC-3);
    the case learns only the kind of decision and its date, per sentence."""
    refused, sentence = await _victim_liaison_sentence(uow, principal, command.crn, command.sentence_id,
                                                       "record_victim_contact_decision",
                                                       "Only victim liaison officers record victim contact decisions.")
    if refused is not None:
        return refused
    scheme = victim_contact_scheme(sentence)[0] if sentence else None
    errors = victim_rules.check_decision(command, sentence.imposed_on if sentence else None, scheme, uow.clock.today())
    if errors:
        return fail(*errors)
    record_id, replayed = await _keyed_victim_record(uow, principal, "record_victim_contact_decision")
    if replayed is not None:
        return replayed
    offered = command.decision is victim_rules.VictimContactDecision.OFFERED
    # The case is written first: if that fails (e.g. it kept changing), no victim data is orphaned.
    outcome = await _keep_earliest(uow, principal, command.crn,
                                   "victim_contact_offered" if offered else "victim_contact_not_appropriate",
                                   command.sentence_id, command.decided_on, "record_victim_contact_decision")
    if not outcome.ok:
        return outcome
    record = victim_rules.VictimContactDecisionRecord(
        crn=command.crn, sentence_id=command.sentence_id, decision=command.decision, decided_on=command.decided_on,
        reason=command.reason.strip() if command.reason is not None else None,
        key_fingerprint=uow.request_key.fingerprint if uow.request_key else None, recorded=uow.stamp(principal),
        **({"id": record_id} if record_id else {}))
    if not await uow.victims.add_decision(record):  # a concurrent retry of the same key got there first
        return uow.replay_or_refuse("record_victim_contact_decision", await uow.victims.get(record.id)) or fail(
            key_reused("record_victim_contact_decision"))
    await uow.record(audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "record_victim_contact_decision",
                                       principal, crn=command.crn))
    return Outcome(case=None, created=record)


async def victim_contact_decisions_of(uow: UnitOfWork, principal: Principal,
                                      crn: str) -> list[victim_rules.VictimContactDecisionRecord]:
    if not policy.allows(principal, policy.Operation.READ_VICTIMS) or uow.victims is None:
        return []
    return await uow.victims.decisions_for_case(crn)


async def victims_of(uow: UnitOfWork, principal: Principal, crn: str) -> list[victim_rules.VictimRecord]:
    if not policy.allows(principal, policy.Operation.READ_VICTIMS) or uow.victims is None:
        return []
    return await uow.victims.for_case(crn)
