"""Zip a Lambda function's source reproducibly and print the archive's path.

amazon.aws.lambda decides whether to upload new code by comparing the archive's
SHA-256 with the function's CodeSha256, so the archive must be byte-for-byte the
same on every control node and every run: fixed timestamps and permissions,
sorted entries. The archive is named after its content, so repeated runs reuse it.
"""

import hashlib
import io
import os
import sys
import tempfile
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)


def sources(path):
    if os.path.isfile(path):
        yield os.path.basename(path), path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            full = os.path.join(root, name)
            yield os.path.relpath(full, path), full


def build(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, full in sources(path):
            info = zipfile.ZipInfo(arcname, date_time=EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(full, "rb") as handle:
                archive.writestr(info, handle.read())
    return buffer.getvalue()


def main():
    data = build(sys.argv[1])
    target = os.path.join(tempfile.gettempdir(), f"lattice-function-{hashlib.sha256(data).hexdigest()[:16]}.zip")
    if not os.path.exists(target):
        with tempfile.NamedTemporaryFile(dir=os.path.dirname(target), delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, target)
    print(target)


if __name__ == "__main__":
    main()
