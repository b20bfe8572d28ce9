"""Reading reports as bureaus have them: .docx, .txt (UTF-8, GB18030, UTF-16), .html in
GBK with a site around it, .pdf with a text layer give the same proposals; bad files
get a message saying what to do."""

from __future__ import annotations

import zipfile
from html import escape
from pathlib import Path

import pytest

from econdash.core.errors import EcondashError
from econdash.core.extract.readers import read_report
from econdash.core.extract.run import extract_text

REPORT = """某区经信局2023年上半年工作总结

一、主要指标完成情况
（一）工业生产：2023年1-5月，全区规上工业企业实现工业总产值218.6亿元，同比增长6.4%；实现规上工业增加值52.3亿元、同比增长5.1%，列全市第四位。区属规上工业增加值21.7亿元，同比下降2.3%。
（二）投资：2023年上半年完成工业投资11.4亿元，同比增长18%。完成技改投资6.2亿元，同比增长9.5%。
二、企业培育
目前，我区拥有国家级专精特新“小巨人”企业4家、省级专精特新中小企业37家。甲乙科技、丙丁电子等2家企业入选省级绿色工厂名单。
2023年1-4月，纺织、化工、机械等行业产值同比分别增长3.2%、-1.5%和6.8%。
"""


def proposals(path: Path):
    text = read_report(path)
    extraction = extract_text(text.text, text.source_file)
    return [(f.name, f.value, f.unit, f.yoy_pct, f.months, tuple((r.rank, r.scope) for r in f.ranks),
             f.kind) for f in extraction.figures], extraction


def write_docx(path: Path, text: str) -> Path:
    import docx
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_gbk_html(path: Path, text: str) -> Path:
    body = "".join(f"<p>{escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    title = next(line for line in text.splitlines() if "总结" in line)
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f"<title>{escape(title)}</title><style>p{{margin:0}}</style>"
            '<script>var visits = "2023年访问量增长50%";</script></head><body>'
            '<div class="nav"><a href="/">首页</a> | <a>2022年总结 产值增长9%</a></div>'
            '<ul id="menu"><li>通知公告 12条</li></ul>'
            f'<div id="content">{body}</div>'
            '<div class="footer">版权所有 联系我们 共有网站 3家</div></body></html>')
    path.write_bytes(page.encode("gbk", "xmlcharrefreplace"))
    return path


def write_pdf(path: Path, text: str) -> Path:
    pytest.importorskip("reportlab", reason="reportlab (test extra) makes the PDF")
    from xml.sax.saxutils import escape as xml_escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(xml_escape(line), style) for line in text.splitlines() if line.strip()])
    return path


@pytest.fixture
def txt(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_the_text_report_gives_the_figures(txt) -> None:
    found, extraction = proposals(txt)
    assert (extraction.year, extraction.months) == (2023, (1, 6))
    assert ("规上工业增加值", 52.3, "亿元", 5.1, (1, 5), ((4, "全市"),), "indicator") in found
    assert len(found) >= 10


@pytest.mark.parametrize("maker", [write_docx, write_gbk_html, write_pdf],
                         ids=["docx", "gbk-html", "pdf"])
def test_every_format_gives_the_same_proposals_as_txt(txt, tmp_path, maker) -> None:
    suffix = {"write_docx": ".docx", "write_gbk_html": ".html", "write_pdf": ".pdf"}[maker.__name__]
    other = maker(tmp_path / f"report{suffix}", REPORT)
    assert proposals(other)[0] == proposals(txt)[0]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_text_encodings(tmp_path, txt, encoding) -> None:
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert proposals(path)[0] == proposals(txt)[0]


def test_html_drops_navigation_scripts_and_footers(tmp_path) -> None:
    text = read_report(write_gbk_html(tmp_path / "page.htm", REPORT)).text
    assert "访问量" not in text and "首页" not in text and "版权所有" not in text
    assert "通知公告" not in text and "218.6亿元" in text


def test_docx_tables_become_lines(tmp_path) -> None:
    import docx
    document = docx.Document()
    document.add_paragraph("2023年上半年主要指标")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[1].cells, ["工业投资", "11.4亿元", "同比增长18%"]):
        cell.text = value
    document.save(str(tmp_path / "t.docx"))
    found, _ = proposals(tmp_path / "t.docx")
    assert ("工业投资", 11.4, "亿元", 18.0, None, (), "indicator") in found


# ---------------------------------------------------------------- bad files

def check_refused(path: Path, *words: str) -> str:
    with pytest.raises(EcondashError) as caught:
        read_report(path)
    message = caught.value.message
    assert str(path) in message
    for word in words:
        assert word in message, message
    return message


@pytest.mark.parametrize("name", ["old.doc", "old.wps", "sheet.et"])
def test_old_office_formats_say_save_as_docx(tmp_path, name) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    check_refused(path, "另存为", ".docx")


def test_wps_named_file_that_is_not_ole_is_still_refused(tmp_path) -> None:
    path = tmp_path / "x.wps"
    path.write_bytes(b"something")
    check_refused(path, "另存为")


def test_encrypted_docx_says_remove_the_password(tmp_path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # Office encryption = OLE
    check_refused(path, "encrypted", "password")


def test_empty_binary_and_damaged_files(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    check_refused(empty, "empty")
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    check_refused(binary, "binary")
    damaged = tmp_path / "broken.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    check_refused(damaged, "damaged")
    no_word = tmp_path / "other.docx"
    with zipfile.ZipFile(no_word, "w") as archive:
        archive.writestr("hello.txt", "hi")
    check_refused(no_word, "without a Word document")
    check_refused(tmp_path / "absent.docx", "no such file")
    check_refused(tmp_path, "not a file")


def test_a_pdf_without_text_is_a_scan(tmp_path) -> None:
    pytest.importorskip("reportlab", reason="reportlab (test extra) makes the PDF")
    from reportlab.pdfgen import canvas
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 300, 400, fill=1)
    page.save()
    check_refused(path, "no text layer", "OCR")


def test_an_encrypted_pdf_says_remove_the_password(tmp_path) -> None:
    from pypdf import PdfReader, PdfWriter
    source = write_pdf(tmp_path / "plain.pdf", REPORT)
    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as out:
        writer.write(out)
    check_refused(locked, "encrypted")


def test_a_damaged_pdf(tmp_path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 50)
    with pytest.raises(EcondashError) as caught:
        read_report(path)
    assert "另存为" in caught.value.message or "no text layer" in caught.value.message


def test_text_without_chinese_is_not_a_report(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some notes 123\n", encoding="utf-8")
    check_refused(path, "no Chinese text")
