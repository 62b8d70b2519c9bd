# The organisation's name in every language; the English one is what every program had.

from django.db import migrations, models


def english_from_the_single_name(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Program.objects.filter(organisation_en__isnull=True).update(organisation_en=models.F("organisation"))


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0002_program_keyword"),
    ]

    operations = [
        migrations.AddField(
            model_name="program",
            name="organisation_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_en",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_es",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_hi",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_km",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_pt",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.AddField(
            model_name="program",
            name="organisation_sw",
            field=models.CharField(max_length=200, null=True, verbose_name="organisation"),
        ),
        migrations.RunPython(english_from_the_single_name, migrations.RunPython.noop),
    ]
