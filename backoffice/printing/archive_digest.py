"""Page digests: what a volume's manifest seals and what verification recomputes.

A page's digest is SHA-256 over a canonical walk of everything the page draws with: its dictionary
(boxes, rotation), its content streams, and every resource reachable from it (images, fonts, forms,
annotations), following references but not the page tree (``/Parent``) or an annotation's page (``/P``).
The walk does not depend on object numbers, on how the file is laid out or compressed, or on anything
outside the page, so the digest computed while building is the one a reader recomputes from the file:

- a stream whose filters are all general-purpose (Flate, LZW, ASCII85, ASCIIHex) is hashed decoded, with
  its dictionary minus the encoding keys — a writer may recompress it, the content stays the same;
- any other stream (JPEG, JPEG 2000, CCITT, JBIG2, run-length) is hashed as its raw bytes, filters
  included: these are never rewritten, so a flipped bit in a scan changes the digest;
- numbers are written in a normal form, dictionary keys in sorted order, null entries left out (a PDF
  dictionary treats a null value as absent).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

import pikepdf

_SKIP_KEYS: Final = frozenset({"/Parent", "/P", "/Length"})
_ENCODING_KEYS: Final = frozenset({"/Filter", "/DecodeParms", "/DL", "/Length"})
_RAW_FILTERS: Final = frozenset(
    {
        "/DCTDecode",
        "/DCT",
        "/JPXDecode",
        "/CCITTFaxDecode",
        "/CCF",
        "/JBIG2Decode",
        "/RunLengthDecode",
        "/RL",
        "/Crypt",
    }
)


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return [str(item) for item in value]
    return [str(value)]


class PageHasher:
    """Digests of pages of one open document.

    Every indirect object enters its parent's digest as its own digest; an object's digest is cached
    when it does not depend on where it was reached from (no reference back to an object on the path
    to it), so a font or image shared by many pages is hashed once.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], bytes] = {}

    def page(self, page: pikepdf.Page | pikepdf.Object) -> str:
        obj = page.obj if isinstance(page, pikepdf.Page) else page
        digest, _depth = self._indirect(obj, [])
        return digest.hex()

    def object_digest(self, obj: pikepdf.Object) -> bytes:
        """The digest an indirect object enters its parents' digests with (it must not refer back to
        an object above it: a font, an image, a content stream)."""
        digest, _depth = self._indirect(obj, [])
        return digest

    def _indirect(self, obj: pikepdf.Object, stack: list[tuple[int, int]]) -> tuple[bytes, int]:
        """(digest, the shallowest stack level a back-reference inside reached; len(stack) if none)."""
        key = obj.objgen
        cached = self._cache.get(key)
        if cached is not None:
            return cached, len(stack)
        stack.append(key)
        digest = hashlib.sha256(b"obj\n")
        try:
            reach = self._feed_direct(digest, obj, stack)
        finally:
            stack.pop()
        result = digest.digest()
        if reach >= len(stack):  # nothing inside points back above this object: context-free
            self._cache[key] = result
        return result, reach

    def _feed(self, digest: Any, obj: object, stack: list[tuple[int, int]]) -> int:
        if not isinstance(obj, pikepdf.Object):
            digest.update(_scalar(obj))
            return len(stack)
        if obj.is_indirect:
            key = obj.objgen
            if key in stack:
                level = stack.index(key)
                digest.update(b"@" + str(len(stack) - level).encode())
                return level
            sub, reach = self._indirect(obj, stack)
            digest.update(b"#" + sub)
            return reach
        return self._feed_direct(digest, obj, stack)

    def _stream_data(self, stream: pikepdf.Stream) -> tuple[bytes, bool]:
        """(digest of the data, whether the data was decoded)."""
        filters = _filters(stream)
        if not any(name in _RAW_FILTERS for name in filters):
            try:
                return hashlib.sha256(stream.read_bytes(pikepdf.StreamDecodeLevel.generalized)).digest(), True
            except pikepdf.PdfError:
                pass
        return hashlib.sha256(stream.read_raw_bytes()).digest(), False

    def _feed_direct(self, digest: Any, obj: pikepdf.Object, stack: list[tuple[int, int]]) -> int:
        reach = len(stack)
        if isinstance(obj, pikepdf.Stream):
            data_digest, decoded = self._stream_data(obj)
            skip = _ENCODING_KEYS if decoded else frozenset({"/Length"})
            digest.update(b"S" if decoded else b"R")
            reach = self._feed_dict(digest, obj.items(), stack, skip)
            digest.update(data_digest)
        elif isinstance(obj, pikepdf.Dictionary):
            reach = self._feed_dict(digest, obj.items(), stack, frozenset())
        elif isinstance(obj, pikepdf.Array):
            digest.update(b"[")
            for item in obj:
                reach = min(reach, self._feed(digest, item, stack))
                digest.update(b",")
            digest.update(b"]")
        else:
            digest.update(_scalar(obj))
        return reach

    def _feed_dict(
        self,
        digest: Any,
        items: Iterable[tuple[str, pikepdf.Object]],
        stack: list[tuple[int, int]],
        skip: frozenset[str],
    ) -> int:
        reach = len(stack)
        digest.update(b"<<")
        for key, value in sorted(items, key=lambda pair: pair[0].encode("utf-8", "surrogateescape")):
            if key in _SKIP_KEYS or key in skip or _is_null(value):
                continue
            digest.update(key.encode("utf-8", "surrogateescape") + b"=")
            reach = min(reach, self._feed(digest, value, stack))
            digest.update(b";")
        digest.update(b">>")
        return reach


