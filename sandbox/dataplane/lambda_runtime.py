"""The bootstrap a LAMBDA target's code runs under (executed as a script, not imported).

``python lambda_runtime.py <code dir> <module.function>`` reads the event (JSON)
on stdin, calls the handler as Lambda's Python runtime does (``handler(event,
context)``, the code directory first on ``sys.path``), and writes one JSON line
on stdout: ``{"result": ...}`` or ``{"errorType": ..., "errorMessage": ...}``
(the shape of Lambda's function error payload, Lambda Developer Guide,
"Python Lambda function errors"). The handler's own prints go to stderr.
"""

import importlib
import json
import sys
import time
import traceback


class Context:
    def __init__(self, name, timeout):
        self.function_name = name
        self.aws_request_id = "00000000-0000-0000-0000-000000000000"
        self._deadline = time.time() + timeout

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.time()) * 1000))


def main():
    code_dir, handler, name, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    sys.path.insert(0, code_dir)
    event = json.load(sys.stdin)
    real_stdout, sys.stdout = sys.stdout, sys.stderr
    try:
        module_name, function_name = handler.rsplit(".", 1)
        result = getattr(importlib.import_module(module_name), function_name)(event, Context(name, timeout))
        line = json.dumps({"result": result})
    except Exception as error:  # the function failed: Lambda reports it, the caller decides
        line = json.dumps({
            "errorType": type(error).__name__,
            "errorMessage": str(error),
            "stackTrace": traceback.format_exc().splitlines(),
        })
    real_stdout.write(line + "\n")


if __name__ == "__main__":
    main()
