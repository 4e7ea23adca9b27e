"""Benchmark whole `anwei` runs: start-up commands, the real corpus (cold and from the result cache), synthetic
corpora of 10, 100 and (with --large) 1,000 notices, a corpus with errors, and check-jsonschema validating the
same YAML files against the project's source schemas.

    .venv/bin/python scripts/bench.py            # 7 rounds
    .venv/bin/python scripts/bench.py --runs 15 --large

Every case is a fresh process (a cold start, as on a commit hook). The cases run interleaved, one round after
another, so that a change in machine load touches all of them alike; the table gives medians, the ratios the
project's targets are stated in, and each case's peak memory.

Two things would distort the figures, and the script rules both out:
- Bytecode. An editable checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every module on every start, which
  an installed package never does; the package's sources are compiled (compileall) before the first round.
- The baseline. Linux carries a process's peak memory across exec, so a child started by this script would report
  at least this script's own memory, and this script imports the package. Every command is therefore started by
  a small launcher (`python -I -S`, nothing imported) that forks and execs it and reports its time and peak.
  The baseline is `python -c pass` of the same interpreter and environment as `anwei`, so start-up code in the
  interpreter's site-packages (.pth files, listed when they run code) is paid by both; run from the project's
  virtualenv, whose site-packages holds only what the project installs. `python -I -S -c pass`, the interpreter
  without site-packages, is shown for comparison.

The peer row needs check-jsonschema, which is not a dependency of the project: `pip install check-jsonschema`.
Without it that row and its ratio are skipped.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import platform
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from make_synthetic import make_synthetic  # noqa: E402 (found through the path set above)

from anwei_corpus.corpus import yaml_layout  # noqa: E402

DATA = ROOT / "data"
NOTICE = "notices/putuo-anwei-2022-6"
SCHEMA_OF = yaml_layout(["putuo-anwei-2022-6"])
# Damage of several kinds, so the error corpus pays for every path an error can take: a file that fails to parse
# (read again on the reference parser), a schema error, a rule finding and a checksum mismatch.
ERRORS = (
    (f"{NOTICE}/attachment.yaml", "\ntasks:\n", "\ntasks:\ntasks:\n"),
    ("registry/units.yaml", "kind: committee", "kind: [committee]"),
    (
        f"{NOTICE}/body.yaml",
        "[[emergency-bureau, organisation-department]]",
        "[[emergency-buraeu, organisation-department]]",
    ),
    (f"{NOTICE}/notice.yaml", "sha256: f", "sha256: e"),
)


# Started as `python -I -S`: imports nothing but builtins, so the peak memory of what it starts (Linux carries the
# maximum resident size across exec) is the child's own. One line per command in, tab-separated; one line out:
# seconds, exit status, peak KiB.
LAUNCHER = """
import os, sys, time
for line in sys.stdin:
    cwd, *argv = line.rstrip("\\n").split("\\t")
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            quiet = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(quiet, fd)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    print(elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss, flush=True)
"""


class Launcher:
    def __init__(self, env: dict[str, str]):
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )

    def run(self, command: list[str]) -> tuple[float, int, int]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\t".join([str(ROOT), *command]) + "\n")
        self.process.stdin.flush()
        seconds, status, peak_kib = self.process.stdout.readline().split()
        return float(seconds), int(status), int(peak_kib)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


@dataclass
class Case:
    name: str
    commands: list[list[str]]  # run one after another; the case's time is their sum
    expect: set[int] = field(default_factory=lambda: {0})
    seconds: list[float] = field(default_factory=list)
    peak_kib: int = 0

    def run(self, launcher: Launcher) -> None:
        total = 0.0
        for command in self.commands:
            seconds, status, peak_kib = launcher.run(command)
            total += seconds
            if status not in self.expect:
                raise SystemExit(f"{self.name}: {' '.join(command)} exited {status}")
            self.peak_kib = max(self.peak_kib, peak_kib)
        self.seconds.append(total)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def code_running_pth_files() -> list[str]:
    """The .pth files of this interpreter's site-packages that run code at every start (lines beginning `import`)."""
    found = []
    for folder in {*site.getsitepackages(), site.getusersitepackages()}:
        for pth in sorted(Path(folder).glob("*.pth")):
            try:
                lines = pth.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            if any(line.startswith(("import ", "import\t")) for line in lines):
                found.append(str(pth))
    return found


def compile_bytecode() -> None:
    """Compile the package as an installation would, since PYTHONDONTWRITEBYTECODE may keep runs from doing it."""
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    for folder in site.getsitepackages():
        if os.access(folder, os.W_OK):
            compileall.compile_dir(folder, quiet=1)


