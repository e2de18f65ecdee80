# ruff: noqa: RUF001  (Chinese CV text: full-width punctuation and dashes are the point)
"""Worked examples for each extractor, in English and Chinese."""

from __future__ import annotations

from datetime import date

import pytest

from talentbridge.intake.parsing import parse_text
from talentbridge.intake.parsing.dates import find_ranges
from talentbridge.intake.parsing.sections import heading_name, segment
from talentbridge.intake.parsing.text import detect_language, normalise
from talentbridge.people.interchange import json_resume_to_person_data
from talentbridge.people.schemas import PersonCreate

TODAY = date(2026, 11, 1)

EN_CV = """WEI ZHANG 张伟
Senior Machine Learning Engineer
San Francisco, CA, USA | wei.zhang@example.com | +1 415-234-2671
linkedin.com/in/weizhang · github.com/wzhang · https://weizhang.dev

EXPERIENCE
Senior Machine Learning Engineer, Acme Inc    Jan 2020 – Present
• Built ranking models in PyTorch and served them with Kubernetes.
Software Engineer at Globex Corporation | Jul 2016 - Dec 2019
- Developed REST APIs in Java.

EDUCATION
Stanford University
M.S. in Computer Science, 2014 - 2016
Tsinghua University — B.Eng. in Automation, 2010 – 2014

SKILLS
Languages: Python, Java, C++, SQL
Frameworks: PyTorch, TensorFlow, Docker (5 years)

LANGUAGES
English (C1, IELTS 7.5), Chinese (native), German: basic

PUBLICATIONS
[1] W. Zhang, J. Doe. "Scalable Ranking with Graph Neural Networks". NeurIPS 2021.

AWARDS
ACM ICPC Asia Regional Gold Medal, 2012
"""

ZH_CV = """个人简历
姓名：李娜
电话：138 1234 5678    邮箱：lina@example.cn
现居：北京

【教育背景】
2015.09 - 2019.06   清华大学   计算机科学与技术   本科
2019.09 - 2022.06   北京大学   软件工程  硕士

一、工作经历
2022.07 - 至今   字节跳动   高级算法工程师
负责推荐系统，使用Python和TensorFlow。
2021年6月 - 2021年9月   腾讯科技有限公司   实习生

专业技能
熟练掌握Python、Java，熟悉MySQL、Redis

语言能力
英语：CET-6，雅思7.0
普通话（母语）
日语：JLPT N2

获奖情况
2018年 全国大学生数学建模竞赛 一等奖
"""


@pytest.fixture(scope="module")
def english() -> dict:
    return parse_text(EN_CV, today=TODAY).resume


@pytest.fixture(scope="module")
def chinese() -> dict:
    return parse_text(ZH_CV, today=TODAY).resume


def test_names_latin_and_native_script(english: dict, chinese: dict) -> None:
    assert english["basics"]["name"] == "Wei Zhang"
    assert english["meta"]["talentbridge"]["native_name"] == "张伟"
    assert chinese["basics"]["name"] == "李娜"
    assert (chinese["meta"]["talentbridge"]["last_name"], chinese["meta"]["talentbridge"]["first_name"]) == (
        "李",
        "娜",
    )


def test_emails_and_phones_become_e164(english: dict, chinese: dict) -> None:
    assert english["basics"]["email"] == "wei.zhang@example.com"
    assert english["basics"]["phone"] == "+14152342671"
    assert chinese["basics"]["phone"] == "+8613812345678"  # a Chinese mobile without +86


def test_links_by_kind(english: dict) -> None:
    links = english["meta"]["talentbridge_parser"]["links"]
    assert links == {
        "linkedin": "https://linkedin.com/in/weizhang",
        "github": "https://github.com/wzhang",
        "website": "https://weizhang.dev",
    }


def test_location_city_and_country(english: dict, chinese: dict) -> None:
    assert english["basics"]["location"] == {
        "city": "San Francisco",
        "countryCode": "US",
    }  # "CA" is California
    assert chinese["basics"]["location"] == {"city": "Beijing", "countryCode": "CN"}


def test_education_levels_fields_institutions(english: dict, chinese: dict) -> None:
    assert [
        (e["institution"], e["studyType"], e.get("area"), e.get("endDate")) for e in english["education"]
    ] == [
        ("Stanford University", "Master", "Computer Science", "2016"),
        ("Tsinghua University", "Bachelor", "Automation", "2014"),
    ]
    assert [(e["institution"], e["studyType"], e.get("area")) for e in chinese["education"]] == [
        ("清华大学", "Bachelor", "计算机科学与技术"),
        ("北京大学", "Master", "软件工程"),
    ]
    assert chinese["meta"]["talentbridge_parser"]["highest_degree"] == "master"


