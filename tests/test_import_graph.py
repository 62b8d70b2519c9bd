"""Dependencies run one way (docs/architecture.md, "Layout"): the core imports no app except where
settings and urls.py wire them; home imports no other app; stories and feedback never import each
other; nothing imports back into outcomes; no app imports the benchmark code.

reporting (periods, the perturbation table, releases, the attacker) sits just above the core: it may
import the core and programs, and feedback and outcomes import it. It never imports the apps that
own records (feedback, outcomes) nor stories, home or members, not even inside a function: those
apps register their source of figures with reporting.sources in their AppConfig.ready.

The check reads every first-party module with `ast` (imports inside functions included), so a local
import cannot hide a cycle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Module prefix -> layer. The longest prefix wins.
LAYERS = {
    "gsn_site": "core",
    "home": "home",
    "members": "members",
    "programs": "programs",
    "stories": "stories",
    "feedback": "feedback",
    "outcomes": "outcomes",
    "reporting": "reporting",
    "channels": "channels",
    "bench": "bench",
}

# What each layer may import, besides itself and third-party code.
ALLOWED = {
    "core": set(),
    "home": {"core"},
    "members": {"core", "home"},
    "programs": {"core"},
    "stories": {"core", "home", "members", "programs"},
    "reporting": {"core", "programs"},
    "feedback": {"core", "home", "programs", "reporting"},
    "outcomes": {"core", "programs", "feedback", "reporting"},
    # Text channels feed feedback's one submission path; nothing but settings and urls imports them.
    "channels": {"core", "programs", "feedback"},
    "bench": {"core", "home", "members", "programs", "stories", "feedback", "outcomes", "reporting", "channels"},
}

# The places that wire the apps together: the core may import apps here, and only here.
WIRING = ("gsn_site/urls.py", "gsn_site/settings/")


def layer_of(module):
    matches = [prefix for prefix in LAYERS if module == prefix or module.startswith(prefix + ".")]
    return LAYERS[max(matches, key=len)] if matches else None


def module_name(path):
    return ".".join(Path(path).with_suffix("").parts)


def imported_modules(source, module):
    """Every absolute module name the source imports, relative imports resolved against `module`."""
    package = module.split(".")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module
            yield node.lineno, name
            # `from package import module`: count the module too, in case its layer is not the package's.
            for alias in node.names:
                if layer_of(f"{name}.{alias.name}") != layer_of(name):
                    yield node.lineno, f"{name}.{alias.name}"


def forbidden_imports(sources):
    """[(path:line, importing layer, imported module)] for every import against the layering."""
    found = []
    for path, source in sources.items():
        if path.startswith(WIRING):
            continue
        module = module_name(path)
        source_layer = layer_of(module)
        if source_layer is None:
            continue
        for line, name in imported_modules(source, module):
            target_layer = layer_of(name)
            if target_layer and target_layer != source_layer and target_layer not in ALLOWED[source_layer]:
                found.append((f"{path}:{line}", source_layer, name))
    return sorted(set(found))


def first_party_sources():
    sources = {}
    for prefix in {prefix.split(".")[0] for prefix in LAYERS}:
        for path in (ROOT / prefix).rglob("*.py"):
            sources[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return sources


def test_the_code_follows_the_layering():
    assert forbidden_imports(first_party_sources()) == []


def test_every_python_package_of_the_project_has_a_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages <= {prefix.split(".")[0] for prefix in LAYERS}


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("gsn_site/privacy.py", "from stories.models import StoryPage\n", ("core", "stories.models", 1)),
        ("home/models.py", "def f():\n    from stories.models import StoryIndexPage\n", ("home", "stories.models", 2)),
        ("feedback/views.py", "import stories.forms\n", ("feedback", "stories.forms", 1)),
        ("stories/views.py", "from feedback.models import Program\n", ("stories", "feedback.models", 1)),
        (
            "feedback/reports.py",
            "from outcomes.models import OutcomeSettings\n",
            ("feedback", "outcomes.models", 1),
        ),
        ("feedback/reports.py", "from outcomes import reports\n", ("feedback", "outcomes", 1)),
        ("programs/models.py", "from feedback.models import FeedbackResponse\n", ("programs", "feedback.models", 1)),
        ("members/forms.py", "from stories.models import StoryPage\n", ("members", "stories.models", 1)),
        ("stories/models.py", "from bench.data import build\n", ("stories", "bench.data", 1)),
        (
            "reporting/releases.py",
            "from feedback.models import FeedbackResponse\n",
            ("reporting", "feedback.models", 1),
        ),
        (
            "reporting/audit.py",
            "def f():\n    from outcomes.models import AsoAssessment\n",
            ("reporting", "outcomes.models", 2),
        ),
        ("stories/views.py", "from reporting.releases import build_release\n", ("stories", "reporting.releases", 1)),
        ("feedback/views.py", "from channels.engine import reply\n", ("feedback", "channels.engine", 1)),
        ("programs/models.py", "import channels.models\n", ("programs", "channels.models", 1)),
        ("channels/views.py", "from stories.models import StoryPage\n", ("channels", "stories.models", 1)),
        ("channels/engine.py", "from outcomes import models\n", ("channels", "outcomes", 1)),
    ],
)
def test_a_forbidden_import_is_found(path, source, expected):
    layer, module, line = expected
    assert forbidden_imports({path: source}) == [(f"{path}:{line}", layer, module)]


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("gsn_site/urls.py", "from stories import urls\n"),
        ("gsn_site/settings/base.py", "import feedback\n"),
        ("outcomes/views.py", "from feedback.models import Program\n"),
        ("stories/models.py", "from home.models import ChapterPage\n"),
        ("stories/views.py", "from members.models import MemberProfile\n"),
        ("feedback/models.py", "from programs.outcome_domains import OutcomeDomainCode\n"),
        ("feedback/release_tables.py", "from reporting.sources import Source\n"),
        ("outcomes/release_tables.py", "from reporting.sources import Source\n"),
        ("reporting/releases.py", "from programs.models import Program\n"),
        ("channels/conversations.py", "from feedback.submission import store_response\n"),
        ("gsn_site/urls.py", "from channels import views\n"),
    ],
)
def test_an_allowed_import_passes(path, source):
    assert forbidden_imports({path: source}) == []
