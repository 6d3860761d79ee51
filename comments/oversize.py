"""A comment too large for the server to accept: the reader gets their words back.

Django refuses to load a request body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB; a megabyte of
Arabic is three once encoded) and would answer a bare English "Bad Request (400)", the text lost.
Instead the body is read here as a stream, keeping only the beginning of each field, so the
article comes back with the form, the reader's name and email, and the first part of their text
to copy, and a message in their language. Memory stays bounded however much is sent.
"""

import re
from urllib.parse import unquote_plus

# Enough of each field to give the reader the start of what they wrote (ten times what a
# comment may hold), at six bytes a letter once encoded.
KEPT_CHARACTERS = 50_000
KEPT_BYTES = KEPT_CHARACTERS * 6
NAME_BYTES = 100
CHUNK_BYTES = 64 * 1024
# Past this the rest of the body is not read: the fields it holds are left empty.
READ_AT_MOST_BYTES = 64 * 1024 * 1024
PARTIAL_ESCAPE = re.compile(r"%[0-9A-Fa-f]?$")


class FieldBeginnings:
    """Reads ``name=value&name=value`` a chunk at a time, keeping each value's beginning."""

    def __init__(self):
        self.fields: dict[str, str] = {}
        self.name = bytearray()
        self.value = bytearray()
        self.in_value = False

    def feed(self, chunk: bytes) -> None:
        position = 0
        while position < len(chunk):
            separator = chunk.find(b"&", position)
            end = len(chunk) if separator == -1 else separator
            if not self.in_value:
                equals = chunk.find(b"=", position, end)
                if equals != -1:
                    self._keep(self.name, chunk[position:equals], NAME_BYTES)
                    self.in_value = True
                    position = equals + 1
                    continue
                self._keep(self.name, chunk[position:end], NAME_BYTES)
            else:
                self._keep(self.value, chunk[position:end], KEPT_BYTES)
            if separator == -1:
                return
            self.finish_field()
            position = separator + 1

    def finish_field(self) -> None:
        if self.name or self.in_value:
            name = decoded(self.name)
            self.fields.setdefault(name, decoded(self.value)[:KEPT_CHARACTERS])
        self.name, self.value, self.in_value = bytearray(), bytearray(), False

    @staticmethod
    def _keep(buffer: bytearray, data: bytes, limit: int) -> None:
        room = limit - len(buffer)
        if room > 0:
            buffer += data[:room]


def decoded(raw: bytes) -> str:
    """Percent-decoded text; a character cut in two at the end is dropped."""
    text = PARTIAL_ESCAPE.sub("", raw.decode("ascii", errors="ignore"))
    return unquote_plus(text, encoding="utf-8", errors="ignore")


def read_field_beginnings(request) -> dict[str, str]:
    """The beginning of each field of the form-encoded body, read without loading it whole."""
    if request.content_type != "application/x-www-form-urlencoded":
        return {}
    parser = FieldBeginnings()
    total = 0
    while total < READ_AT_MOST_BYTES:
        chunk = request.read(CHUNK_BYTES)
        if not chunk:
            break
        total += len(chunk)
        parser.feed(chunk)
    parser.finish_field()
    return parser.fields
