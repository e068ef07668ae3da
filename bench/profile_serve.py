"""Profile `mkdocs serve --dirty` rebuilding after one saved claim, inside this process.

Run:  .venv/bin/python bench/profile_serve.py CLAIMS_DIR [--saves 3] [--out serve.prof]

Serves CLAIMS_DIR on 127.0.0.1 the README's way, waits for the first build, then saves
`claim-1.yaml` (a synthetic dossier's claim, bench/synth.py) with new text `--saves` times. Each
rebuild after a save runs under cProfile; the script prints, per save, the seconds from the save
to the rebuild starting (the watcher's polling and MkDocs' settle delay) and the rebuild's own
seconds, then the functions where the rebuilds spent their time. `--out` keeps the profile of
the rebuilds for `python -m pstats` or snakeviz.
"""

from __future__ import annotations

import _thread
import argparse
import cProfile
import io
import os
import pstats
import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=Path)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--claim", default="claim-1")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument(
        "--cpu", action="store_true", help="profile the builder thread's CPU time (steadier on a busy machine)"
    )
    args = parser.parse_args()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ["DOSSIER_CLAIMS"] = str(args.claims.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    import mkdocs.commands.serve as serve_module

    real_build = serve_module.build
    builds: list[tuple[float, float, float]] = []  # (start, end, CPU seconds) of each build
    done = threading.Event()
    profile = cProfile.Profile(time.thread_time) if args.cpu else cProfile.Profile()

    def build(*a, **k):  # type: ignore[no-untyped-def]
        start, cpu = time.perf_counter(), time.thread_time()
        if builds:
            profile.enable()
        try:
            real_build(*a, **k)
        finally:
            if builds:
                profile.disable()
            builds.append((start, time.perf_counter(), time.thread_time() - cpu))
            done.set()

    serve_module.build = build
    saves: list[float] = []

    def edit() -> None:
        done.wait()
        path = args.claims / f"{args.claim}.yaml"
        original = path.read_text(encoding="utf-8")
        try:
            for _ in range(args.saves):
                time.sleep(1.5)
                done.clear()
                marker = f"Edited {time.time_ns()}"
                path.write_text(original.replace('claim: "', f'claim: "{marker}: ', 1), encoding="utf-8")
                saves.append(time.perf_counter())
                done.wait(600)
        finally:
            path.write_text(original, encoding="utf-8")
            time.sleep(0.2)
            _thread.interrupt_main()

    threading.Thread(target=edit, daemon=True).start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        serve_module.serve(config_file="mkdocs.yml", build_type="dirty", dev_addr=f"127.0.0.1:{port}")
    except KeyboardInterrupt:
        pass
    first = builds[0][1] - builds[0][0]
    print(f"first build: {first:.2f} s (CPU {builds[0][2]:.2f} s); load average {os.getloadavg()[0]:.1f}")
    for n, saved in enumerate(saves):
        nan = float("nan")
        start, end, cpu = next(((s, e, c) for s, e, c in builds[1:] if s >= saved), (nan, nan, nan))
        print(f"save {n + 1}: to rebuild start {start - saved:.2f} s, rebuild {end - start:.2f} s (CPU {cpu:.2f} s)")
    if args.out:
        profile.dump_stats(args.out)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(args.top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
