"""Archive volume build vs a plain img2pdf + pikepdf merge of the same inputs (issue 7).

Inputs: 400 generated "scanned" A4 pages as JPEGs of about 300 KB (150 dpi, quality chosen to land
near that size) and 100 pages of attached PDFs (5 files × 20 pages of Chinese text in the embedded
font). Each measurement runs in a fresh child process, so its peak resident memory (ru_maxrss, which
includes the interpreter and imports) belongs to that build alone; the time is the build only.

    python -m benchmarks archive [--runs 3] [--dir DIR]
"""

from __future__ import annotations

import io
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

SCANS = 400
PDF_FILES = 5
PDF_PAGES_EACH = 20
TARGET_BYTES = 300_000
INPUTS = "inputs-v1"


def _scan(seed: int):
    from PIL import Image, ImageChops, ImageDraw

    rng = random.Random(seed)
    width, height = 1240, 1754  # A4 at 150 dpi
    grey = Image.new("L", (width, height), 242)
    draw = ImageDraw.Draw(grey)
    for line in range(45):
        y, x = 110 + line * 35, 90
        while x < width - 110:
            w = rng.randint(6, 30)
            draw.rectangle([x, y, x + w, y + 14], fill=rng.randint(20, 90))
            x += w + rng.randint(5, 12)
    grey = ImageChops.add(grey, Image.effect_noise((width, height), 3), 1.0, -128)
    return Image.merge("RGB", (grey, grey, grey.point(lambda v: max(0, v - 8))))


def _jpeg(image, target: Path) -> None:
    data = b""
    for quality in (65, 60, 55, 70, 50):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, dpi=(150, 150))
        data = buffer.getvalue()
        if 0.9 * TARGET_BYTES <= len(data) <= 1.1 * TARGET_BYTES:
            break
    target.write_bytes(data)


