"""The words of django-allauth and Django that members see on the account pages (and a few of
Wagtail's admin that our catalogs must word differently).

Upstream has no Hindi, Swahili, Khmer or (plain) Portuguese translation for many of them. Django
looks in LOCALE_PATHS before the apps' own catalogs, so a msgid present in our locale/*.po fills
the gap (or overrides upstream wording). Listing the exact msgids here, marked with
gettext_noop/ngettext_lazy, makes `makemessages` put them into our catalogs; nothing imports this
module at run time. tests/stories/test_account_languages.py renders every account page in every
language and fails on any English left, which is how a missing string is found.

Keep each msgid exactly as upstream writes it (punctuation, curly apostrophes, placeholders).
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

ALLAUTH_PAGE_STRINGS = [
    # Sign in, sign up, sign out
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Forgot Password?"),
    # Passwords
    gettext_noop("Change Password"),
    gettext_noop("Set Password"),
    gettext_noop("Password Reset"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    gettext_noop("Reset My Password"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop("Bad Token"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  "
        'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    gettext_noop("Your password is now changed."),
    gettext_noop("Cancel"),
    # Asking for the password again
    gettext_noop("Confirm Access"),
    gettext_noop("Please reauthenticate to safeguard your account."),
    gettext_noop("Enter your password:"),
    gettext_noop("Confirm"),
    gettext_noop("Alternative options"),
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
    # Two-step sign-in
    gettext_noop("Two-Factor Authentication"),
    gettext_noop("Your account is protected by two-factor authentication. Please enter an authenticator code:"),
    gettext_noop("Enter an authenticator code:"),
    gettext_noop("Authenticator App"),
    gettext_noop("Authentication using an authenticator app is active."),
    gettext_noop("An authenticator app is not active."),
    gettext_noop("Activate"),
    gettext_noop("Deactivate"),
    gettext_noop("Deactivate Authenticator App"),
    gettext_noop("You are about to deactivate authenticator app based authentication. Are you sure?"),
    gettext_noop("Recovery Codes"),
    gettext_noop("No recovery codes set up."),
    ngettext_lazy(
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
    ),
    gettext_noop("View"),
    gettext_noop("Download"),
    gettext_noop("Download codes"),
    gettext_noop("Generate"),
    gettext_noop("Generate new codes"),
    gettext_noop("Unused codes"),
    gettext_noop("I have saved my recovery codes"),
    gettext_noop("You are about to generate a new set of recovery codes for your account."),
    gettext_noop("This action will invalidate your existing codes."),
    gettext_noop("Are you sure?"),
]

ALLAUTH_FORM_STRINGS = [
    gettext_noop("Username"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Email"),
    gettext_noop("Email (optional)"),
    gettext_noop("Email address"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Code"),
    gettext_noop("Authenticator code"),
    pgettext_lazy("field label", "Login"),
    # Errors
    gettext_noop("You must type the same password each time."),
    gettext_noop("The username and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Username can not be used. Please use other username."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect code."),
    gettext_noop("Incorrect password."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("The password reset token was invalid."),
]

ALLAUTH_MESSAGES = [
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop("Authenticator app activated."),
    gettext_noop("Authenticator app deactivated."),
    gettext_noop("A new set of recovery codes has been generated."),
]

DJANGO_STRINGS = [
    # The password rules shown under the password field, and the errors when one is broken.
    gettext_noop("Your password can’t be too similar to your other personal information."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    # The username field
    gettext_noop("A user with that username already exists."),
    gettext_noop("Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."),
    gettext_noop("This field is required."),
    # Wagtail's admin: a live page's status link. Its Brazilian Portuguese name ("… página ao vivo")
    # does not contain the word shown ("Online"), so a person using speech input cannot say it.
    gettext_noop("Visible to all. Visit the live page"),
    # Period names ("July to September") and dates: Django's Hindi catalogue misspells September
    # (सितमबर) and its Portuguese one capitalises months, which Portuguese writes in lower case.
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
