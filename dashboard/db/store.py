"""PostgreSQL as the store: loading, saving, history and revert, all through the loader's own rules.

The database holds the data package itself: each table's rows as the text of its CSV fields, in the order
of the file's lines, and each article's bytes. Loading turns them back into the same CSV bytes and runs
`load_dataset` on them, so the same `Dataset` and the same problems come out as from files. A save is one
transaction: it takes an advisory lock (so two editors saving at once are served one after the other and
both keep their records), reads the current package, builds the change against it, validates the result
with the loader and writes the rows, or writes nothing. Each save is a row of `parley_saves` (who, when,
which article, which records); a revert marks the rows of one save as withdrawn and is itself a save. The
review queue is the table `parley_intake`, changed in the same transaction as the save it goes with.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dashboard.curation import queue
from dashboard.curation.change import Change, change_counts
from dashboard.curation.store import Intake, SaveError, StoreUnavailable
from dashboard.curation.validation import checked_change, errors_of_change, new_errors
from dashboard.dataset.loader import Dataset, load_package
from dashboard.dataset.package import ArticleTexts, DataPackage, read_folders
from dashboard.dataset.problems import Problem
from dashboard.dataset.schema import LOAD_ORDER, TABLES, datapackage_json
from dashboard.dataset.version import DataVersion
from dashboard.db import tables

SAVE_LOCK = 0x70617260  # the advisory lock every save and revert takes ("par`")
MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseUnavailable(StoreUnavailable):
    """The database cannot be reached. The message names the server, never a credential."""


def engine_url(url: str) -> sa.engine.URL:
    """A PostgreSQL URL with the psycopg 3 driver (`postgresql://` URLs would otherwise ask for psycopg2)."""
    parsed = sa.engine.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def engine_for(url: str) -> Engine:
    return sa.create_engine(engine_url(url), pool_pre_ping=True, connect_args={"connect_timeout": 5})


def describe_url(url: sa.engine.URL | str) -> str:
    """Where the database is, for messages: host, port and name, never the user or password."""
    parsed = sa.engine.make_url(url) if isinstance(url, str) else url
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def article_texts(rows) -> ArticleTexts:
    """Articles stored as bytes, as the texts a package holds (any that are not UTF-8 named as unreadable)."""
    texts, unreadable = {}, {}
    for name, content in rows:
        try:
            texts[name] = bytes(content).decode("utf-8")
        except UnicodeDecodeError as exc:
            unreadable[name] = f"not UTF-8 text (byte {exc.start})"
    return ArticleTexts(texts, unreadable)


@dataclass
class DatabaseStore:
    """The team's store. `editor` names who saves: the signed-in editor's e-mail, or "local"."""

    engine: Engine  # reads; on a deployment with two roles, the role that cannot write
    writer: Engine | None = None  # saves and reverts, where it differs from `engine`
    kind: str = field(default="database", init=False)

    @classmethod
    def from_url(cls, url: str) -> DatabaseStore:
        return cls(engine_for(url))

    @property
    def where(self) -> str:
        return describe_url(self.engine.url)

    def fingerprint(self) -> str:
        """The newest save's id: one indexed lookup, asked on every rerun."""
        return str(self.stamp())

    # ---- schema -------------------------------------------------------------------------------------
    def init(self) -> None:
        """Create or upgrade the schema to the newest migration."""
        from alembic import command  # only needed here: the app does not pay for importing it
        from alembic.config import Config

        with self.connect(write=True) as conn:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            conn.commit()

    # ---- reading ------------------------------------------------------------------------------------
    def stamp(self) -> int:
        """A number that changes with every save or revert: cheap enough to ask on every rerun."""
        with self.connect() as conn:
            return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(tables.saves.c.save_id), 0))).scalar())

    def package(self, conn: Connection | None = None, without_save: int | None = None) -> DataPackage:
        """The data package as it stands (less the rows of `without_save`, to try a revert)."""
        if conn is None:
            with self.connect() as conn:
                return self.package(conn, without_save)
        out: dict[str, bytes] = {}
        for name in LOAD_ORDER:
            table = tables.records[name]
            columns = TABLES[name].columns
            query = sa.select(*(table.c[c] for c in columns)).where(self._live(table, without_save))
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(conn.execute(query.order_by(table.c.row_no)))
            out[TABLES[name].filename] = buffer.getvalue().encode("utf-8")
        articles = tables.articles
        rows = conn.execute(sa.select(articles.c.seed_file, articles.c.content)
                            .where(self._live(articles, without_save)).order_by(articles.c.row_no))
        return DataPackage(out, article_texts(rows))

    @staticmethod
    def _live(table: sa.Table, without_save: int | None):
        """The rows in force: not withdrawn; without a save, also not added by it, and those it replaced."""
        live = table.c.reverted_by.is_(None)
        if without_save is None:
            return live
        return (live & (table.c.save_id != without_save)) | (table.c.reverted_by == without_save)

    def load(self) -> tuple[Dataset, DataVersion]:
        package = self.package()
        return load_package(package), DataVersion(package.digest())

    def history(self, limit: int = 500) -> pd.DataFrame:
        """The saves, newest first: who, when, which article, which records, and whether it was reverted."""
        saves = tables.saves
        reverted = sa.select(saves.c.reverts).where(saves.c.reverts.is_not(None)).scalar_subquery()
        query = (sa.select(saves.c.save_id, saves.c.kind, saves.c.editor, saves.c.saved_at, saves.c.source_id,
                           saves.c.records, saves.c.reverts, saves.c.save_id.in_(reverted).label("reverted"))
                 .order_by(saves.c.save_id.desc()).limit(limit))
        with self.connect() as conn:
            frame = pd.DataFrame(conn.execute(query).all(), columns=list(query.selected_columns.keys()))
        frame["what"] = frame["records"].map(_summary)
        return frame

    # ---- changing -----------------------------------------------------------------------------------
    def validate(self, change: Change, before: Dataset | None = None) -> list[Problem]:
        """The errors `change` would add; nothing is written."""
        return errors_of_change(self.package(), change, before)

    def save(self, change: Change | Callable[[Dataset], Change], editor: str = "local") -> dict[str, int]:
        """Add the change's records and articles in one transaction, or nothing. Returns rows added per table."""
        with self._transaction() as conn:
            change = checked_change(self.package(conn), change)
            save_id = self._record_save(conn, "save", editor, change)
            self._insert(conn, change, save_id)
            self._update(conn, change, save_id)
        return change_counts(change)

    def revert(self, save_id: int, editor: str) -> int:
        """Withdraw the records and articles one save added; the revert is a save of its own. Returns its id."""
        saves = tables.saves
        with self._transaction() as conn:
            target = conn.execute(sa.select(saves).where(saves.c.save_id == save_id)).mappings().first()
            if target is None:
                raise SaveError(f"there is no save {save_id}")
            if target["kind"] != "save":
                raise SaveError(f"save {save_id} is an {target['kind']}; only a curator's save can be reverted")
            if conn.execute(sa.select(saves.c.save_id).where(saves.c.reverts == save_id)).first():
                raise SaveError(f"save {save_id} is already reverted")
            before = load_package(self.package(conn))
            errors = new_errors(before, load_package(self.package(conn, without_save=save_id)))
            if errors:
                raise SaveError(f"not reverted: later records depend on save {save_id}", errors)
            revert_id = conn.execute(sa.insert(saves).values(
                kind="revert", editor=editor, source_id=target["source_id"], records=target["records"],
                reverts=save_id).returning(saves.c.save_id)).scalar_one()
            for table in [*tables.records.values(), tables.articles]:
                conn.execute(sa.update(table).where((table.c.save_id == save_id) & table.c.reverted_by.is_(None))
                             .values(reverted_by=revert_id))
                # the rows that save replaced (a record it changed) come back
                conn.execute(sa.update(table).where(table.c.reverted_by == save_id).values(reverted_by=None))
        return revert_id

    def _record_save(self, conn: Connection, kind: str, editor: str, change: Change) -> int:
        records = {name: [row.get(TABLES[name].key, "") for row in rows] for name, rows in change.rows.items() if rows}
        for name, ids in change.updates.items():
            if ids:
                records.setdefault(name, []).extend(ids)
        if change.articles:
            records["articles"] = sorted(change.articles)
        cited = [row["source_id"] for table in ("sources", "citations") for row in change.rows.get(table, [])]
        source_id = "" if kind == "import" or not cited else cited[0]
        return conn.execute(sa.insert(tables.saves).values(kind=kind, editor=editor, source_id=source_id,
                                                           records=records)
                            .returning(tables.saves.c.save_id)).scalar_one()

    @staticmethod
    def _update(conn: Connection, change: Change, save_id: int) -> None:
        """A changed record: its row is withdrawn by this save and a copy with the new fields added by it, so the
        history keeps both and a revert of the save brings the old row back."""
        for name, updates in change.updates.items():
            table, key = tables.records[name], TABLES[name].key
            columns = TABLES[name].columns
            for record_id, fields in updates.items():
                old = conn.execute(sa.select(table).where((table.c[key] == record_id) & table.c.reverted_by.is_(None))
                                   .order_by(table.c.row_no).limit(1)).mappings().first()
                if old is None:
                    raise SaveError(f"not saved: {TABLES[name].filename} has no record {record_id}")
                conn.execute(sa.update(table).where(table.c.row_no == old["row_no"]).values(reverted_by=save_id))
                conn.execute(sa.insert(table).values(**{c: str(fields.get(c, old[c])) for c in columns}, save_id=save_id))

    @staticmethod
    def _insert(conn: Connection, change: Change, save_id: int) -> None:
        for name, rows in change.rows.items():
            if rows:
                columns = TABLES[name].columns
                conn.execute(sa.insert(tables.records[name]),
                             [{**{c: "" if row.get(c) is None else str(row.get(c, "")) for c in columns},
                               "save_id": save_id} for row in rows])
        if change.articles:
            conn.execute(sa.insert(tables.articles), [{"seed_file": name, "content": text.encode("utf-8"),
                                                       "save_id": save_id} for name, text in change.articles.items()])

    # ---- the review queue: parley_intake, changed in the same transaction as the save it goes with --------
    def queue(self) -> list[queue.QueueItem]:
        intake = tables.intake
        with self.connect() as conn, self._reading_queue():
            rows = conn.execute(sa.select(*(intake.c[c] for c in QUEUE_COLUMNS)).order_by(intake.c.position)).mappings()
            return [queue.QueueItem(**row) for row in rows]

    def proposals(self, source_id: str) -> dict:
        with self.connect() as conn, self._reading_queue():
            kept = conn.execute(sa.select(tables.intake.c.proposals)
                                .where(tables.intake.c.source_id == source_id)).scalar()
        if kept is None:
            raise queue.QueueError(f"{source_id} is not in the review queue")
        return json.loads(kept)

    def intake(self, make: Intake, editor: str = "local") -> list[queue.QueueItem]:
        """Save the articles `make` plans against the data of the moment and queue them, in one transaction."""
        made: list[tuple[queue.QueueItem, dict]] = []

        def change_of(current: Dataset) -> Change:
            change, made[:] = make(current)
            return change

        with self._transaction() as conn:
            change = checked_change(self.package(conn), change_of)
            save_id = self._record_save(conn, "save", editor, change)
            self._insert(conn, change, save_id)
            taken = conn.execute(sa.select(tables.intake.c.source_id).where(
                tables.intake.c.source_id.in_([i.source_id for i, _ in made]))).scalars().all()
            if taken:
                raise SaveError(f"not saved: {', '.join(sorted(taken))} already in the review queue")
            conn.execute(sa.insert(tables.intake), [{**_queue_row(item), "proposals": json.dumps(result, ensure_ascii=False),
                                                     "save_id": save_id} for item, result in made])
        return [i for i, _ in made]

    def open_item(self, source_id: str, editor: str, at: dt.datetime | None = None) -> queue.QueueItem:
        with self._transaction() as conn:
            changed = queue.opened(self._queue_item(conn, source_id), editor, at)
            self._write_item(conn, changed)
        return changed

    def set_aside(self, source_id: str, reason: str, editor: str = "local",
                  at: dt.datetime | None = None) -> queue.QueueItem:
        with self._transaction() as conn:
            changed = queue.set_aside(self._queue_item(conn, source_id), reason, editor, at)
            self._write_item(conn, changed)
        return changed

    def finish_review(self, source_id: str, change: Change | Callable[[Dataset], Change], editor: str = "local",
                      at: dt.datetime | None = None) -> dict[str, int]:
        """Save the reviewed records and take the article off the queue, in one transaction; or neither."""
        with self._transaction() as conn:
            done = queue.reviewed(self._queue_item(conn, source_id), editor, at)
            change = checked_change(self.package(conn), change)
            save_id = self._record_save(conn, "save", editor, change)
            self._insert(conn, change, save_id)
            self._update(conn, change, save_id)
            self._write_item(conn, done, review_save_id=save_id)
        return change_counts(change)

    @contextmanager
    def _reading_queue(self) -> Iterator[None]:
        """A database whose schema predates the queue, or a viewers' role granted SELECT before it was made, says
        what to do instead of failing."""
        try:
            yield
        except sa.exc.ProgrammingError as exc:
            state = getattr(exc.orig, "sqlstate", "")
            if state == "42P01":  # undefined table
                raise queue.QueueError(f"the database at {self.where} has no review queue yet: upgrade its schema "
                                       "with python -m dashboard.db init") from exc
            if state == "42501":  # insufficient privilege
                raise queue.QueueError(f"this connection to {self.where} may not read the review queue: grant its "
                                       "role SELECT on parley_intake") from exc
            raise

    @staticmethod
    def _queue_item(conn: Connection, source_id: str) -> queue.QueueItem:
        intake = tables.intake
        row = conn.execute(sa.select(*(intake.c[c] for c in QUEUE_COLUMNS)).where(intake.c.source_id == source_id)
                           .with_for_update()).mappings().first()
        if row is None:
            raise queue.QueueError(f"{source_id} is not in the review queue")
        return queue.QueueItem(**row)

    @staticmethod
    def _write_item(conn: Connection, item: queue.QueueItem, **more) -> None:
        conn.execute(sa.update(tables.intake).where(tables.intake.c.source_id == item.source_id)
                     .values(**_queue_row(item), **more))

    # ---- moving between files and the database ----------------------------------------------------------
    def import_package(self, data_dir: Path, seeds_dir: Path, editor: str = "import") -> dict[str, int]:
        """Load a data folder and its articles into an empty database, as one save of kind "import"."""
        data_dir = Path(data_dir)
        package = read_folders(data_dir, seeds_dir)
        loaded = load_package(package)
        if loaded.errors:
            raise SaveError(f"not imported: the data package has {len(loaded.errors)} error(s); fix them first",
                            loaded.errors)
        if package.articles.unreadable:
            raise SaveError("not imported: article file(s) that are not UTF-8 text: "
                            + ", ".join(sorted(package.articles.unreadable)))
        change = Change()
        for name in LOAD_ORDER:
            change.rows[name] = _read_rows(data_dir / TABLES[name].filename, name)
        change.articles = {name: package.articles[name] for name in sorted(package.articles)}
        with self._transaction() as conn:
            if conn.execute(sa.select(tables.saves.c.save_id).limit(1)).first():
                raise SaveError("not imported: the database already holds data; import into an empty one")
            self._insert(conn, change, self._record_save(conn, "import", editor, change))
        return {name: len(rows) for name, rows in change.rows.items()} | {"articles": len(change.articles)}

    def export_package(self, out_dir: Path) -> Path:
        """Write the database as a data package: OUT/data (tables and datapackage.json) and OUT/seeds."""
        package = self.package()
        out_dir = Path(out_dir)
        (out_dir / "data").mkdir(parents=True, exist_ok=True)
        (out_dir / "seeds").mkdir(parents=True, exist_ok=True)
        for name, content in package.tables.items():
            (out_dir / "data" / name).write_bytes(content)
        (out_dir / "data" / "datapackage.json").write_text(datapackage_json(), encoding="utf-8")
        for name, text in package.articles.items():
            (out_dir / "seeds" / name).write_bytes(text.encode("utf-8"))
        return out_dir

    # ---- connections --------------------------------------------------------------------------------
    def connect(self, write: bool = False):
        try:
            return (self.writer if write and self.writer is not None else self.engine).connect()
        except sa.exc.OperationalError as exc:
            raise DatabaseUnavailable(f"the database at {self.where} cannot be reached") from exc

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """One transaction holding the save lock; a lost connection becomes a SaveError that says nothing was
        written (PostgreSQL rolls back a transaction whose connection dies)."""
        conn = self.connect(write=True)
        try:
            with conn.begin():
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(SAVE_LOCK)))
                yield conn
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise SaveError(f"not saved, nothing changed: the connection to the database at {self.where} was lost;"
                            " save again") from exc
        except sa.exc.ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", "") == "42501":  # insufficient privilege: the read-only role
                raise SaveError(f"not saved: this connection to {self.where} may only read") from exc
            raise
        finally:
            conn.close()


def _read_rows(path: Path, name: str) -> list[dict]:
    """A table file's records as dicts of text, in the order of its lines (none for a missing optional table)."""
    if TABLES[name].optional and not path.exists():
        return []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        unknown = [c for c in reader.fieldnames or [] if c not in TABLES[name].columns]
        if unknown:
            raise SaveError(f"not imported: {path.name} has column(s) the schema lacks: {', '.join(unknown)}")
        return [{c: row.get(c) or "" for c in TABLES[name].columns} for row in reader]


QUEUE_COLUMNS = [f.name for f in dataclasses.fields(queue.QueueItem)]


def _queue_row(item: queue.QueueItem) -> dict:
    return {name: getattr(item, name) for name in QUEUE_COLUMNS}


def _summary(records: dict) -> str:
    """{"events": [...], "citations": [...]} -> "1 events, 2 citations"."""
    return ", ".join(f"{len(ids)} {name}" for name, ids in (records or {}).items())
