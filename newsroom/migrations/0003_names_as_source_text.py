"""Group, workflow and step names stored as catalogue source text, shown translated.

The newsroom's roles and review paths were always made with their English source names, but
an administrator who saved one from a translated form stored the translation, which then
showed in that language to everyone. This puts the source text back. The translations are
frozen here as the catalogue had them; names anyone typed otherwise are left alone.
"""

from django.db import migrations

SOURCE_FOR_TRANSLATION = {
    "الصحفيون": "Writers",
    "Rédacteurs": "Writers",
    "محررو الأقسام": "Section editors",
    "Chefs de rubrique": "Section editors",
    "رئيس التحرير": "Editor-in-chief",
    "Rédacteur en chef": "Editor-in-chief",
    "المراجعة التحريرية": "Editorial review",
    "Relecture éditoriale": "Editorial review",
    "المراجعة الحساسة": "Sensitive review",
    "Relecture sensible": "Sensitive review",
    "موافقة محرر القسم": "Section editor approval",
    "Validation du chef de rubrique": "Section editor approval",
    "اعتماد رئيس التحرير": "Editor-in-chief sign-off",
    "Validation du rédacteur en chef": "Editor-in-chief sign-off",
}


def rename(model, source_for_translation):
    taken = set(model.objects.values_list("name", flat=True))
    for item in model.objects.filter(name__in=source_for_translation):
        source = source_for_translation[item.name]
        if source in taken:
            continue  # both exist: an administrator's own group or workflow, left alone
        item.name = source
        item.save(update_fields=["name"])
        taken.add(source)


def names_to_source_text(apps, schema_editor):
    for app_label, model_name in [
        ("auth", "Group"),
        ("wagtailcore", "Workflow"),
        ("wagtailcore", "Task"),
    ]:
        rename(apps.get_model(app_label, model_name), SOURCE_FOR_TRANSLATION)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_workflows"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(names_to_source_text, migrations.RunPython.noop)]
