"""core/constant_query.py makes rows into objects with a copy of Django's
``ModelIterable.__iter__`` (its set-up done once per compiled statement). The day Django changes
that method, the copy is revisited (docs/upgrading.md, entry 23)."""

import hashlib
import inspect

from django.db.models.query import ModelIterable

# Django 5.2's ModelIterable.__iter__, the code _Compiled.objects follows.
COPIED_FROM = "c2a744b8c18e0b4a5b85d9b644e8fff74ed239e168f4eda77be0ba5fc5e9cee9"


def test_model_iterable_is_the_code_the_constant_query_copied():
    source = inspect.getsource(ModelIterable.__iter__)
    assert hashlib.sha256(source.encode()).hexdigest() == COPIED_FROM, (
        "Django's ModelIterable.__iter__ changed: compare it with _Compiled.objects in "
        "core/constant_query.py (docs/upgrading.md, entry 23), then update COPIED_FROM"
    )
