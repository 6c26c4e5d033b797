"""How fast this machine is right now: seconds for a fixed pure-Python workload.

Shared build machines drift (this one by up to 2x within an hour), so the benchmarks print
this before they start: rows of different runs compare only after dividing by it.
"""

from __future__ import annotations

import random
import statistics
import time


def machine_seconds(rounds: int = 7) -> float:
    """The median of ``rounds`` runs of a fixed workload (string building, sorting, a dict)."""
    times = []
    for _ in range(rounds):
        rng = random.Random(7)
        started = time.perf_counter()
        words = sorted(f"{rng.random():.12f}" for _ in range(200_000))
        table = {word: index for index, word in enumerate(words)}
        " ".join(word for word in words if table[word] % 3)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    print(f"calibration: {machine_seconds():.3f} s")
