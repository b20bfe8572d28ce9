"""Reading a report as the bureau received it: .docx, .txt, .html/.htm, .pdf.

Each reader returns the report's plain text, one paragraph a line. Files it
cannot read become an `EcondashError` that says what to do: an old Word file
(.doc/.wps) or a WPS sheet is to be saved as .docx; a scanned PDF has no text
to read; an encrypted file needs its password removed; an empty or binary file
is named as such.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from econdash.core.errors import EcondashError
from econdash.core.extract.html_text import html_encoding, main_text

MAX_BYTES = 200 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLD_OFFICE = {".doc", ".wps", ".et", ".xls", ".dps", ".ppt", ".rtf", ".xlsx", ".wpt", ".dot"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAVE_AS = "open it in Word or WPS and 另存为 (save as) .docx, or as .txt (UTF-8), then run extract again"


@dataclass(frozen=True)
class ReportText:
    """A report's text and what it was read from."""

    text: str
    source_file: str
    kind: str


def read_report(path: Path) -> ReportText:
    """The text of the report at `path`, or an EcondashError saying what to do."""
    shown = str(path)
    if not path.exists():
        raise EcondashError(f"{shown}: no such file")
    if not path.is_file():
        raise EcondashError(f"{shown}: not a file; give the report file (.docx, .txt, .html, .pdf)")
    size = path.stat().st_size
    if size == 0:
        raise EcondashError(f"{shown}: the file is empty; save the report again and retry")
    if size > MAX_BYTES:
        raise EcondashError(f"{shown}: {size // 2**20} MB is too large for a report; "
                            "give the report's text (.docx or .txt)")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if data.startswith(OLE_MAGIC):
        if suffix in (".docx", ".xlsx", ".pdf"):
            raise EcondashError(f"{shown}: the file is encrypted (password-protected); remove the "
                                f"password in Word or WPS (文件 → 信息 → 保护文档), then {SAVE_AS}")
        raise EcondashError(f"{shown}: this is an old Word/WPS format (.doc, .wps, .et) that "
                            f"extract cannot read; {SAVE_AS}")
    if suffix in OLD_OFFICE:
        raise EcondashError(f"{shown}: {suffix} files cannot be read; {SAVE_AS}")
    if suffix == ".docx" or (data[:2] == b"PK" and suffix not in (".txt", ".html", ".htm")):
        text, kind = read_docx(data, shown), "docx"
    elif suffix == ".pdf" or data.startswith(b"%PDF"):
        from econdash.core.extract.pdf import read_pdf
        text, kind = read_pdf(data, shown), "pdf"
    elif suffix in (".html", ".htm", ".xhtml", ".shtml") or _looks_like_html(data):
        text, kind = main_text(decode_text(data, shown, html_encoding(data))), "html"
    else:
        text, kind = decode_text(data, shown), "txt"
    text = _tidy(text)
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise EcondashError(f"{shown}: no Chinese text found in the {kind} file; is it the "
                            "report? (a scanned document needs OCR first)")
    return ReportText(text, path.name, kind)


def decode_text(data: bytes, shown: str, declared: str | None = None) -> str:
    """Text bytes: a BOM (UTF-8, UTF-16), the declared encoding, UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if b"\x00" in data[:4096]:
        raise EcondashError(f"{shown}: this is a binary file, not a report's text; {SAVE_AS}")
    for encoding in filter(None, (declared, "utf-8", "gb18030")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise EcondashError(f"{shown}: the text is neither UTF-8 nor GB18030; save it as UTF-8 text")


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()


def read_docx(data: bytes, shown: str) -> str:
    """Paragraphs (and table rows, cells joined by ，) of a Word .docx, in order."""
    import io
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except KeyError:
        raise EcondashError(f"{shown}: a zip file without a Word document in it; {SAVE_AS}") from None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        raise EcondashError(f"{shown}: the .docx file is damaged or not a Word file; {SAVE_AS}") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        raise EcondashError(f"{shown}: the Word document inside is damaged; {SAVE_AS}") from None
    body = root.find(f"{W}body")
    lines: list[str] = []
    for block in (body if body is not None else []):
        if block.tag == f"{W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{W}tbl":
            for row in block.iter(f"{W}tr"):
                cells = ["".join(_paragraph(p) for p in cell.iter(f"{W}p"))
                         for cell in row.iter(f"{W}tc")]
                lines.append("，".join(c.strip() for c in cells))
    return "\n".join(lines)


def _paragraph(paragraph) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


def _tidy(text: str) -> str:
    """One kind of line end, no NULs or other control characters but tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
