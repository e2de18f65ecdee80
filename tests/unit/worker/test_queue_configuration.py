"""Choosing the backend from Settings, the task registry, backoff and the worker command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talentbridge.cli.main import app as cli
from talentbridge.config import ConfigurationError, Settings, get_settings
from talentbridge.worker import Backoff, InProcessBackend, configure_queue, get_task, task
from talentbridge.worker.procrastinate_backend import postgres_conninfo
from talentbridge.worker.registry import all_tasks, import_task_modules


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    return Settings(env="test", data_dir=tmp_path, **overrides)  # type: ignore[arg-type]


def test_in_process_is_the_default_and_eager_under_test(tmp_path: Path) -> None:
    backend = configure_queue(_settings(tmp_path, job_max_attempts=5))
    assert isinstance(backend, InProcessBackend)
    assert (backend.eager, backend.default_max_attempts) == (True, 5)


def test_in_process_runs_on_threads_outside_tests(tmp_path: Path) -> None:
    backend = configure_queue(Settings(env="development", data_dir=tmp_path))
    assert isinstance(backend, InProcessBackend)
    assert not backend.eager


def test_procrastinate_refuses_sqlite(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="SQLite cannot host the job queue"):
        configure_queue(_settings(tmp_path, queue_backend="procrastinate"))


@pytest.mark.parametrize(
    ("database_url", "queue_database_url", "expected"),
    [
        ("postgresql+psycopg://tb:pw@db:5432/tb", None, "postgresql://tb:pw@db:5432/tb"),
        ("postgres://tb@db/tb", None, "postgresql://tb@db/tb"),
        ("sqlite:///x.db", "postgresql://q@queue/jobs", "postgresql://q@queue/jobs"),
    ],
)
def test_queue_url_is_the_queue_database_or_the_main_postgresql(
    tmp_path: Path, database_url: str, queue_database_url: str | None, expected: str
) -> None:
    settings = _settings(tmp_path, database_url=database_url, queue_database_url=queue_database_url)
    assert postgres_conninfo(settings) == expected


def test_backoff_grows_exponentially_and_is_capped() -> None:
    backoff = Backoff(base=0.5, cap=3)
    assert [backoff.delay(n) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_task_names_are_unique() -> None:
    @task(name="tests.registry.unique")
    def first() -> None: ...

    with pytest.raises(ValueError, match="already used"):

        @task(name="tests.registry.unique")
        def second() -> None: ...


def test_tasks_are_found_by_name_or_function() -> None:
    @task(name="tests.registry.lookup", max_attempts=7, queue="imports")
    def lookup() -> None: ...

    spec = get_task(lookup)
    assert get_task("tests.registry.lookup") is spec
    assert (spec.attempts(default=3), spec.queue) == (7, "imports")


def test_every_context_tasks_module_is_discovered() -> None:
    assert "talentbridge.mail.tasks" in import_task_modules()
    assert {"mail.send_outbox_message", "mail.requeue_stale_outbox"} <= {spec.name for spec in all_tasks()}


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[CliRunner]:
    monkeypatch.setenv("TALENTBRIDGE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_worker_command_explains_that_in_process_jobs_need_no_worker(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["worker"])
    assert result.exit_code == 2
    assert "jobs run inside the web process; set TALENTBRIDGE_QUEUE_BACKEND=procrastinate" in result.output


def test_worker_command_refuses_sqlite(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALENTBRIDGE_QUEUE_BACKEND", "procrastinate")
    result = runner.invoke(cli, ["worker"])
    assert result.exit_code == 2
    assert "needs PostgreSQL" in result.output
