"""Storage: atomic writes and output names, the page/section/entity cache and its code fingerprints, the output lock, run manifests."""