def test_experience_titles_employers_dates_and_years(english: dict, chinese: dict) -> None:
    assert [(w["position"], w["name"], w["startDate"], w.get("endDate")) for w in english["work"]] == [
        ("Senior Machine Learning Engineer", "Acme Inc", "2020-01", None),
        ("Software Engineer", "Globex Corporation", "2016-07", "2019-12"),
    ]
    assert [(w["position"], w["name"], w["startDate"], w.get("endDate")) for w in chinese["work"]] == [
        ("高级算法工程师", "字节跳动", "2022-07", None),
        ("实习生", "腾讯科技有限公司", "2021-06", "2021-09"),
    ]
    # 2016-07..2019-12 (42 months) + 2020-01..2026-11 (83 months) = 125 months
    assert english["meta"]["talentbridge_parser"]["total_years"] == pytest.approx(10.4)
    # 2021-06..2021-09 (4 months) + 2022-07..2026-11 (53 months) = 57 months
    assert chinese["meta"]["talentbridge_parser"]["total_years"] == pytest.approx(4.8)


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("2019.07 - 至今", "2019-07", None, True),
        ("Jan 2020 – Present", "2020-01", None, True),
        ("2019年7月—2021年6月", "2019-07", "2021-06", False),
        ("03/2018 - 05/2020", "2018-03", "2020-05", False),
        ("2016 - 2020", "2016", "2020", False),
        ("Sept. 2015 to Current", "2015-09", None, True),
        ("2018年9月至2022年6月", "2018-09", "2022-06", False),
    ],
)
def test_date_ranges(text: str, start: str, end: str | None, current: bool) -> None:
    found = find_ranges(normalise(text))
    assert len(found) == 1
    assert found[0].start.iso() == start
    assert (found[0].end.iso() if found[0].end else None) == end
    assert found[0].current is current


def test_a_range_that_ends_before_it_starts_is_ignored() -> None:
    assert find_ranges("2020 - 2018") == []


def test_skills_from_sections_english_and_chinese(english: dict, chinese: dict) -> None:
    english_skills = {s["name"].casefold() for s in english["skills"]}
    assert {"python", "java", "c++", "sql", "pytorch", "tensorflow", "docker", "kubernetes"} <= english_skills
    chinese_skills = {s["name"].casefold() for s in chinese["skills"]}
    assert {"python", "java", "mysql", "redis", "tensorflow"} <= chinese_skills


def test_languages_with_levels(english: dict, chinese: dict) -> None:
    assert {(x["language"], x["fluency"]) for x in english["languages"]} == {
        ("English", "C1"),
        ("Chinese", "native"),
        ("German", "A1"),
    }
    # CET-6 is B2, IELTS 7.0 is C1: the higher one wins; JLPT N2 is B2.
    assert {(x["language"], x["fluency"]) for x in chinese["languages"]} == {
        ("English", "C1"),
        ("Chinese", "native"),
        ("Japanese", "B2"),
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("English: TOEFL 105", ("English", "C1")),
        ("English: TOEFL 80", ("English", "B2")),
        ("English (IELTS 6.0)", ("English", "B2")),
        ("Chinese: HSK 5", ("Chinese", "HSK5")),
        ("English: TOEIC 800", ("English", "B2")),
        ("英语：四级", ("English", "B1")),
        ("French - fluent", ("French", "C1")),
    ],
)
def test_language_test_scores_map_to_levels(line: str, expected: tuple[str, str]) -> None:
    resume = parse_text(f"Jane Doe\n\nLanguages\n{line}\n", today=TODAY).resume
    assert [(x["language"], x["fluency"]) for x in resume["languages"]] == [expected]


def test_publications_and_awards_recognise_venues_and_competitions(english: dict, chinese: dict) -> None:
    assert english["publications"][0] == {
        "name": "Scalable Ranking with Graph Neural Networks",
        "publisher": "NeurIPS",
        "releaseDate": "2021",
    }
    assert english["awards"][0]["awarder"] == "ICPC Foundation"
    assert chinese["meta"]["talentbridge_parser"]["competitions"] == ["CUMCM"]


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("EDUCATION", "education"),
        ("## Work Experience", "work"),
        ("【教育背景】", "education"),
        ("一、工作经历", "work"),
        ("Education / 教育背景", "education"),
        ("— SKILLS —", "skills"),
        ("专业技能：", "skills"),
        ("Built models in PyTorch", None),
    ],
)
def test_headings(line: str, section: str | None) -> None:
    assert heading_name(normalise(line)) == section


def test_inline_languages_inside_a_skills_section_are_programming_languages() -> None:
    text = "SKILLS\nLanguages: Python, Go\nLANGUAGES\nEnglish (native)\n"
    assert [s.name for s in segment(text)] == ["skills", "languages"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (EN_CV, "en"),
        (ZH_CV, "zh"),
        ("张伟 Wei Zhang\n教育背景 清华大学 本科\nSkills: Python, Go", "mixed"),
        ("Jane Doe\nEngineer", "en"),
    ],
)
def test_language_of_the_document(text: str, language: str) -> None:
    assert detect_language(normalise(text)) == language


def test_documents_load_as_people(english: dict, chinese: dict) -> None:
    for resume in (english, chinese):
        person = PersonCreate(**json_resume_to_person_data(resume))
        assert person.first_name
    person = PersonCreate(**json_resume_to_person_data(english))
    assert person.native_name == "张伟"
    assert person.current_employer == "Acme Inc"
    assert str(person.links["github"]) == "https://github.com/wzhang"


def test_evidence_points_at_the_source_text() -> None:
    parsed = parse_text(EN_CV, today=TODAY)
    by_path = {item.path: item for item in parsed.evidence}
    assert by_path["basics.email"].snippet == "wei.zhang@example.com"
    assert by_path["basics.phone"].snippet == "+1 415-234-2671"
    assert by_path["work[0].name"].snippet == "Acme Inc"
    assert all(0 < item.confidence <= 1 for item in parsed.evidence)
    for item in parsed.evidence:
        if item.start is not None and item.end is not None:
            assert parsed.text[item.start : item.end] == item.snippet
