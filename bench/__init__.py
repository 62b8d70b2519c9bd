"""Benchmark and load-test tooling: `make bench`, `make loadtest` and the bulk data they build.

Never imported by the site itself. The `bench` management command exists only under
bench.settings, which adds this package to the production settings' INSTALLED_APPS.
"""
