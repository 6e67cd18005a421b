"""Approval authority (核赔权限): the matrix, the route (逐级审批) and who may sign.

The route of a case is every level from 1 up to the lowest level whose limit for the case's line of
business covers the amount; a denial needs at least the lowest level with denial authority, an ex-gratia
payment the lowest with ex-gratia authority. Each level is signed by a different person who is neither
the handler nor the calculator, at that level or above.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from backoffice.domain.errors import ValidationError

LEVELS: Final = (1, 2, 3, 4, 5)
TOP_LEVEL: Final = LEVELS[-1]


class LineOfBusiness(StrEnum):
    MOTOR = "motor"
    PROPERTY = "property"
    HEALTH_ACCIDENT = "health_accident"
    LIABILITY = "liability"


@dataclass(frozen=True, slots=True)
class AuthorityLevel:
    """One level's authority: a limit per line (CNY per case, ``None`` = unlimited) and two flags."""

    level: int
    limits: Mapping[LineOfBusiness, Decimal | None]
    can_deny: bool = False
    can_ex_gratia: bool = False
    title: str = ""

    def __post_init__(self) -> None:
        frozen = {LineOfBusiness(line): limit for line, limit in self.limits.items()}
        object.__setattr__(self, "limits", MappingProxyType(frozen))

    def __hash__(self) -> int:
        return hash((self.level, tuple(sorted(self.limits.items())), self.can_deny, self.can_ex_gratia))

    def limit(self, line: LineOfBusiness) -> Decimal | None:
        return self.limits[LineOfBusiness(line)]

    def covers(self, amount: Decimal, line: LineOfBusiness) -> bool:
        limit = self.limit(line)
        return limit is None or amount <= limit


@dataclass(frozen=True, slots=True)
class AuthorityMatrix:
    """Levels 1-5 in order; checked on construction (see :func:`validate_matrix`)."""

    levels: tuple[AuthorityLevel, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "levels", tuple(sorted(self.levels, key=lambda level: level.level)))
        validate_matrix(self)

    def level(self, number: int) -> AuthorityLevel:
        return self.levels[number - 1]

    def limit(self, level: int, line: LineOfBusiness) -> Decimal | None:
        return self.level(level).limit(line)


def validate_matrix(matrix: AuthorityMatrix) -> None:
    """Raise ValidationError unless: levels are exactly 1-5; every level has a limit (or None) for every
    line; limits are non-negative amounts in yuan with at most two decimals and non-decreasing by level
    (after an unlimited level only unlimited ones); denial and ex-gratia authority, once given, continue
    upwards and some level has each."""
    field = "authority_matrix"
    if tuple(level.level for level in matrix.levels) != LEVELS:
        raise ValidationError(field, "权限表必须依次包含第1至第{top}级", top=TOP_LEVEL)
    for line in LineOfBusiness:
        previous: Decimal | None = Decimal(0)
        for level in matrix.levels:
            if line not in level.limits:
                raise ValidationError(
                    field, "第{level}级缺少险类{line}的权限金额", level=level.level, line=line
                )
            limit = level.limits[line]
            if limit is not None and not _is_amount(limit):
                raise ValidationError(
                    field, "第{level}级险类{line}的权限金额无效", level=level.level, line=line
                )
            if limit is not None and (previous is None or limit < previous):
                raise ValidationError(
                    field, "第{level}级险类{line}的权限不能低于下一级", level=level.level, line=line
                )
            previous = limit
    for flag, label in (("can_deny", "拒赔"), ("can_ex_gratia", "通融赔付")):
        granted = [getattr(level, flag) for level in matrix.levels]
        if not any(granted):
            raise ValidationError(field, "权限表中没有任何一级具有{authority}权限", authority=label)
        first = granted.index(True)
        if not all(granted[first:]):
            raise ValidationError(field, "{authority}权限授予某一级后，更高各级也应具有", authority=label)


