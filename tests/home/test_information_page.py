"""Information pages (about, contact, privacy, terms): the article's blocks without the story."""

import pytest
from wagtail.models import Page

from home.models import HomePage, InformationPage
from tests.html import soup_of

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "paragraph", "value": "<p>نحن غرفة أخبار مستقلة.</p>"},
    {
        "type": "headed_section",
        "value": {
            "heading": "ما نحفظه",
            "unnumbered": False,
            "content": [
                {
                    "type": "bullet_list",
                    "value": {
                        "ordered": False,
                        "items": [{"lead": "الاسم", "text": "كما كتبته في نموذج التعليق."}],
                    },
                }
            ],
        },
    },
]


def publish_under(parent: Page, **fields) -> InformationPage:
    page = InformationPage(body=BODY, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_information_page_reads_like_the_newsrooms_own_page(client, demo_site):
    page = publish_under(demo_site["home"], title="من نحن", slug="about-us", intro="من نحن؟")

    response = client.get(page.url)

    assert response.status_code == 200
    html = soup_of(response)
    assert html.h1.get_text(strip=True) == "من نحن"
    heading = html.select_one(".information-page__body h2").get_text(" ", strip=True)
    assert heading == "ما نحفظه"  # no section number on the newsroom's own pages
    lead = html.select_one(".information-page__body li strong").get_text(strip=True)
    assert lead.startswith("الاسم")
    assert html.select(".article__byline") == []
    assert html.select("#comments") == []


def test_information_pages_live_under_a_home_page_and_each_other():
    assert InformationPage in HomePage.allowed_subpage_models()
    assert InformationPage.allowed_parent_page_models() == [HomePage, InformationPage]
    assert InformationPage.allowed_subpage_models() == [InformationPage]


def test_an_information_page_may_hold_pages_of_its_own(client, demo_site):
    policies = publish_under(demo_site["home"], title="السياسات", slug="policies")
    privacy = publish_under(policies, title="سياسة الخصوصية", slug="privacy")

    assert client.get(privacy.url).status_code == 200
    assert privacy.url.endswith("/policies/privacy/")
