"""`python -m wasmlit`: the `wasmlit` command (cli.py)."""
import sys

from .cli import main

sys.exit(main())
