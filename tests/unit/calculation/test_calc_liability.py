"""Liability: per-person, per-accident, deductible, remaining aggregate; shares by claimant."""

from __future__ import annotations

from backoffice.domain.calculation import calculate, to_json_dict


def run(**data):
    return to_json_dict(calculate({"method": "liability", **data}))


def test_all_limits_in_turn():
    # 甲 80 000 → per person 50 000; 乙 30 000; Σ = 80 000 → per accident 60 000
    # − deductible 1 000 = 59 000 → remaining aggregate 55 000
    # shares by capped amounts 50 000 : 30 000 → 甲 34 375, 乙 20 625
    out = run(
        claimants=[{"name": "甲", "amount": "80000"}, {"name": "乙", "amount": "30000"}],
        per_person_limit="50000",
        per_accident_limit="60000",
        aggregate_remaining="55000",
        deductible="1000",
    )
    assert out["payable"] == "55000.00"
    assert out["shares"] == {"甲": "34375.00", "乙": "20625.00"}
    assert out["parts"] == {"liability": "55000.00"}
    assert len(out["warnings"]) == 3


def test_deductible_only():
    # 1 000 + 2 000 = 3 000 − 300 = 2 700 → 900 : 1 800
    out = run(
        claimants=[{"name": "丙", "amount": "1000"}, {"name": "丁", "amount": "2000"}], deductible="300"
    )
    assert out["shares"] == {"丙": "900.00", "丁": "1800.00"}


def test_shares_by_largest_remainder():
    # three claimants of 100 each, per-accident limit 200 → 66.666… each → 66.67, 66.67, 66.66
    out = run(claimants=[{"name": n, "amount": "100"} for n in "ABC"], per_accident_limit="200")
    assert out["shares"] == {"A": "66.67", "B": "66.67", "C": "66.66"}
    assert out["payable"] == "200.00"
