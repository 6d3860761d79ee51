"""Pictures for the demo, drawn here with Pillow: nothing is downloaded.

Each lead image is an abstract composition in its section's colours (bands, discs and a
horizon line, placed by a random generator seeded with the article's slug, so a rebuild draws
the same picture); each author's photo is a plain silhouette on a coloured ground. They are
small JPEGs, saved once in the "Demo" collection and found again by title on later runs.
"""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model
from wagtail.models import Collection

LEAD_SIZE = (960, 540)
PORTRAIT_SIZE = (400, 400)
COLLECTION_NAME = "Demo"

# Each section's palette: the ground, a darker tone and an accent.
PALETTES = {
    "politics": ("#8f1d2c", "#3b0a12", "#f2c14e"),
    "economy": ("#0f6b5c", "#06332c", "#e9d8a6"),
    "society": ("#c8553d", "#5a2318", "#f6e7cb"),
    "culture": ("#5b3f8c", "#241640", "#f0a6ca"),
    "sports": ("#1d5fa8", "#0b2747", "#9be15d"),
}

# The renditions the reader's pages ask for (the article card, articles/card_display.py, the
# article page and the picture a shared link shows, core/page_meta.py): made once with the
# demo, so a fresh site does not resize twenty pictures on its first front page, and the test
# session not in every test.
CARD_RENDITIONS = [
    "fill-320x180",
    "fill-640x360",
    "fill-960x540",
    "fill-1280x720",
    "fill-160x160",
    "fill-1200x630",
    "width-480",
    "width-800",
    "width-1200",
]


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[index : index + 2], 16) for index in (0, 2, 4))


def _mix(first, second, share: float) -> tuple[int, int, int]:
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def draw_lead_image(seed: str, palette: tuple[str, str, str]) -> PillowImage.Image:
    """An abstract picture: a diagonal gradient, soft discs, bands and a horizon."""
    ground, deep, accent = (_hex(colour) for colour in palette)
    rng = random.Random(seed)  # noqa: S311 -- a drawing, the same for each slug
    width, height = LEAD_SIZE
    picture = PillowImage.new("RGB", LEAD_SIZE, ground)
    draw = ImageDraw.Draw(picture)
    for row in range(0, height, 3):  # a vertical gradient, dark at the foot
        draw.rectangle([0, row, width, row + 3], fill=_mix(ground, deep, row / height))

    # The soft shapes are drawn at a quarter of the size, blurred and enlarged: the same look
    # for a sixteenth of the work.
    shapes = PillowImage.new("RGBA", (width // 4, height // 4), (0, 0, 0, 0))
    layer = ImageDraw.Draw(shapes)
    width, height = width // 4, height // 4
    for _ in range(rng.randint(3, 5)):
        radius = rng.randint(height // 6, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tone = rng.choice([accent, _mix(ground, accent, 0.5), _mix(ground, (255, 255, 255), 0.3)])
        layer.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*tone, 70))
    for _ in range(rng.randint(2, 4)):
        x = rng.randint(-width // 4, width)
        slant = rng.randint(width // 8, width // 3)
        band = rng.randint(8, 30)
        tone = rng.choice([deep, accent])
        layer.polygon(
            [(x, height), (x + band, height), (x + band + slant, 0), (x + slant, 0)],
            fill=(*tone, 55),
        )
    shapes = shapes.filter(ImageFilter.GaussianBlur(1.5)).resize(LEAD_SIZE, PillowImage.BILINEAR)
    picture.paste(shapes, (0, 0), shapes)
    width, height = LEAD_SIZE

    draw = ImageDraw.Draw(picture)
    horizon = rng.randint(height // 2, height * 3 // 4)
    draw.rectangle([0, horizon, width, horizon + 4], fill=accent)
    for column in range(rng.randint(5, 9)):  # a skyline of blocks on the horizon
        left = rng.randint(0, width - 60)
        top = horizon - rng.randint(40, 220)
        draw.rectangle(
            [left, top, left + rng.randint(30, 90), horizon],
            fill=_mix(deep, ground, 0.2 + column / 30),
        )
    return picture


def draw_portrait(seed: str, colour: str) -> PillowImage.Image:
    """A head-and-shoulders silhouette on a coloured ground."""
    ground = _hex(colour)
    rng = random.Random(seed)  # noqa: S311 -- a drawing, the same for each slug
    size = PORTRAIT_SIZE[0]
    picture = PillowImage.new("RGB", PORTRAIT_SIZE, ground)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([-size // 2, -size // 2, size, size], fill=_mix(ground, (255, 255, 255), 0.15))
    figure = _mix(ground, (20, 20, 30), 0.55 + rng.random() * 0.2)
    draw.ellipse([size * 0.18, size * 0.68, size * 0.82, size * 1.3], fill=figure)  # shoulders
    draw.ellipse([size * 0.33, size * 0.2, size * 0.67, size * 0.62], fill=figure)  # head
    return picture


def save_picture(picture: PillowImage.Image, title: str, filename: str):
    """The picture as a Wagtail image, made once: a later run finds it by title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=80, optimize=True, progressive=True)
    image = image_model(
        title=title,
        file=ImageFile(buffer, name=filename),
        collection=demo_collection(),
    )
    image.save()
    image.get_renditions(*CARD_RENDITIONS)
    return image


def demo_collection() -> Collection:
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        # Wagtail's migration makes the root collection; a flushed database has none.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name=COLLECTION_NAME)
    return collection


def lead_image(slug: str, section_slug: str, title: str):
    return save_picture(
        draw_lead_image(slug, PALETTES.get(section_slug, PALETTES["politics"])),
        title=title,
        filename=f"demo-{slug}.jpg",
    )


def portrait(slug: str, colour: str, title: str):
    return save_picture(draw_portrait(slug, colour), title=title, filename=f"author-{slug}.jpg")
