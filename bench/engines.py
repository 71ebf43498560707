"""In-process vs process pool vs Dask vs Ray for the per-document stages, on one machine.

    python bench/engines.py [--n 400] [--seed 7] [--workers 2] [--chunk 16] [--json] [--sizes]
                            [--engines inprocess pool dask ray]

Generates ``--n`` synthetic articles (bench/gen_corpus.py), prepares them once in
this process (ingest + clean, not timed), then extracts them with each engine, in
this one process, in this order:

  inprocess   the pipeline in this process (1 worker): the baseline
  pool        sanctionwatch.execution.pool, ``--workers`` spawned processes
  dask        sanctionwatch.execution.dask_engine on a LocalCluster of ``--workers`` processes, 1 thread each
  ray         sanctionwatch.execution.ray_engine: a private local Ray instance (num_cpus = --workers,
              no dashboard, loopback) with ``--workers`` actors
  inprocess   again at the end; the baseline is the mean of the two in-process runs, since
              the load of a shared machine drifts during the run

Every engine runs the same stage function (``execution.extract_chunk`` on chunks of
``--chunk`` prepared documents) with one Pipeline per worker, built once.  For each:

  startup_s    engine start until every worker has its pipeline loaded (in-process: the model
               load of this process; pool: until the last worker's pipeline is built, read from
               the workers themselves since the pool starts them lazily, so the first worker may
               already be extracting while the second loads; Dask: LocalCluster + client + worker
               plugin; Ray: ray.init + actors ready)
  extract_s    from then until the last document is back in this process; docs/s = n / extract_s
  import_s     first import of dask.distributed / ray (not in startup_s)
  shutdown_s   closing the engine;  total_s = startup_s + extract_s + shutdown_s
  memory       peak RSS of this process during the run (sampled every 0.2 s), peak RSS (VmHWM)
               of the largest worker, and of the engine's other helper processes (count, sum)
  identical    every document's ``to_dict()`` equals the first in-process run's

``x inproc`` columns are ratios to the in-process baseline measured in the same process, so
figures from different (noisy, shared) machines stay comparable.  With ``--sizes``, the installed
size of Ray and of Dask + distributed, with the dependencies each pulls in, is read from the
installed files' RECORDs (see ``install_size``).  With ``--death-trials N``, each of Dask and Ray
runs N times, each in a fresh interpreter, over 24 documents of which one kills the worker process
that extracts it (a stand-in extractor, no model): a correct run returns all 24 in order with only
that one marked failed; a run still going after ``--death-timeout`` seconds counts as hung.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
# Pool, Dask and Ray workers import ready_factory from this module by name.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "bench"), os.environ.get("PYTHONPATH")) if p)
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

import gen_corpus  # noqa: E402

READY_ENV = "SANCTIONWATCH_BENCH_READY"
ENGINES = ("inprocess", "pool", "dask", "ray")


# -- worker side: when did each worker have its pipeline? ------------------------------------

def ready_factory(settings: Any) -> Any:
    """The default factory, plus one line ``pid time`` appended to $SANCTIONWATCH_BENCH_READY once
    the pipeline is built: the only way to see when a lazily started pool worker is ready."""
    from sanctionwatch.pipeline import Pipeline as default_factory

    extractor = default_factory(settings)
    path = os.environ.get(READY_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {time.time()}\n")
    return extractor


class Killer:
    """Stand-in extractor for the worker-death trials: the document 'DIE' kills its process."""

    version = "death-trial"

    def process(self, docs: Any) -> Iterator[Any]:
        for doc in docs:
            if doc.text == "DIE":
                os._exit(13)
            doc.meta["extracted"] = True
            yield doc


def killer_factory(settings: Any) -> Killer:
    return Killer()


def death_trial(engine: str) -> dict[str, Any]:
    """24 documents in chunks of 4 on 2 workers, document 7 kills whichever worker runs it."""
    from sanctionwatch.model import Document
    from sanctionwatch.execution import ExtractionFailed
    from sanctionwatch.pipeline import Settings

    import engines

    docs = [Document(doc_id=f"d{i}", text="DIE" if i == 7 else f"text {i}", input=f"in/{i}") for i in range(24)]
    started = time.perf_counter()
    if engine == "dask":
        from sanctionwatch.execution.dask_engine import process_distributed

        results = list(process_distributed(Settings(), docs, workers=2, chunk=4, factory=engines.killer_factory))
    else:
        from sanctionwatch.execution.ray_engine import process_ray

        results = list(process_ray(Settings(), docs, workers=2, chunk=4, factory=engines.killer_factory))
    return {"seconds": time.perf_counter() - started,
            "in_order": [r.doc_id for r in results] == [d.doc_id for d in docs],
            "failed": [r.doc_id for r in results if isinstance(r, ExtractionFailed)]}


def death_trials(engines_: list[str], trials: int, timeout: float) -> dict[str, Any]:
    """Each trial in a fresh interpreter, so one that hangs can be killed and counted."""
    import subprocess

    out: dict[str, Any] = {}
    for engine in engines_:
        runs = []
        for _ in range(trials):
            try:
                proc = subprocess.run([sys.executable, __file__, "--death-trial", engine], capture_output=True,
                                      text=True, timeout=timeout, cwd=ROOT)
                runs.append(json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0
                            else {"error": proc.stderr[-500:]})
            except subprocess.TimeoutExpired:
                runs.append({"hung": timeout})
        ok = [r for r in runs if r.get("in_order") and r.get("failed") == ["d7"]]
        out[engine] = {"trials": trials, "correct": len(ok), "hung": sum("hung" in r for r in runs),
                       "seconds_when_correct": sorted(round(r["seconds"], 1) for r in ok), "runs": runs}
    return out


# -- memory -------------------------------------------------------------------------------------

def vm_hwm_kib(pid: int) -> int:
    """Peak resident set of a live process (VmHWM), 0 when it is gone or unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Sampler:
    """Samples this process and all its descendants every ``interval`` seconds in a thread."""

    interval: float = 0.2
    driver_peak: int = 0
    peaks: dict[int, tuple[str, int]] = field(default_factory=dict)  # pid -> (name, peak RSS bytes)
    stop_event: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    def sample(self) -> None:
        import psutil

        me = psutil.Process()
        self.driver_peak = max(self.driver_peak, me.memory_info().rss)
        for child in me.children(recursive=True):
            try:
                name, rss = child.name(), child.memory_info().rss
                hwm = vm_hwm_kib(child.pid) * 1024
            except psutil.Error:
                continue
            old = self.peaks.get(child.pid, (name, 0))[1]
            self.peaks[child.pid] = (name, max(old, rss, hwm))

    def run(self) -> None:
        while not self.stop_event.wait(self.interval):
            self.sample()

    def __enter__(self) -> "Sampler":
        self.sample()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop_event.set()
        assert self.thread is not None
        self.thread.join()

    def summary(self, worker_pids: set[int]) -> dict[str, Any]:
        workers = [p for pid, (_, p) in self.peaks.items() if pid in worker_pids]
        helpers = {pid: v for pid, v in self.peaks.items() if pid not in worker_pids}
        return {
            "driver_peak_mib": self.driver_peak / 2**20,
            "workers": len(workers),
            "worker_peak_mib": max(workers, default=0) / 2**20,
            "helpers": len(helpers),
            "helpers_peak_sum_mib": sum(p for _, p in helpers.values()) / 2**20,
            "helper_names": sorted({n for n, _ in helpers.values()}),
        }


