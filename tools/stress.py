"""Stress run: several OS processes work the same cases at once; then everything must reconcile.

    python tools/stress.py --database-url postgresql://postgres@127.0.0.1:5432/bo_stress \
        --processes 8 --cases 200 --seed 1

The database must be empty (a new PostgreSQL database, or an SQLite file that does not exist yet). The
harness migrates and initialises it, adds the staff (four clerks, a payer, two approvers on each of the
five levels, two archivists, an auditor) and eight motor policies, then starts the processes (spawn).
Each registers its share of the cases and, at random but from its seed, takes the next step on shared
cases: receive documents, attach a scan, calculate, submit, sign at the waiting level (agree, return,
deny), order and confirm payments, close, and (the first two processes, as the office's archivists)
archive — retrying with a fresh read when somebody else was first. At the end it reconciles the database,
the files and the workers' logs (tools/stress_reconcile.py) and prints a JSON summary. Exit status 0
when everything reconciles, 1 when not, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stress_reconcile import reconcile
from stress_setup import NotFresh, RunConfig, prepare
from stress_worker import run_worker


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", required=True, help="an empty PostgreSQL database or a new SQLite file"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="attachments, archive and logs (default: a new temp dir)"
    )
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before the workers give up")
    args = parser.parse_args(argv)
    if args.processes < 1 or args.cases < 1:
        parser.error("--processes and --cases must be at least 1")
    return args


def read_logs(config: RunConfig) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(successes, per-worker summaries) from the workers' JSON-lines logs."""
    successes, summaries = [], []
    for worker in range(config.processes):
        path = config.log_path(worker)
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        for line in lines:
            entry = json.loads(line)
            (summaries if "summary" in entry else successes).append(entry)
    return successes, summaries


def totals(summaries: list[dict[str, Any]], key: str) -> dict[str, Any]:
    counter: Counter[str] = Counter()
    for entry in summaries:
        counter.update(entry["summary"][key])
    return dict(sorted(counter.items()))


def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="backoffice-stress-"))
    began = time.time()
    config = RunConfig(
        args.database_url, str(data_dir), args.seed, args.processes, args.cases, began, began + args.timeout
    )
    prepare(config)
    (data_dir / "stress-logs").mkdir(parents=True, exist_ok=True)
    prepared = time.time()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=run_worker, args=(config, n), name=f"stress-{n}")
        for n in range(args.processes)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join()
    worked = time.time()
    successes, summaries = read_logs(config)
    result = reconcile(config, successes)
    finished = time.time()
    unexpected = [u for entry in summaries for u in entry["summary"]["unexpected"]]
    crashed = [p.name for p in workers if p.exitcode != 0]
    ok = result["ok"] and not unexpected and not crashed and len(summaries) == args.processes
    conflicts, stale = totals(summaries, "conflicts"), totals(summaries, "stale")
    return {
        "ok": ok,
        "database": "sqlite" if args.database_url.startswith("sqlite") else "postgresql",
        "data_dir": str(data_dir),
        "processes": args.processes,
        "cases": args.cases,
        "seed": args.seed,
        "operations": totals(summaries, "done"),
        "operations_total": len(successes),
        "conflicts_retried": conflicts,
        "stale_refusals_retried": stale,
        "retries_total": sum(conflicts.values()) + sum(stale.values()),
        "seconds_in_services": {op: round(s, 1) for op, s in totals(summaries, "seconds").items()},
        "unexpected": unexpected[:20],
        "crashed_workers": crashed,
        "elapsed_seconds": {
            "prepare": round(prepared - began, 2),
            "workers": round(worked - prepared, 2),
            "reconcile": round(finished - worked, 2),
            "total": round(finished - began, 2),
        },
        "reconciliation": result,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        summary = run(args)
    except NotFresh:
        print(
            "stress: the database is not empty; give it a new database (or a new SQLite file).",
            file=sys.stderr,
        )
        return 2
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
