"""A queryset that never changes, compiled to SQL once per process instead of on every request.

Some reads are the same statement every time: the sites with their settings and root pages,
the home pages that are those roots' translations, the pages with a view restriction. With
nothing cached (DJANGO_CACHE=off, or the first request of a cache generation) every page makes
them, and Django spent longer building and compiling each queryset (a select_related of five
relations is 0.9 ms of compiling) than PostgreSQL spent answering it (0.4 ms). Here the
queryset is compiled once per database alias; each call runs the kept SQL and makes its rows
into objects as Django's ``ModelIterable`` does, the related objects where ``select_related``
puts them (a ``values_list`` queryset's rows stay tuples, through the same converters).

Only for querysets whose SQL and parameters cannot differ between calls: no value from the
request, the clock or the database goes into the filter. tests/project/test_constant_query.py
holds each one used to the ORM's own answer; tests/upgrading/test_django_model_iterable.py
guards the copied part of Django's ``ModelIterable``.
"""

from collections.abc import Callable

from django.db import connections, router
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators


class ConstantQuery:
    """``make_queryset()``'s rows, from SQL compiled on first use for each database alias."""

    def __init__(self, model, make_queryset: Callable):
        self.model = model
        self.make_queryset = make_queryset
        self._compiled: dict[str, _Compiled] = {}

    def fetch(self) -> list:
        """The rows now: model instances, or tuples for a ``values_list`` queryset."""
        alias = router.db_for_read(self.model)
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = _Compiled(self.make_queryset().using(alias))
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, compiled.params)
            rows = cursor.fetchall()
        return compiled.objects(rows)


class _Compiled:
    def __init__(self, queryset):
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise ValueError("a constant query reads one statement: no prefetching")
        self.alias = queryset.db
        self.models = queryset._iterable_class is ModelIterable
        if not self.models and (
            queryset._iterable_class is not ValuesListIterable
            or queryset.query.extra_select
            or queryset.query.annotation_select
        ):
            raise ValueError("a constant query gives model instances or values_list tuples")
        self.compiler = queryset.query.get_compiler(using=self.alias)
        # Compiling fills the compiler's select, klass_info and annotation columns.
        self.sql, self.params = self.compiler.as_sql()
        fields = [column[0] for column in self.compiler.select[0 : self.compiler.col_count]]
        self.converters = self.compiler.get_converters(fields)
        if self.models:
            klass_info, select = self.compiler.klass_info, self.compiler.select
            self.model_cls = klass_info["model"]
            select_fields = klass_info["select_fields"]
            self.model_fields = slice(select_fields[0], select_fields[-1] + 1)
            self.init_list = [f[0].target.attname for f in select[self.model_fields]]
            self.related_populators = get_related_populators(klass_info, select, self.alias)

    def converted(self, rows: list) -> list:
        if not self.converters:
            return rows
        return [tuple(row) for row in self.compiler.apply_converters(rows, self.converters)]

    def objects(self, rows: list) -> list:
        rows = self.converted(rows)
        if not self.models:
            return rows
        # Django's ModelIterable.__iter__, its set-up done once, without the parts a constant
        # query cannot have (known related objects from a parent queryset).
        annotation_col_map = self.compiler.annotation_col_map
        objects = []
        for row in rows:
            obj = self.model_cls.from_db(self.alias, self.init_list, row[self.model_fields])
            for rel_populator in self.related_populators:
                rel_populator.populate(row, obj)
            if annotation_col_map:
                for attr_name, col_pos in annotation_col_map.items():
                    setattr(obj, attr_name, row[col_pos])
            objects.append(obj)
        return objects
