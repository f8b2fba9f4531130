"""Rules for what is recorded against a sentence: plans and reviews, Approved Premises referrals,
unpaid work sessions, RAR activity days, variations, evaluation and termination (appointments are
in ``domain.delivery.appointments``). Each check returns violations; the use cases apply the change
only when empty. Every record is judged on its own date (REC-1), never on today's state."""

from __future__ import annotations

from datetime import date, timedelta

from domain.core.case import Case, Sentence, rosh_as_of
from domain.core.checks import not_in_future, requirement_live, sentence_live, text_present
from domain.core.dates import add_months, period_end
from domain.core.enums import RequirementStatus, RequirementType, RoshLevel, SentenceStatus, SentenceType
from domain.core.errors import ErrorCode, Violation, breaks, invalid
from domain.core.parameters import param
from domain.core.recording import REC_2
from domain.core.registry import Section, standard
from domain.delivery.commands import (
    CompleteEvaluation,
    RecordPlan,
    RecordRarActivityDay,
    RecordUnpaidWorkSession,
    ReferToApprovedPremises,
    ReviewPlan,
    TerminateSentence,
    VaryRequirement,
)
from domain.delivery.model import Plan
from domain.records import requirements as requirement_rules
from domain.records.commands import RequirementDetails
from domain.records.model import Requirement
from domain.records.requirements import REQ_RAR_1
from domain.records.shape import requirement_parameters

PLAN_1 = standard("PLAN-1", Section.PLANNING, "Plan identifies the present RoSH and, at MEDIUM or above, how it is managed",
                  source="PF Meaning of a Plan; Planning", enforced=True, monitored=True,
                  rule="A plan identifies the present RoSH, proposes how it is managed and mitigated at MEDIUM or above "
                       "(RISK_MANAGEMENT_PLAN_REQUIRED), and states the activity to deliver the sentence.")
PLAN_2 = standard("PLAN-2", Section.PLANNING, "Plan has objectives on risk to children",
                  source="PF Safeguarding children", enforced=True, monitored=True,
                  rule="Where RoSH to children is MEDIUM or HIGH the plan has specific objectives to manage and reduce it "
                       "(CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED).")
PLAN_4 = standard("PLAN-4", Section.PLANNING, "Pre-release plan prepared no more than 12 weeks before release",
                  source="PF Planning (custody)", parameters=("PLAN_4_MAX_WEEKS_BEFORE_RELEASE",), enforced=True,
                  monitored=True, rule="A pre-release plan dated more than 12 weeks before release is refused (PLAN_TOO_EARLY).")
PLAN_5 = standard("PLAN-5", Section.PLANNING, "Plan reviewed after a significant change",
                  source="PF The plan is reviewed", enforced=True, monitored=True,
                  rule="The plan is reviewed after a change in RoSH, a transfer, a recall or committal to custody for breach "
                       "of post-sentence supervision; the "
                       "PF sets no timescale, so the review is DUE without a date.")
END_1 = standard("END-1", Section.COMPLETION, "Evaluation of the plan's objectives by the end of the sentence",
                 source="PF Completion", parameters=("END_1_WEEKS_BEFORE_END",), enforced=True, monitored=True,
                 rule="The evaluation is completed by the end of the sentence, no earlier than eight weeks before it "
                      "(EVALUATION_TOO_EARLY).")
END_2 = standard("END-2", Section.COMPLETION, "Termination notified to the relevant agencies",
                 source="PF Completion", enforced=True, monitored=True,
                 rule="Termination is notified to every relevant agency and the offender told of continuing restrictions.")
PLAN_6 = standard("PLAN-6", Section.PLANNING, "Each need the plan identifies is addressed by an objective, or says why not",
                  source="PF Meaning of a Plan; RRDP pathways; JI", enforced=True,
                  rule="A plan's identified needs are named by RRDP pathway; each is addressed by an objective on that "
                       "pathway or records why it is not (not available, awaiting a place, declined, sequenced later), so "
                       "what is required is recorded even when it is not available.")
