"""An image's renditions, read together the first time a page asks for one of them.

An article's lead picture is drawn three times in different sizes: the social-network
preview in the head, the JSON-LD block and the picture itself (three widths). Wagtail looks
up each ``{% image %}`` or ``get_rendition`` on its own, in the "renditions" cache and then
the database: three queries where that cache cannot answer (DJANGO_CACHE=off, a new
rendition). Read once, all the image's renditions serve every later lookup on the same
image object, which Wagtail checks first (``find_existing_renditions``). Lazily: a page whose
fragments come from the cache asks for no rendition, and so reads none.
"""

from django.db.models import prefetch_related_objects


def with_renditions(image):
    """``image``, its renditions read in one query unless they already were (None stays None)."""
    if image is not None and "renditions" not in getattr(image, "_prefetched_objects_cache", {}):
        prefetch_related_objects([image], "renditions")
    return image
