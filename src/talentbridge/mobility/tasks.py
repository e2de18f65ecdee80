"""Background jobs of the mobility context (thin: open a unit of work, call the service)."""

from __future__ import annotations

from talentbridge.kit.clock import utc_now
from talentbridge.mobility import service
from talentbridge.worker import task, task_session

SCAN_TASK = "mobility.scan_reminders"
SCAN_CRON = "0 1 * * *"  # daily, 09:00 in China (UTC+8), before the working day starts


@task(name=SCAN_TASK, cron=SCAN_CRON, max_attempts=3)
def scan_reminders() -> None:
    """Daily: mail case owners before step deadlines and document/permit expiry (idempotent)."""
    with task_session() as session:
        service.scan_reminders(session, today=utc_now().date())
