"""The reference pattern's Lambda target: answers every request with a fixed JSON message."""

import json


def lambda_handler(event, context):
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"message": "Hello from Lambda Function!!"}),
    }
