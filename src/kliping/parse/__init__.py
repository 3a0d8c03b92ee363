"""Parsers that turn structural lines (datelines, credits, bylines, timestamps) into metadata."""
