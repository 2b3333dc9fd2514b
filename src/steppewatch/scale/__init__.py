"""Coding at scale: inputs split into partitions, each coded by the same coder in this process
or on a Dask cluster, written to a partitioned Parquet dataset with a manifest of the inputs done
(``scale.engine``, ``scale.partition``), then linked into the store in one pass
(``scale.link``): ``steppewatch code --parquet DIR [--engine dask]`` and
``steppewatch ingest --engine dask``. Modules load pyarrow and Dask only when imported."""
