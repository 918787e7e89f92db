#!/usr/bin/env python3
"""Fails when a front end sees SQLite: a file under kiosk/ or devices/ that includes
SQLiteCpp (or sqlite3.h) itself, or through the core headers it includes, followed
transitively. Core's storage is its own business (kitap::core::Library).

usage: sqlite_includes.py SOURCE_ROOT [DIR ...]   (default dirs: kiosk devices)
"""
import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
SQLITE = re.compile(r'^(SQLiteCpp/|sqlite3\.h$)')
SOURCES = {'.hpp', '.cpp', '.h', '.cc'}


def includes(path):
    return INCLUDE.findall(path.read_text(encoding='utf-8', errors='replace'))


def sqlite_chain(root, path, seen):
    """The chain of headers from `path` to an SQLite include, or None."""
    for bracket, name in includes(path):
        if SQLITE.match(name):
            return [name]
        if bracket == '"' and name.startswith('core/'):
            header = root / name
            if header in seen or not header.is_file():
                continue
            seen.add(header)
            chain = sqlite_chain(root, header, seen)
            if chain:
                return [name] + chain
    return None


def main():
    root = Path(sys.argv[1]).resolve()
    dirs = sys.argv[2:] or ['kiosk', 'devices']
    found = []
    for top in dirs:
        for path in sorted((root / top).rglob('*')):
            if path.suffix in SOURCES and path.is_file():
                chain = sqlite_chain(root, path, set())
                if chain:
                    found.append(f'{path.relative_to(root)}: ' + ' -> '.join(chain))
    for line in found:
        print(line)
    if found:
        print(f'{len(found)} front-end file(s) see SQLite; call kitap::core::Library instead', file=sys.stderr)
        return 1
    print('no file under ' + ', '.join(dirs) + ' includes SQLite, directly or through core')
    return 0


if __name__ == '__main__':
    sys.exit(main())
