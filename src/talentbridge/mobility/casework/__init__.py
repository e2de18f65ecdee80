"""Mobility case work as pure code: the checklist data (documents, steps, reminder thresholds) and
the schedule derived from it (due dates, document expiry, which reminders are due on a day).

Nothing here touches the database; ``mobility.service`` and ``mobility.tasks`` apply it to cases.
"""
