"""``npkit config``: the config file's path and every setting in effect, with where each came
from (flag > environment > config file > default; no flag applies here)."""

from __future__ import annotations

import os
from collections import namedtuple
from typing import Any

import click

from npkit import config
from npkit.cli.commands import docs
from npkit.cli.options import output_options
from npkit.output import OutputSpec, render


class Setting(namedtuple("Setting", "setting value origin")):
    """One setting: its name, the value in effect and where that value came from."""

    __slots__ = ()
    setting: str
    value: str
    origin: str

    TABLE_DROP = ("origin",)
    TABLE_STACKED = True  # a 40-column phone: the path whole under its name, never cut short


def _origin(env: str, data: dict[str, Any], *keys: str) -> str:
    if os.environ.get(env):
        return f"environment {env}"
    node: Any = data
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return "default"
        node = node[key]
    return f"config file: {'.'.join(keys)}"


def settings() -> list[Setting]:
    """Every setting in effect (a broken config file is a usage error, as for any command)."""
    path = config.config_path()
    data = config.load_file()
    where = "environment NPKIT_CONFIG" if os.environ.get("NPKIT_CONFIG") else "default"
    found = [
        Setting("config_file", str(path), where + ("" if path.exists() else " (no such file)")),
        Setting("timeout", f"{config.timeout():g}", _origin("NPKIT_TIMEOUT", data, "timeout")),
        Setting(
            "cache_dir", str(config.cache_dir()), _origin("NPKIT_CACHE_DIR", data, "cache_dir")
        ),
    ]
    for source in config.DEFAULT_URLS:
        env = f"NPKIT_{source.upper()}_URL"
        origin = _origin(env, data, "sources", source, "url")
        found.append(Setting(f"sources.{source}.url", config.base_url(source), origin))
    scopes = config.scopes()
    found.append(
        Setting(
            "scope",
            ",".join(scopes) or "everyone",
            "config file: scope" if scopes else "default",
        )
    )
    nepali = config.nepali()
    found.append(
        Setting(
            "date.nepali",
            "true" if nepali else "false",
            "default" if nepali is None else "config file: date.nepali",
        )
    )
    if os.environ.get("NPKIT_TODAY"):
        found.append(Setting("today", os.environ["NPKIT_TODAY"], "environment NPKIT_TODAY"))
    from npkit.news import registry

    configured = data.get("news", {}).get("sources", {}) if isinstance(data, dict) else {}
    builtin = {source.id for source in registry.builtin()}
    active = {source.id: source for source in registry.load()}
    for key in sorted(builtin | set(configured)):
        origin = f"config file: news.sources.{key}" if key in configured else "built-in"
        value = active[key].url if key in active else "disabled"
        found.append(Setting(f"news.sources.{key}", value, origin))
    return found


@click.command(
    "config",
    short_help="The config file and every setting in effect.",
    epilog=f"Documentation: {docs('configuration')}",
)
@output_options(record=Setting)
def config_command(output: OutputSpec) -> None:
    """The config file's path and every setting in effect, with where it came from:
    an environment variable, the config file (NPKIT_CONFIG, TOML) or the default.

    \b
    Examples:
      npkit config                        every setting and its origin
      npkit config --fields value -f raw | head -1    the config file's path
      $EDITOR "$(npkit config --fields value -f raw | head -1)"
    """
    render(settings(), output, Setting)
