# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The status playbook's pure-python part: what it read in every account becomes one
model (topology_model), drawn as a Mermaid flowchart (topology_mermaid) and a plain
text table (topology_table), and compared with what the inventory says should exist
(topology_drift).

Input of topology_model: one entry per inventory account, as roles/status/tasks/main.yml
gathers it::

    {name, account_id, expected: {provider: {...} | None, consumer: {...} | None},
     read: {services, shares, received_shares, service_networks, security_groups, vpcs,
            vpc_endpoints}}

A consumer's VPC reaches its service network through a VPC association, or through a VPC
endpoint of type ServiceNetwork (expected consumer ``connection``: the consumer role's
consumer_service_network_connection); each path is checked the way it is connected.
"""

from __future__ import annotations

import re

# The tags the provider and consumer roles put on everything they make.
PATTERN_TAG = ("lattice:pattern", "distributed-service-networks")
HTTPS_PORT = 443
# AWS keeps listing deleted resources for a while; they do not count as present.
GONE = ("DELETED", "DELETING", "DELETE_IN_PROGRESS", "DELETE_FAILED")
# VPC endpoints' states are lower case (EC2 API reference, VpcEndpoint State).
ENDPOINT_GONE = ("deleting", "deleted")


# ---------------------------------------------------------------- small helpers

def _made_by_roles(resource):
    tags = resource.get("tags") or {}
    return tags.get(PATTERN_TAG[0]) == PATTERN_TAG[1]


def _present(items):
    return [item for item in items or [] if (item.get("status") or "") not in GONE]


def _principal_key(principal):
    """'organization' for the organization (the roles' symbolic principal), else the ID as is."""
    return "organization" if re.search(r":organization/o-", str(principal)) else str(principal)


def _covers(principals, account_id):
    keys = {_principal_key(p) for p in principals}
    return "organization" in keys or str(account_id) in keys


def rule_strings(permissions, group_names=None):
    """Security group rules as sorted '<protocol> <from>-<to> from <peer>' strings; peers that
    are groups are named by group name when known (IDs change when a group is re-made)."""
    group_names = group_names or {}
    rules = []
    for permission in permissions or []:
        protocol = str(permission.get("ip_protocol"))
        ports = f"{permission['from_port']}-{permission['to_port']}" if permission.get("from_port") is not None else "all"
        peers = ([group_names.get(p.get("group_id"), p.get("group_id")) for p in permission.get("user_id_group_pairs") or []]
                 + [r.get("cidr_ip") for r in permission.get("ip_ranges") or []]
                 + [r.get("cidr_ipv6") for r in permission.get("ipv6_ranges") or []])
        rules += [f"{protocol} {ports} from {peer}" for peer in peers]
    return sorted(rules)


def _allows_https(permissions):
    for permission in permissions or []:
        if str(permission.get("ip_protocol")) == "-1":
            return True
        if str(permission.get("ip_protocol")) == "tcp" and permission.get("from_port") is not None \
                and int(permission["from_port"]) <= HTTPS_PORT <= int(permission["to_port"]):
            return True
    return False


# ---------------------------------------------------------------- the model

def _service(account, raw):
    return {
        "account": account["name"],
        "account_id": account["account_id"],
        "name": raw.get("name"),
        "arn": raw.get("arn"),
        "status": raw.get("status"),
        "auth_type": raw.get("auth_type"),
        "managed": _made_by_roles(raw),
        "listeners": sorted(
            ({"name": l.get("name"), "protocol": l.get("protocol"), "port": l.get("port")} for l in raw.get("listeners") or []),
            key=lambda l: str(l["name"])),
    }


def _share(account, raw):
    return {
        "account": account["name"],
        "name": raw.get("name"),
        "arn": raw.get("arn"),
        "status": raw.get("status"),
        "managed": _made_by_roles(raw),
        "allow_external_principals": raw.get("allow_external_principals"),
        "principals": sorted(str(p.get("id")) for p in raw.get("principals") or []),
        "resources": sorted(str(r.get("arn")) for r in raw.get("resources") or []
                            if (r.get("status") or "ASSOCIATED") == "ASSOCIATED"),
    }


def _vpc_endpoint(raw, groups):
    return {
        "id": raw.get("vpc_endpoint_id"),
        "vpc_id": raw.get("vpc_id"),
        "state": raw.get("state"),
        "security_group_ids": sorted(raw.get("security_group_ids") or []),
        "allows_https": any(_allows_https(groups.get(g, {}).get("ip_permissions")) for g in raw.get("security_group_ids") or []),
        # What the endpoint reaches (DescribeVpcEndpointAssociations): the network's services and resources.
        "reaches": sorted(str(a.get("associated_resource_arn")) for a in raw.get("associations") or []),
    }


def _network(account, raw, groups, vpc_endpoints):
    return {
        "account": account["name"],
        "name": raw.get("name"),
        "arn": raw.get("arn"),
        "auth_type": raw.get("auth_type"),
        "managed": _made_by_roles(raw),
        "vpc_associations": [
            {"id": a.get("id"), "vpc_id": a.get("vpc_id"), "status": a.get("status"),
             "security_group_ids": sorted(a.get("security_group_ids") or []),
             "allows_https": any(_allows_https(groups.get(g, {}).get("ip_permissions")) for g in a.get("security_group_ids") or [])}
            for a in _present(raw.get("vpc_associations"))],
        "service_associations": [
            {"id": a.get("id"), "service_arn": a.get("service_arn"), "service_name": a.get("service_name"),
             "status": a.get("status"), "managed": _made_by_roles(a)}
            for a in _present(raw.get("service_associations"))],
        "vpc_endpoints": [
            _vpc_endpoint(e, groups) for e in vpc_endpoints
            if e.get("service_network_arn") == raw.get("arn") and e.get("state") not in ENDPOINT_GONE],
    }


def _connection(consumer):
    """How the consumer's VPC should reach its service network: 'association' or 'endpoint'."""
    return (consumer["expected"].get("consumer") or {}).get("connection") or "association"


def _consumer_network(model, account):
    expected = account["expected"].get("consumer") or {}
    name = expected.get("service_network", {}).get("name")
    return next((n for n in model["networks"] if n["account"] == account["name"] and n["name"] == name), None)


def _expected_service_arns(model, accounts, consumer):
    """The services a consumer should have associated: the explicit consumer_service_arns, or
    every service of an inventory provider whose share (consumer_share_name) covers it."""
    expected = consumer["expected"]["consumer"]
    if expected.get("service_arns"):
        return [{"arn": arn, "name": arn.rsplit("/", 1)[-1], "provider": None} for arn in expected["service_arns"]]
    wanted = []
    for provider in accounts:
        provided = provider["expected"].get("provider")
        if not provided or provided["share"]["name"] != expected.get("share_name"):
            continue
        if not _covers(provided["share"]["principals"], consumer["account_id"]):
            continue
        for svc in _expected_services(provided):
            found = next((s for s in model["services"] if s["account"] == provider["name"] and s["name"] == svc["name"]), None)
            wanted.append({"arn": found["arn"] if found else None, "name": svc["name"], "provider": provider["name"]})
    return wanted


def _path(model, consumer, service_arn, service_name, data_plane):
    """Whether ``consumer`` reaches the service, from the control plane (and the data plane when given)."""
    service = next((s for s in model["services"] if s["arn"] == service_arn), None)
    network = _consumer_network(model, consumer)
    received = {arn for share in consumer["read"].get("received_shares") or [] if share.get("status") == "ACTIVE"
                for arn in (r.get("arn") for r in share.get("resources") or [])}
    association = next((a for a in (network or {}).get("service_associations", []) if a["service_arn"] == service_arn), None)
    connection = _connection(consumer)
    if connection == "endpoint":
        # The VPC's way into the network: an available ServiceNetwork endpoint (which then lists
        # every associated service under a name of its own), behind the Lattice security group.
        links = [e for e in (network or {}).get("vpc_endpoints", []) if e["state"] == "available"]
    else:
        links = [a for a in (network or {}).get("vpc_associations", []) if a["status"] == "ACTIVE"]
    checks = {
        "service": bool(service and service["status"] == "ACTIVE" and service["listeners"]),
        # What counts is what the consumer sees (a share to its organization, or accepted
        # invitation); a service of its own account needs no share.
        "share": service_arn in received or bool(service and service["account"] == consumer["name"]),
        f"vpc_{connection}": bool(links),
        "service_association": bool(association and association["status"] == "ACTIVE"),
        "security_group": any(link["allows_https"] for link in links),
    }
    probe = (data_plane or {}).get(consumer["name"], {}).get(service_arn)
    if probe is not None:
        checks["data_plane"] = bool(probe.get("reachable") if isinstance(probe, dict) else probe)
    return {
        "consumer": consumer["name"],
        "network": (network or {}).get("name"),
        "connection": connection,
        "service_arn": service_arn,
        "service": service["name"] if service else service_name,
        "provider": service["account"] if service else None,
        "auth_type": service["auth_type"] if service else None,
        "association_id": association["id"] if association else None,
        "checks": checks,
        "reachable": all(checks.values()),
        "broken": sorted(name for name, ok in checks.items() if not ok),
    }


def _by_item_arn(results, key):
    """{item ARN: result[key]} from the results of a task looped over resources."""
    return {r["item"]["arn"]: r.get(key) or [] for r in results or [] if not r.get("skipped")}


def _joined(read):
    """The role's raw reads with each resource's loop results (listeners, associations) nested in it."""
    listeners = _by_item_arn(read.get("listener_results"), "listeners")
    vpc_associations = _by_item_arn(read.get("vpc_association_results"), "service_network_vpc_associations")
    service_associations = _by_item_arn(read.get("service_association_results"), "service_network_service_associations")
    return dict(
        read,
        services=[dict(s, listeners=s.get("listeners") or listeners.get(s.get("arn"), [])) for s in read.get("services") or []],
        service_networks=[dict(n, vpc_associations=n.get("vpc_associations") or vpc_associations.get(n.get("arn"), []),
                               service_associations=n.get("service_associations") or service_associations.get(n.get("arn"), []))
                          for n in read.get("service_networks") or []],
    )


def _expected_services(provider):
    """provider_services entries completed with provider_service_defaults, as the provider role does."""
    defaults = provider.get("service_defaults") or {}
    return [dict(defaults, **entry) for entry in provider.get("services") or []]


def topology_model(accounts, data_plane=None):
    """One model of every account read by the status role. ``data_plane`` is the hook for a
    data-plane probe: {consumer host: {service ARN: {reachable: bool}}}; when given, a path is
    only reachable if the probe agrees."""
    model = {"accounts": [], "services": [], "shares": [], "networks": [], "vpcs": [], "paths": []}
    accounts = [dict(a, read=_joined(a.get("read") or {})) for a in accounts]
    for account in accounts:
        read = account["read"]
        model["accounts"].append({
            "name": account["name"], "account_id": account["account_id"],
            "provider": bool(account["expected"].get("provider")), "consumer": bool(account["expected"].get("consumer"))})
        groups = {g.get("group_id"): g for g in read.get("security_groups") or []}
        model["services"] += [_service(account, s) for s in _present(read.get("services"))]
        model["shares"] += [_share(account, s) for s in _present(read.get("shares"))]
        model["networks"] += [_network(account, n, groups, read.get("vpc_endpoints") or [])
                              for n in _present(read.get("service_networks"))]
        model["vpcs"] += [{"account": account["name"], "id": v.get("id") or v.get("vpc_id"),
                           "name": (v.get("tags") or {}).get("Name")} for v in read.get("vpcs") or []]
    for consumer in accounts:
        if not consumer["expected"].get("consumer"):
            continue
        network = _consumer_network(model, consumer)
        wanted = {w["arn"]: w["name"] for w in _expected_service_arns(model, accounts, consumer) if w["arn"]}
        associated = {a["service_arn"]: a["service_name"] for a in (network or {}).get("service_associations", [])}
        for arn, name in sorted({**wanted, **associated}.items()):
            model["paths"].append(_path(model, consumer, arn, name, data_plane))
    return model


# ---------------------------------------------------------------- drift

def _drift(account, kind, resource, detail):
    return {"account": account, "kind": kind, "resource": resource, "detail": detail}


def _provider_drift(model, account):
    name = account["name"]
    expected = account["expected"].get("provider")
    services = [s for s in model["services"] if s["account"] == name]
    shares = [s for s in model["shares"] if s["account"] == name]
    drift = []
    wanted_services = {s["name"]: s for s in _expected_services(expected or {})}
    for svc_name, want in wanted_services.items():
        found = next((s for s in services if s["name"] == svc_name), None)
        if found is None:
            drift.append(_drift(name, "missing", f"service {svc_name}", "not found"))
            continue
        if found["auth_type"] != want["auth_type"]:
            drift.append(_drift(name, "changed", f"service {svc_name}",
                                f"auth type {found['auth_type']}, expected {want['auth_type']}"))
        listener = next((l for l in found["listeners"] if l["name"] == want["listener_name"]), None)
        if listener is None:
            drift.append(_drift(name, "missing", f"listener {svc_name}/{want['listener_name']}", "not found"))
        elif (listener["protocol"], int(listener["port"])) != (want["listener_protocol"], int(want["listener_port"])):
            drift.append(_drift(name, "changed", f"listener {svc_name}/{want['listener_name']}",
                                f"{listener['protocol']}:{listener['port']}, expected "
                                f"{want['listener_protocol']}:{want['listener_port']}"))
    drift += [_drift(name, "unexpected", f"service {s['name']}", "made by the provider role, not in the inventory")
              for s in services if s["managed"] and s["name"] not in wanted_services]

    share_name = (expected or {}).get("share", {}).get("name")
    for share in shares:
        if share["managed"] and share["name"] != share_name:
            drift.append(_drift(name, "unexpected", f"share {share['name']}", "made by the provider role, not in the inventory"))
    if expected:
        share = next((s for s in shares if s["name"] == share_name and s["status"] == "ACTIVE"), None)
        if share is None:
            drift.append(_drift(name, "missing", f"share {share_name}", "no ACTIVE share of that name"))
        else:
            want = sorted(_principal_key(p) for p in expected["share"]["principals"])
            have = sorted(_principal_key(p) for p in share["principals"])
            if want != have:
                drift.append(_drift(name, "changed", f"share {share_name}",
                                    f"principals {have}, expected {want}"))
            if share["allow_external_principals"] is not None \
                    and bool(share["allow_external_principals"]) != bool(expected["share"]["allow_external_principals"]):
                drift.append(_drift(name, "changed", f"share {share_name}",
                                    f"allow external principals {share['allow_external_principals']}, expected "
                                    f"{expected['share']['allow_external_principals']}"))
            for svc_name in wanted_services:
                found = next((s for s in services if s["name"] == svc_name), None)
                if found and found["arn"] not in share["resources"]:
                    drift.append(_drift(name, "changed", f"share {share_name}", f"does not hold service {svc_name}"))
    return drift


def _consumer_drift(model, accounts, account):
    name = account["name"]
    expected = account["expected"].get("consumer")
    networks = [n for n in model["networks"] if n["account"] == name]
    wanted_network = (expected or {}).get("service_network", {}).get("name")
    drift = [_drift(name, "unexpected", f"service network {n['name']}", "made by the consumer role, not in the inventory")
             for n in networks if n["managed"] and n["name"] != wanted_network]
    if not expected:
        return drift
    network = _consumer_network(model, account)
    if network is None:
        return drift + [_drift(name, "missing", f"service network {wanted_network}", "not found")]
    want_auth = expected["service_network"]["auth_type"]
    if network["auth_type"] != want_auth:
        drift.append(_drift(name, "changed", f"service network {wanted_network}",
                            f"auth type {network['auth_type']}, expected {want_auth}"))

    groups = account["read"].get("security_groups") or []
    names = {g.get("group_id"): g.get("group_name") for g in groups}
    vpc = next((v for v in model["vpcs"] if v["account"] == name and v["name"] == expected["vpc_name"]), None)
    lattice_group = next((g for g in groups if g.get("group_name") == expected["lattice_security_group_name"]
                          and (vpc is None or g.get("vpc_id") == vpc["id"])), None)
    association = next((a for a in network["vpc_associations"] if vpc and a["vpc_id"] == vpc["id"]), None)
    endpoint = next((e for e in network["vpc_endpoints"] if vpc and e["vpc_id"] == vpc["id"]), None)
    # The consumer role connects the VPC one way, and removes the other (tasks/service_network.yml).
    link, other = (("VPC endpoint", "VPC association") if _connection(account) == "endpoint"
                   else ("VPC association", "VPC endpoint"))
    found, unwanted = (endpoint, association) if link == "VPC endpoint" else (association, endpoint)
    if vpc is None:
        drift.append(_drift(name, "missing", f"VPC {expected['vpc_name']}", "not found"))
    elif found is None:
        drift.append(_drift(name, "missing", f"{link} {wanted_network} - {expected['vpc_name']}", "not found"))
    elif lattice_group and found["security_group_ids"] != [lattice_group["group_id"]]:
        drift.append(_drift(name, "changed", f"{link} {wanted_network} - {expected['vpc_name']}",
                            f"security groups {[names.get(g, g) for g in found['security_group_ids']]}, "
                            f"expected {[expected['lattice_security_group_name']]}"))
    if vpc is not None and unwanted is not None:
        drift.append(_drift(name, "unexpected", f"{other} {wanted_network} - {expected['vpc_name']}",
                            f"the inventory connects the VPC through a {link}"))
    if lattice_group is None:
        drift.append(_drift(name, "missing", f"security group {expected['lattice_security_group_name']}", "not found"))
    else:
        have = rule_strings(lattice_group.get("ip_permissions"), names)
        want = sorted(expected["lattice_security_group_rules"])
        if have != want:
            drift.append(_drift(name, "changed", f"security group {expected['lattice_security_group_name']}",
                                f"ingress rules {have}, expected {want}"))

    wanted = _expected_service_arns(model, accounts, account)
    associated = {a["service_arn"]: a for a in network["service_associations"]}
    for want in wanted:
        if want["arn"] is not None and want["arn"] not in associated:
            drift.append(_drift(name, "missing", f"service association {wanted_network} - {want['name']}",
                                f"service {want['arn']} is not associated"))
    wanted_arns = {w["arn"] for w in wanted}
    drift += [_drift(name, "unexpected", f"service association {wanted_network} - {a['service_name'] or arn}",
                     "made by the consumer role, not in the inventory")
              for arn, a in sorted(associated.items()) if a["managed"] and arn not in wanted_arns]
    return drift


def topology_drift(model, accounts):
    """What differs from the inventory, per account: a list of {account, kind (missing,
    unexpected, changed), resource, detail}, in inventory order."""
    drift = []
    for account in accounts:
        drift += _provider_drift(model, account)
        drift += _consumer_drift(model, accounts, account)
    return drift


# ---------------------------------------------------------------- drawings

def _node_id(*parts):
    return "_".join(re.sub(r"[^A-Za-z0-9]", "_", str(p)) for p in parts)


def _label(text):
    # Mermaid labels in double quotes: escape the quote itself (entity codes render on GitHub).
    return '"' + str(text).replace('"', "#quot;") + '"'


def topology_mermaid(model):
    """A Markdown document with one Mermaid flowchart: accounts as subgraphs, shares and
    associations as labelled arrows; broken links dashed, red and marked with an x."""
    lines = ["flowchart LR"]
    edges = []  # (line, broken)
    service_nodes = {}
    for account in model["accounts"]:
        name = account["name"]
        roles = "/".join(r for r in ("provider", "consumer") if account[r])
        title = "{} · {} · {}".format(name, account["account_id"], roles)
        lines.append(f"  subgraph {_node_id('acct', name)}[{_label(title)}]")
        lines.append("    direction TB")
        for svc in (s for s in model["services"] if s["account"] == name):
            node = _node_id("svc", name, svc["name"])
            service_nodes[svc["arn"]] = node
            listeners = ", ".join(f"{l['protocol']}:{l['port']}" for l in svc["listeners"]) or "no listener"
            text = "service {}<br/>{} · auth {}".format(svc["name"], listeners, svc["auth_type"])
            lines.append(f"    {node}[{_label(text)}]")
        for share in (s for s in model["shares"] if s["account"] == name):
            node = _node_id("share", name, share["name"])
            principals = ", ".join(_principal_key(p) for p in share["principals"]) or "no principal"
            held = ", ".join(s["name"] for s in model["services"] if s["arn"] in share["resources"]) or "nothing"
            text = "RAM share {}<br/>holds {}<br/>to {}".format(share["name"], held, principals)
            lines.append(f"    {node}{{{{{_label(text)}}}}}")
        for network in (n for n in model["networks"] if n["account"] == name):
            node = _node_id("sn", name, network["name"])
            text = "service network {}<br/>auth {}".format(network["name"], network["auth_type"])
            lines.append(f"    {node}([{_label(text)}])")
            # The VPC's way into the network: its association (ACTIVE when working) or its endpoint (available).
            links = ([("VPC association", a["status"], "ACTIVE", a) for a in network["vpc_associations"]]
                     + [("VPC endpoint", e["state"], "available", e) for e in network["vpc_endpoints"]])
            for kind, state, working, link in links:
                vpc = next((v for v in model["vpcs"] if v["id"] == link["vpc_id"]), {})
                vpc_node = _node_id("vpc", name, link["vpc_id"])
                lines.append(f"    {vpc_node}[{_label('VPC ' + (vpc.get('name') or link['vpc_id']))}]")
                broken = state != working or not link["allows_https"]
                label = f"{kind} {state}" + ("" if link["allows_https"] else " · SG blocks 443")
                edges.append((_edge(vpc_node, node, label, broken), broken))
        lines.append("  end")
    for share in model["shares"]:
        share_node = _node_id("share", share["account"], share["name"])
        for consumer in sorted({p["consumer"] for p in model["paths"] if p["service_arn"] in share["resources"]}):
            paths = [p for p in model["paths"] if p["consumer"] == consumer and p["service_arn"] in share["resources"]]
            visible = all(p["checks"]["share"] for p in paths)
            network = _node_id("sn", consumer, paths[0]["network"])
            label = f"RAM share to {consumer}" if visible else f"x RAM share not visible to {consumer}"
            edges.append((_edge(share_node, network, label, not visible), not visible))
    for path in model["paths"]:
        network = _node_id("sn", path["consumer"], path["network"])
        target = service_nodes.get(path["service_arn"])
        if target is None:
            target = _node_id("missing", path["service_arn"])
            lines.append(f"  {target}[{_label('x missing service ' + str(path['service']))}]")
        if path["reachable"]:
            label = "service association ACTIVE"
        else:
            label = "x " + ", ".join(path["broken"])
        edges.append((_edge(network, target, label, not path["reachable"]), not path["reachable"]))
    lines += [line for line, _broken in edges]
    broken = [str(index) for index, (_line, is_broken) in enumerate(edges) if is_broken]
    if broken:
        lines.append(f"  linkStyle {','.join(broken)} stroke:#d00,stroke-width:2px,stroke-dasharray:5 5")
    title = "# VPC Lattice topology\n\n"
    legend = ("\n\nSolid arrows: working links. Dashed red arrows marked x: broken links "
              "(the label names the failing checks).\n")
    return title + "```mermaid\n" + "\n".join(lines) + "\n```" + legend


def _edge(source, target, label, broken):
    return f"  {source} -.->|{_label(label)}| {target}" if broken else f"  {source} -->|{_label(label)}| {target}"


def topology_table(model, drift=None):
    """Plain-text table: one row per consumer and service, then the drift."""
    # No single spaces in a cell: the YAML stdout callback folds long lines at them.
    # VPC-LINK: how the VPC reaches the network (its association or its endpoint), when it does.
    header = ("CONSUMER", "SERVICE", "PROVIDER", "AUTH", "SHARE", "VPC-LINK", "SVC-ASSOC", "SG-443", "REACHABLE")
    rows = [header]
    mark = {True: "ok", False: "BROKEN"}
    for p in model["paths"]:
        checks = p["checks"]
        connection = p.get("connection", "association")
        link = ("assoc" if connection == "association" else connection) if checks[f"vpc_{connection}"] else "BROKEN"
        rows.append((p["consumer"], p["service"], p["provider"] or "?", p["auth_type"] or "?",
                     mark[checks["share"]], link, mark[checks["service_association"]],
                     mark[checks["security_group"]], "yes" if p["reachable"] else "NO"))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    text = ["  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    if drift is not None:
        text.append("")
        text.append(f"DRIFT: {len(drift)}" if drift else "DRIFT: none")
        text += ["  " + line for line in topology_drift_lines(drift)]
    return "\n".join(text)


def topology_drift_lines(drift):
    """One '<account>: <kind> <resource>: <detail>' line per drift item."""
    return [f"{d['account']}: {d['kind']} {d['resource']}: {d['detail']}" for d in drift]


class FilterModule:
    def filters(self):
        return {
            "topology_model": topology_model,
            "topology_drift": topology_drift,
            "topology_mermaid": topology_mermaid,
            "topology_table": topology_table,
            "topology_drift_lines": topology_drift_lines,
        }
