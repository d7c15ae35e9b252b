"""The web UI: Russian-language, server-rendered pages over the archive API (issue 7)."""
