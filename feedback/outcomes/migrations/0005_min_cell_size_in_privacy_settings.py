from django.db import migrations


def move_min_cell_size(apps, schema_editor):
    """The minimum cell size now belongs to every report, not only the outcome ones: keep each site's value."""
    OutcomeSettings = apps.get_model("outcomes", "OutcomeSettings")
    PrivacySettings = apps.get_model("gsn_site", "PrivacySettings")
    for outcome_settings in OutcomeSettings.objects.all():
        PrivacySettings.objects.update_or_create(
            site_id=outcome_settings.site_id, defaults={"min_cell_size": outcome_settings.min_cell_size}
        )


def restore_min_cell_size(apps, schema_editor):
    OutcomeSettings = apps.get_model("outcomes", "OutcomeSettings")
    PrivacySettings = apps.get_model("gsn_site", "PrivacySettings")
    for privacy_settings in PrivacySettings.objects.all():
        OutcomeSettings.objects.filter(site_id=privacy_settings.site_id).update(
            min_cell_size=privacy_settings.min_cell_size
        )


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0004_impact_snapshots"),
        ("gsn_site", "0002_privacy_settings"),
    ]

    operations = [
        migrations.RunPython(move_min_cell_size, restore_min_cell_size),
        migrations.RemoveField(model_name="outcomesettings", name="min_cell_size"),
    ]
