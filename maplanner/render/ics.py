"""The renewal calendar in iCalendar form (RFC 5545), written with `icalendar`.

All-day events (a DATE, not a time), so the reminder lands on the right day in any
time zone; each with DISPLAY alarms some days before. DTSTAMP is the start of
"today" (MAPLANNER_TODAY when set), so the same profile gives the same file.
`icalendar` is imported only here, and this module only by `certs --due --ics`.
"""

from datetime import UTC, date, datetime, timedelta

from maplanner.core.calendar import RenewalCalendar

PRODUCT_ID = "-//maplanner//renewal reminders//EN"


def calendar_bytes(calendar: RenewalCalendar) -> bytes:
    from icalendar import Alarm, Calendar, Event

    stamp = datetime.combine(date.fromisoformat(calendar.today), datetime.min.time(), UTC)
    document = Calendar()
    document.add("prodid", PRODUCT_ID)
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("x-wr-calname", "Credential renewals (maplanner)")
    for item in calendar.events:
        day = date.fromisoformat(item.day)
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        for days in item.alarm_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{item.summary} in {days} days")
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        document.add_component(event)
    return bytes(document.to_ical())
