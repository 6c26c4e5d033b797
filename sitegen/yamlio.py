"""Safe YAML reading with line numbers for error messages.

Loading uses libyaml's ``CSafeLoader`` when PyYAML was built with it (several times faster on
large sites); only when something is wrong do we walk the node tree again to find the line of
the offending key, so the fast path pays nothing for good error messages.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from sitegen.limits import (
    MAX_ALIAS_NODES,
    MAX_FILE_BYTES,
    MAX_YAML_DEPTH,
    NOT_TEXT,
    describe,
    shown,
)

if TYPE_CHECKING:
    import yaml

# PyYAML is imported when a document is first parsed: a warm build, which finds site.yaml
# parsed in its cache and every article's front matter too, does without it (importing it
# is a good part of a warm build's time after the interpreter start; docs/performance.md).


@functools.cache
def _loader() -> type:
    """Safe loading with YAML 1.2-like plain scalars, and dates left as text.

    YAML 1.1, PyYAML's default, reads ``No`` and ``off`` as false, ``12:30`` as 750, ``017``
    as 15 and ``3.10`` as 3.1: a title or a name would silently change. Here a plain scalar
    is ``null``/``~``/empty, ``true``/``false``, a number written exactly as Python writes
    that number back (``10``, ``-3``, ``2.5``; not ``017``, ``3.10`` or ``1e3``), or else the
    text as written. ``=`` and ``<<`` are text too (YAML 1.1's value and merge keys).

    Dates are text: YAML would turn ``2022-03-31`` into a date object and fail with a bare
    ValueError on ``2022-02-30``; as text, :class:`~sitegen.dates.PartialDate` reads all three
    precisions alike and explains what is wrong with an impossible date.
    """
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
    loader: Any = type("Loader", (base,), {"yaml_implicit_resolvers": {}})
    for tag, pattern, first in _SCALARS:
        loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)
    loader.add_constructor("tag:yaml.org,2002:float", _float)
    return loader


_DIGITS = list("-0123456789")
_SCALARS = (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:0|-?[1-9][0-9]*)$", _DIGITS),
    ("float", r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$", _DIGITS),
)


def _float(loader: Any, node: Any) -> float | str:
    """A float only when it reads back as written (``2.5``); else the text (``3.10``)."""
    text = loader.construct_scalar(node)
    try:
        value = float(text)
    except ValueError:  # an explicit !!float tag on something else
        return str(text)
    return value if repr(value) == text else str(text)


class YamlError(ValueError):
    """Malformed or refused YAML; ``line`` is 1-based within the parsed text, ``hint`` says
    what to do. ``refused``: the syntax is fine, but what it holds goes past a limit."""

    def __init__(
        self, message: str, line: int | None, hint: str = "", *, refused: bool = False
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint or _HINT
        self.refused = refused

    def described(self, invalid: str) -> str:
        """The message, after ``invalid`` (e.g. "invalid YAML: ") unless the YAML is valid."""
        return self.message if self.refused else invalid + self.message


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
    """Parse one YAML document safely (no Python tags), refusing duplicate keys, documents
    over :data:`~sitegen.limits.MAX_FILE_BYTES`, aliases that expand too far or refer to
    themselves, and characters that cannot be text (:data:`~sitegen.limits.NOT_TEXT`)."""
    import yaml

    if len(text) > MAX_FILE_BYTES:
        raise YamlError(
            f"the YAML is {len(text) / 1e6:.1f} MB; sitegen reads at most "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB",
            None,
            "is it the file you meant? split it, or keep long texts in Markdown files",
            refused=True,
        )
    try:
        # Only a document with a "*" can hold an alias: the others skip the node check.
        data = yaml.load(text, Loader=_loader()) if "*" not in text else _load_checked(text)
    except yaml.MarkedYAMLError as exc:
        raise _error(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), None, _HINT) from None
    except RecursionError:
        raise YamlError("the YAML is nested too deeply", None, "flatten it", refused=True) from None
    # Only an escape ("\x1b", "\0") can put such a character in: a raw one is refused by
    # the parser itself.
    if "\\" in text:
        _refuse_non_text(text, data)
    if text.count("[") + text.count("{") + text.count("\n") > MAX_YAML_DEPTH:
        _refuse_deep(text, data)
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


def _load_checked(text: str) -> Any:
    """:func:`yaml.load`, with the node graph checked for alias expansion before any value
    is made of it."""
    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_aliases(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_aliases(root: yaml.Node) -> None:
    """Refuse a node graph whose aliases would expand past :data:`MAX_ALIAS_NODES`, or that
    holds itself. Sizes are counted once per node (an alias is the node it names), so the
    check is linear in the document even when its expansion is exponential."""
    import yaml

    sizes: dict[int, int] = {}  # node id → nodes it expands to, itself included
    nodes: dict[int, yaml.Node] = {}
    open_: set[int] = set()  # nodes whose children are being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        nodes[key] = node
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = _children(node)
        if children_done:
            open_.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if key in sizes:
            continue
        if key in open_:
            raise YamlError(_CYCLE, node.start_mark.line + 1, _CYCLE_HINT, refused=True)
        open_.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_:
                raise YamlError(_CYCLE, child.start_mark.line + 1, _CYCLE_HINT, refused=True)
            if id(child) not in sizes:
                stack.append((child, False))
    if sizes[id(root)] - len(sizes) > MAX_ALIAS_NODES:
        # The line of the smallest value past the limit: where the expansion gets out of hand.
        over = min((size, key) for key, size in sizes.items() if size > MAX_ALIAS_NODES)[1]
        raise YamlError(
            f"aliases (*name) expand this YAML to {sizes[id(root)]:,} values; sitegen "
            f"allows {MAX_ALIAS_NODES:,} more than are written",
            nodes[over].start_mark.line + 1,
            "write the values out, or repeat fewer of them with aliases",
            refused=True,
        )


_CYCLE = "an alias refers to the value that holds it"
_CYCLE_HINT = "a value cannot contain itself: write it out"


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


def _refuse_non_text(text: str, data: Any) -> None:
    """Raise for the first string in ``data`` holding a character XML cannot carry, at the
    line of the scalar written with it."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            bad = NOT_TEXT.search(value)
            if bad:
                raise YamlError(
                    f"{shown(value)} holds the character {describe(bad.group())}, which a "
                    "web page or feed cannot show",
                    _scalar_line(text, bad.group()),
                    "delete the escape sequence (such as \\x00 or \\e) that makes it",
                    refused=True,
                )
        elif isinstance(value, dict):  # pushed last first: the first found is the first written
            stack += reversed([part for pair in value.items() for part in pair])
        elif isinstance(value, list):
            stack += reversed(value)


def _scalar_line(text: str, char: str) -> int | None:
    """1-based line of the first scalar whose value holds ``char`` (an error's slow path)."""
    import yaml

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.ScalarEvent) and char in event.value and event.start_mark:
            return event.start_mark.line + 1
    return None


