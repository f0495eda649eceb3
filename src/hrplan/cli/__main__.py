"""``python -m hrplan.cli``."""

import sys

from hrplan.cli import main

sys.exit(main())
