"""The production settings plus the `bench` app, whose management command builds and times the dataset."""

from gsn_site.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
