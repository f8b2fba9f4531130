"""Shape checks: the input makes sense as a record (required text present, dates in order,
numbers in range, parameters present for their type). Policy limits (REQ-*) are separate rules.

Each check returns a list of violations; an empty list means the input is acceptable.
"""

from __future__ import annotations

from datetime import date

from domain.core.checks import MAX_NAME, Path, not_in_future, text_present
from domain.core.dates import period_end
from domain.core.enums import SentenceType
from domain.core.errors import Violation, invalid
from domain.core.parameters import param
from domain.records.commands import AddSentence, OffenceDetails, OffenderDetails, RequirementDetails
from domain.records.requirement_shapes import INPUT_NAMES, PARAMETER_NAMES, SHAPES


def offender_details(offender: OffenderDetails, today: date, path: Path = ("offender",)) -> list[Violation]:
    errors = [
        *text_present(offender.forename, (*path, "forename"), "Forename", MAX_NAME),
        *text_present(offender.surname, (*path, "surname"), "Surname", MAX_NAME),
        *not_in_future(offender.date_of_birth, today, (*path, "dateOfBirth"), "Date of birth"),
    ]
    if offender.date_of_birth.year < 1900:
        errors.append(invalid((*path, "dateOfBirth"), "Date of birth must be in or after 1900."))
    if offender.pnc_number is not None and not offender.pnc_number.strip():
        errors.append(invalid((*path, "pncNumber"), "PNC number must not be blank; omit it when not known."))
    return errors


def offence_details(offence: OffenceDetails, imposed_on: date, path: Path = ("offence",)) -> list[Violation]:
    errors = text_present(offence.description, (*path, "description"), "Offence description", 1000)
    if offence.committed_on > imposed_on:
        errors.append(invalid((*path, "committedOn"),
                              f"The offence ({offence.committed_on.isoformat()}) cannot be committed after the "
                              f"sentence was imposed ({imposed_on.isoformat()})."))
    return errors


def _length_range(sentence_type: SentenceType) -> tuple[int, int]:
    if sentence_type is SentenceType.COMMUNITY_ORDER:
        return 1, param("COMMUNITY_ORDER_MAX_MONTHS")
    if sentence_type is SentenceType.SUSPENDED_SENTENCE_ORDER:
        return param("SSO_OPERATIONAL_MIN_MONTHS"), param("SSO_OPERATIONAL_MAX_MONTHS")
    return 1, param("SENTENCE_MAX_MONTHS")


def sentence_dates(command: AddSentence, today: date) -> list[Violation]:
    """Lengths, custodial terms and release dates fit the sentence type, and dates are in order.

    Interpretation (recorded in the closing note): ``lengthMonths`` is the length of the whole
    sentence from ``imposedOn`` (the operational period for an SSO; the sentence, licence
    included, for a licence; the sentence to the end of supervision for PSS), so the end date is
    ``imposedOn + lengthMonths - 1 day`` for every type.
    """
    errors = list(not_in_future(command.imposed_on, today, ("imposedOn",), "Sentence date"))
    low, high = _length_range(command.type)
    if not low <= command.length_months <= high:
        errors.append(invalid(("lengthMonths",),
                              f"A {command.type.value} lasts {low} to {high} months; {command.length_months} was given."))
        return errors
    end = period_end(command.imposed_on, command.length_months)
    term = command.custodial_term_months
    if command.type is SentenceType.COMMUNITY_ORDER:
        if term is not None:
            errors.append(invalid(("custodialTermMonths",), "A community order has no custodial term."))
    elif command.type is SentenceType.SUSPENDED_SENTENCE_ORDER:
        if term is None:
            errors.append(invalid(("custodialTermMonths",), "A suspended sentence order needs the custodial term suspended."))
        elif not 1 <= term <= param("SSO_CUSTODIAL_MAX_MONTHS"):
            errors.append(invalid(("custodialTermMonths",),
                                  f"The suspended custodial term is 1 to {param('SSO_CUSTODIAL_MAX_MONTHS')} months; {term} was given."))
    else:
        if term is None:
            errors.append(invalid(("custodialTermMonths",), f"A {command.type.value} needs the custodial term in months."))
        elif not 1 <= term <= command.length_months:
            errors.append(invalid(("custodialTermMonths",),
                                  f"The custodial term must be 1 to {command.length_months} months (the sentence length)."))
        elif command.type is SentenceType.POST_SENTENCE_SUPERVISION and term > param("PSS_CUSTODIAL_MAX_MONTHS"):
            errors.append(invalid(("custodialTermMonths",),
                                  "Post-sentence supervision follows custodial terms of under 2 years."))
    if command.type.is_community:
        if command.release_date is not None:
            errors.append(invalid(("releaseDate",), "A community sentence has no release date."))
    elif command.release_date is None:
        errors.append(invalid(("releaseDate",), f"A {command.type.value} needs the release date."))
    elif not command.imposed_on <= command.release_date <= end:
        errors.append(invalid(("releaseDate",),
                              f"The release date must fall between the sentence date ({command.imposed_on.isoformat()}) "
                              f"and the sentence end ({end.isoformat()})."))
    return errors


def requirement_parameters(requirement: RequirementDetails, path: Path) -> list[Violation]:
    """Each parameter its type needs is present, positive where numeric, and no other is given."""
    shape = SHAPES[requirement.type]
    errors: list[Violation] = []
    for name in PARAMETER_NAMES:
        value = getattr(requirement, name)
        field_path = (*path, INPUT_NAMES[name])
        if value is None:
            if name in shape.required:
                errors.append(invalid(field_path, f"{INPUT_NAMES[name]} is required for a {requirement.type.value} requirement ({shape.meaning})."))
            continue
        if name not in shape.allowed:
            errors.append(invalid(field_path, f"{INPUT_NAMES[name]} is not a parameter of a {requirement.type.value} requirement."))
            continue
        if isinstance(value, bool):
            continue
        if isinstance(value, int) and value <= 0:
            errors.append(invalid(field_path, f"{INPUT_NAMES[name]} must be a positive number."))
        if isinstance(value, str):
            errors.extend(text_present(value, field_path, INPUT_NAMES[name], 2000))
    return errors


def add_sentence(command: AddSentence, today: date) -> list[Violation]:
    errors = [*sentence_dates(command, today), *offence_details(command.offence, command.imposed_on)]
    if command.type.is_community and not command.requirements:
        errors.append(invalid(("requirements",), "A community order or suspended sentence order needs at least one requirement."))
    for index, requirement in enumerate(command.requirements):
        errors.extend(requirement_parameters(requirement, ("requirements", str(index))))
    return errors


def well_formed_requirements(command: AddSentence, errors: list[Violation]) -> list[int]:
    """The indices of the requirements that ``errors`` (this module's) find nothing wrong with: the
    REQ-* rules can judge those in the same round, so a client sees every problem at once."""
    faulty = {v.field[1] for v in errors if len(v.field) >= 2 and v.field[0] == "requirements"}
    return [index for index in range(len(command.requirements)) if str(index) not in faulty]
