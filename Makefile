# lattice.multi_account: one entry point for users and CI.
# Everything lives in the checkout: the virtual environment in .venv/, the sandbox
# in .sandbox/, caches in .cache/. Nothing is written to the home folder.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
COLLECTION_LINK := .collections/ansible_collections/lattice/multi_account

SANDBOX_STATE_DIR ?= .sandbox
SANDBOX_PORT ?= 5100
# The sandbox is never kinder than AWS (sandbox/README.md): a new resource may not be
# readable for up to SANDBOX_LAG seconds, and Lambda refuses an IAM role younger than
# SANDBOX_IAM_PROPAGATION seconds. On for the sandbox `make deploy` starts, as in the
# sandboxes the tests deploy to (sandbox.testing.AWS_LIKE).
SANDBOX_LAG ?= 2
SANDBOX_IAM_PROPAGATION ?= 5
INVENTORY ?= inventories/sandbox
PLAYBOOK_ARGS ?=

export PATH := $(BIN):$(PATH)
export ANSIBLE_CONFIG := $(CURDIR)/ansible.cfg
# ansible-galaxy, ansible-lint and molecule keep caches under ~/.ansible otherwise.
export ANSIBLE_HOME := $(CURDIR)/.cache/ansible
export ANSIBLE_LOCAL_TEMP := $(CURDIR)/.cache/ansible/tmp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# The sandbox inventory talks to the sandbox through its AWS config file; any other
# inventory uses the caller's own AWS configuration untouched.
ifeq ($(INVENTORY),inventories/sandbox)
USES_SANDBOX := yes
# abspath: SANDBOX_STATE_DIR may be given relative to this folder or absolute.
export AWS_CONFIG_FILE := $(abspath $(SANDBOX_STATE_DIR))/aws_config
endif

.PHONY: help setup sandbox sandbox-stop deploy verify teardown check status docs \
        bench test test-static test-sandboxed test-lint test-unit test-sanity test-sandbox test-integration test-e2e test-molecule test-packaging test-interruptions

help: ## Show the targets
	@echo "lattice.multi_account - targets (run from the checkout):"
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z0-9-]+):.*## (.*)/  make \1\t\2/' | expand -t 26
	@echo
	@echo "Variables: INVENTORY=$(INVENTORY) SANDBOX_ACCOUNTS=\"$${SANDBOX_ACCOUNTS:-provider consumer}\" SANDBOX_EXTERNAL_ACCOUNTS=\"$${SANDBOX_EXTERNAL_ACCOUNTS:-}\" PLAYBOOK_ARGS=\"$(PLAYBOOK_ARGS)\""

setup: $(INSTALLED) $(COLLECTION_LINK) ## Create .venv and install everything (idempotent)

$(INSTALLED): requirements.txt requirements-test.txt
	@echo "==> Creating the virtual environment in .venv and installing requirements"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

# ansible resolves lattice.multi_account.* through this link (ansible.cfg collections_path).
$(COLLECTION_LINK):
	@mkdir -p $(dir $@)
	@ln -sfn ../../.. $@

sandbox: setup ## Start the local AWS sandbox (reuses a running one) and print its exports
	@SANDBOX_LAG=$(SANDBOX_LAG) SANDBOX_IAM_PROPAGATION=$(SANDBOX_IAM_PROPAGATION) \
		$(BIN)/python -m sandbox start --state-dir $(SANDBOX_STATE_DIR) --port $(SANDBOX_PORT)

sandbox-stop: ## Stop the local AWS sandbox
	@test ! -x $(BIN)/python || $(BIN)/python -m sandbox stop --state-dir $(SANDBOX_STATE_DIR)

deploy: setup $(if $(USES_SANDBOX),sandbox) ## Deploy the pattern (sandbox by default), then verify it
	$(BIN)/ansible-playbook playbooks/deploy.yml -i $(INVENTORY) $(PLAYBOOK_ARGS)
	$(BIN)/ansible-playbook playbooks/verify.yml -i $(INVENTORY) $(PLAYBOOK_ARGS)

verify: setup $(if $(USES_SANDBOX),sandbox) ## Check that the deployment is whole
	$(BIN)/ansible-playbook playbooks/verify.yml -i $(INVENTORY) $(PLAYBOOK_ARGS)

check: setup $(if $(USES_SANDBOX),sandbox) ## Show what a deploy would change (--check --diff), change nothing
	$(BIN)/ansible-playbook playbooks/deploy.yml -i $(INVENTORY) --check --diff $(PLAYBOOK_ARGS)

teardown: setup $(if $(USES_SANDBOX),sandbox) ## Remove everything the pattern deployed (consumers, then providers)
	$(BIN)/ansible-playbook playbooks/teardown.yml -i $(INVENTORY) $(PLAYBOOK_ARGS)

