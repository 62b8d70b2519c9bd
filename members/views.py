"""Joining the site: allauth's signup behind an invitation code."""

from allauth.account.views import SignupView

from .forms import InvitationSignupForm


class InvitationSignupView(SignupView):
    """allauth's signup, with the invitation code filled in from the link on a printed slip."""

    def get_initial(self):
        initial = super().get_initial()
        code = self.request.GET.get("code", "").strip()
        if code:
            initial["invitation_code"] = code[: InvitationSignupForm.base_fields["invitation_code"].max_length]
        return initial

    def form_invalid(self, form):
        # Like every other public form: refused input comes back with its errors and a 4xx.
        response = super().form_invalid(form)
        response.status_code = 400
        return response


signup = InvitationSignupView.as_view()
