#!/usr/bin/env python3
"""Writes tests/data/files/: one cohort as the files officials really have — CSV in every
encoding Excel and WPS write, Excel's "Unicode text", a semicolon CSV, .xlsx written by this
program and by another (openpyxl), and the files that must be refused (an unknown encoding, a
damaged, an encrypted and a legacy workbook, a formula without a computed value).

Needs Python 3 and, from PyPI, openpyxl (xlsx), xlwt (a real Excel 97-2003 .xls) and
msoffcrypto-tool (Office's own password encryption of an .xlsx):

    python3 -m venv /tmp/fixtures && /tmp/fixtures/bin/pip install openpyxl xlwt msoffcrypto-tool
    /tmp/fixtures/bin/python scripts/make-fixtures.py

The cohort and its CSV come from the CLI (`dongliang demo`, `dongliang csv`, `dongliang xlsx`),
built with `cargo build --no-default-features --features xlsx` unless DONGLIANG_BIN names one.
The output is deterministic except for the timestamps inside the .xlsx files.
"""

import csv
import datetime
import io
import json
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "files")

NUMBER_SUFFIXES = ("_good", "_fairly_good", "_average", "_poor", "_difficulty", "_innovation",
                   "_contribution", "_q1", "_q2", "_q3", "_q4")


def dongliang(*args):
    binary = os.environ.get("DONGLIANG_BIN")
    if not binary:
        subprocess.run(["cargo", "build", "--quiet", "--no-default-features", "--features", "xlsx"],
                       cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "debug", "dongliang")
    return subprocess.run([binary, *args], cwd=ROOT, check=True, capture_output=True).stdout


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def is_number(column):
    return column in ("year", "unit_score") or column.startswith("assume_") or (
        column.endswith(NUMBER_SUFFIXES) and not column.endswith("_title"))


def typed(column, cell):
    """A CSV cell as a spreadsheet stores it: numbers as numbers, text as text."""
    if cell == "":
        return None
    if is_number(column):
        value = float(cell)
        return int(value) if value.is_integer() else value
    # The CSV writer puts a ' before text starting with = + - @ or '; a spreadsheet cell is text.
    if column in ("name", "post") or column.endswith("_title"):
        return cell[1:] if cell.startswith("'") else cell
    return cell


def main():
    os.makedirs(OUT, exist_ok=True)

    # The cohort: the demo's first twelve officials, with text that needs quoting in CSV.
    cohort = json.loads(dongliang("demo", "--seed", "2023", "--size", "12"))
    cohort["officials"][0]["post"] = "区委组织部副部长, 兼“两新”工委书记"
    cohort["officials"][1]["pledges"][0]["title"] = "“强基”工程\n第二期"
    cohort_json = json.dumps(cohort, ensure_ascii=False, indent=1) + "\n"
    write("cohort.json", cohort_json.encode("utf-8"))

    # The program's own CSV: UTF-8 with a byte-order mark, CRLF, commas.
    text = dongliang("csv", os.path.join(OUT, "cohort.json")).decode("utf-8")
    assert text.startswith("\ufeff")
    text = text[1:]
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = records[0]

    def delimited(delimiter, line_end):
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(records)
        return out.getvalue()

    # Chinese Excel and WPS, "CSV (逗号分隔)": code page 936 (GBK), no mark, CRLF.
    gbk = text.encode("gbk")
    write("cohort-gbk.csv", gbk)
    # Excel, "Unicode 文本": UTF-16 LE with a mark, tab-separated, CRLF.
    write("cohort-utf16.txt", b"\xff\xfe" + delimited("\t", "\r\n").encode("utf-16-le"))
    # LibreOffice, Numbers, online sheets: UTF-8 without a mark, LF.
    write("cohort-utf8.csv", delimited(",", "\n").encode("utf-8"))
    # Excel where the list separator is ";" (European locales), with a mark.
    write("cohort-semicolon.csv", ("\ufeff" + delimited(";", "\r\n")).encode("utf-8"))
    # Not text in any encoding read: the GBK file with bytes no encoding has on line 3.
    lines = gbk.split(b"\n")
    lines[2] = lines[2][:10] + b"\xff\xfe\xff" + lines[2][10:]
    write("unknown-encoding.csv", b"\n".join(lines))

    import openpyxl
    from openpyxl.styles import Font

    # Another program's workbook: a merged title row and a note above the header, the year of
    # the first official as a date cell shown as a year.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "考核名单"
    sheet["A1"] = "2023 年度区管党政正职考核名单(虚构示例)"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    sheet["A2"] = "制表:区委组织部    2024 年 1 月"
    sheet.append(header)
    for record in records[1:]:
        sheet.append([typed(column, cell) for column, cell in zip(header, record)])
    year = header.index("year") + 1
    cell = sheet.cell(row=4, column=year)
    cell.value = datetime.datetime(int(cell.value), 1, 1)
    cell.number_format = "yyyy"
    sheet.freeze_panes = "B4"
    buffer = io.BytesIO()
    book.save(buffer)
    openpyxl_bytes = buffer.getvalue()
    write("cohort-openpyxl.xlsx", openpyxl_bytes)

    # A formula openpyxl stores without a computed value (only a spreadsheet computes it).
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    row = [typed(column, cell) for column, cell in zip(header, records[1])]
    row[header.index("unit_score")] = "=80+10"
    sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    write("formula-uncomputed.xlsx", buffer.getvalue())

    # This program's workbook.
    app = dongliang("xlsx", os.path.join(OUT, "cohort.json"))
    write("cohort-app.xlsx", app)

    # Damaged: the app's workbook with 64 bytes of the sheet's compressed data inverted (the
    # zip directory is intact; the sheet does not inflate, or fails its checksum).
    with zipfile.ZipFile(io.BytesIO(app)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = app.index(b"PK\x03\x04", info.header_offset)
    name_len = int.from_bytes(app[start + 26:start + 28], "little")
    extra_len = int.from_bytes(app[start + 28:start + 30], "little")
    data = start + 30 + name_len + extra_len
    damaged = bytearray(app)
    for i in range(data + 16, data + 80):
        damaged[i] ^= 0xFF
    write("corrupt.xlsx", bytes(damaged))

    # Encrypted as Office does it (ECMA-376 agile encryption in an OLE container).
    from msoffcrypto.format.ooxml import OOXMLFile
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(openpyxl_bytes)).encrypt("dongliang", encrypted)
    write("encrypted.xlsx", encrypted.getvalue())

    # A real Excel 97-2003 workbook.
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for r, record in enumerate(records[:3]):
        for c, (column, cell) in enumerate(zip(header, record)):
            value = cell if r == 0 else typed(column, cell)
            if value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    write("legacy.xls", buffer.getvalue())

    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):>8}  tests/data/files/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()
