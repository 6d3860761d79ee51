"""Each person's dashboard shows what waits for them; editors see the publishing chart (Done 6)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from newsroom.chart import BAR_GAP, BAR_WIDTH, DAYS
from tests.factories import make_article, make_section
from tests.html import soup_of, text_of
from tests.newsroom.conftest import create_article, submit_new_article


def panel(soup, panel_id):
    found = soup.select_one(f"#{panel_id}-section") or soup.select_one(f"[id^={panel_id}]")
    return found


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return soup_of(response)


@pytest.mark.django_db
def test_writer_sees_their_own_drafts_and_not_the_chart(
    demo_site, writer, other_writer, client_for
):
    economy = demo_site["home"].get_children().get(slug="economy")
    create_article(client_for(writer), economy, title="مسودتي", slug="mine")
    create_article(client_for(other_writer), economy, title="مسودة زميل", slug="theirs")
    submit_new_article(client_for(writer), economy, title="قيد المراجعة", slug="in-review")

    soup = dashboard(client_for(writer))
    assert soup.html["dir"] == "rtl"
    drafts = text_of(panel(soup, "newsroom-my-drafts"))
    assert "مسودتي" in drafts
    assert "مسودة زميل" not in drafts
    assert "قيد المراجعة" not in drafts  # under review, not a draft to work on
    with translation.override("ar"):
        assert translation.gettext("Nothing has been returned to you.") in text_of(
            panel(soup, "newsroom-returned-to-me")
        )
    assert panel(soup, "newsroom-published-per-section") is None


@pytest.mark.django_db
@pytest.mark.usefixtures("only_the_seed_article")  # the demo's stories would add to the counts
def test_editor_sees_a_chart_per_section_drawn_right_to_left_in_arabic(
    demo_site, section_editor, client_for, django_assert_max_num_queries
):
    home = demo_site["home"]
    economy = home.get_children().get(slug="economy")
    today = timezone.now()
    make_article(economy, title="أمس", slug="yesterday")
    for days_ago in (0, 1):
        article = make_article(economy, slug=f"economy-{days_ago}")
        article.first_published_at = today - timedelta(days=days_ago)
        article.save()
    old = make_article(economy, slug="old")
    old.first_published_at = today - timedelta(days=DAYS + 2)
    old.save()

    client = client_for(section_editor)
    with django_assert_max_num_queries(30):
        soup = dashboard(client)
    chart_panel = panel(soup, "newsroom-published-per-section")
    charts = {text_of(item.h3): item for item in chart_panel.select("li.newsroom-chart")}
    titles = " ".join(charts)
    assert "سياسة" in titles  # the demo's seed article, published today
    economy_chart = next(item for title, item in charts.items() if "اقتصاد" in title)
    assert "3" in text_of(economy_chart.h3)  # the old article is outside the 30 days
    svg = economy_chart.svg
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == economy_chart.h3["id"]
    bars = {bar["data-day"]: bar for bar in svg.select("rect.newsroom-chart__bar")}
    today_bar = bars[timezone.localdate().isoformat()]
    assert today_bar["data-count"] == "2"
    # Right to left: today, the newest day, is the leftmost bar.
    assert int(today_bar["x"]) == BAR_GAP
    assert today_bar.title.get_text()


@pytest.mark.django_db
def test_chart_runs_left_to_right_for_an_editor_who_reads_english(
    demo_site, section_editor, client_for
):
    profile = UserProfile.get_for_user(section_editor)
    profile.preferred_language = "en"
    profile.save()
    soup = dashboard(client_for(section_editor))
    assert soup.html["dir"] == "ltr"
    svg = panel(soup, "newsroom-published-per-section").select_one(".newsroom-chart svg")
    today_bar = svg.select_one(f"rect[data-day='{timezone.localdate().isoformat()}']")
    assert int(today_bar["x"]) == (DAYS - 1) * (BAR_WIDTH + BAR_GAP)


@pytest.mark.django_db
def test_chart_says_so_when_nothing_was_published(section_editor, client_for):
    from articles.models import ArticlePage

    ArticlePage.objects.update(first_published_at=None, live=False)  # an archive not yet begun
    soup = dashboard(client_for(section_editor))
    chart_panel = panel(soup, "newsroom-published-per-section")
    assert chart_panel.select(".newsroom-chart svg") == []
    empty = text_of(chart_panel.select_one(".newsroom-chart-empty"))
    with translation.override("ar"):
        expected = translation.ngettext(
            "No article was published in the last %(days)s day.",
            "No article was published in the last %(days)s days.",
            DAYS,
        ) % {"days": DAYS}
    assert empty == expected
    assert "published" not in empty


@pytest.mark.django_db
def test_editor_in_chief_and_administrators_see_the_chart_too(
    demo_site, editor_in_chief, administrator, client_for
):
    for person in (editor_in_chief, administrator):
        soup = dashboard(client_for(person))
        assert panel(soup, "newsroom-published-per-section") is not None


@pytest.mark.django_db
def test_a_section_made_later_appears_once_it_publishes(demo_site, section_editor, client_for):
    section = make_section(demo_site["home"], "تكنولوجيا", "technology")
    make_article(section, slug="tech-news")
    soup = dashboard(client_for(section_editor))
    titles = [text_of(h3) for h3 in panel(soup, "newsroom-published-per-section").select("h3")]
    assert any("تكنولوجيا" in title for title in titles)


@pytest.mark.django_db
def test_the_dashboard_costs_the_same_queries_however_much_was_published(
    demo_site, section_editor, writer, client_for
):
    editor = client_for(section_editor)
    writer_client = client_for(writer)
    economy = demo_site["home"].get_children().get(slug="economy")
    create_article(writer_client, economy, slug="draft-0")
    editor.get(reverse("wagtailadmin_home"))
    writer_client.get(reverse("wagtailadmin_home"))

    def queries(client):
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("wagtailadmin_home"))
        return len(captured)

    before = queries(editor), queries(writer_client)
    for number in range(4):
        make_article(economy, slug=f"economy-more-{number}")
        make_article(demo_site["politics"], slug=f"politics-more-{number}")
        create_article(writer_client, economy, slug=f"draft-{number + 1}")
    assert (queries(editor), queries(writer_client)) == before
