# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # Options of every module that manages an EC2 endpoint (ec2_instance_connect_endpoint,
    # ec2_vpc_lattice_endpoint); each documents its own wait, since their states differ.
    DOCUMENTATION = r"""
options:
  state:
    description:
      - V(present) creates the endpoint or converges it to the options given; options left unset are not touched.
      - V(absent) deletes it; deleting an endpoint that does not exist is not a change.
    type: str
    choices: [present, absent]
    default: present
  wait_timeout:
    description:
      - How many seconds to wait when O(wait=true).
    type: int
    default: 600
notes:
  - Check mode makes no change and returns the endpoint as it would be.
  - Diff mode returns the endpoint before and after under C(diff).
"""
