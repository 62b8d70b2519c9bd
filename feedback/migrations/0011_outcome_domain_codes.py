"""Questions and answers name their ASO domain by code instead of pointing at the outcomes app's
table, so feedback needs nothing from outcomes. Stored survey revisions are converted as well, so
that an older draft still opens with its domains."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

DOMAIN_CHOICES = [
    ("safety", "Safety"),
    ("legal_protection", "Legal Protection"),
    ("mental_wellbeing", "Mental Wellbeing"),
    ("economic_empowerment_education", "Economic Empowerment and Education"),
    ("social_support", "Social Support"),
    ("physical_wellbeing", "Physical Wellbeing"),
]


def codes_from_domains(apps, schema_editor):
    OutcomeDomain = apps.get_model("outcomes", "OutcomeDomain")
    codes = dict(OutcomeDomain.objects.values_list("pk", "code"))
    code_of = Subquery(OutcomeDomain.objects.filter(pk=OuterRef("domain_id")).values("code")[:1])
    for model_name in ("SurveyQuestion", "FeedbackAnswer"):
        apps.get_model("feedback", model_name).objects.filter(domain__isnull=False).update(domain_code=code_of)
    _convert_revisions(apps, lambda value: codes.get(value, "") if value is not None else "")


def domains_from_codes(apps, schema_editor):
    OutcomeDomain = apps.get_model("outcomes", "OutcomeDomain")
    ids = dict(OutcomeDomain.objects.values_list("code", "pk"))
    domain_of = Subquery(OutcomeDomain.objects.filter(code=OuterRef("domain_code")).values("pk")[:1])
    for model_name in ("SurveyQuestion", "FeedbackAnswer"):
        apps.get_model("feedback", model_name).objects.exclude(domain_code="").update(domain=domain_of)
    _convert_revisions(apps, lambda value: ids.get(value) if value else None)


def _convert_revisions(apps, convert):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    survey_type = ContentType.objects.filter(app_label="feedback", model="feedbacksurvey").first()
    if survey_type is None:
        return
    for revision in Revision.objects.filter(content_type=survey_type).iterator():
        questions = (revision.content or {}).get("questions") or []
        for question in questions:
            if "domain" in question:
                question["domain"] = convert(question["domain"])
        if questions:
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0010_answer_due_notices"),
        ("outcomes", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveyquestion",
            name="domain_code",
            field=models.CharField(blank=True, default="", max_length=40, choices=DOMAIN_CHOICES),
        ),
        migrations.AddField(
            model_name="feedbackanswer",
            name="domain_code",
            field=models.CharField(blank=True, default="", max_length=40, choices=DOMAIN_CHOICES),
        ),
        migrations.RunPython(codes_from_domains, domains_from_codes),
        migrations.RemoveField(model_name="surveyquestion", name="domain"),
        migrations.RemoveField(model_name="feedbackanswer", name="domain"),
        migrations.RenameField(model_name="surveyquestion", old_name="domain_code", new_name="domain"),
        migrations.RenameField(model_name="feedbackanswer", old_name="domain_code", new_name="domain"),
        migrations.AlterField(
            model_name="surveyquestion",
            name="domain",
            field=models.CharField(
                blank=True,
                choices=DOMAIN_CHOICES,
                help_text="Answers to a scale question in a domain are shown beside the outcome assessments.",
                max_length=40,
                verbose_name="outcome domain",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackanswer",
            name="domain",
            field=models.CharField(blank=True, choices=DOMAIN_CHOICES, max_length=40, verbose_name="outcome domain"),
        ),
    ]
