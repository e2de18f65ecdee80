"""Collects warnings (id + sentence) and missing facts while an assessment is computed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Notes:
    """Ordered, de-duplicated warnings and missing facts (first message for an id wins)."""

    warnings: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def warn(self, warning_id: str, message: str) -> None:
        self.warnings.setdefault(warning_id, message)

    def missing_fact(self, name: str) -> None:
        if name not in self.missing:
            self.missing.append(name)
