"""Hypothesis properties of the engine: never negative, never over the limit, monotone, shares add up."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.domain.calculation import calculate
from backoffice.domain.calculation.ctpl import CATEGORIES, LIMITS


def yuan(max_yuan: int = 10_000_000, min_fen: int = 0) -> st.SearchStrategy[Decimal]:
    return st.integers(min_fen, max_yuan * 100).map(lambda fen: Decimal(fen).scaleb(-2))


def ratios() -> st.SearchStrategy[Decimal]:
    return st.integers(0, 10_000).map(lambda n: Decimal(n).scaleb(-4))


def fen_at_most(data: st.DataObject, limit: Decimal) -> Decimal:
    return Decimal(data.draw(st.integers(0, int(limit * 100)))).scaleb(-2)


def two_losses(data: st.DataObject, max_yuan: int = 10_000_000) -> tuple[Decimal, Decimal]:
    a, b = data.draw(yuan(max_yuan)), data.draw(yuan(max_yuan))
    return min(a, b), max(a, b)


# -- property --------------------------------------------------------------------------------------------

deductibles = st.one_of(
    st.none(),
    st.builds(lambda t, a: {"type": t, "amount": a}, st.sampled_from(["absolute", "relative"]), yuan(50_000)),
    st.builds(
        lambda t, r, b: {"type": t, "rate": r, "base": b},
        st.sampled_from(["absolute", "relative"]),
        ratios(),
        st.sampled_from(["loss", "sum_insured"]),
    ),
)


def property_input(data: st.DataObject, loss: Decimal) -> dict:
    item = {
        "method": "property",
        "sum_insured": data.draw(yuan(min_fen=1)),
        "loss": loss,
        "basis": data.draw(st.sampled_from(["proportional", "first_loss"])),
        "rescue_cost": data.draw(yuan(1_000_000)),
    }
    if item["basis"] == "proportional" and data.draw(st.booleans()):
        item["insured_value"] = data.draw(yuan(min_fen=1))
    deductible = data.draw(deductibles)
    if deductible is not None:
        item["deductible"] = deductible
    return item


@settings(deadline=None)
@given(st.data())
def test_property_bounds(data):
    item = property_input(data, data.draw(yuan()))
    item["salvage"] = fen_at_most(data, item["loss"])
    result = calculate(item)
    assert result.payable >= 0
    assert result.parts["loss"] <= item["sum_insured"]
    assert result.parts["rescue"] <= item["sum_insured"]  # capped separately (art. 57)
    assert result.parts["loss"] <= item["loss"] - item["salvage"]
    assert result.payable == result.parts["loss"] + result.parts["rescue"]


@settings(deadline=None)
@given(st.data())
def test_property_monotone_in_the_loss(data):
    low, high = two_losses(data)
    item = property_input(data, low)
    item["salvage"] = fen_at_most(data, low)
    assert calculate(item).payable <= calculate({**item, "loss": high}).payable


# -- contribution and co-insurance ---------------------------------------------------------------------


def insurers(data: st.DataObject, n_min: int = 1) -> list[dict]:
    count = data.draw(st.integers(n_min, 5))
    sums = [data.draw(yuan(1_000_000)) for _ in range(count)]
    if not any(sums):
        sums[0] = Decimal("1.00")
    return [{"name": f"保险人{i}", "sum_insured": s} for i, s in enumerate(sums)]


@settings(deadline=None)
@given(st.data(), st.sampled_from(["proportional", "limit", "order"]))
def test_contribution_shares_add_up_within_each_sum_insured(data, rule):
    people = insurers(data)
    loss = data.draw(yuan(3_000_000))
    result = calculate({"method": "contribution", "loss": loss, "insurers": people, "rule": rule})
    assert sum(result.shares.values()) == result.payable
    assert 0 <= result.payable <= loss
    for person in people:
        assert 0 <= result.shares[person["name"]] <= person["sum_insured"]
    assert result.payable == min(loss, sum(p["sum_insured"] for p in people))


@settings(deadline=None)
@given(st.data(), st.sampled_from(["proportional", "limit", "order"]))
def test_contribution_monotone_in_the_loss(data, rule):
    people = insurers(data)
    low, high = two_losses(data, 3_000_000)
    base = {"method": "contribution", "insurers": people, "rule": rule}
    assert calculate({**base, "loss": low}).payable <= calculate({**base, "loss": high}).payable


@settings(deadline=None)
@given(st.data())
def test_limit_rule_gives_equal_shares_when_every_sum_insured_covers_the_loss(data):
    loss = data.draw(yuan(1_000_000))
    count = data.draw(st.integers(1, 6))
    people = [
        {"name": f"P{i}", "sum_insured": loss + data.draw(yuan(100_000, min_fen=1))} for i in range(count)
    ]
    shares = calculate({"method": "contribution", "loss": loss, "insurers": people, "rule": "limit"}).shares
    assert max(shares.values()) - min(shares.values()) <= Decimal("0.01")  # equal, but for the last fen
    assert sum(shares.values()) == loss
    assert list(shares.values()) == sorted(shares.values(), reverse=True)  # spare fen go first in order


@settings(deadline=None)
@given(st.data())
def test_limit_rule_agrees_with_proportional_when_sums_insured_are_equal(data):
    loss = data.draw(yuan(3_000_000))
    si = data.draw(yuan(1_000_000, min_fen=1))
    people = [{"name": f"P{i}", "sum_insured": si} for i in range(data.draw(st.integers(1, 6)))]
    base = {"method": "contribution", "loss": loss, "insurers": people}
    limit = calculate({**base, "rule": "limit"})
    proportional = calculate({**base, "rule": "proportional"})
    assert limit.shares == proportional.shares
    assert limit.payable == proportional.payable


@settings(deadline=None)
@given(st.data())
def test_coinsurance_shares_add_up(data):
    count = data.draw(st.integers(1, 5))
    parts = [data.draw(st.integers(0, 10_000 // count)) for _ in range(count)]
    people = [{"name": f"C{i}", "share": Decimal(p).scaleb(-4)} for i, p in enumerate(parts)]
    loss = data.draw(yuan())
    result = calculate({"method": "coinsurance", "loss": loss, "insurers": people})
    assert sum(result.shares.values()) == result.payable <= loss


# -- CTPL ------------------------------------------------------------------------------------------------


def ctpl_input(data: st.DataObject) -> dict:
    count = data.draw(st.integers(1, 4))
    vehicles = [
        {"id": f"V{i}", "liable": data.draw(st.booleans()), "units": data.draw(st.sampled_from([1, 1, 2]))}
        for i in range(count)
    ]
    victims = [v["id"] for v in vehicles] + ["行人", "路政"]
    losses = [
        {
            "victim": data.draw(st.sampled_from(victims)),
            "category": data.draw(st.sampled_from(CATEGORIES)),
            "amount": data.draw(yuan(400_000)),
        }
        for _ in range(data.draw(st.integers(1, 6)))
    ]
    return {
        "method": "ctpl",
        "regime": data.draw(st.sampled_from(["2020", "2008"])),
        "vehicles": vehicles,
        "losses": losses,
        "no_fault_proxy": data.draw(st.booleans()),
    }


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_ctpl_within_limits_and_losses_and_adding_up(data):
    item = ctpl_input(data)
    result = calculate(item)
    vehicles = {v["id"]: v for v in item["vehicles"]}
    assert sum(result.shares.values()) == result.payable == sum(result.parts.values())
    paid_by: dict[tuple[str, str, bool], Decimal] = {}
    received: dict[tuple[str, str], Decimal] = {}
    for key, value in result.shares.items():
        assert value > 0
        payer, rest = key.split("->")
        victim, category = rest.rsplit("/", 1)
        proxy = payer == victim
        paid_by[(payer, category, proxy)] = paid_by.get((payer, category, proxy), Decimal(0)) + value
        received[(victim, category)] = received.get((victim, category), Decimal(0)) + value
    for (payer, category, proxy), total in paid_by.items():
        vehicle = vehicles[payer]
        liable = False if proxy else vehicle["liable"]
        assert total <= LIMITS[item["regime"]][liable][category] * vehicle["units"]
        if proxy:
            assert item["no_fault_proxy"] and category == "property"
    for (victim, category), total in received.items():
        claimed = sum(
            x["amount"] for x in item["losses"] if (x["victim"], x["category"]) == (victim, category)
        )
        assert total <= claimed


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_ctpl_monotone_in_a_loss(data):
    item = ctpl_input(data)
    index = data.draw(st.integers(0, len(item["losses"]) - 1))
    more = [dict(x) for x in item["losses"]]
    more[index]["amount"] += data.draw(yuan(100_000))
    assert calculate(item).payable <= calculate({**item, "losses": more}).payable


# -- motor -----------------------------------------------------------------------------------------------


def motor_input(data: st.DataObject, repair: Decimal) -> dict:
    clause = data.draw(st.sampled_from(["2014", "2020"]))
    si = data.draw(yuan(500_000, min_fen=100))
    item = {
        "method": "motor_damage",
        "clause": clause,
        "sum_insured": si,
        "repair_cost": repair,
        "liability_ratio": data.draw(ratios()),
        "absolute_deductible": data.draw(yuan(2_000)),
        "rescue_cost": data.draw(yuan(800_000)),
        "cargo_value": data.draw(yuan(100_000)),
    }
    if clause == "2014":
        value = data.draw(yuan(500_000, min_fen=100))
        item["actual_value"] = value
        item["new_vehicle_price"] = value + data.draw(yuan(300_000))  # never below the actual value
        rates = data.draw(st.lists(st.integers(0, 30), max_size=3))
        item["deductible_rates"] = [Decimal(r).scaleb(-2) for r in rates]
    else:
        value = si
        item["absolute_deductible_rate"] = data.draw(st.sampled_from(["0", "0.05", "0.1", "0.15", "0.2"]))
    return item, value


@settings(deadline=None)
@given(st.data())
def test_motor_damage_bounds(data):
    item, value = motor_input(data, data.draw(yuan(800_000)))
    item["salvage"] = fen_at_most(data, min(item["repair_cost"], value))
    item["ctpl_received"] = fen_at_most(data, min(item["repair_cost"], value))
    result = calculate(item)
    assert 0 <= result.parts["damage"] <= item["sum_insured"]
    assert 0 <= result.parts["rescue"] <= item["sum_insured"]  # capped separately
    assert result.payable == result.parts["damage"] + result.parts["rescue"]


@settings(deadline=None)
@given(st.data())
def test_motor_damage_monotone_in_the_repair_cost(data):
    low, high = two_losses(data, 800_000)
    item, value = motor_input(data, low)
    item["salvage"] = fen_at_most(data, min(low, value))
    item["ctpl_received"] = fen_at_most(data, min(low, value))
    assert calculate(item).payable <= calculate({**item, "repair_cost": high}).payable


@settings(deadline=None)
@given(st.data(), st.sampled_from(["2014", "2020"]))
def test_motor_third_party_bounds_and_monotone(data, clause):
    low, high = two_losses(data, 3_000_000)
    item = {
        "method": "motor_third_party",
        "clause": clause,
        "loss": low,
        "ctpl_paid": fen_at_most(data, low),
        "liability_ratio": data.draw(ratios()),
        "limit": data.draw(yuan(2_000_000)),
    }
    if clause == "2014":
        item["deductible_rates"] = [
            Decimal(r).scaleb(-2) for r in data.draw(st.lists(st.integers(0, 30), max_size=3))
        ]
    result = calculate(item)
    assert 0 <= result.payable <= item["limit"]
    assert result.payable <= calculate({**item, "loss": high}).payable


# -- medical, benefit, liability -------------------------------------------------------------------------


@settings(deadline=None)
@given(st.data())
def test_medical_bounds_and_monotone(data):
    low, high = two_losses(data, 1_000_000)
    social = fen_at_most(data, low)
    item = {
        "method": "medical",
        "expenses": low,
        "social_insurance_paid": social,
        "excluded": fen_at_most(data, low - social),
        "deductible": data.draw(yuan(10_000)),
        "ratio": data.draw(ratios()),
        "limit": data.draw(yuan(500_000)),
        "social_counts_toward_deductible": data.draw(st.booleans()),
    }
    result = calculate(item)
    assert 0 <= result.payable <= min(item["limit"], low)
    assert result.payable <= calculate({**item, "expenses": high}).payable


@settings(deadline=None)
@given(st.data())
def test_medical_tiers_within_limits(data):
    tiers = [
        {
            "name": f"T{i}",
            "amount": data.draw(yuan(100_000)),
            "ratio": data.draw(ratios()),
            "limit": data.draw(yuan(50_000)),
        }
        for i in range(data.draw(st.integers(1, 4)))
    ]
    overall = data.draw(yuan(120_000))
    result = calculate({"method": "medical", "tiers": tiers, "limit": overall})
    assert sum(result.parts.values()) == result.payable <= overall
    for tier in tiers:
        assert 0 <= result.parts[tier["name"]] <= tier["limit"]


@settings(deadline=None)
@given(
    yuan(),
    st.one_of(
        st.integers(1, 10).map(lambda g: {"disability_grade": g}), ratios().map(lambda r: {"ratio": r})
    ),
)
def test_benefit_never_above_the_sum_insured(si, how):
    result = calculate({"method": "benefit", "sum_insured": si, **how})
    assert 0 <= result.payable <= si


@settings(deadline=None)
@given(st.data())
def test_liability_bounds_shares_and_monotone(data):
    count = data.draw(st.integers(1, 5))
    claimants = [{"name": f"索赔人{i}", "amount": data.draw(yuan(1_000_000))} for i in range(count)]
    item = {"method": "liability", "claimants": claimants, "deductible": data.draw(yuan(5_000))}
    for key in ("per_person_limit", "per_accident_limit", "aggregate_remaining"):
        if data.draw(st.booleans()):
            item[key] = data.draw(yuan(2_000_000))
    result = calculate(item)
    assert sum(result.shares.values()) == result.payable
    assert result.payable <= sum(c["amount"] for c in claimants)
    for key in ("per_accident_limit", "aggregate_remaining"):
        if key in item:
            assert result.payable <= item[key]
    for c in claimants:
        assert 0 <= result.shares[c["name"]] <= min(c["amount"], item.get("per_person_limit", c["amount"]))
    index = data.draw(st.integers(0, count - 1))
    more = [dict(c) for c in claimants]
    more[index]["amount"] += data.draw(yuan(100_000))
    assert result.payable <= calculate({**item, "claimants": more}).payable
