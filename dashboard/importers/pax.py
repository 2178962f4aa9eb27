"""PA-X, the Peace Agreements Database (PeaceRep, University of Edinburgh): its CSV download's columns.

The columns read here are the codebook's, as the project's own downloads hold them (`Con`, `PP`, `PPName`,
`AgtId`, `Agt`, `Dat`, `Status`, `Agtp`, `Stage`, `StageSub`, `Part`, `ThrdPart`; data/README.md says where
this layout was confirmed). Every other column is left alone.
"""

from __future__ import annotations

from dashboard.importers.layout import Agreement, BadRow, Layout

# The codebook's stages, with the labels PeaceRep's own files give them.
STAGES = {"Pre": "pre-negotiation/process", "SubPar": "framework-substantive, partial",
          "SubComp": "framework-substantive, comprehensive", "Imp": "implementation", "Cea": "ceasefire",
          "Ren": "renewal", "Oth": "other"}
AGREEMENT_TYPES = {"Inter": "interstate", "Intra": "intrastate", "InterIntra": "interstate/intrastate",
                   "IntraLocal": "intrastate, local"}


def read_row(row: dict[str, str], line: int, file: str) -> Agreement | BadRow:
    agt_id, name = row["AgtId"].strip(), " ".join(row["Agt"].split())
    if not agt_id:
        return BadRow(file, line, "AgtId", "", "no AgtId: the row cannot be cited or found again")
    if not agt_id.isdigit():
        return BadRow(file, line, "AgtId", agt_id, "AgtId is not a number as PA-X writes them")
    if not name:
        return BadRow(file, line, "Agt", "", "no agreement name (Agt)")
    if not row["PP"].strip():
        return BadRow(file, line, "PP", "", "no peace process (PP): the agreement belongs to none")
    stage = row.get("Stage", "").strip()
    facts = [("stage", f"{stage} ({STAGES[stage]})" if stage in STAGES else stage),
             ("sub-stage", row.get("StageSub", "").strip()),
             ("status", row.get("Status", "").strip()),
             ("type", AGREEMENT_TYPES.get(row.get("Agtp", "").strip(), row.get("Agtp", "").strip()))]
    return Agreement(line=line, row_id=agt_id, name=name, date_text=row["Dat"],
                     process_key=row["PP"].strip(), process_name=" ".join(row.get("PPName", "").split()),
                     conflict=" ".join(row.get("Con", "").split()), parties=row.get("Part", "").strip(),
                     third_parties=row.get("ThrdPart", "").strip(), facts=[(k, v) for k, v in facts if v])


PAX = Layout(
    key="pax",
    name="PA-X",
    title="PA-X: Peace Agreements Database",
    publisher="PeaceRep, University of Edinburgh",
    url="https://www.peaceagreements.org/",
    licence="PA-X terms of use (www.peaceagreements.org); cite Bell and Badanjak (2019), Journal of Peace "
            "Research 56(3)",
    id_column="AgtId",
    required=("AgtId", "Agt", "Dat", "PP", "PPName", "Con", "Stage", "Status", "Part", "ThrdPart"),
    read_row=read_row,
    process_label="PP",
    process_prefix="pax-pp",
    date_order="DMY",  # PeaceRep writes d/m/y where it does not write ISO dates (a UK university's spreadsheets)
)