def _is_amount(value: Decimal) -> bool:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        return False
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2


def _lines(motor: int, property_: int, health: int, liability: int) -> dict[LineOfBusiness, Decimal | None]:
    amounts = (motor, property_, health, liability)
    return {line: Decimal(amount) for line, amount in zip(LineOfBusiness, amounts, strict=True)}


#: DOMAIN.md §8. Level 5 (head office) is unlimited.
DEFAULT_MATRIX: Final = AuthorityMatrix(
    (
        AuthorityLevel(1, _lines(10_000, 10_000, 5_000, 10_000), title="核赔员"),
        AuthorityLevel(2, _lines(50_000, 50_000, 30_000, 50_000), title="核赔主管"),
        AuthorityLevel(
            3, _lines(200_000, 300_000, 100_000, 200_000), can_deny=True, title="分公司理赔部经理"
        ),
        AuthorityLevel(
            4,
            _lines(1_000_000, 2_000_000, 500_000, 1_000_000),
            can_deny=True,
            can_ex_gratia=True,
            title="分公司分管副总",
        ),
        AuthorityLevel(
            5, dict.fromkeys(LineOfBusiness), can_deny=True, can_ex_gratia=True, title="总公司理赔部"
        ),
    )
)


def covering_level(amount: Decimal, line: LineOfBusiness, matrix: AuthorityMatrix) -> int | None:
    """The lowest level whose limit for ``line`` covers ``amount``; None if no level does."""
    for level in matrix.levels:
        if level.covers(amount, line):
            return level.level
    return None


def route(
    amount: Decimal,
    line: LineOfBusiness,
    matrix: AuthorityMatrix = DEFAULT_MATRIX,
    *,
    denial: bool = False,
    ex_gratia: bool = False,
) -> tuple[int, ...]:
    """Every level from 1 up to the lowest that covers the amount (and, for a denial or an ex-gratia
    payment, at least the lowest level holding that authority)."""
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0:
        raise ValidationError("amount", "审批金额必须是不小于0的有效金额")
    top = covering_level(amount, LineOfBusiness(line), matrix)
    if top is None:
        raise ValidationError(
            "amount", "金额{amount}元超出所有审批层级的权限，请联系管理员调整权限表", amount=f"{amount:,.2f}"
        )
    if denial:
        top = max(top, next(level.level for level in matrix.levels if level.can_deny))
    if ex_gratia:
        top = max(top, next(level.level for level in matrix.levels if level.can_ex_gratia))
    return tuple(range(1, top + 1))


class SignCheck(StrEnum):
    """Reason codes of :func:`may_sign`."""

    OK = "ok"
    NOT_AN_APPROVER = "not_an_approver"
    IS_HANDLER = "is_handler"
    IS_CALCULATOR = "is_calculator"
    ALREADY_SIGNED = "already_signed"
    LEVEL_TOO_LOW = "level_too_low"


def may_sign(
    signer_id: Hashable,
    level_of_signer: int | None,
    *,
    handler_id: Hashable | None,
    calculator_id: Hashable | None,
    previous_signer_ids: Iterable[Hashable],
    required_level: int,
) -> tuple[bool, SignCheck]:
    """Whether ``signer_id`` may sign the step at ``required_level`` of a case, and the reason code.

    Refused, in this order: no approval level; the case's handler; its calculator; anyone who already
    signed on the case (since the chain last restarted); a level below the step's.
    """
    if level_of_signer is None:
        return False, SignCheck.NOT_AN_APPROVER
    if signer_id == handler_id:
        return False, SignCheck.IS_HANDLER
    if signer_id == calculator_id:
        return False, SignCheck.IS_CALCULATOR
    if signer_id in set(previous_signer_ids):
        return False, SignCheck.ALREADY_SIGNED
    if level_of_signer < required_level:
        return False, SignCheck.LEVEL_TOO_LOW
    return True, SignCheck.OK
