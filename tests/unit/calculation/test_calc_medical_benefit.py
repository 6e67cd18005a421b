"""Medical expenses (single and tiers) and fixed benefits, hand-computed."""

from __future__ import annotations

import pytest

from backoffice.domain.calculation import calculate, to_json_dict


def run(method, **data):
    return to_json_dict(calculate({"method": method, **data}))


BASE = {
    "expenses": "10000",
    "social_insurance_paid": "4000",
    "excluded": "1000",
    "deductible": "500",
    "ratio": "0.8",
}


def test_medical_single():
    # (10 000 − 4 000 − 1 000 − 500) × 0.8 = 4 500 × 0.8 = 3 600 (limit 5 000 not reached)
    out = run("medical", **BASE, limit="5000")
    assert out["payable"] == "3600.00"
    assert out["parts"] == {"medical": "3600.00"}


def test_social_insurance_counts_toward_the_deductible():
    # deductible left = max(500 − 4 000, 0) = 0 → (10 000 − 4 000 − 1 000 − 0) × 0.8 = 4 000
    out = run("medical", **BASE, limit="5000", social_counts_toward_deductible=True)
    assert out["payable"] == "4000.00"


def test_medical_capped_at_the_limit():
    # 3 600 > limit 3 000 → 3 000
    out = run("medical", **BASE, limit="3000")
    assert out["payable"] == "3000.00"
    assert out["warnings"] == ["医疗费用赔款按限额封顶"]


def test_medical_tiers_with_overall_limit():
    # 目录内: (5 000 − 100) × 0.9 = 4 410; 目录外: (1 000 − 0) × 0.5 = 500 → tier limit 300
    # Σ = 4 710 > overall 4 000 → allocate 4 000 by 4 410 : 300:
    #   4 000 × 4 410 / 4 710 = 3 745.2229… ; 4 000 × 300 / 4 710 = 254.7770…
    #   floors 374 522 + 25 477 = 399 999 fen, the spare fen to 目录外 (0.70 > 0.29)
    out = run(
        "medical",
        tiers=[
            {"name": "目录内", "amount": "5000", "deductible": "100", "ratio": "0.9"},
            {"name": "目录外", "amount": "1000", "ratio": "0.5", "limit": "300"},
        ],
        limit="4000",
    )
    assert out["parts"] == {"目录内": "3745.22", "目录外": "254.78"}
    assert out["payable"] == "4000.00"


def test_medical_tiers_without_overall_limit():
    # 特药: (2 000.05 − 0) × 0.7 = 1 400.035 → 1 400.04 (half-up); 目录内 (300 − 500)⁺ = 0
    out = run(
        "medical",
        tiers=[
            {"name": "特药", "amount": "2000.05", "ratio": "0.7"},
            {"name": "目录内", "amount": "300", "deductible": "500"},
        ],
    )
    assert out["parts"] == {"特药": "1400.04", "目录内": "0.00"}
    assert out["payable"] == "1400.04"


@pytest.mark.parametrize(
    ("grade", "expected"), [(1, "100000.00"), (2, "90000.00"), (7, "40000.00"), (10, "10000.00")]
)
def test_disability_grades(grade, expected):
    # grade g pays (11 − g) × 10 % of SI 100 000
    assert run("benefit", sum_insured="100000", disability_grade=grade)["payable"] == expected


def test_benefit_by_ratio():
    # 33 333.33 × 0.15 = 4 999.9995 → 5 000.00
    assert run("benefit", sum_insured="33333.33", ratio="0.15")["payable"] == "5000.00"
