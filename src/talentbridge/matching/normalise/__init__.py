"""Normalisers: free text → ranked skills with evidence; job titles → ranked ESCO occupations."""
