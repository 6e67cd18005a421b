"""Controlled rounding of a table of shares (payers × victims) to the fen.

Rounding every cell half-up would let a payer's row overshoot its limit, or a victim's column its
loss, by a fen or two. Here every cell is rounded down or up, every row and column total is its exact
total rounded down or up (so a total that is a whole number of fen, such as a limit that was reached, is
kept exactly), and the grand total is the exact grand total rounded half-up. Such a rounding always
exists (Bacharach 1966); it is found as an integral flow with lower bounds on a small network.
Cells with the larger remainders are tried first, so the result is deterministic.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from backoffice.domain.money import exact, fen_to_yuan, round_half_up, yuan_to_fen

Node = tuple[str, Hashable]
Row = TypeVar("Row", bound=Hashable)
Col = TypeVar("Col", bound=Hashable)


def round_table(cells: Mapping[tuple[Row, Col], Fraction]) -> dict[tuple[Row, Col], Decimal]:
    """Round ``{(row, column): amount}`` to fen keeping row, column and grand totals consistent."""
    fen = {key: exact(value) * 100 for key, value in cells.items()}
    if any(v < 0 for v in fen.values()):
        raise ValueError("amounts must not be negative")
    floors = {key: v.numerator // v.denominator for key, v in fen.items()}
    rest = {key: fen[key] - floors[key] for key in fen}
    fractional = sorted((k for k in rest if rest[k] > 0), key=lambda k: -rest[k])
    if not fractional:
        return {key: fen_to_yuan(floors[key]) for key in cells}

    rows: dict[Row, Fraction] = {}
    cols: dict[Col, Fraction] = {}
    for row, col in fractional:
        rows[row] = rows.get(row, Fraction(0)) + rest[(row, col)]
        cols[col] = cols.get(col, Fraction(0)) + rest[(row, col)]
    ups = yuan_to_fen(round_half_up(sum(rest.values(), Fraction(0)) / 100))

    net = _Network()
    source, sink = ("s", 0), ("t", 0)
    for row_key, row_total in rows.items():
        net.bounded(source, ("r", row_key), _floor(row_total), _ceil(row_total))
    for row, col in fractional:
        net.bounded(("r", row), ("c", col), 0, 1)
    for col_key, col_total in cols.items():
        net.bounded(("c", col_key), sink, _floor(col_total), _ceil(col_total))
    net.bounded(sink, source, ups, ups)
    if not net.feasible():  # pragma: no cover - cannot happen (the exact shares are a solution)
        raise ArithmeticError("no consistent rounding found")
    result: dict[tuple[Row, Col], Decimal] = {}
    for key in cells:
        up = rest[key] > 0 and net.flow(("r", key[0]), ("c", key[1])) == 1
        result[key] = fen_to_yuan(floors[key] + (1 if up else 0))
    return result


def _floor(value: Fraction) -> int:
    return value.numerator // value.denominator


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)


class _Network:
    """A circulation with lower bounds, solved as a max flow from a super source (Edmonds–Karp).

    The network has no pair of opposite edges, so the flow on an edge is its lower bound plus the
    capacity it has used.
    """

    _SOURCE: Node = ("S", 0)
    _SINK: Node = ("T", 0)

    def __init__(self) -> None:
        self.capacity: dict[Node, dict[Node, int]] = {self._SOURCE: {}, self._SINK: {}}
        self.initial: dict[Node, dict[Node, int]] = {}
        self.lower: dict[tuple[Node, Node], int] = {}
        self.balance: dict[Node, int] = {}

    def _edge(self, u: Node, v: Node, cap: int) -> None:
        self.capacity.setdefault(u, {}).setdefault(v, 0)
        self.capacity.setdefault(v, {}).setdefault(u, 0)
        self.capacity[u][v] += cap

    def bounded(self, u: Node, v: Node, low: int, high: int) -> None:
        """An edge carrying between ``low`` and ``high`` units."""
        self._edge(u, v, high - low)
        self.lower[(u, v)] = low
        self.balance[v] = self.balance.get(v, 0) + low
        self.balance[u] = self.balance.get(u, 0) - low

    def feasible(self) -> bool:
        need = 0
        for node, amount in self.balance.items():
            if amount > 0:
                self._edge(self._SOURCE, node, amount)
                need += amount
            elif amount < 0:
                self._edge(node, self._SINK, -amount)
        self.initial = {u: dict(edges) for u, edges in self.capacity.items()}
        return self._max_flow() == need

    def _max_flow(self) -> int:
        total = 0
        while True:
            parent: dict[Node, Node] = {self._SOURCE: self._SOURCE}
            queue = deque([self._SOURCE])
            while queue and self._SINK not in parent:
                u = queue.popleft()
                for v, cap in self.capacity[u].items():
                    if cap > 0 and v not in parent:
                        parent[v] = u
                        queue.append(v)
            if self._SINK not in parent:
                return total
            path = []
            v = self._SINK
            while v != self._SOURCE:
                path.append((parent[v], v))
                v = parent[v]
            push = min(self.capacity[u][v] for u, v in path)
            for u, v in path:
                self.capacity[u][v] -= push
                self.capacity[v][u] += push
            total += push

    def flow(self, u: Node, v: Node) -> int:
        """Flow on the edge u → v."""
        return self.lower.get((u, v), 0) + self.initial[u][v] - self.capacity[u][v]
