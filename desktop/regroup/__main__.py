"""Allows ``python -m regroup``."""

import sys

from regroup.cli import main

sys.exit(main())
