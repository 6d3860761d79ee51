"""The last line of defence: no control character leaves the site in an HTML or XML page.

Text is cleaned when it is saved (core/text.py), but content can reach the database without
passing through a model's save (a bulk import, rows from before the rule). Here every HTML and
XML response is cleaned on its way out, before the page cache keeps it. Finding nothing costs
one scan of the bytes (well under a millisecond for a page).
"""

import re

CLEANED_CONTENT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)
# In UTF-8 the C1 controls (U+0080 to U+009F) are 0xC2 followed by 0x80 to 0x9F; 0xC2 never
# appears inside another character, so this matches them and nothing else.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
LINE_ENDING_BYTES = re.compile(rb"[\x0b\x0c\x1c-\x1e]|\xc2\x85")


def clean_bytes(content: bytes) -> bytes:
    if not CONTROL_BYTES.search(content):
        return content
    return CONTROL_BYTES.sub(b"", LINE_ENDING_BYTES.sub(b" ", content))


class ControlCharacterFreeOutputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type in CLEANED_CONTENT_TYPES and not getattr(response, "streaming", False):
            content = response.content
            cleaned = clean_bytes(content)
            if cleaned is not content:
                response.content = cleaned
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(cleaned))
        return response
