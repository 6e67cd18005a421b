"""Timing helpers and the report: medians, min–max, ratios against a baseline measured in the same run,
targets met or missed, a table at the end and the same results as JSON."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Timing:
    name: str
    samples_ms: tuple[float, ...]
    cpu_ms: tuple[float, ...] = ()  # this process's CPU time per call: less distorted by other load

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    def line(self, baseline: Timing | None = None) -> str:
        text = (
            f"{self.name:<48} median {self.median:9.3f} ms   min {min(self.samples_ms):8.3f}   "
            f"max {max(self.samples_ms):8.3f}   n={len(self.samples_ms)}"
        )
        if baseline is not None:
            text += f"   ratio {self.median / baseline.median:6.2f}× vs {baseline.name}"
        return text


def measure(name: str, calls: Sequence[Callable[[], object]], *, warmup: int = 5) -> Timing:
    """Time each call once (after a few warm-up calls), in milliseconds."""
    for call in calls[:warmup]:
        call()
    samples, cpu = [], []
    for call in calls:
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return Timing(name, tuple(samples), tuple(cpu))


@dataclass(frozen=True)
class Result:
    """One measured quantity: its samples (in ``unit``), an optional baseline and an optional target.

    ``limit`` is a target on the median, ``ratio_limit`` a target on the ratio to the baseline.
    """

    group: str
    name: str
    unit: str
    samples: tuple[float, ...]
    baseline: Result | None = None
    limit: float | None = None
    ratio_limit: float | None = None
    note: str = ""
    cpu: tuple[float, ...] = ()  # CPU time of the measuring process per sample (same unit), if known

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline.median == 0:
            return None
        return self.median / self.baseline.median

    @property
    def met(self) -> bool | None:
        checks = []
        if self.limit is not None:
            checks.append(self.median <= self.limit)
        if self.ratio_limit is not None and self.ratio is not None:
            checks.append(self.ratio <= self.ratio_limit)
        return all(checks) if checks else None

    def target(self) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"≤ {_num(self.limit)} {self.unit}")
        if self.ratio_limit is not None:
            parts.append(f"≤ {self.ratio_limit:g}×")
        return " and ".join(parts)

    def verdict(self) -> str:
        if self.met is None:
            return ""
        if self.met:
            return "met"
        misses = []
        if self.limit is not None and self.median > self.limit:
            misses.append(f"{self.median / self.limit:.1f}× the limit")
        if self.ratio_limit is not None and self.ratio is not None and self.ratio > self.ratio_limit:
            misses.append(f"ratio {self.ratio:.2f}× > {self.ratio_limit:g}×")
        return "MISSED: " + ", ".join(misses)

    def as_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "name": self.name,
            "unit": self.unit,
            "median": self.median,
            "min": min(self.samples),
            "max": max(self.samples),
            "n": len(self.samples),
            "cpu_median": self.cpu_median,
            "baseline": self.baseline.name if self.baseline else None,
            "ratio": self.ratio,
            "target": self.target() or None,
            "met": self.met,
            "note": self.note,
        }


def _num(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if value >= 1 else f"{value:.3f}"


@dataclass
class Report:
    """Collects results, prints each as it comes, and the whole table and JSON at the end."""

    results: list[Result] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def add(self, result: Result) -> Result:
        self.results.append(result)
        print("  " + self.row(result), flush=True)
        return result

    def timing(
        self,
        group: str,
        timing: Timing,
        *,
        baseline: Result | None = None,
        limit: float | None = None,
        ratio_limit: float | None = None,
        note: str = "",
    ) -> Result:
        return self.add(
            Result(
                group, timing.name, "ms", timing.samples_ms, baseline, limit, ratio_limit, note, timing.cpu_ms
            )
        )

    @staticmethod
    def row(r: Result) -> str:
        ratio = f"{r.ratio:6.2f}×" if r.ratio is not None else " " * 7
        spread = f"{_num(min(r.samples))} – {_num(max(r.samples))}"
        cpu = _num(r.cpu_median) if r.cpu_median is not None else ""
        return (
            f"{r.name:<58} {_num(r.median):>8} {r.unit:<2} {spread:>19} {cpu:>8}  n={len(r.samples):<4} "
            f"{ratio}  {r.target():<16} {r.verdict()}"
        )

    def table(self) -> str:
        head = (
            f"{'what':<58} {'median':>11} {'min – max':>19} {'cpu':>8}  {'n':<6} {'ratio':>7}  "
            f"{'target':<16} verdict"
        )
        lines = [head, "-" * len(head)]
        group = None
        for r in self.results:
            if r.group != group:
                group = r.group
                lines.append(f"[{group}]")
            lines.append(self.row(r))
        return "\n".join(lines)

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"machine": self.notes, "results": [r.as_json() for r in self.results]}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1))


def machine_notes() -> dict[str, Any]:
    """What the numbers depend on: cores, memory, load, versions."""
    notes: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_at_start": os.getloadavg(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z"),
    }
    try:
        import PySide6

        notes["pyside6"] = PySide6.__version__
    except ImportError:
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    notes["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return notes
