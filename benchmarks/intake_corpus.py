# ruff: noqa: RUF001, RUF002, E501  (Chinese CV text and one-line layout tables)
"""Generates a labelled set of CVs (English, Chinese, bilingual; PDF, DOCX, TXT) with ground truth.

Seeded and written at run time to a temporary folder (never committed). Layouts vary on purpose
so the accuracy benchmark is honest: heading styles (EDUCATION / ## Education / 【教育背景】 /
一、工作经历 / Education / 教育背景), name placement (first line, after a "RESUME" title, labelled
"Name:", in a DOCX page header, all caps), date formats (Jan 2020 – Present, 01/2020 - 03/2022,
2019.07 - 至今, 2019年7月 - 2021年6月, year-only ranges), experience line shapes, skills written as
lists, categories or Chinese sentences, phones in national and international formats, text
encodings UTF-8, UTF-8 with BOM, GBK and UTF-16, and DOCX files with the contact block in a
header or the links in a text box.

    .venv/bin/python benchmarks/intake_corpus.py --count 240 --out /tmp/cvs   # writes files + truth.json
"""

from __future__ import annotations

import argparse
import io
import json
import random
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers
from docx import Document
from docx.oxml import parse_xml
from faker import Faker
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

TODAY = date(2026, 11, 1)

