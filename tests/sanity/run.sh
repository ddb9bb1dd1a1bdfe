#!/usr/bin/env bash
# Runs `ansible-test sanity` offline on a copy of the collection laid out the way
# ansible-test wants it (ansible_collections/<ns>/<name>, amazon.aws beside it),
# with HOME inside the checkout so nothing lands in the user's home folder.
# Usage: tests/sanity/run.sh [ansible-test sanity options...]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
venv_bin="$root/.venv/bin"
work="$root/.cache/sanity"
copy="$work/ansible_collections/lattice/multi_account"
amazon_aws=$("$venv_bin/python" -c 'import ansible_collections.amazon.aws as m; print(m.__path__[0])')

export HOME="$work/home"
# The venv's tools (shellcheck among them), also when called outside make.
export PATH="$venv_bin:$PATH"
pip_version=$("$venv_bin/python" -c 'import re, ansible_test._internal.python_requirements as r, inspect; print(re.search(r"pip=.([0-9.]+)", inspect.getsource(r.get_venv_packages)).group(1))')
mkdir -p "$HOME/.ansible/test/cache"
cp "$root/tests/sanity/get_pip.py" "$HOME/.ansible/test/cache/get_pip_${pip_version//./_}.py"

# The sandbox is not part of the collection (galaxy.yml build_ignore), so it is
# not held to the collection's sanity rules; its own tests run under pytest.
rm -rf "$copy"
mkdir -p "$copy" "$work/ansible_collections/amazon"
(cd "$root" && git ls-files -co --exclude-standard -z | grep -zv '^sandbox/' | xargs -0 cp --parents -t "$copy")
# Its own (empty) git repository, or ansible-test would see the checkout's
# .gitignore, which hides this folder, and test nothing.
git -C "$copy" init -q
ln -sfn "$amazon_aws" "$work/ansible_collections/amazon/aws"

cd "$copy"
exec "$venv_bin/ansible-test" sanity --venv --python 3.11 --color no "$@"