# -- the engines -----------------------------------------------------------------------------------

@dataclass
class Run:
    engine: str
    startup_s: float = 0.0
    extract_s: float = 0.0
    shutdown_s: float = 0.0
    import_s: float = 0.0
    results: list[Any] = field(default_factory=list)
    worker_pids: set[int] = field(default_factory=set)


def timed_import(module: str) -> float:
    started = time.perf_counter()
    __import__(module)
    return time.perf_counter() - started


def run_inprocess(settings: Any, docs: list[Any], workers: int, chunk: int, pipeline: Any) -> Run:
    from sanctionwatch.execution import process_parallel

    run = Run("inprocess")
    started = time.perf_counter()
    run.results = list(process_parallel(settings, docs, 1, chunk, pipeline=pipeline))
    run.extract_s = time.perf_counter() - started
    return run


def run_pool(settings: Any, docs: list[Any], workers: int, chunk: int, pipeline: Any) -> Run:
    from sanctionwatch.execution import process_parallel

    import engines  # by name, so the spawned workers find the factory

    run = Run("pool")
    with tempfile.NamedTemporaryFile("w+", suffix=".ready") as ready:
        os.environ[READY_ENV] = ready.name
        try:
            t0, started = time.time(), time.perf_counter()
            stream = process_parallel(settings, iter(docs), workers, chunk, pipeline=pipeline,
                                      factory=engines.ready_factory)
            run.results = list(stream)  # the pool shuts itself down when the stream ends: inside extract_s
            total = time.perf_counter() - started
        finally:
            del os.environ[READY_ENV]
        lines = [line.split() for line in Path(ready.name).read_text().splitlines()]
    run.worker_pids = {int(pid) for pid, _ in lines}
    run.startup_s = max(float(t) for _, t in lines) - t0 if lines else 0.0
    run.extract_s = total - run.startup_s
    return run


