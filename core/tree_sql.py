"""A page's place in the tree written into a hand-written statement's text, not bound to it.

Statements run twice on a connection are prepared (config/settings/base.py), and after five
runs PostgreSQL may keep one generic plan for every value of their parameters. Bound as
parameters, "below this home page" (``path LIKE $1 AND depth = $2``) tells that plan nothing:
in an archive of 100,000 articles it walked the whole page table in id order to meet the
few sections (36 ms for the home page's sections, 42 ms for the related articles), where a
plan made for the values takes a fraction of a millisecond. Written into the text, each home
page (one per language) has its statement, planned for its own place in the tree.

Tree paths are treebeard's: digits and capital letters only, checked here before they go
into any statement; a depth is an integer. The LIKE pattern's ``%`` is written ``%%``: the
statements are run with a list of parameters (an empty one too), which makes both database
backends read ``%%`` as ``%``.
"""

import re

TREE_PATH = re.compile(r"[0-9A-Z]+")


def path_literal(path: str) -> str:
    """The LIKE pattern matching ``path`` and everything below it, as an SQL string."""
    if not isinstance(path, str) or not TREE_PATH.fullmatch(path):
        raise ValueError(f"not a tree path: {path!r}")
    return f"'{path}%%'"


def below(page, path_column: str) -> str:
    """Condition: the row's page is ``page`` or below it."""
    return f"{path_column} LIKE {path_literal(page.path)}"


def children_of(page, path_column: str, depth_column: str) -> str:
    """Condition: the row's page is a child of ``page``."""
    return f"{below(page, path_column)} AND {depth_column} = {int(page.depth) + 1}"
