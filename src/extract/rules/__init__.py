"""Rules as data: per-language YAML, field labels (loaded by ``vocab``) and spaCy patterns (``patterns/*.jsonl``);
the letter classes the regular expressions share (``letter_classes``)."""
