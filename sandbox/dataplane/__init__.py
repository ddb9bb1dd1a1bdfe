"""A local VPC Lattice data plane: what a client on an EC2 instance gets from a service.

The control plane (moto, extended in ``sandbox/moto_ext/``) holds the services,
listeners, associations, security groups, instances, functions and policies.
This package answers one HTTP request as VPC Lattice would answer it for a client
on a given instance, step by step as the request travels on AWS:

1. ``resolution``: the service's DNS name resolves only inside a VPC that can reach it;
2. ``security_groups``: the connection needs the instance's egress and the VPC
   association's ingress (otherwise it times out);
3. ``auth``: SigV4 and the auth policies of the service network and the service;
4. ``routing``: the listener and its rules choose an action;
5. ``lambda_target`` (or the fixed response, or 503 for targets nothing listens on).

``plane.answer()`` runs the steps and returns an :class:`~.model.Outcome`;
``endpoint`` serves it as ``POST /_sandbox/request`` on the sandbox's port, and
``cli`` is ``python -m sandbox request``.
"""
