"""Bad input: every class of field is refused with a ValidationError naming it (message in Chinese)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backoffice.domain.calculation import calculate
from backoffice.domain.errors import ValidationError

PROPERTY = {"method": "property", "sum_insured": "1000", "loss": "500"}
CONTRIBUTION = {"method": "contribution", "loss": "100", "insurers": [{"name": "A", "sum_insured": "100"}]}
COINSURANCE = {"method": "coinsurance", "loss": "100", "insurers": [{"name": "A", "share": "1"}]}
CTPL = {
    "method": "ctpl",
    "regime": "2020",
    "vehicles": [{"id": "A", "liable": True}, {"id": "B", "liable": False}],
    "losses": [{"victim": "A", "category": "property", "amount": "100"}],
}
DAMAGE = {
    "method": "motor_damage",
    "clause": "2014",
    "sum_insured": "1000",
    "actual_value": "1000",
    "repair_cost": "100",
}
THIRD = {"method": "motor_third_party", "clause": "2014", "loss": "100", "limit": "1000"}
MEDICAL = {"method": "medical", "expenses": "100"}
BENEFIT = {"method": "benefit", "sum_insured": "100", "ratio": "0.5"}
LIABILITY = {"method": "liability", "claimants": [{"name": "甲", "amount": "100"}]}


def bad(base: dict, **changes) -> dict:
    data = {**base, **changes}
    return {k: v for k, v in data.items() if v is not ...}


CASES = [
    # method
    pytest.param({"loss": "1"}, "method", id="missing method"),
    pytest.param({"method": "guess"}, "method", id="unknown method"),
    pytest.param({"method": 3}, "method", id="method not text"),
    # unknown fields, top level and nested
    pytest.param(bad(PROPERTY, lose="1"), "lose", id="unknown field"),
    pytest.param(
        bad(CONTRIBUTION, insurers=[{"name": "A", "si": "1"}]), "insurers[0].si", id="unknown nested field"
    ),
    pytest.param(
        bad(PROPERTY, deductible={"type": "absolute", "amt": "1"}), "deductible.amt", id="unknown deductible"
    ),
    # missing, negative, float, bool, junk, too precise, too large amounts
    pytest.param(bad(PROPERTY, loss=...), "loss", id="missing amount"),
    pytest.param(bad(PROPERTY, loss="-1"), "loss", id="negative amount"),
    pytest.param(bad(PROPERTY, loss=1.5), "loss", id="float amount"),
    pytest.param(bad(PROPERTY, loss=True), "loss", id="bool amount"),
    pytest.param(bad(PROPERTY, loss="12元"), "loss", id="junk amount"),
    pytest.param(bad(PROPERTY, loss="1.001"), "loss", id="more than two decimals"),
    pytest.param(bad(PROPERTY, loss="1e20"), "loss", id="exponent in text"),
    pytest.param(bad(PROPERTY, loss=Decimal("1e20")), "loss", id="too large"),
    pytest.param(bad(BENEFIT, ratio=Decimal("1e-30")), "ratio", id="too many decimals"),
    pytest.param(bad(PROPERTY, sum_insured="0"), "sum_insured", id="zero sum insured"),
    pytest.param(bad(PROPERTY, insured_value="0"), "insured_value", id="zero insured value"),
    pytest.param(
        bad(CTPL, losses=[{"victim": "A", "category": "property", "amount": "-5"}]),
        "losses[0].amount",
        id="nested negative",
    ),
    # salvage above the loss
    pytest.param(bad(PROPERTY, salvage="501"), "salvage", id="salvage above loss"),
    pytest.param(bad(DAMAGE, salvage="101"), "salvage", id="motor salvage above repair"),
    pytest.param(bad(DAMAGE, total_loss=True, salvage="1001"), "salvage", id="motor salvage above value"),
    pytest.param(bad(DAMAGE, ctpl_received="101"), "ctpl_received", id="ctpl received above repair"),
    pytest.param(bad(THIRD, ctpl_paid="101"), "ctpl_paid", id="ctpl paid above loss"),
    pytest.param(
        bad(MEDICAL, social_insurance_paid="101"), "social_insurance_paid", id="social above expenses"
    ),
    pytest.param(
        bad(MEDICAL, social_insurance_paid="60", excluded="50"), "excluded", id="excluded above rest"
    ),
    # ratios outside [0, 1]
    pytest.param(bad(BENEFIT, ratio="1.5"), "ratio", id="ratio above 1"),
    pytest.param(bad(BENEFIT, ratio="-0.1"), "ratio", id="negative ratio"),
    pytest.param(bad(BENEFIT, ratio=15), "ratio", id="percent instead of ratio"),
    pytest.param(bad(DAMAGE, liability_ratio="1.2"), "liability_ratio", id="liability ratio"),
    pytest.param(
        bad(DAMAGE, deductible_rates=["0.2", "2"]), "deductible_rates[1]", id="deductible rate in list"
    ),
    pytest.param(bad(DAMAGE, deductible_rates="0.2"), "deductible_rates", id="deductible rates not a list"),
    pytest.param(
        bad(DAMAGE, deductible_rates=["0.6", "0.5"]), "deductible_rates", id="deductible rates above 1"
    ),
    pytest.param(
        bad(COINSURANCE, insurers=[{"name": "A", "share": "1.01"}]), "insurers[0].share", id="share above 1"
    ),
    pytest.param(
        bad(COINSURANCE, insurers=[{"name": "A", "share": "0.6"}, {"name": "B", "share": "0.5"}]),
        "insurers",
        id="shares add above 1",
    ),
    pytest.param(
        bad(PROPERTY, deductible={"type": "absolute", "rate": "1.1"}), "deductible.rate", id="deductible rate"
    ),
    pytest.param(
        bad(DAMAGE, monthly_depreciation_rate="0.01", months_used=3, actual_value=...),
        "months_used",
        id="depreciation without price",
    ),
    # grades
    pytest.param(bad(BENEFIT, ratio=..., disability_grade=0), "disability_grade", id="grade 0"),
    pytest.param(bad(BENEFIT, ratio=..., disability_grade=11), "disability_grade", id="grade 11"),
    pytest.param(bad(BENEFIT, ratio=..., disability_grade="3.5"), "disability_grade", id="grade 3.5"),
    pytest.param(bad(BENEFIT, disability_grade=3), "ratio", id="grade and ratio"),
    pytest.param(bad(BENEFIT, ratio=...), "ratio", id="no ratio nor grade"),
    # choices, booleans, names, lists
    pytest.param(bad(PROPERTY, basis="average"), "basis", id="unknown basis"),
    pytest.param(
        bad(PROPERTY, deductible={"type": "both", "amount": "1"}), "deductible.type", id="deductible type"
    ),
    pytest.param(
        bad(PROPERTY, deductible={"type": "absolute"}), "deductible.amount", id="deductible amount missing"
    ),
    pytest.param(
        bad(PROPERTY, deductible={"type": "absolute", "amount": "1", "rate": "0.1"}),
        "deductible.rate",
        id="amount and rate",
    ),
    pytest.param(
        bad(PROPERTY, basis="first_loss", insured_value="-5"), "insured_value", id="first loss bad value"
    ),
    pytest.param(bad(CONTRIBUTION, rule="alphabetical"), "rule", id="unknown rule"),
    pytest.param(bad(CONTRIBUTION, insurers=[]), "insurers", id="empty list"),
    pytest.param(bad(CONTRIBUTION, insurers={"name": "A"}), "insurers", id="not a list"),
    pytest.param(bad(CONTRIBUTION, insurers=["A"]), "insurers[0]", id="item not an object"),
    pytest.param(bad(CONTRIBUTION, insurers=[{"sum_insured": "1"}]), "insurers[0].name", id="missing name"),
    pytest.param(
        bad(CONTRIBUTION, insurers=[{"name": "A", "sum_insured": "1"}, {"name": "A", "sum_insured": "2"}]),
        "insurers[1].name",
        id="duplicate name",
    ),
    pytest.param(
        bad(CONTRIBUTION, insurers=[{"name": "A", "sum_insured": "0"}]), "insurers", id="all sums zero"
    ),
    pytest.param(bad(CTPL, regime="2016"), "regime", id="unknown regime"),
    pytest.param(bad(CTPL, regime=...), "regime", id="missing regime"),
    pytest.param(
        bad(CTPL, vehicles=[{"id": "A", "liable": "yes"}]), "vehicles[0].liable", id="liable not bool"
    ),
    pytest.param(bad(CTPL, vehicles=[{"id": "A"}]), "vehicles[0].liable", id="liable missing"),
    pytest.param(
        bad(CTPL, vehicles=[{"id": "A", "liable": True, "units": 3}]), "vehicles[0].units", id="units 3"
    ),
    pytest.param(
        bad(CTPL, vehicles=[{"id": "A", "liable": True}, {"id": "A", "liable": False}]),
        "vehicles[1].id",
        id="dup vehicle",
    ),
    pytest.param(
        bad(CTPL, vehicles=[{"id": "A->B", "liable": True}]), "vehicles[0].id", id="reserved characters"
    ),
    pytest.param(
        bad(CTPL, losses=[{"victim": "A", "category": "pain", "amount": "1"}]),
        "losses[0].category",
        id="category",
    ),
    pytest.param(bad(CTPL, no_fault_proxy="true"), "no_fault_proxy", id="proxy not bool"),
    pytest.param(bad(DAMAGE, clause="2016"), "clause", id="unknown clause"),
    pytest.param(bad(DAMAGE, total_loss="yes"), "total_loss", id="total loss not bool"),
    pytest.param(
        bad(DAMAGE, actual_value=..., repair_cost="5"), "actual_value", id="no value to judge total loss"
    ),
    pytest.param(
        bad(DAMAGE, months_used=5, new_vehicle_price_at_loss="9"),
        "new_vehicle_price_at_loss",
        id="both values",
    ),
    pytest.param(bad(DAMAGE, repair_cost=...), "repair_cost", id="missing repair cost"),
    pytest.param(
        bad(DAMAGE, absolute_deductible_rate="0.1"), "absolute_deductible_rate", id="add-on rate under 2014"
    ),
    pytest.param(
        bad(DAMAGE, clause="2020", deductible_rates=["0.15"]), "deductible_rates", id="2020 liability rates"
    ),
    pytest.param(
        bad(THIRD, clause="2020", deductible_rates=["0.15"]), "deductible_rates", id="2020 third party rates"
    ),
    pytest.param(bad(THIRD, limit=...), "limit", id="missing limit"),
    pytest.param(
        bad(
            DAMAGE,
            new_vehicle_price_at_loss="1000",
            months_used=-1,
            monthly_depreciation_rate="0.01",
            actual_value=...,
        ),
        "months_used",
        id="negative months",
    ),
    pytest.param(bad(MEDICAL, tiers=[{"name": "A", "amount": "1"}]), "expenses", id="tiers and expenses"),
    pytest.param(
        bad(MEDICAL, social_counts_toward_deductible=1),
        "social_counts_toward_deductible",
        id="setting not bool",
    ),
    pytest.param(
        {"method": "medical", "tiers": [{"name": "A", "amount": "1", "cap": "1"}]},
        "tiers[0].cap",
        id="unknown tier field",
    ),
    pytest.param(
        bad(LIABILITY, claimants=[{"name": "", "amount": "1"}]), "claimants[0].name", id="empty name"
    ),
    pytest.param(bad(LIABILITY, per_person_limit="-1"), "per_person_limit", id="negative limit"),
    pytest.param(bad(LIABILITY, deductible=Decimal("NaN")), "deductible", id="NaN"),
]


@pytest.mark.parametrize(("data", "field"), CASES)
def test_bad_input_names_the_field(data, field):
    with pytest.raises(ValidationError) as info:
        calculate(data)
    assert info.value.field == field
    message = str(info.value)
    assert f"字段 {field}：" in message
    assert message.isascii() is False  # Chinese


def test_input_that_is_not_an_object():
    with pytest.raises(ValidationError) as info:
        calculate(["property"])  # type: ignore[arg-type]
    assert info.value.field == "input"


def test_messages_never_repeat_a_name():
    # a claimant's name may be personal data: a message points at the field, never at the value
    data = bad(LIABILITY, claimants=[{"name": "王小明", "amount": "1"}, {"name": "王小明", "amount": "2"}])
    with pytest.raises(ValidationError) as info:
        calculate(data)
    assert "王小明" not in str(info.value)
