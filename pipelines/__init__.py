"""Document → meeting record: readers, cleaning, NLP, extraction stages, assembly."""
