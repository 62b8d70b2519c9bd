"""Demo members, a moderator and an administrator with two-step sign-in, the story index and fictional
stories in every status."""

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from gsn_site.demo import demo_password, demo_totp_secret, get_or_create_page, give_demo_authenticator
from home.models import ChapterPage, HomePage
from members.models import MemberProfile

from .models import MODERATORS_GROUP, StoryConsent, StoryIndexPage, StoryPage, StoryStatus
from .submission import body_stream

MEMBER_PASSWORD = "demo-member-password"
MODERATOR_PASSWORD = "demo-moderator-password"
# A fixed, public demo secret so that the printed moderator login works with any authenticator app.
MODERATOR_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
ADMINISTRATOR_USERNAME = "administrator"
ADMINISTRATOR_PASSWORD = "demo-administrator-password"
ADMINISTRATOR_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"

MEMBERS = [
    ("amani", "Mwangaza", "sample-chapter-kenya", "sw"),
    ("priya", "Asha R.", "sample-chapter-india", "hi"),
    ("sokha", "Chantha", "sample-chapter-cambodia", "km"),
]

INDEX_TITLES = {
    "en": "Stories",
    "es": "Historias",
    "fr": "Récits",
    "pt": "Histórias",
    "hi": "कहानियाँ",
    "sw": "Hadithi",
    "km": "រឿងរ៉ាវ",
    "ar": "قصص",
}
INDEX_INTRO = {
    "en": "Survivor leaders of the network tell their own stories, in their own words. All stories here are fictional demo content.",
    "es": "Líderes sobrevivientes de la red cuentan sus propias historias. Todas las historias aquí son ficticias.",
    "fr": "Des leaders survivants du réseau racontent leur propre histoire. Tous ces récits sont fictifs.",
    "pt": "Líderes sobreviventes da rede contam suas próprias histórias, com suas próprias palavras. Todas as histórias aqui são conteúdo fictício de demonstração.",
    "hi": "नेटवर्क के उत्तरजीवी नेता अपनी कहानियाँ अपने शब्दों में सुनाते हैं। यहाँ की सभी कहानियाँ प्रदर्शन के लिए काल्पनिक हैं।",
    "sw": "Viongozi manusura wa mtandao wanasimulia hadithi zao wenyewe, kwa maneno yao wenyewe. Hadithi zote hapa ni za kubuni kwa ajili ya maonyesho.",
    "km": "អ្នកដឹកនាំដែលជាអ្នករួចរស់ជីវិតនៃបណ្តាញ និទានរឿងផ្ទាល់ខ្លួនរបស់ពួកគេ ដោយពាក្យសម្តីរបស់ពួកគេផ្ទាល់។ រឿងទាំងអស់នៅទីនេះ ជាខ្លឹមសារប្រឌិតសម្រាប់ការបង្ហាញ។",
    "ar": "يروي قادة الشبكة من الناجين قصصهم بأنفسهم، وبكلماتهم الخاصة. كل القصص هنا محتوى تجريبي خيالي.",
}