REQ_UPW_3 = standard("REQ-UPW-3", Section.REQUIREMENTS, "Unpaid work hours completed within 12 months",
                     source="PF Unpaid Work; IB", parameters=("REQ_UPW_3_MONTHS",), enforced=True, monitored=True,
                     rule="Hours are completed within 12 months of sentence; a community order may be extended by the "
                          "court for that purpose, an SSO cannot go beyond its operational period.")
REQ_UPW_4 = standard("REQ-UPW-4", Section.REQUIREMENTS, "Education, training and employment count for at most 30% of the hours",
                     source="IB Unpaid Work", parameters=("REQ_UPW_4_ETE_PERCENT",), enforced=True,
                     rule="ETE counts for at most 30% of the hours (rounded down, in minutes); credit never exceeds the "
                          "hours remaining.")

# Planning -----------------------------------------------------------------------------------

def order_commencement(sentence: Sentence) -> date:
    """The commencement of the order or release into the community (RRDP's words for PLAN-3's
    clock): the sentence date for a CO/SSO (the event, not the allocation paperwork), the release
    date for a licence or PSS."""
    if sentence.type.is_post_release and sentence.release_date is not None:
        return sentence.release_date
    return sentence.imposed_on


def latest_plan(sentence: Sentence, as_of: date) -> Plan | None:
    """The plan in force on ``as_of``: the latest by date (on the same date, the last recorded)."""
    plans = [(p.completed_on, i, p) for i, p in enumerate(sentence.plans) if p.completed_on <= as_of]
    return max(plans, key=lambda t: (t[0], t[1]))[2] if plans else None


def plan(case: Case, sentence: Sentence, command: RecordPlan, today: date) -> list[Violation]:
    """PLAN-1, PLAN-2, PLAN-4 and PLAN-6 on a new plan, judged on the plan's own date: the "present"
    RoSH is the assessment in force on ``completedOn`` (a plan entered late is held to what was known
    then, not to a later reassessment; PLAN-1's status shows when the risk has changed since)."""
    errors = list(not_in_future(command.completed_on, today, ("completedOn",), "Plan date"))
    if command.completed_on < sentence.imposed_on:
        errors.append(invalid(("completedOn",), "A plan cannot be completed before the sentence."))
    current = rosh_as_of(case, command.completed_on)
    level = command.rosh_level_identified
    if level is None:
        errors.append(breaks(PLAN_1, ("roshLevelIdentified",), "a plan must identify the present risk of serious harm."))
    elif current is not None and level is not current.level:
        errors.append(breaks(PLAN_1, ("roshLevelIdentified",),
                             f"the plan must identify the present RoSH: the assessment in force on "
                             f"{command.completed_on.isoformat()} ({current.assessed_on.isoformat()}) is "
                             f"{current.level.value}, not {level.value}."))
    effective = current.level if current is not None else level
    rmp = command.risk_management_plan
    if effective is not None and effective.at_least(RoshLevel.MEDIUM) and (rmp is None or not rmp.strip()):
        errors.append(breaks(PLAN_1, ("riskManagementPlan",),
                             f"at {effective.value} RoSH the plan must propose how the risk is managed and mitigated.",
                             ErrorCode.RISK_MANAGEMENT_PLAN_REQUIRED))
    if not command.objectives:
        errors.append(breaks(PLAN_1, ("objectives",), "a plan states the activity to deliver the sentence: add at least one objective."))
    for index, objective in enumerate(command.objectives):
        errors += text_present(objective.description, ("objectives", str(index), "description"), "Objective description")
    children = current.risk_to_children if current is not None else None
    if children is not None and children.at_least(RoshLevel.MEDIUM) and not any(
            o.targets_risk_to_children for o in command.objectives):
        errors.append(breaks(PLAN_2, ("objectives",),
                             f"RoSH to children is {children.value}: the plan needs at least one objective on the "
                             "interventions to manage and reduce that risk.", ErrorCode.CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED))
    if sentence.type.is_post_release and sentence.release_date is not None and command.completed_on < sentence.release_date:
        earliest = sentence.release_date - timedelta(weeks=param("PLAN_4_MAX_WEEKS_BEFORE_RELEASE"))
        if command.completed_on < earliest:
            errors.append(breaks(PLAN_4, ("completedOn",),
                                 f"a pre-release plan is prepared no more than {param('PLAN_4_MAX_WEEKS_BEFORE_RELEASE')} "
                                 f"weeks before release ({sentence.release_date.isoformat()}): not before {earliest.isoformat()}.",
                                 ErrorCode.PLAN_TOO_EARLY))
    return errors + needs_identified(command)


