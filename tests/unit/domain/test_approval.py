from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.domain.approval import (
    DEFAULT_MATRIX,
    LEVELS,
    AuthorityLevel,
    AuthorityMatrix,
    LineOfBusiness,
    SignCheck,
    covering_level,
    may_sign,
    route,
    validate_matrix,
)
from backoffice.domain.errors import ValidationError

M, P, H, L = (
    LineOfBusiness.MOTOR,
    LineOfBusiness.PROPERTY,
    LineOfBusiness.HEALTH_ACCIDENT,
    LineOfBusiness.LIABILITY,
)

# DOMAIN.md §8
EXPECTED_LIMITS = {
    1: (10_000, 10_000, 5_000, 10_000),
    2: (50_000, 50_000, 30_000, 50_000),
    3: (200_000, 300_000, 100_000, 200_000),
    4: (1_000_000, 2_000_000, 500_000, 1_000_000),
    5: (None, None, None, None),
}


@pytest.mark.parametrize("level", LEVELS)
def test_default_matrix_limits(level):
    expected = tuple(None if value is None else Decimal(value) for value in EXPECTED_LIMITS[level])
    assert tuple(DEFAULT_MATRIX.limit(level, line) for line in (M, P, H, L)) == expected


def test_default_matrix_flags_and_titles():
    assert [level.can_deny for level in DEFAULT_MATRIX.levels] == [False, False, True, True, True]
    assert [level.can_ex_gratia for level in DEFAULT_MATRIX.levels] == [False, False, False, True, True]
    assert DEFAULT_MATRIX.level(1).title == "核赔员"
    assert DEFAULT_MATRIX.level(5).title == "总公司理赔部"


def test_matrix_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_MATRIX.levels = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_MATRIX.level(1).limits[M] = Decimal(1)  # type: ignore[index]
    assert hash(DEFAULT_MATRIX) == hash(dataclasses.replace(DEFAULT_MATRIX))
    assert dataclasses.replace(DEFAULT_MATRIX) == DEFAULT_MATRIX


@pytest.mark.parametrize(
    ("amount", "line", "kwargs", "expected"),
    [
        ("0", M, {}, (1,)),
        ("10000", M, {}, (1,)),
        ("10000.00", M, {}, (1,)),
        ("10000.01", M, {}, (1, 2)),
        ("5000.01", H, {}, (1, 2)),
        ("200000", M, {}, (1, 2, 3)),
        ("200000.01", M, {}, (1, 2, 3, 4)),
        ("300000", P, {}, (1, 2, 3)),
        ("300000", L, {}, (1, 2, 3, 4)),
        ("1000000.01", M, {}, (1, 2, 3, 4, 5)),
        ("1500000", P, {}, (1, 2, 3, 4)),
        ("99999999999", H, {}, (1, 2, 3, 4, 5)),
        ("100", M, {"denial": True}, (1, 2, 3)),  # denial needs the branch manager
        ("600000", M, {"denial": True}, (1, 2, 3, 4)),  # and still the amount's level
        ("100", P, {"ex_gratia": True}, (1, 2, 3, 4)),
        ("2000000.01", P, {"ex_gratia": True}, (1, 2, 3, 4, 5)),
        ("100", L, {"denial": True, "ex_gratia": True}, (1, 2, 3, 4)),
    ],
)
def test_route_examples(amount, line, kwargs, expected):
    assert route(Decimal(amount), line, DEFAULT_MATRIX, **kwargs) == expected


def test_route_accepts_line_as_string_and_default_matrix():
    assert route(Decimal("50000"), "health_accident") == (1, 2, 3)


@pytest.mark.parametrize("amount", [Decimal("-0.01"), Decimal("NaN"), Decimal("Infinity"), 100, 100.0])
def test_route_refuses_invalid_amounts(amount):
    with pytest.raises(ValidationError) as caught:
        route(amount, M)
    assert caught.value.field == "amount"


