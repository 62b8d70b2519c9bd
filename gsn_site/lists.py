"""Lists written in a sentence, with the separator of the reader's language ("، " in Arabic)."""

from django.utils.translation import pgettext


def list_text(items):
    """`items` joined as the current language separates the items of a list in running text."""
    # Translators: what separates the items of a list in a sentence ("a, b, c"); Arabic writes "، ".
    separator = pgettext("list separator", ", ")
    return separator.join(str(item) for item in items)
