"""Memoised steps: computed again only for changed inputs, their tables opened once a build."""

from __future__ import annotations

from sitegen.cache import BuildCache
from sitegen.enrich.memoised import IN_MEMORY, ON_DISK, Keyed, PerKey, WholeSite


def test_a_step_per_key_computes_only_what_changed_and_passes_its_context() -> None:
    calls: list[int] = []

    def scaled(value: int, factor: int) -> int:
        calls.append(value)
        return value * factor

    step = PerKey("scaled", IN_MEMORY, int, scaled)
    cache = BuildCache()
    assert step.bind(cache)({"a": 1, "b": 2}, 10) == {"a": 10, "b": 20}
    assert step.bind(cache)({"a": 1, "b": 3}, 10) == {"a": 10, "b": 30}
    assert calls == [1, 2, 3]
    assert "scaled" in cache.transient and "scaled" not in cache.memos


def test_a_table_is_opened_once_a_build_however_often_its_step_runs() -> None:
    calls: list[int] = []

    def double(value: int) -> int:
        calls.append(value)
        return 2 * value

    step = PerKey("doubled", ON_DISK, int, double)
    cache = BuildCache()
    run = step.bind(cache)
    run({"a": 1})
    run({"b": 2})  # opened again, the table would have lost "a"
    assert step.bind(cache)({"a": 1, "b": 2}) == {"a": 2, "b": 4}
    assert calls == [1, 2]
    assert set(cache.memos["doubled"]) == {"a", "b"}


def test_a_step_that_does_not_run_keeps_the_last_builds_table() -> None:
    # The chronology's parts do not run while the chronology is reused: what they kept must
    # stay for the build that needs them again.
    step = Keyed("lengths", ON_DISK, str, len, key=str)
    cache = BuildCache()
    assert step.bind(cache)("three") == 5
    step.bind(cache)  # a build that binds the step but never runs it
    assert cache.memos["lengths"] == {"three": 5}


def test_a_whole_site_step_is_reused_while_its_inputs_are_equal() -> None:
    calls: list[tuple[int, ...]] = []

    def total(values: tuple[int, ...]) -> int:
        calls.append(values)
        return sum(values)

    step = WholeSite("total", IN_MEMORY, tuple, total)
    cache = BuildCache()
    assert [step.bind(cache)(values) for values in [(1, 2), (1, 2), (1, 3)]] == [3, 3, 4]
    assert calls == [(1, 2), (1, 3)]
