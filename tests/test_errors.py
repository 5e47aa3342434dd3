"""npkit.errors' one rule for several sources that all failed (gold's fallbacks, news)."""

from __future__ import annotations

from collections import namedtuple

from npkit.errors import ExitCode, FetchError, ParseError, UsageError, summarise_failures

Failed = namedtuple("Failed", "source message exit_code")
REFUSED = "{} refused the connection"


def test_the_same_reason_is_one_line_naming_the_sources() -> None:
    failures = [Failed(s, REFUSED.format(f"{s}.org:8080"), ExitCode.FETCH) for s in "abc"]
    warnings, error = summarise_failures(
        failures, same_way="every source failed ({names}): {last.message}"
    )
    assert warnings == []
    assert type(error) is FetchError
    assert str(error) == "every source failed (a, b, c): c.org:8080 refused the connection"
    warnings, error = summarise_failures(failures)  # news's wording, the default
    assert str(error) == (
        "every source failed the same way (3 of 3), e.g. a: a.org:8080 refused the connection"
    )


def test_different_reasons_are_one_warning_each_then_reasons_above() -> None:
    failures = [
        Failed("a", REFUSED.format("a.org"), ExitCode.FETCH),
        Failed("b", "b.org sent HTML, not JSON", ExitCode.PARSE),
    ]
    warnings, error = summarise_failures(failures, warning="{source} failed: {message}")
    assert warnings == [
        "a failed: a.org refused the connection",
        "b failed: b.org sent HTML, not JSON",
    ]
    assert type(error) is ParseError  # an unreadable reply wins (combined_exit_code)
    assert str(error) == "every source failed (2 of 2: reasons above)"


def test_one_failure_is_a_warning_and_a_bad_setting_is_a_usage_error() -> None:
    warnings, error = summarise_failures([Failed("a", "no url", ExitCode.USAGE)])
    assert warnings == ["a: no url"]
    assert type(error) is UsageError and error.exit_code == ExitCode.USAGE
    assert str(error) == "every source failed (1 of 1: reasons above)"
