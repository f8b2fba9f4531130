"""Every error in one round (issue 16.7): the REQ-* rules judge every requirement whose shape is sound,
beside the shape errors of the others, so a client sees all its problems at once."""

from datetime import date

from domain.core.enums import OffenceCategory, RequirementType, SentenceType
from domain.core.errors import ErrorCode
from domain.records import requirements, shape
from domain.records.commands import AddSentence, OffenceDetails, RequirementDetails
from tests.builders import case

TODAY = date(2026, 12, 1)


def order(*reqs: RequirementDetails, length_months: int = 12) -> AddSentence:
    return AddSentence(crn="X123456", type=SentenceType.COMMUNITY_ORDER, imposed_on=date(2026, 11, 2),
                       length_months=length_months, offence=OffenceDetails("Theft", OffenceCategory.ACQUISITIVE,
                                                                            date(2026, 8, 1)),
                       requirements=reqs)


def every_error(command: AddSentence) -> list[tuple[tuple[str, ...], ErrorCode, str | None]]:
    malformed = shape.add_sentence(command, TODAY)
    judged = requirements.check_requirements(case(), command.type, command.imposed_on, command.offence.committed_on,
                                             command.requirements, only=shape.well_formed_requirements(command, malformed))
    return sorted((v.field, v.code, v.standard) for v in [*malformed, *judged])


def test_req_upw_1_is_judged_beside_a_curfews_missing_parameters():
    command = order(RequirementDetails(RequirementType.UNPAID_WORK, hours=10), RequirementDetails(RequirementType.CURFEW))
    assert shape.well_formed_requirements(command, shape.add_sentence(command, TODAY)) == [0]
    assert every_error(command) == [
        (("requirements", "0", "hours"), ErrorCode.STANDARD_VIOLATION, "REQ-UPW-1"),
        (("requirements", "1", "hours"), ErrorCode.INVALID_INPUT, None),
        (("requirements", "1", "lengthMonths"), ErrorCode.INVALID_INPUT, None),
    ]


def test_req_upw_1_a_malformed_requirement_is_left_to_its_shape_errors():
    command = order(RequirementDetails(RequirementType.UNPAID_WORK, hours=10, days=2))
    assert shape.well_formed_requirements(command, shape.add_sentence(command, TODAY)) == []
    assert every_error(command) == [(("requirements", "0", "days"), ErrorCode.INVALID_INPUT, None)]


def test_req_exc_1_a_sentence_shape_error_does_not_hold_back_the_requirement_rules():
    command = order(RequirementDetails(RequirementType.EXCLUSION, length_months=30, details="Leeds"), length_months=40)
    assert every_error(command) == [
        (("lengthMonths",), ErrorCode.INVALID_INPUT, None),
        (("requirements", "0", "lengthMonths"), ErrorCode.STANDARD_VIOLATION, "REQ-EXC-1"),
    ]