def run_dask(settings: Any, docs: list[Any], workers: int, chunk: int, pipeline: Any) -> Run:
    run = Run("dask")
    run.import_s = timed_import("distributed")
    from sanctionwatch.execution.dask_engine import connect, process_distributed, worker_plugin

    started = time.perf_counter()
    client, cluster = connect(None, workers)
    plugin = worker_plugin(settings, type(pipeline))
    client.register_plugin(plugin, name=plugin.name)  # returns once every worker has built its pipeline
    run.startup_s = time.perf_counter() - started
    run.worker_pids = {int(pid) for pid in client.run(os.getpid).values()}
    try:
        started = time.perf_counter()
        run.results = list(process_distributed(settings, iter(docs), workers=workers, chunk=chunk,
                                               pipeline=pipeline, client=client))
        run.extract_s = time.perf_counter() - started
    finally:
        started = time.perf_counter()
        client.close()
        cluster.close()
        run.shutdown_s = time.perf_counter() - started
    return run


def run_ray(settings: Any, docs: list[Any], workers: int, chunk: int, pipeline: Any) -> Run:
    run = Run("ray")
    run.import_s = timed_import("ray")
    import ray

    from sanctionwatch.execution.ray_engine import init_local, process_ray, start_actors, stop_actors

    started = time.perf_counter()
    init_local(workers)
    actors = start_actors(settings, workers, type(pipeline))
    run.startup_s = time.perf_counter() - started
    try:
        run.worker_pids = {pid for pid, _ in ray.get([a.ready.remote() for a in actors])}
        started = time.perf_counter()
        run.results = list(process_ray(settings, iter(docs), workers=workers, chunk=chunk,
                                       pipeline=pipeline, actors=actors))
        run.extract_s = time.perf_counter() - started
    finally:
        started = time.perf_counter()
        stop_actors(actors)
        ray.shutdown()
        run.shutdown_s = time.perf_counter() - started
    return run


RUNNERS: dict[str, Callable[..., Run]] = {
    "inprocess": run_inprocess, "pool": run_pool, "dask": run_dask, "ray": run_ray,
}


# -- install sizes ----------------------------------------------------------------------------------

