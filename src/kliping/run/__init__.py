"""Corpus runs: shard planning, the step list, executors (local cores; Ray reuses the rest)."""
