"""Run every benchmark and print one table: each figure beside its goal.

Each script runs in its own interpreter (so one's memory does not weigh on the
next) and appends its figures to a results file; this runner prints them
together::

    python benchmarks/run.py [script.py ...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "import_time.py",
    "status.py",
    "csv_export.py",
    "json_roundtrip.py",
    "recommendations_import.py",
    "ics_export.py",
    "html_report.py",
    "text_import.py",
    "growth.py",
)


def main() -> int:
    """Run the scripts named on the command line (default: all) and print the table."""
    scripts = sys.argv[1:] or list(SCRIPTS)
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results.jsonl"
        env = {**os.environ, "HRPLAN_BENCH_RESULTS": str(results)}
        failed = []
        for script in scripts:
            print(f"--- {script}", flush=True)
            if subprocess.run([sys.executable, script], cwd=HERE, env=env).returncode:
                failed.append(script)
        rows = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    width = max((len(r["path"]) for r in rows), default=10)
    print()
    print(f"| {'path':<{width}} | {'figure':>10} | {'goal':<10} | met |")
    print(f"|{'-' * (width + 2)}|{'-' * 12}|{'-' * 12}|-----|")
    for r in rows:
        print(f"| {r['path']:<{width}} | {r['figure']:>10} | {r['goal']:<10} | {'yes' if r['met'] else 'NO':<3} |")
    if failed:
        print(f"scripts that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
