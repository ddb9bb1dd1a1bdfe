"""Offline stand-in for the get-pip.py script ansible-test downloads.

ansible-test bootstraps pip into its sanity venvs with a script fetched from a
host this project cannot reach; it first looks for a cached copy, which
tests/sanity/run.sh places. Python's bundled ensurepip provides a pip that then
installs the pinned version ansible-test asks for from the package index.
"""

import subprocess
import sys

# get-pip.py options that pip itself does not know.
GET_PIP_ONLY = {"--no-setuptools", "--no-wheel"}

subprocess.check_call([sys.executable, "-m", "ensurepip", "--upgrade", "--default-pip"])
subprocess.check_call([sys.executable, "-m", "pip", "install"] + [a for a in sys.argv[1:] if a not in GET_PIP_ONLY])
