"""``sitegen serve [SITE_DIR] [--host H] [--port N] [--base-url URL] [--no-reload] [--open]``."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import socket
import sys
import webbrowser

from sitegen.build import BuildOptions
from sitegen.commands.build import add_site_arguments, site_root
from sitegen.errors import UsageError

DEFAULT_HOST = "127.0.0.1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument(
        "--host",
        help=f"address to listen on (default: {DEFAULT_HOST}, this computer only)",
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)"
    )
    parser.add_argument(
        "--no-reload", action="store_true", help="serve the build without watching for changes"
    )
    parser.add_argument("--open", action="store_true", help="open the site in a web browser")


def is_loopback(host: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(str(a).partition("%")[0]).is_loopback for a in addresses)


def run(args: argparse.Namespace) -> int:
    # Imported here: the server modules (and watchdog) are not needed by the other commands.
    from sitegen.serve.app import Preview

    host = args.host or DEFAULT_HOST
    if args.host and not is_loopback(host):
        print(
            f"sitegen: warning: serving on {host}: other computers can reach this preview",
            file=sys.stderr,
        )
    try:
        options = BuildOptions(site_root(args), base_url=args.base_url, drafts=args.drafts)
        preview = Preview(options, host, args.port, reload=not args.no_reload)
    except UsageError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"sitegen: {bind_error(exc, host, args.port)}", file=sys.stderr)
        return 2
    try:
        preview.start()
        print(
            f"serving {preview.session.site.output} at {preview.url} (Ctrl-C to stop)", flush=True
        )
        if args.open:
            webbrowser.open(preview.url)
        preview.serve_forever()
    except KeyboardInterrupt:
        print("stopped")
    finally:
        preview.close()
    return 0


def bind_error(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"port {port} is already in use on {host}: stop the other server, "
            "or pass --port 0 to pick a free port"
        )
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port}: use a port above 1023, or --port 0"
    return f"cannot listen on {host} port {port}: {exc.strerror or exc}"
