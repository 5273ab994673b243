"""Entry point of the frozen programs (both the windowed one and the console one).

The same ``run`` as the ``ambtenaar20`` command: without a subcommand it opens the window.
"""

from ambtenaar20.cli.main import run

if __name__ == "__main__":
    run()
