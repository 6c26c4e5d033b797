"""The live-reload event stream: message format, replay to late pages, the injected script."""

from __future__ import annotations

import json

from sitegen.serve.reload import KEEPALIVE, Broadcaster, Message, inject, snippet


def decode(raw: bytes | None) -> tuple[str, str, dict[str, object]]:
    assert raw is not None and raw.endswith(b"\n\n")
    fields = dict(line.split(": ", 1) for line in raw.decode().strip().split("\n"))
    return fields["id"], fields["event"], json.loads(fields["data"])


def test_message_format() -> None:
    raw = Message(3, "build", {"changed": ["a\nb/index.html"], "removed": []}).encode("t0k3n")
    assert raw.count(b"\n") == 4  # id, event, one data line, blank line
    assert decode(raw) == ("t0k3n:3", "build", {"changed": ["a\nb/index.html"], "removed": []})


def test_subscribers_get_what_is_published() -> None:
    live = Broadcaster()
    stream = live.subscribe(None)
    live.publish("build", {"changed": ["index.html"], "removed": []})
    assert decode(stream.get(1))[1:] == ("build", {"changed": ["index.html"], "removed": []})
    assert stream.get(0.01) == KEEPALIVE
    live.close()
    assert stream.get(1) is None


def test_a_page_served_before_a_build_gets_it_replayed() -> None:
    live = Broadcaster()
    served_at = live.last_id
    live.publish("build", {"changed": ["index.html"], "removed": []})
    stream = live.subscribe(served_at)
    assert decode(stream.get(1))[1] == "build"
    assert live.subscribe(live.last_id).get(0.01) == KEEPALIVE  # nothing new


def test_errors_stay_until_a_build_succeeds() -> None:
    live = Broadcaster()
    live.publish("errors", {"problems": ["content/articles/a.md:2: bad"]})
    assert decode(live.subscribe(live.last_id).get(1))[1] == "errors"
    live.publish("build", {"changed": [], "removed": []})
    assert live.subscribe(live.last_id).get(0.01) == KEEPALIVE


def test_a_page_from_another_server_process_reloads() -> None:
    assert decode(Broadcaster().subscribe("0ther:12").get(1))[1] == "reload"


def test_a_page_too_far_behind_reloads() -> None:
    live = Broadcaster()
    served_at = live.last_id
    for _ in range(Broadcaster.HISTORY + 1):
        live.publish("build", {"changed": [], "removed": []})
    assert decode(live.subscribe(served_at).get(1))[1] == "reload"


def test_script_goes_before_the_last_body_end() -> None:
    script = snippet(["index.html"], "/briefing/", "t:1")
    page = inject(b"<p>&lt;/body&gt;</p></BODY></html>", script)
    assert page.endswith(script + b"</BODY></html>")
    assert b'"/briefing/"' not in script  # the JSON is escaped inside the attribute
    assert inject(b"<p>no body</p>", script) == b"<p>no body</p>" + script
