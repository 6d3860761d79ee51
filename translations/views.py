from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from articles.models import ArticlePage
from translations.forms import StatusFilterForm
from translations.status import source_locale, target_locales, translation_statuses


class TranslationStatusView(WagtailAdminTemplateMixin, View):
    """Every Arabic article and where each of its translations stands (wagtail-localize#832)."""

    template_name = "translations/status.html"
    page_title = _("Translation status")
    header_icon = "globe"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Translation status")},
    ]
    articles_per_page = 50

    def get(self, request):
        locale = source_locale()
        form = StatusFilterForm(request.GET or None, source_locale=locale)
        articles = (
            ArticlePage.objects.filter(locale=locale, alias_of__isnull=True)
            .defer_streamfields()
            .order_by("-last_published_at", "-pk")
        )
        status = 200
        if form.is_bound:
            if form.is_valid():
                if form.cleaned_data["section"] is not None:
                    articles = articles.child_of(form.cleaned_data["section"])
            else:
                status = 400
        page_obj = Paginator(articles, self.articles_per_page).get_page(request.GET.get("p"))
        locales = target_locales(locale)
        context = self.get_context_data(
            form=form,
            page_obj=page_obj,
            source_locale=locale,
            locales=locales,
            rows=translation_statuses(list(page_obj), locales),
        )
        return TemplateResponse(request, self.template_name, context, status=status)
