"""Whether a change may be saved: the loader's own checks on the data as it would be after it.

Both stores call `checked_change` under their lock, so the same change is refused for the same reasons with
the same problems, whichever store holds the data.
"""

from __future__ import annotations

from collections.abc import Callable

from dashboard.curation.change import Change, ChangeError, stamp_recorded
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import Dataset, load_package
from dashboard.dataset.package import DataPackage
from dashboard.dataset.problems import Problem


def _problem_key(p: Problem) -> tuple:
    """What makes two problems the same one: its kind and where it is (not its wording, nor its line, which
    a change above it may move)."""
    return (p.code, p.file, p.field, p.record_id, p.value)


def new_errors(before: Dataset, after: Dataset) -> list[Problem]:
    """The errors `after` has that `before` did not: what a change would add."""
    known = {_problem_key(p) for p in before.errors}
    return [p for p in after.errors if _problem_key(p) not in known]


def errors_of_change(package: DataPackage, change: Change, before: Dataset | None = None) -> list[Problem]:
    """The errors `change` would add to `package` (`before`: the package loaded, when the caller has it)."""
    before = before if before is not None else load_package(package)
    try:
        after = change.applied_to(package)
    except ChangeError as exc:
        raise SaveError(f"not saved: {exc}") from exc
    return new_errors(before, load_package(after))


def checked_change(package: DataPackage, change: Change | Callable[[Dataset], Change]) -> Change:
    """The change a save will write, built against the data of `package` if it is a function of the data, or a
    SaveError that says why nothing will be: no record, an article file that exists already, or new errors in
    the data as it would be after it. Every store runs these checks under its lock."""
    current = load_package(package)
    if callable(change):
        change = change(current)
    if change.is_empty():
        raise SaveError("nothing to save: no record was accepted")
    stamp_recorded(change)
    for name in change.articles:
        if name in current.article_files:
            raise SaveError(f"{name} already exists; an article file is never overwritten")
    errors = errors_of_change(package, change, current)
    if errors:
        raise SaveError(f"not saved: {len(errors)} problem(s) in the new records", errors)
    return change
