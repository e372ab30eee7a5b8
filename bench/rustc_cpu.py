#!/usr/bin/env python3
"""CPU time of one crate's rustc, split by thread, while a build runs (Linux /proc only).

Usage: rustc_cpu.py CRATE_NAME TARGET_DIR -- COMMAND...

Runs COMMAND and samples, every 0.2 s, the user+system time of each thread of every rustc
whose command line has `--crate-name CRATE_NAME` and TARGET_DIR. On a loaded machine the wall
time of a build says little; the thread split says what it would take idle: rustc's compiler
thread (parsing, type checking, MIR, building LLVM IR) is serial, while LLVM optimises and
emits code units on worker threads. On N idle cores the crate takes about
max(main thread, total / N) seconds. Prints one line of figures; exits with COMMAND's status.
"""
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def thread_times(pid):
    """{tid: (thread name, cpu seconds)} for the threads of pid alive now."""
    times = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return times
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                name, rest = f.read().split(" (", 1)[1].rsplit(")", 1)
        except (OSError, ValueError):
            continue
        fields = rest.split()
        # fields[0] is the state (field 3); utime and stime are fields 14 and 15.
        times[int(tid)] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return times


def rustc_pids(crate, target_dir):
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        line = b" ".join(args)
        if (
            args
            and args[0].endswith(b"rustc")
            and b"--crate-name " + crate.encode() + b" " in line
            and target_dir.encode() in line
        ):
            pids.append(int(entry))
    return pids


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    crate, target_dir, command = sys.argv[1], sys.argv[2], sys.argv[4:]
    seen = {}  # (pid, tid) -> (thread name, last cpu seconds)
    start = time.monotonic()
    child = subprocess.Popen(command)
    while child.poll() is None:
        for pid in rustc_pids(crate, target_dir):
            for tid, cpu in thread_times(pid).items():
                seen[(pid, tid)] = cpu
        time.sleep(0.2)
    wall = time.monotonic() - start
    # The compiler runs on a thread named `rustc` (the process's first thread only waits
    # for it); LLVM's workers are named after their code units (`opt cgu.03`, ...).
    total = sum(cpu for _, cpu in seen.values())
    serial = max((cpu for name, cpu in seen.values() if name == "rustc"), default=0.0)
    print(
        f"{crate}: rustc cpu {total:.1f} s = compiler thread {serial:.1f} s + LLVM and "
        f"other threads {total - serial:.1f} s; idle 2-core estimate "
        f"{max(serial, total / 2):.1f} s; command wall {wall:.1f} s"
    )
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
