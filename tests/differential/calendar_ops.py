# calendar as python3.11 behaves: monthrange/weekday/isleap/leapdays, the month matrices, the text
# layout of month() and calendar(), the localized names, timegm and the errors
import calendar

cases = [
    "r = calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthrange(1900, 2), calendar.monthrange(2000, 12)",
    "r = calendar.monthrange(2024, 13)",
    "r = calendar.monthrange(2024, 0)",
    "r = calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2025)",
    "r = calendar.weekday(2024, 1, 1), calendar.weekday(10000, 1, 1), calendar.weekday(1, 1, 1)",
    "r = calendar.monthcalendar(2024, 2)",
    "r = calendar.Calendar(6).monthdayscalendar(2024, 3)",
    "r = list(calendar.Calendar().itermonthdays2(2024, 4))[:9]",
    "r = list(calendar.Calendar(3).itermonthdays3(2023, 12))[:5], list(calendar.Calendar().itermonthdays4(2024, 1))[-2:]",
    "r = calendar.Calendar().monthdatescalendar(2024, 2)[0]",
    "r = list(calendar.Calendar(2).iterweekdays()), calendar.Calendar(9).firstweekday",
    "r = len(calendar.Calendar().yeardayscalendar(2024, 4)), len(calendar.Calendar().yeardatescalendar(2024)[0])",
    "r = calendar.month(2024, 2)",
    "r = calendar.month(2024, 2, 4, 2)",
    "r = calendar.TextCalendar(6).formatmonth(2025, 11)",
    "r = calendar.calendar(2024)",
    "r = calendar.calendar(2023, 3, 1, 2, 4)",
    "r = list(calendar.month_name), list(calendar.month_abbr), list(calendar.day_name), list(calendar.day_abbr)",
    "r = calendar.month_name[1:4], len(calendar.month_name), len(calendar.day_abbr)",
    "r = calendar.weekheader(2), calendar.weekheader(9), calendar.weekheader(1)",
    "r = calendar.timegm((2024, 3, 1, 12, 30, 15)), calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0))",
    "r = calendar.setfirstweekday(7)",
    "calendar.setfirstweekday(calendar.SUNDAY); r = calendar.firstweekday(), calendar.month(2024, 6); calendar.setfirstweekday(0)",
    "r = calendar.MONDAY, calendar.SUNDAY, calendar.January, calendar.February, calendar.mdays",
    "r = issubclass(calendar.IllegalMonthError, ValueError), calendar.error",
    "r = calendar.formatstring(['a', 'b'], 5, 2)",
]

for case in cases:
    ns = dict(globals())
    try:
        exec(case, ns)
        print(repr(ns['r']))
    except Exception as e:
        print('%s: %s' % (type(e).__name__, e))
calendar.prmonth(2024, 7)
calendar.prcal(2022, m=4)