def _matrix(top_limit: Decimal | None = None, deny_from: int = 3, ex_gratia_from: int = 4) -> AuthorityMatrix:
    levels = []
    for number in LEVELS:
        limit = Decimal(10**number) if number < 5 else top_limit
        levels.append(
            AuthorityLevel(
                number,
                dict.fromkeys(LineOfBusiness, limit),
                can_deny=number >= deny_from,
                can_ex_gratia=number >= ex_gratia_from,
            )
        )
    return AuthorityMatrix(tuple(levels))


def test_route_refuses_amount_above_every_limit():
    capped = _matrix(top_limit=Decimal(1_000_000))
    assert route(Decimal(1_000_000), M, capped) == LEVELS
    with pytest.raises(ValidationError) as caught:
        route(Decimal("1000000.01"), M, capped)
    assert caught.value.field == "amount"
    assert "1,000,000.01" in str(caught.value)
    assert covering_level(Decimal("1000000.01"), M, capped) is None


def test_levels_are_sorted_on_construction():
    shuffled = AuthorityMatrix(tuple(reversed(DEFAULT_MATRIX.levels)))
    assert shuffled == DEFAULT_MATRIX


def _replace_level(number: int, **changes: object) -> tuple[AuthorityLevel, ...]:
    return tuple(
        dataclasses.replace(level, **changes) if level.level == number else level
        for level in DEFAULT_MATRIX.levels
    )


@pytest.mark.parametrize(
    ("levels", "fragment"),
    [
        (DEFAULT_MATRIX.levels[:4], "第1至第5级"),
        ((*DEFAULT_MATRIX.levels, dataclasses.replace(DEFAULT_MATRIX.level(5), level=6)), "第1至第5级"),
        (_replace_level(2, limits={M: Decimal(1), P: Decimal(1), H: Decimal(1), L: Decimal(1)}), "不能低于"),
        (  # unlimited level 4 below a limited level 5
            (
                *_replace_level(4, limits=dict.fromkeys(LineOfBusiness))[:4],
                dataclasses.replace(
                    DEFAULT_MATRIX.level(5), limits=dict.fromkeys(LineOfBusiness, Decimal(10**9))
                ),
            ),
            "不能低于",
        ),
        (_replace_level(1, limits={M: Decimal(1), P: Decimal(1), H: Decimal(1)}), "缺少"),
        (_replace_level(1, limits=dict.fromkeys(LineOfBusiness, Decimal(-1))), "无效"),
        (_replace_level(1, limits=dict.fromkeys(LineOfBusiness, Decimal("0.001"))), "无效"),
        (_replace_level(1, limits=dict.fromkeys(LineOfBusiness, Decimal("NaN"))), "无效"),
        (_replace_level(1, limits=dict.fromkeys(LineOfBusiness, 100)), "无效"),
        (tuple(dataclasses.replace(level, can_deny=False) for level in DEFAULT_MATRIX.levels), "拒赔"),
        (_replace_level(4, can_deny=False), "拒赔"),
        (_replace_level(5, can_ex_gratia=False), "通融赔付"),
    ],
)
def test_invalid_matrices(levels, fragment):
    with pytest.raises(ValidationError) as caught:
        AuthorityMatrix(levels)
    assert caught.value.field == "authority_matrix"
    assert fragment in str(caught.value)


def test_validate_matrix_accepts_valid_ones():
    validate_matrix(DEFAULT_MATRIX)
    validate_matrix(_matrix(top_limit=Decimal("1000000.50"), deny_from=1, ex_gratia_from=5))
    validate_matrix(_matrix(deny_from=5, ex_gratia_from=1))


