"""Entry point of the ``ambtenaar20`` command: global options, subcommands, exit codes.

Exit codes: 0 ok; 1 the command ran and found problems; 2 bad usage or bad input (one line on
stderr says what); 3 an unexpected internal error (details in the log file).
Subcommands live in their own modules listed in ``COMMAND_MODULES``; each has
``register(subparsers, parents)``. Nothing here imports Qt: only the ``gui`` command does, when
it runs.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from ambtenaar20 import APP_SLUG, __version__
from ambtenaar20.cli import argparse_messages
from ambtenaar20.cli.field_names import FIELD_OPTIONS, with_option_name
from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.core import collector_pause, disk_errors, i18n
from ambtenaar20.core.app_context import AppContext, create_app_context
from ambtenaar20.core.errors import Ambtenaar20Error
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logging_setup import configure_file_logging

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

#: Every subcommand and the module that adds it (``register``); the order is ``--help``'s.
COMMANDS = {
    "gui": "ambtenaar20.cli.gui_command",
    "check": "ambtenaar20.cli.check_command",
    "pack": "ambtenaar20.cli.pack_command",
    "drafts": "ambtenaar20.cli.drafts_command",
    "feeds": "ambtenaar20.cli.feeds_command",
    "topics": "ambtenaar20.cli.topics_command",
    "refresh": "ambtenaar20.cli.refresh_command",
    "items": "ambtenaar20.cli.items_command",
    "log": "ambtenaar20.cli.log_command",
    "export": "ambtenaar20.cli.export_command",
    "hidden-names": "ambtenaar20.cli.hidden_names_command",
    "tone-words": "ambtenaar20.cli.tone_words_command",
    "backup": "ambtenaar20.cli.backup_command",
    "restore": "ambtenaar20.cli.backup_command",
    "diagnose": "ambtenaar20.cli.backup_command",
    "erase-person": "ambtenaar20.cli.privacy_command",
    "privacy-requests": "ambtenaar20.cli.privacy_command",
    "selftest": "ambtenaar20.cli.selftest_command",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
#: The window's command, which is also what runs without a subcommand.
WINDOW_COMMAND = DEFAULT_COMMAND = "gui"
#: Global options that take a value as the next argument.
_OPTIONS_WITH_VALUE = ("--data-dir", "--lang")

Handler = Callable[[argparse.Namespace, "ContextOpener"], int]


class ContextOpener:
    """Builds the ``AppContext`` from the global options, once, when a command asks for it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._args = args
        self._context: AppContext | None = None

    def __call__(self) -> AppContext:
        if self._context is None:
            # Logging goes to the file before the folder is opened: what opening it logs (a
            # damaged settings file) would otherwise reach the console in English.
            _log_file_of(self._args)
            self._context = create_app_context(self._args.data_dir, self._args.lang)
            configure_file_logging(self._context.paths.log_file)
            problem = self._context.settings_problem
            if problem and (self._args.command or DEFAULT_COMMAND) != WINDOW_COMMAND:
                # The window shows it itself; a command says it once, before its own output.
                print(f"{APP_SLUG}: {problem}", file=sys.stderr)
        return self._context

    def log_file(self):
        """The log file, if a context (and so logging) was set up."""
        return self._context.paths.log_file if self._context is not None else None

    def close(self) -> None:
        if self._context is not None:
            self._context.close()


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit 2, and whose examples keep their
    lines (``help_examples``): argparse would run them together as one paragraph."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        if action.type is int:
            try:
                return int(arg_string)
            except ValueError:
                raise argparse_messages.not_a_whole_number(action, arg_string) from None
        return super()._get_value(action, arg_string)

    def format_help(self) -> str:
        epilog, self.epilog = self.epilog, None
        try:
            text = super().format_help()
        finally:
            self.epilog = epilog
        return f"{text}\n{epilog}\n" if epilog else text


def _folder_name(value: str) -> str:
    # An empty --data-dir (an unset variable in a script: --data-dir "$DIR") would quietly
    # mean the default folder: the officer's real data instead of the one meant.
    if not value.strip():
        raise argparse.ArgumentTypeError(_("the folder name is empty"))
    return value


def add_data_dir_option(parser: argparse.ArgumentParser) -> None:
    """``--data-dir``: a global option, and ``check``'s own (which has its own ``--lang``)."""
    parser.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        type=_folder_name,
        default=argparse.SUPPRESS,
        help=_("folder for the database and settings (default: the per-user data folder; "
               "also AMBTENAAR20_DATA_DIR)"),
    )


def global_options() -> argparse.ArgumentParser:
    """Options valid before and after the subcommand name."""
    parent = CliParser(add_help=False)
    add_data_dir_option(parent)
    parent.add_argument(
        "--lang",
        choices=i18n.SUPPORTED_LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("language of messages: nl (default) or en"),
    )
    return parent


