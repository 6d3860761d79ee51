"""A Redis cache that degrades to "no cache" instead of failing requests.

The cache only ever makes the site faster: page caching, Wagtail's site-root cache and the
comment rate limiter all use it. When Redis is stopped or unreachable, every operation answers
as a cache miss (or a failed write) and the site keeps serving, uncached. After a failure the
backend skips Redis for a few seconds, so an outage does not add a connection attempt to every
cache call.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0

# Stored integers are plain numbers in Redis (Django's serializer leaves ints unpickled).
RAISE_TO_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]))
if current == nil or current < tonumber(ARGV[1]) then
    redis.call('SET', KEYS[1], ARGV[1])
    return tonumber(ARGV[1])
end
return current
"""

# One more than the stored number, and at least ARGV[1] (a per-key cache generation).
BUMP_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]))
local number = tonumber(ARGV[1])
if current ~= nil and current >= number then
    number = current + 1
end
redis.call('SET', KEYS[1], number)
return number
"""


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Keeps one Redis client per connection pool instead of building one per operation.

    Django makes a new ``redis.Redis`` for every cache call, and building one copies its
    table of response callbacks: a tenth of a millisecond, several times per request. The
    client is only a front for the pool, which is thread-safe, so one per pool serves all.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
        options.update(params.get("OPTIONS", {}))
        # Every connection made to Redis is counted: a Redis that restarted can only be
        # reached again through a new one, and pagecache/store.py then checks its copy of the
        # cache generation against the database.
        options["redis_connect_func"] = self._connected
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0
        self.connections_made = 0

    def _connected(self, connection):
        connection.on_connect()
        self.connections_made += 1

    def _guarded(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return operation(*args, **kwargs)
        except Exception as error:  # redis raises several unrelated exception types
            if not _is_connection_error(error):
                raise
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Redis unavailable (%s); serving without the cache", error)
            return fallback

    @property
    def is_available(self) -> bool:
        return time.monotonic() >= self._down_until

    def get(self, key, default=None, version=None):
        return self._guarded(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set, None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().add, False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._guarded(super().get_many, {}, keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guarded(super().delete_many, None, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        # Counters (rate limits, cache generations) treat "no Redis" as "no count".
        return self._guarded(super().incr, None, key, delta, version)

    def raise_to(self, key, number: int, version=None):
        """Set ``key`` to ``number`` unless it holds a larger number, in one step.

        For counters that must never go backwards (the cache generation) although several
        processes write them: a plain read-then-write could lower one between the two.
        """
        return self._guarded(self._raise_to, None, key, number, version)

    def _raise_to(self, key, number, version):
        key = self.make_and_validate_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        return client.eval(RAISE_TO_SCRIPT, 1, key, int(number))

    def bump(self, key, at_least: int, version=None):
        """Set ``key`` to one more than it holds, and at least ``at_least``, in one step.

        None when Redis is unreachable: the caller then renews the whole site instead.
        """
        return self._guarded(self._bump, None, key, at_least, version)

    def _bump(self, key, at_least, version):
        key = self.make_and_validate_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        return client.eval(BUMP_SCRIPT, 1, key, int(at_least))

    def clear(self):
        return self._guarded(super().clear, None)


def _is_connection_error(error: Exception) -> bool:
    import redis

    return isinstance(error, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError)
