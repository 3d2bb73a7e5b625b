"""Execution layer: the same chunks on this machine's cores or on a Dask cluster.

- `executor_for(scheduler, workers)` -> `Executor` (`LocalExecutor` / `DaskExecutor`), whose
  `map`/`imap` run chunks and whose `report` says what was re-run after a worker was lost.
- `chunks`: spans, `SeedSequence.spawn` streams per chunk, idempotent chunk ids.
- `montecarlo.run_variants`: Monte Carlo draws in chunks, byte-identical on any executor.
- `extraction.extract_store`: extraction in article chunks -> Parquet partitions -> one
  merge transaction into the store; resumable.
- `export.export_parquet`: the store's tables as Parquet files.
"""

from detente.execution.executor import DaskExecutor, Executor, LocalExecutor, RunReport, executor_for

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "RunReport", "executor_for"]
