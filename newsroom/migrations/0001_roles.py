"""The newsroom's roles as the first install made them.

A frozen copy of what newsroom/roles.py did at the time, so the migration never imports live code
(the live module may change; history must not).
"""

from django.db import migrations

WRITERS = "Writers"
SECTION_EDITORS = "Section editors"
EDITOR_IN_CHIEF = "Editor-in-chief"
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


def create_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
