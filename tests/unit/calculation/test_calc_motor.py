"""Commercial motor: own damage and third party, clause 2014 and clause 2020, hand-computed."""

from __future__ import annotations

import pytest

from backoffice.domain.calculation import calculate, to_json_dict
from backoffice.domain.errors import ValidationError


def damage(**data):
    return to_json_dict(calculate({"method": "motor_damage", **data}))


def third_party(**data):
    return to_json_dict(calculate({"method": "motor_third_party", **data}))


def test_2014_partial_loss():
    # cover = min(1, 100 000 ÷ 125 000) = 0.8; repair 20 000 < actual value 90 000 → partial
    # net = 20 000 − 500 salvage − 2 000 CTPL received = 17 500; × 0.8 = 14 000
    # × liability 0.7 × (1 − (0.15 + 0.10)) = 14 000 × 0.7 × 0.75 = 7 350; − 500 absolute = 6 850
    # rescue = 1 000 × 1 (no cargo) × 0.7 × 0.8 × 0.75 = 420
    out = damage(
        clause="2014",
        sum_insured="100000",
        new_vehicle_price="125000",
        actual_value="90000",
        repair_cost="20000",
        salvage="500",
        ctpl_received="2000",
        liability_ratio="0.7",
        deductible_rates=["0.15", "0.10"],
        absolute_deductible="500",
        rescue_cost="1000",
    )
    assert out["parts"] == {"damage": "6850.00", "rescue": "420.00"}
    assert out["payable"] == "7270.00"
    assert next(s for s in out["steps"] if s["label"] == "全损判断")["value"] == "部分损失"


def test_2014_total_loss_with_depreciation_and_cargo():
    # depreciation = min(40 × 0.006, 0.8) = 0.24; actual value = 150 000 × 0.76 = 114 000
    # repair 130 000 ≥ 114 000 → total loss; SI 120 000 ≥ actual value → (114 000 − 4 000) = 110 000
    # × liability 1 × (1 − 0.2) = 88 000
    # rescue shared with cargo: 114 000 ÷ (114 000 + 6 000) = 0.95 → 2 000 × 0.95 × 1 × 1 × 0.8 = 1 520
    out = damage(
        clause="2014",
        sum_insured="120000",
        new_vehicle_price_at_loss="150000",
        months_used=40,
        monthly_depreciation_rate="0.006",
        repair_cost="130000",
        salvage="4000",
        deductible_rates=["0.2"],
        rescue_cost="2000",
        cargo_value="6000",
    )
    assert out["parts"] == {"damage": "88000.00", "rescue": "1520.00"}
    assert out["payable"] == "89520.00"
    assert next(s for s in out["steps"] if s["label"] == "实际价值")["value"] == "114000.00"


def test_2014_total_loss_under_insured():
    # total_loss given; SI 80 000 < actual value 100 000:
    # SI − salvage × SI ÷ AV = 80 000 − 5 000 × 0.8 = 76 000; CTPL received goes with salvage:
    # (100 000 − 5 000 − 2 000) × 0.8 = 74 400; × liability 0.5 × (1 − 0.1) = 33 480; − 1 000 = 32 480
    out = damage(
        clause="2014",
        sum_insured="80000",
        actual_value="100000",
        total_loss=True,
        salvage="5000",
        ctpl_received="2000",
        liability_ratio="0.5",
        deductible_rates=["0.1"],
        absolute_deductible="1000",
    )
    assert out["payable"] == "32480.00"
    assert any("不足额投保" in w for w in out["warnings"])


def test_2014_depreciation_capped_at_80_percent():
    # 200 × 0.006 = 1.2 → 0.8; actual value = 100 000 × 0.2 = 20 000; repair 25 000 ≥ 20 000 → total
    # SI 100 000 ≥ 20 000 → 20 000 − 0 = 20 000
    out = damage(
        clause="2014",
        sum_insured="100000",
        new_vehicle_price_at_loss="100000",
        months_used=200,
        monthly_depreciation_rate="0.006",
        repair_cost="25000",
    )
    assert out["payable"] == "20000.00"
    assert "折旧率按 80% 封顶" in out["warnings"]


