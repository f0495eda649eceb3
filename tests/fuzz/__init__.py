"""Fuzzing targets run by Hypothesis with a small budget, linear-time properties, reproducers."""
