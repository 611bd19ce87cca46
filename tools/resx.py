#!/usr/bin/env python3
"""Adds or updates localized strings in the three resource files at once.

  tools/resx.py set KEY "русский" "қазақша" "English"
  tools/resx.py load FILE.tsv        (KEY<TAB>ru<TAB>kk<TAB>en per line)
  tools/resx.py check                (keys present and non-empty in all three)
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent / "src" / "SocialOrder.Web" / "Resources"
FILES = {"ru": BASE / "SharedResource.resx", "kk": BASE / "SharedResource.kk.resx", "en": BASE / "SharedResource.en.resx"}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path):
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write(path, entries):
    BASE.mkdir(parents=True, exist_ok=True)
    lines = [HEADER]
    for key in sorted(entries):
        lines.append(f'  <data name="{esc(key)}" xml:space="preserve"><value>{esc(entries[key])}</value></data>\n')
    lines.append("</root>\n")
    path.write_text("".join(lines), encoding="utf-8")


def set_many(rows):
    tables = {lang: read(path) for lang, path in FILES.items()}
    for key, ru, kk, en in rows:
        tables["ru"][key], tables["kk"][key], tables["en"][key] = ru, kk, en
    for lang, path in FILES.items():
        write(path, tables[lang])


def main(argv):
    if len(argv) >= 2 and argv[1] == "set" and len(argv) == 6:
        set_many([tuple(argv[2:6])])
    elif len(argv) == 3 and argv[1] == "load":
        rows = []
        for line in Path(argv[2]).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) != 4:
                    sys.exit(f"bad line: {line!r}")
                rows.append(tuple(p.strip() for p in parts))
        set_many(rows)
    elif len(argv) == 2 and argv[1] == "check":
        tables = {lang: read(path) for lang, path in FILES.items()}
        keys = set().union(*tables.values())
        bad = [(k, lang) for k in sorted(keys) for lang in tables if not tables[lang].get(k)]
        for k, lang in bad:
            print(f"missing {lang}: {k}")
        sys.exit(1 if bad else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
