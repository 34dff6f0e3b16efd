#!/usr/bin/env python3
"""Loopback web servers for benchmarks/external.sh: one HTTP/1.1 server on each of 127.0.0.1 to
127.0.0.N (N = --hosts), all on one port, each answering every request with 200 after --delay
seconds. Counts the requests and writes the count to --count-file on SIGTERM/SIGINT.

Traffic stays on the loopback addresses; the servers stop by themselves after --lifetime seconds.
"""
import argparse
import http.server
import signal
import sys
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("--hosts", type=int, default=10)
parser.add_argument("--port", type=int, default=18350)
parser.add_argument("--delay", type=float, default=0.05)
parser.add_argument("--lifetime", type=float, default=1800)
parser.add_argument("--count-file", default=None)
args = parser.parse_args()

lock = threading.Lock()
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, body):
        global count
        with lock:
            count += 1
        time.sleep(args.delay)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self.answer(False)

    def do_GET(self):
        self.answer(True)

    def log_message(self, *_):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


servers = []
for n in range(1, args.hosts + 1):
    server = Server((f"127.0.0.{n}", args.port), Handler)
    servers.append(server)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def stop(*_):
    if args.count_file:
        with open(args.count_file, "w") as f:
            f.write(f"{count}\n")
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
print(f"serving {args.hosts} hosts on port {args.port}", flush=True)
deadline = time.time() + args.lifetime
while time.time() < deadline:
    time.sleep(0.5)
stop()
