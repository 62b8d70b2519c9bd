"""Invitation codes and member profiles, taken over from the stories app with their tables (renamed
by stories/0005), so this creates nothing in the database. Their content types move too, and with
them every group's permissions and every log entry about them."""

import django.db.models.deletion
import members.models
from django.conf import settings
from django.db import migrations, models


MODELS = ["invitationcode", "memberprofile"]


def take_over_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="stories", model__in=MODELS).update(app_label="members")
    apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(action="stories.member.temporary_password").update(
        action="members.temporary_password"
    )


def give_back_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="members", model__in=MODELS).update(app_label="stories")
    apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(action="members.temporary_password").update(
        action="stories.member.temporary_password"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('stories', '0005_members_move_to_their_own_app'),
        ('home', '0002_chapter_staff_and_message_retention'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='InvitationCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(default=members.models.default_invitation_code, max_length=32, unique=True, verbose_name='code')),
                ('note', models.CharField(blank=True, help_text='Who the code is for, in words only staff understand. Never a full name.', max_length=200, verbose_name='note')),
                ('expires_at', models.DateTimeField(default=members.models.default_invitation_expiry, verbose_name='expires at')),
                ('revoked', models.BooleanField(default=False, verbose_name='revoked')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('used_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='used at')),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('used_by', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='invitation', to=settings.AUTH_USER_MODEL, verbose_name='used by')),
            ],
            options={
                'verbose_name': 'invitation code',
                'verbose_name_plural': 'invitation codes',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='MemberProfile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('pseudonym', models.CharField(help_text='The name shown with your stories. Do not use your real name.', max_length=60, verbose_name='pseudonym')),
                ('preferred_language', models.CharField(choices=[('en', 'English'), ('es', 'Spanish'), ('fr', 'French'), ('pt', 'Portuguese'), ('hi', 'Hindi'), ('sw', 'Swahili'), ('km', 'Khmer'), ('ar', 'Arabic')], default='en', max_length=8, verbose_name='preferred language')),
                ('must_change_password', models.BooleanField(default=False, editable=False, help_text='Set when a moderator gave a temporary password; cleared when the member chooses their own.', verbose_name='must change password')),
                ('chapter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='members', to='home.chapterpage', verbose_name='chapter')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='member_profile', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'member profile',
                'verbose_name_plural': 'member profiles',
                'permissions': [('set_temporary_password', 'Can set a temporary password for a member')],
            },
        ),
        ], database_operations=[]),
        migrations.RunPython(take_over_content_types, give_back_content_types),
    ]