def needs_identified(command: RecordPlan) -> list[Violation]:
    """PLAN-6: every need the plan identifies has an objective on its pathway or a reason why not
    (never both); each pathway is listed once."""
    errors: list[Violation] = []
    seen = set()
    addressed = {o.pathway for o in command.objectives if o.pathway is not None}
    for index, need in enumerate(command.needs_identified):
        path = ("needsIdentified", str(index))
        if need.pathway in seen:
            errors.append(invalid((*path, "pathway"), f"The {need.pathway.value} need is listed twice."))
        seen.add(need.pathway)
        if need.required is not None:
            errors += text_present(need.required, (*path, "required"), "What is required")
        if need.pathway in addressed and need.unaddressed_reason is not None:
            errors.append(invalid((*path, "unaddressedReason"),
                                  f"An objective addresses the {need.pathway.value} need: leave out unaddressedReason."))
        elif need.pathway not in addressed and need.unaddressed_reason is None:
            errors.append(breaks(PLAN_6, (*path, "unaddressedReason"),
                                 f"no objective addresses the {need.pathway.value} need: add an objective on that "
                                 "pathway, or record why it is not addressed (e.g. NOT_AVAILABLE), so the need stays "
                                 "visible even when no intervention is available."))
    return errors


def review(sentence: Sentence, command: ReviewPlan, today: date) -> list[Violation]:
    """PLAN-5: a review needs a plan to review, a reason and a summary."""
    errors = [*not_in_future(command.reviewed_on, today, ("reviewedOn",), "Review date"),
              *text_present(command.reason, ("reason",), "Reason"), *text_present(command.summary, ("summary",), "Summary")]
    if not sentence.plans:
        errors.append(breaks(PLAN_5, ("sentenceId",), "there is no plan to review yet: record the plan first."))
    elif command.reviewed_on < min(p.completed_on for p in sentence.plans):
        errors.append(invalid(("reviewedOn",), "A review cannot predate the plan it reviews."))
    return errors


def approved_premises_referral(sentence: Sentence, command: ReferToApprovedPremises, today: date) -> list[Violation]:
    """AP-1: accepted whenever made; ``standards`` reports NOT_MET if less than three months before release."""
    errors = list(not_in_future(command.referred_on, today, ("referredOn",), "Referral date"))
    if not sentence.type.is_post_release or sentence.release_date is None:
        errors.append(invalid(("sentenceId",), "Approved Premises referrals are for release on licence or PSS."))
    elif command.referred_on > sentence.release_date:
        errors.append(invalid(("referredOn",), "A referral for release must be made before the release date."))
    if command.premises is not None:
        errors += text_present(command.premises, ("premises",), "Premises")
    return errors


# Completion ---------------------------------------------------------------------------------

def sentence_end(sentence: Sentence, as_of: date | None = None) -> date:
    """The day the sentence ends: its end date, or the termination date if terminated before it
    (and, when ``as_of`` is given, only a termination that had happened by then)."""
    termination = sentence.termination
    if (termination is not None and termination.terminated_on < sentence.end_date
        and (as_of is None or termination.terminated_on <= as_of)):
        return termination.terminated_on
    return sentence.end_date


def evaluation_window_opens(sentence: Sentence, as_of: date | None = None) -> date:
    return sentence_end(sentence, as_of) - timedelta(weeks=param("END_1_WEEKS_BEFORE_END"))


def evaluation(sentence: Sentence, command: CompleteEvaluation, today: date) -> list[Violation]:
    """END-1: not earlier than eight weeks before the end; one per sentence."""
    errors = [*not_in_future(command.completed_on, today, ("completedOn",), "Evaluation date"),
              *text_present(command.summary, ("summary",), "Summary")]
    opens = evaluation_window_opens(sentence)
    if command.completed_on < opens:
        errors.append(breaks(END_1, ("completedOn",),
                             f"the evaluation may be completed up to {param('END_1_WEEKS_BEFORE_END')} weeks before the "
                             f"sentence ends ({sentence_end(sentence).isoformat()}): not before {opens.isoformat()}.",
                             ErrorCode.EVALUATION_TOO_EARLY))
    if sentence.evaluation is not None:
        errors.append(invalid(("sentenceId",), f"The evaluation was completed on {sentence.evaluation.completed_on.isoformat()}."))
    return errors


