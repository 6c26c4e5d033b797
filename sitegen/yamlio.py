"""Safe YAML reading with line numbers for error messages.

Loading uses libyaml's ``CSafeLoader`` when PyYAML was built with it (several times faster on
large sites); only when something is wrong do we walk the node tree again to find the line of
the offending key, so the fast path pays nothing for good error messages.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading that leaves dates as text.

    YAML would turn ``2022-03-31`` into a date object and fail with a bare ValueError on
    ``2022-02-30``; as text, :class:`~sitegen.dates.PartialDate` reads all three precisions
    alike and explains what is wrong with an impossible date.
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }


class YamlError(ValueError):
    """Malformed YAML; ``line`` is 1-based within the parsed text."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load(text: str) -> Any:
    """Parse one YAML document safely (no Python tags), refusing duplicate keys."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        if "\t" in text and "tab" in problem:
            problem += " (YAML indentation must use spaces, not tabs)"
        raise YamlError(problem, line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), None) from None
    duplicate = _first_duplicate_key(text) if isinstance(data, dict) else None
    if duplicate:
        key, line = duplicate
        raise YamlError(f"key {key!r} appears twice", line)
    return data


def _first_duplicate_key(text: str) -> tuple[str, int] | None:
    # PyYAML silently keeps the last of two equal keys; an author who wrote a key twice meant
    # one of them, so we say so. Cheap check on the raw lines first, the node walk only if needed.
    seen: set[str] = set()
    for raw in text.splitlines():
        if raw[:1] in ("", " ", "\t", "#", "-") or ":" not in raw:
            continue
        key = raw.split(":", 1)[0].strip()
        if key in seen:
            break
        seen.add(key)
    else:
        return None
    return _walk_for_duplicate(yaml.compose(text, Loader=yaml.SafeLoader))


def _walk_for_duplicate(node: yaml.Node | None) -> tuple[str, int] | None:
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in keys:
                return key, key_node.start_mark.line + 1
            keys.add(key)
            found = _walk_for_duplicate(value_node)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _walk_for_duplicate(item)
            if found:
                return found
    return None


def key_line(text: str, path: tuple[str | int, ...]) -> int | None:
    """1-based line of the value at ``path`` (keys and list indexes), for error messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node else None
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            match = next((kv for kv in node.value if kv[0].value == step), None)
            if match is None:
                return line
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return line
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line
