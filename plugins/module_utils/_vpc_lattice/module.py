# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Argument spec pieces and the main() shared by the vpc_lattice_* modules."""

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

from .._resource import DEFAULT_WAIT_TIMEOUT
from .._resource import ensure
from .._resource import exit_with

TARGET_GROUP_REFERENCE = dict(
    type="list",
    elements="dict",
    options=dict(
        target_group=dict(type="str", required=True, aliases=["target_group_identifier"]),
        weight=dict(type="int", default=100),
    ),
)

ACTION = dict(
    type="dict",
    options=dict(
        forward=dict(type="dict", options=dict(target_groups=dict(TARGET_GROUP_REFERENCE, required=True))),
        fixed_response=dict(type="dict", options=dict(status_code=dict(type="int", required=True))),
    ),
    mutually_exclusive=[["forward", "fixed_response"]],
    required_one_of=[["forward", "fixed_response"]],
)


def argument_spec(taggable=True, waitable=True, **options):
    spec = dict(state=dict(type="str", choices=["present", "absent"], default="present"))
    if waitable:
        spec.update(wait=dict(type="bool", default=True), wait_timeout=dict(type="int", default=DEFAULT_WAIT_TIMEOUT))
    if taggable:
        spec.update(tags=dict(type="dict", aliases=["resource_tags"]), purge_tags=dict(type="bool", default=True))
    spec.update(options)
    return spec


def run_module(manager_class, options, taggable=True, waitable=True, **module_kwargs):
    module = AnsibleAWSModule(
        argument_spec=argument_spec(taggable=taggable, waitable=waitable, **options),
        supports_check_mode=True,
        **module_kwargs,
    )
    ensure(module, manager_class(module))


def run_info_module(options, collect, **module_kwargs):
    """main() of an _info module: ``collect(module)`` returns the result dict."""
    module = AnsibleAWSModule(argument_spec=options, supports_check_mode=True, **module_kwargs)
    exit_with(module, lambda: dict(changed=False, **collect(module)))
