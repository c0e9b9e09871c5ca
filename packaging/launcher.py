"""The frozen app's entry point: ``regroup`` as installed, plus the hidden bundle self-check."""

import sys

if sys.argv[1:2] == ["--bundle-check"]:
    from regroup.bundle_check import main as check

    sys.exit(check(sys.argv[2:]))

from regroup.core.keys.key_reader import READER_FLAG, reader_main

if sys.argv[1:2] == [READER_FLAG]:
    sys.exit(reader_main(sys.argv[2:]))

from regroup.cli import main

sys.exit(main())
