"""The command's surface: every command is documented and --db is everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from medinfo.interfaces.cli.main import app

DOCS = Path(__file__).parents[4] / "docs" / "cli.md"


def _commands() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            found.update({f"{name} {sub}": cmd for sub, cmd in subcommands.items()})
        else:
            found[name] = command
    return found


def test_every_command_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    missing = [name for name in _commands() if f"`medinfo {name}" not in documented]
    assert missing == []


def test_every_command_but_version_takes_db() -> None:
    without = [
        name
        for name, command in _commands().items()
        if name != "version" and "--db" not in {o for p in command.params for o in p.opts}
    ]
    assert without == []
