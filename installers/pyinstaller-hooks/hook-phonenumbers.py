# Replaces the contributed phonenumbers hook, which takes every submodule (48 MB). The app only
# matches numbers: it needs the numbering-plan metadata, not geocoding, carrier or time-zone data.
from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata",
           "phonenumbers.geocoder", "phonenumbers.carrier", "phonenumbers.timezone")

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: not name.startswith(_UNUSED))