# --- who may sign ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signer", "level", "previous", "required", "expected"),
    [
        ("carol", 2, [], 2, SignCheck.OK),
        ("carol", 3, [], 2, SignCheck.OK),  # a higher level may sign a lower step
        ("carol", 2, ["dave"], 2, SignCheck.OK),
        ("carol", None, [], 1, SignCheck.NOT_AN_APPROVER),
        ("alice", 5, [], 1, SignCheck.IS_HANDLER),
        ("bob", 5, [], 1, SignCheck.IS_CALCULATOR),
        ("carol", 5, ["dave", "carol"], 3, SignCheck.ALREADY_SIGNED),
        ("carol", 2, [], 3, SignCheck.LEVEL_TOO_LOW),
    ],
)
def test_may_sign(signer, level, previous, required, expected):
    allowed, reason = may_sign(
        signer,
        level,
        handler_id="alice",
        calculator_id="bob",
        previous_signer_ids=previous,
        required_level=required,
    )
    assert (allowed, reason) == (expected is SignCheck.OK, expected)


def test_may_sign_handler_who_calculated_is_reported_as_handler():
    result = may_sign(
        7, 5, handler_id=7, calculator_id=7, previous_signer_ids=(x for x in [7]), required_level=1
    )
    assert result == (False, "is_handler")
    assert may_sign(8, 1, handler_id=7, calculator_id=None, previous_signer_ids=(), required_level=1) == (
        True,
        "ok",
    )


# --- properties -----------------------------------------------------------------------------------

money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def matrices(draw: st.DrawFn) -> AuthorityMatrix:
    limits: dict[LineOfBusiness, list[Decimal | None]] = {}
    for line in LineOfBusiness:
        values: list[Decimal | None] = list(sorted(draw(st.lists(money, min_size=5, max_size=5))))
        unlimited_from = draw(st.integers(2, 6))  # 6: every level limited
        limits[line] = [None if number >= unlimited_from else values[number - 1] for number in LEVELS]
    deny_from = draw(st.integers(1, 5))
    ex_gratia_from = draw(st.integers(1, 5))
    return AuthorityMatrix(
        tuple(
            AuthorityLevel(
                number,
                {line: limits[line][number - 1] for line in LineOfBusiness},
                can_deny=number >= deny_from,
                can_ex_gratia=number >= ex_gratia_from,
            )
            for number in LEVELS
        )
    )


@st.composite
def amounts_near_limits(draw: st.DrawFn, matrix: AuthorityMatrix, line: LineOfBusiness) -> Decimal:
    limits = [level.limit(line) for level in matrix.levels if level.limit(line) is not None]
    if limits and draw(st.booleans()):
        return max(
            Decimal(0),
            draw(st.sampled_from(limits)) + draw(st.sampled_from([Decimal("-0.01"), 0, Decimal("0.01")])),
        )
    return draw(money)


@given(st.data(), matrices(), st.sampled_from(LineOfBusiness), st.booleans(), st.booleans())
def test_route_is_complete_minimal_and_covering(data, matrix, line, denial, ex_gratia):
    amount = data.draw(amounts_near_limits(matrix, line))
    covering = covering_level(amount, line, matrix)
    if covering is None:
        assert all(not level.covers(amount, line) for level in matrix.levels)
        with pytest.raises(ValidationError):
            route(amount, line, matrix, denial=denial, ex_gratia=ex_gratia)
        return
    levels = route(amount, line, matrix, denial=denial, ex_gratia=ex_gratia)
    top = levels[-1]
    assert levels == tuple(range(1, top + 1))  # complete: no gaps, from level 1
    final = matrix.level(top)
    limit = final.limit(line)
    assert limit is None or amount <= limit  # the final signer's limit covers the amount
    assert not denial or final.can_deny
    assert not ex_gratia or final.can_ex_gratia
    below = matrix.level(top - 1) if top > 1 else None
    if below is not None:  # minimal: the level below fails at least one requirement
        assert (
            not below.covers(amount, line)
            or (denial and not below.can_deny)
            or (ex_gratia and not below.can_ex_gratia)
        )
    if not denial and not ex_gratia:
        assert all(not matrix.level(number).covers(amount, line) for number in levels[:-1])


@given(matrices(), st.sampled_from(LineOfBusiness), money, money)
def test_route_is_monotone_in_the_amount(matrix, line, a, b):
    low, high = sorted((a, b))
    try:
        high_route = route(high, line, matrix)
    except ValidationError:
        return
    assert len(route(low, line, matrix)) <= len(high_route)