def _attached_pdf(target: Path, number: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from backoffice.printing.fonts import FONT_NAME, register_fonts

    register_fonts()
    canvas = Canvas(str(target), pagesize=A4, invariant=1, initialFontName=FONT_NAME)
    for page in range(PDF_PAGES_EACH):
        canvas.setFont(FONT_NAME, 11)
        for line in range(40):
            canvas.drawString(
                60, 780 - line * 18, f"附件 {number} 第 {page + 1} 页 第 {line + 1} 行：诊断证明及费用清单。"
            )
        canvas.showPage()
    canvas.save()


def make_inputs(directory: Path) -> tuple[list[Path], list[Path]]:
    """The inputs, generated once and kept in ``directory`` for later runs."""
    folder = directory / INPUTS
    folder.mkdir(parents=True, exist_ok=True)
    scans = [folder / f"scan-{n:03d}.jpg" for n in range(SCANS)]
    pdfs = [folder / f"attached-{n}.pdf" for n in range(PDF_FILES)]
    for n, path in enumerate(scans):
        if not path.exists():
            _jpeg(_scan(n), path)
    for n, path in enumerate(pdfs):
        if not path.exists():
            _attached_pdf(path, n + 1)
    return scans, pdfs


def _volume(scans: list[Path], pdfs: list[Path], target: Path) -> dict[str, float]:
    from backoffice.printing.archive import VolumeBuilder
    from backoffice.printing.archive_model import VolumeItem, VolumeMeta

    items = [
        VolumeItem("attachment", f"索赔单证扫描件 {n + 1}", "张*", "", date(2026, 3, 2), path)
        for n, path in enumerate(scans)
    ]
    items += [
        VolumeItem("attachment", f"医疗资料 {n + 1}", "某医院", "", date(2026, 3, 3), path)
        for n, path in enumerate(pdfs)
    ]
    meta = VolumeMeta(
        archive_no="Z001-LP·2026-D10-110000-0001",
        fonds_name="示范财产保险股份有限公司北京分公司",
        fonds_code="Z001",
        category="理赔业务档案",
        title="2026BJ01MO000001 号赔案（机动车辆保险）",
        start_date=date(2026, 3, 1),
        end_date=date(2026, 4, 1),
        year=2026,
        retention="D10",
        retention_label="10年",
        builder="档案员",
        checker="四性检测（系统自动）",
        built_at=datetime(2026, 4, 2, 2, 0, tzinfo=UTC),
    )
    start = time.perf_counter()
    with VolumeBuilder(items) as builder:
        prepared = time.perf_counter()
        assert not builder.unreadable
        builder.write(meta, target)
    return {"prepare_seconds": prepared - start}


def _baseline(scans: list[Path], pdfs: list[Path], target: Path) -> dict[str, float]:
    import img2pdf
    import pikepdf

    images = target.with_suffix(".images.pdf")
    with images.open("wb") as out:
        img2pdf.convert([str(p) for p in scans], outputstream=out)
    with pikepdf.open(images) as merged:
        sources = [pikepdf.open(p) for p in pdfs]
        for source in sources:
            merged.pages.extend(source.pages)
        merged.save(target)
        for source in sources:
            source.close()
    images.unlink()
    return {}


def child(mode: str, directory: Path) -> None:
    """Run one build in this (fresh) process and print time, peak memory and output size as JSON."""
    scans, pdfs = make_inputs(directory)
    target = directory / f"out-{mode}.pdf"
    # Imports are a once-per-process cost, not part of a build.
    import img2pdf  # noqa: F401
    import pikepdf.pdfa  # noqa: F401

    import backoffice.printing.archive  # noqa: F401

    start = time.perf_counter()
    extra: dict[str, object] = dict((_volume if mode == "volume" else _baseline)(scans, pdfs, target))
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if mode == "volume":
        from backoffice.printing.archive_pdfa import validate_file

        start = time.perf_counter()
        extra["pdfa_findings"] = len(validate_file(target))
        extra["validate_seconds"] = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_kib": peak_kib, "size": target.stat().st_size, **extra}))
    target.unlink()


def _run(mode: str, directory: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.archive", mode, str(directory)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_archive(directory: Path, runs: int = 3) -> None:
    print(
        f"== archive volume: {SCANS} scanned A4 JPEGs + {PDF_FILES * PDF_PAGES_EACH} pages of attached PDFs"
    )
    scans, pdfs = make_inputs(directory)
    inputs = sum(p.stat().st_size for p in scans + pdfs)
    median_scan = statistics.median(p.stat().st_size for p in scans)
    print(f"inputs: {inputs / 1e6:.1f} MB (JPEG median {median_scan / 1e3:.0f} KB)")
    base: list[dict[str, float]] = []
    volume: list[dict[str, float]] = []
    for _ in range(runs):  # interleaved, so that load from elsewhere hits both alike
        base.append(_run("baseline", directory))
        volume.append(_run("volume", directory))
    b_time = statistics.median(r["seconds"] for r in base)
    v_time = statistics.median(r["seconds"] for r in volume)
    b_runs = [round(r["seconds"], 2) for r in base]
    v_runs = [round(r["seconds"], 2) for r in volume]
    print(f"img2pdf + pikepdf merge (baseline)  median {b_time:7.2f} s   runs {b_runs}")
    print(
        f"archive volume (PDF/A-3b, sealed)   median {v_time:7.2f} s   runs {v_runs}"
        f"   ratio {v_time / b_time:.2f}× (target ≤ 1.5×)"
    )
    prepare = statistics.median(r["prepare_seconds"] for r in volume)
    print(
        f"  of which preparing the documents {prepare:.2f} s (img2pdf batches; pikepdf PDF/A check of the "
        f"attached pages), writing {v_time - prepare:.2f} s (sheets, stamping, digests, save)"
    )
    size = statistics.median(r["size"] for r in volume)
    print(f"volume size {size / 1e6:.1f} MB = {size / inputs:.3f}× the inputs (target ≤ 1.05×)")
    print(
        f"peak memory: volume {max(r['peak_kib'] for r in volume) / 1024:.0f} MB (target ≤ 400 MB), "
        f"baseline {max(r['peak_kib'] for r in base) / 1024:.0f} MB"
    )
    print(
        f"pikepdf PDF/A-3b validation of the written volume: {volume[0]['pdfa_findings']} findings, "
        f"{statistics.median(r['validate_seconds'] for r in volume):.2f} s (not part of the build time)"
    )


if __name__ == "__main__":
    child(sys.argv[1], Path(sys.argv[2]))
