"""Demo releases: every closed period of the demo programs is released, as the worker would."""

from .releases import make_releases


def seed(stdout):
    built = make_releases()
    stdout.write(f"Releases: {len(built)} stored.\n")
