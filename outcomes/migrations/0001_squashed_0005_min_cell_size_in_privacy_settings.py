"""Outcomes' first five steps in one: the tables as they stood after 0005 and the six ASO domains.

A new database runs this; a database that ran 0001-0005 one by one counts it as run, and one that
ran only some of them finishes them from their own files. The data step of 0005 (moving a site's
minimum cell size to the Privacy settings) is left out: a new database has no value to move.
"""

import django.core.validators
import django.db.models.deletion
import uuid
from decimal import Decimal
from django.conf import settings
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

    replaces = [
        ("outcomes", "0001_initial"),
        ("outcomes", "0002_assessments_settings_labels"),
        ("outcomes", "0003_import_batches"),
        ("outcomes", "0004_impact_snapshots"),
        ("outcomes", "0005_min_cell_size_in_privacy_settings"),
    ]

    initial = True

    dependencies = [
        ('feedback', '0001_squashed_0011_outcome_domain_codes'),
        ('gsn_site', '0002_privacy_settings'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OutcomeDomain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='code')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
            ],
            options={
                'verbose_name': 'outcome domain',
                'verbose_name_plural': 'outcome domains',
                'ordering': ['position'],
            },
        ),
        migrations.CreateModel(
            name='ImpactSnapshot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('figures', models.JSONField(editable=False, verbose_name='figures')),
                ('published_at', models.DateTimeField(auto_now_add=True, verbose_name='published at')),
                ('period', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='impact_snapshot', to='feedback.reportingperiod', verbose_name='period')),
                ('published_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
            ],
            options={
                'verbose_name': 'published Impact period',
                'verbose_name_plural': 'published Impact periods',
                'ordering': ['-period__start'],
            },
        ),
        migrations.CreateModel(
            name='ImportBatch',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('session_hash', models.CharField(blank=True, editable=False, max_length=64)),
                ('status', models.CharField(choices=[('checking', 'Checking the file'), ('invalid', 'The file has errors'), ('ready', 'Ready to import'), ('queued', 'Waiting to be imported'), ('importing', 'Importing'), ('imported', 'Imported'), ('failed', 'Not imported'), ('cancelled', 'Cancelled')], default='checking', max_length=16, verbose_name='status')),
                ('rows', models.PositiveIntegerField(default=0, verbose_name='rows')),
                ('progress_percent', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='percent done')),
                ('new', models.PositiveIntegerField(default=0, verbose_name='new')),
                ('updated', models.PositiveIntegerField(default=0, verbose_name='updated')),
                ('unchanged', models.PositiveIntegerField(default=0, verbose_name='unchanged')),
                ('errors', models.JSONField(blank=True, default=list, verbose_name='errors')),
                ('failure', models.CharField(blank=True, max_length=300, verbose_name='why it was not imported')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                ('expires_at', models.DateTimeField(db_index=True, verbose_name='expires at')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'ASO import',
                'verbose_name_plural': 'ASO imports',
            },
        ),
        migrations.CreateModel(
            name='OutcomeSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('restoration_threshold', models.DecimalField(decimal_places=2, default=Decimal('3.00'), help_text='A survivor counts as restored when the latest overall score reaches this value (1-4).', max_digits=3, validators=[django.core.validators.MinValueValidator(Decimal('1')), django.core.validators.MaxValueValidator(Decimal('4'))], verbose_name='restoration threshold')),
                ('measurable_improvement', models.DecimalField(decimal_places=2, default=Decimal('0.50'), help_text='Change from first to latest score that counts as a measurable improvement.', max_digits=3, validators=[django.core.validators.MinValueValidator(Decimal('0.01')), django.core.validators.MaxValueValidator(Decimal('3'))], verbose_name='measurable improvement')),
                ('substantial_improvement', models.DecimalField(decimal_places=2, default=Decimal('1.00'), help_text='Change from first to latest score that counts as a substantial improvement.', max_digits=3, validators=[django.core.validators.MinValueValidator(Decimal('0.01')), django.core.validators.MaxValueValidator(Decimal('3'))], verbose_name='substantial improvement')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'outcome settings',
            },
        ),
        migrations.CreateModel(
            name='StagedAssessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('row_number', models.PositiveIntegerField()),
                ('case_hash', models.CharField(max_length=64)),
                ('assessed_on', models.DateField()),
                ('occasion', models.PositiveSmallIntegerField(choices=[(1, 'Intake'), (2, 'Six months'), (3, 'Annual'), (4, 'Ad hoc'), (5, 'Closure')])),
                ('scores', models.JSONField(default=dict)),
                ('subdomain_scores', models.JSONField(default=dict)),
                ('batch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='staged_rows', to='outcomes.importbatch')),
                ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='feedback.program')),
            ],
        ),
        migrations.CreateModel(
            name='SubdomainLabel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1)], verbose_name='number')),
                ('label', models.CharField(max_length=200, verbose_name='label')),
                ('domain', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='subdomain_labels', to='outcomes.outcomedomain', verbose_name='domain')),
            ],
            options={
                'verbose_name': 'sub-domain label',
                'verbose_name_plural': 'sub-domain labels',
                'ordering': ['domain__position', 'number'],
            },
        ),
        migrations.CreateModel(
            name='AsoAssessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('case_hash', models.CharField(editable=False, max_length=64, verbose_name='case (keyed hash)')),
                ('assessed_on', models.DateField(verbose_name='assessed on')),
                ('occasion', models.PositiveSmallIntegerField(choices=[(1, 'Intake'), (2, 'Six months'), (3, 'Annual'), (4, 'Ad hoc'), (5, 'Closure')], verbose_name='occasion')),
                ('safety', models.FloatField(blank=True, null=True, verbose_name='Safety')),
                ('legal_protection', models.FloatField(blank=True, null=True, verbose_name='Legal Protection')),
                ('mental_wellbeing', models.FloatField(blank=True, null=True, verbose_name='Mental Wellbeing')),
                ('economic_empowerment_education', models.FloatField(blank=True, null=True, verbose_name='Economic Empowerment and Education')),
                ('social_support', models.FloatField(blank=True, null=True, verbose_name='Social Support')),
                ('physical_wellbeing', models.FloatField(blank=True, null=True, verbose_name='Physical Wellbeing')),
                ('subdomain_scores', models.JSONField(blank=True, default=dict, verbose_name='sub-domain scores')),
                ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='aso_assessments', to='feedback.program', verbose_name='program')),
            ],
            options={
                'verbose_name': 'ASO assessment',
                'verbose_name_plural': 'ASO assessments',
                'indexes': [models.Index(fields=['program', 'assessed_on'], name='outcomes_program_date')],
                'constraints': [models.UniqueConstraint(fields=('program', 'case_hash', 'assessed_on', 'occasion'), name='outcomes_one_assessment_per_occasion')],
            },
        ),
        migrations.AddIndex(
            model_name='importbatch',
            index=models.Index(fields=['uploaded_by', 'session_hash', 'created_at'], name='outcomes_import_owner'),
        ),
        migrations.AddIndex(
            model_name='stagedassessment',
            index=models.Index(fields=['batch', 'row_number'], name='outcomes_staged_row'),
        ),
        migrations.AddConstraint(
            model_name='subdomainlabel',
            constraint=models.UniqueConstraint(fields=('domain', 'number'), name='outcomes_one_label_per_subdomain'),
        ),
        migrations.RunPython(create_domains, migrations.RunPython.noop),
    ]