def test_2014_without_new_vehicle_price_counts_as_fully_insured_and_caps_at_si():
    # no new-vehicle price → cover 1 (the 2014 text: SI is the actual value); total_loss false forced:
    # (60 000 − 0) × 1 = 60 000 > SI 50 000 → capped at 50 000
    out = damage(clause="2014", sum_insured="50000", repair_cost="60000", total_loss=False)
    assert out["payable"] == "50000.00"
    assert "车损赔款按保险金额封顶" in out["warnings"]


def test_2020_partial_loss_no_liability_deductible_rates():
    # 2020: SI is the agreed actual value (150 000); repair 30 000 < 150 000 → partial
    # (30 000 − 1 000 − 2 000) × 1 × (1 − 0) − 300 = 26 700; rescue 800 × 1 = 800
    out = damage(
        clause="2020",
        sum_insured="150000",
        repair_cost="30000",
        salvage="1000",
        ctpl_received="2000",
        absolute_deductible="300",
        rescue_cost="800",
    )
    assert out["parts"] == {"damage": "26700.00", "rescue": "800.00"}
    assert out["payable"] == "27500.00"


def test_2020_add_on_absolute_deductible_rate():
    # 附加绝对免赔率特约条款 10 %: 27 000 × 0.9 = 24 300 − 300 = 24 000; rescue 800 × 0.9 = 720
    out = damage(
        clause="2020",
        sum_insured="150000",
        repair_cost="30000",
        salvage="1000",
        ctpl_received="2000",
        absolute_deductible="300",
        rescue_cost="800",
        absolute_deductible_rate="0.1",
    )
    assert out["payable"] == "24720.00"


def test_2020_total_loss_pays_from_the_sum_insured():
    # repair 95 000 ≥ SI 90 000 → total; 90 000 − 3 000 salvage = 87 000 (no depreciation after inception)
    out = damage(
        clause="2020", sum_insured="90000", repair_cost="95000", salvage="3000", new_vehicle_price="200000"
    )
    assert out["payable"] == "87000.00"
    assert any("new_vehicle_price" in w for w in out["warnings"])  # ignored under 2020, and said so


def test_2020_refuses_liability_deductible_rates():
    with pytest.raises(ValidationError) as info:
        calculate(
            {
                "method": "motor_damage",
                "clause": "2020",
                "sum_insured": "1000",
                "repair_cost": "10",
                "deductible_rates": ["0.2"],
            }
        )
    assert info.value.field == "deductible_rates"
    assert "2020" in str(info.value)


def test_2014_third_party_below_limit():
    # (300 000 − 20 000) × 0.7 = 196 000 < limit 200 000; × (1 − 0.15) = 166 600
    out = third_party(
        clause="2014",
        loss="300000",
        ctpl_paid="20000",
        liability_ratio="0.7",
        limit="200000",
        deductible_rates=["0.15"],
    )
    assert out["payable"] == "166600.00"
    assert out["parts"] == {"third_party": "166600.00"}


def test_2014_third_party_at_limit():
    # (500 000 − 0) × 1 = 500 000 ≥ 300 000 → 300 000 × (1 − 0.2) = 240 000
    out = third_party(clause="2014", loss="500000", limit="300000", deductible_rates=["0.2"])
    assert out["payable"] == "240000.00"
    assert "三者险赔款按每次事故责任限额封顶" in out["warnings"]


def test_2020_third_party():
    # (500 000 − 18 000) × 0.7 = 337 400 ≥ 300 000 → 300 000; no liability deductible rates
    assert (
        third_party(clause="2020", loss="500000", ctpl_paid="18000", liability_ratio="0.7", limit="300000")[
            "payable"
        ]
        == "300000.00"
    )
    # with the add-on 5 %: 300 000 × 0.95 = 285 000
    assert (
        third_party(
            clause="2020",
            loss="500000",
            ctpl_paid="18000",
            liability_ratio="0.7",
            limit="300000",
            absolute_deductible_rate="0.05",
        )["payable"]
        == "285000.00"
    )
