"""SHA-256 beside the work: the file hashed in order, and the caller hashing when the worker is behind."""

from __future__ import annotations

import hashlib
import io
import threading

from backoffice.printing.archive_hashing import Background, HashingWriter


def test_a_busy_worker_leaves_the_hashing_to_the_caller() -> None:
    release = threading.Event()
    with Background(limit=1) as background:
        blocked = background.submit(lambda: release.wait(10))  # the worker is busy …
        digest = background.sha256(b"scan")  # … so this one is hashed here, at once
        assert digest.done() and digest.result() == hashlib.sha256(b"scan").digest()
        release.set()
        assert blocked.result() is True
        queued = background.sha256(b"next")  # the worker is free again: it takes the next one
        assert queued.result() == hashlib.sha256(b"next").digest()


def test_the_written_file_is_hashed_in_order() -> None:
    parts = [bytes([n]) * (1000 + n) for n in range(200)]
    raw = io.BytesIO()
    with Background(limit=2) as background:
        writer = HashingWriter(raw, background)  # type: ignore[arg-type]
        for part in parts:
            writer.write(memoryview(part))
    assert writer.size == len(raw.getvalue()) == sum(len(p) for p in parts)
    assert writer.digest.hexdigest() == hashlib.sha256(b"".join(parts)).hexdigest()
