"""Calendar points of any granularity, their TIMEX3 values and date arithmetic.

A ``Point`` is what a date expression denotes once resolved: a day, an ISO week, a
month, a quarter, a season, a year, a decade, ... It writes itself as a TIMEX3 value
("2017-06-06", "2017-W23", "2017-Q2", "2017-SU", "199") and can be shifted by a
number of units, which is all that relative expressions need.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

GRANULARITIES = ("century", "decade", "year", "half", "season", "quarter", "month", "week", "day", "time")
# FORMAT.md's precisions: anything coarser than a month is "year"
_PRECISION = {
    "century": "year", "decade": "year", "year": "year", "half": "year", "season": "year",
    "quarter": "year", "month": "month", "week": "week", "day": "day", "time": "day",
}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Point:
    """A resolved calendar point; the finest field set decides its granularity."""

    year: int
    month: int | None = None
    day: int | None = None
    week: int | None = None  # ISO week; ``year`` is then the ISO year
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    part: str | None = None  # part of the day: MO, AF, EV, NI, MI
    hour: int | None = None
    minute: int | None = None
    digits: int = 4  # 3 for a decade ("199"), 2 for a century ("19")

    # --- constructors -----------------------------------------------------------
    @classmethod
    def of_date(cls, d: dt.date) -> Point:
        return cls(d.year, d.month, d.day)

    @classmethod
    def of_week(cls, d: dt.date) -> Point:
        iso = d.isocalendar()
        return cls(iso[0], week=iso[1])

    @classmethod
    def parse(cls, value: str) -> Point | None:
        """Read back a value this module wrote (dates, weeks, months, years)."""
        try:
            if len(value) >= 10 and value[4] == "-" and value[7] == "-":
                d = dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
                return cls.of_date(d)
            if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
                return cls(int(value[:4]), int(value[5:]))
            if len(value) >= 7 and value[4:6] == "-W" and value[6:8].isdigit():
                return cls(int(value[:4]), week=int(value[6:8]))
            if len(value) == 4 and value.isdigit():
                return cls(int(value))
        except ValueError:
            return None
        return None

    # --- reading ----------------------------------------------------------------
    @property
    def granularity(self) -> str:
        if self.hour is not None or self.part is not None:
            return "time"
        if self.day is not None:
            return "day"
        if self.week is not None:
            return "week"
        if self.month is not None:
            return "month"
        if self.quarter is not None:
            return "quarter"
        if self.season is not None:
            return "season"
        if self.half is not None:
            return "half"
        if self.digits == 3:
            return "decade"
        if self.digits == 2:
            return "century"
        return "year"

    @property
    def precision(self) -> str:
        return _PRECISION[self.granularity]

    @property
    def value(self) -> str:
        g = self.granularity
        if g == "century":
            return f"{self.year // 100:02d}"
        if g == "decade":
            return f"{self.year // 10:03d}"
        y = f"{self.year:04d}"
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.half}"
        if g == "season":
            return f"{y}-{self.season}"
        if g == "quarter":
            return f"{y}-Q{self.quarter}"
        if g == "month":
            return f"{y}-{self.month:02d}"
        if g == "week":
            return f"{y}-W{self.week:02d}"
        day = f"{y}-{self.month:02d}-{self.day:02d}"
        if g == "day":
            return day
        if self.hour is not None:
            return f"{day}T{self.hour:02d}:{self.minute or 0:02d}"
        return f"{day}T{self.part}"

    def start(self) -> dt.date:
        """The first day the point covers."""
        g = self.granularity
        if g in ("day", "time"):
            return dt.date(self.year, self.month, self.day)
        if g == "week":
            return dt.date.fromisocalendar(self.year, self.week, 1)
        if g == "month":
            return dt.date(self.year, self.month, 1)
        if g == "quarter":
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        if g == "season":
            return dt.date(self.year, _SEASON_START[self.season], 1)
        if g == "half":
            return dt.date(self.year, 1 if self.half == 1 else 7, 1)
        return dt.date(self.year, 1, 1)

    def as_day(self) -> Point:
        return Point.of_date(self.start())

    def date_only(self) -> Point:
        """The point without its time of day."""
        if self.granularity != "time":
            return self
        return replace(self, part=None, hour=None, minute=None)

    # --- arithmetic -------------------------------------------------------------
    def shift(self, unit: str, n: int) -> Point | None:
        """This point moved by n units, written at the unit's granularity.

        "two days later" from a month gives a day counted from the month's first day;
        "a year earlier" from a quarter stays a quarter (earnings-report style).
        """
        if unit in ("day", "night"):
            return Point.of_date(self.start() + dt.timedelta(days=n))
        if unit == "week":
            return Point.of_week(self.start() + dt.timedelta(weeks=n))
        if unit == "fortnight":
            return Point.of_week(self.start() + dt.timedelta(weeks=2 * n))
        if unit == "month":
            month0 = self.year * 12 + (self.month or self.start().month) - 1 + n
            return Point(month0 // 12, month0 % 12 + 1)
        if unit == "quarter":
            q = self.quarter or (self.start().month - 1) // 3 + 1
            q0 = self.year * 4 + q - 1 + n
            return Point(q0 // 4, quarter=q0 % 4 + 1)
        if unit == "year":
            g = self.granularity
            if g in ("quarter", "half", "season"):
                return replace(self, year=self.year + n)
            return Point(self.year + n)
        if unit == "decade":  # "the last decade" stays a decade; "two decades ago" is a year
            return Point(self.year + 10 * n, digits=3 if self.digits == 3 else 4)
        if unit == "century":
            return Point(self.year + 100 * n, digits=2 if self.digits == 2 else 4)
        return None

    def shift_keeping(self, unit: str, n: int) -> Point | None:
        """Moved by n units at this point's own granularity ("a year earlier" than 30 Sept)."""
        g = self.granularity
        if g not in ("day", "time", "month") or unit not in ("year", "month", "day", "week"):
            return self.shift(unit, n)
        if g == "month" and unit in ("year", "month"):
            months = (12 if unit == "year" else 1) * n
            month0 = self.year * 12 + self.month - 1 + months
            return Point(month0 // 12, month0 % 12 + 1)
        if g == "month":
            return self.shift(unit, n)
        d = self.start()
        if unit in ("day", "week"):
            return Point.of_date(d + dt.timedelta(days=n * (7 if unit == "week" else 1)))
        months = (12 if unit == "year" else 1) * n
        month0 = d.year * 12 + d.month - 1 + months
        year, month = month0 // 12, month0 % 12 + 1
        day = min(d.day, calendar.monthrange(year, month)[1])
        return Point(year, month, day)

    def at_granularity(self, unit: str) -> Point:
        """The point containing this one at the granularity of a unit ("week" of a day)."""
        d = self.start()
        if unit == "day":
            return Point.of_date(d)
        if unit == "week":
            return Point.of_week(d)
        if unit == "month":
            return Point(d.year, d.month)
        if unit == "quarter":
            return Point(d.year, quarter=(d.month - 1) // 3 + 1)
        if unit == "decade":
            return Point(d.year, digits=3)
        if unit == "century":
            return Point(d.year, digits=2)
        return Point(d.year)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1 for the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def parse_dct(value: str | None) -> dt.date | None:
    """The date part of an ISO date or date-time ("1998-03-22T14:57:00" -> 1998-03-22)."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT5H, P2Y6M, PXD (amount unknown)."""
    from wartrace.time.lexicon import TIME_UNITS, UNITS

    code = UNITS[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if unit == "weekend":
        return "P2D" if amount == 1 else ("PXD" if amount is None else f"P{int(2 * amount)}D")
    if unit == "night":
        code = "D"
    if unit == "fortnight":
        return "PXW" if amount is None else f"P{_num(2 * amount)}W"
    if amount is None:
        return f"{prefix}X{code}"
    if amount != int(amount):
        whole, frac = int(amount), amount - int(amount)
        finer = {"year": ("M", 12), "day": ("H", 24), "hour": ("M", 60), "month": ("W", 4), "minute": ("S", 60)}
        if unit in finer:
            sub, mult = finer[unit]
            head = f"{prefix}{whole}{code}" if whole else prefix
            if unit == "day":
                return f"{head}T{_num(frac * mult)}{sub}"
            return f"{head}{_num(frac * mult)}{sub}"
    return f"{prefix}{_num(amount)}{code}"


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"
