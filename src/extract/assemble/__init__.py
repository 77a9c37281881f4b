"""Assemble: candidates -> one validated LabRecord per section; ``matching`` tells which records are the same lab."""
