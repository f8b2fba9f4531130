"""The benchmark's helpers (scripts/benchmark.py runs it)."""
