"""Receiving a reader's comment: every check, in the order that keeps readers' text safe."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from articles.models import ArticlePage
from comments.display import Wording, comment_html
from comments.forms import ReaderCommentForm
from comments.models import BODY_MAX_LENGTH, CommentSettings, CommentStatus, ReaderComment
from comments.moderation import initial_status
from comments.oversize import read_field_beginnings
from comments.pending import own_pending_comments, remember_pending_comment
from comments.ratelimit import take_slot
from comments.remember import forget_author, remember_author, remembered_author
from comments.tasks import notify_moderators_task
from comments.text import clean_single_line
from comments.threads import PAGE_PARAMETER, TOP_LEVEL_PER_PAGE, reply_target
from comments.tickets import TicketError, issue_ticket, ticket_age
from pagecache.client_address import client_ip

USER_AGENT_MAX_LENGTH = 500


def commentable_article(page_id):
    return get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def same_origin(request) -> bool:
    """The browser's Origin (or Referer) header, when sent, must be this site."""
    origin = request.headers.get("Origin")
    if origin is None:
        referer = request.headers.get("Referer")
        if not referer:
            return True
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin == "null":
        return False
    trusted = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in trusted


def passes_csrf_checks(request, page) -> bool:
    if request.user.is_authenticated:
        # A signed-in reader's post speaks for their account: Django's full per-reader check.
        rejection = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if rejection is not None:
            return False
    if not same_origin(request):
        return False
    try:
        ticket_age(request.POST.get("ticket", ""), page.pk)
    except TicketError:
        return False
    return True


def is_too_fast(request, page, comment_settings) -> bool:
    try:
        return ticket_age(request.POST.get("ticket", ""), page.pk) < (
            comment_settings.min_seconds_to_submit
        )
    except TicketError:
        return True


def article_with_form(request, page, form, *, status, notice=""):
    """The article again, the reader's text in the form, the problem next to it."""
    if wants_json(request):
        payload = {"error": notice} if notice else {}
        if form.is_bound and form.errors:
            payload["errors"] = form.errors.get_json_data()
        return JsonResponse(payload, status=status)
    context = page.get_context(request)
    context["comment_form"] = form
    context["comment_notice"] = notice
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def comment_page_number(comment) -> int:
    root_id = comment.thread_root_id or comment.pk
    earlier = ReaderComment.objects.filter(
        page_id=comment.page_id,
        status=CommentStatus.APPROVED,
        parent__isnull=True,
        pk__lt=root_id,
    ).count()
    return earlier // TOP_LEVEL_PER_PAGE + 1


def success_response(request, page, comment):
    published = comment.status == CommentStatus.APPROVED
    if wants_json(request):
        payload = {"status": "published" if published else "pending"}
        if published:
            payload["url"] = comment.get_absolute_url()
        return JsonResponse(payload, status=201)
    if published:
        query = {"comment": "published", "id": comment.pk}
        number = comment_page_number(comment)
        if number > 1:
            query[PAGE_PARAMETER] = number
        return HttpResponseRedirect(f"{page.url}?{urlencode(query)}#{comment.anchor}", status=303)
    return HttpResponseRedirect(f"{page.url}?comment=pending#comment-status", status=303)


def oversize_response(request, page):
    """The article, the form and the beginning of what the reader sent (comments/oversize.py)."""
    sent = read_field_beginnings(request)
    typed = ("name", "email", "url", "body", "parent", "remember")
    form = ReaderCommentForm({name: sent[name] for name in typed if name in sent}, page=page)
    form.is_valid()  # the body's length error shows next to it
    return article_with_form(
        request,
        page,
        form,
        status=413,
        notice=_(
            "Your comment is far longer than a comment may be (%(limit)s characters), so it "
            "could not be received. Its beginning is below: copy what you want to keep, "
            "shorten it and send it again."
        )
        % {"limit": BODY_MAX_LENGTH},
    )


@csrf_exempt
@require_POST
def post_comment(request, page_id):
    page = commentable_article(page_id)
    try:
        posted = request.POST
    except RequestDataTooBig:
        return oversize_response(request, page)
    form = ReaderCommentForm(posted, page=page)
    if not page.comments_open:
        return article_with_form(
            request, page, form, status=403, notice=_("Comments are closed on this article.")
        )
    comment_settings = CommentSettings.for_request(request)
    ip = client_ip(request)
    retry_after = take_slot(ip, comment_settings.rate_limit_per_minute)
    if retry_after:
        response = article_with_form(
            request,
            page,
            form,
            status=429,
            notice=_(
                "You have sent several comments in a short time. "
                "Please wait a minute and send it again."
            ),
        )
        response["Retry-After"] = str(retry_after)
        return response
    if not passes_csrf_checks(request, page):
        return article_with_form(
            request,
            page,
            form,
            status=403,
            notice=_(
                "This form has expired or did not come from our site. "
                "Your text is kept below: please send it again."
            ),
        )
    if not form.is_valid():
        return article_with_form(
            request, page, form, status=400, notice=_("Please correct the errors below.")
        )
    data = form.cleaned_data
    comment = ReaderComment(
        page=page,
        parent=reply_target(data["parent"], comment_settings.max_reply_depth),
        author_name=data["name"],
        author_email=data["email"],
        author_url=data["url"],
        body=data["body"],
        ip_address=ip or None,
        user_agent=clean_single_line(request.headers.get("User-Agent", ""))[:USER_AGENT_MAX_LENGTH],
        user=request.user if request.user.is_authenticated else None,
    )
    if form.is_honeypot_filled or is_too_fast(request, page, comment_settings):
        # Looks like a robot: kept as spam, never thrown away, because a person whose browser
        # filled the trap field (or who pasted and sent at once) must be rescuable by a
        # moderator. The answer is the one a person gets, so a robot learns nothing.
        comment.status = CommentStatus.SPAM
    else:
        comment.status = initial_status(comment, comment_settings, request)
    try:
        with transaction.atomic():
            comment.save()
            if comment.status == CommentStatus.PENDING and comment_settings.notify_moderators:
                transaction.on_commit(lambda: notify_moderators_task.enqueue(comment.pk))
    except IntegrityError:
        if not ReaderComment.objects.filter(
            page=page, author_email=comment.author_email, fingerprint=comment.fingerprint
        ).exists():
            raise
        return article_with_form(
            request,
            page,
            form,
            status=409,
            notice=_("You have already posted this comment on this article."),
        )

    response = success_response(request, page, comment)
    if comment.status == CommentStatus.PENDING:
        remember_pending_comment(request, response, comment.pk)
    if data["remember"]:
        remember_author(response, name=data["name"], email=data["email"], url=data["url"])
    else:
        forget_author(response)
    return response


def pending_comment_payload(request, page, comment) -> dict:
    # No reply link: nobody else can see the comment yet.
    html = comment_html(comment, Wording.current(), awaiting_moderation=True)
    return {"id": comment.pk, "parent": comment.parent_id, "html": html}


@never_cache
@require_GET
def form_state(request, page_id):
    """What the cached article page cannot carry: a fresh ticket, this reader's details, and
    this reader's own comments still waiting for a moderator (see comments/pending.py)."""
    page = commentable_article(page_id)
    if not page.comments_open:
        raise Http404
    author = remembered_author(request)
    response = JsonResponse(
        {
            "ticket": issue_ticket(page.pk),
            "name": author.get("name", ""),
            "email": author.get("email", ""),
            "url": author.get("url", ""),
            "remember": bool(author),
            "pending": [
                pending_comment_payload(request, page, comment)
                for comment in own_pending_comments(request, page)
            ],
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response
