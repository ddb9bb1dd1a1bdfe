# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""One way to turn an option that names another resource (name, ID or ARN) into what AWS takes."""

from .errors import MissingReference


def resolve(module, option, value, kind, find_id, required=True):
    """The identifier to give AWS for ``value``, the resource of ``kind`` named by ``option``.

    ``kind`` is a resource manager class (its ``description`` and ``is_identifier``).
    IDs and ARNs are used as given (an ARN may belong to another account); a name
    is looked up with ``find_id(name)``.  Returns None when the resource does not
    exist and ``required`` is false (nothing to delete then), and in check mode,
    where an earlier task of the same run may be about to create it.
    """
    if value is None or kind.is_identifier(value):
        return value
    found = find_id(value)
    if found is not None or not required:
        return found
    if module.check_mode:
        module.warn(f"{option}: {kind.description} {value} does not exist; assuming an earlier task would create it")
        return None
    raise MissingReference(
        message=(
            f"{option}: {kind.description} {value} not found; create it first, or give the ARN of one "
            "shared with this account through AWS RAM"
        )
    )
