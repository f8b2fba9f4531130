"""GraphQL enums, made from the domain enums with a description on the type and on every value
(names are the same as the domain's, so conversion is by name)."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types.enum import EnumValueDefinition

from domain.core import enums as d
from domain.core.errors import ErrorCode
from domain.delivery import vocabulary as v
from domain.records.commands import CaseOrder as DomainCaseOrder
from domain.risk import tiering as t
from domain.sharing import partner as sharing
from domain.standards import StandardState as DomainStandardState


def _graphql_enum(source: type[Enum], description: str, values: dict[str, str], name: str | None = None):
    missing = {member.name for member in source} ^ set(values)
    if missing:
        raise ValueError(f"descriptions do not match {source.__name__}: {sorted(missing)}")
    members = {member.name: EnumValueDefinition(value=member.value, description=values[member.name])
               for member in source}
    graphql_type = Enum(name or source.__name__, members)  # type: ignore[misc]
    return strawberry.enum(graphql_type, description=description)


def to_domain(value: Enum | None, domain_enum: type[Enum]):
    return None if value is None else domain_enum[value.name]


def to_graphql(value: Enum | None, graphql_enum: type[Enum]):
    return None if value is None else graphql_enum[value.name]


Gender = _graphql_enum(d.Gender, "The offender's gender as recorded.", {
    "MALE": "Male.", "FEMALE": "Female.", "OTHER": "Another gender.", "NOT_KNOWN": "Not known or not stated."})

Provider = _graphql_enum(d.Provider, "Provider of probation services (PF Allocation).", {
    "NPS": "National Probation Service: manages high and very high RoSH and MAPPA cases (ALLOC-3).",
    "CRC": "Community Rehabilitation Company: manages low and medium RoSH cases."})

SentenceType = _graphql_enum(d.SentenceType, "Kind of sentence supervised in the community.", {
    "COMMUNITY_ORDER": "Community order (CO).",
    "SUSPENDED_SENTENCE_ORDER": "Suspended sentence order (SSO).",
    "LICENCE": "Licence after release from custody, including parole licence.",
    "POST_SENTENCE_SUPERVISION": "Post-sentence supervision (PSS) after a custodial term of under 2 years."})

SentenceStatus = _graphql_enum(d.SentenceStatus, "Where a sentence stands.", {
    "ACTIVE": "Being served.", "BREACHED": "Breach proceedings under way.",
    "RECALLED": "Recalled to custody.", "TERMINATED": "Ended (completed or revoked)."})

OffenceCategory = _graphql_enum(d.OffenceCategory, "Broad category of the index offence.", {
    "VIOLENT": "Violence against the person.", "SEXUAL": "Sexual offence.",
    "INTIMATE_PARTNER_VIOLENCE": "Violence or abuse against a partner or ex-partner.",
    "ACQUISITIVE": "Theft, burglary, robbery, fraud and other acquisitive offences.",
    "DRUGS": "Drug offences.", "MOTORING": "Motoring offences.",
    "PUBLIC_ORDER": "Public order offences.", "OTHER": "Any other offence."})

RequirementType = _graphql_enum(d.RequirementType, "Requirement of a CO/SSO, or condition of a licence/PSS (REQ-*).", {
    "UNPAID_WORK": "Unpaid work (community payback): `hours`, 40 to 300 (REQ-UPW-1).",
    "REHABILITATION_ACTIVITY": "Rehabilitation activity requirement: `days`, the maximum activity days (REQ-RAR-1).",
    "CURFEW": "Curfew: `hours` per day and `lengthMonths`; `details` for times and place.",
    "EXCLUSION": "Exclusion from a place: `lengthMonths` (2 months to 2 years, REQ-EXC-1) and `details`.",
    "PROHIBITED_ACTIVITY": "Prohibited activity: `lengthMonths` (REQ-PAR-1) and `details`.",
    "RESIDENCE": "Residence at a place: `details`, optionally `lengthMonths`.",
    "PROGRAMME": "Accredited programme: `programme`, optionally `days` (sessions) (REQ-PRG-1).",
    "DRUG_REHABILITATION": "Drug rehabilitation: `consentGiven` and `lengthMonths` (REQ-TRT-1).",
    "ALCOHOL_TREATMENT": "Alcohol treatment: `consentGiven` and `lengthMonths` (REQ-TRT-1).",
    "MENTAL_HEALTH_TREATMENT": "Mental health treatment: `consentGiven` and `lengthMonths` (REQ-TRT-1).",
    "ALCOHOL_ABSTINENCE_MONITORING": "Alcohol abstinence and monitoring: `days` and `alcoholDependent` (REQ-AAMR-1).",
    "ATTENDANCE_CENTRE": "Attendance centre: `hours` in total.",
    "SUPERVISION": "Supervision (orders for offences before ORA commencement): optionally `lengthMonths`.",
    "SPECIFIED_ACTIVITY": "Specified activity (orders for offences before ORA commencement): `days`.",
    "DRUG_APPOINTMENT": "Drug appointment condition (licence and PSS only, REQ-DRG-1).",
    "DRUG_TESTING": "Drug testing condition (licence and PSS only, REQ-DRG-1)."})

RequirementStatus = _graphql_enum(d.RequirementStatus, "Whether a requirement is in force.", {
    "ACTIVE": "In force.", "TERMINATED": "Ended by the court or completed."})

RoshLevel = _graphql_enum(d.RoshLevel, "Risk of serious harm level, LOW < MEDIUM < HIGH < VERY_HIGH.", {
    "LOW": "Low.", "MEDIUM": "Medium.", "HIGH": "High: the case must be managed by the NPS (ALLOC-3).",
    "VERY_HIGH": "Very high: the case must be managed by the NPS (ALLOC-3)."})

MappaCategory = _graphql_enum(d.MappaCategory, "MAPPA category (MAPPA-1).", {
    "CATEGORY_1": "Registered sexual offenders.", "CATEGORY_2": "Violent and other sexual offenders.",
    "CATEGORY_3": "Other dangerous offenders.", "CATEGORY_4": "Terrorism and terrorism-connected offenders."})

MappaLevel = _graphql_enum(d.MappaLevel, "MAPPA management level (MAPPA-1).", {
    "LEVEL_1": "Ordinary agency management.", "LEVEL_2": "Active multi-agency management.",
    "LEVEL_3": "Active multi-agency management with senior oversight."})

SafeguardingKind = _graphql_enum(d.SafeguardingKind, "Kind of safeguarding registration (SAFE-1).", {
    "CHILD_PROTECTION": "A child is subject to a child protection plan.",
    "CHILD_CONCERNS": "Concerns about the welfare of a child.",
    "ADULT_AT_RISK": "An adult at risk of abuse or neglect.",
    "DOMESTIC_ABUSE": "Domestic abuse concerns.",
    "OFFENDER_AT_RISK": "The offender is at risk (self-harm, exploitation)."})

AllocationKind = _graphql_enum(d.AllocationKind, "How an allocation entry came about.", {
    "ALLOCATION": "The first allocation (ALLOC-1).", "TRANSFER": "A transfer to another officer or provider (ALLOC-2)."})

StandardState = _graphql_enum(DomainStandardState, "Where a case stands against one standard on a given day.", {
    "MET": "Done, on time and as the standard requires.",
    "DUE": "Not yet done and not yet late (or the source sets no deadline).",
    "OVERDUE": "Not done and past its due date.",
    "NOT_MET": "Done, but late or not as the standard requires.",
    "NOT_APPLICABLE": "The standard does not apply to this case on that day."})

CaseOrder = _graphql_enum(DomainCaseOrder, "The order of a page of cases (keyset-paged: the cursor carries the order key).", {
    "CRN": "By case reference number.",
    "NEXT_DUE": "Soonest deadline pending first (`Case.nextDue`: OVERDUE duties first, then those due, by due date), "
                "then by CRN; cases with no deadline pending last."})

UserErrorCode = _graphql_enum(ErrorCode, "Stable code of a user error: safe to branch on.", {
    "INVALID_INPUT": "The input is malformed or out of range; `field` points at it.",
    "NOT_FOUND": "The case or record named does not exist (or is not visible to you).",
    "DUPLICATE": "The record already exists (for example a CRN in use).",
    "VERSION_CONFLICT": "The case changed since `expectedVersion`; reload and retry. Nothing was written.",
    "FORBIDDEN": "You are not permitted to do this.",
    "STANDARD_VIOLATION": "A national standard forbids this; `standard` names it.",
    "BREACH_REQUIRED": "ENF-4: breach must be initiated instead of a warning.",
    "ROSH_REQUIRES_NPS": "ALLOC-3: a case at HIGH RoSH or above must be managed by the NPS.",
    "RISK_MANAGEMENT_PLAN_REQUIRED": "PLAN-1: a plan at MEDIUM RoSH or above needs a risk management plan.",
    "CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED": "PLAN-2: the plan needs an objective targeting risk to children.",
    "PLAN_TOO_EARLY": "PLAN-4: a pre-release plan more than 12 weeks before release.",
    "EVALUATION_TOO_EARLY": "END-1: an evaluation more than 8 weeks before the sentence ends.",
    "SENIOR_MANAGER_REQUIRED": "LIC-3: a final licence warning needs the SENIOR_MANAGER role.",
    "DOCUMENT_TOO_LARGE": "The case record would exceed its storage budget.",
    "IDEMPOTENCY_KEY_REUSED": "The `clientMutationId` was already used (within the window, 24 hours by default) for "
                              "another operation or different input; nothing was written. Send a new key per request.",
    "DUPLICATE_PERSON": "A case already exists for this person (same PNC number); the message names its CRN when "
                        "you may see that case."}, name="UserErrorCode")

AppointmentKind = _graphql_enum(d.AppointmentKind, "Kind of appointment.", {
    "INDUCTION": "Induction: commitments, rights and consequences explained (IND-1).",
    "SUPERVISION": "Supervision appointment with the responsible officer.",
    "HOME_VISIT": "Home visit.",
    "UNPAID_WORK": "Unpaid work (not deliverable under a RAR, REQ-RAR-1).",
    "PROGRAMME": "Accredited programme session.",
    "TREATMENT": "Treatment appointment (not deliverable under a RAR, REQ-RAR-1).",
    "OTHER": "Any other appointment."})

AppointmentOutcome = _graphql_enum(d.AppointmentOutcome, "What happened at an appointment.", {
    "ATTENDED_COMPLIED": "Attended and complied.",
    "ATTENDED_FAILED_TO_COMPLY": "Attended but failed to comply: creates a failure to comply awaiting decision (ENF-1).",
    "FAILED_TO_ATTEND": "Did not attend: creates a failure to comply awaiting decision (ENF-1).",
    "ACCEPTABLE_ABSENCE": "Absent with an acceptable reason agreed in advance.",
    "RESCHEDULED": "Moved to another date before it was due."})

FailureStatus = _graphql_enum(d.FailureStatus, "Where a failure to comply stands.", {
    "AWAITING_DECISION": "Recorded; the officer has not yet decided whether it is acceptable.",
    "ACCEPTABLE": "An acceptable explanation was accepted.",
    "UNACCEPTABLE": "No acceptable explanation: counts for enforcement (ENF-3, ENF-4)."})

VictimContactScheme = _graphql_enum(d.VictimContactScheme, "Victim contact scheme (VIC-1).", {
    "STATUTORY": "Statutory: violent or sexual offence with a custodial term of 12 months or more.",
    "DISCRETIONARY": "Discretionary: to be considered (e.g. intimate partner violence whatever the sentence)."})

NoteKind = _graphql_enum(d.NoteKind, "Whether a note records fact or opinion (REC-3).", {
    "FACT": "What happened or was said.", "OPINION": "The practitioner's professional judgement."})

BreachOutcome = _graphql_enum(d.BreachOutcome, "The court's outcome of breach proceedings.", {
    "ORDER_CONTINUED": "The order continues: earlier warnings, and failures up to the day breach was laid, are spent; failures added to the breach were dealt with by the court (ENF-5).",
    "ORDER_REVOKED": "The order is revoked and the offender resentenced: the sentence ends.",
    "COMMITTED_TO_CUSTODY": "Post-sentence supervision only: committed to custody for the breach; supervision continues, spending as for ORDER_CONTINUED (ENF-5), and the plan is reviewed (PLAN-5)."})

SafeguardingAgency = _graphql_enum(d.SafeguardingAgency, "Where a safeguarding concern is referred (SAFE-1).", {
    "CHILDRENS_SERVICES": "Children's services.", "ADULT_SAFEGUARDING": "Adult safeguarding (social care).",
    "MARAC": "Multi-agency risk assessment conference (domestic abuse)."})

ComplexityFactor = _graphql_enum(t.ComplexityFactor, "A complexity factor (TIER-1, from the hmpps-tier model).", {
    "IOM_NOMINAL": "Integrated offender management nominal (counts 2 towards change, not protect).",
    "MENTAL_HEALTH": "Mental health issues.", "ATTEMPTED_SUICIDE_OR_SELF_HARM": "Attempted suicide or self-harm.",
    "VULNERABILITY_ISSUE": "Vulnerability issue.", "CHILD_CONCERNS": "Child concerns.",
    "CHILD_PROTECTION": "Child protection.", "RISK_TO_CHILDREN": "Risk to children.",
    "PUBLIC_INTEREST": "Public interest case.", "ADULT_AT_RISK": "Adult at risk.", "STREET_GANGS": "Street gangs.",
    "TERRORISM": "Terrorism."})

Need = _graphql_enum(t.Need, "A criminogenic need area (TIER-1 change level).", {
    "ACCOMMODATION": "Accommodation (weight 1).", "EDUCATION_TRAINING_AND_EMPLOYABILITY": "Education, training and employability (weight 1).",
    "RELATIONSHIPS": "Relationships (weight 1).", "LIFESTYLE_AND_ASSOCIATES": "Lifestyle and associates (weight 1).",
    "DRUG_MISUSE": "Drug misuse (weight 1).", "ALCOHOL_MISUSE": "Alcohol misuse (weight 1).",
    "THINKING_AND_BEHAVIOUR": "Thinking and behaviour (weight 2).", "ATTITUDES": "Attitudes (weight 2).",
    "FINANCIAL_MANAGEMENT_AND_INCOME": "Financial management and income (weight 0: recorded, scores nothing).",
    "EMOTIONAL_WELL_BEING": "Emotional well-being (weight 0: recorded, scores nothing)."})

NeedSeverity = _graphql_enum(t.NeedSeverity, "Severity of a need.", {
    "NO_NEED": "No need (0).", "STANDARD": "Standard need (1).", "SEVERE": "Severe need (2)."})

ProblemLevel = _graphql_enum(t.ProblemLevel, "An OASys problem answer (impulsivity 11.2, temper control 11.4).", {
    "NO_PROBLEMS": "0: no problems.", "SOME_PROBLEMS": "1: some problems.", "SIGNIFICANT_PROBLEMS": "2: significant problems."})

ProtectLevel = _graphql_enum(t.ProtectLevel, "Protect level of a tier (risk of harm).", {
    "A": "150 points or more (RoSH VERY_HIGH or MAPPA level 2 or 3 alone reach it).", "B": "20 to 149 points.",
    "C": "10 to 19 points.", "D": "Under 10 points.",
    "MISSING": "Not determined: a missing input could change it (see `possibleProtectLevels` and `missingInputs`); never assumed to be D.",
    "NOT_APPLICABLE": "No active sentence: not tiered."})

ChangeLevel = _graphql_enum(t.ChangeLevel, "Change level of a tier (likelihood of reoffending and needs).", {
    "ZERO": "0: no mandate for change.", "ONE": "1: under 10 points.", "TWO": "2: 10 to 19 points.",
    "THREE": "3: 20 points or more.",
    "MISSING": "Not determined: a missing input could change it (see `possibleChangeLevels` and `missingInputs`).",
    "NOT_APPLICABLE": "No active sentence: not tiered."})

TierInput = _graphql_enum(t.TierInput, "A tier input that can be missing (TIER-1).", {
    "ROSH": "The RoSH level (no RoSH assessment).", "GENDER": "Gender recorded as NOT_KNOWN (additional factors for women).",
    "PARENTING_RESPONSIBILITIES": "The parenting responsibilities answer (OASys 6.9), for a woman.",
    "IMPULSIVITY_AND_TEMPER_CONTROL": "The impulsivity and temper control answers (OASys 11.2, 11.4), for a woman.",
    "NEEDS_ASSESSMENT": "The needs assessment (none recorded).",
    "REOFFENDING_SCORE": "The likelihood-of-reoffending (OGRS) score."})

TierAxis = _graphql_enum(t.Axis, "The part of a tier an input bears on.", {
    "PROTECT": "The protect level (letter).", "CHANGE": "The change level (digit)."}, name="TierAxis")

SharingPurpose = _graphql_enum(sharing.SharingPurpose, "Why a partner reads shared risk data (REC-4): one is required.", {
    "RISK_MANAGEMENT": "To identify or manage risk.", "PUBLIC_PROTECTION": "To protect the public.",
    "SAFEGUARDING_CHILDREN": "To protect children.", "SAFEGUARDING_ADULTS": "To protect adults at risk.",
    "VICTIM_PROTECTION": "To protect victims.", "MAPPA_DECISION": "To decide whether MAPPA applies."})

Pathway = _graphql_enum(v.Pathway, "One of the seven pathways of the Reducing Re-offending Delivery Plan: the needs "
                                   "vocabulary of planning (separate from the tier's `Need`, see docs/delivery.md).", {
    "ACCOMMODATION": "Pathway 1: Accommodation.",
    "EDUCATION_TRAINING_AND_EMPLOYMENT": "Pathway 2: Education, training and employment.",
    "HEALTH": "Pathway 3: Health.",
    "DRUGS_AND_ALCOHOL": "Pathway 4: Drugs and alcohol.",
    "FINANCE_BENEFIT_AND_DEBT": "Pathway 5: Finance, benefit and debt.",
    "CHILDREN_AND_FAMILIES": "Pathway 6: Children and families.",
    "ATTITUDES_THINKING_AND_BEHAVIOUR": "Pathway 7: Attitudes, thinking and behaviour."})

UnaddressedReason = _graphql_enum(v.UnaddressedReason, "Why a need the plan identifies has no objective addressing it (PLAN-6).", {
    "NOT_AVAILABLE": "The intervention required is not available: the need is recorded all the same.",
    "AWAITING_PLACE": "Referred, or waiting for a place.",
    "DECLINED": "The offender declined the intervention offered.",
    "SEQUENCED_LATER": "Deliberately later in the plan (e.g. needs requiring stabilisation come first)."})

ChangeRequestedBy = _graphql_enum(v.ChangeRequestedBy, "Who asked for an appointment to be cancelled or moved.", {
    "SERVICE": "The probation service (the officer or provider).",
    "OFFENDER": "The offender (e.g. work or caring commitments)."})

SupervisionPoint = _graphql_enum(v.SupervisionPoint, "When an accommodation and employment status was taken.", {
    "START": "At the start of supervision (commencement of the order, or release).",
    "END": "At the end of supervision (within END-1's evaluation window, not after the sentence ends)."})

AccommodationStatus = _graphql_enum(v.AccommodationStatus, "Accommodation at a point of supervision (RRDP outcome measure).", {
    "SETTLED": "Settled, suitable accommodation.",
    "TEMPORARY_OR_UNSTABLE": "Temporary or unstable accommodation.",
    "HOMELESS": "Homeless."})

EmploymentStatus = _graphql_enum(v.EmploymentStatus, "Employment at a point of supervision.", {
    "EMPLOYED": "In paid employment.",
    "VOCATIONAL_TRAINING": "In vocational training.",
    "UNEMPLOYED": "Unemployed and available for work: the population of the RRDP employment measure.",
    "NOT_AVAILABLE_FOR_WORK": "Not available for work (e.g. long-term sick, retired, full-time carer)."})

EmploymentKind = _graphql_enum(v.EmploymentKind, "What a spell of work is (RRDP: \"employment or vocational training\").", {
    "EMPLOYMENT": "Paid employment.", "VOCATIONAL_TRAINING": "Vocational training."})
Agency = _graphql_enum(d.Agency, "A partner agency (a partner token's `agency` claim); what each receives is `sharingPolicy`.", {
    "POLICE": "A police force.", "PRISON": "A prison.", "CHILDREN_SERVICES": "Local authority children's services.",
    "ADULT_SOCIAL_CARE": "Local authority adult social care.", "YOUTH_OFFENDING_TEAM": "A youth offending team."})

Role = _graphql_enum(d.Role, "A role a token grants (docs/access.md).", {
    "PRACTITIONER": "Probation practitioner: reads and writes the cases of their provider.",
    "SENIOR_MANAGER": "Senior manager: as a practitioner, and final licence warnings (LIC-3) and restricting cases.",
    "PARTNER": "A partner agency's system: the shared risk view only.",
    "VICTIM_LIAISON_OFFICER": "Victim liaison officer: victim records only (VIC-3).",
    "AUDITOR": "Auditor: reads every case and the audit log, writes nothing.",
    "ADMIN": "Administrator: reads and writes every case, restricts cases, maintains the staff directory."})
