"""The UCDP Peace Agreement Dataset (Uppsala Conflict Data Program, CC BY 4.0): its file's columns.

UCDP publishes it as an Excel workbook (`ucdp-peace-agreements-<version>.xlsx`); the importer reads that or the
same sheet saved as CSV. The columns confirmed from public code that reads the file are `paid`, `conflict_id`
(one or more, ", "-separated), `dyad_id`, `year`, `pa_date`, `pa_type`, `inclusive`, `ended`, `cease`,
`out_iss`, `gwno`; the name (`pa_name`), the third parties (`pa_3rd`), the signatories (`c_sign`) and the
location (`location`) are read when the file has them and reported missing when it does not (data/README.md).
"""

from __future__ import annotations

from dashboard.importers.layout import Agreement, BadRow, Layout

# pa_type as UCDP's codebook numbers it; other values are shown as written
AGREEMENT_TYPES = {"1": "full peace agreement", "2": "partial peace agreement", "3": "peace process agreement"}
OPTIONAL = ("pa_name", "pa_3rd", "c_sign", "location")


def read_row(row: dict[str, str], line: int, file: str) -> Agreement | BadRow:
    paid = row["paid"].strip()
    if not paid:
        return BadRow(file, line, "paid", "", "no paid: the row cannot be cited or found again")
    conflicts = [c.strip() for c in row["conflict_id"].replace(";", ",").split(",") if c.strip()]
    if not conflicts:
        return BadRow(file, line, "conflict_id", "", "no conflict_id: the agreement belongs to no conflict")
    name = " ".join(row.get("pa_name", "").split()) or f"UCDP peace agreement {paid}"
    location = " ".join(row.get("location", "").split())
    facts = [("type", AGREEMENT_TYPES.get(row.get("pa_type", "").strip(), row.get("pa_type", "").strip())),
             ("conflict_id", ", ".join(conflicts)), ("dyad_id", row.get("dyad_id", "").strip()),
             ("year", row.get("year", "").strip())]
    return Agreement(line=line, row_id=paid, name=name, date_text=row["pa_date"], process_key=conflicts[0],
                     process_name=f"{location + ': ' if location else ''}UCDP conflict {conflicts[0]}",
                     conflict=location or f"UCDP conflict {conflicts[0]}", parties=row.get("c_sign", "").strip(),
                     third_parties=row.get("pa_3rd", "").strip(), facts=[(k, v) for k, v in facts if v])


UCDP = Layout(
    key="ucdp",
    name="UCDP Peace Agreement Dataset",
    title="UCDP Peace Agreement Dataset",
    publisher="Uppsala Conflict Data Program, Uppsala University",
    url="https://ucdp.uu.se/downloads/",
    licence="CC BY 4.0; cite Pettersson, Högbladh and Öberg (2019), Journal of Peace Research 56(4)",
    id_column="paid",
    required=("paid", "conflict_id", "pa_date"),
    read_row=read_row,
    process_label="conflict_id",
    process_prefix="ucdp-conflict",
    date_order="YMD",  # UCDP writes ISO dates; d/m/y never appears in its files
)