SKILLS = [
    "Python", "Java", "JavaScript", "TypeScript", "C++", "Rust", "Kotlin", "SQL", "PyTorch", "TensorFlow",
    "Docker", "Kubernetes", "Apache Spark", "Kafka", "React", "Vue.js", "Node.js", "Django", "Flask",
    "FastAPI", "PostgreSQL", "MySQL", "MongoDB", "Redis", "AWS", "Linux", "Git", "Machine Learning",
    "Deep Learning", "Natural Language Processing", "Computer Vision", "pandas", "NumPy", "scikit-learn",
    "Terraform", "GraphQL", "Elasticsearch", "Go", "Scala", "Hadoop",
]  # fmt: skip
PROSE_SAFE = [s for s in SKILLS if s not in ("Go", "Apache Spark", "Git")]
EN_TITLES = [
    "Software Engineer", "Senior Software Engineer", "Data Scientist", "Machine Learning Engineer",
    "Backend Developer", "Research Scientist", "Data Engineer", "DevOps Engineer", "Frontend Developer",
    "Engineering Manager", "Research Intern", "Staff Engineer",
]  # fmt: skip
ZH_TITLES = [
    "软件工程师",
    "高级软件工程师",
    "算法工程师",
    "数据分析师",
    "后端开发工程师",
    "研究员",
    "数据工程师",
    "技术经理",
    "实习生",
    "前端开发工程师",
]
EN_SUFFIXES = ["Inc", "LLC", "Ltd", "Group", "Technologies", "Labs", "Systems", "GmbH", "Corp"]
EN_UNIS = [
    "Stanford University", "University of Cambridge", "Carnegie Mellon University", "ETH Zurich",
    "Massachusetts Institute of Technology", "University of Toronto", "Imperial College London",
    "Technical University of Munich", "National University of Singapore", "Tsinghua University",
    "Peking University", "University of Washington", "Georgia Institute of Technology",
]  # fmt: skip
ZH_UNIS = [
    "清华大学",
    "北京大学",
    "复旦大学",
    "上海交通大学",
    "浙江大学",
    "南京大学",
    "中国科学技术大学",
    "武汉大学",
    "哈尔滨工业大学",
    "西安交通大学",
    "中山大学",
    "华中科技大学",
]
EN_FIELDS = [
    "Computer Science",
    "Electrical Engineering",
    "Statistics",
    "Mathematics",
    "Data Science",
    "Physics",
]
ZH_FIELDS = ["计算机科学与技术", "软件工程", "电子信息工程", "统计学", "数学与应用数学", "自动化"]
PINYIN_SURNAMES = {"张": "Zhang", "王": "Wang", "李": "Li", "刘": "Liu", "陈": "Chen", "杨": "Yang", "黄": "Huang", "赵": "Zhao", "吴": "Wu", "周": "Zhou", "徐": "Xu", "孙": "Sun", "马": "Ma", "朱": "Zhu", "胡": "Hu", "郭": "Guo", "林": "Lin", "高": "Gao"}  # fmt: skip
PINYIN_GIVEN = {"伟": "Wei", "芳": "Fang", "娜": "Na", "敏": "Min", "静": "Jing", "强": "Qiang", "磊": "Lei", "军": "Jun", "洋": "Yang", "杰": "Jie", "涛": "Tao", "明": "Ming", "超": "Chao", "建华": "Jianhua", "晓明": "Xiaoming", "子涵": "Zihan", "浩然": "Haoran", "欣怡": "Xinyi", "思远": "Siyuan", "俊杰": "Junjie"}  # fmt: skip
EN_CITIES = [("San Francisco, CA", "US"), ("Seattle, WA", "US"), ("New York, NY", "US"), ("Austin, TX", "US"), ("London, UK", "GB"), ("Berlin, Germany", "DE"), ("Toronto, Canada", "CA"), ("Singapore", "SG")]  # fmt: skip
ZH_CITIES = ["北京", "上海", "深圳", "杭州", "广州", "南京", "成都"]
DEGREE_EN = {
    "bachelor": ["B.S.", "BSc", "Bachelor of Science", "B.Eng.", "Bachelor of Engineering"],
    "master": ["M.S.", "MSc", "Master of Science", "M.Eng.", "MEng"],
    "doctorate": ["Ph.D.", "PhD", "Doctor of Philosophy"],
    "associate": ["Associate Degree", "Diploma"],
}
DEGREE_ZH = {
    "bachelor": ["本科", "学士"],
    "master": ["硕士", "硕士研究生"],
    "doctorate": ["博士", "博士研究生"],
    "associate": ["大专"],
}
HEADINGS_EN = {
    "contact": ["Contact"], "summary": ["SUMMARY", "Summary", "Profile", "About Me"],
    "work": ["EXPERIENCE", "Work Experience", "Professional Experience", "Employment History"],
    "education": ["EDUCATION", "Education", "Academic Background"],
    "skills": ["SKILLS", "Technical Skills", "Skills", "Core Skills"],
    "languages": ["LANGUAGES", "Languages", "Language Skills"],
    "awards": ["AWARDS", "Honors and Awards", "Awards"],
    "publications": ["PUBLICATIONS", "Selected Publications"],
}  # fmt: skip
HEADINGS_ZH = {
    "summary": ["自我评价", "个人简介"], "work": ["工作经历", "工作经验", "实习经历"], "education": ["教育背景", "教育经历"],
    "skills": ["专业技能", "技能特长"], "languages": ["语言能力", "外语水平"], "awards": ["获奖情况", "荣誉奖项"],
    "publications": ["发表论文", "学术成果"],
}  # fmt: skip
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]  # fmt: skip


@dataclass
class Truth:
    """Ground truth for one generated CV."""

    file: str
    kind: str  # en | zh | bilingual
    fmt: str  # pdf | docx | txt-utf8 | txt-gbk | txt-utf16 ...
    name: str
    native_name: str | None
    email: str
    phone: str  # E.164
    skills: list[str]
    degree: str
    languages: list[tuple[str, str]]
    links: dict[str, str]
    total_years: float
    features: list[str] = field(default_factory=list)


def _heading(rng: random.Random, key: str, kind: str) -> str:
    en = rng.choice(HEADINGS_EN[key])
    if kind == "zh":
        zh = rng.choice(HEADINGS_ZH.get(key, [en]))
        return rng.choice([zh, f"【{zh}】", f"一、{zh}", f"■ {zh}"])
    if kind == "bilingual" and key in HEADINGS_ZH:
        return f"{en.title()} / {rng.choice(HEADINGS_ZH[key])}"
    return rng.choice([en, f"## {en}", f"{en.upper()}", f"— {en.upper()} —", f"{en}:"])


