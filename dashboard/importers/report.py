"""What an import did, counted and listed, so that nothing it left out is left out silently."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.importers.layout import BadRow

MAX_LISTED = 50  # bad rows and links printed one by one; the counts always hold all of them


@dataclass
class ImportReport:
    dataset: str
    version: str
    file: str
    source_id: str = ""
    rows_read: int = 0
    new: list[str] = field(default_factory=list)  # event ids added
    updated: list[str] = field(default_factory=list)  # event ids whose record or citation changed
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    processes_new: list[tuple[str, str]] = field(default_factory=list)  # (process_id, name)
    processes_found: list[tuple[str, str, str]] = field(default_factory=list)  # (dataset key, process_id, how)
    unused_map: list[str] = field(default_factory=list)  # --map keys no row has
    actors_new: list[tuple[str, str, str]] = field(default_factory=list)  # (actor_id, name, kind)
    parties_linked: int = 0
    third_parties_linked: int = 0
    third_parties_without_role: int = 0
    unrecognised: int = 0  # list items naming no known actor, left in the summaries
    links: list[tuple[str, str]] = field(default_factory=list)  # (imported event, curated event of the same signing)
    saved: bool = False
    nothing_to_save: bool = False

    def lines(self) -> list[str]:
        out = [f"{self.dataset} version {self.version}, {self.file}: {self.rows_read} row(s) read"]
        if self.saved:
            out.append(f"saved as one save, cited to source {self.source_id}:")
        elif self.nothing_to_save:
            out.append(f"nothing to save: every row is already recorded as source {self.source_id} has it")
        else:
            out.append("not saved (a dry run, or the save was refused):")
        out += [f"  {len(self.new)} agreement(s) new, {len(self.updated)} updated, {self.unchanged} unchanged, "
                f"{len(self.bad)} row(s) not imported",
                f"  processes: {len(self.processes_new)} new, {len(self.processes_found)} already recorded",
                f"  actors: {len(self.actors_new)} new (countries and organisations the gazetteer knows)",
                f"  linked: {self.parties_linked} signatories, {self.third_parties_linked} third parties with a "
                f"stated role; {self.third_parties_without_role} third parties recognised without a stated role "
                f"and {self.unrecognised} list item(s) naming no known actor, kept in the summaries only"]
        for key, process_id, how in self.processes_found:
            out.append(f"  process {key} -> {process_id} ({how})")
        for key in self.unused_map:
            out.append(f"  --map {key}=...: no row of the file has this process")
        if self.links:
            out.append(f"  {len(self.links)} imported agreement(s) linked to a curated signing on the same day "
                       "(events.related_events; remove the link there if they are not the same signing):")
            out += [f"    {a} <-> {b}" for a, b in self.links[:MAX_LISTED]]
        if self.bad:
            out.append("  rows not imported:")
            out += [f"    {bad}" for bad in self.bad[:MAX_LISTED]]
            if len(self.bad) > MAX_LISTED:
                out.append(f"    … and {len(self.bad) - MAX_LISTED} more")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())
