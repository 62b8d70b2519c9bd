"""RSS and Atom feeds of the published stories, one per language (the URL carries the language)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class StoryRssFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Stories from the Global Survivor Network")

    def link(self):
        return self.index_page.url

    def description(self):
        return _("Stories written by survivor leaders, in their own words.")

    def items(self):
        return self.index_page.stories().order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.text_in_content_language("title")

    def item_description(self, item):
        return item.text_in_content_language("summary")

    def item_link(self, item):
        return item.url

    def item_author_name(self, item):
        return item.byline

    def item_pubdate(self, item):
        return item.first_published_at


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    subtitle = StoryRssFeed.description
