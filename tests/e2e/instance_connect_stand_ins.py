"""Stand-ins for the AWS CLI and ssh, so that the AWS path of the data-plane test
(roles/consumer/tasks/call_services.yml: `aws ec2-instance-connect send-ssh-public-key`,
then `ssh -o ProxyCommand="aws ec2-instance-connect open-tunnel ..."` running a signed
curl on the instance) runs against the sandbox.

They check what the real tools would need, as far as the control node decides it:
- `aws ec2-instance-connect send-ssh-public-key`: the instance exists in the account of
  the credentials the task's environment gives (read with boto3 from that environment,
  as the CLI would read it), the OS user, and a public key file; the key is remembered,
  with the number of attempts the environment allows each call (throttling happens).
- `ssh`: logs in only with the private key of a public key sent before (as Instance
  Connect allows for 60 s), through the open-tunnel ProxyCommand of that instance; the
  remote command must be the script that signs with --aws-sigv4 for vpc-lattice-svcs in
  the account's region. The request then goes to the sandbox's data plane
  (POST /_sandbox/request, signed with the instance role, as the script signs), and the
  answer is printed as curl prints it with --write-out '\\nHTTP %{http_code}\\n': body,
  then "HTTP <status>", or "HTTP 000" and curl's error on stderr with the exit code the
  data plane gives for curl (6: could not resolve host, 28: timeout).
Every call is appended, as JSON, to the file STAND_IN_LOG names.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

AWS = r'''
import json, os, sys
import boto3

args = sys.argv[1:]
def option(name):
    return args[args.index(name) + 1]
log = open(os.environ["STAND_IN_LOG"], "a")
if args[:2] != ["ec2-instance-connect", "send-ssh-public-key"]:
    sys.exit(f"aws stand-in: unexpected command {args}")
instance, user, key = option("--instance-id"), option("--instance-os-user"), option("--ssh-public-key")
if not key.startswith("file://") or not os.path.isfile(key[len("file://"):]):
    sys.exit(f"Error parsing parameter '--ssh-public-key': Unable to load paramfile {key}")
session = boto3.Session(region_name=os.environ["AWS_REGION"])
ec2 = session.client("ec2")
# AWS_RETRY_MODE / AWS_MAX_ATTEMPTS, as botocore (and the CLI) read them; the CLI v2
# default is the standard mode's 3 attempts.
attempts = ec2.meta.config.retries.get("total_max_attempts", 3)
try:
    ec2.describe_instances(InstanceIds=[instance])
except Exception as error:  # the CLI prints the service's error and exits 254
    print(f"An error occurred: {error}", file=sys.stderr)
    sys.exit(254)
account = session.client("sts").get_caller_identity()["Account"]
log.write(json.dumps({"tool": "aws", "instance": instance, "user": user, "key": key[len("file://"):],
                      "account": account, "attempts": attempts}) + "\n")
print(json.dumps({"RequestId": "stand-in", "Success": True}))
'''

SSH = r'''
import json, os, shlex, sys, urllib.request

args = sys.argv[1:]
log_path = os.environ["STAND_IN_LOG"]
sent = [json.loads(line) for line in open(log_path) if '"tool": "aws"' in line]
key = args[args.index("-i") + 1]
options = [args[i + 1] for i, arg in enumerate(args) if arg == "-o"]
proxy = [o for o in options if o.startswith("ProxyCommand=")]
destination, command = args[-2], args[-1]
user, instance = destination.split("@", 1)
if not any(s["key"] == key + ".pub" and s["instance"] == instance and s["user"] == user for s in sent):
    print(f"{destination}: Permission denied (publickey).", file=sys.stderr)
    sys.exit(255)
if proxy != [f"ProxyCommand=aws ec2-instance-connect open-tunnel --instance-id {instance}"]:
    sys.exit(f"ssh stand-in: no Instance Connect tunnel to {instance} in {options}")
words = shlex.split(command)
if words[:2] != ["bash", "-c"] or words[3] != "curl" or len(words) != 5:
    sys.exit(f"ssh stand-in: unexpected remote command {words[:2]} ... {words[3:]}")
script, url = words[2], words[4]
region = os.environ["AWS_REGION"]
if f'--aws-sigv4 "aws:amz:{region}:vpc-lattice-svcs"' not in script or "UNSIGNED-PAYLOAD" not in script:
    sys.exit("ssh stand-in: the remote script does not sign for vpc-lattice-svcs in " + region)
request = urllib.request.Request(os.environ["STAND_IN_SANDBOX"].rstrip("/") + "/_sandbox/request", method="POST",
                                 data=json.dumps({"instance": instance, "url": url, "sign": True}).encode(),
                                 headers={"Content-Type": "application/json"})
answer = json.load(urllib.request.urlopen(request, timeout=30))
with open(log_path, "a") as log:
    log.write(json.dumps({"tool": "ssh", "instance": instance, "url": url, "status": answer.get("status")}) + "\n")
status = answer.get("status") or 0
if status:
    print(answer.get("body", ""))
    print(f"HTTP {status}")
    sys.exit(0)
message = answer.get("message", "")
print("\nHTTP 000")
print(f"curl: {message}", file=sys.stderr)
sys.exit(answer.get("exit_code") or 6)  # the data plane gives curl's exit code (6, 7, 28...)
'''


def install(directory: Path, sandbox_endpoint: str, log: Path) -> dict:
    """Writes `aws` and `ssh` into ``directory``; returns the environment that puts them
    first on PATH."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, source in (("aws", AWS), ("ssh", SSH)):
        path = directory / name
        path.write_text(f"#!{sys.executable}\n{source}")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    log.touch()
    return {"PATH": f"{directory}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "STAND_IN_SANDBOX": sandbox_endpoint, "STAND_IN_LOG": str(log)}
