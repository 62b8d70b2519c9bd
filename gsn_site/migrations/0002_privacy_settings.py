import django.db.models.deletion
from django.db import migrations, models

import gsn_site.models


class Migration(migrations.Migration):
    dependencies = [
        ("gsn_site", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PrivacySettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "min_cell_size",
                    models.PositiveSmallIntegerField(
                        default=gsn_site.models._privacy_min_cell,
                        help_text="Aggregates over fewer survivors than this are never shown. It cannot be set below the platform minimum.",
                        verbose_name="minimum cell size",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={"verbose_name": "privacy settings"},
        ),
    ]
