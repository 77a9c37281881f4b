"""Review: run-to-run diffs, corrections, the HTML report, export and evaluation."""
