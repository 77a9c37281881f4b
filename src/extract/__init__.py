"""extract: reports about public-sector innovation labs -> validated JSON records."""

__version__ = "0.1.0"
