"""Cold start and resident memory of the GUI on the 1,000,000-case database (offscreen Qt).

Every run is a fresh process (``benchmarks.gui_probe``); start-up runs alternate between the bare PySide6
window and the app's login window so that load from elsewhere hits both alike. The first run of each is a
warm-up (operating-system caches) and is not counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.bigdb import PASSWORD, BigDb
from benchmarks.common import Report, Result

GROUP_START = "cold start (≤ 2× bare window)"
GROUP_MEMORY = "GUI memory (≤ 300 MB)"


def _environment(big: BigDb, **extra: str) -> dict[str, str]:
    data = big.directory / "gui"
    data.mkdir(exist_ok=True)
    env = dict(os.environ)
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "BACKOFFICE_DATA_DIR": str(data),
        "BACKOFFICE_DATABASE_URL": f"sqlite:///{big.path}",
        **extra,
    }
    return env


def _probe(mode: str, env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """(seconds from starting the process to the window shown, the probe's JSON)."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_probe", mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        cwd=Path(__file__).resolve().parent.parent,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"gui_probe {mode} failed ({done.returncode}): {done.stderr[-2000:]}")
    data = json.loads(lines[-1])
    if "error" in data:
        raise RuntimeError(f"gui_probe {mode}: {data['error']}")
    return data["shown"] - started, data | {"started": started}


def bench_startup(report: Report, big: BigDb, runs: int) -> None:
    print(f"== cold start to the login window vs a bare PySide6 window ({runs} runs each)", flush=True)
    env = _environment(big)
    _probe("bare", env)
    _probe("login", env)
    bare: list[float] = []
    login: list[float] = []
    ready: list[float] = []
    for _ in range(runs):
        bare.append(_probe("bare", env)[0] * 1000)
        shown, data = _probe("login", env)
        login.append(shown * 1000)
        ready.append((data["ready"] - data["started"]) * 1000)
    base = report.add(Result(GROUP_START, "bare PySide6 window shown (baseline)", "ms", tuple(bare)))
    report.add(
        Result(
            GROUP_START,
            "backoffice: login window shown (database opening on a worker)",
            "ms",
            tuple(login),
            baseline=base,
            ratio_limit=2.0,
        )
    )
    report.add(
        Result(
            GROUP_START,
            "backoffice: 登录 enabled (database opened and checked)",
            "ms",
            tuple(ready),
            baseline=base,
            note="the user types meanwhile",
        )
    )


def bench_memory(report: Report, big: BigDb, runs: int) -> None:
    print(f"== GUI resident memory: signed in, case list shown ({runs} runs)", flush=True)
    env = _environment(big, BENCH_USER="h01", BENCH_PASSWORD=PASSWORD)
    probes = [_probe("memory", env)[1] for _ in range(runs)]
    for data in probes:
        print(
            f"  peak {data['max_rss_mb']:.0f} MB, now {data.get('rss_mb', 0):.0f} MB, "
            f"{data['rows']} rows of {data['case_total']:,}",
            flush=True,
        )
    report.add(
        Result(
            GROUP_MEMORY,
            "peak resident memory (ru_maxrss), first page and total shown",
            "MB",
            tuple(d["max_rss_mb"] for d in probes),
            limit=300,
            note="real sign-in (Argon2id) through the login dialog, then the 案件 page",
        )
    )
    report.add(
        Result(
            GROUP_MEMORY,
            "resident memory at that moment (VmRSS)",
            "MB",
            tuple(d.get("rss_mb", d["max_rss_mb"]) for d in probes),
        )
    )
    report.add(
        Result(
            GROUP_MEMORY,
            "case page opened → first page of 200 shown",
            "ms",
            tuple((d["first_page"] - d["cases_page"]) * 1000 for d in probes),
        )
    )
    report.add(
        Result(
            GROUP_MEMORY,
            "case page opened → total shown",
            "ms",
            tuple((d["total"] - d["cases_page"]) * 1000 for d in probes),
        )
    )
