# ruff: noqa: RUF001  (Chinese CV text: full-width punctuation and dashes are the point)
"""Whole documents: type by magic bytes, PDF/DOCX/text/JSON Resume readers and every bad input."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from docx import Document
from docx.oxml import parse_xml
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from talentbridge.intake.parsing import UnreadableDocument, parse_document

TODAY = date(2026, 11, 1)
LINES = [
    "张伟 Wei Zhang",
    "wei@example.com  +86 138 1234 5678",
    "",
    "教育背景",
    "2015.09 - 2019.06  清华大学  软件工程  本科",
]


def _pdf(lines: list[str], *, encrypt: bool = False, draw_text: bool = True) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption("secret", "owner") if encrypt else None)
    page.setFont("STSong-Light", 10)
    y = 800
    for line in lines:
        if draw_text:
            page.drawString(50, y, line)
        else:
            page.rect(50, y, 200, 8, fill=1)  # shapes only: what a scanned CV looks like to a text reader
        y -= 14
    page.save()
    return buffer.getvalue()


def _docx(body: list[str], header: str | None = None, textbox: str | None = None) -> bytes:
    document = Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for line in body:
        document.add_paragraph(line)
    if textbox:
        paragraph = document.add_paragraph()
        paragraph._p.append(
            parse_xml(
                '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
                f"<w:t>{textbox}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
            )
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_chinese_pdf_text_layer() -> None:
    parsed = parse_document(_pdf(LINES), "cv.pdf", today=TODAY)
    assert parsed.detected_type == "pdf"
    assert parsed.resume["basics"]["name"] == "Wei Zhang"
    assert parsed.resume["meta"]["talentbridge"]["native_name"] == "张伟"
    assert parsed.resume["education"][0]["institution"] == "清华大学"
    assert len(parsed.content_hash) == 64


def test_docx_header_and_text_box_are_read() -> None:
    data = _docx(
        ["SKILLS", "Python, Kubernetes"],
        header="Jane Doe | jane.doe@example.com | +44 20 7946 0321",
        textbox="github.com/janedoe",
    )
    parsed = parse_document(data, "cv.docx", today=TODAY)
    assert parsed.detected_type == "docx"
    assert parsed.resume["basics"]["name"] == "Jane Doe"
    assert parsed.resume["basics"]["email"] == "jane.doe@example.com"
    assert parsed.resume["basics"]["phone"] == "+442079460321"
    assert parsed.resume["basics"]["profiles"][0]["url"] == "https://github.com/janedoe"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-8-sig", "big5"])
def test_text_encodings(encoding: str) -> None:
    text = "\n".join(
        [
            "張偉" if encoding == "big5" else "张伟",
            "wei@example.com",
            "",
            "語言能力" if encoding == "big5" else "语言能力",
            "英語：CET-6" if encoding == "big5" else "英语：CET-6",
        ]
    )
    parsed = parse_document(text.encode(encoding), "cv.txt", today=TODAY)
    assert parsed.detected_type == "text"
    assert parsed.text.startswith(text.splitlines()[0])
    assert parsed.resume["basics"]["email"] == "wei@example.com"


def test_type_comes_from_magic_bytes_not_the_extension() -> None:
    parsed = parse_document(_pdf(LINES), "cv.docx", today=TODAY)
    assert parsed.detected_type == "pdf"
    assert parse_document(b"Jane Doe\njane@example.com\n", "cv.pdf").detected_type == "text"


def test_json_resume_is_validated_and_passed_through() -> None:
    document = {
        "basics": {"name": "Jane Doe", "email": "jane@example.com"},
        "work": [{"name": "Acme", "startDate": "2020-01"}],
    }
    data = json.dumps(document).encode()
    parsed = parse_document(data, "resume.json")
    assert parsed.detected_type == "jsonresume"
    assert parsed.resume == document
    email = next(item for item in parsed.evidence if item.path == "basics.email")
    assert email.start is not None
    assert parsed.text[email.start : email.end] == "jane@example.com"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.4\n1 0 obj garbage", "corrupt"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image_only"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "unsupported_type"),
        (b"PK\x03\x04garbage-zip", "corrupt"),
        (b'{"basics": []}', "corrupt"),
        (b'{"basics": {"name": 1}}', "corrupt"),
        (b'{"work": [{"startDate": "last year"}]}', "corrupt"),
        (b'{"not": "a resume"}', "unsupported_type"),
        (b"{not json", "corrupt"),
        (bytes(range(256)) * 8, "unsupported_type"),
    ],
)
def test_bad_inputs_get_one_clear_code(data: bytes, code: str) -> None:
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(data, "cv")
    assert raised.value.code == code
    assert raised.value.message


def test_encrypted_pdf() -> None:
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(_pdf(LINES, encrypt=True), "cv.pdf")
    assert raised.value.code == "encrypted"


def test_image_only_pdf_is_flagged_for_ocr_not_returned_empty() -> None:
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(_pdf(LINES, draw_text=False), "scan.pdf")
    assert raised.value.code == "image_only"
    assert "OCR" in raised.value.message


def test_too_large_is_refused_before_reading() -> None:
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(b"x" * 2048, "cv.txt", max_bytes=1024)
    assert raised.value.code == "too_large"


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(buffer.getvalue(), "cv.docx")
    assert raised.value.code == "unsupported_type"


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/padding.bin", b"\x00" * (70 * 1024 * 1024))
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(buffer.getvalue(), "cv.docx")
    assert raised.value.code == "too_large"


def test_encrypted_office_document() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(data, "cv.docx")
    assert raised.value.code == "encrypted"


def test_empty_docx() -> None:
    with pytest.raises(UnreadableDocument) as raised:
        parse_document(_docx([]), "cv.docx")
    assert raised.value.code == "empty"
