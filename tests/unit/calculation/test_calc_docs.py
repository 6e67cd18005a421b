"""docs/calculation.md: every JSON example is valid input, and the sample output is what the engine prints."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from backoffice.domain.calculation import calculate, to_json_dict

DOC = Path(__file__).resolve().parents[3] / "docs" / "calculation.md"


def blocks() -> list[dict]:
    return [
        json.loads(b, parse_float=Decimal)
        for b in re.findall(r"```json\n(.*?)```", DOC.read_text("utf-8"), re.S)
    ]


def test_every_method_has_an_example_and_each_runs():
    inputs = [b for b in blocks() if "payable" not in b]
    methods = {b["method"] for b in inputs}
    assert methods == {
        "contribution",
        "coinsurance",
        "ctpl",
        "motor_damage",
        "motor_third_party",
        "medical",
        "benefit",
        "liability",
    }  # property: its example is the sample output, checked below
    for item in inputs:
        assert to_json_dict(calculate(item))["payable"]


def test_sample_output_matches_the_engine():
    sample = next(b for b in blocks() if "payable" in b)
    item = {
        "method": "property",
        "sum_insured": "80000",
        "insured_value": "100000",
        "loss": "50000",
        "salvage": "1000",
        "rescue_cost": "2000",
        "deductible": {"type": "absolute", "amount": "500"},
    }
    assert to_json_dict(calculate(item)) == sample
