"""The observance rules npkit loads (``patro/_rules_table.py``, generated) are the rule files
(festivals.tsv, observances.tsv) as read and checked: regenerate the table with
``python tools/build_rules_table.py`` after editing a file."""

from __future__ import annotations

from npkit.patro import rules
from npkit.patro._rules_table import ROWS

REGENERATE = "the rule files changed: run python tools/build_rules_table.py"


def test_the_loaded_rules_are_the_rule_files_read() -> None:
    read = rules.read_rule_files()
    loaded = rules.every_rule()
    assert list(loaded) == list(read), REGENERATE  # the same ids, in file order
    for id_, rule in read.items():
        assert tuple(loaded[id_]) == tuple(rule), f"{id_}: {REGENERATE}"
        # the same types too (a tuple is not a list, 2067 is not "2067")
        assert [type(v) for v in loaded[id_]] == [type(v) for v in rule], id_


def test_the_loaded_rules_are_rules() -> None:
    loaded = rules.every_rule()
    assert len(loaded) == len(ROWS)
    for rule in loaded.values():
        assert type(rule) is rules.Rule
        assert rule == rules.Rule(*rule)  # every field in its place
        assert rule.event.id == rule.id
    assert [rule.id for rule in rules.rules().values()] == [
        rule.id for rule in rules.read_rule_files().values() if rule.main
    ]


def test_the_table_is_what_the_generator_writes() -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build", root / "tools" / "build_rules_table.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    namespace: dict[str, object] = {}
    exec(build.table_text(), namespace)
    assert namespace["ROWS"] == ROWS, REGENERATE
