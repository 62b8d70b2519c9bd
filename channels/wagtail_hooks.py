from wagtail import hooks

from .panels import TextChannelsPanel


@hooks.register("register_program_panels")
def program_text_channel_panels():
    """On the program's screen: its keyword, USSD menu number and SMS cost per language."""
    return [TextChannelsPanel()]
