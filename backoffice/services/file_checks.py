"""What an uploaded file really is, judged from its content, and whether it is whole and readable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from backoffice.domain.errors import ValidationError

MEDIA_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif", "application/pdf": ".pdf"}
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    media_type: str
    size: int
    pages: int | None


def sniff(head: bytes) -> str | None:
    """The media type from the first bytes, or None for anything we do not take."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    return None


def check_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CheckedFile:
    """Refuse what cannot be stored: missing, empty, too large, unknown type, corrupt, password-protected."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        raise ValidationError("file", "无法读取文件：请确认文件存在且有读取权限。") from None
    if size == 0:
        raise ValidationError("file", "文件是空的：请重新扫描或选择其他文件。")
    if size > max_bytes:
        raise ValidationError(
            "file",
            "文件太大（{size} MB，上限 {limit} MB）：请降低扫描分辨率或分成几个文件。",
            size=round(size / 1048576, 1),
            limit=max_bytes // 1048576,
        )
    media_type = sniff(head)
    if media_type is None:
        raise ValidationError("file", "不支持的文件类型：只接受 JPEG、PNG、TIFF 图片和 PDF 文件。")
    pages = _check_pdf(path) if media_type == "application/pdf" else _check_image(path)
    return CheckedFile(media_type, size, pages)


def _check_image(path: Path) -> int:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            image.verify()
        with Image.open(path) as image:
            image.load()  # verify() does not decode; a truncated scan fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError("file", "图片文件已损坏或不完整：请重新扫描。") from None
    return int(frames)


def _check_pdf(path: Path) -> int:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    except pikepdf.PasswordError:
        raise ValidationError(
            "file", "PDF 文件设有密码：请向客户索取未加密的文件，或打印后重新扫描。"
        ) from None
    except (pikepdf.PdfError, OSError, ValueError):
        raise ValidationError("file", "PDF 文件已损坏，无法打开：请向客户重新索取。") from None
