"""Document → meeting record: readers, cleaning, NLP, extraction stages, assembly."""

import models  # noqa: F401  (first: sets the BLAS threads before any reader or model imports numpy)
