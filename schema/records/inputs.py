"""GraphQL inputs of the case record and their conversion to domain commands."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core import enums as d
from domain.records import commands as c
from domain.records import search
from domain.risk import tier_codes
from schema import enums
from schema.common import EXPECTED_VERSION, MutationInput


@strawberry.input(description="The person under supervision.")
class OffenderInput:
    forename: str = strawberry.field(description="Forename (not blank).")
    surname: str = strawberry.field(description="Surname (not blank).")
    date_of_birth: date = strawberry.field(description="Date of birth (not in the future).")
    gender: enums.Gender = strawberry.field(description="Gender as recorded.")
    pnc_number: str | None = strawberry.field(default=None, description="Police National Computer number, if known.")

    def to_domain(self) -> c.OffenderDetails:
        return c.OffenderDetails(forename=self.forename, surname=self.surname, date_of_birth=self.date_of_birth,
                                 gender=enums.to_domain(self.gender, d.Gender), pnc_number=self.pnc_number)


@strawberry.input(description="A new case.")
class CreateCaseInput(MutationInput):
    offender: OffenderInput = strawberry.field(description="The person under supervision.")
    crn: str | None = strawberry.field(default=None, description="Case reference number (one capital letter and six digits); generated when absent.")

    def to_domain(self) -> c.CreateCase:
        return c.CreateCase(offender=self.offender.to_domain(), crn=self.crn)


@strawberry.input(description="The index offence.")
class OffenceInput:
    description: str = strawberry.field(description="What the offence was (not blank).")
    category: enums.OffenceCategory = strawberry.field(description="Broad category.")
    committed_on: date = strawberry.field(description="When it was committed (not after the sentence date).")

    def to_domain(self) -> c.OffenceDetails:
        return c.OffenceDetails(description=self.description, category=enums.to_domain(self.category, d.OffenceCategory),
                                committed_on=self.committed_on)


@strawberry.input(description="A requirement or licence condition. Which parameters a type needs, and their limits, are in "
                              "docs/standards.md (REQ-*) and on each `RequirementType` value; a missing, out-of-range or "
                              "foreign parameter is a user error pointing at it.")
class RequirementInput:
    type: enums.RequirementType = strawberry.field(description="Kind of requirement.")
    hours: int | None = strawberry.field(default=None, description="Hours, for the types that take them.")
    days: int | None = strawberry.field(default=None, description="Days, for the types that take them.")
    length_months: int | None = strawberry.field(default=None, description="Duration in months, for the types that take one.")
    consent_given: bool | None = strawberry.field(default=None, description="Offender's consent (treatment requirements).")
    alcohol_dependent: bool | None = strawberry.field(default=None, description="Assessed alcohol dependency (AAMR).")
    programme: str | None = strawberry.field(default=None, description="Programme the court named (PROGRAMME): recorded as given; eligibility is checked at referral (`referToProgramme`, REQ-PRG-1).")
    details: str | None = strawberry.field(default=None, description="The place, activity or times.")
    alcohol_treatment_recommended: bool | None = strawberry.field(default=None, description="AAMR: an alcohol treatment requirement was recommended (true refuses the AAMR, REQ-AAMR-1).")
    alcohol_related_offence: bool | None = strawberry.field(default=None, description="AAMR: the offence is alcohol related (false refuses the AAMR, REQ-AAMR-1).")
    drug_misuse_factor_in_offending: bool | None = strawberry.field(default=None, description="Required for DRUG_TESTING, DRUG_APPOINTMENT (\"misuse of Class A & B drugs must be factor in the offending\") and DRUG_REHABILITATION (the offending \"arises from a dependence on or a misuse of illegal drugs\"); must be true (REQ-DRG-2).")
    dependent_or_propensity: bool | None = strawberry.field(default=None, description="Required for DRUG_TESTING and DRUG_APPOINTMENT: \"dependent on or have a propensity to use drugs\"; must be true (REQ-DRG-2).")
    dependency_treatable: bool | None = strawberry.field(default=None, description="Required for DRUG_APPOINTMENT: \"this dependency/propensity must be treatable\"; must be true (REQ-DRG-2).")
    treatment_arrangements_possible: bool | None = strawberry.field(default=None, description="Required for DRUG_APPOINTMENT: \"arrangements for treatment and appointments must be possible\"; must be true (REQ-DRG-2).")

    def to_domain(self) -> c.RequirementDetails:
        return c.RequirementDetails(type=enums.to_domain(self.type, d.RequirementType), hours=self.hours, days=self.days,
                                    length_months=self.length_months, consent_given=self.consent_given,
                                    alcohol_dependent=self.alcohol_dependent, programme=self.programme, details=self.details,
                                    alcohol_treatment_recommended=self.alcohol_treatment_recommended,
                                    alcohol_related_offence=self.alcohol_related_offence,
                                    drug_misuse_factor_in_offending=self.drug_misuse_factor_in_offending,
                                    dependent_or_propensity=self.dependent_or_propensity,
                                    dependency_treatable=self.dependency_treatable,
                                    treatment_arrangements_possible=self.treatment_arrangements_possible)


@strawberry.input(description="A sentence to add to a case.")
class AddSentenceInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    type: enums.SentenceType = strawberry.field(description="Kind of sentence.")
    imposed_on: date = strawberry.field(description="Date of sentence (not in the future).")
    length_months: int = strawberry.field(description="Length from the sentence date in months (CO 1-36; SSO operational period 6-24).")
    offence: OffenceInput = strawberry.field(description="The index offence.")
    requirements: list[RequirementInput] = strawberry.field(default_factory=list, description="Requirements or licence conditions (a CO/SSO needs at least one).")
    release_date: date | None = strawberry.field(default=None, description="Release from custody: required for licence and PSS, absent otherwise.")
    custodial_term_months: int | None = strawberry.field(default=None, description="Custodial term in months: SSO (the term suspended, 1-24), licence and PSS; absent for a CO.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.AddSentence:
        return c.AddSentence(crn=self.crn, type=enums.to_domain(self.type, d.SentenceType), imposed_on=self.imposed_on,
                             length_months=self.length_months, offence=self.offence.to_domain(),
                             requirements=tuple(r.to_domain() for r in self.requirements),
                             release_date=self.release_date, custodial_term_months=self.custodial_term_months,
                             expected_version=self.expected_version)


@strawberry.input(description="A responsible officer, by staff code; the name is read from the staff directory (`officers`).")
class OfficerInput:
    code: str = strawberry.field(description="Staff code of an officer in the staff directory, in any case (an unknown code is "
                                             "NOT_FOUND at `officer.code`; the officer must be in post and work for the provider).")
    name: str | None = strawberry.field(
        default=None, description="No longer needed: the name is read from the staff directory. If sent, it must be the "
                                  "directory's name for the code (case, accents and spacing ignored), or the write is refused "
                                  "at `officer.name`.",
        deprecation_reason="The staff directory is the source of officer names: send only `code`. A name that disagrees with "
                           "the directory is refused (INVALID_INPUT at officer.name), so a code typed for the wrong person "
                           "is caught.")

    def to_domain(self) -> c.OfficerDetails:
        return c.OfficerDetails(code=self.code, name=self.name)


@strawberry.input(description="The first allocation of a case (ALLOC-1).")
class AllocateCaseInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    provider: enums.Provider = strawberry.field(description="Provider (ALLOC-3: NPS when RoSH is HIGH or above).")
    officer: OfficerInput = strawberry.field(description="Responsible officer (ALLOC-2).")
    allocated_on: date = strawberry.field(description="Date of allocation (not in the future).")
    rationale: str = strawberry.field(description="Why this provider and officer (REC-2: recorded with every allocation; a blank one is a user error at this field).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.AllocateCase:
        return c.AllocateCase(crn=self.crn, provider=enums.to_domain(self.provider, d.Provider),
                              officer=self.officer.to_domain(), allocated_on=self.allocated_on,
                              rationale=self.rationale, expected_version=self.expected_version)


@strawberry.input(description="A transfer to another officer and/or provider (ALLOC-2, ALLOC-4).")
class TransferCaseInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    provider: enums.Provider = strawberry.field(description="Receiving provider (ALLOC-3).")
    officer: OfficerInput = strawberry.field(description="Receiving responsible officer (ALLOC-2: never without an officer).")
    transferred_on: date = strawberry.field(description="Date of transfer (not before the current allocation, not in the future).")
    rationale: str = strawberry.field(description="Why the case is transferred (REC-2, not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.TransferCase:
        return c.TransferCase(crn=self.crn, provider=enums.to_domain(self.provider, d.Provider),
                              officer=self.officer.to_domain(),
                              transferred_on=self.transferred_on, rationale=self.rationale,
                              expected_version=self.expected_version)


@strawberry.input(description="Caseload filter; conditions combine with AND.")
class CaseFilter:
    officer_code: str | None = strawberry.field(default=None, description="Only cases whose responsible officer has this staff code (case does not matter).")
    provider: enums.Provider | None = strawberry.field(default=None, description="Only cases managed by this provider.")
    rosh_levels: list[enums.RoshLevel] | None = strawberry.field(default=None, description="Only cases whose current RoSH is one of these.")
    has_overdue_standards: bool | None = strawberry.field(default=None, description="True: only cases with a standard OVERDUE today; false: only cases with none.")
    tiers: list[str] | None = strawberry.field(default=None, description="Only cases whose current tier is one of these, written as `TierCalculation.tier` is (TIER-1): "
                                                                 "a protect letter A-D and a change digit 0-3 (? when open), suffix S when "
                                                                 "unsupervised, or N/A; e.g. [\"A3\", \"B2\", \"A1S\", \"N/A\"]. Any other value "
                                                                 "is refused (BAD_USER_INPUT), never silently matched to nothing.")
    due_by: date | None = strawberry.field(default=None, description="Only cases with a standard due or overdue on or before this day: an undischarged duty whose deadline is on or before it (`Case.nextDue.dueBy <= dueBy`).")
    # Person search (domain.records.search).
    surname: str | None = strawberry.field(default=None, description=(
        "Only people whose surname starts with this, ignoring case, accents, spaces, hyphens and apostrophes "
        "(\"obri\" finds O'Brien and Ó Briain); at least one letter or digit, at most 100 characters."))
    forename: str | None = strawberry.field(default=None, description="Only people whose forename starts with this, "
                                                                       "compared as `surname` is.")
    date_of_birth: date | None = strawberry.field(default=None, description="Only people born on this day.")
    pnc_number: str | None = strawberry.field(default=None, description=(
        "Only the person with this Police National Computer number, exactly, however it is written "
        "(case, spaces, an unpadded serial: 2010/12345x finds 2010/0012345X)."))

    def to_domain(self, today: date) -> c.CaseQuery:
        return c.CaseQuery(officer_code=self.officer_code, provider=enums.to_domain(self.provider, d.Provider),
                           rosh_levels=tuple(enums.to_domain(r, d.RoshLevel) for r in self.rosh_levels)
                           if self.rosh_levels is not None else None,
                           overdue_as_of=today if self.has_overdue_standards is True else None,
                           not_overdue_as_of=today if self.has_overdue_standards is False else None,
                           tiers=tuple(self.tiers) if self.tiers is not None else None,
                           due_by=self.due_by, **self.search_terms())

    def search_problems(self) -> list[tuple[str, str]]:
        """(field, problem) for each term that cannot be searched: a person-search term, or a tier
        that is not a tier code (it would silently match nothing)."""
        problems = []
        wrong = tier_codes.not_tier_codes(self.tiers or [])
        if wrong:
            problems.append(("tiers", f"holds {', '.join(repr(w) for w in wrong)}, which is not a tier: a tier is "
                                      f"{tier_codes.FORM} (e.g. \"B2\", \"A1S\", \"N/A\")"))
        for name, value in (("surname", self.surname), ("forename", self.forename), ("pncNumber", self.pnc_number)):
            if value is None:
                continue
            if len(value) > search.MAX_SEARCH_LENGTH:
                problems.append((name, f"at most {search.MAX_SEARCH_LENGTH} characters"))
            elif not (search.pnc_key(value) if name == "pncNumber" else search.name_key(value)):
                problems.append((name, "needs at least one letter or digit"))
        return problems

    def search_terms(self) -> dict:
        return {"surname_prefix": search.name_key(self.surname) if self.surname is not None else None,
                "forename_prefix": search.name_key(self.forename) if self.forename is not None else None,
                "date_of_birth": self.date_of_birth,
                "pnc_number": search.pnc_key(self.pnc_number) if self.pnc_number is not None else None}
