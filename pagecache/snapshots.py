"""Model instances as plain data for the cache, and back into a fresh object per request.

A cached model instance is shared by every request that reads it from a process's copies,
and requests write onto pages (``page._live_ancestors``, cached properties): one request's
state would leak into the next. So the cache keeps a *snapshot*, the instance's loaded field
values (and those of the related objects already loaded with it, such as a page's locale),
and each request rebuilds its own instance from it: no query, a few microseconds.
"""

from django.apps import apps
from django.db.models import Model

from pagecache.generational import is_plain

RELATED_DEPTH = 2


def snapshot(instance: Model | None, depth: int = RELATED_DEPTH) -> dict | None:
    if instance is None:
        return None
    values = {}
    for field in instance._meta.concrete_fields:
        if field.attname not in instance.__dict__:
            continue  # deferred: left deferred in the rebuilt object too
        value = instance.__dict__[field.attname]
        if not is_plain(value):  # a stream field's blocks: stored as its JSON data
            value = field.get_prep_value(value)
        values[field.attname] = value
    related = {}
    if depth > 0:
        for name, loaded in instance._state.fields_cache.items():
            if isinstance(loaded, Model):
                related[name] = snapshot(loaded, depth - 1)
    return {"model": instance._meta.label_lower, "values": values, "related": related}


def rebuild(data: dict | None) -> Model | None:
    """A new instance from a snapshot, as if just loaded from the database."""
    if data is None:
        return None
    model = apps.get_model(data["model"])
    values = data["values"]
    instance = model.from_db("default", list(values), list(values.values()))
    for name, related in data["related"].items():
        instance._state.fields_cache[name] = rebuild(related)
    return instance


def snapshots(instances) -> list[dict]:
    return [snapshot(instance) for instance in instances]


def rebuild_all(data: list[dict]) -> list[Model]:
    return [rebuild(item) for item in data]
