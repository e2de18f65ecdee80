"""Sign-in throttling: slow down password guessing on the sign-in page.

Failed sign-ins are counted per client IP address and normalised e-mail address in a moving
window (the ``limits`` library). After ``MAX_FAILURES`` failures within ``WINDOW_MINUTES``
minutes, further attempts for that pair are refused (the page answers 429) *without checking the
password*, so a blocked guesser learns nothing; a successful sign-in clears the count.

The counts live in memory by default (``STORAGE_URI``): one count per server process, lost on
restart. That is enough to make guessing slow; a multi-process deployment that wants one shared
count can pass another ``limits`` storage URI (e.g. ``redis://…``) to ``LoginThrottle``.

Behind a reverse proxy the client address is only right when the server trusts the proxy's
forwarded headers (``uvicorn --proxy-headers --forwarded-allow-ips=…``); otherwise every visitor
shares the proxy's address and the pair falls back to being keyed by e-mail alone.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

MAX_FAILURES = 10  # failed sign-ins allowed per client address and e-mail address ...
WINDOW_MINUTES = 15  # ... within this many minutes (a moving window)
STORAGE_URI = "memory://"  # per-process counts; see the module docstring


def normalise_email(email: str) -> str:
    """The e-mail address as accounts are looked up (outer spaces stripped, case-insensitive)."""
    return email.strip().lower()


class LoginThrottle:
    """Counts failed sign-ins per (client address, e-mail) and says when to refuse."""

    def __init__(
        self,
        *,
        max_failures: int = MAX_FAILURES,
        window_minutes: int = WINDOW_MINUTES,
        storage_uri: str = STORAGE_URI,
    ) -> None:
        self._limit = RateLimitItemPerMinute(max_failures, window_minutes, namespace="login-failures")
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))

    @staticmethod
    def _key(client: str, email: str) -> tuple[str, str]:
        return client or "unknown", normalise_email(email)

    def blocked(self, client: str, email: str) -> bool:
        """Whether this pair has used up its failures (check before checking the password)."""
        return not self._limiter.test(self._limit, *self._key(client, email))

    def retry_after(self, client: str, email: str) -> int:
        """Seconds until the pair may try again (at least 1)."""
        stats = self._limiter.get_window_stats(self._limit, *self._key(client, email))
        return max(1, math.ceil(stats.reset_time - time.time()))

    def failed(self, client: str, email: str) -> None:
        """Count one failed sign-in."""
        self._limiter.hit(self._limit, *self._key(client, email))

    def succeeded(self, client: str, email: str) -> None:
        """Forget the pair's failures after a successful sign-in."""
        self._limiter.clear(self._limit, *self._key(client, email))
