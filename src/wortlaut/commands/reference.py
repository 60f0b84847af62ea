"""The CLI reference in ``docs/cli.md``, generated from the commands themselves.

Regenerate with ``python -m wortlaut.commands.reference > docs/cli.md``; a test fails when the
file and the code disagree, so no command or option goes undocumented.
"""

from __future__ import annotations

import click


def _command_section(name: str, command: click.Command, ctx: click.Context) -> list[str]:
    lines = [f"## `{name}`", ""]
    sub_ctx = click.Context(command, info_name=name.split(" ")[-1], parent=ctx)
    usage = command.get_usage(sub_ctx).replace("Usage: ", "")
    lines += ["```", usage, "```", ""]
    if command.help:
        lines += [click.unstyle(command.help).strip(), ""]
    rows = []
    for param in command.get_params(sub_ctx):
        record = param.get_help_record(sub_ctx)
        if record is None:
            continue
        flags, help_text = record
        rows.append(f"| `{flags}` | {help_text.replace('|', '/')} |")
    if rows:
        lines += ["| option | meaning |", "| --- | --- |", *rows, ""]
    if isinstance(command, click.Group):
        for sub_name in sorted(command.list_commands(sub_ctx)):
            sub = command.get_command(sub_ctx, sub_name)
            if sub is not None and not sub.hidden:
                lines += _command_section(f"{name} {sub_name}", sub, sub_ctx)
    return lines


def render_reference() -> str:
    """Markdown for every command and option of ``wortlaut``."""
    from ..cli import main

    ctx = click.Context(main, info_name="wortlaut")
    lines = [
        "# CLI reference",
        "",
        "Generated from the code by `python -m wortlaut.commands.reference > docs/cli.md`;",
        "do not edit by hand.",
        "",
        "Global options go before the command: `wortlaut --db store.db search …`.",
        "",
    ]
    for param in main.get_params(ctx):
        record = param.get_help_record(ctx)
        if record:
            lines.append(f"- `{record[0]}`: {record[1]}")
    lines.append("")
    for name in sorted(main.list_commands(ctx)):
        command = main.get_command(ctx, name)
        if command is not None and not command.hidden:
            lines += _command_section(name, command, ctx)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render_reference(), end="")
