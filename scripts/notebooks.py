"""Run the notebooks in notebooks/ and store their outputs, or check the stored ones.

    python scripts/notebooks.py            # execute every notebook, write its outputs back
    python scripts/notebooks.py --check    # execute, compare with the committed outputs

The committed notebooks carry their outputs (so they read well on the web); `--check`
(and the test suite, tests/test_notebooks.py) runs them fresh and fails when what the code
shows now differs from what was committed. Compared: every cell's text and HTML outputs,
after :func:`normalized` drops what changes from run to run or machine to machine
(execution timings, progress bars and widgets, memory addresses, the checkout's path,
temporary folders, the bytes of pictures: only that a picture is there counts).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT = 900  # seconds per cell
#: Outputs that are progress, not results.
WIDGET = "application/vnd.jupyter.widget-view+json"
SUBSTITUTIONS = (
    (re.compile(r"0x[0-9a-fA-F]{6,}"), "0x…"),
    (re.compile(r"/tmp[\w/.-]*?/quotes-[\w-]+"), "<tmp>"),
    (re.compile(r"\d+(\.\d+)?\s?(s|ms)/it|\d+(\.\d+)?it/s"), "<rate>"),
)


def execute(path: Path):
    """Run the notebook at ``path`` from notebooks/ on the ``python3`` kernel; returns it."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _repo_path(text: str) -> str:
    """The checkout's own path written as ``<repo>``."""
    return text.replace(str(ROOT), "<repo>")


def _clean(text: str) -> str:
    text = _repo_path(text)
    for rx, sub in SUBSTITUTIONS:
        text = rx.sub(sub, text)
    return text


def normalized(nb) -> list[list[str]]:
    """What counts of each code cell's outputs, as comparable lines."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = []
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "stream":
                if out.get("name") == "stderr":  # progress bars and warnings
                    continue
                lines.append("stream: " + _clean(_text(out.get("text", ""))))
            elif kind in ("execute_result", "display_data"):
                data = out.get("data", {})
                if WIDGET in data:
                    continue
                if "image/png" in data:
                    lines.append("image/png")
                elif "text/html" in data:
                    lines.append("html: " + _clean(_text(data["text/html"])))
                elif "text/plain" in data:
                    lines.append("text: " + _clean(_text(data["text/plain"])))
            elif kind == "error":
                lines.append(f"error: {out.get('ename')}: {out.get('evalue')}")
        cells.append(lines)
    return cells


def differences(committed, fresh) -> str:
    """A unified diff of two notebooks' normalized outputs ("" when they agree)."""
    a = [f"[{i}] {ln}" for i, c in enumerate(normalized(committed)) for ln in c]
    b = [f"[{i}] {ln}" for i, c in enumerate(normalized(fresh)) for ln in c]
    if a == b:
        return ""
    return "\n".join(difflib.unified_diff(a, b, "committed", "fresh", lineterm="", n=1))


def strip_volatile(nb) -> None:
    """Drop timings and widget state from the notebook before it is written, and write the
    checkout's own path as ``<repo>`` (the outputs must not depend on where they were run)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                            and WIDGET not in o.get("data", {})]
            for out in cell.outputs:
                _repo_relative(out)


def _repo_relative(out) -> None:
    """Replace the checkout's path by ``<repo>`` in one output's text."""
    if "text" in out:
        out["text"] = _repo_path(_text(out["text"]))
    for kind, value in out.get("data", {}).items():
        if kind.startswith("text/"):
            out["data"][kind] = _repo_path(_text(value))


def main(argv: list[str] | None = None) -> int:
    import nbformat

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed outputs; write nothing")
    ap.add_argument("paths", nargs="*", type=Path, help="notebooks (default: every one in notebooks/)")
    args = ap.parse_args(argv)
    status = 0
    for path in args.paths or sorted(NOTEBOOKS.glob("*.ipynb")):
        committed = nbformat.read(path, as_version=4)
        fresh = execute(path)
        strip_volatile(fresh)
        diff = differences(committed, fresh)
        if args.check:
            print(f"{path.name}: {'outputs match' if not diff else 'outputs differ'}")
            if diff:
                print(diff)
                status = 1
        else:
            nbformat.write(fresh, path)
            print(f"{path.name}: outputs written")
    return status


if __name__ == "__main__":
    sys.exit(main())
