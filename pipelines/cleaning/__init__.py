"""Cleaning: repair scrape/OCR noise while keeping every offset traceable to the input."""

from pipelines.cleaning.noise import RULES, Rule, clean
from pipelines.cleaning.offsets import CleanText

__all__ = ["RULES", "CleanText", "Rule", "clean"]
