"""Views of a Doc the stages read again and again (token strings, entities), built once per Doc.

The stages scan whole documents for rare words («(», «/», a kind of settlement). A loop over the Doc makes a
Token object for every word and reads each attribute through the string store, which cost more than the
scans themselves; these lists are read from one array of string ids, and a scan makes Tokens only where
it finds something. `doc.ents` builds every entity span anew on each read. A Doc's words and entities do
not change after the pipeline, so one copy (in `doc.user_data`) serves every stage.
"""

from __future__ import annotations

import re

from spacy.attrs import ENT_TYPE, LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span

from models.components.extensions import doc_text, entities  # noqa: F401  (entities: read by the stages from here)

_NAMES = {ORTH: "orth", LOWER: "lower", LEMMA: "lemma", ENT_TYPE: "ent_type"}


def token_strings(doc: Doc, attr: int) -> list[str]:
    """`[t.text for t in doc]` (ORTH), or of `t.lower_` (LOWER), `t.lemma_` (LEMMA), `t.ent_type_` (ENT_TYPE)."""
    key = f"kenesh_strings_{_NAMES[attr]}"
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[i] for i in doc.to_array(attr).tolist()]
    return found


def folded_strings(doc: Doc, attr: int) -> list[str]:
    """`token_strings` in lower case with «ё» as «е» (`person_names.fold` of each): several scans over every word
    compare folded words with a lexicon, and folding each word once per Doc costs less than once per scan."""
    key = f"kenesh_folded_{_NAMES[attr]}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = [s.lower().replace("ё", "е") for s in token_strings(doc, attr)]
    return found


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity token `i` belongs to, read from the tokens' own IOB tags: `doc.ents` builds every entity anew on
    each call, which per token asked would be quadratic in a text of many names (entities are a few words: the walks
    are short)."""
    if i < 0 or not doc[i].ent_type_:
        return None
    start = i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def written_words(doc: Doc) -> frozenset[str]:
    """The text's words as written (hyphenated ones whole): a stage asking whether the text writes a word somewhere
    looks it up here rather than searching the text each time."""
    found = doc.user_data.get("kenesh_written_words")
    if found is None:
        found = doc.user_data["kenesh_written_words"] = frozenset(re.findall(r"[\w-]+", doc_text(doc)))
    return found
