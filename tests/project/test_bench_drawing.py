"""`make bench-drawing`'s two halves: the server that draws each page again, and the arithmetic.

The measurement holds only if a repeated draw is drawing alone: the same page, drawn again,
reading nothing more. The first test checks exactly that on the seed article with nothing
cached; the others check how the drawing's cost is separated from the rest.
"""

import pytest
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from bench.drawing import markdown, split_drawing
from bench.redrawn import draw_repeatedly


def article_drawn(client, url):
    """The response, how many times the article's template was drawn, and the queries made."""
    drawn = []

    def count(sender, template, **kwargs):
        if template.name == "pages/article_page.html":
            drawn.append(template.name)

    template_rendered.connect(count)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    finally:
        template_rendered.disconnect(count)
    return response, len(drawn), len(queries)


@pytest.mark.django_db
def test_a_page_drawn_three_times_reads_what_it_read_once(
    client, demo_site, fragments_off, nothing_cached
):
    url = demo_site["article"].url
    client.get(url)  # the process's own first-request work done
    once, drawn_once, queries_once = article_drawn(client, url)

    restore = draw_repeatedly(3)
    try:
        thrice, drawn_thrice, queries_thrice = article_drawn(client, url)
    finally:
        restore()
    _, drawn_after, _ = article_drawn(client, url)  # Django's own drawing is back

    assert once.status_code == thrice.status_code == 200
    assert (drawn_once, drawn_thrice, drawn_after) == (1, 3, 1)
    assert queries_thrice == queries_once  # the later draws read nothing
    assert demo_site["article"].title in thrice.content.decode()
    assert thrice.content.decode().count("<html") == 1  # the reader gets one page


def test_the_drawing_is_the_step_each_draw_adds():
    # 10 ms of the server for everything else, 5 ms for each draw: 15, 20 and 25 ms a request.
    split = split_drawing({1: [1000 / 15], 2: [1000 / 20], 3: [1000 / 25]})

    assert split["drawing_ms"] == pytest.approx(5.0)
    assert split["rest_ms"] == pytest.approx(10.0)
    assert split["rps_without_drawing"] == pytest.approx(100.0)
    assert split["drawn_once_rps"] == pytest.approx(1000 / 15)


def test_rounds_that_disagree_are_fitted_together():
    # Each draw count measured twice, 1 ms either side of the same line as above.
    rates = {1: [1000 / 14, 1000 / 16], 2: [1000 / 21, 1000 / 19], 3: [1000 / 24, 1000 / 26]}
    split = split_drawing(rates)

    assert split["drawing_ms"] == pytest.approx(5.0)
    assert split["rest_ms"] == pytest.approx(10.0)


def test_the_table_gives_each_rate_as_a_share_of_the_static_file():
    split = split_drawing({1: [50.0], 2: [40.0], 3: [1000 / 30]})  # 20, 25, 30 ms: 15 + 5 a draw
    table = markdown({"article": split}, static_rps=2000.0)

    assert "4% of it is 80 requests/s: 12.5 ms of the server a request." in table
    assert "| article | 50 (2.5%) | 5.0 | 15.0 | 67 (3.3%) |" in table