@dataclass(frozen=True)
class Known:
    """An indirect object whose digest is already known (in a :func:`mirror_digest` description)."""

    digest: bytes


def stream_digest(entries: Mapping[str, object], data_sha256: bytes, *, decoded: bool) -> Known:
    """The digest :class:`PageHasher` gives an indirect stream with these dictionary ``entries`` (without
    /Length or, for ``decoded`` data, the encoding keys) whose data — decoded, or raw for an image format
    — has the SHA-256 ``data_sha256``."""
    prefix = b"obj\nS" if decoded else b"obj\nR"
    return Known(hashlib.sha256(prefix + _encoded(dict(entries)) + data_sha256).digest())


def mirror_digest(description: Mapping[str, object]) -> str:
    """The digest :class:`PageHasher` gives an indirect object (a page) that has no back-references,
    from a plain description of it instead of the object: dictionaries as mappings of key → value,
    arrays as lists, other indirect objects as :class:`Known`, numbers and pikepdf Names as themselves.

    The builder knows every value of a scan page it made (and stamped), so it describes the page rather
    than walking it through pikepdf, which costs most of a large volume's page digests. The result is the
    same by construction — one canonical form, written by :func:`_encoded` here and by
    :meth:`PageHasher._feed` there — and the tests compare the two on every kind of scan page.
    """
    return hashlib.sha256(b"obj\n" + _encoded(description)).hexdigest()


class MirrorTemplate:
    """:func:`mirror_digest` of a description in which some indirect objects (``slots``) change from
    use to use — for pages that differ only in their image and their page number: the description is
    encoded once and only the slots' digests are filled in each time."""

    def __init__(self, description: Mapping[str, object], slots: Sequence[Known]) -> None:
        pieces = [b"obj\n" + _encoded(description)]
        for slot in slots:
            marker = b"#" + slot.digest
            if pieces[-1].count(marker) != 1:
                raise ValueError("each slot must occur exactly once in the description")
            before, after = pieces[-1].split(marker)
            pieces[-1:] = [before + b"#", after]
        self._pieces = pieces

    def digest(self, *filled: Known) -> str:
        if len(filled) != len(self._pieces) - 1:
            raise ValueError("one digest per slot")
        digest = hashlib.sha256(self._pieces[0])
        for known, piece in zip(filled, self._pieces[1:], strict=True):
            digest.update(known.digest)
            digest.update(piece)
        return digest.hexdigest()


def _encoded(value: object) -> bytes:
    if isinstance(value, Known):
        return b"#" + value.digest
    if isinstance(value, Mapping):
        parts = [b"<<"]
        for key, item in sorted((k.encode("utf-8", "surrogateescape"), v) for k, v in value.items()):
            if item is None or key.decode("utf-8", "surrogateescape") in _SKIP_KEYS:
                continue
            parts += [key, b"=", _encoded(item), b";"]
        parts.append(b">>")
        return b"".join(parts)
    if isinstance(value, list | tuple):
        return b"[" + b"".join(_encoded(item) + b"," for item in value) + b"]"
    return _scalar(value)


def _is_null(value: object) -> bool:
    return value is None or (
        isinstance(value, pikepdf.Object) and value._type_code == pikepdf.ObjectType.null
    )


def _scalar(obj: object) -> bytes:
    if obj is None:
        return b"n"
    if isinstance(obj, bool):
        return b"t" if obj else b"f"
    if isinstance(obj, int):
        return b"i" + str(obj).encode()
    if isinstance(obj, Decimal):
        normal = obj.normalize()
        return b"r" + format(normal, "f").encode()
    if isinstance(obj, pikepdf.Name):
        return b"/" + str(obj).encode("utf-8", "surrogateescape")
    if isinstance(obj, pikepdf.String):
        raw = bytes(obj)
        return b"s" + str(len(raw)).encode() + b":" + raw
    if isinstance(obj, pikepdf.Object):
        return b"?" + obj.unparse()
    return b"?" + repr(obj).encode()


def page_digests(pdf: pikepdf.Pdf, hasher: PageHasher | None = None) -> list[str]:
    """The digest of every page of ``pdf``, in order."""
    hasher = hasher or PageHasher()
    return [hasher.page(page) for page in pdf.pages]


def content_digest(digests: Sequence[str]) -> str:
    """The volume's content digest: SHA-256 over its page digests in order."""
    return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()
