"""Loss calculation (理算): pure functions from an input object to a result with its steps.

``calculate`` dispatches on ``"method"``; ``to_json_dict`` gives the JSON shape of ``backoffice calc``.
Formulas and their reading are documented in docs/calculation.md (DOMAIN.md §9).
"""

from backoffice.domain.calculation.engine import ENGINE_VERSION, METHOD_LABELS, METHODS, calculate
from backoffice.domain.calculation.steps import CalculationResult, Step, to_json_dict

__all__ = [
    "ENGINE_VERSION",
    "METHODS",
    "METHOD_LABELS",
    "CalculationResult",
    "Step",
    "calculate",
    "to_json_dict",
]
