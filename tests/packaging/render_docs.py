"""Regenerate (or check) the generated files of the collection: docs/ and the changelog.

docs/ is the module and role reference rendered by antsibull-docs from the
DOCUMENTATION strings and meta/argument_specs.yml files; CHANGELOG.rst and
changelogs/changelog.yaml are rendered by antsibull-changelog from
changelogs/fragments/ and the plugins and roles present.

    python tests/packaging/render_docs.py          # rewrite docs/ and the changelog
    python tests/packaging/render_docs.py --check  # exit 1 and list what is stale

The check renders into a temporary folder and compares, so it never touches
the checkout; tests/packaging/test_docs_in_sync.py runs it under pytest.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COLLECTION = "lattice.multi_account"
# What antsibull-changelog reads to build a release entry: fragments, config and
# the previous changelog.yaml, plus the plugins and roles it lists as "new".
CHANGELOG_INPUTS = ("galaxy.yml", "changelogs", "plugins", "roles", "playbooks", "meta")
CHANGELOG_OUTPUTS = ("CHANGELOG.rst", "changelogs/changelog.yaml")


def _env() -> dict[str, str]:
    """antsibull-docs shells out to `ansible-doc`/`ansible-galaxy` by name: put this
    interpreter's bin folder first, and make the checkout (through its
    .collections link) the only lattice.multi_account it can find."""
    link = ROOT / ".collections" / "ansible_collections" / "lattice" / "multi_account"
    if not link.exists():
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(Path("..", "..", ".."))
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["ANSIBLE_COLLECTIONS_PATH"] = str(ROOT / ".collections")
    env.pop("ANSIBLE_CONFIG", None)
    return env


def _run(args: list[str], cwd: Path) -> None:
    result = subprocess.run(args, cwd=cwd, env=_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def render_docs(dest: Path) -> None:
    """simplified-rst renders plain RST pages that GitHub displays without Sphinx;
    `--cleanup everything` removes pages of modules that no longer exist."""
    dest.mkdir(parents=True, exist_ok=True)
    dest.chmod(0o755)  # antsibull-docs refuses a destination others can write to
    _run(
        [
            _tool("antsibull-docs"), "collection", "--use-current", "--squash-hierarchy",
            "--output-format", "simplified-rst", "--no-add-antsibull-docs-version",
            "--fail-on-error", "--cleanup", "everything", "--dest-dir", str(dest), COLLECTION,
        ],
        cwd=ROOT,
    )


def _galaxy_version(root: Path) -> str:
    return str(yaml.safe_load((root / "galaxy.yml").read_text())["version"])


def _release_date(root: Path, version: str) -> str | None:
    """Keeps the recorded date, so that regenerating an unchanged release is a no-op."""
    changes = root / "changelogs" / "changelog.yaml"
    if not changes.exists():
        return None
    release = (yaml.safe_load(changes.read_text()) or {}).get("releases", {}).get(version)
    return str(release["release_date"]) if release and release.get("release_date") else None


def render_changelog(root: Path) -> None:
    """(Re)writes the entry of the version in galaxy.yml from every fragment and the
    plugins and roles present, keeping its date."""
    version = _galaxy_version(root)
    # --refresh: fragments are kept, so edits to ones already released count too.
    args = [_tool("antsibull-changelog"), "release", "--version", version, "--reload-plugins", "--update-existing", "--refresh-fragments"]
    date = _release_date(root, version)
    if date:
        args += ["--date", date]
    _run([_tool("antsibull-changelog"), "lint"], cwd=root)
    _run(args, cwd=root)


def _tree_diff(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ, are missing from `actual` or are extra in it."""
    stale = []
    cmp = filecmp.dircmp(expected, actual)
    pending = [(cmp, Path())]
    while pending:
        node, rel = pending.pop()
        stale += [str(rel / name) + " (missing)" for name in node.left_only]
        stale += [str(rel / name) + " (not generated)" for name in node.right_only]
        mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)[1:]
        stale += [str(rel / name) for name in mismatch + errors]
        pending += [(sub, rel / name) for name, sub in node.subdirs.items()]
    return sorted(stale)


def stale_docs() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "docs"
        render_docs(fresh)
        current = ROOT / "docs"
        if not current.is_dir():
            return ["docs/ (missing)"]
        return ["docs/" + name for name in _tree_diff(fresh, current)]


def stale_changelog(reuse_plugin_cache: bool = False) -> list[str]:
    """The changelog outputs that differ from what the inputs give. The plugin cache is
    rebuilt (ansible-doc over every plugin, most of the cost) unless ``reuse_plugin_cache``:
    only for callers that changed no plugin since the cache was written."""
    ignored = ("__pycache__",) if reuse_plugin_cache else ("__pycache__", ".plugin-cache.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for name in CHANGELOG_INPUTS:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, copy / name, ignore=shutil.ignore_patterns(*ignored))
            elif src.exists():
                shutil.copy2(src, copy / name)
        render_changelog(copy)
        return [
            name
            for name in CHANGELOG_OUTPUTS
            if not (ROOT / name).exists() or (ROOT / name).read_bytes() != (copy / name).read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report stale files instead of rewriting them")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_docs() + stale_changelog()
        for name in stale:
            print(f"out of date: {name}")
        if stale:
            print("run `make docs` (python tests/packaging/render_docs.py) and commit the result")
        return 1 if stale else 0
    render_docs(ROOT / "docs")
    render_changelog(ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
