"""`python -m tests.torture [--short] [--only KIND ...]`: see tests/torture/runner.py."""

import sys

from tests.torture.runner import main

sys.exit(main(sys.argv[1:]))
