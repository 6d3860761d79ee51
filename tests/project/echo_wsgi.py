"""A WSGI application that answers 200 with the length of the query it received.

Lets a test find out what gunicorn, started with the site's own settings, lets through to the
application, without a database.
"""


def application(environ, start_response):
    body = str(len(environ.get("QUERY_STRING", ""))).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
