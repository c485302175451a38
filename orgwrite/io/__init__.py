"""Readers and writers at the edges: files in, Documents out (and back)."""
