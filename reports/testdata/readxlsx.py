#!/usr/bin/python3
"""Reads an XLSX with openpyxl, independently of the Go code that wrote it,
and prints what a reader sees as JSON: per sheet its title, frozen panes,
filters (sheet auto-filter and tables), and every cell's type and value.
A cell's type is "f" (formula), "d" (a date), "n" (a number), "s" (text)
or "b" (boolean); "red" marks text drawn in red."""
import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append(None)
                continue
            if c.data_type == "f" or (isinstance(v, str) and c.data_type not in ("s", "inlineStr", "str")):
                t = "f"
            elif isinstance(v, (datetime.datetime, datetime.date)):
                t, v = "d", v.isoformat()
            elif isinstance(v, bool):
                t = "b"
            elif isinstance(v, (int, float)):
                t = "n"
            else:
                t = "s"
            color = c.font.color.rgb if c.font is not None and c.font.color is not None else None
            cells.append({"t": t, "v": v, "fmt": c.number_format,
                          "red": isinstance(color, str) and color.upper().endswith("C00000")})
        rows.append(cells)
    out.append({
        "title": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "tables": [t.ref for t in ws.tables.values()],
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        "rows": rows,
    })
# Read-only mode (pandas' way) trusts each sheet's <dimension>: a reader
# there must see the rows and columns the full read sees.
ro = openpyxl.load_workbook(sys.argv[1], read_only=True)
for sheet, ws in zip(out, ro.worksheets):
    rows = list(ws.iter_rows(values_only=True))
    sheet["ro_rows"] = len(rows)
    sheet["ro_cols"] = max((len(r) for r in rows), default=0)
json.dump(out, sys.stdout, ensure_ascii=False)
