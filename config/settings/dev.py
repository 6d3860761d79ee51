"""Local development: DEBUG on, a throwaway secret key, mail printed to the console."""

from config.settings.base import *  # noqa: F403
from config.settings.env import env_bool, env_str

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# runserver is one process: its memory cache is shared by every request.
CACHE_IS_SHARED = CACHE_ENABLED and env_bool("DJANGO_CACHE_IS_SHARED", default=True)  # noqa: F405
PAGE_CACHE_CHECK_VALUES = env_bool("DJANGO_PAGE_CACHE_CHECK_VALUES", default=DEBUG)
