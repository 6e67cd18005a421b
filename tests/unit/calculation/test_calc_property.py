"""Property insurance, hand-computed (DOMAIN.md §9: proportional, first loss, deductibles, art. 57)."""

from __future__ import annotations

from backoffice.domain.calculation import calculate, to_json_dict


def run(**data):
    return to_json_dict(calculate({"method": "property", **data}))


def test_proportional_with_absolute_deductible_and_rescue():
    # ratio = min(1, 80 000 ÷ 100 000) = 0.8
    # recognised loss = min(50 000, 100 000) − 1 000 salvage = 49 000
    # loss part = 49 000 × 0.8 = 39 200; less absolute deductible 500 → 38 700
    # rescue part = 2 000 × 0.8 = 1 600 (capped separately at 80 000: not reached)
    # payable = 38 700 + 1 600 = 40 300
    out = run(
        sum_insured="80000",
        insured_value="100000",
        loss="50000",
        salvage="1000",
        rescue_cost="2000",
        deductible={"type": "absolute", "amount": "500"},
    )
    assert out["payable"] == "40300.00"
    assert out["parts"] == {"loss": "38700.00", "rescue": "1600.00"}
    assert out["shares"] == {}
    labels = [s["label"] for s in out["steps"]]
    assert "保险保障比例" in labels
    ratio = next(s for s in out["steps"] if s["label"] == "保险保障比例")
    assert ratio["formula"] == "min(1, 保险金额 80000.00 ÷ 保险价值 100000.00)"
    assert ratio["value"] == "0.8"
    assert any("不足额投保" in w for w in out["warnings"])


def test_insured_value_defaults_to_sum_insured():
    # insured value = SI = 60 000 → ratio 1; loss part = 12 345.67 − 0 = 12 345.67
    out = run(sum_insured=60000, loss="12345.67")
    assert out["payable"] == "12345.67"
    assert out["steps"][0]["label"] == "保险价值"


def test_over_insurance_pays_up_to_the_insured_value():
    # ratio = min(1, 200 000 ÷ 150 000) = 1; recognised = min(160 000, 150 000) − 0 = 150 000
    out = run(sum_insured="200000", insured_value="150000", loss="160000")
    assert out["payable"] == "150000.00"
    assert any("超额投保" in w for w in out["warnings"])
    assert any("超过保险价值" in w for w in out["warnings"])


def test_half_up_rounding_once():
    # ratio = 50 000 ÷ 100 000 = 0.5; 100.01 × 0.5 = 50.005 exactly → half-up 50.01
    out = run(sum_insured="50000", insured_value="100000", loss="100.01")
    assert out["payable"] == "50.01"


def test_inexact_ratio_is_kept_exact():
    # ratio = 100 000 ÷ 300 000 = 1/3; 1 000.15 × 1/3 = 333.3833… → 333.38
    out = run(sum_insured="100000", insured_value="300000", loss="1000.15")
    assert out["payable"] == "333.38"
    ratio = next(s for s in out["steps"] if s["label"] == "保险保障比例")
    assert ratio["value"] == "≈0.333333"


def test_relative_deductible():
    # recognised loss 800 ≤ franchise 1 000 → nothing; 1 200 > 1 000 → 1 200 in full
    franchise = {"type": "relative", "amount": "1000"}
    below = run(sum_insured="100000", loss="800", deductible=franchise)
    assert below["payable"] == "0.00"
    assert any("相对免赔额" in w for w in below["warnings"])
    assert run(sum_insured="100000", loss="1200", deductible=franchise)["payable"] == "1200.00"


def test_deductible_rate_on_the_loss():
    # recognised = 20 000 − 0; deductible = 0.05 × 20 000 = 1 000; ratio 1 → 20 000 − 1 000 = 19 000
    out = run(sum_insured="100000", loss="20000", deductible={"type": "absolute", "rate": "0.05"})
    assert out["payable"] == "19000.00"
    step = next(s for s in out["steps"] if s["label"] == "免赔额")
    assert step["formula"] == "免赔率 0.05 × 认定损失 20000.00"


def test_first_loss_with_rate_on_sum_insured_and_rescue_capped_separately():
    # first loss: recognised = 80 000 − 5 000 = 75 000; deductible = 0.02 × SI 50 000 = 1 000
    # loss part = 75 000 − 1 000 = 74 000 → capped at SI 50 000 ("按保险金额封顶")
    # rescue = 60 000 × 1 → capped at SI 50 000 separately (art. 57)
    # payable = 50 000 + 50 000 = 100 000
    out = run(
        sum_insured="50000",
        loss="80000",
        salvage="5000",
        rescue_cost="60000",
        basis="first_loss",
        deductible={"type": "absolute", "rate": "0.02", "base": "sum_insured"},
    )
    assert out["parts"] == {"loss": "50000.00", "rescue": "50000.00"}
    assert out["payable"] == "100000.00"
    assert "按保险金额封顶" in [s["label"] for s in out["steps"]]
    assert "损失赔款按保险金额封顶" in out["warnings"]


def test_salvage_equal_to_loss_pays_nothing():
    # recognised = 1 000 − 1 000 = 0
    assert run(sum_insured="5000", loss="1000", salvage="1000")["payable"] == "0.00"


def test_first_loss_ignores_the_insured_value_and_says_so():
    # first loss: min(3 000 − 0, SI 10 000) = 3 000, whatever the insured value
    out = run(sum_insured="10000", insured_value="40000", loss="3000", basis="first_loss")
    assert out["payable"] == "3000.00"
    assert any("insured_value" in w for w in out["warnings"])
