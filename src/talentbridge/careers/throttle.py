"""A simple brake on careers-site submissions: at most N per client address per hour.

Counts live in memory per process (the ``limits`` library, moving window), like the sign-in
throttle in ``auth.throttle``; the key is the keyed hash of the address, never the address.
Together with the honeypot field this stops naive form spam without a CAPTCHA (which would
need a third-party service the product must not load).
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerHour
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

STORAGE_URI = "memory://"


class ApplyThrottle:
    """Counts submissions per client and says when to refuse."""

    def __init__(self, *, per_hour: int, storage_uri: str = STORAGE_URI) -> None:
        self._limit = RateLimitItemPerHour(max(1, per_hour), namespace="careers-apply")
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))

    def allow(self, client_key: str) -> bool:
        """Count one submission; False when the client has used up its allowance."""
        return self._limiter.hit(self._limit, client_key or "unknown")

    def retry_after(self, client_key: str) -> int:
        """Seconds until the client may submit again (at least 1)."""
        stats = self._limiter.get_window_stats(self._limit, client_key or "unknown")
        return max(1, math.ceil(stats.reset_time - time.time()))
