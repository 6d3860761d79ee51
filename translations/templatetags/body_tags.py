"""``{% article_body page.numbered_body %}``: the article's body (translations/body_display.py)."""

from django import template

from translations import body_display

register = template.Library()


@register.simple_tag(takes_context=True)
def article_body(context, items):
    return body_display.article_body(items, context)
