"""Monitored standards on victims: VIC-1 (eligibility) and VIC-2 (contact offered in time)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from domain.core.case import Case, Sentence
from domain.core.enums import OffenceCategory, VictimContactScheme
from domain.core.parameters import param
from domain.core.registry import Section, standard
from domain.core.standards import Check, check, upto

VIC_1 = standard("VIC-1", Section.VICTIMS, "Victim contact eligibility",
                 source="PF Victims", parameters=("VIC_1_STATUTORY_MIN_CUSTODIAL_MONTHS",), monitored=True,
                 rule="Statutory victim contact for violent or sexual offences with a custodial sentence of 12 months or "
                      "more (MET on eligibility); discretionary contact below that, and to be considered for domestic "
                      "violence whatever the sentence: DUE without a date until the victim liaison officer records that "
                      "contact was offered or decided not appropriate (then MET).")
VIC_2 = standard("VIC-2", Section.VICTIMS, "Victim contact offered within eight weeks of sentence",
                 source="PF Victims", parameters=("VIC_2_WEEKS",), monitored=True,
                 rule="Contact is offered to eligible (statutory) victims within eight weeks of sentence.")



def victim_contact_scheme(sentence: Sentence) -> tuple[VictimContactScheme | None, str]:
    """VIC-1 eligibility from offence category and custodial term.

    Interpretation: statutory contact applies to violent (intimate partner violence included) and
    sexual offences with a custodial term of 12 months or more served in custody (licence, PSS);
    a suspended term is not served in custody, so an SSO is not statutory. Discretionary contact is
    to be considered for intimate partner violence whatever the sentence, and for violent or sexual
    offences below 12 months (the seeds' "identified victim" is for the victim liaison officer)."""
    category = sentence.offence.category
    violent = category in (OffenceCategory.VIOLENT, OffenceCategory.SEXUAL, OffenceCategory.INTIMATE_PARTNER_VIOLENCE)
    term = sentence.custodial_term_months or 0
    threshold = param("VIC_1_STATUTORY_MIN_CUSTODIAL_MONTHS")
    if violent and sentence.type.is_post_release and term >= threshold:
        return VictimContactScheme.STATUTORY, f"{category.value.lower().replace('_', ' ')} offence, custodial term {term} months"
    if category is OffenceCategory.INTIMATE_PARTNER_VIOLENCE:
        return VictimContactScheme.DISCRETIONARY, "intimate partner violence: contact to be considered whatever the sentence"
    if violent:
        return VictimContactScheme.DISCRETIONARY, f"{category.value.lower()} offence below the statutory threshold"
    return None, ""


def vic_2_due(sentence: Sentence) -> date:
    """VIC-2: contact is offered within eight weeks of sentence."""
    return sentence.imposed_on + timedelta(weeks=param("VIC_2_WEEKS"))


def victims(case: Case, as_of: date) -> Iterable[Check]:
    """VIC-1 (eligibility) and VIC-2 (contact offered within eight weeks of sentence, statutory
    cases). The victim records live apart (VIC-3); the case holds only the earliest offer date per
    sentence, and the detail says only whether the offer was in time."""
    offered = case.victim_contact_offered
    for sentence in case.sentences:
        scheme, reason = victim_contact_scheme(sentence)
        if scheme is None:
            continue
        statutory = scheme is VictimContactScheme.STATUTORY
        if statutory:
            yield check(VIC_1, sentence, arises_on=sentence.imposed_on, done_on=sentence.imposed_on,
                        detail=f"Statutory victim contact: {reason}.")
        else:
            yield discretionary_contact(case, sentence, reason, as_of)
        if statutory:
            due = vic_2_due(sentence)
            done = upto(offered.get(sentence.id), as_of)
            yield check(VIC_2, sentence, arises_on=sentence.imposed_on, due_by=due, done_on=done,
                        detail=("Victim contact was offered within eight weeks." if done <= due else
                                "Victim contact was offered, but after eight weeks.") if done else
                        f"Victim contact to be offered by {due.isoformat()} (recorded by the victim liaison officer).")


def discretionary_contact(case: Case, sentence: Sentence, reason: str, as_of: date) -> Check:
    """VIC-1, discretionary: the PF sets no number ("Non statutory (discretionary) contact is
    offered to victims, following discussion between the offender manager and the Victim Liaison
    Unit"), so DUE without a date until the victim liaison officer closes it: contact offered, or a
    decision that it is not appropriate. Either is MET (the duty is the considered decision, and it
    was made); the detail says which, and nothing about the victim."""
    offered = upto(case.victim_contact_offered.get(sentence.id), as_of)
    declined = upto(case.victim_contact_not_appropriate.get(sentence.id), as_of)
    closed = min((d for d in (offered, declined) if d is not None), default=None)
    if closed is None:
        detail = (f"Discretionary victim contact: {reason}; to be offered or decided not appropriate by the victim "
                  "liaison officer.")
    elif closed == offered:
        detail = f"Discretionary victim contact ({reason}): offered on {offered.isoformat()}."
    else:
        detail = (f"Discretionary victim contact ({reason}): closed on {declined.isoformat()}, the victim liaison officer "
                  "decided contact is not appropriate (the reason is held by the victim liaison unit).")
    return check(VIC_1, sentence, arises_on=sentence.imposed_on, done_on=closed, detail=detail)
