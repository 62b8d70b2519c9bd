from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from .importer import SUPPORTED_EXTENSIONS


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return cleaned

    def period(self):
        """(from, to), either None; an invalid period is the whole time."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")


class AssessmentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("ASO file"),
        help_text=_("CSV (UTF-8) or XLSX, with the columns described in the import guide."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in SUPPORTED_EXTENSIONS:
            raise forms.ValidationError(_("Only CSV and XLSX files can be imported."))
        return upload
