# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # Options of every vpc_lattice_*_info module.
    DOCUMENTATION = r"""
options:
  id:
    description:
      - Return only the resource with this ID or ARN.
    type: str
    aliases: [arn]
notes:
  - Every page of the list calls is read.
  - Each item has the same keys as the return value of the matching resource module.
"""
