from wagtail import hooks

from pagecache.middleware import mark_public


@hooks.register("on_serve_page")
def mark_served_pages_public(next_serve_page):
    """Pages served to anonymous readers are public; previews never pass through here."""

    def serve_page(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            mark_public(response)
        return response

    return serve_page
