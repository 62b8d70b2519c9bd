from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("share-your-story/", views.share_story, name="share"),
    path("my-stories/", views.my_stories, name="my_stories"),
    path("my-stories/welcome/", views.welcome, name="welcome"),
    path("my-stories/<int:pk>/edit/", views.edit_story, name="edit"),
    path("my-stories/<int:pk>/preview/", views.preview_story, name="preview"),
    path("my-stories/<int:pk>/withdraw/", views.withdraw_story, name="withdraw"),
    path("my-stories/<int:pk>/delete/", views.delete_story, name="delete"),
    path("my-stories/<int:pk>/consent/", views.story_consent, name="consent"),
    path("report-story/<int:pk>/", views.report_story, name="report"),
    path("report-story/received/", views.report_received, name="report_received"),
]
