"""Make a synthetic corpus of N notices from the real one, for benchmarks.

Each notice is a copy of the real notice under a new folder name and ID, with its own serial number written into
both the document number of notice.yaml and the source text, and the source's SHA-256 recomputed, so that the
synthetic corpus validates as cleanly as the real one.

    python scripts/make_synthetic.py 100 /tmp/corpus-100
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = "putuo-anwei-2022-6"
SEED_DOC_NUMBER = "普安委〔2022〕6号"


def make_synthetic(count: int, target: Path, data: Path = DATA) -> Path:
    """Write a corpus of ``count`` notices into ``target`` (replaced if it exists) and return it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(data / "registry", target / "registry")
    seed = data / "notices" / SEED
    seed_source = (seed / "source.txt").read_bytes()
    seed_hash = hashlib.sha256(seed_source).hexdigest()
    folders = []
    for serial in range(1, count + 1):
        folder = f"putuo-synthetic-2022-{serial}"  # district-organ-year-serial, as real IDs
        folders.append(folder)
        shutil.copytree(seed, target / "notices" / folder)
        doc_number = f"普安委〔2022〕{serial}号"
        source = seed_source.replace(SEED_DOC_NUMBER.encode(), doc_number.encode(), 1)
        (target / "notices" / folder / "source.txt").write_bytes(source)
        notice = (seed / "notice.yaml").read_text(encoding="utf-8")
        notice = (
            notice.replace(f"id: {SEED}", f"id: {folder}", 1)
            .replace(f"printed: {SEED_DOC_NUMBER}", f"printed: {doc_number}", 1)
            .replace("serial: 6\n", f"serial: {serial}\n", 1)
            .replace(seed_hash, hashlib.sha256(source).hexdigest(), 1)
        )
        (target / "notices" / folder / "notice.yaml").write_text(notice, encoding="utf-8")
    manifest = (data / "corpus.yaml").read_text(encoding="utf-8")
    head = manifest[: manifest.index("notices:")]
    listing = "".join(f"  - {folder}\n" for folder in folders)
    (target / "corpus.yaml").write_text(f"{head}notices:\n{listing}", encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of notices")
    parser.add_argument("target", type=Path, help="folder to write (replaced if it exists)")
    args = parser.parse_args()
    print(make_synthetic(args.count, args.target))


if __name__ == "__main__":
    main()