def _first_duplicate_key(text: str) -> tuple[str, int] | None:
    # PyYAML silently keeps the last of two equal keys; an author who wrote a key twice meant
    # one of them, so we say so. Cheap check on the raw lines first, the node walk only if needed.
    if not _may_repeat_a_key(text):
        return None

    return _walk_for_duplicate(_compose(text))


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


def _compose(text: str) -> yaml.Node | None:
    """The node tree, for finding a line (PyYAML's Python composer, which keeps marks);
    None for a document it cannot compose, or nests deeper than its recursion allows."""
    import yaml

    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None


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

    node = _compose(text)
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


def _refuse_deep(text: str, data: Any) -> None:
    """Raise when values nest past :data:`MAX_YAML_DEPTH`, at the line where they do."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise YamlError(
                f"values are nested more than {MAX_YAML_DEPTH} levels deep",
                _deep_line(text),
                "write the value flatter: lists of lists this deep are no front matter",
                refused=True,
            )
        if isinstance(value, dict):
            stack += [(part, depth + 1) for pair in value.items() for part in pair]
        elif isinstance(value, list):
            stack += [(item, depth + 1) for item in value]


def _deep_line(text: str) -> int | None:
    """1-based line where nesting first passes the limit (an error's slow path)."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return event.start_mark.line + 1 if event.start_mark else None
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None
