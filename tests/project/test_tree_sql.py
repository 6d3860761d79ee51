"""core/tree_sql.py writes only tree paths and depths into a statement's text."""

from types import SimpleNamespace

import pytest

from core.tree_sql import below, children_of, path_literal


def test_a_tree_path_becomes_a_like_pattern():
    home = SimpleNamespace(path="00010002", depth=2)
    assert path_literal("0001") == "'0001%%'"
    assert below(home, "p.path") == "p.path LIKE '00010002%%'"
    assert children_of(home, "p.path", "p.depth") == "p.path LIKE '00010002%%' AND p.depth = 3"


@pytest.mark.parametrize("path", ["", "0001'; DROP TABLE x; --", "0001%", "00a1", None, 1])
def test_anything_else_is_refused(path):
    with pytest.raises(ValueError, match="not a tree path"):
        path_literal(path)


def test_a_depth_must_be_a_number():
    with pytest.raises(ValueError):
        children_of(SimpleNamespace(path="0001", depth="1 OR 1=1"), "p.path", "p.depth")
