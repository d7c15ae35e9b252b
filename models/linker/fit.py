"""L2-regularised logistic regression in numpy: a few thousand candidates train in a second."""

from __future__ import annotations

import numpy as np

from models.linker.features import Features


def vectorize(rows: list[Features], names: list[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            j = index.get(name)
            if j is not None:
                x[r, j] = value
    return x


def feature_names(rows: list[Features], min_count: int = 3) -> list[str]:
    """Features seen in at least `min_count` rows (rare head lemmas would only memorise documents)."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    return sorted(n for n, c in counts.items() if c >= min_count)


def fit(rows: list[Features], labels: list[int], l2: float = 5.0, steps: int = 300) -> dict[str, float]:
    """Weights by feature name, fitted by Newton's method (the problem is small and convex)."""
    names = feature_names(rows)
    x = vectorize(rows, names)
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    reg = np.full(len(names), l2)
    if "bias" in names:
        reg[names.index("bias")] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {n: round(float(v), 5) for n, v in zip(names, w, strict=True) if abs(v) > 1e-5}
