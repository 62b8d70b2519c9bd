import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from members.models import InvitationCode, MemberProfile
from stories.models import StoryConsent, StoryIndexPage, StoryPage
from stories.submission import body_stream

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MemberFactory(factory.django.DjangoModelFactory):
    """A MemberProfile with its user; `MemberFactory().user` is the member."""

    class Meta:
        model = MemberProfile

    user = factory.SubFactory(UserFactory)
    pseudonym = factory.Sequence(lambda n: f"Teller {n}")
    preferred_language = "en"


class ModeratorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def moderators_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name="Moderators"))


class InvitationCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InvitationCode


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"


class StoryPageFactory(wagtail_factories.PageFactory):
    """A story written in `original_language`, with a draft revision and full consent."""

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    live = False
    summary = "A short summary."
    byline = "Teller"
    original_language = "en"
    body = factory.LazyFunction(lambda: body_stream("First paragraph.\n\nSecond paragraph."))
    themes = factory.LazyFunction(lambda: ["resilience"])
    country = "Kenya"

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        if create:
            StoryConsent.objects.create(story=obj, **{"publish": True, "translate": True, **(extracted or {})})
            obj.save_revision(user=obj.owner)
