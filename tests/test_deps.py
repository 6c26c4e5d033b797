from pathlib import Path

from sitegen.cache import BuildCache
from sitegen.deps import DependencyMap
from sitegen.model import Page


def pages(**deps: tuple[str, ...]) -> list[Page]:
    return [Page(f"{name}.html", "t.html", {}, inputs) for name, inputs in deps.items()]


def dependency_map(path: Path, scope: str = "_site") -> DependencyMap:
    return DependencyMap(path, scope, BuildCache().memo("deps", on_disk=False))


def test_pages_whose_inputs_are_unchanged_are_current(tmp_path: Path) -> None:
    path = tmp_path / "deps.marshal"
    first = dependency_map(path)
    assert first.current_pages(pages(a=("1", "2"), b=("3",))) == set()
    first.save()
    again = dependency_map(path)
    assert again.current_pages(pages(a=("1", "2"), b=("3", "4"))) == {"a.html"}


def test_a_corrupt_or_foreign_map_means_rendering_everything(tmp_path: Path) -> None:
    path = tmp_path / "deps.marshal"
    saved = dependency_map(path)
    saved.current_pages(pages(a=("1",)))
    saved.save()
    assert dependency_map(path, scope="elsewhere").current_pages(pages(a=("1",))) == set()
    path.write_bytes(b"{not a map")
    assert dependency_map(path).current_pages(pages(a=("1",))) == set()
