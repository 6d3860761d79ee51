"""Publishing, unpublishing, moving and deleting pages keep the search index current.

Deleting a page deletes its entry through the foreign key's cascade.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.models import ArticlePage, ArticlePageAuthor, Author, SectionPage
from search import indexing


@receiver(page_published, sender=ArticlePage)
def index_published_article(sender, instance, **kwargs):
    indexing.index_article(instance)


@receiver(page_unpublished, sender=ArticlePage)
def remove_unpublished_article(sender, instance, **kwargs):
    indexing.remove_pages([instance.pk])


@receiver(page_published, sender=SectionPage)
def reindex_section_articles(sender, instance, **kwargs):
    # The section's title is indexed with each of its articles.
    indexing.index_articles_under(instance)


@receiver(post_page_move)
def reindex_moved_articles(sender, instance, **kwargs):
    if issubclass(instance.specific_class, ArticlePage | SectionPage):
        indexing.index_articles_under(instance)


@receiver(post_save, sender=Author)
def reindex_author_articles(sender, instance, created, **kwargs):
    if not created:
        indexing.index_articles(
            indexing.articles_for_indexing().filter(article_authors__author=instance).distinct()
        )


@receiver(pre_delete, sender=Author)
def remember_author_articles(sender, instance, **kwargs):
    instance._search_article_ids = list(
        ArticlePageAuthor.objects.filter(author=instance).values_list("page_id", flat=True)
    )


@receiver(post_delete, sender=Author)
def reindex_former_author_articles(sender, instance, **kwargs):
    article_ids = getattr(instance, "_search_article_ids", [])
    if article_ids:
        indexing.index_articles(indexing.articles_for_indexing().filter(pk__in=article_ids))
