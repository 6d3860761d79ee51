from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from translations.sync import keep_manual_edits, stopped_translation_of
from translations.views import TranslationStatusView


@hooks.register("register_admin_urls")
def register_status_url():
    return [
        path(
            "translations/status/",
            TranslationStatusView.as_view(),
            name="translations_status",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translations_status"),
        name="translation-status",
        icon_name="globe",
        order=900,
    )


@hooks.register("before_serve_page")
def send_readers_of_untranslated_copies_to_the_original(page, request, serve_args, serve_kwargs):
    """An alias kept by the synchronised tree is the Arabic text under /fr/ or /en/.

    Readers go to the original instead (302: the translation may come later), so the Arabic
    text is always read as Arabic (lang="ar" dir="rtl") and search engines see no duplicate.
    """
    if page.alias_of_id is None:
        return None
    original = Page.objects.filter(pk=page.alias_of_id, live=True).first()
    if original is None or original.locale_id == page.locale_id:
        return None
    url = original.get_url(request)
    return redirect(url) if url else None


# Runs before wagtail-localize's own hook, which restarts the translation (wagtail-localize#876).
@hooks.register("before_edit_page", order=-10)
def keep_manual_edits_when_sync_restarts(request, page):
    if request.method == "POST" and "localize-restart-translation" in request.POST:
        translation = stopped_translation_of(page)
        if translation is not None:
            keep_manual_edits(translation, page, user=request.user)
    return None


@hooks.register("insert_global_admin_js")
def translation_editor_direction():
    """Each string in the translation editor reads in its own direction (wagtail-localize#197)."""
    return format_html(
        '<script src="{}" defer></script>', static("translations/editor_direction.js")
    )


@hooks.register("insert_global_admin_js")
def translation_editor_language():
    """The editor's one hard-coded English heading, in the admin's language."""
    return format_html(
        '<script src="{}" defer></script>', static("translations/editor_language.js")
    )
