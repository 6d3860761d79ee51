from django import template
from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from comments.display import thread_html
from comments.form_fields import comment_field_html
from comments.forms import ReaderCommentForm
from comments.models import NAME_MAX_LENGTH, CommentSettings
from comments.remember import COOKIE_NAME
from comments.threads import PAGE_PARAMETER, load_discussion, requested_page
from comments.tickets import issue_ticket
from core.site_settings import site_setting
from pagecache import generational
from pagecache.middleware import note_page_shown
from pagecache.registry import cached_fragment, cached_value
from pagecache.templatetags.fragment_cache import fragment_key

register = template.Library()

DISCUSSIONS = cached_value("discussion")
COMMENT_FORM = cached_fragment("comment-form")


@register.simple_tag(takes_context=True)
def reader_discussion(context, page):
    """The approved conversation under ``page``, loaded once per request if it is drawn.

    It changes only when a comment is approved, removed or edited, or a comment setting is,
    which all start a new cache generation (pagecache/), so the loaded conversation is kept
    in the cache under the generation: a discussion costs one cache read, not its one or two
    queries (comments/threads.py). It is looked up only when something uses it: a page whose
    comment fragments are all cached needs nothing. Previews load it afresh.
    """
    request = context["request"]
    per_request = request.__dict__.setdefault("_reader_discussions", {})
    if page.pk not in per_request:
        per_request[page.pk] = SimpleLazyObject(lambda: discussion_for(page, request))
    return per_request[page.pk]


def discussion_for(page, request):
    # Kept per page number, not per spelling, and only for a page that exists:
    # "?comments_page=02" or a number past the end never adds a cache entry of its own.
    number = requested_page(request.GET.get(PAGE_PARAMETER))

    def load():
        return load_discussion(
            page,
            number,
            # Only read (one query) when there is a conversation to draw.
            max_depth=lambda: site_setting(CommentSettings, request).max_reply_depth,
        )

    if not settings.FRAGMENT_CACHE_ENABLED or getattr(request, "is_preview", False):
        discussion = load()
    else:
        key = DISCUSSIONS.key(page.pk, number)
        discussion = DISCUSSIONS.read(key, generational.MISSING)
        if discussion is generational.MISSING:
            discussion = load()
            if shown_page_number(discussion) == number:
                DISCUSSIONS.write(key, discussion)
    note_page_shown(request, PAGE_PARAMETER, shown_page_number(discussion))
    return discussion


def shown_page_number(discussion) -> int:
    return discussion.page_obj.number if discussion.page_obj else 1


@register.simple_tag(takes_context=True)
def reader_comment_form(context, page, discussion):
    """The bound form after a failed post; otherwise a blank one, the same for every reader."""
    form = context.get("comment_form")
    request = context["request"]
    initial = {"ticket": context.get("comment_ticket") or issue_ticket(page.pk)}
    if form is None:
        reply_to = request.GET.get("reply_to", "")
        if reply_to.isdigit() and int(reply_to) in discussion.shown_ids:
            initial["parent"] = int(reply_to)
        user = request.user
        if user.is_authenticated:
            # Signed-in readers never get the shared cached page, so their details may appear.
            initial["name"] = (user.get_full_name() or user.get_username())[:NAME_MAX_LENGTH]
            initial["email"] = user.email
        form = ReaderCommentForm(page=page, initial=initial)
    else:
        # A failed post comes back with a fresh ticket: the old one may be why it failed.
        form.data = form.data.copy()
        form.data["ticket"] = initial["ticket"]
    return form


TICKET_PLACEHOLDER = "comment-ticket-placeholder"


class BlankCommentFormNode(template.Node):
    """The blank comment form, drawn once per generation and given a fresh ticket each time.

    Django's form widgets make the form the costliest part of an article page once the
    rest comes from fragments, yet for anonymous readers it is the same HTML every time
    except for its ticket (comments/tickets.py). So it is cached as a fragment with a
    placeholder where the ticket goes, and the placeholder is replaced per request. The form
    after a failed post, a reply form (``?reply_to=``) and a signed-in reader's form (with
    their name) are drawn afresh.
    """

    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        page = self.page.resolve(context)
        request = context.get("request")
        user = getattr(request, "user", None)
        reusable = (
            "comment_form" not in context
            and not context.get("comment_notice")
            and not (user is not None and user.is_authenticated)
        )
        key = fragment_key(request, "comment-form", [page.pk]) if reusable else None
        if key is None:
            return self.nodelist.render(context)
        html = COMMENT_FORM.read(key)
        if html is None:
            with context.push(comment_ticket=TICKET_PLACEHOLDER):
                html = str(self.nodelist.render(context))
            COMMENT_FORM.write(key, html)
        return mark_safe(html.replace(TICKET_PLACEHOLDER, issue_ticket(page.pk)))  # noqa: S308 -- our template's output


@register.tag("blank_comment_form")
def do_blank_comment_form(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("'blank_comment_form' takes the page")
    nodelist = parser.parse(("endblank_comment_form",))
    parser.delete_first_token()
    return BlankCommentFormNode(nodelist, parser.compile_filter(bits[1]))


@register.simple_tag
def comment_thread(discussion, page, page_url, digits=None):
    """The conversation's list items, drawn in Python (comments/display.py says why);
    ``digits``: the page's digit writer (``{% digit_writer as digits %}``, locale_tags)."""
    return thread_html(
        discussion,
        page_url=page_url,
        replies_open=page.comments_open and page.live,
        digits=digits,
    )


@register.simple_tag
def comment_field(field, autocomplete="", hidden=False):
    """``{% comment_field form.name autocomplete="name" %}`` (comments/form_fields.py)."""
    return comment_field_html(field, autocomplete=autocomplete, hidden=hidden)


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


@register.inclusion_tag("components/privacy/comments.html")
def comment_privacy_notice():
    """What the privacy page says about comments and the remember-me cookie.

    For the site's information pages: ``{% load comment_tags %}{% comment_privacy_notice %}``.
    The facts (the cookie's name, how long addresses are kept) come from the code, so the
    wording cannot drift from what the site does.
    """
    days = settings.COMMENTS_PERSONAL_DATA_RETENTION_DAYS
    return {
        "cookie_name": COOKIE_NAME,
        "retention": ngettext("%(days)s day", "%(days)s days", days) % {"days": days},
    }
