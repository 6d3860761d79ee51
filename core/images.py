"""An image's renditions, read together the first time a page asks for one of them.

An article's lead picture is drawn three times in different sizes: the social-network
preview in the head, the JSON-LD block and the picture itself (three widths). Wagtail looks
up each ``{% image %}`` or ``get_rendition`` on its own, in the "renditions" cache and then
the database. Renditions never change once made, so that cache answers them all, except
where there is none to ask (DJANGO_CACHE=off: a dummy cache): each lookup is then a query.
There, all the image's renditions are read once and serve every later lookup on the same
image object, which Wagtail checks first (``find_existing_renditions``). Lazily: a page whose
fragments come from the cache asks for no rendition, and so reads none.
"""

from django.core.cache.backends.dummy import DummyCache
from django.db.models import prefetch_related_objects
from wagtail.images import get_image_model


def with_renditions(image):
    """``image``, its renditions read in one query where no cache keeps them (None stays None)."""
    if (
        image is not None
        and isinstance(get_image_model().get_rendition_model().cache_backend, DummyCache)
        and "renditions" not in getattr(image, "_prefetched_objects_cache", {})
    ):
        prefetch_related_objects([image], "renditions")
    return image
