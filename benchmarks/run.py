"""One command for the benchmarks (issue 9): ``python -m benchmarks [all | NAME ...] [--cases N]``.

NAME is one of lookup, list, sla, archive, startup, memory. Every benchmark but ``archive`` runs on one
generated, encrypted database of ``--cases`` cases (``benchmarks.bigdb``, cached under ``--dir`` by size
and schema version). Prints each result as it comes, then a table (median, min – max, ratio to the
baseline measured in the same run, target, met or missed) and writes the same as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Report, Result, machine_notes

NAMES = ("lookup", "list", "sla", "archive", "startup", "memory")
ON_DATABASE = {"lookup", "list", "sla", "startup", "memory"}


def _default_dir() -> Path:
    return Path(os.environ.get("BACKOFFICE_BENCH_DIR", Path(tempfile.gettempdir()) / "bo-bench"))


class _Tee(io.TextIOBase):
    def __init__(self, target: io.TextIOBase) -> None:
        self.target = target
        self.text = io.StringIO()

    def write(self, s: str) -> int:
        self.target.write(s)
        self.text.write(s)
        return len(s)

    def flush(self) -> None:
        self.target.flush()


def run_archive(report: Report, directory: Path, runs: int) -> None:
    """benchmarks.archive as it is; its returned runs become results (first, again, never checked)."""
    from benchmarks.archive import bench_archive

    tee = _Tee(sys.stdout)  # type: ignore[arg-type]
    with contextlib.redirect_stdout(tee):
        returned = bench_archive(directory, runs)
    output = tee.text.getvalue()
    report.notes["archive_output"] = output.splitlines()
    if isinstance(returned, dict):
        report.notes["archive_result"] = returned
    group = "archive volume (≤ 1.5× baseline)"
    for attempt, label, limit in (
        ("first", "first build, fresh process", 1.5),
        ("again", "the same volume again", 1.5),
        ("unchecked", "first build, attachments never checked", None),
    ):
        measured = returned[attempt]
        baseline = report.add(
            Result(group, f"baseline: img2pdf + pikepdf ({label})", "s", tuple(measured["baseline"]["runs"]))
        )
        report.add(
            Result(
                group,
                f"volume (PDF/A-3b, sealed): {label}",
                "s",
                tuple(measured["volume"]["runs"]),
                baseline,
                ratio_limit=limit,
            )
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "which", nargs="*", default=["all"], help=f"all (default) or any of: {', '.join(NAMES)}"
    )
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in the generated database")
    parser.add_argument(
        "--samples", type=int, default=30, help="timed calls per query (distinct keys for lookups)"
    )
    parser.add_argument("--deep", type=int, default=100_000, help="offset of the deep page of the case list")
    parser.add_argument("--runs", type=int, default=3, help="archive: builds per variant")
    parser.add_argument("--startup-runs", type=int, default=7, help="cold starts per variant (≥ 5)")
    parser.add_argument("--memory-runs", type=int, default=3, help="GUI processes for the memory figure")
    parser.add_argument("--dir", type=Path, default=_default_dir(), help="cache and scratch directory")
    parser.add_argument("--json", type=Path, help="where to write the results (default: DIR/results/…)")
    args = parser.parse_args(argv)
    which = set(args.which)
    if "all" in which:
        which = set(NAMES)
    unknown = which - set(NAMES)
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")

    report = Report(notes=machine_notes())
    report.notes |= {"cases": args.cases, "which": sorted(which), "samples": args.samples}
    n = report.notes
    print(
        f"machine: {n['machine']}, {n['cpus']} CPUs, {n.get('memory_gib', '?')} GiB, Python {n['python']}, "
        f"SQLite {n['sqlite']}, load {' '.join(f'{v:.1f}' for v in n['load_at_start'])}",
        flush=True,
    )
    started = time.perf_counter()
    errors: dict[str, str] = {}

    def guarded(name: str, bench: Callable[[], None]) -> None:
        """One benchmark; a failure is reported and the others still run."""
        if name not in which:
            return
        try:
            bench()
        except Exception as exc:  # the table and the JSON still come out
            traceback.print_exc()
            errors[name] = f"{type(exc).__name__}: {exc}"
            print(f"  ({name} FAILED: {errors[name]})", flush=True)

    if which & ON_DATABASE:
        from benchmarks.bigdb import open_or_build
        from benchmarks.case_list import bench_list, bench_lookup
        from benchmarks.gui import bench_memory, bench_startup
        from benchmarks.sla import bench_sla

        big = open_or_build(args.dir, args.cases)
        report.notes |= {
            "database": str(big.path),
            "database_gb": round(big.path.stat().st_size / 1e9, 2),
            "build_seconds": big.build_seconds,
        }
        try:
            guarded("lookup", lambda: bench_lookup(report, big, min(args.samples * 3, 100)))
            guarded("list", lambda: bench_list(report, big, args.samples, args.deep))
            guarded("sla", lambda: bench_sla(report, big, args.samples))
        finally:
            big.bo.close()
        guarded("startup", lambda: bench_startup(report, big, max(5, args.startup_runs)))
        guarded("memory", lambda: bench_memory(report, big, max(1, args.memory_runs)))
    guarded("archive", lambda: run_archive(report, args.dir / "archive", args.runs))
    if errors:
        report.notes["errors"] = errors

    report.notes["load_at_end"] = os.getloadavg()
    report.notes["seconds"] = round(time.perf_counter() - started)
    target = args.json or args.dir / "results" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    report.write_json(target)
    print()
    print(report.table())
    print(
        f"\nload average at start {n['load_at_start'][0]:.1f}, at end {os.getloadavg()[0]:.1f} "
        f"({n['cpus']} CPUs); results written to {target}"
    )
    for name, error in errors.items():
        print(f"FAILED: {name}: {error}")
    return 1 if errors else 0
