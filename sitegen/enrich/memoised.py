"""Memoised enrichment steps: a step is a pure function of a small named input, and its
result is kept in the build cache, declared in one place (:mod:`sitegen.enrich.pipeline`).

A declaration names the step's table in the build cache, where the table is kept, the type of
the step's inputs and the function computing its result from them. The pipeline binds each
declared step to this build's cache and hands it to the stage that runs it, as a plain
function: no stage module sees the cache's tables. A step's function may take arguments
besides its inputs (a context: lookups, other steps); its declaration says why those cannot
make a kept result stale, since they are not compared.

Three kinds, by how a kept result is found again:

* :class:`PerKey`: one result per key (an article's slug, a date), kept while the key's
  inputs are equal to the last build's; every key is compared in one loop, since the preview
  server compares ten thousand per rebuild (:meth:`Memo.same_each`). Per-article inputs are
  ``NamedTuple``\\ s: they compare as fast as tuples, mostly by identity of their fields.
* :class:`WholeSite`: one result, kept while the site-wide inputs are equal (:meth:`Memo.same`).
* :class:`Keyed`: by a key that stands for exactly the inputs (a digest, or the input itself),
  which are then neither kept nor compared (:meth:`Memo.get`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, Generic, Literal, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    from sitegen.cache import BuildCache
    from sitegen.memo import Memo

# Tables kept in memory only are as large as the site but cheap to make again: saving and
# loading them with the build cache would cost a ``sitegen build`` more than they save. The
# preview server keeps them between rebuilds.
Kept = Literal["on disk", "in memory"]
ON_DISK: Kept = "on disk"
IN_MEMORY: Kept = "in memory"

I = TypeVar("I")  # noqa: E741  (the inputs)
R = TypeVar("R")  # the result
K = TypeVar("K", bound=Hashable)
P = ParamSpec("P")  # what the function takes besides its inputs


@dataclass(frozen=True)
class _Step(Generic[I, P, R]):
    table: str  # the step's table in the build cache (see BuildCache.memo)
    kept: Kept
    inputs: type[I]
    compute: Callable[Concatenate[I, P], R]


class _Table:
    """A step's table in one build, opened when the step first runs. Opening a table starts
    this build's copy of it (see :meth:`BuildCache.memo`), so each is opened once per build;
    a step that does not run (the chronology's parts, while the chronology is reused) leaves
    the last build's table as it was."""

    __slots__ = ("_cache", "_kept", "_memo", "_table")

    def __init__(self, step: _Step[Any, Any, Any], cache: BuildCache) -> None:
        self._cache, self._table, self._kept = cache, step.table, step.kept
        self._memo: Memo | None = None

    def memo(self) -> Memo:
        if self._memo is None:
            self._memo = self._cache.memo(self._table, on_disk=self._kept == ON_DISK)
        return self._memo


class PerKey(_Step[I, P, R]):
    """A step with a result per key, each kept while its key's inputs are equal."""

    def bind(self, cache: BuildCache) -> _PerKeyRun[I, P, R]:
        return _PerKeyRun(self, cache)


class WholeSite(_Step[I, P, R]):
    """A step with one result, kept while its inputs are equal."""

    def bind(self, cache: BuildCache) -> _WholeSiteRun[I, P, R]:
        return _WholeSiteRun(self, cache)


@dataclass(frozen=True)
class Keyed(_Step[I, P, R]):
    """A step whose results are kept by a key standing for exactly their inputs."""

    key: Callable[[I], str]

    def bind(self, cache: BuildCache) -> _KeyedRun[I, P, R]:
        return _KeyedRun(self, cache)


class _PerKeyRun(Generic[I, P, R]):
    __slots__ = ("_compute", "_table")

    def __init__(self, step: PerKey[I, P, R], cache: BuildCache) -> None:
        self._compute, self._table = step.compute, _Table(step, cache)

    def __call__(self, inputs: dict[K, I], /, *args: P.args, **kwargs: P.kwargs) -> dict[K, R]:
        compute = self._compute
        # A table's keys are any hashable (dates, for one); Memo's annotations say str.
        results = self._table.memo().same_each(
            cast("dict[str, I]", inputs), lambda value: compute(value, *args, **kwargs)
        )
        return cast("dict[K, R]", results)


class _WholeSiteRun(Generic[I, P, R]):
    __slots__ = ("_compute", "_table")

    def __init__(self, step: WholeSite[I, P, R], cache: BuildCache) -> None:
        self._compute, self._table = step.compute, _Table(step, cache)

    def __call__(self, inputs: I, /, *args: P.args, **kwargs: P.kwargs) -> R:
        compute = self._compute
        return self._table.memo().same("all", inputs, lambda: compute(inputs, *args, **kwargs))


class _KeyedRun(Generic[I, P, R]):
    __slots__ = ("_compute", "_key", "_table")

    def __init__(self, step: Keyed[I, P, R], cache: BuildCache) -> None:
        self._compute, self._key, self._table = step.compute, step.key, _Table(step, cache)

    def __call__(self, inputs: I, /, *args: P.args, **kwargs: P.kwargs) -> R:
        compute = self._compute
        return self._table.memo().get(self._key(inputs), lambda: compute(inputs, *args, **kwargs))
