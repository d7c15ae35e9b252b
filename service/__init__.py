"""Kenesh as a program: the command line (and, later, the HTTP API, web UI, storage and jobs)."""
