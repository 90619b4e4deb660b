#!/usr/bin/env python3
# The benchmark behind `make bench`: parcours against the tools HR would
# otherwise use, side by side, in one run on the same dossiers, so that
# the ratios hold on a shared machine.  See bench/README.md.
#
# usage: bench/bench.py [--build DIR] [--sizes 1000,10000] [--jobs 1,2]
#                       [--single-sizes 10000,50000]
#                       [--types-size 1000] [--pdfkit-docs N]
#                       [--reportlab-docs N] [--typst-docs N]
#                       [--carbone-docs N] [--lo-docs N] [--no-peers]
#                       [--no-seal] [--import-size N] [--keep]
#
# Writes the table to standard output and DIR/bench.csv (DIR: build/).
# Installs what it needs when run as root: the Debian packages through
# tests/deps.sh, the npm packages of bench/peers/package.json into
# DIR/bench/node_modules.
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAST_LOAD = 0.0  # load average at the end of the last timed run
AS_OF = "2026-11-26"  # the generator's --until: every event on or before
PEERS = os.path.join(ROOT, "bench", "peers")

# (command, Debian package): a command found on the PATH is enough, so
# that a Node.js from elsewhere is not replaced by Debian's.
TOOLS = [("/usr/bin/time", "time"), ("soffice", "libreoffice-writer-nogui"),
         ("node", "nodejs"), ("npm", "npm"), ("unzip", "unzip"),
         ("make", "make")]
FONT_PACKAGES = ["fonts-open-sans"]  # LibreOffice draws with the same face
# Debian's python3 with its ReportLab (not a python3 found on the PATH).
DEBIAN_PYTHON = "/usr/bin/python3"


def say(msg):
    print(msg, file=sys.stderr, flush=True)


def install_deps(build):
    missing = [pkg for cmd, pkg in TOOLS if shutil.which(cmd) is None]
    missing += [p for p in FONT_PACKAGES if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True,
        text=True).stdout.find("ok installed") < 0]
    if subprocess.run([DEBIAN_PYTHON, "-c", "import reportlab"],
                      capture_output=True).returncode != 0:
        missing.append("python3-reportlab")
    if missing:
        subprocess.run(["sh", os.path.join(ROOT, "tests", "deps.sh")]
                       + missing, check=True)
    bench = os.path.join(build, "bench")
    os.makedirs(bench, exist_ok=True)
    want = open(os.path.join(PEERS, "package.json")).read()
    have = os.path.join(bench, "package.json")
    stamp = os.path.join(bench, "node_modules", ".installed")
    if (not os.path.exists(stamp) or not os.path.exists(have)
            or open(have).read() != want):
        say("bench: npm install (carbone, pdfkit, typst) into " + bench)
        with open(have, "w") as f:
            f.write(want)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund",
                        "--no-save", "--prefix", bench], check=True,
                       stdout=sys.stderr)
        open(stamp, "w").close()
    return os.path.join(bench, "node_modules")


def dossiers(build, size, one_file=False):
    """The generated dossiers of this size, made once (deterministic):
    50 a file, or all in one file as an HR system exports a campaign."""
    name = f"dossiers-{size}" + ("-one-file" if one_file else "")
    d = os.path.join(build, "bench", name)
    stamp = os.path.join(d, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(d, ignore_errors=True)
        say(f"bench: generating {size} dossiers into {d}")
        per_file = ["--per-file", str(size)] if one_file else []
        subprocess.run([sys.executable,
                        os.path.join(ROOT, "bench", "gen-dossiers.py"),
                        "--until", AS_OF] + per_file + [str(size), d],
                       check=True)
        open(stamp, "w").close()
    return d


def load_average():
    """The 1-minute load average, shown beside every wall figure: the
    machine is shared, and a wall time means little without it."""
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def timed(argv, env=None, stdout=None):
    """Runs argv under /usr/bin/time -v: (wall, cpu, rss KiB, stdout)."""
    tfile = os.path.join(BENCH_DIR, "time.txt")
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + argv,
                       env=env, stdout=stdout or subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        say(p.stderr[-2000:])
        raise SystemExit(f"bench: {' '.join(argv[:3])}… exited "
                         f"{p.returncode}")
    t = open(tfile).read()

    def field(name):
        return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
    global LAST_LOAD
    LAST_LOAD = load_average()
    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)") \
            .split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + \
        float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)"))
    return wall, cpu, rss, p.stdout


