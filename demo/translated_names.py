"""The demo newsroom's home page and sections in French and English, keyed by the Arabic text.

Slugs are kept: /fr/politics/ and /ar/politics/ name the same section.
"""

HOME_AND_SECTIONS = {
    "fr": {
        "أخبار": "Akhbar",
        "home": "home",
        "آخر الأخبار والتحليلات من المغرب والعالم.": (
            "Les dernières nouvelles et analyses du Maroc et du monde."
        ),
        "سياسة": "Politique",
        "politics": "politics",
        "اقتصاد": "Économie",
        "economy": "economy",
        "مجتمع": "Société",
        "society": "society",
        "ثقافة": "Culture",
        "culture": "culture",
        "رياضة": "Sports",
        "sports": "sports",
    },
    "en": {
        "أخبار": "Akhbar",
        "home": "home",
        "آخر الأخبار والتحليلات من المغرب والعالم.": (
            "The latest news and analysis from Morocco and the world."
        ),
        "سياسة": "Politics",
        "politics": "politics",
        "اقتصاد": "Economy",
        "economy": "economy",
        "مجتمع": "Society",
        "society": "society",
        "ثقافة": "Culture",
        "culture": "culture",
        "رياضة": "Sports",
        "sports": "sports",
    },
}
