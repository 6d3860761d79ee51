"""Every bad input gets a clear message, and the database is left exactly as it was."""

import pytest
from django.core.management.base import CommandError

from articles.models import ArticlePage
from tests.wordpress_import.conftest import fixture, import_file, row_counts
from wordpress_import import importer as importer_module
from wordpress_import.models import ImportedItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-xml.xml", "Line 1: The file is not well-formed XML"),
        ("not-wxr.xml", "not a WordPress export: it has no <wp:wxr_version>"),
        ("unknown-version.xml", "WXR version 9.9"),
        ("truncated.xml", "The file is not well-formed XML"),
        ("xml-bomb.xml", "Line 2: The file declares a document type or entities"),
        ("external-entity.xml", "Line 2: The file declares a document type or entities"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_whole(demo_site, name, message):
    before = row_counts()
    with pytest.raises(CommandError) as refused:
        import_file(name)
    assert message in str(refused.value)
    assert row_counts() == before


def test_the_message_is_in_the_sites_language(demo_site):
    with pytest.raises(CommandError) as refused:
        import_file("xml-bomb.xml", language="ar")
    assert str(refused.value).startswith("السطر 2: يعلن الملف نوع مستند أو كيانات")


def test_a_truncated_file_names_the_line_where_it_stops(demo_site):
    with pytest.raises(CommandError) as refused:
        import_file("truncated.xml")
    last_line = fixture("truncated.xml").read_text(encoding="utf-8").count("\n") + 1
    assert f"Line {last_line}:" in str(refused.value)


def test_posts_without_a_category_need_a_default_section(demo_site):
    before = row_counts()
    with pytest.raises(CommandError) as refused:
        import_file("sections-tags-authors.xml", default_section="")
    assert "--default-section" in str(refused.value) and "politics" in str(refused.value)
    with pytest.raises(CommandError) as refused:
        import_file("sections-tags-authors.xml", default_section="no-such-section")
    assert "There is no section “no-such-section”" in str(refused.value)
    assert row_counts() == before


def test_a_missing_uploads_folder_is_refused_before_anything_is_written(demo_site, tmp_path):
    before = row_counts()
    with pytest.raises(CommandError, match="does not exist"):
        import_file("classic-shortcodes-and-embeds.xml", uploads=tmp_path / "nowhere")
    assert row_counts() == before


def test_post_problems_are_mended_and_reported(demo_site, client):
    output = import_file("post-problems.xml")
    untitled = ArticlePage.objects.get(slug="post-70")
    assert untitled.title == "خبر بلا عنوان في ووردبريس لكن له نص."
    no_slug = ArticlePage.objects.get(title="بلا اسم مختصر")
    assert no_slug.slug == "بلا-اسم-مختصر"
    taken = ArticlePage.objects.get(title="اسم مختصر مأخوذ")
    assert taken.slug == "morocco-counter-terrorism-regional-security-2"
    assert demo_site["article"].slug == "morocco-counter-terrorism-regional-security"
    long = ArticlePage.objects.filter(title__startswith="عنوان عنوان").get()
    assert len(long.title) <= 255 and long.title.endswith("…")
    for page in (untitled, no_slug, taken, long):
        assert client.get(page.url).status_code == 200
    assert "no title in WordPress" in output
    assert "was taken here" in output
    assert "title shortened to 255 characters" in output


def test_an_import_killed_half_way_leaves_whole_items_and_carries_on_when_run_again(
    demo_site, monkeypatch
):
    monkeypatch.setattr(importer_module, "BATCH_SIZE", 1)
    real_import_post = importer_module.WordPressImporter._import_post
    calls = []

    def killed_on_the_third_post(self, item):
        calls.append(item.wp_id)
        if len(calls) == 3:
            real_import_post(self, item)  # half-way through writing it…
            raise KeyboardInterrupt  # …the process is killed
        return real_import_post(self, item)

    monkeypatch.setattr(importer_module.WordPressImporter, "_import_post", killed_on_the_third_post)
    with pytest.raises(KeyboardInterrupt):
        import_file("sections-tags-authors.xml")
    imported = set(ImportedItem.objects.filter(kind="post").values_list("wp_id", flat=True))
    assert imported == {"20", "21"}  # the third post's transaction was rolled back whole
    assert not ArticlePage.objects.filter(title="القسم الأساسي من يوست").exists()

    monkeypatch.setattr(importer_module.WordPressImporter, "_import_post", real_import_post)
    import_file("sections-tags-authors.xml")
    names = ["في سياسة", "قسم جديد مع فرع", "القسم الأساسي من يوست", "بلا تصنيف", "خبر مثبت"]
    titles = list(ArticlePage.objects.filter(title__in=names).values_list("title", flat=True))
    assert len(titles) == 5 == len(set(titles))  # every post once: no duplicates
