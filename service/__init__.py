"""Kenesh as a program: the command line, the HTTP API, web UI, storage and jobs."""

import pipelines  # noqa: F401  (first: sets the BLAS threads before anything imports numpy; see models/__init__.py)
