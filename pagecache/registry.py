"""Every value kept under the cache generation, named once, with its owner and what it holds.

A value is cached through its entry here and nowhere else: ``cached_value("site-chrome")``
gives the entry, whose ``key``, ``read``, ``write`` and ``get_or_compute`` put the current
generation into the key (pagecache/store.py). Asking for a name that is not listed is an
error, and tests/pagecache/test_registry.py fails when code or a template keys a value some
other way. docs/caching.md explains the policy.

Each entry says:
- ``owner``: the module that computes the value (or the template that draws the fragment);
- ``holds``: what it is. Always plain data: ids, dicts, tuples, rendered text, or a page's
  field values (pagecache/snapshots.py) that each request rebuilds into its own object,
  never a model instance that requests would share;
- ``per_process``: whether a server process may also keep a copy in its own memory, which it
  only does where the cache is shared (pagecache/generational.py);
- ``depends_on``: what it shows, among ``TOPICS``;
- ``keyed``: whether it shows what the page being drawn shows (an article, a listing, its
  comments): its key then also holds the generations of the keys that page declared
  (pagecache/keys.py), so a publication renews it without renewing the whole site.
"""

from dataclasses import dataclass

from pagecache import generational, keys
from pagecache.store import current_generation, request_memo

# What a change can be about (pagecache/signals.py names one for each change it hears of).
TOPICS = frozenset(
    {
        "pages",  # published, unpublished, moved or deleted pages, their revisions
        "restrictions",  # view restrictions on pages
        "comments",  # approved readers' comments
        "authors",  # authors' names and pages
        "tags",
        "settings",  # site settings: digits, comment settings
        "sites",  # Wagtail sites: host names, root pages
        "locales",
    }
)
EVERYTHING = tuple(sorted(TOPICS))


class UnregisteredValue(LookupError):
    """Raised for a cached value (or fragment) the registry does not name."""


@dataclass(frozen=True)
class CachedValue:
    name: str
    owner: str
    holds: str
    depends_on: tuple[str, ...]
    per_process: bool = True
    # Whether it shows what the page being drawn shows (an article, a listing): its key then
    # also holds the generations of the keys the page declared (pagecache/keys.py).
    keyed: bool = False

    def key(self, *parts) -> str:
        """``name:generation[:keys]:part:part``, the only form a generation key takes."""
        generation = current_generation()
        if self.keyed:
            signature = keys.signature()
            if signature:
                generation = f"{generation}.{signature}"
        return ":".join([self.name, generation, *(str(part) for part in parts)])

    def read(self, key: str, default=None):
        return generational.read(key, self.per_process, default)

    def write(self, key: str, value) -> None:
        generational.write(key, value, self.per_process)

    def get_or_compute(self, *parts, compute, still_good=None):
        """The value for ``parts`` in this generation, computed on its first use only.

        Within a request it is also remembered for the rest of that request, so a value several
        parts of a page ask for (the restricted pages, the menu, the site's settings) costs one
        cache read, or one computation where nothing is cached (DJANGO_CACHE=off).
        ``still_good(value)``, when given, says whether a kept value may still be served (one
        that goes stale with time rather than with a change): if not, it is computed afresh.
        """
        key = self.key(*parts)
        memo = request_memo()
        remembered = memo.setdefault("values", {}) if memo is not None else {}
        value = remembered.get(key, generational.MISSING)
        if value is generational.MISSING:
            value = self.read(key, generational.MISSING)
        if value is not generational.MISSING and still_good is not None and not still_good(value):
            value = generational.MISSING
        if value is generational.MISSING:
            value = compute()
            self.write(key, value)
        remembered[key] = value
        return value


def fragment(
    name: str, owner: str, holds: str, depends_on=EVERYTHING, keyed: bool = True
) -> CachedValue:
    return CachedValue(
        f"fragment:{name}", owner, f"rendered HTML: {holds}", tuple(depends_on), keyed=keyed
    )


