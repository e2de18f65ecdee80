"""Attachments: CVs and documents, stored on the filesystem by default."""
