"""Benchmark whole `anwei` runs: start-up commands, the real corpus (cold and from the result cache), synthetic
corpora of 10, 100 and (with --large) 1,000 notices, a corpus with errors, and check-jsonschema validating the
same YAML files against the project's source schemas.

    .venv/bin/python scripts/bench.py            # 7 rounds
    .venv/bin/python scripts/bench.py --runs 15 --large
    .venv/bin/python scripts/bench.py --scaling  # and 100, 300, 1,000 notices, serial and on every CPU

It prints Markdown: the section to paste into BENCHMARKS.md as its current figures.

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
import datetime
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
# seconds, exit status, peak KiB, CPU seconds. The child's usage includes that of the processes it waited for (the
# workers of `validate --jobs`): their CPU time is added, and the peak is that of the largest process.
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
    cpu = usage.ru_utime + usage.ru_stime
    print(elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss, cpu, flush=True)
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

    def run(self, command: list[str]) -> tuple[float, int, int, float]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\t".join([str(ROOT), *command]) + "\n")
        self.process.stdin.flush()
        seconds, status, peak_kib, cpu = self.process.stdout.readline().split()
        return float(seconds), int(status), int(peak_kib), float(cpu)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


@dataclass
class Case:
    name: str
    commands: list[list[str]]  # run one after another; the case's time is their sum
    expect: set[int] = field(default_factory=lambda: {0})
    notices: int = 0  # for the scaling cases: the corpus's size
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kib: int = 0

    def run(self, launcher: Launcher) -> None:
        total = cpu_total = 0.0
        for command in self.commands:
            seconds, status, peak_kib, cpu = launcher.run(command)
            total += seconds
            cpu_total += cpu
            if status not in self.expect:
                raise SystemExit(f"{self.name}: {' '.join(command)} exited {status}")
            self.peak_kib = max(self.peak_kib, peak_kib)
        self.seconds.append(total)
        self.cpu.append(cpu_total)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


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
    return f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}"


def anwei_command(python: str) -> list[str]:
    """The `anwei` script installed beside this interpreter, as users run it; `python -m anwei_corpus` without one."""
    script = Path(python).with_name("anwei")
    return [str(script)] if script.is_file() else [python, "-m", "anwei_corpus"]


def versions(python: str) -> str:
    """The versions of the interpreter and of the libraries that set the pace."""
    from importlib.metadata import PackageNotFoundError, version

    found = [f"Python {platform.python_version()}"]
    for package in ("anwei-corpus", "pydantic", "pydantic-core", "ruamel.yaml", "typer"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)


def markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of every case (default 7)")
    parser.add_argument("--large", action="store_true", help="add the 1,000-notice corpus (slow)")
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="add 100, 300 and 1,000 notices, each checked serially (--jobs 1) and on every CPU (slow)",
    )
    parser.add_argument("--scaling-runs", type=int, default=3, help="rounds of the scaling cases (default 3)")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of a cold validate and of python -c pass (valgrind), which load does not move",
    )
    args = parser.parse_args()

    python = sys.executable
    anwei = anwei_command(python)
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="anwei-bench-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), ANWEI_CACHE_DIR=str(work / "cache"))
    env.pop("GITHUB_ACTIONS", None)
    launcher = Launcher(env)
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
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
        scaling: list[Case] = []
        if args.scaling:
            for count in (100, 300, 1000):
                folder = sizes.get(f"{count} notices") or make_synthetic(count, work / f"synthetic-{count}")
                for chosen in sorted({1, jobs}):
                    command = [*validate, "--jobs", str(chosen), str(folder)]
                    scaling.append(Case(f"validate {count} notices, --jobs {chosen}", [command], notices=count))
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
        for _ in range(args.scaling_runs if scaling else 0):
            for case in scaling:
                case.run(launcher)
        load_after = os.getloadavg()
    finally:
        launcher.close()
        shutil.rmtree(work, ignore_errors=True)

    print_cases(args, cases, anwei, python, load_before, load_after, scaling)
    print_targets(cases, sizes, peer)
    if scaling:
        print_scaling(scaling, args.scaling_runs)
    if args.instructions:
        print_instructions(python, anwei, env)


def print_cases(
    args: argparse.Namespace,
    cases: list[Case],
    anwei: list[str],
    python: str,
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
    scaling: list[Case],
) -> None:
    """The section's heading, the conditions of the run, and the table of cases."""
    baseline = next(case for case in cases if case.name == "python -c pass").median
    # Markdown throughout, to paste into BENCHMARKS.md as its current section.
    print(f"## Current ({datetime.date.today().isoformat()})\n")
    print(f"Machine: {machine()}. Versions: {versions(python)}.")
    print(
        f"Command: `python scripts/bench.py --runs {args.runs}"
        + (" --large" if args.large else "")
        + (f" --scaling --scaling-runs {args.scaling_runs}" if scaling else "")
        + (" --instructions" if args.instructions else "")
        + f"`, running `{' '.join(Path(part).name if i == 0 else part for i, part in enumerate(anwei))}`; "
        f"bytecode compiled before the first round; {args.runs} interleaved rounds, medians of whole-process runs."
    )
    print(
        "Load average (1, 5, 15 min): before "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; after "
        + ", ".join(f"{x:.2f}" for x in load_after)
        + "."
    )
    for pth in code_running_pth_files():
        print(f"Note: {pth} runs code at every start (paid by the baseline and by anwei alike).")
    print()
    print(markdown_row(["case", "median s", "min s", "max s", "CPU s", "× `python -c pass`", "peak MiB"]))
    print(markdown_row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]))
    for case in cases:
        print(
            markdown_row(
                [
                    f"`{case.name}`" if case.name.startswith("python") else case.name,
                    f"{case.median:.3f}",
                    f"{min(case.seconds):.3f}",
                    f"{max(case.seconds):.3f}",
                    f"{case.median_cpu:.3f}",
                    f"{case.median / baseline:.1f}",
                    f"{case.peak_kib / 1024:.1f}",
                ]
            )
        )


