"""How fast a newsroom's WordPress archive comes across, and in how much memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/akhbar_bench_import \
        python -m bench.import_wordpress --posts 10000 --posts 50000

For each size, an export of that many posts (each about 600 words in headed sections with
lists, three tags, five comments of which one is a reply) is generated into a temporary file,
never committed; a fresh database gets the demo newsroom, then ``manage.py import_wordpress``
runs in a child process whose peak resident memory is read from the kernel when it ends. The
import streams the file, so its peak memory should barely grow with the archive.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = [
    ("politics", "سياسة"),
    ("economy", "اقتصاد"),
    ("society", "مجتمع"),
    ("culture", "ثقافة"),
]
VOCABULARY = (
    "المغرب الأمن التعاون الإقليمي الحكومة البرلمان الاقتصاد الاستثمار المدينة المواطنين "
    "التنمية المشروع الوزارة القرار الدولي الشركاء المنطقة السياسة المجتمع الثقافة"
)
WORDS = VOCABULARY.split()
COMMENT_TEXTS = [
    "مقال مفيد، شكراً.",
    "أتفق مع التحليل.",
    "ماذا عن الجانب الاقتصادي؟",
    "تغطية ممتازة.",
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def post_content(rng: random.Random) -> str:
    parts = [sentence(rng, 30), ""]
    for number in range(1, 5):
        parts += [f"<h2>{number}. {sentence(rng, 5)[:-1]}</h2>", "", sentence(rng, 40), ""]
        parts.append("<ul>")
        for _ in range(3):
            parts.append(
                f"\t<li><strong>{sentence(rng, 2)[:-1]}:</strong> {sentence(rng, 15)}</li>"
            )
        parts += ["</ul>", "", sentence(rng, 35), ""]
    parts += ["<h2>خاتمة</h2>", "", sentence(rng, 30)]
    return "\n".join(parts)


def write_export(path: Path, posts: int, comments_per_post: int, seed: int = 7) -> None:
    """Streams the export to ``path``: nothing of the size is held in memory."""
    rng = random.Random(seed)
    comment_id = 1
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>أرشيف</title><link>https://bench-archive.example</link>"
            "<wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_site_url>https://bench-archive.example</wp:base_site_url>"
            "<wp:base_blog_url>https://bench-archive.example</wp:base_blog_url>\n"
        )
        for number in range(10):
            out.write(
                f"<wp:author><wp:author_login><![CDATA[writer{number}]]></wp:author_login>"
                f"<wp:author_display_name><![CDATA[كاتب {number}]]></wp:author_display_name>"
                "</wp:author>\n"
            )
        for slug, name in SECTIONS:
            out.write(
                f"<wp:category><wp:category_nicename><![CDATA[{slug}]]></wp:category_nicename>"
                f"<wp:category_parent><![CDATA[]]></wp:category_parent>"
                f"<wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n"
            )
        for post_id in range(1, posts + 1):
            slug, name = SECTIONS[post_id % len(SECTIONS)]
            day = 1 + post_id % 28
            date = f"2020-{1 + post_id % 12:02d}-{day:02d} {post_id % 24:02d}:00:00"
            tags = "".join(
                f'<category domain="post_tag" nicename="tag-{t}"><![CDATA[وسم {t}]]></category>'
                for t in rng.sample(range(50), 3)
            )
            comments = []
            first_of_post = comment_id
            for index in range(comments_per_post):
                parent = first_of_post if index == comments_per_post - 1 and index else 0
                comments.append(
                    f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                    f"<wp:comment_author><![CDATA[قارئ {comment_id}]]></wp:comment_author>"
                    f"<wp:comment_author_email>r{comment_id}@example.com</wp:comment_author_email>"
                    f"<wp:comment_author_IP>10.0.{comment_id % 250}.{index}</wp:comment_author_IP>"
                    f"<wp:comment_date_gmt>{date}</wp:comment_date_gmt>"
                    f"<wp:comment_content><![CDATA[{rng.choice(COMMENT_TEXTS)} {comment_id}]]>"
                    "</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                    f"<wp:comment_type>comment</wp:comment_type>"
                    f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
                )
                comment_id += 1
            out.write(
                f"<item><title><![CDATA[خبر رقم {post_id}: {sentence(rng, 6)[:-1]}]]></title>"
                f"<link>https://bench-archive.example/2020/01/post-{post_id}/</link>"
                f"<dc:creator><![CDATA[writer{post_id % 10}]]></dc:creator>"
                f"<guid>https://bench-archive.example/?p={post_id}</guid>"
                f"<content:encoded><![CDATA[{post_content(rng)}]]></content:encoded>"
                "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date>"
                f"<wp:post_date_gmt>{date}</wp:post_date_gmt>"
                f"<wp:post_modified_gmt>{date}</wp:post_modified_gmt>"
                f"<wp:post_name><![CDATA[post-{post_id}]]></wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="{slug}"><![CDATA[{name}]]></category>'
                f"{tags}{''.join(comments)}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


PEAK_MEMORY_WRAPPER = """
import io, resource, sys, django
django.setup()
from django.core.management import call_command
call_command("import_wordpress", sys.argv[1], report=sys.argv[2], stdout=io.StringIO())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def fresh_database(url: str, env: dict) -> None:
    """Drops and recreates the benchmark database, migrates it and builds the demo newsroom."""
    parts = urlsplit(url)
    name = database_name(url)
    admin = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    admin += ["-U", parts.username or "postgres"]
    subprocess.run(["dropdb", *admin, "--if-exists", name], check=True)
    subprocess.run(["createdb", *admin, name], check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo_content"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def measure(posts: int, comments_per_post: int, url: str) -> dict:
    # DEBUG off, as benchmarks are: with it on Django keeps every query's SQL, and an import's
    # batched inserts would make that log, not the import, the memory being measured.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "0",
    }
    env.pop("REDIS_URL", None)
    fresh_database(url, env)
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.xml"
        started = time.monotonic()
        write_export(export, posts, comments_per_post)
        generated = time.monotonic() - started
        report_path = Path(folder) / "report.json"
        started = time.monotonic()
        # The import reports its own peak resident memory (getrusage in the child itself): the
        # migrations and demo build run in other processes and do not count.
        child = subprocess.run(
            [sys.executable, "-c", PEAK_MEMORY_WRAPPER, str(export), str(report_path)],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        elapsed = time.monotonic() - started
        peak_kib = int(child.stdout.strip().splitlines()[-1])
        report = json.loads(report_path.read_text(encoding="utf-8"))
        return {
            "posts": posts,
            "comments": report["kinds"]["comment"]["imported"],
            "export_megabytes": round(export.stat().st_size / 1e6, 1),
            "generate_seconds": round(generated, 1),
            "import_seconds": round(elapsed, 1),
            "articles_per_second": round(report["kinds"]["post"]["imported"] / elapsed, 1),
            "items_per_second": round(
                (report["kinds"]["post"]["imported"] + report["kinds"]["comment"]["imported"])
                / elapsed,
                1,
            ),
            "peak_memory_megabytes": round(peak_kib / 1024, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, action="append", help="Posts per run (repeatable).")
    parser.add_argument("--comments-per-post", type=int, default=5)
    arguments = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database the benchmark may drop and recreate.")
    results = [
        measure(posts, arguments.comments_per_post, url)
        for posts in sorted(arguments.posts or [10000])
    ]
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if len(results) > 1:
        growth = results[-1]["peak_memory_megabytes"] / results[0]["peak_memory_megabytes"]
        print(f"peak memory grows {growth:.2f} times from {results[0]['posts']} to "
              f"{results[-1]['posts']} posts")  # fmt: skip


if __name__ == "__main__":
    main()