def termination(sentence: Sentence, command: TerminateSentence, today: date) -> list[Violation]:
    """END-2: termination records the agencies notified."""
    errors = [*not_in_future(command.terminated_on, today, ("terminatedOn",), "Termination date"),
              *text_present(command.reason, ("reason",), "Reason")]
    if command.terminated_on < sentence.imposed_on:
        errors.append(invalid(("terminatedOn",), "A sentence cannot end before it was imposed."))
    if sentence.termination is not None or sentence.status is SentenceStatus.TERMINATED:
        errors.append(invalid(("sentenceId",), "The sentence is already terminated."))
    agencies = [a for a in command.agencies_notified if a.strip()]
    if not agencies or len(agencies) != len(command.agencies_notified):
        errors.append(breaks(END_2, ("agenciesNotified",), "termination is notified to all relevant agencies: "
                                                            "name each agency notified (no blanks)."))
    return errors


# Delivery -----------------------------------------------------------------------------------

def ete_cap_minutes(hours: int) -> int:
    """REQ-UPW-4: education, training and employment count for at most 30% of the hours,
    rounded down to whole minutes."""
    return hours * 60 * param("REQ_UPW_4_ETE_PERCENT") // 100


def unpaid_work_credit(sentence: Sentence, requirement: Requirement, command: RecordUnpaidWorkSession
                       ) -> tuple[int, int]:
    """(credited minutes, of which education/training/employment) for a session: ETE within what
    is left of its 30% cap, and the whole never beyond the hours remaining (REQ-UPW-4)."""
    sessions = [s for s in sentence.unpaid_work_sessions if s.requirement_id == requirement.id]
    remaining = (requirement.hours or 0) * 60 - sum(s.credited_minutes for s in sessions)
    ete_left = ete_cap_minutes(requirement.hours or 0) - sum(s.credited_education_training_employment_minutes for s in sessions)
    ete = min(command.education_training_employment_minutes, max(ete_left, 0), max(remaining, 0))
    other = min(command.minutes_worked - command.education_training_employment_minutes, max(remaining, 0) - ete)
    return ete + other, ete


def unpaid_work_session(sentence: Sentence, requirement: Requirement, command: RecordUnpaidWorkSession,
                        today: date) -> list[Violation]:
    errors = [*requirement_live(requirement, RequirementType.UNPAID_WORK),
              *sentence_live(sentence, command.date, ("date",))]
    if command.date > today:
        errors.append(invalid(("date",), f"A session on {command.date.isoformat()} has not happened yet: no outcome "
                                         "can be recorded for a future session."))
    if command.minutes_worked <= 0:
        errors.append(invalid(("minutesWorked",), "Minutes worked must be positive."))
    if not 0 <= command.education_training_employment_minutes <= max(command.minutes_worked, 0):
        errors.append(invalid(("educationTrainingEmploymentMinutes",),
                              "Education, training and employment minutes are part of the minutes worked: 0 to minutesWorked."))
    if not errors:
        credited, _ = unpaid_work_credit(sentence, requirement, command)
        if credited <= 0:
            errors.append(breaks(REQ_UPW_4, ("minutesWorked",),
                                 f"nothing can be credited: all {requirement.hours} hours are already credited, or what "
                                 "remains is education, training and employment time beyond its 30% cap."))
    return errors


def rar_activity_days_delivered(sentence: Sentence, requirement_id: str) -> set[date]:
    return {d.date for d in sentence.rar_activity_days if d.requirement_id == requirement_id}


