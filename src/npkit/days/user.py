"""The user's own days off (the config file's ``[[holidays]]`` rows) given to the patro.

Here rather than in npkit.patro (which stays pure: it takes rows, never reads files) or in
npkit.config (which the common case, no config file, never imports: ``date today`` starts
faster without it).
"""

from __future__ import annotations

import os
import sys

from npkit.errors import UsageError


def _config_file_may_exist() -> bool:
    """False only when the config file surely does not exist, checked without importing
    npkit.config (dataclasses, tomllib and platformdirs cost ``date today`` ~35 ms): with
    NPKIT_CONFIG, that file; on Linux and the BSDs, platformdirs' XDG path. Elsewhere True
    (the config module decides). tests/test_cli_patro.py checks the guess against it."""
    explicit = os.environ.get("NPKIT_CONFIG")
    if explicit:
        return os.path.exists(os.path.expanduser(explicit))
    if sys.platform in ("win32", "darwin") or sys.platform.startswith(("cygwin", "msys")):
        return True
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
    return os.path.exists(os.path.join(base, "npkit", "config.toml"))


def use_config_holidays() -> None:
    """Give npkit.patro the config file's ``[[holidays]]`` rows (or none: in-process callers,
    such as tests, must not keep an earlier run's days). A bad row is a UsageError naming it
    and the file."""
    from npkit import patro

    rows: list[dict[str, str]] = []
    if _config_file_may_exist():
        from npkit import config

        rows = config.holidays_table()
        try:
            patro.set_user_holidays(rows)
        except UsageError as exc:
            raise UsageError(f"config file {config.config_path()}: {exc}") from None
        return
    patro.set_user_holidays(rows)


def default_scopes() -> tuple[str, ...]:
    """The config file's ``scope`` (one name or a list: ``scope = ["women",
    "kathmandu_valley"]``), checked against the offered scopes; () without one. Call after
    ``use_config_holidays`` (the user's own scope words count)."""
    if not _config_file_may_exist():
        return ()
    from npkit import config
    from npkit.patro import notices

    try:
        return notices.check_scopes(config.scopes())
    except UsageError as exc:
        raise UsageError(f"config file {config.config_path()}: scope: {exc}") from None


def prefers_nepali() -> bool:
    """The config file's ``[date] nepali`` (False without one): the language of the patro
    commands' tables and cards when neither ``--nepali`` nor ``--english`` is given."""
    if not _config_file_may_exist():
        return False
    from npkit import config

    return bool(config.nepali())
