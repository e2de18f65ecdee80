# ruff: noqa: RUF001  (Chinese CV text: full-width punctuation and dashes are the point)
"""Properties over arbitrary input: spans always slice the text; only UnreadableDocument escapes."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentbridge.intake.parsing import UnreadableDocument, parse_document, parse_text

_PIECES = st.sampled_from(
    [
        "Jane Doe", "张伟", "EDUCATION", "教育背景", "工作经历", "SKILLS", "Languages", "jane@example.com",
        "+86 138 1234 5678", "(415) 234-5678", "2019.07 - 至今", "Jan 2020 – Present", "M.S. in Physics",
        "清华大学 本科", "Python, Go", "IELTS 7.5", "HSK 6", "github.com/x", "NeurIPS 2021", "Kaggle",
        "Engineer, Acme Inc", "\t", "\n", " ", "：", "（母语）", "■", "https://a.dev",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_evidence_spans_slice_the_text_to_the_snippet(pieces: list[str]) -> None:
    try:
        parsed = parse_text("".join(pieces), today=date(2026, 11, 1))
    except UnreadableDocument:
        return
    for item in parsed.evidence:
        assert 0.0 <= item.confidence <= 1.0
        if item.start is not None or item.end is not None:
            assert item.start is not None
            assert item.end is not None
            assert parsed.text[item.start : item.end] == item.snippet


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=3000),
    st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{", b"\xff\xfe", b"\xef\xbb\xbf"]),
)
def test_parse_never_raises_anything_but_unreadable_document(data: bytes, prefix: bytes) -> None:
    codes = {"encrypted", "corrupt", "image_only", "unsupported_type", "too_large", "empty", "encoding"}
    code = None
    try:
        parse_document(prefix + data, "random.bin")
    except UnreadableDocument as exc:
        code = exc.code
    assert code is None or code in codes
