"""Batch intake (intake.py and the command line): every file checked, stored and proposed once, the bad ones
reported by name while the rest go in. Every article here is SYNTHETIC, invented for the test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dashboard.curation.file_store import FileStore
from dashboard.curation.intake import intake_files
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import load_dataset

REPO = Path(__file__).resolve().parents[2]


def article(n: int, city: str = "Doha") -> str:
    return (f"Synthetic talks round {n} in {city}\n\nMarch {n}, 2024\n\nSYNTHETIC TEST ARTICLE {n}, not a real report. "
            f"Delegations of Armenia and Azerbaijan met in {city} on {n} March to discuss the border, officials said. "
            "Armenian officials said they will never accept territorial concessions.\n")


def files_of(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_good_files_go_in_with_their_proposals_and_each_bad_one_is_reported_by_name(folder):
    store = FileStore(folder.data, folder.seeds)
    seed = (folder.seeds / "000_413ab4be917e9cfd.txt").read_bytes()
    files = [("one.txt", article(1).encode()), ("report.pdf", b"%PDF-1.4"), ("two.md", article(2).encode()),
             ("menu.html", b"<html><head><title>Menu</title></head><body><script>go()</script></body></html>"),
             ("latin1.txt", "café".encode("latin-1")), ("short.txt", b"SYNTHETIC. Too short."),
             ("copy-of-a-seed.txt", seed), ("two-again.txt", article(2).encode()), ("three.txt", article(3).encode())]
    progress = []
    outcomes = intake_files(store, files, editor="ana@example.org", progress=lambda *p: progress.append(p))
    assert [p[:2] for p in progress] == [(n, 9) for n in range(1, 10)] and progress[-1][2] == "three.txt"
    by_name = {o.name: o for o in outcomes}
    assert [o.name for o in outcomes if o.added] == ["one.txt", "two.md", "three.txt"]
    assert [o.source_id for o in outcomes if o.added] == ["src-009", "src-010", "src-011"]
    assert by_name["report.pdf"].refused.startswith("report.pdf: only .txt, .md")
    assert by_name["latin1.txt"].refused.startswith("latin1.txt: not UTF-8")
    assert by_name["menu.html"].refused == "menu.html: no article text could be found in this HTML page; paste the text instead"
    assert by_name["short.txt"].refused.startswith("short.txt: the article text is too short")
    assert by_name["copy-of-a-seed.txt"].refused == "copy-of-a-seed.txt: already in the dataset as src-000; not added again"
    assert by_name["two-again.txt"].refused == ("two-again.txt: the same text as two.md, earlier in this batch; "
                                                "not added again")
    data = load_dataset(folder.data, folder.seeds)
    assert not data.errors
    sources = data["sources"].set_index("source_id")
    assert sources.loc["src-009", "title"] == "Synthetic talks round 1 in Doha"  # its headline line
    assert sources.loc["src-010", "published"] == "2024-03-02"  # its date line
    queued = {i.source_id: i for i in store.queue()}
    assert list(queued) == ["src-009", "src-010", "src-011"]
    assert queued["src-009"].events >= 1 and queued["src-009"].added_by == "ana@example.org"
    kept = store.proposals("src-009")
    assert kept["events"][0]["venue_city"] == "Doha"
    text = data.articles["src-009"].text
    evidence = kept["events"][0]["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]  # offsets index the stored article


def test_a_file_without_a_headline_takes_its_name_as_title_and_says_so(folder):
    store = FileStore(folder.data, folder.seeds)
    body = article(4).split("\n\n", 2)[2]  # the sentences alone
    [outcome] = intake_files(store, [("doha-round-4.txt", body.encode())])
    assert outcome.added and outcome.title_from_name
    row = load_dataset(folder.data, folder.seeds)["sources"].set_index("source_id").loc[outcome.source_id]
    assert row["title"] == "doha-round-4" and "title: the file's name" in row["note"]


def test_a_title_corrected_in_review_replaces_the_file_name_and_its_note(folder):
    from dashboard.curation.change import Change
    from dashboard.curation.intake import retitled

    store = FileStore(folder.data, folder.seeds)
    body = article(4).split("\n\n", 2)[2]
    [outcome] = intake_files(store, [("doha-round-4.txt", body.encode())])
    issue = Change(rows={"issues": [{"issue_id": "synthetic-border", "label": "Border", "description": "SYNTHETIC"}]})
    store.finish_review(outcome.source_id, lambda current: retitled(issue, current, outcome.source_id,
                                                                    " Synthetic:  Doha round 4 "))
    row = load_dataset(folder.data, folder.seeds)["sources"].set_index("source_id").loc[outcome.source_id]
    assert row["title"] == "Synthetic: Doha round 4" and "file's name" not in row["note"]


def test_batches_are_saved_in_turn_and_numbered_one_after_another(folder):
    store = FileStore(folder.data, folder.seeds)
    outcomes = intake_files(store, [(f"a{n}.txt", article(n).encode()) for n in range(1, 6)], batch=2)
    assert [o.source_id for o in outcomes] == ["src-009", "src-010", "src-011", "src-012", "src-013"]
    assert [i.source_id for i in store.queue()] == [o.source_id for o in outcomes]
    assert not load_dataset(folder.data, folder.seeds).errors


class RefusingOne(FileStore):
    """The data folder, refusing any save that holds the article titled 'Synthetic talks round 2 in Doha', as
    validation refuses a bad record: the batch is then saved one article at a time."""

    def intake(self, make, editor="local", lock_timeout=30):
        def checked(current):
            change, queued = make(current)
            if any(r["title"].endswith("round 2 in Doha") for r in change.rows["sources"]):
                raise SaveError("not saved: 1 problem(s) in the new records")
            return change, queued
        return super().intake(checked, editor, lock_timeout)


def test_a_batch_the_store_refuses_is_saved_again_one_by_one_so_only_the_bad_article_stays_out(folder):
    store = RefusingOne(folder.data, folder.seeds)
    outcomes = intake_files(store, [(f"a{n}.txt", article(n).encode()) for n in range(1, 4)])
    assert [(o.name, o.added) for o in outcomes] == [("a1.txt", True), ("a2.txt", False), ("a3.txt", True)]
    assert outcomes[1].refused == "a2.txt: not saved: 1 problem(s) in the new records"
    assert [i.title for i in store.queue()] == ["Synthetic talks round 1 in Doha", "Synthetic talks round 3 in Doha"]


def cli(*args: str, folder) -> subprocess.CompletedProcess:
    env = {"PARLEY_DATA_DIR": str(folder.data), "PARLEY_SEEDS_DIR": str(folder.seeds), "PATH": ""}
    return subprocess.run([sys.executable, "-m", "dashboard.curation.ingest", *args], cwd=REPO, capture_output=True,
                          text=True, env=env)


def test_the_command_line_takes_a_folder_and_files_reports_each_and_says_whether_any_was_refused(folder, tmp_path):
    batch = tmp_path / "batch"
    (batch / "more").mkdir(parents=True)
    (batch / "one.txt").write_text(article(1), encoding="utf-8")
    (batch / "more" / "two.md").write_text(article(2), encoding="utf-8")
    (batch / "notes.docx").write_bytes(b"PK")
    (batch / ".hidden.txt").write_text(article(9), encoding="utf-8")
    single = tmp_path / "three.txt"
    single.write_text(article(3), encoding="utf-8")
    done = cli(str(batch), str(single), "--data-dir", str(folder.data), "--seeds-dir", str(folder.seeds), folder=folder)
    assert done.returncode == 0, done.stderr
    assert f"added src-009 from {batch / 'more' / 'two.md'}: 'Synthetic talks round 2 in Doha'" in done.stdout
    assert f"added src-011 from {single}" in done.stdout
    assert "3 file(s) in" in done.stdout and "3 added to the review queue" in done.stdout and "1 skipped" in done.stdout
    assert f"{batch / 'notes.docx'}: skipped, not a .txt" in done.stderr and "[3/3]" in done.stderr
    again = cli(str(single), str(tmp_path / "missing.txt"), folder=folder)  # the environment names the folders
    assert again.returncode == 1
    assert f"not added: {single}: already in the dataset as src-011" in again.stderr
    assert f"not added: {tmp_path / 'missing.txt'}: no such file or folder" in again.stderr
    assert "2 file(s) in" in again.stdout and "0 added to the review queue" in again.stdout


def test_metadata_options_describe_one_article_only(folder, tmp_path):
    for n in (1, 2):
        (tmp_path / f"a{n}.txt").write_text(article(n), encoding="utf-8")
    done = cli(str(tmp_path / "a1.txt"), str(tmp_path / "a2.txt"), "--title", "One title", folder=folder)
    assert done.returncode == 2 and "describe one article: give one file, not 2" in done.stderr
    assert files_of(folder.seeds) == files_of(Path(REPO / "seeds"))
