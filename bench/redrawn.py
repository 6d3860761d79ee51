"""``config.wsgi``'s application with each page drawn ``BENCH_DRAWS`` times (bench/drawing.py).

Only the benchmark serves it: ``gunicorn bench.redrawn:application``.
"""

import os

from django.template.response import SimpleTemplateResponse

from config.wsgi import application


def draw_repeatedly(times: int):
    """Draw every template response ``times`` times, keeping the first draw's HTML.

    The later draws read nothing: whatever the page reads lazily, the first draw has read.
    Returns a function that puts Django's own drawing back (the tests use it).
    """
    drawn_once = SimpleTemplateResponse.rendered_content
    if times <= 1:
        return lambda: None

    def rendered_content(response):
        html = drawn_once.fget(response)
        for _ in range(times - 1):
            drawn_once.fget(response)
        return html

    SimpleTemplateResponse.rendered_content = property(rendered_content)

    def restore():
        SimpleTemplateResponse.rendered_content = drawn_once

    return restore


draw_repeatedly(int(os.environ.get("BENCH_DRAWS", "1")))

__all__ = ["application", "draw_repeatedly"]