def error_corpus(target: Path) -> Path:
    shutil.copytree(DATA, target)
    for relative, old, new in ERRORS:
        path = target / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def anwei_command(python: str) -> list[str]:
    """The `anwei` script installed beside this interpreter, as users run it; `python -m anwei_corpus` without one."""
    script = Path(python).with_name("anwei")
    return [str(script)] if script.is_file() else [python, "-m", "anwei_corpus"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of every case (default 7)")
    parser.add_argument("--large", action="store_true", help="add the 1,000-notice corpus (slow)")
    args = parser.parse_args()

    python = sys.executable
    anwei = anwei_command(python)
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="anwei-bench-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), ANWEI_CACHE_DIR=str(work / "cache"))
    env.pop("GITHUB_ACTIONS", None)
    launcher = Launcher(env)
    try:
        errors = error_corpus(work / "errors")
        sizes = {"10 notices": make_synthetic(10, work / "synthetic-10")}
        sizes["100 notices"] = make_synthetic(100, work / "synthetic-100")
        if args.large:
            sizes["1000 notices"] = make_synthetic(1000, work / "synthetic-1000")
        validate = [*anwei, "validate", "--no-cache"]
        cases = [
            Case("python -c pass", [[python, "-c", "pass"]]),
            Case("python -I -S -c pass", [[python, "-I", "-S", "-c", "pass"]]),
            Case("anwei --help", [[*anwei, "--help"]]),
            Case("anwei rules", [[*anwei, "rules"]]),
            Case("validate real", [[*validate, str(DATA)]]),
            Case("validate real, cached", [[*anwei, "validate", str(DATA)]]),
            Case("validate errors", [[*validate, str(errors)]], expect={1}),
            *(Case(f"validate {size}", [[*validate, str(path)]]) for size, path in sizes.items()),
            Case("export real", [[*anwei, "export", str(DATA), "--out", str(work / "out-1")]]),
            Case("export 10 notices", [[*anwei, "export", str(sizes["10 notices"]), "--out", str(work / "out-10")]]),
        ]
        launcher.run([*anwei, "validate", str(DATA)])  # fills the cache for the cached case
        peer = None
        if importlib.util.find_spec("check_jsonschema") is not None:
            commands = [
                [
                    python,
                    "-m",
                    "check_jsonschema",
                    "--schemafile",
                    str(ROOT / "schema/source" / f"{schema}.schema.json"),
                    str(DATA / relative),
                ]
                for relative, schema in SCHEMA_OF.items()
            ]
            peer = Case("check-jsonschema, 6 files", commands, expect={0, 1})
            cases.append(peer)
        load_before = os.getloadavg()
        for _ in range(args.runs):
            for case in cases:
                case.run(launcher)
        load_after = os.getloadavg()
    finally:
        launcher.close()
        shutil.rmtree(work, ignore_errors=True)

    by_name = {case.name: case for case in cases}
    baseline = by_name["python -c pass"].median
    print(f"machine: {machine()}")
    print(f"command: {' '.join(anwei)}; bytecode compiled before the first round")
    print(f"rounds: {args.runs}, medians of whole-process runs, interleaved")
    print("load average (1, 5, 15 min): before " + ", ".join(f"{x:.2f}" for x in load_before), end="")
    print("; after " + ", ".join(f"{x:.2f}" for x in load_after))
    for pth in code_running_pth_files():
        print(f"note: {pth} runs code at every start (paid by the baseline and by anwei alike)")
    print(f"\n{'case':<28} {'median s':>9} {'min s':>7} {'max s':>7} {'x pass':>7} {'peak MiB':>9}")
    for case in cases:
        print(
            f"{case.name:<28} {case.median:>9.3f} {min(case.seconds):>7.3f} {max(case.seconds):>7.3f} "
            f"{case.median / baseline:>7.1f} {case.peak_kib / 1024:>9.1f}"
        )

    def ratio(label: str, value: float, limit: float | None = None, unit: str = "x") -> None:
        verdict = "" if limit is None else ("  ok" if value <= limit else f"  OVER (target {limit}{unit})")
        print(f"  {label:<52} {value:>6.2f}{unit}{verdict}")

    real = by_name["validate real"].median
    print("\ntargets")
    ratio("validate real / python -c pass", real / baseline, 15)
    ratio("anwei --help / python -c pass", by_name["anwei --help"].median / baseline, 5)
    ratio("anwei rules / python -c pass", by_name["anwei rules"].median / baseline, 5)
    ratio("validate real, cached / python -c pass", by_name["validate real, cached"].median / baseline, 3)
    if peer is None:
        print("  validate real / check-jsonschema                      skipped: pip install check-jsonschema")
    else:
        ratio("validate real / check-jsonschema (same 6 files)", real / peer.median, 0.6)
    ratio("validate errors / validate real", by_name["validate errors"].median / real, 1.5)
    previous, previous_count = "real", 1
    for size in sizes:
        count = int(size.split()[0])
        growth = by_name[f"validate {size}"].median / by_name[f"validate {previous}"].median
        ratio(
            f"validate: {size} / {previous} (corpus grew {count // previous_count}x)", growth, count // previous_count
        )
        previous, previous_count = size, count
    ten, hundred = (by_name[f"validate {size}"].median for size in ("10 notices", "100 notices"))
    print(f"  validate: cost of one more notice {(hundred - ten) / 90 * 1000:>29.1f} ms")


if __name__ == "__main__":
    main()
