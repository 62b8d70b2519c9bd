from django.db import migrations, models

DOMAINS = [
    "safety",
    "legal_protection",
    "mental_wellbeing",
    "economic_empowerment_education",
    "social_support",
    "physical_wellbeing",
]


def create_domains(apps, schema_editor):
    OutcomeDomain = apps.get_model("outcomes", "OutcomeDomain")
    for position, code in enumerate(DOMAINS, start=1):
        OutcomeDomain.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="OutcomeDomain",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
            ],
            options={"ordering": ["position"], "verbose_name": "outcome domain", "verbose_name_plural": "outcome domains"},
        ),
        migrations.RunPython(create_domains, migrations.RunPython.noop),
    ]
