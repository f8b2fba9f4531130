"""Record keeping (REC-1 to REC-3): rules every capability applies to what it records.

REC-4 (information shared only for a stated purpose) lives with the partner view in
``domain.sharing.partner``.
"""

from __future__ import annotations

from domain.core.errors import Violation, breaks
from domain.core.registry import Section, standard

REC_1 = standard("REC-1", Section.RECORD_KEEPING, "Contacts and key events recorded on the day or as soon as possible after",
                 source="PF Record keeping", enforced=True,
                 rule="Each record keeps the date it happened and when (and by whom) it was recorded; a record made "
                      "after the day is marked late, never refused for lateness alone.")
REC_2 = standard("REC-2", Section.RECORD_KEEPING, "Decisions and the considerations behind them are recorded",
                 source="PF Record keeping", enforced=True,
                 rule="Every deciding mutation (acceptability, warning, breach, recall, allocation, transfer, variation, "
                      "risk level, cancelling or moving an appointment, a priority offender designation) requires a "
                      "non-blank rationale.")
REC_3 = standard("REC-3", Section.RECORD_KEEPING, "Records distinguish fact from opinion",
                 source="PF Record keeping", enforced=True,
                 rule="Contact notes carry a kind: FACT or OPINION.")


def rationale_given(rationale: str | None, what: str) -> list[Violation]:
    """REC-2: every deciding mutation records its rationale."""
    if rationale is None or not rationale.strip():
        return [breaks(REC_2, ("rationale",), f"{what} must record the considerations behind it (a rationale).")]
    return []