def documents_in(out, exts=(".pdf", ".odt")):
    """Count and bytes of the documents under out (no merged letters)."""
    n = size = 0
    for dirpath, _, files in os.walk(out):
        for f in files:
            if f.endswith(exts) and not f.startswith("letters-merged") \
                    and not f.startswith("."):
                n += 1
                size += os.path.getsize(os.path.join(dirpath, f))
    return n, size


class Table:
    def __init__(self):
        self.rows = []

    def add(self, **row):
        docs = row["docs"]
        row.setdefault("rss_kib", 0)
        row.setdefault("shape", "50/file")
        row.setdefault("load", LAST_LOAD)
        row["docs_per_s"] = docs / row["wall_s"] if row["wall_s"] else 0
        row["cpu_ms_per_doc"] = 1000 * row["cpu_s"] / docs if docs else 0
        row["bytes_per_doc"] = row["bytes"] / row.get("docs_out", docs) \
            if docs else 0
        self.rows.append(row)
        say("bench: {tool} {run} -j{jobs} on {size} ({shape}): {docs} docs, "
            "{docs_per_s:.0f}/s (load {load:.1f}), {cpu_ms_per_doc:.2f} ms "
            "CPU/doc, {rss_kib} KiB peak".format(**row))
        return row

    def find(self, tool, run, size=None):
        for r in self.rows:
            if r["tool"] == tool and r["run"] == run and \
                    (size is None or r["size"] == size):
                return r
        return None


def parcours_type_runs(t, exe, size, ddir, outroot):
    """Each per-type command once, single process, on the same dossiers."""
    runs = [("notice", ["notice"]), ("report", ["report"]),
            ("report-blank", ["report", "--blank"]), ("recap", ["recap"]),
            ("letters", ["letters"])]
    for name, args in runs:
        out = os.path.join(outroot, name)
        wall, cpu, rss, _ = timed([exe] + args + [
            "-q", "--as-of", AS_OF, "-o", out, ddir])
        n, size_b = documents_in(out)
        t.add(tool="parcours", run=name, jobs=1, size=size, docs=n,
              wall_s=wall, cpu_s=cpu, bytes=size_b, rss_kib=rss)


