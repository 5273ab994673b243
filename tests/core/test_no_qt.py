"""The core must stay usable without Qt: importing all of it must not load PySide6."""

import pkgutil

import ambtenaar20.core
from tests.helpers import run_python


def test_core_modules_do_not_import_qt():
    names = [info.name for info in pkgutil.walk_packages(ambtenaar20.core.__path__,
                                                          "ambtenaar20.core.")]
    assert "ambtenaar20.core.store.database" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