def _canon(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def dependency_closure(names: list[str]) -> set[str]:
    """Installed distributions ``names`` need (themselves included), following unconditional
    requirements whose environment markers hold here; extras are not followed."""
    from importlib import metadata

    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [_canon(n) for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(_canon(req.name))
    return seen


def dist_bytes(name: str) -> int:
    """Bytes on disk of one installed distribution, summed over the files its RECORD lists."""
    from importlib import metadata

    total = 0
    for f in metadata.distribution(name).files or []:
        try:
            total += f.locate().stat().st_size
        except OSError:
            pass
    return total


def install_size(names: list[str], base: list[str]) -> dict[str, Any]:
    """Size of ``names`` alone, and with everything they pull in that ``base`` does not already need."""
    from importlib import metadata

    closure, already = dependency_closure(names), dependency_closure(base)
    extra = sorted(closure - already)
    return {
        "versions": {n: metadata.version(n) for n in names},
        "own_mib": sum(dist_bytes(n) for n in names) / 2**20,
        "with_new_deps_mib": sum(dist_bytes(n) for n in extra) / 2**20,
        "new_deps": {n: round(dist_bytes(n) / 2**20, 2) for n in extra if n not in map(_canon, names)},
        "all_deps_mib": sum(dist_bytes(n) for n in closure) / 2**20,
    }


def sizes() -> dict[str, Any]:
    base = ["sanctionwatch"]
    out = {}
    for label, names in (("ray", ["ray"]), ("dask", ["dask", "distributed"])):
        try:
            out[label] = install_size(names, base)
        except Exception as exc:  # noqa: BLE001 - an engine not installed is reported, not fatal
            out[label] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


# -- driver -------------------------------------------------------------------------------------------

def prepare(n: int, seed: int) -> tuple[Any, bytes, int, float]:
    """(pipeline, the prepared documents pickled, words, model load seconds)."""
    from sanctionwatch.ingest import IngestError, iter_raw
    from sanctionwatch.pipeline import Pipeline, Settings

    started = time.perf_counter()
    pipeline = Pipeline(Settings())
    load_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "corpus.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            words = gen_corpus.write_jsonl(fh, n, seed)
        docs = [pipeline.prepare(raw) for raw in iter_raw([str(jsonl)]) if not isinstance(raw, IngestError)]
    # Documents are extracted in place, so every engine gets its own fresh copy.
    return pipeline, pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL), words, load_s


def measure(engine: str, pipeline: Any, prepared: bytes, workers: int, chunk: int) -> tuple[Run, dict]:
    docs = pickle.loads(prepared)
    with Sampler() as sampler:
        run = RUNNERS[engine](pipeline.settings, docs, workers, chunk, pipeline)
    if engine == "inprocess":
        run.worker_pids = set()
    return run, sampler.summary(run.worker_pids)


def compare(results: list[Any], reference: list[dict]) -> dict[str, Any]:
    from sanctionwatch.execution import ExtractionFailed

    failed = [r.doc_id for r in results if isinstance(r, ExtractionFailed)]
    differ = [ref["doc_id"] for r, ref in zip(results, reference)
              if isinstance(r, ExtractionFailed) or r.to_dict() != ref]
    return {"identical": len(results) == len(reference) and not differ, "failed": len(failed),
            "differing": len(differ) + abs(len(results) - len(reference)), "first_differing": differ[:3]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="articles (default 400)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2, help="workers for pool, Dask and Ray (default 2)")
    ap.add_argument("--chunk", type=int, default=16, help="documents per task, the same for every engine")
    ap.add_argument("--engines", nargs="+", choices=ENGINES[1:], default=list(ENGINES[1:]),
                    help="engines besides the in-process baseline (default: pool dask ray)")
    ap.add_argument("--sizes", action="store_true", help="also report the installed size of Ray and Dask")
    ap.add_argument("--death-trials", type=int, default=0, metavar="N",
                    help="also run N worker-death trials per distributed engine (stand-in pipeline, fresh process each)")
    ap.add_argument("--death-timeout", type=float, default=120.0, help="seconds before a trial counts as hung")
    ap.add_argument("--death-only", action="store_true", help="run only the worker-death trials")
    ap.add_argument("--death-trial", choices=("dask", "ray"), help=argparse.SUPPRESS)  # one trial, internal
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.death_trial:
        print(json.dumps(death_trial(args.death_trial)))
        return 0
    if args.death_only:
        trials = death_trials([e for e in args.engines if e in ("dask", "ray")], args.death_trials or 5,
                              args.death_timeout)
        if args.json:
            print(json.dumps(trials, indent=2))
        else:
            print_table({"death_trials": trials}, header=False)
        return 0

    pipeline, prepared, words, load_s = prepare(args.n, args.seed)
    n_docs = len(pickle.loads(prepared))
    result: dict[str, Any] = {
        "n": n_docs, "words": words, "workers": args.workers, "chunk": args.chunk, "cpus": os.cpu_count(),
        "load_avg_at_start": os.getloadavg()[0], "python": sys.version.split()[0], "runs": {},
    }
    reference: list[dict] | None = None
    for i, engine in enumerate(["inprocess", *args.engines, "inprocess"]):
        key = engine if engine != "inprocess" else f"inprocess_{'before' if i == 0 else 'after'}"
        run, memory = measure(engine, pipeline, prepared, args.workers, args.chunk)
        if reference is None:
            reference = [r.to_dict() for r in run.results]
        if engine == "inprocess":
            run.startup_s = load_s  # the model load this process paid once, before preparing
        total = run.startup_s + run.extract_s + run.shutdown_s
        result["runs"][key] = {
            "startup_s": run.startup_s, "extract_s": run.extract_s, "shutdown_s": run.shutdown_s,
            "total_s": total, "import_s": run.import_s, "docs_per_s": n_docs / run.extract_s,
            "words_per_s": words / run.extract_s, **memory, **compare(run.results, reference),
        }
    base = [r for k, r in result["runs"].items() if k.startswith("inprocess")]
    base_rate = sum(r["docs_per_s"] for r in base) / len(base)
    base_total = sum(r["total_s"] for r in base) / len(base)
    result["baseline_docs_per_s"] = base_rate
    for r in result["runs"].values():
        r["speed_x_inprocess"] = r["docs_per_s"] / base_rate
        r["total_x_inprocess"] = base_total / r["total_s"]
    result["versions"] = engine_versions()
    if args.sizes:
        result["sizes"] = sizes()
    if args.death_trials:
        result["death_trials"] = death_trials([e for e in args.engines if e in ("dask", "ray")],
                                              args.death_trials, args.death_timeout)
    result["load_avg_at_end"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0 if all(r["identical"] for r in result["runs"].values()) else 1


def engine_versions() -> dict[str, str | None]:
    from importlib import metadata

    out: dict[str, str | None] = {}
    for name in ("ray", "dask", "distributed", "spacy", "psutil"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def print_table(r: dict, header: bool = True) -> None:
    if not header:
        print_death(r["death_trials"])
        return
    print(f"{r['n']} articles, {r['words']:,} words, {r['workers']} workers, chunks of {r['chunk']}, "
          f"{r['cpus']} CPUs (load average {r['load_avg_at_start']:.1f} -> {r['load_avg_at_end']:.1f})")
    print(f"{'engine':<18}{'import s':>9}{'start s':>8}{'extract s':>10}{'stop s':>7}{'total s':>8}{'docs/s':>7}"
          f"{'x inproc':>9}{'total x':>8}{'driver MiB':>11}{'worker MiB':>11}{'helpers MiB':>13}  identical")
    for name, x in r["runs"].items():
        helpers = f"{x['helpers_peak_sum_mib']:.0f} ({x['helpers']})" if x["helpers"] else "-"
        worker = f"{x['worker_peak_mib']:.0f}" if x["workers"] else "-"
        print(f"{name:<18}{x['import_s']:>9.1f}{x['startup_s']:>8.1f}{x['extract_s']:>10.1f}{x['shutdown_s']:>7.1f}{x['total_s']:>8.1f}"
              f"{x['docs_per_s']:>7.1f}{x['speed_x_inprocess']:>9.2f}{x['total_x_inprocess']:>8.2f}"
              f"{x['driver_peak_mib']:>11.0f}{worker:>11}{helpers:>13}  "
              f"{'yes' if x['identical'] else 'NO: ' + str(x['differing']) + ' differ, ' + str(x['failed']) + ' failed'}")
    for name, x in r["runs"].items():
        if x["helper_names"]:
            print(f"  {name} helper processes: {', '.join(x['helper_names'])}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in r["versions"].items() if v))
    print_death(r.get("death_trials", {}))
    for label, s in r.get("sizes", {}).items():
        if "error" in s:
            print(f"{label}: {s['error']}")
            continue
        deps = ", ".join(f"{k} {v:.1f}" for k, v in s["new_deps"].items()) or "none"
        print(f"installed {label} ({', '.join(f'{k} {v}' for k, v in s['versions'].items())}): "
              f"{s['own_mib']:.1f} MiB itself, {s['with_new_deps_mib']:.1f} MiB with the dependencies "
              f"sanctionwatch does not already need ({deps}); {s['all_deps_mib']:.1f} MiB with all its dependencies")


def print_death(trials: dict) -> None:
    for engine, d in trials.items():
        print(f"worker death, {engine}: {d['correct']}/{d['trials']} correct (seconds {d['seconds_when_correct']}), "
              f"{d['hung']} did not finish within the timeout")


if __name__ == "__main__":
    sys.exit(main())