status: setup $(if $(USES_SANDBOX),sandbox) ## Draw what is connected to what and report drift from the inventory (read-only)
	$(BIN)/ansible-playbook playbooks/status.yml -i $(INVENTORY) $(PLAYBOOK_ARGS)

docs: setup ## Regenerate docs/ (modules, roles) and CHANGELOG.rst
	$(BIN)/python tests/packaging/render_docs.py

# Every suite; `.ci/run` runs exactly this. Two jobs at once: the sandboxed pytest
# session (the long one) and, beside it, ansible-lint, the unit tests and
# ansible-test sanity one after the other; each job's output is printed whole when it
# ends (--output-sync). Each pytest session starts private sandboxes (one per
# worker), so a sandbox the user has running is left alone.
test: setup ## Run every test suite
	@$(MAKE) --no-print-directory --jobs=2 --output-sync=target test-sandboxed test-static STATIC_NICE="nice -n 5"
	@echo "==> All test suites passed"

test-static: test-lint test-unit test-sanity ## ansible-lint, unit tests, ansible-test sanity (no sandbox)

# Beside the sandboxed session (make test), the static job yields the CPU to it: the
# session's long deployments set the length of the whole run.
STATIC_NICE ?=

# The sandbox-backed suites run as one pytest session so that xdist can balance
# a few long end-to-end deployments against many short tests: the session starts
# with the longest (tests/conftest.py orders by the slow(seconds) marker) and
# `--dist load --maxschedchunk 1` hands those out one per worker. Six workers on
# two cores: the long deployments spend most of their time waiting, as on AWS.
test-sandboxed: setup ## Sandbox, integration, molecule, end-to-end and packaging tests, one session
	@echo "==> Sandbox, integration, molecule, end-to-end and packaging tests"
	$(PYTEST) $(SANDBOXED_SUITES) -q -n 6 --dist load --maxschedchunk 1 -m "not interruptions"

# Private sandboxes for tests even when the user exported SANDBOX_STATE_DIR.
PYTEST := env -u SANDBOX_STATE_DIR $(BIN)/pytest -p no:cacheprovider
SANDBOXED_SUITES := tests/sandbox tests/integration tests/e2e tests/packaging tests/awx

test-lint: setup ## ansible-lint (production profile) on roles and playbooks
	@echo "==> ansible-lint"
	$(STATIC_NICE) $(BIN)/ansible-lint --profile production roles playbooks

test-unit: setup ## Unit tests (no sandbox)
	@echo "==> Unit tests"
	$(STATIC_NICE) $(PYTEST) tests/unit tests/bench/test_graph.py -q

test-sanity: setup ## ansible-test sanity, offline
	@echo "==> ansible-test sanity"
	$(STATIC_NICE) tests/sanity/run.sh

test-sandbox: setup ## The sandbox's own tests (boto3 against a private sandbox)
	@echo "==> Sandbox tests"
	$(PYTEST) tests/sandbox -q -n 2

test-integration: setup ## Module integration targets against a private sandbox
	@echo "==> Integration targets"
	$(PYTEST) tests/integration -q -n 2

test-molecule: setup ## Molecule scenarios on the sandbox (syntax only unless MOLECULE_FULL=1)
	@echo "==> Molecule"
	$(PYTEST) tests/e2e/test_molecule.py -q -n 3

test-e2e: setup ## Deploy / check / redeploy / teardown end to end, checked with boto3
	@echo "==> End-to-end"
	$(PYTEST) tests/e2e/test_reference_pattern.py tests/e2e/test_pattern.py -q -n 2

test-packaging: setup ## Build, install offline and run the collection; docs, EE and AWX checks
	@echo "==> Packaging"
	$(PYTEST) tests/packaging tests/awx -q

# Not part of `make test` (which runs a sample, in tests/e2e/test_reference_pattern.py): about 25
# worker-minutes on this 2-core machine.
test-interruptions: setup ## The whole interruption matrix: deploys and teardowns stopped at 25 points
	@echo "==> Interruption matrix"
	$(PYTEST) tests/e2e/test_interruptions.py -q -s -n 3 -m interruptions

# Not part of `make test`: minutes of wall time on private sandboxes.
SANDBOX_TIME_SCALE ?= 0.02
bench: setup ## Benchmark deploy / re-deploy / check / teardown on AWS time (SANDBOX_TIME_SCALE, default 0.02)
	@echo "==> Benchmark (.cache/bench/results.json)"
	env -u SANDBOX_STATE_DIR $(BIN)/python tests/bench/run.py --time-scale $(SANDBOX_TIME_SCALE) $(BENCH_ARGS)
