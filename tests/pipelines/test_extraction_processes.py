"""The garbage collection of an extracting process: between documents the survivors are frozen out of the
collector (`pipelines.pool.settle`), and no document's garbage may stay behind in the frozen generation.

Run in a fresh process: freezing is for the life of a process, and this one runs other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SHARED

_SETTLING = """
import gc, json, sys, weakref
from pathlib import Path

from pipelines.extract import extract_document
from pipelines.pool import settle, warm_up

warm_up()

class Node:
    pass

# A garbage cycle made between two documents is collected by settle, not frozen alive.
cycle = Node()
cycle.self = cycle
dead = weakref.ref(cycle)
del cycle
settle()
cycle_collected = dead() is None

data = Path(sys.argv[1]).read_bytes()
frozen, tracked = [], []
for _ in range(6):
    settle()
    extract_document(data, "nerel.txt")
    settle()
    frozen.append(gc.get_freeze_count())
    tracked.append(len(gc.get_objects()))
print(json.dumps({"cycle_collected": cycle_collected, "frozen": frozen, "tracked": tracked}))
"""


def test_documents_leave_nothing_in_the_frozen_generation() -> None:
    text = sorted((SHARED / "nerel-train").glob("*.txt"))[0]
    done = subprocess.run(
        [sys.executable, "-c", _SETTLING, str(text)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["cycle_collected"]
    frozen, tracked = result["frozen"], result["tracked"]
    # The same text again finds its words in the caches: a frozen generation that still grew would hold a
    # document's garbage (freezing without collecting first grows it by ~2,000 objects per NEREL document).
    assert frozen[1:] == [frozen[1]] * (len(frozen) - 1), frozen
    # Nothing is left to the collector between documents either.
    assert tracked[1:] == [tracked[1]] * (len(tracked) - 1), tracked
