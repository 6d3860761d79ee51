"""gunicorn's settings for every way the site is served: the Docker image (docker/start-web.sh)
and the benchmark server (bench/server.py). Command-line options still win.

A search is a GET: its words travel in the request line, and gunicorn answers a line longer than
``limit_request_line`` itself, with a bare English 414, before Django sees it. Each Arabic letter
is six bytes there (two UTF-8 bytes, percent-encoded), so the default 4,094 bytes stopped at about
680 letters. 8,190, gunicorn's largest, fits the longest search the form allows many times over
(tests/project/test_deployment.py checks it), so a longer query pasted into the address bar
reaches the form and gets its message in the reader's language.
"""

limit_request_line = 8190
