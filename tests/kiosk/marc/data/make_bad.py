#!/usr/bin/env python3
"""Makes bad.mrc from the fixtures yaz-marcdump wrote (run make_fixtures first):
record 1 good, 2 a leader that does not start with its length, 3 an ISBN with a wrong
check digit, 4 a directory entry that is not digits, 5 good, 6 cut short by the end of the file."""
import pathlib

here = pathlib.Path(__file__).parent
good = (here / "marc21.mrc").read_bytes().split(b"\x1d")[:3]
good = [record + b"\x1d" for record in good]
bad_isbn = (here / "bad_isbn.mrc").read_bytes()

bad_leader = b"0x57" + good[1][4:]
broken_directory = bytearray(good[2])
broken_directory[24 + 3] = ord("x")  # the length of the first field's directory entry
truncated = good[0][: len(good[0]) // 2]

(here / "bad.mrc").write_bytes(good[0] + bad_leader + bad_isbn + bytes(broken_directory) + good[2] + truncated)
