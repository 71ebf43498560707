"""How fast the single writer loads extracted documents, SQLite against PostgreSQL, per document and in batches.

    python bench/store_load.py [--docs 2000] [--batch 64] [--source build/demo.db] [--pg URL] [--json]

The documents are the extracted demo corpus (run `make demo` first, or pass
--source), copied under new ids until there are --docs of them, so every
variant writes exactly the same rows.  Each variant writes them into a fresh,
empty store, in the same process, in an order that alternates over --rounds:

  sqlite/doc      SQLite, one transaction per document (what the writer did before batching)
  sqlite/batch    SQLite, BatchWriter: --batch documents per transaction
  pg/rows         PostgreSQL, one transaction per document, one INSERT per row (the naive baseline)
  pg/doc          PostgreSQL, one transaction and one COPY per table per document
  pg/batch        PostgreSQL, BatchWriter: --batch documents per transaction, one COPY per table

PostgreSQL is --pg (or $SANCTIONWATCH_BENCH_PG_URL), else a throwaway server
started from Debian's binaries as in the tests, on loopback with fsync off:
these are loading costs of the client and server, not of a disk.
Figures are docs/s and the ratio to sqlite/doc measured in the same run.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from tempfile import TemporaryDirectory

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def documents(source: Path, n: int) -> list:
    from sanctionwatch.store import Store

    with Store(source) as store:  # read-write: migrates a store written by an older version
        base = [store.get_document(i) for i in store.doc_ids()]
    out = []
    while len(out) < n:
        for doc in base[: n - len(out)]:
            d = copy.copy(doc)
            d.doc_id, d.input = f"{doc.doc_id}-{len(out)}", f"{doc.input}#{len(out)}"
            out.append(d)
    return out


def _row_by_row(store, docs, version) -> None:
    """The naive loader: each row its own INSERT (the rows and columns save_documents writes)."""
    from sanctionwatch.store import document_rows

    for d in docs:
        columns, rows = document_rows([d], version, "now", search_index=store.dialect == "postgresql")
        with store.transaction() as c:
            c.execute("DELETE FROM documents WHERE doc_id = ?", (d.doc_id,))
            for table, cols in columns.items():
                names = ", ".join(f'"{col}"' for col in cols)
                for row in rows[table]:
                    c.execute(f"INSERT INTO {table}({names}) VALUES ({','.join('?' * len(cols))})", row)


def load(target: str, docs: list, mode: str, batch: int) -> float:
    from sanctionwatch.store import BatchWriter, Store

    with Store(target) as store:
        started = time.perf_counter()
        if mode == "rows":
            _row_by_row(store, docs, "bench")
        elif mode == "doc":
            for d in docs:
                store.save_document(d, "bench")
        else:
            with BatchWriter(store, "bench", size=batch, max_seconds=1e9) as writer:
                for d in docs:
                    writer.add(d)
        seconds = time.perf_counter() - started
        assert store.count("documents") == len(docs)
    return seconds


def fresh_pg(server: str) -> str:
    import psycopg

    name = "load_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--source", type=Path, default=ROOT / "build" / "demo.db")
    ap.add_argument("--pg", default=os.environ.get("SANCTIONWATCH_BENCH_PG_URL"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.source.exists():
        sys.exit(f"no source store at {args.source}: run `make demo` first, or pass --source")

    docs = documents(args.source, args.docs)
    server = None
    if not args.pg:
        from postgres_server import TempPostgres

        server = TempPostgres()
        args.pg = server.start()
    variants = [("sqlite/doc", "sqlite", "doc"), ("sqlite/batch", "sqlite", "batch"),
                ("pg/rows", "pg", "rows"), ("pg/doc", "pg", "doc"), ("pg/batch", "pg", "batch")]
    times: dict[str, list[float]] = {name: [] for name, _, _ in variants}
    try:
        with TemporaryDirectory() as tmp:
            for r in range(args.rounds):
                for name, backend, mode in (variants if r % 2 == 0 else variants[::-1]):
                    target = str(Path(tmp) / f"{name.replace('/', '-')}-{r}.db") if backend == "sqlite" else fresh_pg(args.pg)
                    times[name].append(load(target, docs, mode, args.batch))
    finally:
        if server:
            server.stop()
    base = statistics.median(times["sqlite/doc"])
    result = {"docs": len(docs), "batch": args.batch, "rounds": args.rounds, "variants": {
        name: {"seconds": statistics.median(t), "docs_per_s": len(docs) / statistics.median(t),
               "ratio_to_sqlite_doc": base / statistics.median(t)} for name, t in times.items()}}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{len(docs)} documents, batches of {args.batch}, median of {args.rounds} rounds")
    print(f"{'variant':<14}{'seconds':>10}{'docs/s':>10}{'x sqlite/doc':>14}")
    for name, v in result["variants"].items():
        print(f"{name:<14}{v['seconds']:>10.2f}{v['docs_per_s']:>10.0f}{v['ratio_to_sqlite_doc']:>14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
