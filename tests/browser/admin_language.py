"""Reading an admin screen the way an Arabic-speaking newsroom does: which English words show?

Used by test_admin_speaks_arabic.py. Text counts when a person can see it or hear it: visible
text, and the labels, titles and placeholders of visible elements. A few parts appear only on
demand (the autosave warning, the shortcuts dialog, an open menu); they are read whole.
"""

import re

# Product names, formats and keys the newsroom reads as they are in any language; anything
# else in Latin letters is a missing translation. Keys are never translated (Wagtail's choice).
ALLOWED_WORDS = {
    "wagtail",
    "url",
    "urls",
    "rss",
    "html",
    "json",
    "csv",
    "xlsx",
    "po",
    "ip",
    "utc",
    "ctrl",
    "alt",
    "shift",
    "esc",
    "cmd",
    "enter",
    "english",
    "français",
    "akhbar",
}
# Read whole even when hidden: they appear the moment something happens.
ON_DEMAND = ["#w-autosave-indicator", "#keyboard-shortcuts-dialog"]

READ_SCREEN = """
(onDemand) => {
    const parts = [];
    const skip = "script, style, noscript, template";
    const adminLanguage = document.documentElement.lang.split("-")[0];
    // Text marked as written in another language (a translation's French) is content.
    const inOtherLanguage = (element) => {
        const marked = element.closest("[lang]");
        return marked && marked.lang.split("-")[0] !== adminLanguage;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (!element || element.closest(skip) || inOtherLanguage(element)) continue;
        const wanted = onDemand.some((selector) => element.closest(selector));
        if (!wanted && !element.checkVisibility({visibilityProperty: true})) continue;
        parts.push(walker.currentNode.textContent);
    }
    const labelled = "[aria-label], [title], [placeholder], [alt]";
    for (const element of document.querySelectorAll(labelled)) {
        if (element.closest(skip) || inOtherLanguage(element)) continue;
        const wanted = onDemand.some((selector) => element.closest(selector));
        if (!wanted && !element.checkVisibility({visibilityProperty: true})) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
            if (element.hasAttribute(name)) parts.push(element.getAttribute(name));
        }
    }
    document.title && parts.push(document.title);
    return parts;
}
"""

APOSTROPHES = "'\u2019-"
WORD = re.compile(rf"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ{APOSTROPHES}]+")
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|/[\w/.-]+/")


def english_words(texts, own_content=()) -> dict[str, str]:
    """Each untranslated word found, with the text it was in."""
    found = {}
    own = " ".join(own_content).casefold()
    for text in texts:
        cleaned = ADDRESS.sub(" ", text)
        for word in WORD.findall(cleaned):
            folded = word.casefold().strip(APOSTROPHES)
            if folded in ALLOWED_WORDS or folded in own or len(folded) < 2:
                continue
            found.setdefault(word, " ".join(text.split())[:120])
    return found


def read_screen(page) -> list[str]:
    return page.evaluate(READ_SCREEN, ON_DEMAND)
