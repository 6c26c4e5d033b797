"""README's command-line block says what ``--help`` says, for every command."""

from __future__ import annotations

import argparse
import re

import pytest

from sitegen.cli import COMMANDS, make_parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")


def command_block() -> dict[str, str]:
    """The ``sitegen COMMAND ...`` lines of the "Command line" section's code block."""
    section = README.split("\n## Command line\n", 1)[1]
    block = section.split("```\n", 2)[1]
    return {line.split()[1]: line for line in block.splitlines() if line.startswith("sitegen ")}


def code_lines() -> list[str]:
    """The lines inside the README's fenced code blocks."""
    lines, inside = [], False
    for line in README.splitlines():
        if line.startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line)
    return lines


def subparser(command: str) -> argparse.ArgumentParser:
    parser = make_parser(command)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[command]


def test_every_command_is_in_the_block() -> None:
    assert list(command_block()) == list(COMMANDS)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_block_has_every_option_of_help_and_no_other(command: str) -> None:
    line = command_block()[command]
    written = set(OPTION.findall(line.split(maxsplit=2)[-1]))
    actions = [a for a in subparser(command)._actions if not isinstance(a, argparse._HelpAction)]
    for action in actions:
        if action.option_strings:
            assert written & set(action.option_strings), f"{command}: {action.option_strings}"
        else:
            assert str(action.metavar) in line, f"{command}: {action.metavar}"
    known = {option for action in actions for option in action.option_strings}
    assert written <= known, f"{command}: not in --help: {written - known}"


def test_other_command_lines_use_real_options() -> None:
    """Every ``sitegen COMMAND`` line of the README's code blocks (the import section's
    synopsis, the examples) names options the command has."""
    used = [line.split(maxsplit=2) for line in code_lines() if line.startswith("sitegen ")]
    assert len(used) > len(COMMANDS)
    for _, command, *rest in used:
        known = {o for a in subparser(command)._actions for o in a.option_strings}
        assert set(OPTION.findall(rest[0] if rest else "")) <= known, command
