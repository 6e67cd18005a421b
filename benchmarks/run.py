"""One command for the benchmarks: ``python -m benchmarks [lookup] [--persons N] [--dir DIR]``.

Prints medians, min–max and ratios against a baseline measured in the same run. Results and machine notes
go into docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import tempfile
from pathlib import Path

from sqlalchemy import text

from benchmarks.common import measure
from benchmarks.people_db import ids_for, open_or_build
from benchmarks.sla import bench_sla


def bench_lookup(directory: Path, persons: int, samples: int) -> None:
    from backoffice.services.people import find_people, lookup

    print(f"== lookup by ID number among {persons:,} encrypted persons (SQLite)")
    bo, clerk = open_or_build(directory, persons)
    rng = random.Random(99)
    wanted = rng.sample(ids_for(persons, 1), samples)

    def plain(value: str):
        def call() -> None:
            with bo.db.unit_of_work(write=False) as db:
                rows = db.execute(
                    text("SELECT id, id_number FROM bench_plain_persons WHERE id_number = :v"),
                    {"v": value},
                ).all()
                assert len(rows) >= 1

        return call

    def encrypted(value: str):
        def call() -> None:
            with bo.db.unit_of_work(write=False) as db:
                assert len(lookup(db, clerk.keyring, "id_number", value)) >= 1

        return call

    def service(value: str):
        def call() -> None:
            assert len(find_people(clerk, "id_number", value)) >= 1

        return call

    base = measure("plain indexed column (baseline)", [plain(v) for v in wanted])
    enc = measure("blind index + decrypt + compare", [encrypted(v) for v in wanted])
    full = measure("find_people service (incl. audit record)", [service(v) for v in wanted[:100]])
    print(base.line())
    print(enc.line(base))
    print(full.line(base))
    bo.close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("which", nargs="*", default=[], help="lookup, sla, archive (default: all)")
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="archive: builds per variant (median)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(os.environ.get("BACKOFFICE_BENCH_DIR", Path(tempfile.gettempdir()) / "bo-bench")),
    )
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    unknown = set(args.which) - {"lookup", "sla", "archive"}
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    if not args.which or "lookup" in args.which:
        bench_lookup(args.dir / f"people-{args.persons}", args.persons, args.samples)
    if not args.which or "sla" in args.which:
        bench_sla(args.dir / f"sla-{args.cases}", args.cases, min(args.samples, 30))
    if not args.which or "archive" in args.which:
        from benchmarks.archive import bench_archive

        bench_archive(args.dir / "archive", args.runs)
    return 0
