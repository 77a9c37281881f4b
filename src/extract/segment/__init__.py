"""Segment: a document's lines and tables -> one Section per lab."""
