"""An article's own tags and authors, read together by one statement.

The article page shows both (the byline, the tag list, the structured data) and declares its
tags' cache keys, and with the ORM each was a query of its own: ``self.tags.all()`` and the
author links with their authors. With every cache off, and on every first view of an article
after a publication, that is a round trip and a queryset built and compiled for a few rows.
Here one statement of two parts (UNION ALL) reads both, each part from its own link table's
index, in the order the ORM gives (tags by their link, authors by ``sort_order``).

Only an article as stored is read this way: a preview's or a revision's unsaved tags and
authors live in memory (modelcluster), and the ORM's managers answer from there.
tests/articles/test_credits.py holds the statement to the ORM's answer.
"""

from dataclasses import dataclass

from django.db import connections

from articles.cards import RowLoader

AUTHORS, TAGS = 0, 1


@dataclass(frozen=True)
class Credits:
    tags: list
    authors: list


def read_credits(article) -> Credits:
    """The stored tags and authors of ``article`` (saved: it has a primary key)."""
    model = type(article)
    connection = connections[model.objects.db]
    quote = connection.ops.quote_name
    author_link = model._meta.get_field("article_authors").related_model
    author_model = author_link._meta.get_field("author").related_model
    tag_link = model._meta.get_field("tagged_items").related_model
    tag_model = tag_link._meta.get_field("tag").related_model
    author_fields = list(author_model._meta.concrete_fields)
    tag_fields = list(tag_model._meta.concrete_fields)
    # The tags' rows are padded to the authors' width; authors come first, so each column's
    # type is an author field's, which the NULLs take.
    padding = ", NULL" * (len(author_fields) - len(tag_fields))

    def link(link_model, name):
        return quote(link_model._meta.get_field(name).column)

    sql = (
        f"SELECT {AUTHORS} AS kind, link.{link(author_link, 'sort_order')} AS place, "  # noqa: S608 -- quoted model names
        + ", ".join(f"au.{quote(field.column)}" for field in author_fields)
        + f" FROM {quote(author_link._meta.db_table)} link"
        f" INNER JOIN {quote(author_model._meta.db_table)} au"
        f" ON au.{quote(author_model._meta.pk.column)} = link.{link(author_link, 'author')}"
        f" WHERE link.{link(author_link, 'page')} = %s"
        f" UNION ALL SELECT {TAGS}, link.{quote(tag_link._meta.pk.column)}, "
        + ", ".join(f"t.{quote(field.column)}" for field in tag_fields)
        + padding
        + f" FROM {quote(tag_link._meta.db_table)} link"
        f" INNER JOIN {quote(tag_model._meta.db_table)} t"
        f" ON t.{quote(tag_model._meta.pk.column)} = link.{link(tag_link, 'tag')}"
        f" WHERE link.{link(tag_link, 'content_object')} = %s"
        " ORDER BY kind, place"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [article.pk, article.pk])
        rows = cursor.fetchall()
    authors = RowLoader(connection, author_model, author_fields)
    tags = RowLoader(connection, tag_model, tag_fields)
    return Credits(
        tags=[tags.load(row[2 : 2 + len(tag_fields)]) for row in rows if row[0] == TAGS],
        authors=[authors.load(row[2:]) for row in rows if row[0] == AUTHORS],
    )


def kept_in_memory(article, relation: str) -> bool:
    """Whether ``article``'s ``relation`` is answered without the database.

    A preview's or a revision's unsaved rows (modelcluster keeps them on the instance), or
    rows a queryset prefetched.
    """
    return (
        article.pk is None
        or relation in getattr(article, "_cluster_related_objects", {})
        or relation in getattr(article, "_prefetched_objects_cache", {})
    )
