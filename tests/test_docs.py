"""Every citation of the manual resolves inside the repository.

Code, templates, README.md and the manual cite pages as `docs/<page>.md` and the privacy and safety
rules as "rule N" (docs/rules.md); a link between pages may name a heading. Each must exist, README
stays an entry page of at most 200 lines, and every page of the manual is reachable from its index.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
RULES_PAGE = DOCS / "rules.md"
README_MAX_LINES = 200

SKIPPED_DIRS = {".git", ".venv", ".venv-newest", "node_modules", "locale", "static", "media", "artifacts"}
SCANNED_SUFFIXES = {".py", ".html", ".md", ".sh", ".toml", ".js", ".css", ".txt"}
SCANNED_NAMES = {"Makefile", "run"}

DOCS_PATH = re.compile(r"(?<![\w./-])docs/[\w][\w./-]*")
# "rule 6", "privacy rule 5", "rules 3, 4", "Rule 1", "rules 3 and 4"
RULE_CITATION = re.compile(r"\b[Rr]ules? (\d+(?:(?:, | and )\d+)*)\b")
RULE_HEADING = re.compile(r"^## Rule (\d+):", re.MULTILINE)
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#+ (.+)$", re.MULTILINE)


def scanned_files():
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if any(part in SKIPPED_DIRS for part in relative.parts[:-1]) or not path.is_file():
            continue
        if path.suffix in SCANNED_SUFFIXES or path.name in SCANNED_NAMES:
            yield path


def cited_docs_paths(text):
    for match in DOCS_PATH.finditer(text):
        # A path ends before sentence punctuation; an anchor is checked with the links below.
        yield match.group(0).rstrip(".,;:)").split("#")[0]


def cited_rules(text):
    for match in RULE_CITATION.finditer(text):
        yield from (int(number) for number in re.findall(r"\d+", match.group(1)))


def github_anchor(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*]", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(markdown_path):
    return {github_anchor(heading) for heading in HEADING.findall(markdown_path.read_text())}


def broken_links(markdown_path):
    """Relative links of a Markdown file whose file, or heading, does not exist."""
    broken = []
    for target in MARKDOWN_LINK.findall(markdown_path.read_text()):
        if re.match(r"^[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (markdown_path.parent / file_part).resolve() if file_part else markdown_path
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(target)
    return broken


def test_every_cited_docs_path_exists():
    missing = [
        f"{path.relative_to(ROOT)}: {cited}"
        for path in scanned_files()
        for cited in cited_docs_paths(path.read_text(errors="replace"))
        if not (ROOT / cited).exists()
    ]
    assert missing == []


def test_every_cited_rule_is_on_the_rules_page():
    rules = {int(number) for number in RULE_HEADING.findall(RULES_PAGE.read_text())}
    assert rules == set(range(1, 9))
    unknown = [
        f"{path.relative_to(ROOT)}: rule {number}"
        for path in scanned_files()
        for number in cited_rules(path.read_text(errors="replace"))
        if number not in rules
    ]
    assert unknown == []


def test_the_code_cites_the_rules_it_keeps():
    """The modules that keep rules 5 and 6 say so, so that a reader finds the rule from the code."""
    assert "privacy rule 5" in (ROOT / "gsn_site/privacy.py").read_text()
    assert "privacy rule 6" in (ROOT / "gsn_site/structured_logging.py").read_text()


def test_links_between_pages_resolve():
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "SECURITY.md", *DOCS.rglob("*.md")]
    broken = {str(page.relative_to(ROOT)): broken_links(page) for page in pages}
    assert {page: links for page, links in broken.items() if links} == {}


def test_every_page_of_the_manual_is_linked_from_the_index():
    index = DOCS / "index.md"
    linked = {
        (index.parent / target.partition("#")[0]).resolve() for target in MARKDOWN_LINK.findall(index.read_text())
    }
    pages = {page.resolve() for page in DOCS.rglob("*.md")} - {index.resolve()}
    assert sorted(str(page.relative_to(ROOT)) for page in pages - linked) == []


def test_readme_is_an_entry_page():
    assert len((ROOT / "README.md").read_text().splitlines()) <= README_MAX_LINES


def test_the_checks_find_what_they_look_for():
    """The patterns above must match the ways the code writes citations, or the tests prove nothing."""
    assert list(cited_docs_paths("see docs/rules.md, and `docs/guides/member.md#x`.")) == [
        "docs/rules.md",
        "docs/guides/member.md",
    ]
    assert list(cited_docs_paths("https://example.org/wagtail/docs/rules.md")) == []
    assert list(cited_rules("(privacy rule 6); rules 3, 4 and rules 2 and 7; Rule 1: quick exit")) == [6, 3, 4, 2, 7, 1]
    assert (
        github_anchor('Answers to survivors ("You said / We did / Next")')
        == "answers-to-survivors-you-said--we-did--next"
    )
