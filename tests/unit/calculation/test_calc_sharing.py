"""Duplicate insurance (contribution) and co-insurance, hand-computed."""

from __future__ import annotations

from decimal import Decimal

from backoffice.domain.calculation import calculate, to_json_dict

A_B = [{"name": "甲保险公司", "sum_insured": "100000"}, {"name": "乙保险公司", "sum_insured": "200000"}]


def run(method, **data):
    return to_json_dict(calculate({"method": method, **data}))


def test_proportional_is_the_default():
    # ΣSI = 300 000 ≥ loss 120 000; 甲 = 120 000 × 100/300 = 40 000; 乙 = 120 000 × 200/300 = 80 000
    out = run("contribution", loss="120000", insurers=A_B)
    assert out["shares"] == {"甲保险公司": "40000.00", "乙保险公司": "80000.00"}
    assert out["payable"] == "120000.00"
    assert out["parts"] == {"loss": "120000.00"}


def test_limit_rule():
    # L甲 = min(120 000, 100 000) = 100 000; L乙 = min(120 000, 200 000) = 120 000; ΣL = 220 000
    # 甲 = 120 000 × 100/220 = 54 545.4545… ; 乙 = 120 000 × 120/220 = 65 454.5454…
    # largest remainder in fen: floors 5 454 545 + 6 545 454 = 11 999 999, one fen to 乙 (0.54 > 0.45)
    out = run("contribution", loss="120000", insurers=A_B, rule="limit")
    assert out["shares"] == {"甲保险公司": "54545.45", "乙保险公司": "65454.55"}
    assert out["payable"] == "120000.00"


def test_order_rule():
    # in policy order: 甲 pays min(120 000, 100 000) = 100 000; 乙 pays min(20 000, 200 000) = 20 000
    out = run("contribution", loss="120000", insurers=A_B, rule="order")
    assert out["shares"] == {"甲保险公司": "100000.00", "乙保险公司": "20000.00"}


def test_loss_above_all_sums_insured():
    # total = min(400 000, 300 000) = 300 000 → 甲 100 000, 乙 200 000, and a warning
    out = run("contribution", loss="400000", insurers=A_B)
    assert out["payable"] == "300000.00"
    assert out["shares"] == {"甲保险公司": "100000.00", "乙保险公司": "200000.00"}
    assert out["warnings"]


def test_limit_rule_ties_broken_by_order():
    # all SI ≥ loss → equal limits; 100.00 ÷ 3 = 33.333… → the spare fen to the first insurer
    insurers = [{"name": n, "sum_insured": "1000"} for n in ("A", "B", "C")]
    out = run("contribution", loss="100", insurers=insurers, rule="limit")
    assert out["shares"] == {"A": "33.34", "B": "33.33", "C": "33.33"}


def test_coinsurance_by_agreed_shares():
    # 10 000.01 × 1 = 1 000 001 fen; quotas 500 000.5 / 300 000.3 / 200 000.2 → floors sum 1 000 000,
    # the spare fen to the largest remainder (0.5, the lead insurer)
    insurers = [
        {"name": "主承保", "share": "0.5"},
        {"name": "共保一", "share": "0.3"},
        {"name": "共保二", "share": Decimal("0.2")},
    ]
    out = run("coinsurance", loss="10000.01", insurers=insurers)
    assert out["payable"] == "10000.01"
    assert out["shares"] == {"主承保": "5000.01", "共保一": "3000.00", "共保二": "2000.00"}


def test_coinsurance_shares_below_one_warn():
    # 1 000 × 0.4 = 400; the other 60 % is nobody's here
    out = run("coinsurance", loss="1000", insurers=[{"name": "本公司", "share": "0.4"}])
    assert out["payable"] == "400.00"
    assert out["shares"] == {"本公司": "400.00"}
    assert out["warnings"]
