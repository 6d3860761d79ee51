"""The article view beacon: counts one reader's view for the most-read list (readership.py)."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.readership import record_view


@csrf_exempt  # no cookie, no session: nothing a forged request could do but add one view
@never_cache
@require_POST
def count_article_view(request):
    try:
        article_id = int(request.POST.get("article", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Which article was read is missing."))
    record_view(request, article_id)
    return HttpResponse(status=204)