S = StoryStatus
# (slug, owner, language, status, title, summary, paragraphs, themes, casework, country, translations)
STORIES = [
    (
        "a-new-morning",
        "amani",
        "en",
        S.PUBLISHED,
        "A new morning",
        "After years of work I never chose, I learned to plan my own day again.",
        [
            "This is a fictional story written for the demo.",
            "Every morning I make tea and write one thing I want to do that day.",
        ],
        ["resilience", "work"],
        "forced_labour",
        "Kenya",
        {
            "es": (
                "Una nueva mañana",
                "Después de años de trabajo forzado, aprendí a planear mi propio día.",
                [
                    "Esta es una historia ficticia escrita para la demostración.",
                    "Cada mañana preparo té y escribo algo que quiero hacer.",
                ],
            )
        },
    ),
    (
        "sauti-yangu",
        "amani",
        "sw",
        S.PUBLISHED,
        "Sauti yangu",
        "Nilipata sauti yangu katika kikundi cha manusura.",
        ["Hii ni hadithi ya kubuni kwa ajili ya maonyesho.", "Leo ninawasaidia wengine kusimama."],
        ["leadership"],
        "sex_trafficking",
        "Kenya",
        {},
    ),
    (
        "court-day",
        "amani",
        "en",
        S.IN_REVIEW,
        "The day in court",
        "Testifying was the hardest thing I have done.",
        ["A fictional story for the demo.", "I was not alone: my caseworker sat behind me."],
        ["justice"],
        "sex_trafficking",
        "Kenya",
        {},
    ),
    (
        "meri-behen",
        "priya",
        "hi",
        S.PUBLISHED,
        "मेरी बहन",
        "मेरी बहन और मैंने साथ मिलकर नया जीवन शुरू किया।",
        ["यह प्रदर्शन के लिए एक काल्पनिक कहानी है।", "आज हम दोनों अपने गाँव के बच्चों को पढ़ाते हैं।"],
        ["family", "healing"],
        "bonded_labour",
        "India",
        {},
    ),
    (
        "the-brick-kiln",
        "priya",
        "en",
        S.PUBLISHED,
        "Leaving the brick kiln",
        "Our family left the kiln together, and we kept our promise to each other.",
        ["A fictional story written for the demo.", "The first night away from the kiln, nobody slept."],
        ["family", "work"],
        "bonded_labour",
        "India",
        {
            "hi": (
                "ईंट भट्ठे को छोड़ना",
                "हमारा परिवार एक साथ भट्ठे से निकला।",
                ["यह एक काल्पनिक कहानी है।", "पहली रात कोई नहीं सोया।"],
            )
        },
    ),
    (
        "school-again",
        "priya",
        "hi",
        S.CHANGES_REQUESTED,
        "फिर से स्कूल",
        "तीस साल की उम्र में मैं फिर से स्कूल गई।",
        ["यह एक काल्पनिक कहानी है।", "मेरे शिक्षक का नाम ... (हटाया जाना चाहिए)"],
        ["healing"],
        "bonded_labour",
        "India",
        {},
    ),
    (
        "draft-notes",
        "priya",
        "en",
        S.DRAFT,
        "Notes I am still writing",
        "A draft I have not sent yet.",
        ["Fictional draft text for the demo."],
        [],
        "",
        "India",
        {},
    ),
    (
        "river-of-hope",
        "sokha",
        "km",
        S.PUBLISHED,
        "ទន្លេនៃក្តីសង្ឃឹម",
        "ខ្ញុំបានរៀនជឿជាក់លើខ្លួនឯងម្តងទៀត។",
        ["នេះជារឿងប្រឌិតសម្រាប់ការបង្ហាញ។", "ថ្ងៃនេះខ្ញុំជួយស្ត្រីផ្សេងទៀត។"],
        ["resilience", "healing"],
        "osec",
        "Cambodia",
        {},
    ),
    (
        "speaking-up",
        "sokha",
        "en",
        S.PUBLISHED,
        "Speaking up",
        "The first time I spoke at a meeting of officials, my hands shook.",
        ["A fictional story for the demo.", "Now I speak for the chapter at every district meeting."],
        ["advocacy", "leadership"],
        "osec",
        "Cambodia",
        {
            "fr": (
                "Prendre la parole",
                "La première fois que j’ai parlé devant des responsables, mes mains tremblaient.",
                ["Un récit fictif pour la démonstration.", "Aujourd’hui je parle pour la section à chaque réunion."],
            ),
            "ar": (
                "أن أتكلم",
                "في أول مرة تحدثت فيها أمام المسؤولين، ارتجفت يداي.",
                ["قصة خيالية لأغراض العرض.", "اليوم أتحدث باسم الفرع في كل اجتماع."],
            ),
        },
    ),
    (
        "a-letter",
        "sokha",
        "en",
        S.WITHDRAWN,
        "A letter to my younger self",
        "What I would tell the girl I was.",
        ["A fictional story for the demo, later withdrawn by its teller."],
        ["healing"],
        "osec",
        "Cambodia",
        {},
    ),
    (
        "nuevo-camino",
        "amani",
        "es",
        S.PUBLISHED,
        "Un camino nuevo",
        "Con el grupo de sobrevivientes encontré un trabajo digno.",
        ["Esta es una historia ficticia para la demostración.", "Hoy ahorro para mis hijos."],
        ["work"],
        "forced_labour",
        "Peru",
        {},
    ),
    (
        "terra",
        "sokha",
        "pt",
        S.IN_REVIEW,
        "Nossa terra",
        "Lutamos juntas para recuperar a terra da minha mãe.",
        ["Uma história fictícia para a demonstração."],
        ["justice", "family"],
        "property_grabbing",
        "Brazil",
        {},
    ),
    (
        "sawt",
        "priya",
        "ar",
        S.PUBLISHED,
        "صوتي",
        "وجدت صوتي بين الناجيات.",
        ["هذه قصة خيالية لأغراض العرض.", "أساعد اليوم نساء أخريات."],
        ["leadership", "healing"],
        "vawc",
        "India",
        {},
    ),
]


