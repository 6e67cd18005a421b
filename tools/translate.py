"""Fill English translations into the .ts: ``python tools/translate.py FILE.json`` with {"中文": "English"}.

Only entries still marked unfinished are filled; then run ``python tools/update_translations.py``.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "backoffice" / "resources" / "translations" / "backoffice_en.ts"


def fill(mapping: dict[str, str]) -> list[str]:
    text = TS.read_text(encoding="utf-8")
    filled = []

    def replace(match: re.Match[str]) -> str:
        source = html.unescape(match.group(1))
        if source not in mapping:
            return match.group(0)
        filled.append(source)
        english = html.escape(mapping[source], quote=False)
        return f"{match.group(0).split('<translation')[0]}<translation>{english}</translation>"

    # Unfinished entries are empty, or hold lupdate's guess from the same text in another context.
    pattern = re.compile(r"<source>([^<]*)</source>\s*<translation type=\"unfinished\">[^<]*</translation>")
    TS.write_text(pattern.sub(replace, text), encoding="utf-8")
    return filled


if __name__ == "__main__":
    done = fill(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
    print(f"filled {len(done)} translation(s)")
