# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""main() of every module: the common options, and one place that turns errors into failures."""

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

from .errors import InvalidParameter
from .resource import run
from .waiting import DEFAULT_WAIT_TIMEOUT


def argument_spec(taggable=True, waitable=True, **options):
    spec = dict(state=dict(type="str", choices=["present", "absent"], default="present"))
    if waitable:
        spec.update(wait=dict(type="bool", default=True), wait_timeout=dict(type="int", default=DEFAULT_WAIT_TIMEOUT))
    if taggable:
        spec.update(tags=dict(type="dict", aliases=["resource_tags"]), purge_tags=dict(type="bool", default=True))
    spec.update(options)
    return spec


def exit_with(module, compute):
    """Exit with the result dict ``compute()`` returns; InvalidParameter and AWS errors become failures."""
    try:
        result = compute()
    except InvalidParameter as e:
        module.fail_json(msg=str(e))
    except AnsibleAWSError as e:
        module.fail_json_aws_error(e)
    module.exit_json(**result)


def run_module(manager_class, options, taggable=True, waitable=True, **module_kwargs):
    """main() of a resource module: state present/absent (+ wait, tags) and ``options``."""
    module = AnsibleAWSModule(
        argument_spec=argument_spec(taggable=taggable, waitable=waitable, **options),
        supports_check_mode=True,
        **module_kwargs,
    )
    manager = manager_class(module)
    exit_with(module, lambda: run(manager, module.check_mode))


def run_info_module(options, collect, **module_kwargs):
    """main() of an _info module: ``collect(module)`` returns the result dict."""
    module = AnsibleAWSModule(argument_spec=options, supports_check_mode=True, **module_kwargs)
    exit_with(module, lambda: dict(changed=False, **collect(module)))