def parcours_seal_runs(t, exe, size, ddir, outroot):
    """The PDF commands again with --seal (a throw-away PKI made by
    tests/seal/pki.sh, RSA 2048, no TSA): what the seal costs per PDF."""
    pki = os.path.join(outroot, "pki")
    subprocess.run(["sh", os.path.join(ROOT, "tests", "seal", "pki.sh"),
                    pki], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    seal = ["--seal", os.path.join(pki, "seal.p12"),
            "--seal-password-file", os.path.join(pki, "password")]
    for name, args in (("notice", ["notice"]), ("report", ["report"]),
                       ("report-blank", ["report", "--blank"]),
                       ("recap", ["recap"])):
        out = os.path.join(outroot, name + "-sealed")
        wall, cpu, rss, _ = timed([exe] + args + [
            "-q", "--as-of", AS_OF, "-o", out] + seal + [ddir])
        n, size_b = documents_in(out)
        t.add(tool="parcours", run=name + "+seal", jobs=1, size=size,
              docs=n, wall_s=wall, cpu_s=cpu, bytes=size_b, rss_kib=rss,
              vs_plain=name)


def print_seal(t):
    rows = [r for r in t.rows if "vs_plain" in r]
    if not rows:
        return
    print("\nthe seal (--seal, RSA 2048, PAdES B-B, no TSA), per PDF:")
    for r in rows:
        p = t.find("parcours", r["vs_plain"], r["size"])
        if p is None or not p["docs"]:
            continue
        print("  {:<13} {:>6} PDFs: {:.2f} ms CPU unsealed, {:.2f} sealed "
              "(+{:.2f} ms), {:.1f} KB -> {:.1f} KB".format(
                  r["vs_plain"], r["docs"], p["cpu_ms_per_doc"],
                  r["cpu_ms_per_doc"],
                  r["cpu_ms_per_doc"] - p["cpu_ms_per_doc"],
                  p["bytes_per_doc"] / 1000, r["bytes_per_doc"] / 1000))


def manifest_rows(out):
    with open(os.path.join(out, "manifest.csv"), newline="") as f:
        return [r for r in csv.DictReader(f) if r["dossier"] != ""]


def parcours_all_runs(t, exe, size, ddir, outroot, jobs, shape="50/file"):
    """`all` over the campaign: the whole mix, per -j."""
    digests = {}
    for j in jobs:
        out = os.path.join(outroot, f"all-{size}-{shape.replace('/', '-')}"
                           f"-j{j}")
        wall, cpu, rss, _ = timed([exe, "all", "-q", "--as-of", AS_OF,
                                   "-j", str(j), "-o", out, ddir])
        rows = manifest_rows(out)
        row = t.add(tool="parcours", run="all", jobs=j, size=size,
                    docs=len(rows), wall_s=wall, cpu_s=cpu,
                    bytes=sum(int(r["bytes"]) for r in rows), rss_kib=rss,
                    shape=shape)
        if j == jobs[0]:
            row["mix"] = {}
            for r in rows:
                n, b = row["mix"].get(r["document"], (0, 0))
                row["mix"][r["document"]] = (n + 1, b + int(r["bytes"]))
        digests[j] = sorted((r["path"], r["sha256"]) for r in rows)
        if shape == "one file":
            parcours_verify_run(t, exe, size, out, len(rows), shape)
    same = len({tuple(v) for v in digests.values()}) == 1
    return same


def parcours_verify_run(t, exe, size, out, files, shape):
    """`verify` of what `all` wrote (it stops the bench if any file does
    not match): every file re-hashed, the manifest never held whole."""
    wall, cpu, rss, _ = timed([exe, "verify", out])
    t.add(tool="parcours", run="verify", jobs=1, size=size, docs=files,
          wall_s=wall, cpu_s=cpu, bytes=0, rss_kib=rss, shape=shape)


def dashboard_cost(exe, size, ddir, outroot, repeats):
    """`all -j 2` with the dashboard and with --no-dashboard, in turns
    (with, without, without, with…) so that neither always runs second
    on a warm cache: the best CPU and wall time of each, and the page's
    size.  Every run keeps its own directory (see main())."""
    best = {True: [float("inf")] * 2, False: [float("inf")] * 2}
    page = 0
    for i in range(repeats):
        order = (True, False) if i % 2 == 0 else (False, True)
        for with_page in order:
            out = os.path.join(outroot, f"dashboard-{size}-{i}-{with_page}")
            extra = [] if with_page else ["--no-dashboard"]
            wall, cpu, _, _ = timed([exe, "all", "-q", "--as-of", AS_OF,
                                     "-j", "2"] + extra + ["-o", out, ddir])
            b = best[with_page]
            b[0], b[1] = min(b[0], wall), min(b[1], cpu)
            if with_page:
                page = os.path.getsize(os.path.join(out, "index.html"))
            say(f"bench: all -j 2 on {size}{' ' if extra else ''}"
                f"{' '.join(extra)}: {wall:.2f} s, {cpu:.2f} s CPU")
    return {"size": size, "page_bytes": page, "repeats": repeats,
            "with": best[True], "without": best[False]}


def dashboard_page(exe, size, ddir, outroot, repeats=3):
    """`parcours dashboard` alone, and `parcours stats`, which reads and
    computes the same dossiers without the page: the difference of their
    best CPU times is what the page itself costs, free of the noise of a
    whole `all` run."""
    out = os.path.join(outroot, f"dashboard-alone-{size}")
    best = {"dashboard": [float("inf")] * 3, "stats": [float("inf")] * 3}
    for _ in range(repeats):
        for run in ("dashboard", "stats"):
            argv = [exe, run, "-q", "--as-of", AS_OF] + (
                ["-o", out] if run == "dashboard" else
                ["--year", AS_OF[:4], "--format", "csv"]) + [ddir]
            wall, cpu, rss, _ = timed(argv, stdout=subprocess.DEVNULL)
            b = best[run]
            b[0], b[1], b[2] = min(b[0], wall), min(b[1], cpu), max(
                b[2] if b[2] != float("inf") else 0, rss)
    d, st = best["dashboard"], best["stats"]
    return {"size": size, "wall": d[0], "cpu": d[1], "rss_kib": d[2],
            "own_cpu": d[1] - st[1],
            "page_bytes": os.path.getsize(os.path.join(out, "index.html"))}


def print_dashboard(cost, alone):
    print("\nthe dashboard (index.html):")
    for a in alone:
        print("  parcours dashboard alone, {} dossiers: {:.1f} KB "
              "(target < 2 MB), {:.2f} s, {:.2f} s CPU, {:.1f} MiB; the "
              "page's own CPU (less parcours stats): {:.0f} ms".format(
                  a["size"], a["page_bytes"] / 1000, a["wall"], a["cpu"],
                  a["rss_kib"] / 1024, 1000 * a["own_cpu"]))
    if cost is None:
        return
    w, wo = cost["with"], cost["without"]
    print("  all -j 2, {} dossiers, best of {}: {:.2f} s / {:.2f} s CPU "
          "with the page ({:.1f} KB), {:.2f} s / {:.2f} s CPU without: "
          "{:+.1f} % wall, {:+.1f} % CPU (target <= 3 %)".format(
              cost["size"], cost["repeats"], w[0], w[1],
              cost["page_bytes"] / 1000, wo[0], wo[1],
              100 * (w[0] / wo[0] - 1), 100 * (w[1] / wo[1] - 1)))
    own = [a for a in alone if a["size"] == cost["size"]]
    if own:
        print("  the page's own CPU at {} dossiers: {:.0f} ms, {:.2f} % of "
              "all's {:.2f} s CPU".format(cost["size"],
                                          1000 * own[0]["own_cpu"],
                                          100 * own[0]["own_cpu"] / wo[1],
                                          wo[1]))


def export_of(build, size):
    """The generated dossiers of this size as an HR export (CSV, ";",
    DD/MM/YYYY: tests/import/xml2csv.py), made once."""
    d = os.path.join(build, "bench", f"export-{size}")
    stamp = os.path.join(d, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(d, ignore_errors=True)
        src = dossiers(build, size)
        say(f"bench: exporting {size} dossiers to CSV into {d}")
        subprocess.run([sys.executable,
                        os.path.join(ROOT, "tests", "import", "xml2csv.py"),
                        "--sep", ";", "--dates", "fr", "-o", d] +
                       sorted(os.path.join(src, f) for f in os.listdir(src)
                              if f.endswith(".xml")), check=True)
        open(stamp, "w").close()
    return d


def import_runs(t, exe, build, size, outroot, jobs):
    """`import` of an export of size employees, then `all` -j jobs on
    the dossiers it wrote: the import must cost less than the campaign."""
    csvdir = export_of(build, size)
    out = os.path.join(outroot, f"import-{size}")
    wall, cpu, rss, _ = timed([exe, "import", "-q", "-o", out, csvdir])
    n = sum(open(os.path.join(out, f), encoding="utf-8").read()
            .count("<dossier ") for f in os.listdir(out))
    b = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    imp = t.add(tool="parcours", run="import", jobs=1, size=size, docs=n,
                wall_s=wall, cpu_s=cpu, bytes=b, rss_kib=rss)
    aout = os.path.join(outroot, f"import-{size}-all")
    wall, cpu, rss, _ = timed([exe, "all", "-q", "--as-of", AS_OF, "-j",
                               str(jobs), "-o", aout, out])
    rows = manifest_rows(aout)
    al = t.add(tool="parcours", run="all (imported)", jobs=jobs, size=size,
               docs=len(rows), wall_s=wall, cpu_s=cpu,
               bytes=sum(int(r["bytes"]) for r in rows), rss_kib=rss)
    imp["vs_all"] = al


def parcours_status_run(t, exe, size, ddir, shape):
    """`status --format csv`: the rows of every dossier, sorted."""
    wall, cpu, rss, out = timed([exe, "status", "--format", "csv",
                                 "--as-of", AS_OF, ddir])
    t.add(tool="parcours", run="status", jobs=1, size=size,
          docs=max(0, out.count("\n") - 1), wall_s=wall, cpu_s=cpu,
          bytes=len(out.encode()), rss_kib=rss, shape=shape)


def peers(t, exe, ddir, size, outroot, node_modules, args):
    work = os.path.join(outroot, "peers")
    os.makedirs(work)
    env = dict(os.environ, NODE_PATH=node_modules)
    letters = os.path.join(outroot, "letters")
    trees = {}
    for name, cmd in (("report", ["report"]), ("letters", ["letters"])):
        trees[name] = os.path.join(work, name + ".tree")
        with open(trees[name], "w") as f:
            subprocess.run([exe] + cmd + ["--format", "tree", "--as-of",
                                          AS_OF, ddir], stdout=f,
                           check=True)

    def peer(argv, tool, max_docs):
        """One report peer on the report trees: a row of the table."""
        wall, cpu, rss, out = timed(
            argv + [trees["report"], os.path.join(ROOT, "fonts"),
                    os.path.join(work, tool), str(max_docs)], env=env)
        r = json.loads(out.strip().splitlines()[-1])
        t.add(tool=tool, run="report", jobs=1, size=size, docs=r["docs"],
              wall_s=r["wall_s"], cpu_s=r["cpu_s"], bytes=r["bytes"],
              rss_kib=rss, vs="report")

    def node(script, *argv):
        wall, cpu, rss, out = timed(["node", os.path.join(PEERS, script)]
                                    + [str(a) for a in argv], env=env)
        return json.loads(out.strip().splitlines()[-1]), rss

    peer(["node", os.path.join(PEERS, "pdfkit-report.js")], "pdfkit",
         args.pdfkit_docs)
    peer([DEBIAN_PYTHON, os.path.join(PEERS, "reportlab-report.py")],
         "reportlab", args.reportlab_docs)
    peer(["node", os.path.join(PEERS, "typst-report.js")], "typst",
         args.typst_docs)
    r, rss = node("carbone-letters.js", trees["letters"], letters,
                  os.path.join(work, "carbone"), args.carbone_docs)
    t.add(tool="carbone", run="letter-convocation", jobs=1, size=size,
          docs=r["docs"], wall_s=r["wall_s"], cpu_s=r["cpu_s"],
          bytes=r["bytes"], rss_kib=rss, vs="letters")
    conv = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(letters)
                  for f in fs if "_letter-convocation_" in f)
    conv = conv[:args.lo_docs + 1]
    p = subprocess.run(["sh", os.path.join(PEERS, "libreoffice.sh"),
                        os.path.join(work, "libreoffice")] + conv,
                       capture_output=True, text=True)
    if p.returncode != 0:
        say(p.stderr)
        raise SystemExit("bench: the LibreOffice peer failed")
    r = json.loads(p.stdout.strip().splitlines()[-1])
    t.add(tool="libreoffice", run="letter-convocation→pdf", jobs=1,
          size=size, docs=r["docs"], wall_s=r["wall_s"], cpu_s=r["cpu_s"],
          bytes=r["bytes"], docs_out=r["docs_out"], rss_kib=r["rss_kib"],
          vs="letters")


def ratios(t):
    for r in t.rows:
        ours = t.find("parcours", r.get("vs", ""), r["size"])
        if ours is None:
            continue
        r["x_cpu"] = r["cpu_ms_per_doc"] / ours["cpu_ms_per_doc"]
        r["x_rate"] = ours["docs_per_s"] / r["docs_per_s"]


def print_table(t):
    head = ("dossiers", "input", "tool", "run", "-j", "docs", "docs/s",
            "load", "CPU ms/doc", "KB/doc", "peak RSS MiB", "parcours is")
    lines = []
    for r in t.rows:
        x = ""
        if "x_cpu" in r:
            x = "{:.0f}x less CPU, {:.0f}x the rate".format(r["x_cpu"],
                                                           r["x_rate"])
        lines.append((str(r["size"]), r["shape"], r["tool"], r["run"],
                      str(r["jobs"]), str(r["docs"]),
                      "{:.0f}".format(r["docs_per_s"]),
                      "{:.1f}".format(r["load"]),
                      "{:.2f}".format(r["cpu_ms_per_doc"]),
                      "{:.1f}".format(r["bytes_per_doc"] / 1000),
                      "{:.1f}".format(r["rss_kib"] / 1024), x))
    w = [max(len(h), *(len(l[i]) for l in lines)) for i, h in
         enumerate(head)]
    fmt = "  ".join("{:<%d}" % n if i < 4 else "{:>%d}" % n
                    for i, n in enumerate(w[:-1])) + "  {}"
    print(fmt.format(*head))
    print(fmt.format(*("-" * n for n in w)))
    for l in lines:
        print(fmt.format(*l).rstrip())


def print_mix(t):
    for r in t.rows:
        if "mix" not in r:
            continue
        print(f"\n`all` on {r['size']} dossiers ({r['shape']}), by document "
              f"(from manifest.csv):")
        for k, (n, b) in sorted(r["mix"].items(), key=lambda kv: -kv[1][0]):
            print(f"  {k:<24} {n:>8} docs  {b / n / 1000:>7.1f} KB/doc")


def targets(t, sizes, same):
    print("\ntargets (2 cores; wall figures are worth their load average):")
    big = max(sizes)
    base = None
    for a2 in [r for r in t.rows if r["tool"] == "parcours" and
               r["run"] == "all" and r["jobs"] == 2 and
               r["shape"] == "50/file"]:
        if a2["size"] == min(sizes):
            base = a2
        if a2["size"] != big:
            continue
        print("  all -j 2, {} dossiers: {:.0f} documents/s at load {:.1f} "
              "(target 1000), {:.2f} ms CPU/doc (target 1.0)".format(
                  big, a2["docs_per_s"], a2["load"], a2["cpu_ms_per_doc"]))
    for r in [r for r in t.rows if r["shape"] == "one file"]:
        extra = ""
        if base is not None and r["run"] == "all":
            extra = ", {:+.0f} % CPU/doc against {} dossiers in files " \
                "(target within 10 %)".format(
                    100 * (r["cpu_ms_per_doc"] / base["cpu_ms_per_doc"] - 1),
                    base["size"])
        if r["run"] == "verify":
            extra = ", all {} files match".format(r["docs"])
        print("  {} on {} dossiers in one file: peak RSS {:.1f} MiB (target "
              "< 64), {:.2f} ms CPU/{}{}".format(
                  r["run"], r["size"], r["rss_kib"] / 1024,
                  r["cpu_ms_per_doc"],
                  {"all": "doc", "verify": "file"}.get(r["run"], "row"),
                  extra))
    rep = t.find("parcours", "report")
    if rep:
        print("  report, one process: {:.2f} ms CPU/report (target 1.0)"
              .format(rep["cpu_ms_per_doc"]))
    let = [r for r in t.rows if r["tool"] == "parcours"
           and r["run"] == "letters"]
    if let:
        r = let[0]
        print("  letters (ODT), one process: {:.0f}/s, {:.2f} ms "
              "CPU/letter (target 0.25): {:.0f}/s on 2 cores by CPU".format(
                  r["docs_per_s"], r["cpu_ms_per_doc"],
                  2000 / r["cpu_ms_per_doc"]))
    rss = max(r["rss_kib"] for r in t.rows if r["tool"] == "parcours")
    print("  peak RSS of any parcours run: {:.1f} MiB (target < 64)"
          .format(rss / 1024))
    for tool, goal in (("pdfkit", 20), ("reportlab", 15), ("typst", 11),
                       ("carbone", 15),
                       ("libreoffice", None)):
        r = [x for x in t.rows if x["tool"] == tool and "x_cpu" in x]
        if r:
            r = r[0]
            print("  vs {}: {:.0f}x less CPU per document, {:.0f}x the "
                  "rate{}".format(tool, r["x_cpu"], r["x_rate"],
                                  f" (target {goal}x)" if goal else ""))
    if same is not None:
        print("  all -j 1 and -j 2 wrote the same files (manifest "
              "digests): " + ("yes" if same else "NO"))
    for r in [x for x in t.rows if "vs_all" in x]:
        a = r["vs_all"]
        print("  import of {} employees: {:.1f} s wall, {:.1f} s CPU; "
              "all -j {} on them: {:.1f} s wall ({:.0f}x the import; "
              "target > 1x)".format(r["size"], r["wall_s"], r["cpu_s"],
                                    a["jobs"], a["wall_s"],
                                    a["wall_s"] / max(r["wall_s"], 1e-9)))


def write_csv(t, path):
    cols = ["size", "shape", "tool", "run", "jobs", "docs", "wall_s",
            "load", "cpu_s", "docs_per_s", "cpu_ms_per_doc", "bytes_per_doc",
            "rss_kib", "x_cpu", "x_rate"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in t.rows:
            w.writerow([("%.4f" % r[c]) if isinstance(r.get(c), float)
                        else r.get(c, "") for c in cols])


def main():
    global BENCH_DIR
    p = argparse.ArgumentParser()
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--jobs", default="1,2")
    p.add_argument("--single-sizes", default="10000,50000",
                   help="all -j 2 and status on these counts of dossiers "
                   "in one file ('' for none)")
    p.add_argument("--types-size", type=int, default=1000)
    p.add_argument("--pdfkit-docs", type=int, default=300)
    p.add_argument("--carbone-docs", type=int, default=1000)
    p.add_argument("--reportlab-docs", type=int, default=300)
    p.add_argument("--typst-docs", type=int, default=300)
    p.add_argument("--lo-docs", type=int, default=200)
    p.add_argument("--no-peers", action="store_true")
    p.add_argument("--no-seal", action="store_true",
                   help="skip the sealed runs (the cost of --seal)")
    p.add_argument("--dashboard-size", type=int, default=1000,
                   help="dossiers of the with/without-dashboard runs "
                   "(0: none)")
    p.add_argument("--dashboard-repeats", type=int, default=3)
    p.add_argument("--only-dashboard", action="store_true",
                   help="only the dashboard's measurements")
    p.add_argument("--import-size", type=int, default=50000,
                   help="employees of the import run (0: none); `all` "
                   "then runs on the dossiers it wrote (~40 GB at 50 000)")
    p.add_argument("--keep", action="store_true",
                   help="keep the documents written, under DIR/bench/out")
    a = p.parse_args()
    build = os.path.abspath(a.build)
    BENCH_DIR = os.path.join(build, "bench")
    sizes = [int(s) for s in a.sizes.split(",")]
    jobs = [int(j) for j in a.jobs.split(",")]
    exe = os.path.join(build, "parcours")
    if not os.access(exe, os.X_OK):
        raise SystemExit(f"bench: no {exe}: run make first")
    skip_peers = a.no_peers or a.only_dashboard
    node_modules = None if skip_peers else install_deps(build)
    if skip_peers and not shutil.which("/usr/bin/time"):
        subprocess.run(["sh", os.path.join(ROOT, "tests", "deps.sh"),
                        "time"], check=True)
    os.makedirs(BENCH_DIR, exist_ok=True)

    t = Table()
    # Every run writes into a directory of its own, and nothing is
    # deleted before the last one: ext4 without a journal (this machine)
    # searches past recently deleted inodes for each new file, which
    # would charge one run for the clean-up of the one before.  An
    # earlier bench's output goes at the end, with this one's.
    outroot = os.path.join(BENCH_DIR, "out")
    old = None
    if os.path.exists(outroot):
        old = f"{outroot}.old-{os.getpid()}"
        os.rename(outroot, old)
    os.makedirs(outroot)
    if not a.only_dashboard:
        tdir = dossiers(build, a.types_size)
        parcours_type_runs(t, exe, a.types_size, tdir, outroot)
        if not a.no_seal:
            parcours_seal_runs(t, exe, a.types_size, tdir, outroot)
        if not a.no_peers:
            peers(t, exe, tdir, a.types_size, outroot, node_modules, a)
        same = True
        for size in sizes:
            same &= parcours_all_runs(t, exe, size, dossiers(build, size),
                                      outroot, jobs)
        for size in [int(s) for s in a.single_sizes.split(",") if s]:
            d = dossiers(build, size, one_file=True)
            parcours_all_runs(t, exe, size, d, outroot, [2],
                              shape="one file")
            parcours_status_run(t, exe, size, d, "one file")
        if a.import_size > 0:
            import_runs(t, exe, build, a.import_size, outroot, max(jobs))
        ratios(t)
        print_table(t)
        print_mix(t)
        print_seal(t)
        targets(t, sizes, same if len(jobs) > 1 else None)
        write_csv(t, os.path.join(build, "bench.csv"))
    cost = None
    if a.dashboard_size > 0:
        cost = dashboard_cost(exe, a.dashboard_size,
                              dossiers(build, a.dashboard_size), outroot,
                              a.dashboard_repeats)
    alone = [dashboard_page(exe, size, dossiers(build, size), outroot)
             for size in sorted(set(sizes) | ({a.dashboard_size} - {0}))]
    print_dashboard(cost, alone)
    if not a.keep:
        shutil.rmtree(outroot, ignore_errors=True)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    if not a.only_dashboard:
        print(f"\n(CSV: {os.path.join(build, 'bench.csv')})")


if __name__ == "__main__":
    main()
