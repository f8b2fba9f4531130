"""Builders for the requirement tests: endings of sentences and requirements."""

from __future__ import annotations

from datetime import date

from domain.core.case import Sentence
from domain.core.enums import RequirementStatus, SentenceStatus
from domain.delivery.model import Termination
from domain.records.model import Requirement, RequirementVariation
from tests.builders import STAMP


def terminate(sentence: Sentence, on: date) -> Sentence:
    sentence.termination = Termination(terminated_on=on, reason="r", agencies_notified=["Police"],
                                       continuing_restrictions_explained=True, recorded=STAMP)
    sentence.status = SentenceStatus.TERMINATED
    return sentence


def vary_off(requirement: Requirement, on: date) -> Requirement:
    """A court terminates the requirement on ``on``."""
    requirement.variations.append(RequirementVariation(varied_on=on, previous={}, changes={}, terminated=True,
                                                       rationale="r", recorded=STAMP))
    requirement.status = RequirementStatus.TERMINATED
    return requirement
