"""SHA-256 on a worker thread, overlapping the reading and writing around it.

Sealing a volume hashes every scan and the whole written file: for a volume of 400 scans that is twice
120 MB. hashlib lets other threads run while it hashes a large buffer, so one worker thread can hash
while the calling thread reads the next scan or qpdf produces the next part of the file. Work is done
in submission order; at most ``limit`` pieces wait, so memory stays bounded.
"""

from __future__ import annotations

import hashlib
import io
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any, Final, TypeVar

T = TypeVar("T")
_LIMIT: Final = 8


class Background:
    """One worker thread running calls in order; use as a context manager (it waits for the work)."""

    def __init__(self, limit: int = _LIMIT) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="volume-hash")
        self._pending: deque[Future[Any]] = deque()
        self._limit = limit

    def submit(self, call: Callable[[], T]) -> Future[T]:
        while len(self._pending) >= self._limit:
            self._pending.popleft().result()
        future = self._pool.submit(call)
        self._pending.append(future)
        return future

    def sha256(self, data: bytes) -> Future[bytes]:
        """The digest of ``data``, on the worker — or here, at once, when the worker is behind: the
        caller would otherwise wait for it, and the hashing is shared between the two."""
        if len(self._pending) >= self._limit and not self._pending[0].done():
            done: Future[bytes] = Future()
            done.set_result(hashlib.sha256(data).digest())
            return done
        return self.submit(lambda: hashlib.sha256(data).digest())

    def wait(self) -> None:
        """Wait for everything submitted; raises what a call raised."""
        while self._pending:
            self._pending.popleft().result()

    def __enter__(self) -> Background:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self.wait()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


class HashingWriter(io.RawIOBase):
    """A write-only stream to ``raw`` that hashes what passes through it, on ``background``'s thread.

    The digest and size are complete once ``background`` has finished its work.
    """

    def __init__(self, raw: io.RawIOBase, background: Background) -> None:
        super().__init__()
        self._raw = raw
        self._background = background
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)  # the caller reuses its buffer once this returns
        written = self._raw.write(chunk)
        if written is None:  # a non-blocking stream that took nothing (not a file on disk)
            return 0
        part = chunk if written == len(chunk) else chunk[:written]
        self._background.submit(lambda: self.digest.update(part))
        self.size += written
        return written