def print_targets(cases: list[Case], sizes: dict[str, Path], peer: Case | None) -> None:
    """The issue's targets, each with the measured ratio."""
    by_name = {case.name: case for case in cases}
    baseline = by_name["python -c pass"].median
    targets: list[list[str]] = []

    def ratio(label: str, value: float, limit: float | None = None, unit: str = "×") -> None:
        verdict = "—" if limit is None else ("met" if value <= limit else "**not met**")
        targets.append([label, f"{value:.2f}{unit}", "—" if limit is None else f"≤ {limit:g}{unit}", verdict])

    real = by_name["validate real"].median
    ratio("validate real / `python -c pass`", real / baseline, 15)
    ratio("`anwei --help` / `python -c pass`", by_name["anwei --help"].median / baseline, 5)
    ratio("`anwei rules` / `python -c pass`", by_name["anwei rules"].median / baseline, 5)
    ratio("validate real, cached / `python -c pass`", by_name["validate real, cached"].median / baseline, 3)
    if peer is not None:
        ratio("validate real / check-jsonschema (same 6 files)", real / peer.median, 0.6)
    ratio("validate errors / validate real", by_name["validate errors"].median / real, 1.5)
    previous, previous_count = "real", 1
    for size in sizes:
        count = int(size.split()[0])
        growth = by_name[f"validate {size}"].median / by_name[f"validate {previous}"].median
        ratio(
            f"validate {size} / {previous} (corpus {count // previous_count}× larger)", growth, count // previous_count
        )
        previous, previous_count = size, count
    ten, hundred = (by_name[f"validate {size}"].median for size in ("10 notices", "100 notices"))
    targets.append(["validate: cost of one more notice", f"{(hundred - ten) / 90 * 1000:.1f} ms", "—", "—"])
    print()
    print(markdown_row(["target", "measured", "limit", ""]))
    print(markdown_row(["---", "---:", "---:", "---"]))
    for row in targets:
        print(markdown_row(row))
    if peer is None:
        print("\nThe check-jsonschema row is skipped: `pip install check-jsonschema`.")


def instructions(command: list[str], env: dict[str, str]) -> int:
    """The instructions a whole process executes, counted by valgrind's callgrind."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    counted = [line for line in result.stderr.splitlines() if "Collected :" in line]
    if not counted:
        raise SystemExit(f"valgrind counted nothing for {' '.join(command)}:\n{result.stderr[-2000:]}")
    return int(counted[-1].rsplit(":", 1)[1].strip())


def print_instructions(python: str, anwei: list[str], env: dict[str, str]) -> None:
    """Instruction counts of a cold validate and of the bare interpreter: a ratio no other process moves."""
    if shutil.which("valgrind") is None:
        print("\nInstruction counts skipped: valgrind is not installed.")
        return
    bare = instructions([python, "-c", "pass"], env)
    print("\nInstructions (valgrind --tool=callgrind, whole process, bytecode compiled):\n")
    print(markdown_row(["case", "instructions", "× `python -c pass`"]))
    print(markdown_row(["---", "---:", "---:"]))
    print(markdown_row(["`python -c pass`", f"{bare:,}", "1.0"]))
    for name, command in (
        ("validate real", [*anwei, "validate", "--no-cache", str(DATA)]),
        ("anwei --help", [*anwei, "--help"]),
    ):
        count = instructions(command, env)
        print(markdown_row([name, f"{count:,}", f"{count / bare:.1f}"]))


def print_scaling(scaling: list[Case], rounds: int) -> None:
    """Time and memory per notice at 100, 300 and 1,000 notices, serial and on every CPU."""
    print(
        f"\nScaling: {rounds} interleaved rounds, medians. CPU is user and system time of the run and"
        " of its workers; peak is the largest single process (each worker holds only the notices it checks)."
    )
    print()
    print(markdown_row(["case", "median s", "CPU s", "ms per notice (wall)", "ms per notice (CPU)", "peak MiB"]))
    print(markdown_row(["---", "---:", "---:", "---:", "---:", "---:"]))
    for case in scaling:
        print(
            markdown_row(
                [
                    case.name,
                    f"{case.median:.2f}",
                    f"{case.median_cpu:.2f}",
                    f"{case.median / case.notices * 1000:.1f}",
                    f"{case.median_cpu / case.notices * 1000:.1f}",
                    f"{case.peak_kib / 1024:.1f}",
                ]
            )
        )


if __name__ == "__main__":
    main()
