"""Settings, read once from the environment (prefix ``TALENTBRIDGE_``).

This is the only module that reads the environment; everything else receives a ``Settings``.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "change-me-development-only"  # noqa: S105 - a placeholder refused in production


class Environment(StrEnum):
    """Where the app runs; production refuses unsafe defaults."""

    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class QueueBackend(StrEnum):
    """How background jobs run: in this process, or on procrastinate (PostgreSQL)."""

    INPROCESS = "inprocess"
    PROCRASTINATE = "procrastinate"


class MailBackend(StrEnum):
    """Where outgoing e-mail goes."""

    CONSOLE = "console"
    MEMORY = "memory"
    SMTP = "smtp"


class ConfigurationError(RuntimeError):
    """The settings are unsafe or inconsistent; the app must not start."""


class Settings(BaseSettings):
    """All configuration of TalentBridge; see docs/configuration.md for each key."""

    model_config = SettingsConfigDict(env_prefix="TALENTBRIDGE_", env_file=".env", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    data_dir: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("talentbridge")))
    database_url: str | None = None
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    base_url: str = "http://127.0.0.1:8000"
    session_max_age_seconds: int = 60 * 60 * 12
    secure_cookies: bool = False

    attachments_dir: Path | None = None
    max_upload_bytes: int = 10 * 1024 * 1024
    allowed_upload_types: tuple[str, ...] = (
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/plain",
        "image/png",
        "image/jpeg",
    )

    queue_backend: QueueBackend = QueueBackend.INPROCESS
    queue_database_url: str | None = None
    job_max_attempts: int = 3

    mail_backend: MailBackend = MailBackend.CONSOLE
    mail_from: str = "TalentBridge <no-reply@talentbridge.local>"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False

    default_locale: str = "en"
    password_hash_fast: bool = False  # cheaper Argon2 parameters; for tests only
    matching_semantic: bool = True  # sentence embeddings for matching when the semantic extra is installed
    careers_company_name: str = "TalentBridge"  # the employer on the careers site, JSON-LD and feeds
    careers_company_url: str | None = None  # the employer's own site (JSON-LD sameAs); base_url when unset
    careers_contact_email: str = "careers@talentbridge.local"  # Indeed's <email>; privacy requests
    careers_applications_per_hour: int = 10  # careers-site submissions allowed per client address

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env is Environment.PRODUCTION:
            if (
                self.secret_key.get_secret_value() in {DEFAULT_SECRET, ""}
                or len(self.secret_key.get_secret_value()) < 32
            ):
                raise ConfigurationError(
                    "TALENTBRIDGE_SECRET_KEY must be set to a random value of at least 32 characters "
                    "in production."
                )
            if self.password_hash_fast:
                raise ConfigurationError("TALENTBRIDGE_PASSWORD_HASH_FAST is for tests only.")
        return self

    @property
    def effective_database_url(self) -> str:
        """The configured database, or SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'talentbridge.db'}"

    @property
    def effective_attachments_dir(self) -> Path:
        """Where uploaded files are stored."""
        return self.attachments_dir or self.data_dir / "attachments"

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is SQLite (some features degrade gracefully)."""
        return self.effective_database_url.startswith("sqlite")

    def ensure_data_dir(self) -> None:
        """Create the data and attachment directories on first run."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.effective_attachments_dir.mkdir(parents=True, exist_ok=True)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache)."""
    return Settings()