def get_or_create_member(username, pseudonym, chapter_slug, language):
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_password(demo_password(MEMBER_PASSWORD))
        user.save()
        MemberProfile.objects.create(
            user=user,
            pseudonym=pseudonym,
            chapter=ChapterPage.objects.filter(slug=chapter_slug).first(),
            preferred_language=language,
        )
    return user


def get_or_create_moderator():
    user, created = get_user_model().objects.get_or_create(username="moderator", defaults={"is_staff": True})
    if created:
        user.set_password(demo_password(MODERATOR_PASSWORD))
        user.save()
        user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        give_demo_authenticator(user, MODERATOR_TOTP_SECRET)
    return user


def get_or_create_administrator():
    user, created = get_user_model().objects.get_or_create(
        username=ADMINISTRATOR_USERNAME, defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_password(demo_password(ADMINISTRATOR_PASSWORD))
        user.save()
        give_demo_authenticator(user, ADMINISTRATOR_TOTP_SECRET)
    return user


def create_demo_story(
    index, owner, moderator, slug, language, status, title, summary, paragraphs, themes, casework, country, translations
):
    page = StoryPage(
        slug=slug,
        owner=owner,
        live=False,
        byline=owner.member_profile.pseudonym,
        original_language=language,
        themes=themes,
        casework_type=casework,
        country=country,
    )
    page.title_en = title
    for code, (t_title, t_summary, t_paragraphs) in {language: (title, summary, paragraphs), **translations}.items():
        setattr(page, f"title_{code}", t_title)
        setattr(page, f"summary_{code}", t_summary)
        setattr(page, f"body_{code}", body_stream("\n\n".join(t_paragraphs)))
    if "court" in slug:
        page.content_notes_en = "Describes a court hearing."
    index.add_child(instance=page)
    page.save_revision(user=owner)
    StoryConsent.objects.create(story=page, publish=True, translate=bool(translations), quote=False, images=False)
    if status == S.DRAFT:
        return page
    state = page.submit_for_review(owner)
    if status == S.CHANGES_REQUESTED:
        state.current_task_state.reject(
            user=moderator, comment="Please remove the teacher's name: it could identify you."
        )
    elif status in (S.PUBLISHED, S.WITHDRAWN):
        state.current_task_state.approve(user=moderator, comment="")
        page.refresh_from_db()
        if status == S.WITHDRAWN:
            page.withdraw(owner)
    return page


def seed(stdout):
    home = HomePage.objects.first()
    members = {username: get_or_create_member(username, *rest) for username, *rest in MEMBERS}
    moderator = get_or_create_moderator()
    administrator = get_or_create_administrator()
    index, _created = get_or_create_page(
        home, StoryIndexPage, "stories", show_in_menus=True, translations={"title": INDEX_TITLES, "intro": INDEX_INTRO}
    )
    created = 0
    for slug, owner, language, status, *rest in STORIES:
        if StoryPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        create_demo_story(index, members[owner], moderator, slug, language, status, *rest)
        created += 1
    if created:
        stdout.write(f"Created {created} demo stories.")
    stdout.write(f"Members (password {demo_password(MEMBER_PASSWORD)}): " + ", ".join(members))
    totp_url = get_mfa_adapter().build_totp_url(moderator, demo_totp_secret(MODERATOR_TOTP_SECRET))
    stdout.write(
        f"Moderator: moderator / {demo_password(MODERATOR_PASSWORD)}; two-step sign-in secret {demo_totp_secret(MODERATOR_TOTP_SECRET)} ({totp_url})"
    )
    totp_url = get_mfa_adapter().build_totp_url(administrator, demo_totp_secret(ADMINISTRATOR_TOTP_SECRET))
    stdout.write(
        f"Administrator: {ADMINISTRATOR_USERNAME} / {demo_password(ADMINISTRATOR_PASSWORD)}; "
        f"two-step sign-in secret {demo_totp_secret(ADMINISTRATOR_TOTP_SECRET)} ({totp_url})"
    )
    return index
