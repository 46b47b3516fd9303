"""`python -m wartrace.web [OPTIONS]` is `wartrace serve [OPTIONS]` (with the CLI's error handling)."""
import sys

from wartrace.cli import cli
from wartrace.web.cli import register

if "serve" not in cli.commands:
    register(cli)
cli.main(["serve", *sys.argv[1:]], prog_name="wartrace")
