"""Text normalisation used for look-ups and de-duplication."""

from __future__ import annotations

import unicodedata


def normalise_email(email: str) -> str:
    """Lower-case and strip an e-mail address for uniqueness checks."""
    return email.strip().lower()


def normalise_key(text: str) -> str:
    """A case- and accent-insensitive key for names and skills ("PyTorch " -> "pytorch")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
