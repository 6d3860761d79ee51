# The topology for docker-compose's `edge` profile: two app servers, and who may purge.
# Another deployment replaces this file; default.vcl includes it and stays as it is.

probe app_alive {
    # /healthz answers while the process does (operations/probes.py): a server whose
    # database is down still answers, with a 503 page, and Varnish keeps serving stale pages.
    .url = "/healthz";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend web {
    .host = "web";
    .port = "8000";
    .probe = app_alive;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend web2 {
    .host = "web2";
    .port = "8000";
    .probe = app_alive;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web);
    app.add_backend(web2);
}

# Purges come from the worker (pagecache/edge.py runs them as background tasks) and, with the
# immediate task backend, from the app servers themselves.
acl purgers {
    "web";
    "web2";
    "worker";
    "localhost";
}
