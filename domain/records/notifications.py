"""Police notification of restrictive requirements (NOTIFY-1 at the start, NOTIFY-2 at the end).

The PF's exclusion and prohibited activity standards (both headed "Requirement/licence condition")
say: "The police are sent written notification of the offender's name and the length and scope of
the requirement" (for a prohibition: "the length and the specific details of the prohibition"),
"Written notification to the police and other key stakeholders is clear as to who to contact with
information regarding non-compliance", and at the end "The police and other key stakeholders are
notified of the termination of the requirement". The same termination duty is stated for the
residence requirement/licence condition and for the supervision requirement of a community order,
so NOTIFY-2 covers those too; for mental health treatment the PF says "Where necessary, the police
and other key stakeholders are notified of the termination of the treatment", so an end notice can
be recorded but is not monitored (whether it is necessary is the officer's judgement).

The PF sets no number of days for either, so both are DUE without a date (never OVERDUE): the
service does not invent a deadline. A notification sent before the requirement starts (on the day
of sentence, or before release) counts. A requirement that ends before the police were told of it
shows NOTIFY-1 NOT_MET: the duty arose and was never discharged while it mattered.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.core.case import Case
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.core.registry import Section, standard
from domain.core.standards import Check, check
from domain.records.model import NotificationKind, Requirement
from domain.records.periods import ends_on, starts_on

NOTIFY_1 = standard("NOTIFY-1", Section.REQUIREMENTS, "Police notified in writing of an exclusion or prohibited activity",
                    source="PF Exclusion Requirement/licence condition; Prohibited Activity Requirement", enforced=True,
                    monitored=True,
                    rule="When an exclusion or prohibited activity requirement or licence condition starts, the police are "
                         "sent written notification of the offender's name and its length and scope, saying whom to "
                         "contact about non-compliance. The PF sets no deadline; a notice after the requirement has ended "
                         "informs no one, so it is due by the requirement's last day in force and OVERDUE after it.")
NOTIFY_2 = standard("NOTIFY-2", Section.REQUIREMENTS, "Police notified of the termination of a requirement",
                    source="PF Exclusion; Prohibited Activity; Residence Requirement/licence condition; Supervision Requirement",
                    enforced=True, monitored=True,
                    rule="When an exclusion, prohibited activity or residence requirement or licence condition, or a "
                         "community order's supervision requirement, ends, the police are notified of its termination. "
                         "DUE without a date until recorded.")

NOTIFIED_AT_START = frozenset({T.EXCLUSION, T.PROHIBITED_ACTIVITY})
ALL_TYPES = frozenset(S)
# Where the PF states the termination duty, by the sentence types its section covers.
NOTIFIED_AT_END: dict[T, frozenset[S]] = {
    T.EXCLUSION: ALL_TYPES,
    T.PROHIBITED_ACTIVITY: ALL_TYPES,
    T.RESIDENCE: frozenset({S.COMMUNITY_ORDER, S.SUSPENDED_SENTENCE_ORDER, S.LICENCE}),
    T.SUPERVISION: frozenset({S.COMMUNITY_ORDER, S.SUSPENDED_SENTENCE_ORDER}),
}
# An end notice may be recorded for these (mental health treatment: "Where necessary").
END_RECORDABLE = frozenset({*NOTIFIED_AT_END, T.MENTAL_HEALTH_TREATMENT})


def _label(requirement: Requirement) -> str:
    return requirement.type.value.lower().replace("_", " ")


def _notices(requirement: Requirement, kind: NotificationKind, until: date):
    return sorted((n for n in requirement.police_notifications if n.kind is kind and n.notified_on <= until),
                  key=lambda n: n.notified_on)


def police_notifications(case: Case, as_of: date) -> Iterable[Check]:
    """NOTIFY-1 and NOTIFY-2 for every requirement they cover, from its own dates."""
    for sentence in case.sentences:
        for requirement in sentence.requirements:
            start, end = starts_on(sentence, requirement), ends_on(sentence, requirement)
            if end < start:
                continue  # never in force (e.g. a licence ended before release)
            label = _label(requirement)
            if requirement.type in NOTIFIED_AT_START:
                # The PF sets no deadline, but a notice after the requirement has ended informs no one:
                # the last day in force is the due date, so an unsent notice turns OVERDUE the day after
                # (a fact of the dates alone, the same whatever day is asked: domain.summary relies on it).
                told = _notices(requirement, NotificationKind.START, min(as_of, end))
                if told:
                    yield check(NOTIFY_1, sentence, arises_on=start, due_by=end, done_on=told[0].notified_on,
                                detail=f"The {label} was notified in writing to {told[0].police_recipient} on "
                                       f"{told[0].notified_on.isoformat()}.")
                else:
                    yield check(NOTIFY_1, sentence, arises_on=start, due_by=end,
                                detail=f"The {label} is in force from {start.isoformat()} to {end.isoformat()}: send the "
                                       "police written notice of the offender's name, its length and scope, and whom to "
                                       "contact about non-compliance.")
            if sentence.type in NOTIFIED_AT_END.get(requirement.type, frozenset()):
                told = _notices(requirement, NotificationKind.END, as_of)
                yield check(NOTIFY_2, sentence, arises_on=end, survives_termination=True,
                            done_on=told[0].notified_on if told else None,
                            detail=f"The police ({told[0].police_recipient}) were notified on "
                                   f"{told[0].notified_on.isoformat()} of the end of the {label}." if told else
                            f"The {label} ended on {end.isoformat()}: notify the police of its termination.")
