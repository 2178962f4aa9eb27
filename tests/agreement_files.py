"""SYNTHETIC files in the real column layouts of PA-X and of the UCDP Peace Agreement Dataset, for the import
tests and benchmark. Every name and row here is made up and marked SYNTHETIC; no dataset's data is shipped.

PA-X's header is the codebook's, as PeaceRep's own downloads begin (confirmed in data/README.md); UCDP's holds
the columns confirmed from public code plus the ones the importer reads when present.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

PAX_HEADER = ["Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Ver", "Agt", "Dat", "Status", "Lgt", "N_characters",
              "Agtp", "Stage", "StageSub", "Part", "ThrdPart", "OthAgr", "Loc1ISO", "Loc2ISO", "Loc1GWNO", "Loc2GWNO",
              "UcdpCon", "UcdpAgr", "PamAgr", "CowWar"]
UCDP_HEADER = ["paid", "conflict_id", "dyad_id", "actor_id", "c_sign", "gwno", "location", "incompatibility", "year",
               "pa_name", "pa_date", "pa_type", "inclusive", "ended", "cease", "out_iss", "pa_3rd"]
STAGES = ["Pre", "SubPar", "SubComp", "Imp", "Cea", "Ren", "Oth"]


def pax_row(agt_id: int, **fields) -> dict[str, str]:
    row = dict.fromkeys(PAX_HEADER, "")
    row.update({"Con": "SYNTHETIC Land", "Contp": "Government", "PP": "9001", "PPName": "SYNTHETIC peace process",
                "Reg": "SYNTHETIC region", "AgtId": str(agt_id), "Ver": "1",
                "Agt": f"SYNTHETIC Agreement {agt_id}", "Dat": "2021-03-04", "Status": "Multiparty signed/agreed",
                "Agtp": "Intra", "Stage": "Cea", "StageSub": "Ceas",
                "Part": "Government of the Russian Federation; SYNTHETIC Liberation Front",
                "ThrdPart": "Türkiye (mediator)\nSYNTHETIC Elders Council"})
    row.update({k: str(v) for k, v in fields.items()})
    return row


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def pax_file(path: Path, rows: list[dict[str, str]]) -> Path:
    return write_rows(path, PAX_HEADER, rows)


def many_pax_rows(count: int, seed: int = 21) -> list[dict[str, str]]:
    """`count` SYNTHETIC agreements in 60 processes over 35 years, with signatory and third-party lists as PA-X
    writes them: known countries and organisations, made-up groups and people, roles in brackets or headings."""
    rng = random.Random(seed)
    countries = ["Russia", "Ukraine", "Kenya", "Ethiopia", "Colombia", "Yemen", "Sudan", "Nepal", "Peru", "Mali"]
    third = ["United Nations (observer)", "African Union (guarantor)", "Witnessed:\nNorway", "Qatar",
             "Under the auspices of the Government of Türkiye", "SYNTHETIC Elders Council (witness)"]
    rows = []
    start = dt.date(1990, 1, 1)
    for i in range(count):
        process = 9000 + rng.randrange(60)
        country = countries[process % len(countries)]
        day = start + dt.timedelta(days=rng.randrange(35 * 365))
        parties = [f"Government of {country}", f"SYNTHETIC Front {rng.randrange(500)}",
                   f"SYNTHETIC Commander {rng.randrange(5000)}"]
        rows.append(pax_row(10000 + i, PP=process, PPName=f"SYNTHETIC {country} process {process}", Con=country,
                            Dat=day.strftime("%d/%m/%Y") if i % 2 else day.isoformat(), Stage=rng.choice(STAGES),
                            Part="\n".join(parties), ThrdPart=rng.choice(third) if rng.random() < 0.6 else ""))
    return rows


def ucdp_row(paid: int, **fields) -> dict[str, str]:
    row = dict.fromkeys(UCDP_HEADER, "")
    row.update({"paid": str(paid), "conflict_id": "7001", "dyad_id": "8001", "gwno": "365", "location": "Russia",
                "incompatibility": "1", "year": "2019", "pa_name": f"SYNTHETIC UCDP accord {paid}",
                "pa_date": "2019-06-07", "pa_type": "2", "inclusive": "1", "ended": "0", "cease": "1",
                "out_iss": "1", "c_sign": "Government of Russia, SYNTHETIC Movement", "pa_3rd": "Norway"})
    row.update({k: str(v) for k, v in fields.items()})
    return row


def ucdp_file(path: Path, rows: list[dict[str, str]]) -> Path:
    return write_rows(path, UCDP_HEADER, rows)
