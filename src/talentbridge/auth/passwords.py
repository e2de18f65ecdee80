"""Password hashing with Argon2id (pwdlib)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

MIN_PASSWORD_LENGTH = 10


@lru_cache(maxsize=2)
def _hasher(fast: bool) -> PasswordHash:
    if fast:
        # Tests only (refused in production by Settings): same algorithm, cheap parameters.
        return PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
    return PasswordHash.recommended()


_state = {"fast": False}


def configure(*, fast: bool) -> None:
    """Choose the hashing cost once at start-up from settings (fast only in tests)."""
    _state["fast"] = fast


@contextmanager
def cheap_hashing() -> Iterator[None]:
    """Hash with cheap parameters inside the block: for published demo credentials only.

    Verification reads the parameters from each stored hash, so these still sign in normally.
    """
    previous = _state["fast"]
    _state["fast"] = True
    try:
        yield
    finally:
        _state["fast"] = previous


def hash_password(password: str) -> str:
    """Hash a password for storage."""
    return _hasher(_state["fast"]).hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    """Check a password against a stored hash (constant-time inside Argon2)."""
    return _hasher(_state["fast"]).verify(password, password_hash)


DUMMY_HASH_INPUT = "timing-equaliser"
