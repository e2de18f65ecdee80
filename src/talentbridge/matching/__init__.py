"""Explainable candidate-to-job matching: ESCO taxonomy, normalisers, hybrid index and ranking."""