REGISTRY: dict[str, CachedValue] = {
    entry.name: entry
    for entry in [
        CachedValue(
            "page",
            owner="pagecache.middleware",
            holds="a whole response for anonymous readers: status, headers and body bytes",
            depends_on=EVERYTHING,
        ),
        CachedValue(
            "sites",
            owner="core.site_directory",
            holds="every Wagtail site with its settings and root page, and the root pages' "
            "translations, as field values (snapshots)",
            depends_on=("sites", "settings", "pages", "locales"),
        ),
        CachedValue(
            "live-ancestors",
            owner="core.navigation",
            holds="a page's live ancestors below the root, as field values (snapshots)",
            depends_on=("pages",),
        ),
        CachedValue(
            "site-chrome",
            owner="home.chrome",
            holds="what a home page's chrome lists: the menu's and the footer's children (dicts "
            "of title, URL, tree path, where listed), the newest breaking article (a dict) or "
            "None, and the time it stops being recent (read afresh from then on)",
            depends_on=("pages", "restrictions"),
        ),
        CachedValue(
            "restricted-pages",
            owner="core.restrictions",
            holds="(page id, tree path) of every page with a view restriction of its own",
            depends_on=("restrictions", "pages"),
        ),
        CachedValue(
            "listing-count",
            owner="articles.listing",
            holds="how many articles a listing (a section, a tag, an author, a feed) has",
            depends_on=("pages", "tags", "authors"),
            keyed=True,
        ),
        CachedValue(
            "article-tags",
            owner="articles.models",
            holds="the ids of an article's tags (the keys its related articles show)",
            depends_on=("pages", "tags"),
            keyed=True,
        ),
        CachedValue(
            "home-sections",
            owner="articles.sections",
            holds="every section of a home page, published or not, as field values (snapshots)",
            depends_on=("pages",),
        ),
        CachedValue(
            "arabic-digits",
            owner="translations.formatting",
            holds="the site's choice of digits on Arabic pages (a string)",
            depends_on=("settings",),
        ),
        CachedValue(
            "discussion",
            owner="comments.templatetags.comment_tags",
            holds="one page of an article's approved comments, as plain comment records",
            depends_on=("comments", "settings"),
            keyed=True,
            # Keyed by the reader's ?comments_page= and drawn into the comment-thread fragment,
            # which is what is read again: a copy per process would only crowd out pages.
            per_process=False,
        ),
        CachedValue(
            "most-read",
            owner="articles.templatetags.article_tags",
            holds="a language's most read articles of two days: dicts of title, URL and views",
            # Keyed by a ten-minute window as well: reading changes without any publication.
            depends_on=("pages", "restrictions"),
        ),
        CachedValue(
            "site-identity",
            owner="home.templatetags.branding_tags",
            holds="the logo's rendition (URL, width, height) and the social links, as dicts",
            depends_on=("settings",),
        ),
        fragment("head", "templates/base.html", "title, description, alternates, feeds"),
        fragment("languages", "templates/base.html", "the language switcher"),
        fragment("masthead", "templates/base.html", "the logo and the site's name"),
        fragment("navigation", "templates/base.html", "the section menu and the breadcrumb"),
        fragment(
            "footer",
            "templates/navigation/footer.html",
            "the site footer: sections, information pages, feeds, social links",
            keyed=False,
        ),
        fragment("listing", "templates/pages/*_page.html", "a page of a listing's cards"),
        fragment("information", "templates/pages/information_page.html", "the page's body"),
        fragment("article", "templates/pages/article_page.html", "the article itself"),
        fragment(
            "reading-onward",
            "templates/pages/article_page.html",
            "related articles and the neighbours in the section, computed only when drawn",
        ),
        fragment(
            "comments-title", "templates/components/comments/section.html", "the comment count"
        ),
        fragment(
            "comment-thread",
            "templates/components/comments/section.html",
            "the approved comments and their pages",
        ),
        fragment(
            "comment-form",
            "comments.templatetags.comment_tags",
            "the blank comment form, with a placeholder for each reader's ticket",
        ),
    ]
}


def cached_value(name: str) -> CachedValue:
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnregisteredValue(
            f"{name!r} is not in pagecache/registry.py: add it there with its owner, what it "
            "holds and what it depends on"
        ) from None


def cached_fragment(name: str) -> CachedValue:
    return cached_value(f"fragment:{name}")
