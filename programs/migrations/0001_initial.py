"""Programs, taken over from the feedback app with their tables (renamed by feedback/0013), so this
creates nothing in the database. The content type moves too, and with it every group's program
permissions (view_all_programs included), every log entry and the search index entries."""

import gsn_site.fields
import modelsearch.index
from django.conf import settings
from django.db import migrations, models


def take_over_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="feedback", model="program").update(app_label="programs")


def give_back_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="programs", model="program").update(app_label="feedback")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("feedback", "0013_program_table_for_the_programs_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='Program',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(help_text='Short code used in the feedback link, e.g. ke-nairobi-aftercare.', max_length=32, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('name_en', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_es', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_fr', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_pt', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_hi', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_sw', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_km', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_ar', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('description_en', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_es', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_fr', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_pt', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_hi', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_sw', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_km', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ar', models.TextField(blank=True, null=True, verbose_name='description')),
                ('organisation', models.CharField(max_length=200, verbose_name='organisation')),
                ('country', models.CharField(max_length=100, verbose_name='country')),
                ('casework_types', gsn_site.fields.MultipleChoiceField(blank=True, default=list, item_choices=[('sex_trafficking', 'Sex trafficking'), ('forced_labour', 'Forced labour'), ('bonded_labour', 'Bonded labour'), ('osec', 'Online sexual exploitation of children'), ('vawc', 'Violence against women and children'), ('police_abuse', 'Police abuse of power'), ('property_grabbing', 'Property grabbing'), ('other', 'Other')], verbose_name='casework types')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
                ('staff_may_read_free_text', models.BooleanField(default=False, help_text='Only an administrator may allow this.', verbose_name='program staff may read free-text answers')),
                ('publish_impact', models.BooleanField(default=False, help_text='Only aggregates above the minimum cell size are shown.', verbose_name='show on the public Impact page')),
                ('is_sample', models.BooleanField(default=False, help_text='Fictional demo program.', verbose_name='sample content')),
                ('helpline', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, verbose_name='helpline')),
                ('helpline_en', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_es', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_fr', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_pt', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_hi', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_sw', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_km', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('helpline_ar', models.CharField(blank=True, help_text='Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current.', max_length=200, null=True, verbose_name='helpline')),
                ('staff', models.ManyToManyField(blank=True, help_text="Staff who may see this program's feedback and reports.", related_name='staffed_programs', to=settings.AUTH_USER_MODEL, verbose_name='program staff')),
            ],
            options={
                'verbose_name': 'program',
                'verbose_name_plural': 'programs',
                'ordering': ['name'],
                'permissions': [('view_all_programs', "Can see every program's feedback and reports")],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        ]),
        migrations.RunPython(take_over_content_type, give_back_content_type),
    ]
