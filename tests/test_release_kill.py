"""``anwei export`` killed with SIGKILL at each step of writing into an existing release.

A child process runs the real command with the disk calls of the write path counted; at the chosen call it says
so and waits, and is killed there. After every kill the target must hold a whole release that verifies (the old
one or the new one); with the two-rename fallback the only other state allowed is the old release parked beside
the target, which the next export puts back. The next export then clears every leftover.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, NOTICE, ROOT

from anwei_corpus.release_read import load_release

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and RENAME_EXCHANGE")

# The child: count the write path's disk calls; at call number STOP_AT, print it and wait to be killed. With
# STOP_AT 0, run through and print every call's name.
CHILD = """
import os, sys, time
from anwei_corpus import atomic_folder
from anwei_corpus.entry import main

stop_at, exchange = int(sys.argv[1]), sys.argv[2] == "exchange"
calls = []

def counted(name, real):
    def wrapper(*args, **kwargs):
        calls.append(name)
        if len(calls) == stop_at:
            print(stop_at, name, flush=True)
            time.sleep(600)
        return real(*args, **kwargs)
    return wrapper

for name in ("rename", "fsync", "unlink", "rmdir", "open"):
    setattr(atomic_folder.os, name, counted(name, getattr(os, name)))
atomic_folder._exchange = counted("exchange", atomic_folder._exchange if exchange else lambda first, second: False)
sys.argv = ["anwei", "export", *sys.argv[3:]]
try:
    main()
finally:
    print("calls", " ".join(calls), flush=True)
"""
# The calls that change what stands at the target.
SWAP_CALLS = {"rename", "exchange"}


def run_child(stop_at: int, mode: str, corpus: Path, target: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(stop_at), mode, str(corpus), "--out", str(target)],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def kill_at(stop_at: int, mode: str, corpus: Path, target: Path) -> None:
    child = run_child(stop_at, mode, corpus, target)
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.split()[0] == str(stop_at), line  # it stopped where asked, not earlier or never
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)


def calls_of_a_whole_export(mode: str, corpus: Path, target: Path) -> list[str]:
    child = run_child(0, mode, corpus, target)
    output, _ = child.communicate(timeout=120)
    assert child.returncode == 0
    return output.split("calls", 1)[1].split()


def export(corpus: Path, target: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "export", str(corpus), "--out", str(target)],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize("mode", ["exchange", "two-renames"])
def test_a_killed_export_leaves_a_whole_release_at_every_step(tmp_path, mode):
    old_corpus, new_corpus = tmp_path / "old" / "data", tmp_path / "new" / "data"
    shutil.copytree(DATA, old_corpus)
    shutil.copytree(DATA, new_corpus)
    body = new_corpus / NOTICE / "body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("照印本保留。", "照印本保留，待核。", 1), encoding="utf-8")
    target = tmp_path / "out" / "release"
    export(old_corpus, target)
    old = load_release(target)
    calls = calls_of_a_whole_export(mode, new_corpus, target)
    new = load_release(target)
    assert new != old
    export(old_corpus, target)
    # from the swap on, every rename and every call that differs from the one before it (the removal of the old
    # folder is runs of unlinks), and the last; before it, every tenth (the files being written)
    first_swap = next(index for index, name in enumerate(calls) if name in SWAP_CALLS)
    steps = [
        n
        for n in range(1, len(calls) + 1)
        if n % 10 == 0
        or (n > first_swap and (calls[n - 1] in SWAP_CALLS or calls[n - 1] != calls[n - 2] or n == len(calls)))
    ]
    assert {calls[n - 1] for n in steps} >= {"exchange" if mode == "exchange" else "rename", "fsync", "open"}
    for step in steps:
        # each run starts by putting right what the run killed before it left: a parked release, a staging folder
        kill_at(step, mode, new_corpus, target)
        parked = sorted(target.parent.glob(".release.old-*"))
        if not target.exists():  # killed between the fallback's two renames: the release waits beside it
            assert mode == "two-renames" and len(parked) == 1, step
            assert load_release(parked[0]) in (old, new), step
        else:
            assert load_release(target) in (old, new), f"killed at call {step} ({calls[step - 1]})"
    export(old_corpus, target)
    assert load_release(target) == old
    assert [path.name for path in target.parent.iterdir()] == ["release"]
