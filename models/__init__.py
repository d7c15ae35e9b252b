"""Models, lexicons and spaCy components that wrap Natasha; loaded once per process and shared.

Every entry point (the `kenesh` command, the service, Celery workers) imports this package before anything
imports numpy, through `service` → `pipelines` → `models`: the BLAS thread setting below must come first,
because OpenBLAS reads it once, when numpy is first imported.
"""

import os

# Slovnet multiplies small matrices (batches of 8 sentences). On an idle 2-core machine OpenBLAS threads
# save ~20% of the taggers' wall time for ~60% more CPU; with other workers or processes on the cores they
# spin, and made every step 2-4x slower. Kenesh runs one process per core instead (`--jobs`, the service's
# extraction processes, Celery's --concurrency): one thread each. Set these variables to override.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
