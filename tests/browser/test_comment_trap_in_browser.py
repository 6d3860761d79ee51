"""Issue 13, item 1: the robots' trap field never catches a person.

A person fills what they can see. If the stylesheet ever shows the trap field again, the person
fills it too, their comment is taken for a robot's and lands in spam: the first test then finds
nothing pending in the moderation queue. The second test looks at the trap field itself.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from comments.models import CommentStatus, ReaderComment
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
# A person reads the article and types: longer than the form's 3-second robot threshold.
HUMAN_PACE_MS = 4000
WHAT_A_PERSON_TYPES = {
    "textarea": "قرأت المقال كاملاً، وأشكر الكاتب على دقته.",
    "text": "سلمى بنعلي",
    "email": "salma.person@example.com",
    "url": "https://salma.example",
}

# True when a person could see and click the element: it has a size, is not hidden by style,
# and the point at its centre (after scrolling to it) is the element itself, not something
# drawn over it, nothing (off-screen) or the page behind a clipping ancestor.
SEEN_BY_A_PERSON = """(element) => {
    if (!element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    element.scrollIntoView({block: "center", inline: "center", behavior: "instant"});
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return top === element || element.contains(top) || (top && top.control === element);
}"""


def fill_like_a_person(page):
    """Fills each field of the comment form a person can see; returns the names filled."""
    filled = []
    fields = page.locator("[data-comment-form] form").locator("input, textarea")
    for index in range(fields.count()):
        field = fields.nth(index)
        kind = field.evaluate("(element) => element.type")
        if kind in ("hidden", "checkbox", "submit") or not field.evaluate(SEEN_BY_A_PERSON):
            continue
        field.click()
        field.press_sequentially(WHAT_A_PERSON_TYPES[kind], delay=5)
        filled.append(field.get_attribute("name"))
    return filled


@pytest.fixture
def live_moderator(live_demo_site):
    from tests.comments.conftest import moderators_group

    user = UserFactory(username="trap-moderator", email="trap-moderator@example.com")
    user.groups.add(moderators_group())
    return user


@pytest.mark.parametrize("width", [375, 1280])
def test_a_person_filling_what_they_see_lands_in_the_moderation_queue(
    live_demo_site, live_moderator, open_page, width
):
    base_url = live_demo_site["base_url"]
    reader = open_page(width=width, locale="ar")
    reader.goto(base_url + live_demo_site["article"].url)

    # Were the trap field visible, the person would fill it and the comment would go to spam.
    assert {"body", "email", "name", "url"} <= set(fill_like_a_person(reader))
    reader.wait_for_timeout(HUMAN_PACE_MS)
    reader.get_by_role("button", name="إرسال التعليق").click()
    expect(reader.get_by_role("status")).to_contain_text("بانتظار المراجعة")

    moderator = open_page(width=1280, locale="ar")
    moderator.goto(base_url + reverse("wagtailadmin_login"))
    moderator.locator("#id_username").fill("trap-moderator")
    moderator.locator("#id_password").fill(PASSWORD)
    moderator.locator("form button[type=submit]").click()
    moderator.wait_for_url(base_url + reverse("wagtailadmin_home"))
    moderator.goto(
        base_url + reverse("wagtailsnippets_comments_readercomment:list") + "?status=pending"
    )
    row = moderator.locator("tbody tr", has_text="سلمى بنعلي")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("بانتظار المراجعة")
    assert ReaderComment.objects.get().status == CommentStatus.PENDING


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_trap_field_is_hidden_from_people_and_assistive_technology(
    live_demo_site, open_page, width, language
):
    from articles.models import ArticlePage

    article = ArticlePage.objects.get(
        translation_key=live_demo_site["article"].translation_key, locale__language_code=language
    )
    page = open_page(width=width, locale=language)
    page.goto(live_demo_site["base_url"] + article.url)
    trap = page.locator("[data-comment-form] [name=homepage]")
    expect(trap).to_have_count(1)

    # Not where a person looks: drawn outside the page, with no room of its own.
    assert not trap.evaluate(SEEN_BY_A_PERSON)
    box = trap.bounding_box()
    container_box = page.locator(".comment-form__honeypot").bounding_box()
    for shown in (box, container_box):
        outside = shown is None or shown["x"] + shown["width"] <= 0 or shown["x"] >= width
        assert outside or shown["width"] * shown["height"] <= 1, shown
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # Not announced by a screen reader, not reached with the Tab key, not filled by autofill.
    assert page.get_by_role("textbox", name="اترك هذا الحقل فارغاً").count() == 0
    assert page.get_by_role("textbox", name="Laissez ce champ vide").count() == 0
    assert trap.get_attribute("tabindex") == "-1"
    assert trap.get_attribute("autocomplete") == "off"
    page.locator("[name=body]").focus()
    for _field in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") != "homepage"
