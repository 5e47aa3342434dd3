"""``npkit completion bash|zsh|fish``: a static completion script to install once.

The script is printed, not evaluated at every shell start (``eval "$(…)"`` in a shell's rc
file would start Python in every new shell); it asks ``npkit`` only when Tab is pressed.
"""

from __future__ import annotations

import click

from npkit.cli.commands import PROJECT_URL

SHELLS = ("bash", "zsh", "fish")


@click.command(
    "completion",
    short_help="A shell completion script for bash, zsh or fish.",
    epilog=f"Documentation: {PROJECT_URL}#shell-completion",
)
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL. Save it once where the shell looks for
    completions; Tab then completes commands, options, currency codes, news sources, metals,
    units, month names and --fields.

    \b
    Examples:
      npkit completion bash > ~/.local/share/bash-completion/completions/npkit
      npkit completion zsh > ~/.zfunc/_npkit     (with fpath+=~/.zfunc in ~/.zshrc)
      npkit completion fish > ~/.config/fish/completions/npkit.fish
    """
    from click.shell_completion import get_completion_class

    from npkit.cli.app import cli

    shell_class = get_completion_class(shell)
    assert shell_class is not None  # every name in SHELLS has one
    script = shell_class(cli, {}, "npkit", "_NPKIT_COMPLETE").source()
    click.echo(script.rstrip("\n"))
