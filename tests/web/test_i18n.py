"""Languages: choosing one, the browser's preference, and locale-aware formatting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from page_helpers import csrf_of, post_form
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from talentbridge.auth.enums import Role
from talentbridge.auth.models import User
from talentbridge.web import formatting
from talentbridge.web.i18n import _, gettext, html_lang, lazy_gettext, negotiate, ngettext, use_locale


def _switch(client: TestClient, page: str, locale: str) -> str:
    response = post_form(client, page, "/lang", {"locale": locale, "next": page})
    assert response.status_code == 303
    return response.headers["location"]


def test_language_switch_translates_the_page_and_html_lang(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    english = client.get("/settings/profile")
    assert '<html lang="en">' in english.text
    assert ">Settings<" in english.text
    location = _switch(client, "/settings/profile", "zh_Hans")
    assert location == "/settings/profile"
    chinese = client.get(location)
    assert '<html lang="zh-Hans">' in chinese.text
    assert ">设置<" in chinese.text
    assert ">个人资料<" in chinese.text
    assert ">Settings<" not in chinese.text


def test_language_choice_is_saved_on_the_account(
    browser: Callable[..., TestClient], session_factory: sessionmaker[Session], sign_in: Callable[..., object]
) -> None:
    client = browser(Role.RECRUITER)
    _switch(client, "/settings/profile", "zh_Hans")
    with session_factory() as session:
        assert session.get(User, client.user.id).locale == "zh_Hans"  # type: ignore[attr-defined,union-attr]
    fresh = TestClient(client.app)
    sign_in(fresh, client.user)  # type: ignore[attr-defined]
    assert '<html lang="zh-Hans">' in fresh.get("/settings/profile").text


def test_accept_language_decides_before_sign_in(client: TestClient) -> None:
    page = client.get("/login", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert '<html lang="zh-Hans">' in page.text
    assert "登录" in page.text
    english = client.get("/login", headers={"Accept-Language": "de-DE,en;q=0.5"})
    assert '<html lang="en">' in english.text


def test_switch_before_sign_in_wins_over_accept_language(client: TestClient) -> None:
    headers = {"Accept-Language": "en"}
    token = csrf_of(client.get("/login", headers=headers).text)
    client.post("/lang", data={"locale": "zh_Hans", "next": "/login", "csrf_token": token}, headers=headers)
    assert '<html lang="zh-Hans">' in client.get("/login", headers=headers).text


def test_language_is_kept_after_signing_out(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    _switch(client, "/settings/profile", "zh_Hans")
    post_form(client, "/settings/profile", "/logout", {})
    page = client.get("/login")
    assert '<html lang="zh-Hans">' in page.text
    assert "您已退出登录。" in page.text


def test_unknown_language_and_off_site_next_are_ignored(browser: Callable[..., TestClient]) -> None:
    client = browser(Role.RECRUITER)
    response = post_form(client, "/settings/profile", "/lang", {"locale": "xx", "next": "//evil.example.com"})
    assert response.headers["location"] == "/"
    assert '<html lang="en">' in client.get("/settings/profile").text


def test_the_switch_works_without_javascript(client: TestClient) -> None:
    page = client.get("/login").text
    assert '<form class="lang-switch" method="post" action="/lang"' in page
    assert 'name="locale" value="zh_Hans"' in page
    assert ">简体中文<" in page
    assert ">English<" in page


# --- negotiation and translation functions ----------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9", "zh_Hans"),
        ("zh-TW", "zh_Hans"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR, zh;q=0.4, en;q=0.6", "en"),
        ("fr-FR, de;q=0.5", None),
        ("zh;q=0, en;q=0.1", "en"),
        ("", None),
        (None, None),
        ("en;q=abc, zh", "zh_Hans"),
    ],
)
def test_negotiate(header: str | None, expected: str | None) -> None:
    assert negotiate(header) == expected


def test_gettext_follows_the_forced_locale_and_lazy_strings_follow_it_when_rendered() -> None:
    jobs = lazy_gettext("Jobs")
    with use_locale("zh_Hans"):
        assert _("Jobs") == gettext("Jobs") == "职位"
        assert str(jobs) == "职位"
        assert ngettext("%(num)d result", "%(num)d results", 3) % {"num": 3} == "共 3 条结果"
    with use_locale("en"):
        assert str(jobs) == "Jobs"
        assert ngettext("%(num)d result", "%(num)d results", 1) % {"num": 1} == "1 result"


def test_html_lang() -> None:
    assert html_lang("zh_Hans") == "zh-Hans"
    assert html_lang("en") == "en"


# --- formatting ---------------------------------------------------------------------------------

MOMENT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, 03:00 in Berlin


def test_datetime_in_the_viewers_zone() -> None:
    with use_locale("en"):
        assert formatting.format_datetime(MOMENT, "Asia/Shanghai") == "Mar 2, 2026 10:00\u202fAM"


def test_datetime_of_a_subject_in_another_zone_shows_both_times() -> None:
    with use_locale("en"):
        text = formatting.format_datetime(MOMENT, "Europe/Berlin", subject_tz="Asia/Shanghai")
    assert text == "Mar 2, 2026 10:00\u202fAM CST (3:00\u202fAM your time)"
    with use_locale("zh_Hans"):
        text = formatting.format_datetime(MOMENT, "Europe/Berlin", subject_tz="Asia/Shanghai")
    assert text == "2026年3月2日 10:00 CST（您的时间 03:00）"  # noqa: RUF001 - Chinese punctuation


def test_same_zone_for_subject_and_viewer_shows_one_time() -> None:
    with use_locale("en"):
        text = formatting.format_datetime(MOMENT, "Asia/Shanghai", subject_tz="Asia/Shanghai")
    assert "your time" not in text


def test_days_ago() -> None:
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    with use_locale("en"):
        assert formatting.days_ago(now - timedelta(hours=3), now=now) == "today"
        assert formatting.days_ago(now - timedelta(days=3, hours=2), now=now) == "3 days ago"
        assert formatting.days_ago(date(2026, 3, 9), now=now) == "1 day ago"
    with use_locale("zh_Hans"):
        assert formatting.days_ago(now - timedelta(days=3), now=now) == "3天前"


def test_money_uses_the_viewers_locale_and_the_amounts_currency() -> None:
    with use_locale("en"):
        assert formatting.format_money(Decimal("850000"), "CNY") == "CN¥850,000.00"
        assert formatting.format_money(Decimal("1234.5"), "EUR") == "€1,234.50"
    with use_locale("zh_Hans"):
        assert formatting.format_money(Decimal("1234.5"), "USD") == "US$1,234.50"
        assert formatting.format_money(Decimal("850000"), "CNY") == "¥850,000.00"
    assert formatting.format_money(None, "USD") == formatting.EMPTY


def test_country_and_language_names_are_localised() -> None:
    with use_locale("en"):
        assert formatting.country_name("cn") == "China"
        assert formatting.language_name("de") == "German"
    with use_locale("zh_Hans"):
        assert formatting.country_name("DE") == "德国"
        assert formatting.language_name("en") == "英语"
    assert formatting.country_name("ZZ") == "ZZ"


def test_unknown_time_zone_falls_back_to_utc() -> None:
    assert formatting.zone("Mars/Olympus_Mons").key == "UTC"