def build_parser(command: str | None = None) -> CliParser:
    """The parser for every subcommand, or for ``command`` alone (see ``command_to_build``)."""
    parent = global_options()
    parser = CliParser(
        prog=APP_SLUG,
        description=_("Ambtenaar 2.0: follow policy topics, write within the guidelines, "
                      "log interactions and report on them. Without a command the window opens."),
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"{APP_SLUG} {__version__}",
                        help=_("show program's version number and exit"))
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"),
                                       title=_("commands"), parser_class=CliParser)
    add_examples(parser,
                 _("ambtenaar20 feeds add https://example.org/news.rss --title News"),
                 _("ambtenaar20 check --platform x draft.txt"),
                 _("ambtenaar20 log add --platform X --kind reply --topic Waste --minutes 10"))
    modules = COMMAND_MODULES if command is None else (COMMANDS[command],)
    for module_name in modules:
        importlib.import_module(module_name).register(subparsers, [parent])
    return parser


def command_to_build(argv: Sequence[str]) -> str | None:
    """The one subcommand whose parser is enough for ``argv``, or None to build them all.

    Building every subcommand's parser imports all twelve command modules (~8 ms, measured),
    at every start of the window and every command. The command named in ``argv`` is enough,
    and without one the window opens. Whenever anything else can happen (help for all
    commands, a name that is no command, an option only argparse can resolve), all are built,
    so argparse's messages stay exactly as they were.
    """
    arguments = iter(argv)
    for argument in arguments:
        if argument in _OPTIONS_WITH_VALUE:
            next(arguments, None)
        elif argument in ("-h", "--help", "--"):
            return None
        elif argument.startswith("-"):
            if not argument.startswith(tuple(f"{name}=" for name in _OPTIONS_WITH_VALUE)) \
                    and argument != "--version":
                return None
        else:
            return argument if argument in COMMANDS else None
    return DEFAULT_COMMAND


#: Commands whose own ``--lang`` means something else: ``check --lang`` is the text's language.
_OWN_LANG_OPTION = ("check",)


def _pre_language(argv: Sequence[str]) -> str | None:
    """``--lang`` must be known before the parser is built, since help texts are translated."""
    arguments = iter(argv)
    for arg in arguments:
        if arg == "--lang":
            return next(arguments, None)
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg in _OPTIONS_WITH_VALUE:
            next(arguments, None)
        elif arg in _OWN_LANG_OPTION:
            return None  # a --lang after it is that command's, not the interface's
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argparse_messages.install()
    requested = _pre_language(argv)
    i18n.set_language(i18n.resolve_language(requested if requested in
                                            i18n.SUPPORTED_LANGUAGES else None))
    parser = build_parser(command_to_build(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    args.data_dir = getattr(args, "data_dir", None)
    args.lang = getattr(args, "lang", None)
    handler: Handler = getattr(args, "handler", None) or _default_handler()
    if (args.command or DEFAULT_COMMAND) != WINDOW_COMMAND:
        collector_pause.resume()  # the window resumes it once it shows its data
    opener = ContextOpener(args)
    try:
        return handler(args, opener)
    except Ambtenaar20Error as error:
        message = with_option_name(str(error), getattr(args, FIELD_OPTIONS, None), argv)
        print(f"{APP_SLUG}: {message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{APP_SLUG}: " + _("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``ambtenaar20 check --format json post.txt | head``): it has
        # what it wanted, so this is no error of the command.
        _stop_writing_to_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: keep the traceback in the log, not on screen
        plain = disk_errors.plain_message(error)
        if plain is not None:  # a full disk or read-only folder is not a bug
            log.error("command %s: %s", args.command, error)
            print(f"{APP_SLUG}: {plain}", file=sys.stderr)
            return EXIT_USAGE
        where = opener.log_file() or _log_file_of(args)
        if where is not None:
            log.exception("unexpected error in command %s", args.command)
        where = where or _("the log file")
        print(
            f"{APP_SLUG}: " + _("unexpected error: {error} (details in {where})").format(
                error=error, where=where),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        opener.close()


def _log_file_of(args: argparse.Namespace):  # -> Path | None
    """Log to the data folder's file when the error came before the folder was opened.

    Without a handler, Python would print the traceback on stderr: the officer gets one line,
    the details go to the file where IT looks. None when that file cannot be written.
    """
    from ambtenaar20.core.paths import AppPaths, resolve_data_dir

    try:
        log_file = AppPaths(resolve_data_dir(args.data_dir)).log_file
        configure_file_logging(log_file)
    except (OSError, ValueError):
        return None
    return log_file if log_file.parent.is_dir() else None


def _stop_writing_to_stdout() -> None:
    """Point stdout at the null device, so the flush at exit cannot fail on the closed pipe."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real stdout (a GUI start): nothing to do
        pass


def run() -> NoReturn:
    """The ``ambtenaar20`` command: run ``main`` and end the process with its exit status."""
    from ambtenaar20.cli.process_exit import exit_process

    # Resumed when a command begins, or by the window once it shows its data.
    collector_pause.pause()
    exit_process(main())


def _default_handler() -> Handler:
    from ambtenaar20.cli import gui_command

    return gui_command.run
