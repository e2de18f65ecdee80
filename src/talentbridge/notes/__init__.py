"""Notes on people and applications."""
