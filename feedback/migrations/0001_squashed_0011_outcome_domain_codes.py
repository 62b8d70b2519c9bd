"""Feedback's first eleven steps in one: the tables as they stood after 0011 (questions and answers
name their ASO domain by code, so nothing here depends on outcomes), then the three roles with their
permissions and the survivor leaders' review workflow.

A new database runs this; a database that ran 0001-0011 one by one counts it as run, and one that
ran only some of them finishes them from their own files, which stay until every database has run
them. The data steps of 0004 (response keys) and 0011 (domain ids to codes) are left out: a new
database has no responses or questions for them to convert.
"""

import datetime
import django.db.models.deletion
import django.utils.timezone
import gsn_site.fields
import modelcluster.fields
import modelsearch.index
import uuid
from django.conf import settings
from django.db import migrations, models


# The roles as 0003, 0006 and 0009 left them. Frozen here: a migration must not import the app's
# live code (feedback.roles), which later changes would alter under it.
GROUP_PERMISSIONS = {
    "Program staff": [
        ("wagtailadmin", "access_admin"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
        ("feedback", "add_programanswer"),
        ("feedback", "change_programanswer"),
        ("feedback", "view_programanswer"),
    ],
    "Feedback reviewers": [
        ("wagtailadmin", "access_admin"),
        ("feedback", "view_all_programs"),
        ("feedback", "view_program"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
        ("feedback", "change_feedbackresponse"),
    ],
    "Survivor leaders": [
        ("wagtailadmin", "access_admin"),
        ("feedback", "review_program_answers"),
        ("feedback", "view_programanswer"),
        # Approving the last task of the review publishes the answer (Wagtail checks this permission).
        ("feedback", "publish_programanswer"),
        ("feedback", "add_survivorleadersview"),
        ("feedback", "change_survivorleadersview"),
        ("feedback", "view_survivorleadersview"),
    ],
}
# Program staff and feedback reviewers work with program data only: story images and documents are
# not theirs to browse (Wagtail gives "choose" to every group with admin access when it arrives).
NO_CHOOSING = ["Program staff", "Feedback reviewers"]


def create_roles_and_workflow(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after `migrate`; this migration needs them now. In a
    # migration the app config is a stub without models_module, which create_permissions skips.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    answer_type, _created = ContentType.objects.get_or_create(app_label="feedback", model="programanswer")
    # Wagtail adds this permission of a draft-and-publish snippet after `migrate`; it is needed now.
    Permission.objects.get_or_create(
        content_type=answer_type, codename="publish_programanswer", defaults={"name": "Can publish program answer"}
    )
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group__name__in=NO_CHOOSING, permission__codename__in=["choose_image", "choose_document"]
    ).delete()

    # Every program answer goes through the survivor leaders' review before publication.
    leaders = Group.objects.get(name="Survivor leaders")
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = apps.get_model("wagtailcore", "GroupApprovalTask").objects.get_or_create(
        name="Survivor leaders approve", defaults={"content_type": task_type, "active": True}
    )
    if created:
        task.groups.set([leaders])
    workflow, created = apps.get_model("wagtailcore", "Workflow").objects.get_or_create(
        name="Survivor leaders' review", defaults={"active": True}
    )
    if created:
        apps.get_model("wagtailcore", "WorkflowTask").objects.create(workflow=workflow, task=task, sort_order=0)
    apps.get_model("wagtailcore", "WorkflowContentType").objects.update_or_create(
        content_type=answer_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):

    replaces = [
        ("feedback", "0001_initial"),
        ("feedback", "0002_surveys_and_responses"),
        ("feedback", "0003_feedback_groups"),
        ("feedback", "0004_random_response_keys"),
        ("feedback", "0005_program_helpline"),
        ("feedback", "0006_feedback_roles_choose_no_images_or_documents"),
        ("feedback", "0007_reporting_periods"),
        ("feedback", "0008_program_answers"),
        ("feedback", "0009_survivor_leaders_and_answer_review"),
        ("feedback", "0010_answer_due_notices"),
        ("feedback", "0011_outcome_domain_codes"),
    ]

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailadmin', '0001_create_admin_access_permissions'),
        ('wagtailimages', '0023_add_choose_permissions'),
        ('wagtaildocs', '0011_add_choose_permissions'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='FeedbackSurvey',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('original_language', models.CharField(choices=[('en', 'English'), ('es', 'Spanish'), ('fr', 'French'), ('pt', 'Portuguese'), ('hi', 'Hindi'), ('sw', 'Swahili'), ('km', 'Khmer'), ('ar', 'Arabic')], default='en', help_text='The language this content was first written in.', max_length=8, verbose_name='original language')),
                ('intro', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', verbose_name='opening words')),
                ('intro_en', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_es', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_fr', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_pt', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_hi', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_sw', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_km', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('intro_ar', models.TextField(blank=True, help_text='Shown on the opening screen, before the questions, in plain language.', null=True, verbose_name='opening words')),
                ('thank_you', models.TextField(blank=True, verbose_name='thank-you words')),
                ('thank_you_en', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_es', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_fr', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_pt', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_hi', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_sw', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_km', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('thank_you_ar', models.TextField(blank=True, null=True, verbose_name='thank-you words')),
                ('accepting_responses', models.BooleanField(default=True, help_text='A closed survey shows a notice instead of the questions.', verbose_name='open for responses')),
            ],
            options={
                'verbose_name': 'feedback survey',
                'verbose_name_plural': 'feedback surveys',
            },
            bases=('wagtailcore.page', models.Model),
        ),
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
                ('survey', models.ForeignKey(blank=True, help_text="The survey this program's feedback link opens. Empty: the first live survey.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='programs', to='feedback.feedbacksurvey', verbose_name='survey')),
            ],
            options={
                'verbose_name': 'program',
                'verbose_name_plural': 'programs',
                'ordering': ['name'],
                'permissions': [('view_all_programs', "Can see every program's feedback and reports")],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='AccessLogEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('username', models.CharField(max_length=150, verbose_name='username')),
                ('action', models.CharField(choices=[('list', 'Viewed the list of responses'), ('detail', 'Viewed a response'), ('edit', 'Changed a response'), ('redact', 'Redacted a response'), ('assisted', 'Entered a paper or assisted response'), ('report', 'Viewed an aggregate report'), ('export_report', 'Exported an aggregate report'), ('export_records', 'Exported response records'), ('delete', 'Deleted a response')], max_length=20, verbose_name='action')),
                ('object_reference', models.CharField(blank=True, max_length=100, verbose_name='record')),
                ('record_count', models.PositiveIntegerField(default=0, verbose_name='records')),
                ('timestamp', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='when')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                ('program', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='feedback.program', verbose_name='program')),
            ],
            options={
                'verbose_name': 'feedback access log entry',
                'verbose_name_plural': 'feedback access log',
                'ordering': ['-timestamp', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ReportingPeriod',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('month', 'Month'), ('quarter', 'Quarter'), ('year', 'Year')], max_length=10, verbose_name='kind')),
                ('start', models.DateField(verbose_name='first day')),
                ('end', models.DateField(verbose_name='last day')),
            ],
            options={
                'verbose_name': 'reporting period',
                'verbose_name_plural': 'reporting periods',
                'ordering': ['-start', 'kind'],
                'constraints': [models.UniqueConstraint(fields=('kind', 'start'), name='feedback_one_period_per_kind_and_start')],
            },
        ),
        migrations.CreateModel(
            name='SurveyQuestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('key', models.SlugField(blank=True, help_text='Stays the same when the wording changes, so answers can be compared. Filled in automatically.', verbose_name='key')),
                ('question_type', models.CharField(choices=[('likert', 'Agree or disagree (5 steps)'), ('yes_no_unsure', 'Yes, no or not sure'), ('single_choice', 'One choice from a list'), ('multiple_choice', 'Several choices from a list'), ('scale_0_10', 'Scale from 0 to 10'), ('free_text', 'Free text')], default='likert', max_length=20, verbose_name='type')),
                ('text', models.CharField(max_length=300, verbose_name='question')),
                ('text_en', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_es', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_fr', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_pt', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_hi', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_sw', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_km', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('text_ar', models.CharField(max_length=300, null=True, verbose_name='question')),
                ('help_text', models.CharField(blank=True, max_length=300, verbose_name='help text')),
                ('help_text_en', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_es', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_fr', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_pt', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_hi', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_sw', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_km', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('help_text_ar', models.CharField(blank=True, max_length=300, null=True, verbose_name='help text')),
                ('options', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', verbose_name='options')),
                ('options_en', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_es', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_fr', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_pt', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_hi', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_sw', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_km', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('options_ar', models.TextField(blank=True, help_text='For choice questions: one option per line, in the same order in every language.', null=True, verbose_name='options')),
                ('domain', models.CharField(blank=True, choices=[('safety', 'Safety'), ('legal_protection', 'Legal Protection'), ('mental_wellbeing', 'Mental Wellbeing'), ('economic_empowerment_education', 'Economic Empowerment and Education'), ('social_support', 'Social Support'), ('physical_wellbeing', 'Physical Wellbeing')], help_text='Answers to a scale question in a domain are shown beside the outcome assessments.', max_length=40, verbose_name='outcome domain')),
                ('reverse_scored', models.BooleanField(default=False, help_text='Tick when agreeing means things are worse (e.g. "I often feel afraid").', verbose_name='reverse scored')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='feedback.feedbacksurvey')),
            ],
            options={
                'verbose_name': 'question',
                'verbose_name_plural': 'questions',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='SurveyVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='version')),
                ('fingerprint', models.CharField(editable=False, max_length=64)),
                ('questions', models.JSONField(default=list, verbose_name='questions')),
                ('created_on', models.DateField(default=datetime.date.today, verbose_name='created on')),
                ('survey', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='feedback.feedbacksurvey', verbose_name='survey')),
            ],
            options={
                'verbose_name': 'survey version',
                'verbose_name_plural': 'survey versions',
                'ordering': ['survey', 'number'],
            },
        ),
        migrations.CreateModel(
            name='FeedbackResponse',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('language', models.CharField(choices=[('en', 'English'), ('es', 'Spanish'), ('fr', 'French'), ('pt', 'Portuguese'), ('hi', 'Hindi'), ('sw', 'Swahili'), ('km', 'Khmer'), ('ar', 'Arabic')], max_length=8, verbose_name='language')),
                ('channel', models.CharField(choices=[('web', 'Web'), ('assisted', 'Assisted by staff'), ('paper', 'Paper form')], default='web', max_length=10, verbose_name='channel')),
                ('submitted_on', models.DateField(default=datetime.date.today, verbose_name='date')),
                ('submission_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('receipt_hash', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ('review_status', models.CharField(choices=[('new', 'Not reviewed'), ('reviewed', 'Reviewed'), ('flagged', 'Flagged for follow-up')], default='new', max_length=10, verbose_name='review status')),
                ('is_sample', models.BooleanField(default=False, verbose_name='sample')),
                ('program', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='responses', to='feedback.program', verbose_name='program')),
                ('survey_version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='responses', to='feedback.surveyversion', verbose_name='survey version')),
            ],
            options={
                'verbose_name': 'feedback response',
                'verbose_name_plural': 'feedback responses',
                'ordering': ['-submitted_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='SurvivorLeadersView',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(help_text='A few short lines, one a line.', verbose_name="survivor leaders' view")),
                ('text_en', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_es', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_fr', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_pt', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_hi', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_sw', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_km', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('text_ar', models.TextField(help_text='A few short lines, one a line.', null=True, verbose_name="survivor leaders' view")),
                ('published', models.BooleanField(default=False, verbose_name='published')),
                ('updated_on', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('period', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='survivor_leaders_views', to='feedback.reportingperiod', verbose_name='reporting period')),
                ('program', models.ForeignKey(blank=True, help_text='Empty: the view is about every program in this period.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='survivor_leaders_views', to='feedback.program', verbose_name='program')),
            ],
            options={
                'verbose_name': "survivor leaders' view",
                'verbose_name_plural': "survivor leaders' views",
                'ordering': ['-period__start'],
            },
        ),
        migrations.CreateModel(
            name='FeedbackAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('question_key', models.SlugField(verbose_name='question')),
                ('question_type', models.CharField(choices=[('likert', 'Agree or disagree (5 steps)'), ('yes_no_unsure', 'Yes, no or not sure'), ('single_choice', 'One choice from a list'), ('multiple_choice', 'Several choices from a list'), ('scale_0_10', 'Scale from 0 to 10'), ('free_text', 'Free text')], max_length=20, verbose_name='type')),
                ('domain', models.CharField(blank=True, choices=[('safety', 'Safety'), ('legal_protection', 'Legal Protection'), ('mental_wellbeing', 'Mental Wellbeing'), ('economic_empowerment_education', 'Economic Empowerment and Education'), ('social_support', 'Social Support'), ('physical_wellbeing', 'Physical Wellbeing')], max_length=40, verbose_name='outcome domain')),
                ('reverse_scored', models.BooleanField(default=False, verbose_name='reverse scored')),
                ('number', models.SmallIntegerField(blank=True, null=True, verbose_name='number')),
                ('choice', models.CharField(blank=True, max_length=50, verbose_name='choice')),
                ('text', models.TextField(blank=True, verbose_name='text')),
                ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='feedback.feedbackresponse', verbose_name='response')),
            ],
            options={
                'verbose_name': 'answer',
                'verbose_name_plural': 'answers',
                'indexes': [models.Index(fields=['question_key', 'question_type'], name='feedback_fe_questio_b2c0f8_idx')],
            },
        ),
        migrations.CreateModel(
            name='ProgramAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('you_said', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', verbose_name='you said')),
                ('you_said_en', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_es', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_fr', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_pt', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_hi', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_sw', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_km', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('you_said_ar', models.TextField(help_text='A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes.', null=True, verbose_name='you said')),
                ('we_did', models.TextField(help_text='A few short lines, one a line, on what the program changed.', verbose_name='we did')),
                ('we_did_en', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_es', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_fr', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_pt', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_hi', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_sw', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_km', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('we_did_ar', models.TextField(help_text='A few short lines, one a line, on what the program changed.', null=True, verbose_name='we did')),
                ('next_steps', models.TextField(blank=True, help_text='A few short lines, one a line.', verbose_name='what comes next')),
                ('next_steps_en', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_es', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_fr', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_pt', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_hi', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_sw', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_km', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_steps_ar', models.TextField(blank=True, help_text='A few short lines, one a line.', null=True, verbose_name='what comes next')),
                ('next_step_due', models.DateField(blank=True, help_text='When the next step will be done.', null=True, verbose_name='next step due by')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='feedback.program', verbose_name='program')),
                ('period', models.ForeignKey(help_text='A quarter that has ended.', on_delete=django.db.models.deletion.PROTECT, related_name='program_answers', to='feedback.reportingperiod', verbose_name='reporting period')),
            ],
            options={
                'verbose_name': 'program answer',
                'verbose_name_plural': 'program answers',
                'ordering': ['-period__start', 'program__name'],
                'permissions': [('review_program_answers', "Can review every program's answers and read every program's aggregate reports")],
                'constraints': [models.UniqueConstraint(fields=('program', 'period'), name='feedback_one_answer_per_program_and_period', violation_error_message='This program already has an answer for this period. Edit that answer instead.')],
            },
        ),
        migrations.CreateModel(
            name='AnswerDueNotice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent')),
                ('recipients', models.PositiveIntegerField(default=0, verbose_name='recipients')),
                ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='feedback.program', verbose_name='program')),
                ('period', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='feedback.reportingperiod', verbose_name='reporting period')),
            ],
            options={
                'verbose_name': 'answer due notice',
                'verbose_name_plural': 'answer due notices',
                'constraints': [models.UniqueConstraint(fields=('program', 'period'), name='feedback_one_due_notice_per_program_and_period')],
            },
        ),
        migrations.AddConstraint(
            model_name='surveyversion',
            constraint=models.UniqueConstraint(fields=('survey', 'number'), name='feedback_unique_survey_version_number'),
        ),
        migrations.AddConstraint(
            model_name='surveyversion',
            constraint=models.UniqueConstraint(fields=('survey', 'fingerprint'), name='feedback_unique_survey_version_questions'),
        ),
        migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop),
    ]
