"""Benchmark whole `anwei` runs: the real corpus, synthetic corpora of 10 and 100 notices, a corpus with errors,
and check-jsonschema validating the same YAML files against the project's source schemas.

    python scripts/bench.py            # 7 rounds
    python scripts/bench.py --runs 15

Every case is a fresh process (a cold start, as on a commit hook). The cases run interleaved, one round after
another, so that a change in machine load touches all of them alike; the table gives medians, the ratios the
project's targets are stated in, and each case's peak memory (the child's ru_maxrss).

The peer row needs check-jsonschema, which is not a dependency of the project: `pip install check-jsonschema`.
Without it that row and its ratio are skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


@dataclass
class Case:
    name: str
    commands: list[list[str]]  # run one after another; the case's time is their sum
    expect: set[int] = field(default_factory=lambda: {0})
    seconds: list[float] = field(default_factory=list)
    peak_kib: int = 0

    def run(self, env: dict[str, str]) -> None:
        total = 0.0
        for command in self.commands:
            started = time.perf_counter()
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            _, status, usage = os.wait4(child.pid, 0)
            total += time.perf_counter() - started
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode not in self.expect:
                raise SystemExit(f"{self.name}: {' '.join(command)} exited {child.returncode}")
            self.peak_kib = max(self.peak_kib, usage.ru_maxrss)
        self.seconds.append(total)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of every case (default 7)")
    args = parser.parse_args()

    python = sys.executable
    anwei = [python, "-m", "anwei_corpus"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    work = Path(tempfile.mkdtemp(prefix="anwei-bench-"))
    try:
        errors = error_corpus(work / "errors")
        ten = make_synthetic(10, work / "synthetic-10")
        hundred = make_synthetic(100, work / "synthetic-100")
        cases = [
            Case("python -c pass", [[python, "-c", "pass"]]),
            Case("validate real", [[*anwei, "validate", str(DATA)]]),
            Case("validate errors", [[*anwei, "validate", str(errors)]], expect={1}),
            Case("validate 10 notices", [[*anwei, "validate", str(ten)]]),
            Case("validate 100 notices", [[*anwei, "validate", str(hundred)]]),
            Case("export real", [[*anwei, "export", str(DATA), "--out", str(work / "out-1")]]),
            Case("export 10 notices", [[*anwei, "export", str(ten), "--out", str(work / "out-10")]]),
            Case("export 100 notices", [[*anwei, "export", str(hundred), "--out", str(work / "out-100")]]),
        ]
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
        for _ in range(args.runs):
            for case in cases:
                case.run(env)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    by_name = {case.name: case for case in cases}
    baseline = by_name["python -c pass"].median
    print(f"machine: {machine()}")
    print(f"rounds: {args.runs}, medians of whole-process runs\n")
    print(f"{'case':<28} {'median s':>9} {'min s':>7} {'max s':>7} {'x pass':>7} {'peak MiB':>9}")
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
    ratio("validate real / python -c pass", real / baseline, 18)
    if peer is None:
        print("  validate real / check-jsonschema                      skipped: pip install check-jsonschema")
    else:
        ratio("validate real / check-jsonschema (same 6 files)", real / peer.median, 0.6)
    ratio("validate errors / validate real", by_name["validate errors"].median / real, 1.5)
    ratio("validate 100 notices", by_name["validate 100 notices"].median, 2.0, " s")
    for verb in ("validate", "export"):
        one, ten_, hundred_ = (by_name[f"{verb} {size}"].median for size in ("real", "10 notices", "100 notices"))
        ratio(f"{verb}: 10 notices / 1 (corpus grew 10x)", ten_ / one, 10)
        ratio(f"{verb}: 100 notices / 10 (corpus grew 10x)", hundred_ / ten_, 10)
        print(f"  {verb}: cost of one more notice {(hundred_ - ten_) / 90 * 1000:>29.1f} ms")


if __name__ == "__main__":
    main()
