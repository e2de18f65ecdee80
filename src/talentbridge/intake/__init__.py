"""Résumé intake: parsing (EN/ZH, PDF/DOCX/text), bulk import, duplicate detection and merge."""