def rar_activity_day(sentence: Sentence, requirement: Requirement, command: RecordRarActivityDay,
                     today: date) -> list[Violation]:
    """REQ-RAR-1: never more activity days than the maximum the court set. Several activities on
    one date are one activity day."""
    errors = [*requirement_live(requirement, RequirementType.REHABILITATION_ACTIVITY),
              *sentence_live(sentence, command.date, ("date",)),
              *not_in_future(command.date, today, ("date",), "Activity date"),
              *text_present(command.description, ("description",), "Description")]
    delivered = rar_activity_days_delivered(sentence, requirement.id)
    if not errors and command.date not in delivered and len(delivered) >= (requirement.days or 0):
        errors.append(breaks(REQ_RAR_1, ("date",), f"the court set at most {requirement.days} activity days and "
                                                     f"{len(delivered)} have been delivered."))
    return errors


def variation(case: Case, sentence: Sentence, requirement: Requirement, command: VaryRequirement,
              today: date) -> tuple[list[Violation], RequirementDetails]:
    """A court's variation: the varied requirement must pass the same REQ-* rules as a new one,
    and cannot fall below what has already been delivered."""
    errors = [*requirement_live(requirement), *sentence_live(sentence, command.varied_on, ("variedOn",)),
              *not_in_future(command.varied_on, today, ("variedOn",), "Variation date")]
    if not command.rationale or not command.rationale.strip():
        errors.append(breaks(REC_2, ("rationale",), "a variation records the court's reasons."))
    changes = {name: getattr(command, name) for name in ("hours", "days", "length_months", "details")
               if getattr(command, name) is not None}
    if not changes and not command.terminate and command.extend_completion_to is None:
        errors.append(invalid((), "Nothing to vary: give a new parameter, an extension, or terminate."))
    varied = RequirementDetails(**{**{k: getattr(requirement, k) for k in RequirementDetails.__dataclass_fields__}, **changes})
    errors += requirement_parameters(varied, ())
    siblings = [RequirementDetails(**{k: getattr(r, k) for k in RequirementDetails.__dataclass_fields__})
                for r in sentence.requirements if r.id != requirement.id and r.status is RequirementStatus.ACTIVE]
    errors += requirement_rules.check_one(case, sentence, varied, siblings)
    if command.hours is not None and requirement.type is RequirementType.UNPAID_WORK:
        credited = sum(s.credited_minutes for s in sentence.unpaid_work_sessions if s.requirement_id == requirement.id)
        if command.hours * 60 < credited:
            errors.append(invalid(("hours",), f"{credited // 60} hours {credited % 60} minutes are already credited."))
    if command.days is not None and requirement.type is RequirementType.REHABILITATION_ACTIVITY:
        delivered = len(rar_activity_days_delivered(sentence, requirement.id))
        if command.days < delivered:
            errors.append(invalid(("days",), f"{delivered} activity days have already been delivered."))
    if command.extend_completion_to is not None:
        errors += unpaid_work_extension(sentence, requirement, command.extend_completion_to)
    return errors, varied


def unpaid_work_completion_due(sentence: Sentence, requirement: Requirement) -> date:
    """REQ-UPW-3: hours are completed within 12 months of sentence (the last day of those 12
    months), or by the date a court extended a community order to; an SSO's work never runs
    beyond its operational period."""
    due = requirement.completion_due_extended_to or period_end(sentence.imposed_on, param("REQ_UPW_3_MONTHS"))
    if sentence.type is SentenceType.SUSPENDED_SENTENCE_ORDER:
        due = min(due, sentence.end_date)
    return due


def unpaid_work_extension(sentence: Sentence, requirement: Requirement, extend_to: date) -> list[Violation]:
    if requirement.type is not RequirementType.UNPAID_WORK:
        return [invalid(("extendCompletionTo",), "Only unpaid work has a completion period to extend.")]
    if sentence.type is not SentenceType.COMMUNITY_ORDER:
        return [breaks(REQ_UPW_3, ("extendCompletionTo",),
                       "only a community order may be extended for unpaid work; a suspended sentence order cannot go "
                       "beyond its operational period.")]
    current = unpaid_work_completion_due(sentence, requirement)
    if extend_to <= current:
        return [invalid(("extendCompletionTo",), f"An extension must be later than the current date ({current.isoformat()}).")]
    return []


def ap_1_due(release_date: date) -> date:
    """AP-1: an Approved Premises referral is due at least three calendar months before release."""
    return add_months(release_date, -param("AP_1_MIN_MONTHS_BEFORE_RELEASE"))
