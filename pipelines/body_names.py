"""A body's other name: the own-language name a text writes in brackets after an assembly's Russian one.

«Государственного Собрания (Ил Тумэн) Республики Саха (Якутия)», «Государственного Собрания (Курултая)
Республики Башкортостан»: the bracketed words name the body. Written elsewhere in the text — a breadcrumb
«Новости → Ил Тумэн», a tag line — they still name the body: neither a person (genre-notes 5: names of bodies
that look like names are never persons) nor a place.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc

from models import lexicons
from pipelines.doc_views import doc_text, token_strings

_LONGEST = 4  # «Ил Тумэн», «Эл Курултай», «Милли Меджлис»: a few words


@cache
def _heads() -> frozenset[str]:
    return lexicons.load("assembly_heads")


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def bodys_other_names(doc: Doc) -> frozenset[str]:
    """The folded words of every body's other name in brackets, and each of its tails («ил тумэн», «тумэн»); read
    once per Doc (the persons and the locations stage both ask)."""
    found = doc.user_data.get("kenesh_bodys_other_names")
    if found is None:
        found = doc.user_data["kenesh_bodys_other_names"] = _other_names(doc)
    return found


def _other_names(doc: Doc) -> frozenset[str]:
    if "(" not in doc_text(doc):
        return frozenset()
    found: set[str] = set()
    heads = _heads()
    words = token_strings(doc, ORTH)
    lemmas = token_strings(doc, LEMMA)
    for at, word in enumerate(words):
        if word != "(" or at == 0 or (_fold(lemmas[at - 1]) not in heads and _fold(words[at - 1]) not in heads):
            continue
        close = next((i for i in range(at + 1, min(at + 2 + _LONGEST, len(words))) if words[i] == ")"), None)
        inside = words[at + 1 : close] if close is not None else []
        if inside and all(w.isalpha() and w[:1].isupper() for w in inside):
            folded = [_fold(w) for w in inside]
            found.update(" ".join(folded[i:]) for i in range(len(folded)))
    return frozenset(found)
