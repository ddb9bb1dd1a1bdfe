"""docs/, CHANGELOG.rst and changelogs/changelog.yaml must match what the generators
produce from the current sources; `make docs` rewrites them."""

from __future__ import annotations

import shutil

import pytest

import render_docs


def test_docs_match_the_module_and_role_sources():
    assert render_docs.stale_docs() == [], "docs/ is out of date: run `make docs`"


def test_changelog_holds_every_fragment_plugin_and_role():
    assert render_docs.stale_changelog() == [], "the changelog is out of date: run `make docs`"


def test_changelog_fragments_pass_antsibull_changelog_lint():
    render_docs._run([render_docs._tool("antsibull-changelog"), "lint"], cwd=render_docs.ROOT)


def test_the_docs_comparison_sees_an_edit_a_removal_and_an_extra_page(tmp_path):
    """Guards the checker itself: a comparison that always passed would let docs/ drift."""
    fresh = tmp_path / "fresh"
    render_docs.render_docs(fresh)
    pages = sorted(p.name for p in fresh.iterdir() if p.suffix == ".rst")
    assert "index.rst" in pages
    committed = tmp_path / "committed"
    shutil.copytree(fresh, committed)
    assert render_docs._tree_diff(fresh, committed) == []

    (committed / "index.rst").write_text((committed / "index.rst").read_text() + "\nhand edit\n")
    (committed / "removed_module.rst").write_text("a page for a module that no longer exists\n")
    assert render_docs._tree_diff(fresh, committed) == ["index.rst", "removed_module.rst (not generated)"]

    (committed / "index.rst").unlink()
    assert "index.rst (missing)" in render_docs._tree_diff(fresh, committed)


@pytest.mark.parametrize("change", ["new fragment", "edited fragment"])
def test_a_fragment_change_makes_the_changelog_stale(change, tmp_path, monkeypatch):
    """A fragment added, or one of the current release edited, without regenerating
    must be reported."""
    root = tmp_path / "checkout"
    for name in render_docs.CHANGELOG_INPUTS + render_docs.CHANGELOG_OUTPUTS:
        src = render_docs.ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__", ".plugin-cache.yaml"))
        elif src.exists():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / name)
    monkeypatch.setattr(render_docs, "ROOT", root)
    render_docs.render_changelog(root)
    # Only fragments change here: the plugin cache render_changelog just wrote still holds.
    assert render_docs.stale_changelog(reuse_plugin_cache=True) == []

    fragments = root / "changelogs" / "fragments"
    if change == "new fragment":
        (fragments / "extra.yml").write_text("bugfixes:\n  - something changed.\n")
    else:
        (fragments / "0.1.0.yml").write_text("release_summary: A different summary.\n")
    assert render_docs.stale_changelog(reuse_plugin_cache=True) == list(render_docs.CHANGELOG_OUTPUTS)
