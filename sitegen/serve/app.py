"""``sitegen serve`` assembled: the session, the HTTP server and the file watcher.

The server answers requests in its own threads; rebuilds run one at a time in the
debouncer's thread, so a slow build never blocks a request and two builds never overlap.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.build import BuildOptions
from sitegen.serve.reload import Broadcaster
from sitegen.serve.server import PreviewServer
from sitegen.serve.session import Session
from sitegen.serve.watcher import Debouncer, SiteEvents, Watcher


class Preview:
    def __init__(self, options: BuildOptions, host: str, port: int, reload: bool = True) -> None:
        """Bind the port (raises OSError if it is taken) but build nothing yet."""
        self.live = Broadcaster() if reload else None
        self.session = Session(options, self.live)
        self.server = PreviewServer((host, port), self.session.current, self.live)
        self.debouncer = Debouncer(self._rebuild)
        self.watcher = Watcher(SiteEvents(self.session.relevant, self.debouncer.add))
        self._serving = False

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        name = f"[{name}]" if ":" in name else name
        return f"http://{name}:{port}{self.session.site.base_path}"

    def start(self) -> bool:
        """Build once and start watching; False if that first build failed (the server then
        shows the problems and whatever an earlier build left)."""
        if self.live is not None:  # watch first: edits made during the first build count
            self.watcher.watch(self.session.watched())
            self.watcher.start()
        ok = self.session.build()
        if self.live is not None:
            self.debouncer.start(before=self.session.prepare)
        return ok

    def _rebuild(self, changed: set[Path]) -> None:
        self.session.build(changed, retry_coming=self.debouncer.pending())
        self.watcher.watch(self.session.watched())  # e.g. static/ was created, a theme switched

    def serve_forever(self) -> None:
        self._serving = True
        try:
            self.server.serve_forever()
        finally:
            self._serving = False

    def close(self) -> None:
        if self.live is not None:
            self.debouncer.stop()
            self.watcher.stop()
            self.live.close()  # ends the open event streams
        if self._serving:  # serving in another thread (Ctrl-C already ended it in this one)
            self.server.shutdown()
        self.server.server_close()
