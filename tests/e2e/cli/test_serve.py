"""`medinfo serve` answers HTTP on the given host and port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from medinfo.interfaces.cli.main import app


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_the_monograph_api(fake_real_pipeline: None, sqlite_url: str) -> None:
    assert CliRunner().invoke(app, ["db", "create", "--db", sqlite_url]).exit_code == 0
    port = _free_port()
    medinfo = str(Path(sys.executable).with_name("medinfo"))
    server = subprocess.Popen(
        [medinfo, "serve", "--port", str(port), "--db", sqlite_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/drugs/lioresal", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["drug"] == "baclofen"
    finally:
        server.terminate()
        server.wait(timeout=10)
