"""Test runs: fast hashing, an in-memory cache and plain static files.

DATABASE_URL still decides the database, so CI runs the same suite on PostgreSQL.
"""

from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 -- the test settings only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Uploads are served by Django so the browser tests see the images they upload.
SERVE_MEDIA = True

# Tests that exercise the page cache switch it on themselves (tests/pagecache/).
PAGE_CACHE_ENABLED = False

# One process: the local memory cache is as good as a shared one.
CACHE_IS_SHARED = True
# Fragments are cached as in production (the one process shares its memory cache with itself),
# so the tests see what readers see after content changes.
FRAGMENT_CACHE_ENABLED = True
# Every value a test caches is checked to be plain data (pagecache/generational.py).
PAGE_CACHE_CHECK_VALUES = True

# Static files are looked up when asked for (WhiteNoise's autorefresh), not listed when the
# middleware starts: each test's client builds the middleware chain again, and listing
# staticfiles/ (thousands of files once a test has run collectstatic) took a quarter of a
# second every time, about a fifth of `make test-fast`.
WHITENOISE_AUTOREFRESH = True
