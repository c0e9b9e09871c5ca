"""Allows ``python -m regroup``."""

import sys

from regroup.core.keys.key_reader import READER_FLAG, reader_main

if sys.argv[1:2] == [READER_FLAG]:
    sys.exit(reader_main(sys.argv[2:]))

from regroup.cli import main

sys.exit(main())
