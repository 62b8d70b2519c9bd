from django.urls import path
from wagtail import hooks

from .admin_views import program_card
from .panels import TextChannelsPanel


@hooks.register("register_program_panels")
def program_text_channel_panels():
    """On the program's screen: its keyword, USSD menu number and SMS cost per language."""
    return [TextChannelsPanel()]


@hooks.register("register_admin_urls")
def register_channel_admin_urls():
    return [path("channels/programs/<int:pk>/card/", program_card, name="channels_program_card")]
