"""`python -m workbench ...`: see workbench.commands.cli."""

import sys

from workbench.commands.cli import main

sys.exit(main())
