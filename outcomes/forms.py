from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from .importer import SUPPORTED_EXTENSIONS


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
