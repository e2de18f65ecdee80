"""The job, pipeline and pipeline-settings pages render in Simplified Chinese.

(That every marked string has a Chinese translation is checked for all pages in test_catalogs.)
"""

from __future__ import annotations

import html
from collections.abc import Callable

from page_helpers import post_form
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from factories.jobs import make_application, make_job, make_person
from talentbridge.auth.enums import Role


def test_job_pages_render_in_chinese(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        job = make_job(session, title="机器学习工程师", status="open")
        make_application(session, job=job, person=make_person(session, native_name="张伟"))
        session.commit()
    admin = browser(Role.ADMIN)
    assert (
        post_form(admin, "/settings/profile", "/lang", {"locale": "zh_Hans", "next": "/"}).status_code == 303
    )
    pages = {
        "/jobs": ("职位名称", "进行中的候选人", "筛选职位"),
        f"/jobs/{job.id}": ("招聘流程", "更改状态", "移至…"),
        f"/jobs/{job.id}?tab=details": ("薪资范围", "招聘团队", "¥600,000"),
        "/jobs/new": ("职位概况", "必备技能", "创建职位"),
        "/settings/stages": ("默认招聘流程", "添加阶段"),
        "/settings/reasons": ("拒绝原因", "撤回原因"),
        "/settings/hubs": ("办公地点",),
    }
    for path, expected in pages.items():
        response = admin.get(path)
        assert response.status_code == 200, path
        text = html.unescape(response.text)
        assert '<html lang="zh-Hans">' in text
        for words in expected:
            assert words in text, (path, words)
    missing = post_form(admin, "/jobs/new", "/jobs", {"title": ""})
    assert missing.status_code == 422
    assert "此项为必填项。" in missing.text
