"""A Python Pulumi program served the way the Python Automation API serves an inline program.

The SDK's own language runtime server (pulumi.automation._server.LanguageServer, pulumi 3.270.0) on 127.0.0.1,
whose address the CLI gets as --client: what Stack.up/preview do in pulumi/automation/_stack.py (grpc.server with a
ThreadPoolExecutor(4) and _GRPC_CHANNEL_OPTIONS, add_LanguageRuntimeServicer_to_server, add_insecure_port on
127.0.0.1:0). That is how a Python program runs under the real CLI here: pulumi-language-python is not served by
the Go module proxy (README "Engine tier"). The TypeScript counterpart is program-server.ts.

    <venv>/bin/python test/engine/program_server.py <program.py>

Prints `port <n>` once listening; serves until killed. Each Run executes the program file anew as __main__.
"""
import runpy
import sys
from concurrent import futures

import grpc
from pulumi.automation._server import LanguageServer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import language_pb2_grpc


def main() -> None:
    if len(sys.argv) != 2:
        print("usage: program_server.py <program.py>  (e.g. test/engine/python/__main__.py)", file=sys.stderr)
        sys.exit(2)
    program_file = sys.argv[1]

    def program() -> None:
        runpy.run_path(program_file, run_name="__main__")

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=_GRPC_CHANNEL_OPTIONS)
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(LanguageServer(program), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"port {port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
