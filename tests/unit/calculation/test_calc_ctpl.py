"""CTPL (交强险) sharing by sub-limit, hand-computed (DOMAIN.md §9)."""

from __future__ import annotations

from backoffice.domain.calculation import calculate, to_json_dict


def run(**data):
    return to_json_dict(calculate({"method": "ctpl", **data}))


def test_pedestrian_medical_shared_by_sub_limit_not_by_liability():
    # 2020: A liable → medical 18 000; B not liable → 1 800; Σ = 19 800
    # A = 10 000 × 18 000 / 19 800 = 9 090.9090… → 9 090.91; B = 10 000 × 1 800 / 19 800 = 909.0909… → 909.09
    out = run(
        regime="2020",
        vehicles=[{"id": "A", "liable": True}, {"id": "B", "liable": False}],
        losses=[{"victim": "行人甲", "category": "medical", "amount": "10000"}],
    )
    assert out["shares"] == {"A->行人甲/medical": "9090.91", "B->行人甲/medical": "909.09"}
    assert out["parts"] == {"A": "9090.91", "B": "909.09"}
    assert out["payable"] == "10000.00"


def test_scaled_down_at_the_limit_and_reallocated():
    # 2020, A, B, C all liable: property sub-limit 2 000 each.
    # Losses: A's car 3 000 (paid by B, C), B's car 3 000 (by A, C), 路政 guard rail 600 (by A, B, C).
    # Round 1: A-car: B 1 500, C 1 500; B-car: A 1 500, C 1 500; 路政: 200 each.
    #   totals A 1 700, B 1 700, C 3 200 > 2 000 → C × 0.625: A-car 937.50, B-car 937.50, 路政 125.
    #   left: A-car 562.50, B-car 562.50, 路政 75; limits left A 300, B 300, C 0.
    # Round 2 (C exhausted): A-car: B 562.50; B-car: A 562.50; 路政: A 37.50, B 37.50.
    #   totals A 600 > 300, B 600 > 300 → × 0.5: B→A-car 281.25, A→B-car 281.25, 路政 18.75 each.
    # Final: A→B 1 781.25, A→路政 218.75 (A = 2 000); B→A 1 781.25, B→路政 218.75 (B = 2 000);
    #   C→A 937.50, C→B 937.50, C→路政 125 (C = 2 000); payable 6 000; unpaid 281.25, 281.25, 37.50.
    out = run(
        regime="2020",
        vehicles=[{"id": v, "liable": True} for v in "ABC"],
        losses=[
            {"victim": "A", "category": "property", "amount": "3000"},
            {"victim": "B", "category": "property", "amount": "3000"},
            {"victim": "路政", "category": "property", "amount": "600"},
        ],
    )
    assert out["shares"] == {
        "B->A/property": "1781.25",
        "C->A/property": "937.50",
        "A->B/property": "1781.25",
        "C->B/property": "937.50",
        "A->路政/property": "218.75",
        "B->路政/property": "218.75",
        "C->路政/property": "125.00",
    }
    assert out["parts"] == {"A": "2000.00", "B": "2000.00", "C": "2000.00"}
    assert out["payable"] == "6000.00"
    assert any(s["label"] == "C 财产损失限额封顶" for s in out["steps"])
    assert any("281.25" in w for w in out["warnings"])


def test_tractor_with_trailer_doubles_the_limits_2008():
    # 2008: T liable, units 2 → medical 10 000 × 2 = 20 000, death/disability 110 000 × 2 = 220 000;
    #       K not liable → medical 1 000, death/disability 11 000.
    # medical 12 000: T = 12 000 × 20 000 / 21 000 = 11 428.5714… → 11 428.57; K = 571.4285… → 571.43
    # death/disability 150 000: T = 150 000 × 220 / 231 = 142 857.1428… → 142 857.14;
    #   K = 150 000 × 11 / 231 = 7 142.8571… → 7 142.86
    out = run(
        regime="2008",
        vehicles=[{"id": "T", "liable": True, "units": 2}, {"id": "K", "liable": False}],
        losses=[
            {"victim": "行人乙", "category": "medical", "amount": "12000"},
            {"victim": "行人乙", "category": "death_disability", "amount": "150000"},
        ],
    )
    assert out["shares"]["T->行人乙/medical"] == "11428.57"
    assert out["shares"]["K->行人乙/medical"] == "571.43"
    assert out["shares"]["T->行人乙/death_disability"] == "142857.14"
    assert out["shares"]["K->行人乙/death_disability"] == "7142.86"
    assert out["payable"] == "162000.00"
    assert out["parts"] == {"T": "154285.71", "K": "7714.29"}


def test_no_fault_proxy():
    # 2020: A liable, B not liable. A's car 1 500 paid by B (limit 100) → 100; B's car 800 paid by A → 800.
    # Without proxy: B→A 100, A→B 800. With 无责代赔 A's insurer pays B's 100 within A's own
    # non-liable property limit (100): A→A 100, B pays nothing.
    data = {
        "regime": "2020",
        "vehicles": [{"id": "A", "liable": True}, {"id": "B", "liable": False}],
        "losses": [
            {"victim": "A", "category": "property", "amount": "1500"},
            {"victim": "B", "category": "property", "amount": "800"},
        ],
    }
    plain = run(**data)
    assert plain["shares"] == {"B->A/property": "100.00", "A->B/property": "800.00"}
    assert plain["parts"] == {"A": "800.00", "B": "100.00"}
    proxy = run(**data, no_fault_proxy=True)
    assert proxy["shares"] == {"A->A/property": "100.00", "A->B/property": "800.00"}
    assert proxy["parts"] == {"A": "900.00", "B": "0.00"}
    assert proxy["payable"] == plain["payable"] == "900.00"
    assert any("无责代赔" in w for w in proxy["warnings"])


def test_repeated_losses_add_up_and_a_lone_vehicle_pays_nobody_itself():
    # A single vehicle: its own loss has no other vehicle to pay it; the pedestrian's 300 + 200 = 500.
    out = run(
        regime=2020,
        vehicles=[{"id": "A", "liable": True}],
        losses=[
            {"victim": "A", "category": "property", "amount": "900"},
            {"victim": "行人丙", "category": "medical", "amount": "300"},
            {"victim": "行人丙", "category": "medical", "amount": "200"},
        ],
    )
    assert out["shares"] == {"A->行人丙/medical": "500.00"}
    assert any("没有其他机动车" in w for w in out["warnings"])
