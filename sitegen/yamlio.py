"""Safe YAML reading with line numbers for error messages.

Loading uses libyaml's ``CSafeLoader`` when PyYAML was built with it (several times faster on
large sites); only when something is wrong do we walk the node tree again to find the line of
the offending key, so the fast path pays nothing for good error messages.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

# PyYAML is imported when a document is first parsed: a warm build, which finds site.yaml
# parsed in its cache and every article's front matter too, does without it (importing it
# took 20-26 ms, about a tenth of a warm build of 1,000 articles after the interpreter start).


@functools.cache
def _loader() -> type:
    """Safe loading that leaves dates as text.

    YAML would turn ``2022-03-31`` into a date object and fail with a bare ValueError on
    ``2022-02-30``; as text, :class:`~sitegen.dates.PartialDate` reads all three precisions
    alike and explains what is wrong with an impossible date.
    """
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
    resolvers = {
        first: [(tag, regexp) for tag, regexp in found if tag != "tag:yaml.org,2002:timestamp"]
        for first, found in base.yaml_implicit_resolvers.items()  # type: ignore[attr-defined]
    }
    return type("Loader", (base,), {"yaml_implicit_resolvers": resolvers})


class YamlError(ValueError):
    """Malformed YAML; ``line`` is 1-based within the parsed text, ``hint`` says what to do."""

    def __init__(self, message: str, line: int | None, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


# libyaml finds an unclosed quote or bracket where the text ends (the end of the front
# matter), and says where it opened as the error's context: that line is the one to fix.
_LEFT_OPEN = {
    "while scanning a quoted scalar": (
        "a quoted value is not closed",
        "close the quote opened here (a quote inside the text is written twice in "
        '\'single quotes\', or as \\" in "double quotes")',
    ),
    "while parsing a flow sequence": (
        "a [ list is not closed",
        "end the list opened here with ], its items separated by commas",
    ),
    "while parsing a flow mapping": (
        "a { mapping is not closed",
        "end the mapping opened here with }, its fields separated by commas",
    ),
}
# What to do about libyaml's other common complaints, by the start of its message.
_HINTS = {
    "mapping values are not allowed": "if the value holds ': ', put the whole value in quotes; "
    "else indent this line like the fields above it",
    "did not find expected key": "text follows a quoted value: put the whole value in quotes",
    "found character that cannot start any token": "a value cannot start with @ or `: "
    "put it in quotes",
    "did not find expected '-' indicator": "indent every '- ' item of the list alike",
    "could not determine a constructor": "YAML tags (!!...) are not allowed: remove the tag, "
    "or put the value in quotes",
}
_TAB_HINT = "indent with spaces, not tabs"
_HINT = "each line is 'name: value'; put a value holding ': ', ' #' or a leading quote in quotes"


def load(text: str) -> Any:
    """Parse one YAML document safely (no Python tags), refusing duplicate keys."""
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        raise _error(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), None, _HINT) from None
    duplicate = _first_duplicate_key(text) if isinstance(data, dict) else None
    if duplicate:
        key, line = duplicate
        raise YamlError(f"key {key!r} appears twice", line, "keep one of them")
    return data


def _error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    """The error at the line where the problem starts, in the author's terms."""
    if exc.context in _LEFT_OPEN and exc.context_mark is not None:
        message, hint = _LEFT_OPEN[exc.context]
        return YamlError(message, exc.context_mark.line + 1, hint)
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = exc.problem or str(exc)
    hint = next((h for start, h in _HINTS.items() if problem.startswith(start)), _HINT)
    # libyaml names the tab only sometimes ("cannot start any token" when a tab starts a
    # line); the offending line holding one is what tells the author what to fix.
    lines = text.split("\n")
    if line is not None and line <= len(lines) and "\t" in lines[line - 1]:
        problem += " (YAML indentation must use spaces, not tabs)"
        hint = _TAB_HINT
    return YamlError(problem, line, hint)


def _first_duplicate_key(text: str) -> tuple[str, int] | None:
    # PyYAML silently keeps the last of two equal keys; an author who wrote a key twice meant
    # one of them, so we say so. Cheap check on the raw lines first, the node walk only if needed.
    if not _may_repeat_a_key(text):
        return None
    import yaml

    return _walk_for_duplicate(yaml.compose(text, Loader=yaml.SafeLoader))


def _may_repeat_a_key(text: str) -> bool:
    """Whether some block mapping, at any depth, may hold a key twice (a superset: a block
    scalar's text can look like keys, which only costs the exact node walk)."""
    seen: dict[int, set[str]] = {}  # indentation → keys of the mapping open at that depth
    for raw in text.splitlines():
        stripped = raw.lstrip(" ")
        if not stripped or stripped[0] == "#" or ":" not in stripped:
            continue
        indent = len(raw) - len(stripped)
        while stripped.startswith("- "):  # a list item opens a new mapping further in
            indent, stripped = indent + 2, stripped[2:].lstrip(" ")
            seen.pop(indent, None)
        for deeper in [depth for depth in seen if depth > indent]:
            del seen[deeper]  # the mappings nested in the previous key are closed
        key = stripped.split(":", 1)[0].strip()
        keys = seen.setdefault(indent, set())
        if key in keys:
            return True
        keys.add(key)
    return False


def _walk_for_duplicate(node: yaml.Node | None) -> tuple[str, int] | None:
    import yaml

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
    import yaml

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
