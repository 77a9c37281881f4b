"""Rules as data: per-language YAML, field labels (loaded by ``vocab``) and spaCy patterns (``patterns/*.jsonl``)."""