def _phone(rng: random.Random, region: str, national: bool) -> tuple[str, str]:
    while True:
        if region == "CN":
            digits = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
            number = phonenumbers.parse(digits, "CN")
        elif region == "US":
            digits = f"{rng.choice([415, 212, 646, 206, 617, 312, 512, 650])}{rng.randrange(2, 10)}{rng.randrange(10**6):06d}"
            number = phonenumbers.parse(digits, "US")
        else:
            digits = f"+44 7{rng.randrange(10**9):09d}"
            number = phonenumbers.parse(digits, None)
        if not phonenumbers.is_valid_number(number) or "555" in digits[3:6]:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if region == "CN":
            n = e164[3:]
            text = rng.choice([f"{n[:3]} {n[3:7]} {n[7:]}", n, f"+86 {n[:3]}-{n[3:7]}-{n[7:]}", f"(+86) {n}"] if national else [f"+86 {n[:3]} {n[3:7]} {n[7:]}"])  # fmt: skip
        elif region == "US" and national:
            n = e164[2:]
            text = rng.choice(
                [f"({n[:3]}) {n[3:6]}-{n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}", f"+1 {n[:3]}-{n[3:6]}-{n[6:]}"]
            )
        else:
            text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return text, e164


def _dates_en(rng: random.Random, start: tuple[int, int], end: tuple[int, int] | None, style: int) -> str:
    (sy, sm), present = start, rng.choice(["Present", "Current", "Now"])
    if style == 0:
        return f"{MONTHS[sm - 1]} {sy} – {f'{MONTHS[end[1] - 1]} {end[0]}' if end else present}"
    if style == 1:
        return f"{sm:02d}/{sy} - {f'{end[1]:02d}/{end[0]}' if end else present}"
    if style == 2:
        return f"{sy}-{sm:02d} to {f'{end[0]}-{end[1]:02d}' if end else present}"
    if style == 3:
        return f"{MONTHS_LONG[sm - 1]} {sy} - {f'{MONTHS_LONG[end[1] - 1]} {end[0]}' if end else present}"
    return f"{sy} – {end[0] if end else present}"


def _dates_zh(rng: random.Random, start: tuple[int, int], end: tuple[int, int] | None, style: int) -> str:
    (sy, sm), present = start, rng.choice(["至今", "今", "现在"])
    if style == 0:
        return f"{sy}.{sm:02d} - {f'{end[0]}.{end[1]:02d}' if end else present}"
    if style == 1:
        return f"{sy}年{sm}月 - {f'{end[0]}年{end[1]}月' if end else present}"
    if style == 2:
        return f"{sy}/{sm:02d}-{f'{end[0]}/{end[1]:02d}' if end else present}"
    return f"{sy}.{sm:02d}—{f'{end[0]}.{end[1]:02d}' if end else present}"


def _months(start: tuple[int, int], end: tuple[int, int] | None) -> tuple[int, int]:
    last = end or (TODAY.year, TODAY.month)
    return start[0] * 12 + start[1] - 1, last[0] * 12 + last[1] - 1


