"""Applications (person x job), per-job stages, append-only transitions and rejection reasons."""
