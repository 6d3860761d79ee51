"""The newsroom's roles: which groups exist and what each may do.

The data migrations call :func:`ensure_roles` with the historical app registry, so every install
has the same groups from its first ``migrate``; an admin may change them afterwards in the admin.
Group names are stored in English and shown translated (see ``newsroom/stored_names.py``).
"""

from django.utils.translation import gettext_noop

WRITERS = gettext_noop("Writers")
SECTION_EDITORS = gettext_noop("Section editors")
EDITOR_IN_CHIEF = gettext_noop("Editor-in-chief")
ROLE_NAMES = (WRITERS, SECTION_EDITORS, EDITOR_IN_CHIEF)
EDITOR_ROLES = (SECTION_EDITORS, EDITOR_IN_CHIEF)

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")

EDITOR_MODEL_PERMISSIONS = [
    ACCESS_ADMIN,
    *(("articles", "author", f"{action}_author") for action in ("add", "change", "delete", "view")),
    *(("taggit", "tag", f"{action}_tag") for action in ("add", "change", "delete", "view")),
]
EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
EDITOR_COLLECTION_PERMISSIONS = [
    *(
        ("wagtailimages", "image", f"{action}_image")
        for action in ("add", "change", "delete", "choose")
    ),
    *(
        ("wagtaildocs", "document", f"{action}_document")
        for action in ("add", "change", "delete", "choose")
    ),
]

ROLE_PERMISSIONS = {
    # Writers draft in any section and edit only what they own (Wagtail's "add" page
    # permission); without "publish" they can neither publish, unpublish nor delete live pages.
    WRITERS: {
        "model": [ACCESS_ADMIN, ("articles", "author", "view_author")],
        "page": ["add"],
        "collection": [
            ("wagtailimages", "image", "add_image"),
            ("wagtailimages", "image", "choose_image"),
            ("wagtaildocs", "document", "add_document"),
            ("wagtaildocs", "document", "choose_document"),
        ],
    },
    SECTION_EDITORS: {
        "model": EDITOR_MODEL_PERMISSIONS,
        "page": EDITOR_PAGE_PERMISSIONS,
        "collection": EDITOR_COLLECTION_PERMISSIONS,
    },
    EDITOR_IN_CHIEF: {
        "model": EDITOR_MODEL_PERMISSIONS,
        "page": EDITOR_PAGE_PERMISSIONS,
        "collection": EDITOR_COLLECTION_PERMISSIONS,
    },
}

# Wagtail's first migrations make two example groups; the newsroom's roles replace them.
WAGTAIL_EXAMPLE_GROUPS = ("Editors", "Moderators")


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def ensure_roles(apps) -> None:
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name in WAGTAIL_EXAMPLE_GROUPS:
        Group.objects.filter(name=name, user__isnull=True).delete()

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(_permission(apps, *permission) for permission in permissions["model"])
        )
        if root_page is not None:
            for action in permissions["page"]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", f"{action}_page"),
                )
        if root_collection is not None:
            for permission in permissions["collection"]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, *permission),
                )
