"""Résumés generated for intake tests: plain-text CVs the parser reads reliably, and zips."""

from __future__ import annotations

import io
import zipfile

FIRST = ("Wei", "Na", "Jie", "Maria", "John", "Anna", "Ravi", "Sara", "Omar", "Yuki", "Lena", "Tom")
LAST = ("Zhang", "Li", "Chen", "Garcia", "Smith", "Schmidt", "Kumar", "Lee", "Haddad", "Sato", "Berg", "Fox")


def cv_text(index: int, *, email: str | None = None, employer: str = "Alibaba") -> bytes:
    """A plain-text CV of person ``index`` with a unique name, e-mail and phone."""
    first, last = FIRST[index % len(FIRST)], LAST[(index // len(FIRST)) % len(LAST)]
    mail = email or f"candidate{index}@example.com"
    return (
        f"{first} {last}\nSenior ML Engineer\nEmail: {mail}\n"
        f"Phone: +86 138 {index // 10000:04d} {index % 10000:04d}\n\n"
        f"Experience\nSenior ML Engineer, {employer}, 2019 - present\n\n"
        "Education\nMSc Computer Science, Tsinghua University, 2015 - 2017\n\nSkills\nPython, PyTorch\n"
    ).encode()


def make_zip(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive holding ``entries`` (name -> bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()
