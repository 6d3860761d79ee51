"""Reading rendered pages the way a reader sees them."""

import re

from bs4 import BeautifulSoup


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode("utf-8"), "html.parser")


def text_of(element) -> str:
    """Visible text with runs of white space folded to one space."""
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def squash(text: str) -> str:
    """Text with all white space removed, for comparing wording independent of markup."""
    return re.sub(r"\s+", "", text)
