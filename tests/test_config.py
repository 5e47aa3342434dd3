"""Settings precedence: flag > environment > config file > default; bad settings name their
origin. The autouse fixture points NPKIT_CONFIG at tmp/config.toml (absent until written)."""

from __future__ import annotations

from pathlib import Path

import pytest

from npkit import config
from npkit.errors import UsageError


@pytest.fixture
def config_file(isolated_settings: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("NPKIT_TIMEOUT", "NPKIT_NRB_URL", "NPKIT_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    return isolated_settings / "config.toml"


def test_defaults_without_a_file(config_file: Path) -> None:
    assert config.load_file() == {}
    assert config.timeout() == 15.0
    assert config.connect_timeout(config.timeout()) == 5.0
    assert config.base_url("nrb") == "https://www.nrb.org.np"
    assert config.base_url("fenegosida") == "https://api.fenegosida.org"
    assert config.cache_dir().name == "npkit"


def test_precedence_flag_env_file_default(
    config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file.write_text(
        'timeout = 9\ncache_dir = "~/npkit-cache"\n[sources.nrb]\nurl = "https://mirror.example/"\n'
    )
    assert config.timeout() == 9.0
    assert config.base_url("nrb") == "https://mirror.example"
    assert config.cache_dir() == Path("~/npkit-cache").expanduser()
    assert config.base_url("hamropatro") == "https://www.hamropatro.com"

    monkeypatch.setenv("NPKIT_TIMEOUT", "4.5")
    monkeypatch.setenv("NPKIT_NRB_URL", "http://127.0.0.1:8080")
    monkeypatch.setenv("NPKIT_CACHE_DIR", "/tmp/elsewhere")
    assert config.timeout() == 4.5
    assert config.base_url("nrb") == "http://127.0.0.1:8080"
    assert config.cache_dir() == Path("/tmp/elsewhere")

    assert config.timeout(2) == 2.0
    assert config.connect_timeout(2.0) == 2.0  # connecting never outlasts the read timeout


def test_default_config_path_is_in_the_user_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NPKIT_CONFIG")
    path = config.config_path()
    assert path.name == "config.toml" and path.parent.name == "npkit"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("timeout = ", "is not valid TOML"),
        ('timeout = "soon"', "timeout must be seconds"),
        ("timeout = -1", "timeout must be seconds"),
        ("timeout = true", "timeout must be seconds"),
        ("sources = 3", "sources must be a table"),
        ("[sources.nrb]\nurl = 'ftp://x'", "expected a base URL"),
        ("[sources.nrb]\nurl = 'https://x.org/?q=1'", "expected a base URL"),
        ("cache_dir = 5", "cache_dir must be a path"),
    ],
)
def test_bad_config_file_names_the_file(config_file: Path, text: str, message: str) -> None:
    config_file.write_text(text)
    with pytest.raises(UsageError) as caught:
        config.timeout()
        config.base_url("nrb")
        config.cache_dir()
    assert message in str(caught.value)
    assert str(config_file) in str(caught.value)


def test_unreadable_config_file(config_file: Path) -> None:
    config_file.write_bytes(b"\xff\xfe timeout = 1")
    with pytest.raises(UsageError, match="cannot read config file"):
        config.load_file()


@pytest.mark.parametrize(
    ("name", "value"),
    [("NPKIT_TIMEOUT", "0"), ("NPKIT_TIMEOUT", "nan"), ("NPKIT_NRB_URL", "www.nrb.org.np")],
)
def test_bad_environment_names_the_variable(
    config_file: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(UsageError, match=name):
        config.timeout() if name == "NPKIT_TIMEOUT" else config.base_url("nrb")


def test_bad_config_is_exit_2_on_the_command_line(config_file: Path, npkit) -> None:
    config_file.write_text("timeout = [")
    result = npkit("fx", "USD", "--offline")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("npkit: fx: config file ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("where", ["env", "file", "default"])
def test_the_paths_as_text_are_the_paths(
    where: str, config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cache_folder``/``config_file`` (text, for a warm start without pathlib) name the
    same places as ``cache_dir``/``config_path``."""
    if where == "env":
        monkeypatch.setenv("NPKIT_CACHE_DIR", "~/npkit-cache/")
    elif where == "file":
        config_file.write_text('cache_dir = "~//elsewhere/./npkit"\n')
    assert Path(config.cache_folder()) == config.cache_dir()
    assert Path(config.config_file()) == config.config_path()
    monkeypatch.delenv("NPKIT_CONFIG")
    assert Path(config.config_file()) == config.config_path()
