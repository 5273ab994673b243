"""The bundle's package metadata: what the About dialog needs of every library, and no more."""

from pathlib import Path, PurePosixPath

import pytest

from installers.bundle_metadata import (
    is_bundled_metadata_file,
    metadata_datas,
    owning_distributions,
)


@pytest.mark.parametrize("path, kept", [
    ("httpx-0.28.1.dist-info/METADATA", True),
    ("httpx-0.28.1.dist-info/licenses/LICENSE.md", True),
    ("certifi-2026.10.19.dist-info/licenses/sub/NOTICE", True),
    ("keyring-25.0.dist-info/LICENSE", True),
    ("six-1.16.0.dist-info/COPYING.txt", True),
    ("httpx-0.28.1.dist-info/RECORD", False),
    ("httpx-0.28.1.dist-info/WHEEL", False),
    ("keyring-25.0.dist-info/entry_points.txt", True),
    ("httpx-0.28.1.dist-info/INSTALLER", False),
    ("httpx/__init__.py", False),
    ("httpx/LICENSE", False),
    ("METADATA", False),
])
def test_only_metadata_and_licences_of_dist_info_folders(path, kept):
    assert is_bundled_metadata_file(PurePosixPath(path)) is kept


def test_owners_of_the_shipped_packages_each_once():
    owners = {"PySide6": ["PySide6", "PySide6_Addons", "PySide6_Essentials"],
              "httpx": ["httpx"], "idna": ["idna"], "yaml": ["PyYAML"]}
    assert owning_distributions(["PySide6", "httpx", "PySide6", "unknown"], owners) == [
        "httpx", "PySide6", "PySide6_Addons", "PySide6_Essentials"]


def test_installed_library_gives_its_metadata_and_licence_into_its_dist_info_folder():
    datas = metadata_datas(["httpx", "PySide6_Essentials", "not-installed-anywhere"])
    names = {(Path(source).name, folder) for source, folder in datas}
    httpx_folder = next(folder for name, folder in names
                        if folder.startswith("httpx-") and folder.endswith(".dist-info"))
    assert ("METADATA", httpx_folder) in names
    assert ("LICENSE.md", f"{httpx_folder}/licenses") in names
    assert any(name == "METADATA" and folder.startswith("pyside6_essentials-")
               for name, folder in names)
    assert not any(name == "RECORD" for name, _folder in names)
    assert all(Path(source).is_file() for source, _folder in datas)
