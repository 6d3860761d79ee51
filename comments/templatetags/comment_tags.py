import hashlib

from django import template
from django.utils.translation import ngettext

from comments.forms import ReaderCommentForm
from comments.models import CommentSettings
from comments.threads import PAGE_PARAMETER, load_discussion
from comments.tickets import issue_ticket

register = template.Library()

AVATAR_HUES = 8


@register.simple_tag(takes_context=True)
def reader_discussion(context, page):
    """The approved conversation under ``page``, loaded once per request."""
    request = context["request"]
    cache = request.__dict__.setdefault("_reader_discussions", {})
    if page.pk not in cache:
        cache[page.pk] = load_discussion(
            page,
            request.GET.get(PAGE_PARAMETER),
            # Only read (one query) when there is a conversation to draw.
            max_depth=lambda: CommentSettings.for_request(request).max_reply_depth,
        )
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def reader_comment_form(context, page, discussion):
    """The bound form after a failed post; otherwise a blank one, the same for every reader."""
    form = context.get("comment_form")
    request = context["request"]
    initial = {"ticket": issue_ticket(page.pk)}
    if form is None:
        reply_to = request.GET.get("reply_to", "")
        if reply_to.isdigit() and int(reply_to) in discussion.shown_ids:
            initial["parent"] = int(reply_to)
        user = request.user
        if user.is_authenticated:
            # Signed-in readers never get the shared cached page, so their details may appear.
            initial["name"] = user.get_full_name() or user.get_username()
            initial["email"] = user.email
        form = ReaderCommentForm(page=page, initial=initial)
    else:
        # A failed post comes back with a fresh ticket: the old one may be why it failed.
        form.data = form.data.copy()
        form.data["ticket"] = initial["ticket"]
    return form


@register.simple_tag(takes_context=True)
def replying_to(context, form, discussion):
    """The comment the form answers, if it is one shown on this page."""
    parent_id = form["parent"].value()
    try:
        parent_id = int(parent_id)
    except (TypeError, ValueError):
        return None
    for event in discussion.events:
        if event.kind == "comment" and event.comment.pk == parent_id:
            return event.comment
    return None


@register.simple_tag(takes_context=True)
def published_comment_id(context, discussion):
    value = context["request"].GET.get("id", "")
    if value.isdigit() and int(value) in discussion.shown_ids:
        return int(value)
    return None


@register.filter
def comment_count_label(count):
    return ngettext("%(count)s comment", "%(count)s comments", count) % {"count": count}


@register.filter
def avatar_initial(name):
    for character in name.strip():
        if character.isalnum():
            return character.upper()
    return "؟"


@register.filter
def avatar_hue(name):
    return int(hashlib.md5(name.encode("utf-8"), usedforsecurity=False).hexdigest(), 16) % (
        AVATAR_HUES
    )
