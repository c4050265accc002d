#!/usr/bin/env python3
"""Command line of the pledge tracker: `python run_pipeline.py --help`."""
from pipeline.cli import main

if __name__ == "__main__":
    main()
