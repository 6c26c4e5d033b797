"""Check sitegen's imports form a DAG of stages: no cycle, and no stage importing a later one.

Every import counts, those under ``if TYPE_CHECKING:`` and inside functions included: a cycle
closed by a type-only import is still two modules that cannot be understood apart.

    python scripts/check_imports.py      # exit 1, naming the imports, on a cycle or an upward import
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = "sitegen"
# The stages, lowest first. A module may import from its own stage and from those before it.
# A name is a top-level module or subpackage of sitegen.
STAGES: list[tuple[str, ...]] = [
    # Shared leaves: types and helpers every stage uses.
    (PACKAGE, "errors", "hashing", "dates", "limits", "text", "memo", "layout", "yamlio",
     "inputs", "parallel"),
    ("config",),
    ("model",),
    ("markdown",),  # Markdown → HTML and the body's facts, which the cache keeps
    ("cache", "deps"),
    ("content",),
    ("importer",),  # raw pages → articles; writes content files
    ("enrich",),
    ("render", "write"),
    ("publish",),
    ("review",),
    ("plans", "options", "body_edits", "build", "narrate"),
    ("serve",),
    ("commands",),
    ("cli", "__main__"),
]  # fmt: skip


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(root: Path) -> dict[str, set[str]]:
    """Each module of the package → the package's modules it imports."""
    files = {module_name(p, root): p for p in (root / PACKAGE).rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                # ``from sitegen.enrich import events`` imports the module sitegen.enrich.events.
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names
                ]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name].update(t for t in targets if t in files and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def stage_of(module: str) -> int:
    top = module.split(".")[1] if "." in module else module
    for number, names in enumerate(STAGES):
        if top in names:
            return number
    raise SystemExit(f"{module}: not in any stage of scripts/check_imports.py: add it to one")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    graph = imports(root)
    failures = []
    for component in cycles(graph):
        members = set(component)
        edges = [f"{a} → {b}" for a in component for b in sorted(graph[a] & members)]
        failures.append(f"import cycle of {len(component)} modules: " + "; ".join(edges))
    for module in sorted(graph):
        for target in sorted(graph[module]):
            if stage_of(target) > stage_of(module):
                failures.append(f"{module} imports {target}, a later stage")
    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f"imports: {len(graph)} modules, no cycle, no upward import")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
