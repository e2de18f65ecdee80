"""Closed vocabularies of the people context."""

from enum import StrEnum


class PersonSort(StrEnum):
    """How a list of people is ordered; a leading ``-`` means newest / last first."""

    CREATED_DESC = "-created_at"
    CREATED_ASC = "created_at"
    UPDATED_DESC = "-updated_at"
    UPDATED_ASC = "updated_at"
    NAME_ASC = "name"
    NAME_DESC = "-name"

    @property
    def descending(self) -> bool:
        """Whether the order is descending."""
        return self.value.startswith("-")

    @property
    def key(self) -> str:
        """The sort key without its direction: ``created_at``, ``updated_at`` or ``name``."""
        return self.value.lstrip("-")
