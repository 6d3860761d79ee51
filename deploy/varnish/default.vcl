# Varnish in front of the app servers: the edge cache (docs/deploy.md).
#
# Policy only; the topology (app servers, who may purge) is in backends.vcl, next to this
# file, so a deployment replaces that file and keeps this one. Needs Varnish 7 and
# varnish-modules (xkey): Debian's `varnish` and `varnish-modules` packages.
#
# What is cached: anonymous GET and HEAD responses the app marked public, for their
# `s-maxage` (Cache-Control), filed under the keys of their `xkey` header: the app cache's
# own keys (`article:12 section:4 tag:7 site`, pagecache/keys.py), separated by spaces. Everything else passes: the admin and previews, POSTs,
# readers with a session (signed in) or a message waiting, a reader just after their own
# POST, and any response that sets a cookie or is not public.
vcl 4.1;

import directors;
import std;
import xkey;

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();
    # One id from the edge to the app's log lines (operations/logs.py).
    if (!req.http.X-Request-ID) {
        set req.http.X-Request-ID = "edge-" + req.xid;
    }

    if (req.method == "PURGE") {
        # Only the app servers and the worker may purge (acl purgers, backends.vcl).
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
        }
        if (req.http.xkey-purge) {
            # One request, every page that shows what the keys name (pagecache/edge.py);
            # `site` names every page.
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged + " objects"));
        }
        call normalise_url;
        return (purge);  # a single URL, as Wagtail's frontend_cache HTTPBackend sends them
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, previews (under /admin/), documents' permission checks, the language
    # switch and redirect, metrics and probes: always the app.
    if (req.url ~ "^/(admin|django-admin|documents|i18n|metrics|healthz|readyz)(/|\?|$)"
        || req.url ~ "^/(\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A signed-in reader or editor (sessionid), a message waiting (messages), a reader just
    # after their own POST (read_primary): the same cookies the app's page cache passes on
    # (PAGE_CACHE_BYPASS_COOKIES and SESSION_COOKIE_NAME).
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages|read_primary)=") {
        return (pass);
    }
    call normalise_url;
    # Public pages are the same for everyone: other cookies (analytics, the CSRF cookie, a
    # remembered comment author, read by the comment form's own request) do not split the cache.
    unset req.http.Cookie;
    # Grace: while the app servers are healthy, a stale page is served for 30 s while a
    # fresh one is fetched; when they are all down, for as long as the object is kept.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

# Campaign and click identifiers never change a page (the app's
# PAGE_CACHE_IGNORED_QUERY_PARAMETERS): dropped, so every campaign shares one cached copy.
sub normalise_url {
    if (req.url ~ "[?&](utm_source|utm_medium|utm_campaign|utm_term|utm_content|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_source|utm_medium|utm_campaign|utm_term|utm_content|fbclid|gclid|mc_cid|mc_eid)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    set req.url = std.querysort(req.url);
}

sub vcl_backend_response {
    # A page that failed to refresh in the background keeps the stale copy (grace).
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Kept only when the app said so: public, a shared-cache lifetime (static files: their
    # max-age, set by WhiteNoise), no cookie set.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || (beresp.http.Cache-Control !~ "s-maxage=[1-9]" && bereq.url !~ "^/static/")) {
        # Hit-for-miss: the next requests go to the app too, and may be cached if public.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    set beresp.grace = 24h;
    # Text is stored compressed and sent compressed to readers that accept gzip (the app
    # may already have compressed it, then it is stored as it came).
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # Internal: the keys, and the app's own page-cache verdict on the first fetch.
    unset resp.http.xkey;
    unset resp.http.X-Page-Cache;
    return (deliver);
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
