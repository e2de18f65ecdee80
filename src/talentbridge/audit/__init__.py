"""The append-only audit log: every change and every view of a person's record."""
