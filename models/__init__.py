"""Models, lexicons and spaCy components that wrap Natasha; loaded once per process and shared.

Every entry point (the `kenesh` command, the service, Celery workers) imports this package before anything
imports numpy, through `service` → `pipelines` → `models`: the BLAS thread setting below must come first,
because OpenBLAS reads it once, when numpy is first imported.
"""

import os
import sys
import types

# Slovnet multiplies small matrices (batches of 8 sentences). On an idle 2-core machine OpenBLAS threads
# save ~20% of the taggers' wall time for ~60% more CPU; with other workers or processes on the cores they
# spin, and made every step 2-4x slower. Kenesh runs one process per core instead (`--jobs`, the service's
# extraction processes, Celery's --concurrency): one thread each. Set these variables to override.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


def _spacy_info(*args, **kwargs):  # type: ignore[no-untyped-def]
    """`spacy.info`, imported on its first call (with the whole of `spacy.cli`)."""
    del sys.modules["spacy.cli.info"]
    from spacy.cli.info import info

    return info(*args, **kwargs)


# spaCy's package imports its command line's `info` when it loads, and with it all of `spacy.cli` (typer,
# weasel, httpx, requests): a third of `import spacy`, 0.3 s of CPU at every start of every process. Kenesh
# never runs spaCy's command line; this stand-in gives spaCy its `info`, which loads the real one if called.
if "spacy" not in sys.modules:
    _stand_in = types.ModuleType("spacy.cli.info", "stands in for spaCy's `spacy.cli.info` until it is used")
    _stand_in.info = _spacy_info  # type: ignore[attr-defined]
    sys.modules.setdefault("spacy.cli.info", _stand_in)
