"""Reference target of the VPC Lattice service: answers every request with a fixed JSON message."""

import json


def lambda_handler(event, context):
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"message": "Hello from Lambda Function!!"}),
        # VPC Lattice reads the body as base64 when this is true; say it is plain text.
        "isBase64Encoded": False,
    }
