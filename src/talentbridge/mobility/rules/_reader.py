"""A small cursor over parsed YAML that reports problems as ``file: key.path: problem``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import NoReturn


class RuleDataError(ValueError):
    """The rules data is malformed; the message names the file and the key."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key or '<top>'}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class Node:
    """One value in a data file, with where it sits (for error messages)."""

    file: str
    path: str
    value: object

    def fail(self, problem: str) -> NoReturn:
        raise RuleDataError(self.file, self.path, problem)

    def _child_path(self, key: object) -> str:
        if isinstance(key, int) and not isinstance(self.value, dict):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else str(key)

    def _mapping(self) -> dict[object, object]:
        if not isinstance(self.value, dict):
            self.fail(f"expected a mapping, got {type(self.value).__name__}")
        return self.value

    def has(self, key: str) -> bool:
        return self._mapping().get(key) is not None

    def key(self, key: str) -> Node:
        """The value under ``key``; missing or null is an error."""
        mapping = self._mapping()
        if mapping.get(key) is None:
            raise RuleDataError(self.file, self._child_path(key), "required key is missing or null")
        return Node(self.file, self._child_path(key), mapping[key])

    def optional(self, key: str) -> Node | None:
        """The value under ``key``, or ``None`` when it is missing or null."""
        mapping = self._mapping()
        if mapping.get(key) is None:
            return None
        return Node(self.file, self._child_path(key), mapping[key])

    def items(self) -> Iterator[tuple[object, Node]]:
        for key, value in self._mapping().items():
            yield key, Node(self.file, self._child_path(key), value)

    def elements(self) -> Iterator[Node]:
        if not isinstance(self.value, list):
            self.fail(f"expected a list, got {type(self.value).__name__}")
        for index, value in enumerate(self.value):
            yield Node(self.file, f"{self.path}[{index}]", value)

    def text(self) -> str:
        if not isinstance(self.value, str) or not self.value.strip():
            self.fail("expected a non-empty string")
        return self.value

    def integer(self, *, minimum: int | None = 0) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            self.fail(f"expected an integer, got {self.value!r}")
        if minimum is not None and self.value < minimum:
            self.fail(f"must be at least {minimum}, got {self.value}")
        return self.value

    def decimal(self) -> Decimal:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float | str):
            self.fail(f"expected a number, got {self.value!r}")
        try:
            number = Decimal(str(self.value))
        except InvalidOperation:
            self.fail(f"expected a number, got {self.value!r}")
        if not number.is_finite() or number < 0:
            self.fail(f"expected a non-negative number, got {self.value!r}")
        return number

    def day(self) -> date:
        if isinstance(self.value, datetime) or not isinstance(self.value, date):
            self.fail(f"expected a date (YYYY-MM-DD), got {self.value!r}")
        return self.value

    def flag(self) -> bool:
        if not isinstance(self.value, bool):
            self.fail(f"expected true or false, got {self.value!r}")
        return self.value

    def texts(self) -> tuple[str, ...]:
        return tuple(element.text() for element in self.elements())
