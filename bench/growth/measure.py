#!/usr/bin/env python3
"""Times one pattern of the growth benchmark at N, 2N and 4N and judges each doubling.

usage: measure.py RUNS LIMIT BASELINE_FILE FILE_N FILE_2N FILE_4N -- COMMAND [ARG ...]

COMMAND is run once per file and round with the file appended, rounds interleaved (baseline, N, 2N, 4N, baseline, ...), so
that a machine whose speed drifts moves all sizes alike. Each run's CPU time (user + system of the finished child, as the
kernel accounts it through wait4) is taken; the baseline (a one-line document) is the process's start-up, subtracted
before the ratios, so that the ratio is the growth of the work the file makes, scaled to a doubling of the file's bytes
(2.0 is linear whatever the pattern's own growth). Prints one line:

  <bytes at N> <start-up s> <N s> <2N s> <4N s> <2N/N> <4N/2N> <verdict>

with median CPU seconds; the verdict is 'ok', 'QUADRATIC' (a judged doubling above LIMIT), 'small' (neither doubling is
judged: the work at its smaller size is under 0.05 s above start-up, so its ratio is noise; raise SCALE) or 'FAILED' (a
run exited with an error or a signal). Exit status 1
for QUADRATIC or FAILED, else 0.
"""
import os
import statistics
import sys


def cpu_of(argv):
    pid = os.fork()
    if pid == 0:
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    # 0 clean, 1 findings: both are a finished lint.
    return usage.ru_utime + usage.ru_stime, code in (0, 1)


def main():
    sep = sys.argv.index("--")
    runs, limit = int(sys.argv[1]), float(sys.argv[2])
    files = sys.argv[3:sep]
    command = sys.argv[sep + 1:]
    times = [[] for _ in files]
    ok = True
    cpu_of(command + [files[1]])  # warm-up: file system cache and the runtime's own files
    for _ in range(runs):
        for i, f in enumerate(files):
            t, fine = cpu_of(command + [f])
            times[i].append(t)
            ok = ok and fine
    base, n1, n2, n4 = (statistics.median(t) for t in times)
    w1, w2, w4 = (max(x - base, 1e-6) for x in (n1, n2, n4))
    # Each ratio is per doubling of the file's bytes: a pattern whose file grows faster than its count (the backtick runs,
    # each longer than the last, grow about 4x when the count doubles) is judged by its bytes, as a linear case doubles.
    s1, s2 = (os.path.getsize(files[i + 1]) / os.path.getsize(files[i]) for i in (1, 2))
    r1, r2 = (w2 / w1) * 2 / s1, (w4 / w2) * 2 / s2
    # A doubling is judged when its smaller size makes at least 0.05 s of work above start-up; below that it is noise.
    judged = [r for r, w in ((r1, w1), (r2, w2)) if w >= 0.05]
    if not ok:
        verdict = "FAILED"
    elif not judged:
        verdict = "small"
    elif max(judged) > limit:
        verdict = "QUADRATIC"
    else:
        verdict = "ok"
    print(f"{os.path.getsize(files[1])} {base:.2f} {n1:.2f} {n2:.2f} {n4:.2f} {r1:.2f} {r2:.2f} {verdict}")
    return 1 if verdict in ("QUADRATIC", "FAILED") else 0


if __name__ == "__main__":
    sys.exit(main())