def _jobs(rng: random.Random) -> tuple[list[tuple[tuple[int, int], tuple[int, int] | None]], float]:
    """Consecutive positions, newest first, with total years (union of month ranges)."""
    count = rng.choice([1, 2, 2, 3, 3, 4])
    cursor = (TODAY.year, TODAY.month)
    spans: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
    current = rng.random() < 0.7
    for index in range(count):
        length = rng.randrange(6, 60)
        end = None if index == 0 and current else cursor
        end_index = (cursor[0] * 12 + cursor[1] - 1) - (0 if end is None else rng.randrange(0, 4))
        end_month = None if end is None else (end_index // 12, end_index % 12 + 1)
        start_index = end_index - length
        start = (start_index // 12, start_index % 12 + 1)
        spans.append((start, end_month))
        cursor_index = start_index - rng.randrange(1, 6)
        cursor = (cursor_index // 12, cursor_index % 12 + 1)
    months = sum(_months(s, e)[1] - _months(s, e)[0] + 1 for s, e in spans)
    return spans, round(months / 12, 2)


def generate_one(
    index: int, rng: random.Random, fakers: dict[str, Faker]
) -> tuple[list[str], Truth, dict[str, Any]]:
    """(lines, truth, layout options) for CV number ``index``."""
    kind = "en" if index % 6 in (0, 1, 2) else ("zh" if index % 6 in (3, 4) else "bilingual")
    if index % 6 == 5 and rng.random() < 0.3:
        kind = "en"
    features: list[str] = []
    zh = kind in ("zh", "bilingual")
    fake_en = fakers[rng.choice(["en_US", "en_GB", "de_DE"])]
    if kind == "en":
        first, last = fake_en.first_name(), fake_en.last_name()
        latin, native = f"{first} {last}", None
    elif kind == "bilingual":
        surname = rng.choice(list(PINYIN_SURNAMES))
        given = rng.choice(list(PINYIN_GIVEN))
        native = surname + given
        latin = f"{PINYIN_GIVEN[given]} {PINYIN_SURNAMES[surname]}"
    else:
        native = fakers["zh_CN"].name()
        latin = ""
    display = latin or (native or "")
    slug = (latin or f"user{index}").lower().replace(" ", ".").replace("'", "")
    slug = "".join(ch for ch in slug if ch.isascii()) or f"user{index}"
    email = f"{slug}{rng.randrange(100)}@{rng.choice(['example.com', 'example.org', 'mail.example.net'])}"
    country = "CN" if zh and rng.random() < 0.8 else None
    if zh:
        city_text = (
            rng.choice(ZH_CITIES)
            if kind == "zh"
            else rng.choice(["Beijing, China", "Shanghai, China", "Shenzhen"])
        )
        region = "CN"
    else:
        city_text, country = rng.choice(EN_CITIES)
        region = "US" if country == "US" else "GB"
    phone_text, phone = _phone(rng, region, national=(region in ("US", "CN")))
    links: dict[str, str] = {}
    if rng.random() < 0.6:
        links["linkedin"] = f"https://linkedin.com/in/{slug.replace('.', '-')}"
    if rng.random() < 0.6:
        links["github"] = f"https://github.com/{slug.replace('.', '')}"
    if rng.random() < 0.2:
        links["scholar"] = (
            f"https://scholar.google.com/citations?user={''.join(rng.choice('ABCDEFGHxyz0123') for _ in range(12))}"
        )
    if rng.random() < 0.25:
        links["website"] = f"https://{slug.replace('.', '')}.dev"

    skills = rng.sample(SKILLS, rng.randrange(5, 11))
    spans, total_years = _jobs(rng)
    degree_levels = ["bachelor"]
    roll = rng.random()
    if roll < 0.45:
        degree_levels.append("master")
    elif roll < 0.65:
        degree_levels += ["master", "doctorate"]
    elif roll < 0.72:
        degree_levels = ["associate"]
    highest = degree_levels[-1]

    lines: list[str] = []
    name_line = display
    name_style = rng.randrange(5)
    if kind == "bilingual":
        name_line = rng.choice([f"{native} {latin}", f"{latin} ({native})", f"{native} | {latin.upper()}"])
    elif kind == "en" and name_style == 1:
        name_line = latin.upper()
    title_line = rng.choice(ZH_TITLES) if kind == "zh" else rng.choice(EN_TITLES)
    contact_bits = [email, phone_text]
    location_line = city_text
    if name_style == 2:
        lines.append(
            rng.choice(["RESUME", "CURRICULUM VITAE", "个人简历"] if zh else ["RESUME", "CURRICULUM VITAE"])
        )
        features.append("title-line")
    if name_style == 3:
        lines.append(f"{'姓名' if kind == 'zh' else 'Name'}: {name_line}")
        features.append("labelled-name")
    else:
        lines.append(name_line)
    lines.append(title_line)
    if kind == "zh":
        lines += [f"电话：{phone_text}", f"邮箱：{email}", f"现居：{location_line}"]
    else:
        sep = rng.choice([" | ", " · ", "   "])
        lines.append(sep.join([location_line, *contact_bits]))
    link_line = "  ".join(
        url.replace("https://", "") if rng.random() < 0.5 else url for url in links.values()
    )

    # experience
    work_lines: list[str] = []
    mentioned_extra: list[str] = []
    date_style = rng.randrange(5)
    layout = rng.randrange(4)
    for start, end in spans:
        if kind == "zh":
            title = rng.choice(ZH_TITLES)
            employer = fakers["zh_CN"].company()
            dates = _dates_zh(rng, start, end, date_style % 4)
            if layout % 2 == 0:
                work_lines.append(f"{dates}   {employer}   {title}")
            else:
                work_lines += [f"公司：{employer}  职位：{title}", f"时间：{dates}"]
            used = rng.sample(PROSE_SAFE, 1)
            work_lines.append(f"负责核心系统的设计与开发，使用{used[0]}完成多个项目。")
        else:
            title = rng.choice(EN_TITLES)
            employer = f"{fake_en.last_name()} {rng.choice(EN_SUFFIXES)}"
            dates = _dates_zh(rng, start, end, date_style % 4) if kind == "bilingual" and date_style > 2 else _dates_en(rng, start, end, date_style)  # fmt: skip
            if layout == 0:
                work_lines.append(f"{title}, {employer}    {dates}")
            elif layout == 1:
                work_lines += [employer, f"{title} | {dates}"]
            elif layout == 2:
                work_lines.append(f"{title} at {employer} | {dates}")
            else:
                work_lines += [f"{employer} — {title}", dates]
            used = rng.sample(PROSE_SAFE, 2)
            work_lines.append(f"• Designed and shipped services using {used[0]} and {used[1]}.")
            work_lines.append("• Improved reliability and reduced latency for the main product.")
        for skill in used:
            if skill not in skills:
                mentioned_extra.append(skill)
    if date_style == 4 and kind != "zh":
        features.append("year-only-dates")

    # education
    edu_lines: list[str] = []
    for level in reversed(degree_levels):
        end_year = TODAY.year - rng.randrange(1, 12)
        start_year = end_year - (4 if level in ("bachelor", "doctorate") else 2)
        if kind == "zh" or (kind == "bilingual" and rng.random() < 0.5):
            uni, fld, deg = rng.choice(ZH_UNIS), rng.choice(ZH_FIELDS), rng.choice(DEGREE_ZH[level])
            style = rng.randrange(3)
            if style == 0:
                edu_lines.append(f"{start_year}.09 - {end_year}.06   {uni}   {fld}   {deg}")
            elif style == 1:
                edu_lines.append(f"{uni} | {fld} | {deg} | {start_year}-{end_year}")
            else:
                edu_lines += [
                    f"学校：{uni}  专业：{fld}",
                    f"学历：{deg}  {start_year}年9月 - {end_year}年6月",
                ]
        else:
            uni, fld, deg = rng.choice(EN_UNIS), rng.choice(EN_FIELDS), rng.choice(DEGREE_EN[level])
            style = rng.randrange(3)
            if style == 0:
                edu_lines.append(f"{deg} in {fld}, {uni}, {start_year} - {end_year}")
            elif style == 1:
                edu_lines += [uni, f"{deg} in {fld}", f"{start_year} – {end_year}"]
            else:
                edu_lines.append(f"{uni} — {deg}, {fld} ({end_year})")

    # skills
    skill_lines: list[str] = []
    style = rng.randrange(4)
    if kind == "zh" and style >= 2:
        half = len(skills) // 2
        skill_lines.append(f"熟练掌握{'、'.join(skills[:half])}")
        skill_lines.append(f"熟悉{'、'.join(skills[half:])}")
    elif style == 0:
        skill_lines.append(", ".join(skills))
    elif style == 1:
        skill_lines += [f"• {skill}" for skill in skills]
    elif style == 2:
        half = len(skills) // 2
        skill_lines += [f"Core: {', '.join(skills[:half])}", f"Tools: {' · '.join(skills[half:])}"]
    else:
        skill_lines.append(
            "; ".join(f"{s} ({rng.randrange(1, 9)} years)" if rng.random() < 0.3 else s for s in skills)
        )

    # languages
    languages: list[tuple[str, str]] = []
    language_lines: list[str] = []
    if zh:
        languages.append(("zh", "native"))
        english = rng.choice([("CET-6", "B2"), ("IELTS 7.5", "C1"), ("TOEFL 102", "C1"), ("CET-4", "B1"), ("IELTS 6.5", "B2"), ("C1", "C1")])  # fmt: skip
        languages.append(("en", english[1]))
        if kind == "zh":
            shown = {"IELTS 7.5": "雅思7.5", "IELTS 6.5": "雅思6.5", "TOEFL 102": "托福102"}.get(
                english[0], english[0]
            )
            language_lines += [f"英语：{shown}", rng.choice(["普通话（母语）", "中文：母语"])]
        else:
            language_lines.append(f"English ({english[0]}), Chinese (native)")
        if rng.random() < 0.25:
            languages.append(("ja", "B2"))
            language_lines.append("日语：JLPT N2" if kind == "zh" else "Japanese: JLPT N2")
    else:
        languages.append(("en", "native"))
        extra = rng.sample([("German", "de", "B1", "B1"), ("French", "fr", "A2", "elementary"), ("Spanish", "es", "C1", "fluent"), ("Mandarin", "zh", "HSK4", "HSK 4")], rng.randrange(0, 3))  # fmt: skip
        parts = [rng.choice(["English (native)", "English – Native speaker", "English: mother tongue"])]
        for label, code, level, shown in extra:
            languages.append((code, level))
            parts.append(f"{label} ({shown})" if rng.random() < 0.5 else f"{label}: {shown}")
        language_lines.append(rng.choice([", ", "; "]).join(parts))

    award_lines = []
    if rng.random() < 0.4:
        award_lines.append(rng.choice(["2018年 全国大学生数学建模竞赛 一等奖", "ACM-ICPC 亚洲区域赛 金奖 2017"]) if kind == "zh" else rng.choice(["ACM ICPC World Finalist, 2016", "Kaggle Competitions Master (2021)", "Google Code Jam Round 3, 2019"]))  # fmt: skip
    publication_lines = []
    if "doctorate" in degree_levels:
        venue = rng.choice(["NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "KDD", "AAAI"])
        publication_lines.append(
            f'{latin or native}, J. Smith. "Learning Robust Representations at Scale". {venue} {TODAY.year - 3}.'
        )

    sections: list[tuple[str, list[str]]] = [
        ("work", work_lines),
        ("education", edu_lines),
        ("skills", skill_lines),
        ("languages", language_lines),
    ]
    rng.shuffle(sections)
    if award_lines:
        sections.append(("awards", award_lines))
    if publication_lines:
        sections.append(("publications", publication_lines))
    body: list[str] = []
    for key, content in sections:
        body += ["", _heading(rng, key, kind), *content]
    options = {
        "links_in_textbox": bool(links) and rng.random() < 0.4,
        "contact_in_header": rng.random() < 0.4,
    }
    truth = Truth(
        file="",
        kind=kind,
        fmt="",
        name=display,
        native_name=native,
        email=email,
        phone=phone,
        skills=sorted(set(skills + mentioned_extra)),
        degree=highest,
        languages=sorted(languages),
        links=links,
        total_years=total_years,
        features=features,
    )
    return [*lines, link_line, *body], truth, options


def _write_pdf(lines: list[str], path: Path, cjk: bool) -> None:
    if cjk:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    font = "STSong-Light" if cjk else "Helvetica"
    y = A4[1] - 50
    for line in lines:
        if y < 50:
            page.showPage()
            y = A4[1] - 50
        page.setFont(font, 10)
        page.drawString(50, y, line.replace("\t", "    "))
        y -= 14
    page.save()
    path.write_bytes(buffer.getvalue())


_TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:300pt;height:40pt"><v:textbox>'
    "<w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def _write_docx(lines: list[str], path: Path, options: dict[str, Any], header_count: int) -> list[str]:
    document = Document()
    features = []
    body = list(lines)
    if options["contact_in_header"]:
        header = document.sections[0].header
        header.paragraphs[0].text = body[0]
        for line in body[1:header_count]:
            header.add_paragraph(line)
        body = body[header_count:]
        features.append("docx-header")
    for line in body:
        if (
            options["links_in_textbox"]
            and line
            and ("linkedin" in line or "github" in line or "scholar" in line or ".dev" in line)
        ):
            paragraph = document.add_paragraph()
            escaped = line.replace("&", "&amp;").replace("<", "&lt;")
            paragraph._p.append(parse_xml(_TEXTBOX.format(escaped)))
            features.append("docx-textbox")
            continue
        document.add_paragraph(line)
    document.save(str(path))
    return features


def generate(count: int, seed: int, out: Path) -> list[Truth]:
    """Write ``count`` CVs to ``out`` and return their ground truth."""
    rng = random.Random(seed)
    fakers = {locale: Faker(locale) for locale in ("en_US", "en_GB", "de_DE", "zh_CN")}
    for offset, faker in enumerate(fakers.values()):
        faker.seed_instance(seed + offset)
    out.mkdir(parents=True, exist_ok=True)
    truths = []
    for index in range(count):
        lines, truth, options = generate_one(index, rng, fakers)
        lines = [line for line in lines if line is not None]
        cjk = truth.kind != "en"
        fmt = ("pdf", "docx", "txt")[(index // 6 + index) % 3]
        stem = f"cv_{index:04d}_{truth.kind}"
        if fmt == "pdf":
            path = out / f"{stem}.pdf"
            _write_pdf(lines, path, cjk)
        elif fmt == "docx":
            path = out / f"{stem}.docx"
            truth.features += _write_docx(lines, path, options, header_count=4)
        else:
            text = "\n".join(lines) + "\n"
            choice = rng.random()
            if cjk and choice < 0.4:
                data, fmt = text.encode("gbk", errors="replace"), "txt-gbk"
            elif choice < 0.6:
                data, fmt = text.encode("utf-16"), "txt-utf16"
            elif choice < 0.7:
                data, fmt = b"\xef\xbb\xbf" + text.encode("utf-8"), "txt-utf8-bom"
            else:
                data, fmt = text.encode("utf-8"), "txt-utf8"
            path = out / f"{stem}.{rng.choice(['txt', 'txt', 'dat', 'pdf'])}"  # wrong extensions on purpose
            if path.suffix != ".txt":
                truth.features.append("wrong-extension")
            path.write_bytes(data)
        truth.file, truth.fmt = path.name, fmt
        truths.append(truth)
    (out / "truth.json").write_text(
        json.dumps([asdict(t) for t in truths], ensure_ascii=False, indent=1), "utf-8"
    )
    return truths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    truths = generate(arguments.count, arguments.seed, arguments.out)
    print(f"wrote {len(truths)} CVs to {arguments.out}")


if __name__ == "__main__":
    main()
