"""Batches: planning and running (``run``), worker processes, executors (local or dask), progress."""
