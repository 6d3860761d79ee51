"""Docker's reading of ``.dockerignore``, so a test can tell what goes into the image.

The rules of Docker's pattern matcher (moby/patternmatcher): one pattern a line, ``#`` lines
are comments, a leading ``/`` is dropped, ``*`` and ``?`` stay within one path segment, ``**``
crosses any number of them, a path is left out when a pattern matches it or one of its parent
directories, ``!`` brings back what an earlier pattern left out, and the last match wins.
"""

import posixpath
import re
from pathlib import Path


def pattern_regex(pattern: str) -> re.Pattern:
    out, i = "^", 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            if pattern[i + 1 : i + 2] == "*":
                i += 1
                if pattern[i + 1 : i + 2] == "/":
                    i += 1
                    out += "(.*/)?"
                else:
                    out += ".*"
            else:
                out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "\\" and i + 1 < len(pattern):
            i += 1
            out += re.escape(pattern[i])
        elif char == "[":
            end = pattern.find("]", i)
            out += pattern[i : end + 1] if end != -1 else re.escape(char)
            i = end if end != -1 else i
        else:
            out += re.escape(char)
        i += 1
    return re.compile(out + "$")


def read_patterns(text: str) -> list[tuple[bool, re.Pattern]]:
    """(exclusion, regex) pairs, in file order."""
    patterns = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = posixpath.normpath(line[1:].strip() if exception else line).lstrip("/")
        patterns.append((exception, pattern_regex(pattern)))
    return patterns


def is_ignored(path: str, patterns) -> bool:
    parts = path.split("/")
    candidates = ["/".join(parts[: end + 1]) for end in range(len(parts))]
    ignored = False
    for exception, regex in patterns:
        if any(regex.match(candidate) for candidate in candidates):
            ignored = not exception
    return ignored


def build_context(project: Path, paths) -> set[str]:
    patterns = read_patterns((project / ".dockerignore").read_text())
    return {path for path in paths if not is_ignored(path, patterns)}
