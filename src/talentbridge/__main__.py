"""Allow ``python -m talentbridge``."""

from talentbridge.cli.main import app

app()
