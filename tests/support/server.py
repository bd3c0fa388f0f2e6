"""Serve a Streamlit script on a free local port for the duration of a test, then stop it.

The server runs as `python -m streamlit run <script>` from the repository root (so the root is on
the import path, as the README's command has it), in its own process group so that teardown stops
everything it started.  Its output goes to a log file that failing tests print.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO_ROOT

APP_SCRIPT = REPO_ROOT / "workbench" / "app.py"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class ServerError(RuntimeError):
    """The app could not be prepared or did not come up; the message carries the server's output."""


@dataclass
class ServedApp:
    """A running Streamlit server: where to reach it, which database it uses, and its log."""

    url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    script: Path = field(default=APP_SCRIPT)

    def log_tail(self, *, max_chars: int = 6000) -> str:
        """The end of the server's combined stdout and stderr."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(no server log)"
        return text[-max_chars:]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now.

    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_environment(database_url: str) -> dict[str, str]:
    """The environment for the app and its command line: ours, plus the database and no telemetry."""
    env = dict(os.environ)
    env["WORKBENCH_DATABASE_URL"] = database_url
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def init_database(database_url: str, *, demo: bool = False, timeout: float = 120.0) -> None:
    """Run `python -m workbench init [--demo]` for `database_url`, raising ServerError with its output."""
    command = [sys.executable, "-m", "workbench", "init", *(["--demo"] if demo else [])]
    done = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=app_environment(database_url),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise ServerError(
            f"{' '.join(command[1:])} exited with {done.returncode}\n"
            f"--- stdout ---\n{done.stdout[-4000:]}\n--- stderr ---\n{done.stderr[-4000:]}"
        )


def _is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def start_app(
    *,
    database_url: str,
    log_path: Path,
    script: Path = APP_SCRIPT,
    timeout: float = START_TIMEOUT_S,
    port: int | None = None,
    extra_args: Sequence[str] = (),
    extra_env: Mapping[str, str] | None = None,
) -> ServedApp:
    """Start `script` under Streamlit on a free port (or ``port``) and return once /_stcore/health answers.
    ``extra_args`` go to `streamlit run` (e.g. ``--secrets.files``), ``extra_env`` to its environment."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        *extra_args,
    ]  # fmt: skip
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=app_environment(database_url) | dict(extra_env or {}),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as a whole on teardown
        )
    served = ServedApp(
        url=f"http://127.0.0.1:{port}",
        database_url=database_url,
        process=process,
        log_path=log_path,
        script=script,
    )
    deadline = time.monotonic() + timeout
    while not _is_healthy(served.url):
        if time.monotonic() > deadline:
            stop_app(served)
            raise ServerError(f"{script.name} not healthy after {timeout:.0f} s\n{served.log_tail()}")
        try:
            # Waiting on the process doubles as the poll interval and notices an early exit.
            process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue
        raise ServerError(f"{script.name} exited with {process.returncode}\n{served.log_tail()}")
    return served


def stop_app(served: ServedApp) -> None:
    """Stop the server's whole process group: SIGTERM, then SIGKILL if it lingers."""
    process = served.process
    if process.poll() is not None:
        return
    for sig, wait_s in ((signal.SIGTERM, STOP_TIMEOUT_S), (signal.SIGKILL, STOP_TIMEOUT_S)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait_s)
            return
        except subprocess.TimeoutExpired:
            continue
