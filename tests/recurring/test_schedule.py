"""The schedule's dates: each counted from start_on, the last day of a shorter month."""

from datetime import date

from talonario.recurring.schedule import Schedule, add_months


def test_monthly_from_the_31st_gives_the_last_day_of_shorter_months_and_the_31st_again() -> None:
    s = Schedule("monthly", 1, date(2025, 1, 31))
    assert [s.on(n) for n in range(5)] == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
        date(2025, 5, 31),
    ]
    assert Schedule("monthly", 1, date(2024, 1, 31)).on(1) == date(2024, 2, 29)


def test_quarterly_yearly_and_every_n_days() -> None:
    assert Schedule("quarterly", 1, date(2025, 11, 30)).on(1) == date(2026, 2, 28)
    assert Schedule("yearly", 1, date(2024, 2, 29)).on(1) == date(2025, 2, 28)
    assert Schedule("yearly", 1, date(2024, 2, 29)).on(4) == date(2028, 2, 29)
    assert Schedule("days", 10, date(2025, 12, 25)).on(2) == date(2026, 1, 14)
    assert Schedule("monthly", 2, date(2025, 12, 31)).on(1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 15), -12) == date(2025, 3, 15)


def test_the_end_by_count_or_end_on_and_a_resume_that_skips_the_pause() -> None:
    by_count = Schedule("monthly", 1, date(2025, 1, 1), count=3)
    assert [d for _, d in by_count.following(1, 1)] == [date(2025, 2, 1), date(2025, 3, 1)]
    by_end = Schedule("days", 7, date(2025, 1, 1), end_on=date(2025, 1, 15))
    assert [n for n, _ in by_end.following(0, 0)] == [0, 1, 2]
    assert by_end.next_after(3, 3) is None
    monthly = Schedule("monthly", 1, date(2025, 1, 10))
    # Paused on 5 March, resumed on 20 May: 10 March and 10 April are skipped; 10 May is past.
    assert monthly.resumed(2, date(2025, 3, 5), date(2025, 5, 20)) == 5
    # Due on the pause's day and not made: still made.
    assert monthly.resumed(2, date(2025, 3, 10), date(2025, 5, 10)) == 2
