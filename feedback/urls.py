from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.program_picker, name="picker"),
    path("withdraw/", views.withdraw, name="withdraw"),
    path("<slug:code>/", views.opening, name="program"),
    path("<slug:code>/questions/", views.questions, name="questions"),
    path("<slug:code>/thank-you/", views.thanks, name="thanks"),
]
