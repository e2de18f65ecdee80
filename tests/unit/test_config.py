"""Settings: safe defaults in development, refusal of unsafe ones in production."""

from __future__ import annotations

from pathlib import Path

import pytest

from talentbridge.config import ConfigurationError, Settings


def test_production_refuses_default_secret(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        Settings(env="production", data_dir=tmp_path)


def test_production_refuses_short_secret(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="32 characters"):
        Settings(env="production", data_dir=tmp_path, secret_key="short")


def test_production_refuses_fast_password_hashing(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="tests only"):
        Settings(env="production", data_dir=tmp_path, secret_key="x" * 40, password_hash_fast=True)


def test_production_accepts_a_real_secret(tmp_path: Path) -> None:
    settings = Settings(env="production", data_dir=tmp_path, secret_key="x" * 40, password_hash_fast=False)
    assert settings.env == "production"


def test_sqlite_in_data_dir_by_default(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=None)
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'talentbridge.db'}"
    assert settings.is_sqlite
    assert settings.effective_attachments_dir == tmp_path / "attachments"


def test_environment_variables_configure_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALENTBRIDGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TALENTBRIDGE_DATABASE_URL", "postgresql://u@db/x")
    settings = Settings()
    assert settings.data_dir == tmp_path
    assert not settings.is_sqlite


def test_ensure_data_dir_creates_directories(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "new")
    settings.ensure_data_dir()
    assert (tmp_path / "new" / "attachments").is_dir()
