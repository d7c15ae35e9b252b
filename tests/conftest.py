"""Shared fixtures: the NLP pipeline is loaded once per test session, as in production."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_DEV = SHARED / "corpus-dev"
CORPUS_GENRE = SHARED / "corpus-genre"
NEREL_TRAIN = SHARED / "nerel-train"
# Blind: written without looking at the pipeline, and no rule may be read from it (its README).
HELDOUT_GENRE = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre"
HELDOUT_GENRE_2 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-2"
HELDOUT_GENRE_3 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-3"
HELDOUT_GENRE_4 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-4"
HELDOUT_GENRE_5 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-5"
HELDOUT_GENRE_6 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-6"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from pipelines.nlp import load_nlp

    return load_nlp()
