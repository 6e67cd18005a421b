"""Timing helpers: medians, min–max and ratios against a baseline measured in the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    name: str
    samples_ms: tuple[float, ...]

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
    samples = []
    for call in calls:
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(name, tuple(samples))
