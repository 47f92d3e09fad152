"""Allow ``python -m linework.cli``."""

import sys

from linework.cli import main

sys.exit(main())
