from django.urls import path, register_converter
from django.urls.converters import IntConverter

from . import views


class StoryIdConverter(IntConverter):
    """A page id the database can hold: longer numbers are not a story (404), never a database error."""

    regex = "[0-9]{1,18}"


register_converter(StoryIdConverter, "story_id")

app_name = "stories"

urlpatterns = [
    path("share-your-story/", views.share_story, name="share"),
    path("my-stories/", views.my_stories, name="my_stories"),
    path("my-stories/welcome/", views.welcome, name="welcome"),
    path("my-stories/<story_id:pk>/edit/", views.edit_story, name="edit"),
    path("my-stories/<story_id:pk>/preview/", views.preview_story, name="preview"),
    path("my-stories/<story_id:pk>/withdraw/", views.withdraw_story, name="withdraw"),
    path("my-stories/<story_id:pk>/delete/", views.delete_story, name="delete"),
    path("my-stories/<story_id:pk>/consent/", views.story_consent, name="consent"),
    path("report-story/<story_id:pk>/", views.report_story, name="report"),
    path("report-story/received/", views.report_received, name="report_received"),
]
