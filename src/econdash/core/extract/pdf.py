"""PDF text with pypdf (BSD licence, pure Python, maintained; reads the text layer of
PDFs with CJK fonts through their ToUnicode maps, no native library to install).

Lines of a PDF page are where the layout wrapped them, not paragraphs: a line
is joined to the next unless it ends a sentence (。！？) or is short like a
heading, so a figure's sentence stays whole.
"""

from __future__ import annotations

import io
import logging
import re

from econdash.core.errors import EcondashError

SAVE_AS = "open the original in Word or WPS and 另存为 (save as) .docx, then run extract again"


def read_pdf(data: bytes, shown: str) -> str:
    """The text layer of a PDF, paragraphs rejoined."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise EcondashError(f"{shown}: reading PDF needs the pypdf package "
                            "(pip install pypdf)") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
            except Exception:  # noqa: BLE001 - any failure means: a password is needed
                opened = False
            if not opened:
                raise EcondashError(f"{shown}: the PDF is encrypted (password-protected); "
                                    f"remove the password, or {SAVE_AS}")
        pages = [page.extract_text() or "" for page in reader.pages]
    except EcondashError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise EcondashError(f"{shown}: the PDF cannot be read ({exc.__class__.__name__}); "
                            f"{SAVE_AS}") from None
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise EcondashError(f"{shown}: the PDF has no text layer (a scanned document?); run "
                            f"OCR on it first, or {SAVE_AS}")
    return rejoin(text)


def rejoin(text: str) -> str:
    """Join lines the layout wrapped back into paragraphs."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if out and not re.search(r"[。！？!?]$", out[-1]) and len(out[-1]) >= 25:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)
