"""A template's schedule, pure: the date of each occurrence and what ends it.

Occurrence n falls on `start_on` plus n times the interval, always counted from `start_on`
(never from the previous occurrence), so a month too short for the start's day gives its last
day and the next month has the day again: monthly from 31 January is 28 (or 29) February, 31
March, 30 April, 31 May... Yearly from 29 February is 28 February in common years.
"""

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


def add_months(day: date, months: int) -> date:
    """`day` moved by `months`, on the last day of the month when it has no such day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class Schedule:
    interval: str  # monthly | quarterly | yearly | days
    every: int
    start_on: date
    end_on: date | None = None
    count: int | None = None

    def on(self, occurrence: int) -> date:
        """The day of occurrence `occurrence` (0: start_on)."""
        if self.interval == "days":
            return self.start_on + timedelta(days=occurrence * self.every)
        return add_months(self.start_on, occurrence * self.every * MONTHS[self.interval])

    def within_end(self, day: date) -> bool:
        return self.end_on is None or day <= self.end_on

    def following(self, occurrence: int, made: int) -> Iterator[tuple[int, date]]:
        """The occurrences from `occurrence` on, with their days, while the end allows: up to
        `end_on`, and no more than `count` invoices in all (`made` already made)."""
        while self.count is None or made < self.count:
            day = self.on(occurrence)
            if not self.within_end(day):
                return
            yield occurrence, day
            occurrence += 1
            made += 1

    def next_after(self, occurrence: int, made: int) -> tuple[int, date] | None:
        """The occurrence to make next from `occurrence` on, or None when the schedule ended."""
        return next(self.following(occurrence, made), None)

    def resumed(self, occurrence: int, paused_on: date, today: date) -> int:
        """The occurrence to go on from when resumed on `today` after a pause from `paused_on`:
        those due on or before the pause's day are still made, those after it and before
        `today` are skipped (a pause does not backfill), `today`'s is made."""
        while paused_on < self.on(occurrence) < today:
            occurrence += 1
        return occurrence
