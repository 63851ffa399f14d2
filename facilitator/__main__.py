"""`python3 -m facilitator` runs the same command line as `facilitator`."""

from facilitator.cli import main

main(prog_name="facilitator")
