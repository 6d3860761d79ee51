"""Posts become articles with WordPress's statuses and dates; categories, tags and authors map."""

from datetime import UTC, datetime

import pytest
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage, Author, SectionPage
from home.models import HomePage
from tests.wordpress_import.conftest import import_file, row_counts
from wordpress_import.models import ImportedItem

pytestmark = pytest.mark.django_db


def article(title):
    return ArticlePage.objects.get(title=title)


def test_statuses_become_live_draft_scheduled_or_skipped(demo_site):
    output = import_file("post-statuses.xml")

    published = article("خبر منشور")
    assert published.live and published.slug == "خبر-منشور"  # Arabic slug percent-decoded
    assert published.first_published_at == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert published.last_published_at == datetime(2024, 5, 2, 10, tzinfo=UTC)
    assert published.publication_date == datetime(2024, 5, 1, 10, tzinfo=UTC)
    for draft in ("مسودة", "بانتظار المراجعة", "خبر خاص"):
        assert not article(draft).live
    scheduled = article("خبر مجدول")
    assert not scheduled.live
    assert scheduled.get_latest_revision().approved_go_live_at == datetime(
        2099, 1, 1, 8, tzinfo=UTC
    )
    assert not ArticlePage.objects.filter(title__in=["في سلة المهملات", "مراجعة"]).exists()
    protected = article("خبر محمي")
    assert protected.live
    assert PageViewRestriction.objects.get(page=protected).password == "sesame"
    assert "private in WordPress: imported as a draft" in output
    assert "in the trash: 1" in output


def test_categories_become_sections_and_tags_and_authors_become_bylines(demo_site):
    import_file("sections-tags-authors.xml")

    politics = demo_site["politics"]
    assert article("في سياسة").get_parent().pk == politics.pk  # "سياسة" reused, not duplicated
    assert SectionPage.objects.filter(title="سياسة").count() == 1
    world = SectionPage.objects.get(title="العالم")
    assert (
        world.live
        and world.intro == "أخبار العالم"
        and world.get_parent().pk == demo_site["home"].pk
    )
    child = article("قسم جديد مع فرع")
    assert child.get_parent().pk == world.pk
    assert [tag.name for tag in child.tags.all()] == ["المغرب العربي"]  # a child category is a tag
    yoast = article("القسم الأساسي من يوست")
    assert yoast.get_parent().pk == world.pk  # Yoast's primary category wins over the first
    assert "سياسة" in {tag.name for tag in yoast.tags.all()}  # the other category is a tag
    assert article("بلا تصنيف").get_parent().pk == politics.pk  # --default-section
    assert {tag.name for tag in article("في سياسة").tags.all()} == {"انتخابات"}
    assert Tag.objects.filter(name="انتخابات").count() == 1

    amina = Author.objects.get(slug="amina")
    assert amina.name == "أمينة العلوي"
    assert article("في سياسة").ordered_authors == [amina]
    assert article("خبر مثبت").ordered_authors == [Author.objects.get(slug="youssef")]
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username__in=["amina", "youssef"]).exists()


def test_a_sticky_post_leads_the_front_page_when_no_lead_is_chosen(demo_site):
    import_file("sections-tags-authors.xml")
    home = HomePage.objects.get(pk=demo_site["home"].pk)
    assert home.lead_article.title == "خبر مثبت"


def test_a_second_run_changes_nothing(demo_site):
    import_file("sections-tags-authors.xml")
    before = row_counts()
    output = import_file("sections-tags-authors.xml")
    assert row_counts() == before
    assert "post                          0          0          5          0" in output


def test_a_dry_run_writes_nothing_but_reports_what_would_happen(demo_site):
    before = row_counts()
    output = import_file("sections-tags-authors.xml", dry_run=True)
    assert row_counts() == before
    assert "Dry run: nothing was written." in output
    assert "post                          5          0          0          0" in output


def test_update_reimports_items_whose_modification_time_changed(demo_site, tmp_path):
    import_file("post-statuses.xml")
    changed = tmp_path / "changed.xml"
    text = (import_file.__globals__["fixture"]("post-statuses.xml")).read_text(encoding="utf-8")
    text = text.replace("فقرة منشورة.", "فقرة مصححة.", 1).replace(
        "<wp:post_modified_gmt><![CDATA[2024-05-02 10:00:00]]>",
        "<wp:post_modified_gmt><![CDATA[2024-06-01 10:00:00]]>",
        1,
    )
    changed.write_text(text, encoding="utf-8")

    import_file(changed)  # without --update: left alone
    assert article("خبر منشور").standfirst == "فقرة منشورة."
    output = import_file(changed, update=True)
    updated = article("خبر منشور")
    assert updated.standfirst == "فقرة مصححة."
    assert updated.live
    assert "post                          0          1" in output
    assert ArticlePage.objects.filter(title="خبر منشور").count() == 1


def test_items_are_keyed_on_the_site_and_wordpress_id(demo_site):
    import_file("post-statuses.xml")
    item = ImportedItem.objects.get(kind="post", wp_id="10")
    assert item.source == "old-news.example"
    assert item.object_id == article("خبر منشور").pk


def test_older_export_versions_are_read(demo_site):
    import_file("wxr-1.0.xml")
    import_file("wxr-1.1.xml")
    old = article("من ووردبريس قديم")
    assert old.get_parent().pk == demo_site["politics"].pk
    assert {tag.name for tag in old.tags.all()} == {"وسم قديم"}
    assert old.ordered_authors[0].slug == "amina"
    assert article("من ووردبريس 1.1").live
