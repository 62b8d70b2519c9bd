from django.urls import path

from . import views

app_name = "channels"

urlpatterns = [
    path("sms/external/<str:secret>/receive/", views.inbound, {"provider": "external"}, name="external"),
    path("sms/africastalking/<str:secret>/", views.inbound, {"provider": "africastalking"}, name="africastalking"),
    path("ussd/africastalking/<str:secret>/", views.ussd, {"provider": "africastalking_ussd"}, name="ussd"),
    path("whatsapp/twilio/", views.inbound, {"provider": "twilio_whatsapp"}, name="whatsapp"),
    path("sms/twilio/", views.inbound, {"provider": "twilio"}, name="twilio"),
]
