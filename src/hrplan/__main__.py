"""``python -m hrplan``: the ``hrplan`` command line."""

import sys

from hrplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
