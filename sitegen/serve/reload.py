"""Live reload: a Server-Sent Events broadcaster and the script the server injects into pages.

Every message has an id ``<token>:<n>``. A page is served with the id of the last message sent
before it was read from disk, and its script asks for everything after that id: a rebuild that
finishes while the page is loading is replayed instead of lost. The token changes with every
server process, so a page left open across a restart reloads once instead of trusting old ids.
"""

from __future__ import annotations

import html
import json
import queue
import secrets
import threading
from collections import deque
from dataclasses import dataclass
from importlib import resources
from typing import Any

EVENTS_PATH = "/__sitegen/events"
KEEPALIVE = b": keep-alive\n\n"
RETRY = b"retry: 1000\n\n"  # reconnect quickly when the server restarts


@dataclass(frozen=True)
class Message:
    number: int
    event: str  # "build", "errors" or "reload"
    data: dict[str, Any]

    def encode(self, token: str) -> bytes:
        # json.dumps never emits a newline, so the data always fits one SSE "data:" line.
        data = json.dumps(self.data, separators=(",", ":"))
        return f"id: {token}:{self.number}\nevent: {self.event}\ndata: {data}\n\n".encode()


class Subscription:
    """One open event stream; :meth:`get` returns encoded messages, or None when closed."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def put(self, data: bytes | None) -> None:
        self._queue.put(data)

    def get(self, timeout: float) -> bytes | None:
        """The next message; KEEPALIVE after ``timeout`` seconds of silence."""
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return KEEPALIVE


class Broadcaster:
    HISTORY = 64  # messages kept for replay to pages that connect late

    def __init__(self) -> None:
        self.token = secrets.token_hex(4)
        self._lock = threading.Lock()
        self._history: deque[Message] = deque(maxlen=self.HISTORY)
        self._number = 0
        self._errors: Message | None = None  # sent to every new page until a build succeeds
        self._subscribers: set[Subscription] = set()
        self._closed = False

    @property
    def last_id(self) -> str:
        with self._lock:
            return f"{self.token}:{self._number}"

    def publish(self, event: str, data: dict[str, Any]) -> Message:
        with self._lock:
            self._number += 1
            message = Message(self._number, event, data)
            self._history.append(message)
            self._errors = message if event == "errors" else None
            encoded = message.encode(self.token)
            for subscriber in self._subscribers:
                subscriber.put(encoded)
        return message

    def subscribe(self, last_id: str | None) -> Subscription:
        subscription = Subscription()
        with self._lock:
            if self._closed:
                subscription.put(None)
                return subscription
            for message in self._missed(last_id):
                subscription.put(message.encode(self.token))
            self._subscribers.add(subscription)
        return subscription

    def _missed(self, last_id: str | None) -> list[Message]:
        token, _, number = (last_id or "").partition(":")
        replay: list[Message] = []
        if token == self.token and number.isdigit():
            oldest = self._history[0].number if self._history else self._number + 1
            if int(number) + 1 < oldest:  # more happened than the history holds
                replay.append(Message(self._number, "reload", {}))
            else:
                replay.extend(m for m in self._history if m.number > int(number))
        elif last_id:  # served by an earlier server process
            replay.append(Message(self._number, "reload", {}))
        if self._errors is not None and self._errors not in replay:
            replay.append(self._errors)
        return replay

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscribers.discard(subscription)

    def close(self) -> None:
        """End every open stream so the server's threads can finish."""
        with self._lock:
            self._closed = True
            for subscriber in self._subscribers:
                subscriber.put(None)
            self._subscribers.clear()


def client_script() -> str:
    return resources.files(__package__).joinpath("live.js").read_text(encoding="utf-8")


def snippet(files: list[str], base_path: str, last_id: str, review: str = "") -> bytes:
    """The ``<script>`` for a page made from ``files`` (output paths; for a 404 page both the
    404 page and the file that was asked for, so the page reloads when that file appears),
    shown with the review list of version ``review`` (see sitegen.serve.review_page)."""
    config = {
        "files": files,
        "base": base_path,
        "last": last_id,
        "events": EVENTS_PATH,
        "review": review,
    }
    attribute = html.escape(json.dumps(config), quote=True)
    return f'<script data-sitegen-live="{attribute}">\n{client_script()}</script>\n'.encode()


def inject(page: bytes, script: bytes) -> bytes:
    """Insert ``script`` before the page's last ``</body>``, or append it if there is none."""
    end = page.lower().rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]
