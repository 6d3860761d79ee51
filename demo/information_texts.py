# ruff: noqa: RUF001, E501 (prose: typographic apostrophes, and sentences kept whole)
"""The demo's information pages in Arabic, French and English: about, contact, privacy, terms.

The privacy policy says what the site really keeps (comments/, articles/readership.py): the
comment form's name, email, address and browser, erased after the retention period; the
"remember me" cookie; the language cookie; and reading counts that name no reader.
"""

from dataclasses import dataclass

from demo.story_blocks import BulletList, Paragraph, Section


@dataclass(frozen=True)
class InformationText:
    title: str
    intro: str
    body: tuple = ()


def information_pages(retention_days: int) -> list[tuple[str, dict[str, InformationText]]]:
    """(slug, {language: text}) for each page, in the footer's order."""
    days = str(retention_days)
    return [
        (
            "about",
            {
                "ar": InformationText(
                    title="من نحن",
                    intro="أخبار موقع إخباري مستقل يغطي الشأن المغربي والعربي والدولي بثلاث لغات.",
                    body=(
                        Paragraph(
                            "نعمل من غرفة أخبار صغيرة تضم محررين ومراسلين في عدة مدن، ونلتزم "
                            "بالتحقق من كل خبر قبل نشره، وبالفصل بين الخبر والرأي، وبتصحيح "
                            "أخطائنا علنًا حين نخطئ."
                        ),
                        Section(
                            "مبادئنا التحريرية",
                            (
                                BulletList(
                                    (
                                        ("الدقة", "مصدران مستقلان على الأقل لكل معلومة غير رسمية."),
                                        ("الاستقلالية", "لا نقبل تمويلًا يملي علينا ما ننشر."),
                                        ("الإنصاف", "نمنح كل من نتحدث عنه حق الرد."),
                                    )
                                ),
                            ),
                        ),
                    ),
                ),
                "fr": InformationText(
                    title="Qui sommes-nous",
                    intro=(
                        "Akhbar est un site d’information indépendant qui couvre l’actualité "
                        "marocaine, arabe et internationale en trois langues."
                    ),
                    body=(
                        Paragraph(
                            "Nous travaillons depuis une petite rédaction qui réunit des éditeurs "
                            "et des correspondants dans plusieurs villes. Nous vérifions chaque "
                            "information avant de la publier, séparons les faits des opinions et "
                            "corrigeons publiquement nos erreurs."
                        ),
                        Section(
                            "Nos principes éditoriaux",
                            (
                                BulletList(
                                    (
                                        (
                                            "L’exactitude",
                                            "au moins deux sources indépendantes pour toute "
                                            "information non officielle.",
                                        ),
                                        (
                                            "L’indépendance",
                                            "aucun financement qui nous dicterait ce que nous "
                                            "publions.",
                                        ),
                                        (
                                            "L’équité",
                                            "toute personne mise en cause a un droit de réponse.",
                                        ),
                                    )
                                ),
                            ),
                        ),
                    ),
                ),
                "en": InformationText(
                    title="About us",
                    intro=(
                        "Akhbar is an independent news site covering Moroccan, Arab and "
                        "international news in three languages."
                    ),
                    body=(
                        Paragraph(
                            "We work from a small newsroom of editors and correspondents in "
                            "several cities. We check every story before we publish it, keep news "
                            "apart from opinion, and correct our mistakes in public."
                        ),
                        Section(
                            "Our editorial principles",
                            (
                                BulletList(
                                    (
                                        (
                                            "Accuracy",
                                            "at least two independent sources for any "
                                            "unofficial information.",
                                        ),
                                        (
                                            "Independence",
                                            "no funding that would tell us what to publish.",
                                        ),
                                        (
                                            "Fairness",
                                            "everyone we write about has a right of reply.",
                                        ),
                                    )
                                ),
                            ),
                        ),
                    ),
                ),
            },
        ),
        (
            "contact",
            {
                "ar": InformationText(
                    title="اتصل بنا",
                    intro="نقرأ كل الرسائل، ونرد على ما يخص التصحيحات والمعلومات الصحفية في أقرب وقت.",
                    body=(
                        BulletList(
                            (
                                ("هيئة التحرير", "redaction@akhbar.example"),
                                ("التصحيحات", "corrections@akhbar.example"),
                                ("الإعلانات", "annonces@akhbar.example"),
                            )
                        ),
                        Paragraph(
                            "للإبلاغ عن خطأ في مقال، اذكر عنوانه ورابطه وما ترى أنه غير دقيق، "
                            "وسنعود إليك بعد التحقق."
                        ),
                    ),
                ),
                "fr": InformationText(
                    title="Nous contacter",
                    intro=(
                        "Nous lisons tous les messages et répondons au plus vite à ceux qui "
                        "concernent une correction ou une information."
                    ),
                    body=(
                        BulletList(
                            (
                                ("La rédaction", "redaction@akhbar.example"),
                                ("Les corrections", "corrections@akhbar.example"),
                                ("La publicité", "annonces@akhbar.example"),
                            )
                        ),
                        Paragraph(
                            "Pour signaler une erreur, indiquez le titre et l’adresse de l’article "
                            "et ce qui vous paraît inexact : nous vous répondrons après "
                            "vérification."
                        ),
                    ),
                ),
                "en": InformationText(
                    title="Contact us",
                    intro=(
                        "We read every message and answer those about corrections or news tips "
                        "as soon as we can."
                    ),
                    body=(
                        BulletList(
                            (
                                ("Newsroom", "redaction@akhbar.example"),
                                ("Corrections", "corrections@akhbar.example"),
                                ("Advertising", "annonces@akhbar.example"),
                            )
                        ),
                        Paragraph(
                            "To report a mistake, give the article’s title and address and what "
                            "you think is wrong; we will reply once we have checked."
                        ),
                    ),
                ),
            },
        ),
        (
            "privacy",
            {
                "ar": InformationText(
                    title="سياسة الخصوصية",
                    intro="ما نحتفظ به عنك حين تقرأ أو تعلّق، ولماذا، وإلى متى.",
                    body=(
                        Section(
                            "حين تقرأ",
                            (
                                Paragraph(
                                    "لا نستعمل أي أداة إحصاء أو إعلان من طرف ثالث. نعدّ قراءات "
                                    "كل مقال في اليوم لنعرض قائمة الأكثر قراءة، دون أي ملف تعريف "
                                    "ارتباط ودون حفظ عنوانك أو متصفحك.",
                                ),
                            ),
                        ),
                        Section(
                            "حين تعلّق",
                            (
                                BulletList(
                                    (
                                        ("الاسم", "يُنشر مع تعليقك بعد موافقة المشرفين."),
                                        (
                                            "البريد الإلكتروني",
                                            "لا يُنشر أبدًا، ونراسلك به عند الحاجة فقط.",
                                        ),
                                        (
                                            "عنوان IP والمتصفح",
                                            f"نحتفظ بهما لمكافحة الرسائل المزعجة مدة {days} يومًا، "
                                            "ثم يُمحيان تلقائيًا.",
                                        ),
                                    )
                                ),
                                Paragraph(
                                    "إذا اخترت «تذكّر اسمي وبريدي»، نحفظ اسمك وبريدك في ملف "
                                    "تعريف ارتباط موقَّع على جهازك مدة سنة، ليُملأ النموذج "
                                    "تلقائيًا. يمكنك حذفه متى شئت من متصفحك."
                                ),
                            ),
                        ),
                        Section(
                            "ملفات تعريف الارتباط",
                            (
                                Paragraph(
                                    "عدا ملف «تذكّرني» الاختياري، نحفظ اللغة التي تختارها في ملف "
                                    "تعريف ارتباط، ونتذكر في متصفحك وحده الخبر العاجل الذي "
                                    "أخفيته. لطلب محو بياناتك، راسلنا عبر صفحة الاتصال."
                                ),
                            ),
                        ),
                    ),
                ),
                "fr": InformationText(
                    title="Politique de confidentialité",
                    intro="Ce que nous gardons de vous quand vous lisez ou commentez, pourquoi et combien de temps.",
                    body=(
                        Section(
                            "Quand vous lisez",
                            (
                                Paragraph(
                                    "Nous n’utilisons aucun outil de mesure ni de publicité "
                                    "tiers. Nous comptons les lectures de chaque article par jour "
                                    "pour afficher les plus lus, sans cookie et sans garder votre "
                                    "adresse ni votre navigateur.",
                                ),
                            ),
                        ),
                        Section(
                            "Quand vous commentez",
                            (
                                BulletList(
                                    (
                                        (
                                            "Le nom",
                                            "publié avec votre commentaire une fois approuvé.",
                                        ),
                                        (
                                            "L’adresse e-mail",
                                            "jamais publiée ; utilisée seulement pour vous écrire si "
                                            "nécessaire.",
                                        ),
                                        (
                                            "L’adresse IP et le navigateur",
                                            f"conservés {days} jours contre le spam, puis effacés "
                                            "automatiquement.",
                                        ),
                                    )
                                ),
                                Paragraph(
                                    "Si vous cochez « Se souvenir de moi », votre nom et votre "
                                    "e-mail sont gardés un an dans un cookie signé sur votre "
                                    "appareil pour préremplir le formulaire. Vous pouvez le "
                                    "supprimer à tout moment dans votre navigateur."
                                ),
                            ),
                        ),
                        Section(
                            "Les cookies",
                            (
                                Paragraph(
                                    "En dehors du cookie facultatif « Se souvenir de moi », nous "
                                    "gardons la langue choisie dans un cookie, et votre navigateur "
                                    "seul se souvient de l’alerte que vous avez masquée. Pour faire "
                                    "effacer vos données, écrivez-nous depuis la page de contact."
                                ),
                            ),
                        ),
                    ),
                ),
                "en": InformationText(
                    title="Privacy policy",
                    intro="What we keep about you when you read or comment, why, and for how long.",
                    body=(
                        Section(
                            "When you read",
                            (
                                Paragraph(
                                    "We use no third-party analytics or advertising. We count "
                                    "each article’s reads per day to show the most read, with no "
                                    "cookie and without keeping your address or browser.",
                                ),
                            ),
                        ),
                        Section(
                            "When you comment",
                            (
                                BulletList(
                                    (
                                        ("Name", "published with your comment once approved."),
                                        (
                                            "Email address",
                                            "never published; used only to write to you if needed.",
                                        ),
                                        (
                                            "IP address and browser",
                                            f"kept for {days} days to fight spam, then erased "
                                            "automatically.",
                                        ),
                                    )
                                ),
                                Paragraph(
                                    "If you tick “Remember me”, your name and email are kept for "
                                    "a year in a signed cookie on your device to fill in the form. "
                                    "You can delete it from your browser at any time."
                                ),
                            ),
                        ),
                        Section(
                            "Cookies",
                            (
                                Paragraph(
                                    "Besides the optional “Remember me” cookie, we keep the "
                                    "language you choose in a cookie, and only your browser "
                                    "remembers the breaking news you dismissed. To have your "
                                    "data erased, write to us from the contact page."
                                ),
                            ),
                        ),
                    ),
                ),
            },
        ),
        (
            "terms",
            {
                "ar": InformationText(
                    title="شروط الاستخدام",
                    intro="القواعد التي تحكم استعمال الموقع والتعليق فيه.",
                    body=(
                        Paragraph(
                            "المحتوى المنشور في الموقع ملك لأخبار ما لم يُذكر غير ذلك. يمكنك "
                            "الاقتباس منه مع ذكر المصدر ورابط المقال، ولا يجوز نسخه كاملًا دون إذن."
                        ),
                        Section(
                            "قواعد التعليق",
                            (
                                BulletList(
                                    (
                                        ("", "نحذف التعليقات التي تتضمن سبًا أو تحريضًا أو تمييزًا."),
                                        ("", "نحذف الإعلانات والروابط المتكررة."),
                                        ("", "صاحب التعليق مسؤول عما يكتبه."),
                                    )
                                ),
                            ),
                        ),
                    ),
                ),
                "fr": InformationText(
                    title="Conditions d’utilisation",
                    intro="Les règles qui encadrent l’usage du site et des commentaires.",
                    body=(
                        Paragraph(
                            "Les contenus du site appartiennent à Akhbar sauf mention contraire. "
                            "Vous pouvez les citer en indiquant la source et le lien de l’article, "
                            "mais pas les reproduire intégralement sans autorisation."
                        ),
                        Section(
                            "Règles des commentaires",
                            (
                                BulletList(
                                    (
                                        (
                                            "",
                                            "Nous supprimons les commentaires injurieux, haineux "
                                            "ou discriminatoires.",
                                        ),
                                        ("", "Nous supprimons la publicité et les liens répétés."),
                                        ("", "Chacun est responsable de ce qu’il écrit."),
                                    )
                                ),
                            ),
                        ),
                    ),
                ),
                "en": InformationText(
                    title="Terms of use",
                    intro="The rules for using the site and its comments.",
                    body=(
                        Paragraph(
                            "Content on this site belongs to Akhbar unless stated otherwise. You "
                            "may quote it with the source and a link to the article, but not "
                            "copy it in full without permission."
                        ),
                        Section(
                            "Comment rules",
                            (
                                BulletList(
                                    (
                                        (
                                            "",
                                            "We remove abusive, hateful or discriminatory comments.",
                                        ),
                                        ("", "We remove advertising and repeated links."),
                                        ("", "Everyone is responsible for what they write."),
                                    )
                                ),
                            ),
                        ),
                    ),
                ),
            },
        ),
    ]
