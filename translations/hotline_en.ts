<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Board</name>
    <message>
        <source>Board at %1: %2 red, %3 yellow, %4 green
</source>
        <translation>Board at %1: %2 red, %3 yellow, %4 green
</translation>
    </message>
</context>
<context>
    <name>BuiltinCalendar</name>
    <message>
        <source>The calendar is not valid JSON: %1 (at offset %2).</source>
        <translation>The calendar is not valid JSON: %1 (at offset %2).</translation>
    </message>
    <message>
        <source>The calendar must be a JSON object with a &quot;years&quot; list.</source>
        <translation>The calendar must be a JSON object with a &quot;years&quot; list.</translation>
    </message>
    <message>
        <source>Year entry %1 of the calendar: %2</source>
        <translation>Year entry %1 of the calendar: %2</translation>
    </message>
    <message>
        <source>Year %1 of the calendar names no notice.</source>
        <translation>Year %1 of the calendar names no notice.</translation>
    </message>
    <message>
        <source>%1 is listed by the notices for both %2 and %3.</source>
        <translation>%1 is listed by the notices for both %2 and %3.</translation>
    </message>
</context>
<context>
    <name>CalendarStore</name>
    <message>
        <source>Cannot record the calendar change.</source>
        <translation>Cannot record the calendar change.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>no input device</source>
        <translation>no input device</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes</source>
        <translation>the record is longer than %1 bytes</translation>
    </message>
    <message>
        <source>could not read the input: %1</source>
        <translation>could not read the input: %1</translation>
    </message>
    <message>
        <source>field %1 is not valid UTF-8 (byte 0x%2 at position %3 of the field); save the file as UTF-8</source>
        <translation>field %1 is not valid UTF-8 (byte 0x%2 at position %3 of the field); save the file as UTF-8</translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation> (line %1)</translation>
    </message>
    <message>
        <source>field %1: the quoted field opened on line %2 is never closed</source>
        <translation>field %1: the quoted field opened on line %2 is never closed</translation>
    </message>
    <message>
        <source>field %1: a quote inside a field that does not start with a quote%2 (enclose the whole field in quotes and double the quote)</source>
        <translation>field %1: a quote inside a field that does not start with a quote%2 (enclose the whole field in quotes and double the quote)</translation>
    </message>
    <message>
        <source>field %1: text after the closing quote%2</source>
        <translation>field %1: text after the closing quote%2</translation>
    </message>
</context>
<context>
    <name>CsvTableReader</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>expected %1 fields but found %2</source>
        <translation>expected %1 fields but found %2</translation>
    </message>
    <message>
        <source>the file is empty; its first line must be the header %1</source>
        <translation>the file is empty; its first line must be the header %1</translation>
    </message>
    <message>
        <source>header: %1</source>
        <translation>header: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>missing column(s) %1</source>
        <translation>missing column(s) %1</translation>
    </message>
    <message>
        <source>unknown column(s) %1</source>
        <translation>unknown column(s) %1</translation>
    </message>
    <message>
        <source>repeated column(s) %1</source>
        <translation>repeated column(s) %1</translation>
    </message>
    <message>
        <source>bad header: %1; the first line must name the columns %2</source>
        <translation>bad header: %1; the first line must name the columns %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>could not write the CSV: %1</source>
        <translation>could not write the CSV: %1</translation>
    </message>
</context>
<context>
    <name>CtlArguments</name>
    <message>
        <source>Option %1 needs a value.</source>
        <translation>Option %1 needs a value.</translation>
    </message>
    <message>
        <source>Unknown option %1. See hotlinectl --help.</source>
        <translation>Unknown option %1. See hotlinectl --help.</translation>
    </message>
</context>
<context>
    <name>CtlContext</name>
    <message>
        <source>Usage: hotlinectl calendar import FILE.json...</source>
        <translation>Usage: hotlinectl calendar import FILE.json...</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <source>Imported %1 calendar days from %2 files.</source>
        <translation>Imported %1 calendar days from %2 files.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl deadline --class consult|handling --start ISO8601</source>
        <translation>Usage: hotlinectl deadline --class consult|handling --start ISO8601</translation>
    </message>
    <message>
        <source>Usage: hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]

Administers a Hotline Console database. --db names the local SQLite file (default: the console&apos;s own).
Output goes to stdout, or to FILE with -o; errors go to stderr with a non-zero exit code.

Commands:
  init [--demo]                         create or migrate the database; --demo adds demo data
  calendar import FILE...               import holiday-cn JSON calendars (all files or none)
  deadline --class consult|handling --start ISO8601
                                        print the deadline for a dispatch at that instant
  import tickets FILE.csv               import historical tickets (all rows or none)
  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]
                                        completion-rate report; --to is exclusive
  board [--at ISO8601] [--format text|json]
                                        open tickets with colour and remaining working time
  departments import FILE.csv           name,code,duty_phones,head_phone
  config get|set KEY [VALUE]            read or change a setting; &apos;config list&apos; shows them all
  verify                                check the event log&apos;s integrity
  rebuild                               derive the ticket projection again from the events
  server init --url URL, sync --server URL [--once], escalate [--once] [--at ISO8601]
                                        shared server and reminders (not in this version yet)

Options:
  --db PATH      the database file
  -o FILE        write the output to FILE instead of stdout
  --help         this help
  --version      the program&apos;s version
</source>
        <translation>Usage: hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]

Administers a Hotline Console database. --db names the local SQLite file (default: the console&apos;s own).
Output goes to stdout, or to FILE with -o; errors go to stderr with a non-zero exit code.

Commands:
  init [--demo]                         create or migrate the database; --demo adds demo data
  calendar import FILE...               import holiday-cn JSON calendars (all files or none)
  deadline --class consult|handling --start ISO8601
                                        print the deadline for a dispatch at that instant
  import tickets FILE.csv               import historical tickets (all rows or none)
  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]
                                        completion-rate report; --to is exclusive
  board [--at ISO8601] [--format text|json]
                                        open tickets with colour and remaining working time
  departments import FILE.csv           name,code,duty_phones,head_phone
  config get|set KEY [VALUE]            read or change a setting; &apos;config list&apos; shows them all
  verify                                check the event log&apos;s integrity
  rebuild                               derive the ticket projection again from the events
  server init --url URL, sync --server URL [--once], escalate [--once] [--at ISO8601]
                                        shared server and reminders (not in this version yet)

Options:
  --db PATH      the database file
  -o FILE        write the output to FILE instead of stdout
  --help         this help
  --version      the program&apos;s version
</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. See hotlinectl --help.</source>
        <translation>Unknown command &quot;%1&quot;. See hotlinectl --help.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).</source>
        <translation>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).</translation>
    </message>
    <message>
        <source>Cannot read the centre&apos;s time zone.</source>
        <translation>Cannot read the centre&apos;s time zone.</translation>
    </message>
    <message>
        <source>This command needs the shared server and reminders, which this version does not have yet.</source>
        <translation>This command needs the shared server and reminders, which this version does not have yet.</translation>
    </message>
    <message>
        <source>init takes no arguments (did you mean --demo?).</source>
        <translation>init takes no arguments (did you mean --demo?).</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation>Database %1 is ready (schema %2).</translation>
    </message>
    <message>
        <source>Could not add the demo data: %1</source>
        <translation>Could not add the demo data: %1</translation>
    </message>
    <message>
        <source>Demo data: %1 departments, %2 tickets (%3 on the board: %4 green, %5 yellow, %6 red).</source>
        <translation>Demo data: %1 departments, %2 tickets (%3 on the board: %4 green, %5 yellow, %6 red).</translation>
    </message>
    <message>
        <source>Cannot read the event log: %1</source>
        <translation>Cannot read the event log: %1</translation>
    </message>
    <message>
        <source>The event log was altered: event %1 (sequence %2) does not match its recorded hash; %3 events before it are intact.</source>
        <translation>The event log was altered: event %1 (sequence %2) does not match its recorded hash; %3 events before it are intact.</translation>
    </message>
    <message>
        <source>OK: %1 events, hash chain intact.</source>
        <translation>OK: %1 events, hash chain intact.</translation>
    </message>
    <message>
        <source>Rebuild failed, nothing changed: %1</source>
        <translation>Rebuild failed, nothing changed: %1</translation>
    </message>
    <message>
        <source>Rebuilt the projection of %1 tickets from the event log.</source>
        <translation>Rebuilt the projection of %1 tickets from the event log.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl config get KEY | config set KEY VALUE | config list</source>
        <translation>Usage: hotlinectl config get KEY | config set KEY VALUE | config list</translation>
    </message>
    <message>
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>Nothing was imported (%1 bad of %2 rows).</translation>
    </message>
    <message>
        <source>Imported %1 %2.</source>
        <translation>Imported %1 %2.</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>Usage: hotlinectl import tickets FILE.csv</source>
        <translation>Usage: hotlinectl import tickets FILE.csv</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>tickets</translation>
    </message>
    <message>
        <source>Usage: hotlinectl departments import FILE.csv</source>
        <translation>Usage: hotlinectl departments import FILE.csv</translation>
    </message>
    <message>
        <source>departments</source>
        <translation>departments</translation>
    </message>
    <message>
        <source>Usage: hotlinectl board [--at ISO8601] [--format text|json]</source>
        <translation>Usage: hotlinectl board [--at ISO8601] [--format text|json]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf] [-o FILE]</source>
        <translation>Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf] [-o FILE]</translation>
    </message>
    <message>
        <source>Give either --month or --from/--to, not both.</source>
        <translation>Give either --month or --from/--to, not both.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month like 2025-03.</source>
        <translation>&quot;%1&quot; is not a month like 2025-03.</translation>
    </message>
    <message>
        <source>--from and --to must both be dates (YYYY-MM-DD) with --from before --to; --to is exclusive.</source>
        <translation>--from and --to must both be dates (YYYY-MM-DD) with --from before --to; --to is exclusive.</translation>
    </message>
    <message>
        <source>The printable PDF report is not in this version yet; use text, csv or json.</source>
        <translation>The printable PDF report is not in this version yet; use text, csv or json.</translation>
    </message>
    <message>
        <source>Cannot build the report: %1</source>
        <translation>Cannot build the report: %1</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a Hotline Console database (not an SQLite file); it was left untouched.</source>
        <translation>%1 is not a Hotline Console database (not an SQLite file); it was left untouched.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a usable database: %2</source>
        <translation>%1 is not a usable database: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Hotline Console (schema %2; this program knows up to %3). Update the program; the database was left untouched.</source>
        <translation>%1 was written by a newer version of Hotline Console (schema %2; this program knows up to %3). Update the program; the database was left untouched.</translation>
    </message>
    <message>
        <source>%1 is an SQLite file but not a Hotline Console database; it was left untouched.</source>
        <translation>%1 is an SQLite file but not a Hotline Console database; it was left untouched.</translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation>Cannot configure the database %1: %2</translation>
    </message>
    <message>
        <source>Missing migration %1.</source>
        <translation>Missing migration %1.</translation>
    </message>
    <message>
        <source>Migration to schema %1 failed: %2</source>
        <translation>Migration to schema %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Caller reports: %1. Location given by the caller; please contact them for details.</source>
        <translation>Caller reports: %1. Location given by the caller; please contact them for details.</translation>
    </message>
    <message>
        <source>Answered at intake.</source>
        <translation>Answered at intake.</translation>
    </message>
    <message>
        <source>Not within our remit; please dispatch to the town.</source>
        <translation>Not within our remit; please dispatch to the town.</translation>
    </message>
    <message>
        <source>Handled on site; the caller has been informed.</source>
        <translation>Handled on site; the caller has been informed.</translation>
    </message>
</context>
<context>
    <name>DepartmentCsvReader</name>
    <message>
        <source>name is empty</source>
        <translation>name is empty</translation>
    </message>
    <message>
        <source>name is longer than %1 characters</source>
        <translation>name is longer than %1 characters</translation>
    </message>
    <message>
        <source>name “%1” contains control characters</source>
        <translation>name “%1” contains control characters</translation>
    </message>
    <message>
        <source>name “%1” already appears on line %2</source>
        <translation>name “%1” already appears on line %2</translation>
    </message>
    <message>
        <source>code is empty</source>
        <translation>code is empty</translation>
    </message>
    <message>
        <source>code is longer than %1 characters</source>
        <translation>code is longer than %1 characters</translation>
    </message>
    <message>
        <source>code “%1” contains spaces or control characters</source>
        <translation>code “%1” contains spaces or control characters</translation>
    </message>
    <message>
        <source>code “%1” already appears on line %2</source>
        <translation>code “%1” already appears on line %2</translation>
    </message>
    <message>
        <source>duty_phones: %1</source>
        <translation>duty_phones: %1</translation>
    </message>
    <message>
        <source>duty_phones lists more than %1 numbers</source>
        <translation>duty_phones lists more than %1 numbers</translation>
    </message>
    <message>
        <source>head_phone: %1</source>
        <translation>head_phone: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>DepartmentImporter</name>
    <message>
        <source>%1: department %2 (%3): %4</source>
        <translation>%1: department %2 (%3): %4</translation>
    </message>
    <message>
        <source>%1: cannot save the departments: %2</source>
        <translation>%1: cannot save the departments: %2</translation>
    </message>
</context>
<context>
    <name>HolidayCnParser</name>
    <message>
        <source>The holiday calendar is not valid JSON: %1 (at character %2).</source>
        <translation>The holiday calendar is not valid JSON: %1 (at character %2).</translation>
    </message>
    <message>
        <source>The holiday calendar must be a JSON object with &quot;year&quot; and &quot;days&quot;.</source>
        <translation>The holiday calendar must be a JSON object with &quot;year&quot; and &quot;days&quot;.</translation>
    </message>
    <message>
        <source>The holiday calendar needs &quot;year&quot; as a whole number between 1900 and 2200.</source>
        <translation>The holiday calendar needs &quot;year&quot; as a whole number between 1900 and 2200.</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 needs &quot;days&quot; as a list.</source>
        <translation>The holiday calendar for %1 needs &quot;days&quot; as a list.</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 is not an object.</source>
        <translation>Entry %1 of the holiday calendar for %2 is not an object.</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has no &quot;date&quot; text.</source>
        <translation>Entry %1 of the holiday calendar for %2 has no &quot;date&quot; text.</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has an invalid date &quot;%3&quot; (expected YYYY-MM-DD).</source>
        <translation>Entry %1 of the holiday calendar for %2 has an invalid date &quot;%3&quot; (expected YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 is too far from that year.</source>
        <translation>Entry %1 (%2) of the holiday calendar for %3 is too far from that year.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 has no &quot;name&quot; text.</source>
        <translation>Entry %1 (%2) of the holiday calendar for %3 has no &quot;name&quot; text.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 needs &quot;isOffDay&quot; as true or false.</source>
        <translation>Entry %1 (%2) of the holiday calendar for %3 needs &quot;isOffDay&quot; as true or false.</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 lists %2 twice, once as an off day and once as a working day (entries %3 and %4 of &quot;days&quot;).</source>
        <translation>The holiday calendar for %1 lists %2 twice, once as an off day and once as a working day (entries %3 and %4 of &quot;days&quot;).</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>the phone number is empty</source>
        <translation>the phone number is empty</translation>
    </message>
    <message>
        <source>the phone number is longer than %1 characters</source>
        <translation>the phone number is longer than %1 characters</translation>
    </message>
    <message>
        <source>“%1” contains “%2”, which cannot be part of a phone number</source>
        <translation>“%1” contains “%2”, which cannot be part of a phone number</translation>
    </message>
    <message>
        <source>“%1” contains no digits</source>
        <translation>“%1” contains no digits</translation>
    </message>
    <message>
        <source>“%1” marks an extension but gives no extension digits</source>
        <translation>“%1” marks an extension but gives no extension digits</translation>
    </message>
    <message>
        <source>“%1” is not a mainland China number (+86)</source>
        <translation>“%1” is not a mainland China number (+86)</translation>
    </message>
    <message>
        <source>“%1” has only a country code</source>
        <translation>“%1” has only a country code</translation>
    </message>
    <message>
        <source>“%1” is a service number (such as 12345 or 95588); a mobile or landline number is needed here</source>
        <translation>“%1” is a service number (such as 12345 or 95588); a mobile or landline number is needed here</translation>
    </message>
    <message>
        <source>“%1” is a mobile number; a landline number is needed here</source>
        <translation>“%1” is a mobile number; a landline number is needed here</translation>
    </message>
    <message>
        <source>“%1” is a landline number; a mobile number is needed here</source>
        <translation>“%1” is a landline number; a mobile number is needed here</translation>
    </message>
    <message>
        <source>“%1” is not a valid mobile number: it has %2 digits, a mobile number has 11</source>
        <translation>“%1” is not a valid mobile number: it has %2 digits, a mobile number has 11</translation>
    </message>
    <message>
        <source>“%1” is not a valid mobile number: mobile numbers start with 13 to 19</source>
        <translation>“%1” is not a valid mobile number: mobile numbers start with 13 to 19</translation>
    </message>
    <message>
        <source>“%1”: a mobile number has no extension</source>
        <translation>“%1”: a mobile number has no extension</translation>
    </message>
    <message>
        <source>“%1” is an international number; only mainland China numbers are accepted</source>
        <translation>“%1” is an international number; only mainland China numbers are accepted</translation>
    </message>
    <message>
        <source>“%1” has no valid area code (010, 02x, or four digits such as 0757)</source>
        <translation>“%1” has no valid area code (010, 02x, or four digits such as 0757)</translation>
    </message>
    <message>
        <source>“%1” is not a valid landline number: after the area code %2 it needs 8 digits</source>
        <translation>“%1” is not a valid landline number: after the area code %2 it needs 8 digits</translation>
    </message>
    <message>
        <source>“%1” is not a valid landline number: after the area code %2 it needs 7 or 8 digits</source>
        <translation>“%1” is not a valid landline number: after the area code %2 it needs 7 or 8 digits</translation>
    </message>
    <message>
        <source>“%1” is not a valid landline number: the number after the area code cannot start with 0</source>
        <translation>“%1” is not a valid landline number: the number after the area code cannot start with 0</translation>
    </message>
    <message>
        <source>“%1”: an extension has at most 6 digits</source>
        <translation>“%1”: an extension has at most 6 digits</translation>
    </message>
    <message>
        <source>“%1” has no area code; write it like 0757-%2</source>
        <translation>“%1” has no area code; write it like 0757-%2</translation>
    </message>
    <message>
        <source>“%1” is not a mainland China phone number (mobile like 13812345678 or landline like 0757-86280000)</source>
        <translation>“%1” is not a mainland China phone number (mobile like 13812345678 or landline like 0757-86280000)</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>The report period from %1 to %2 is empty.</source>
        <translation>The report period from %1 to %2 is empty.</translation>
    </message>
    <message>
        <source>Cannot read the departments: %1</source>
        <translation>Cannot read the departments: %1</translation>
    </message>
    <message>
        <source>Cannot compute the report: %1</source>
        <translation>Cannot compute the report: %1</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>On-time rate (%)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <source>Satisfaction rate (%)</source>
        <translation>Satisfaction rate (%)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Hotline report: %1 to %2</source>
        <translation>Hotline report: %1 to %2</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Name of the service centre (report headers)</source>
        <translation>Name of the service centre (report headers)</translation>
    </message>
    <message>
        <source>IANA time zone of the centre</source>
        <translation>IANA time zone of the centre</translation>
    </message>
    <message>
        <source>Working periods of a working day, HH:MM-HH:MM separated by commas</source>
        <translation>Working periods of a working day, HH:MM-HH:MM separated by commas</translation>
    </message>
    <message>
        <source>Working days to answer a consultation</source>
        <translation>Working days to answer a consultation</translation>
    </message>
    <message>
        <source>Working days to handle any other request</source>
        <translation>Working days to handle any other request</translation>
    </message>
    <message>
        <source>Working hours before the deadline at which a ticket turns yellow</source>
        <translation>Working hours before the deadline at which a ticket turns yellow</translation>
    </message>
    <message>
        <source>URL of the SMS gateway (HTTP POST)</source>
        <translation>URL of the SMS gateway (HTTP POST)</translation>
    </message>
    <message>
        <source>Bearer token for the SMS gateway</source>
        <translation>Bearer token for the SMS gateway</translation>
    </message>
    <message>
        <source>Reminder text; placeholders {number} {department} {remaining} {deadline}</source>
        <translation>Reminder text; placeholders {number} {department} {remaining} {deadline}</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Unknown setting &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The centre&apos;s name cannot be empty.</source>
        <translation>The centre&apos;s name cannot be empty.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>&quot;%1&quot; is not a known time zone (e.g. Asia/Shanghai).</translation>
    </message>
    <message>
        <source>Give at least one working period, e.g. 08:30-12:00,14:00-17:30.</source>
        <translation>Give at least one working period, e.g. 08:30-12:00,14:00-17:30.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid list of ordered working periods (HH:MM-HH:MM,...).</source>
        <translation>&quot;%1&quot; is not a valid list of ordered working periods (HH:MM-HH:MM,...).</translation>
    </message>
    <message>
        <source>%1 must be a whole number of working days from 1 to 60.</source>
        <translation>%1 must be a whole number of working days from 1 to 60.</translation>
    </message>
    <message>
        <source>sla.yellow_hours must be a number of hours above 0 and at most 48.</source>
        <translation>sla.yellow_hours must be a number of hours above 0 and at most 48.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>&quot;%1&quot; is not an http(s) URL.</translation>
    </message>
    <message>
        <source>Unknown placeholder {%1} in the template; use {number}, {department}, {remaining} or {deadline}.</source>
        <translation>Unknown placeholder {%1} in the template; use {number}, {department}, {remaining} or {deadline}.</translation>
    </message>
    <message>
        <source>The template must name the ticket: include {number}.</source>
        <translation>The template must name the ticket: include {number}.</translation>
    </message>
    <message>
        <source>Cannot save the setting: %1</source>
        <translation>Cannot save the setting: %1</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>A time limit must be between 1 and %1 working days, not %2.</source>
        <translation>A time limit must be between 1 and %1 working days, not %2.</translation>
    </message>
    <message>
        <source>The yellow warning threshold cannot be negative.</source>
        <translation>The yellow warning threshold cannot be negative.</translation>
    </message>
</context>
<context>
    <name>TicketCsvReader</name>
    <message>
        <source>%1 “%2” has no UTC offset; add Z or one like +08:00</source>
        <translation>%1 “%2” has no UTC offset; add Z or one like +08:00</translation>
    </message>
    <message>
        <source>%1 “%2” is not a real calendar date</source>
        <translation>%1 “%2” is not a real calendar date</translation>
    </message>
    <message>
        <source>%1 “%2” is not a valid time of day</source>
        <translation>%1 “%2” is not a valid time of day</translation>
    </message>
    <message>
        <source>%1 “%2” has an impossible UTC offset</source>
        <translation>%1 “%2” has an impossible UTC offset</translation>
    </message>
    <message>
        <source>%1 “%2” is not an ISO 8601 instant like 2024-03-01T09:15:00+08:00</source>
        <translation>%1 “%2” is not an ISO 8601 instant like 2024-03-01T09:15:00+08:00</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters (it has %3)</source>
        <translation>%1 is longer than %2 characters (it has %3)</translation>
    </message>
    <message>
        <source>number is empty</source>
        <translation>number is empty</translation>
    </message>
    <message>
        <source>number is longer than %1 characters</source>
        <translation>number is longer than %1 characters</translation>
    </message>
    <message>
        <source>number “%1” contains spaces or control characters</source>
        <translation>number “%1” contains spaces or control characters</translation>
    </message>
    <message>
        <source>number “%1” already appears on line %2</source>
        <translation>number “%1” already appears on line %2</translation>
    </message>
    <message>
        <source>channel is empty; allowed: %1</source>
        <translation>channel is empty; allowed: %1</translation>
    </message>
    <message>
        <source>unknown channel “%1”; allowed: %2</source>
        <translation>unknown channel “%1”; allowed: %2</translation>
    </message>
    <message>
        <source>type is empty; allowed: %1</source>
        <translation>type is empty; allowed: %1</translation>
    </message>
    <message>
        <source>unknown type “%1”; allowed: %2</source>
        <translation>unknown type “%1”; allowed: %2</translation>
    </message>
    <message>
        <source>caller_phone: %1</source>
        <translation>caller_phone: %1</translation>
    </message>
    <message>
        <source>registered_at is required</source>
        <translation>registered_at is required</translation>
    </message>
    <message>
        <source>%1 (%2) is before %3 (%4)</source>
        <translation>%1 (%2) is before %3 (%4)</translation>
    </message>
    <message>
        <source>replied_at is set but dispatched_at is empty: only a dispatched ticket gets a reply</source>
        <translation>replied_at is set but dispatched_at is empty: only a dispatched ticket gets a reply</translation>
    </message>
    <message>
        <source>department is required because dispatched_at is set</source>
        <translation>department is required because dispatched_at is set</translation>
    </message>
    <message>
        <source>department must be empty because dispatched_at is empty (a ticket answered at intake goes to no department)</source>
        <translation>department must be empty because dispatched_at is empty (a ticket answered at intake goes to no department)</translation>
    </message>
    <message>
        <source>satisfaction is only allowed with closed_at: the callback answer is recorded when the ticket is closed</source>
        <translation>satisfaction is only allowed with closed_at: the callback answer is recorded when the ticket is closed</translation>
    </message>
    <message>
        <source>unknown satisfaction “%1”; allowed: %2 or empty</source>
        <translation>unknown satisfaction “%1”; allowed: %2 or empty</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>TicketFold</name>
    <message>
        <source>Ticket %1 is already registered.</source>
        <translation>Ticket %1 is already registered.</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>No such ticket.</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting for dispatch.</source>
        <translation>Ticket %1 is not waiting for dispatch.</translation>
    </message>
    <message>
        <source>Ticket %1 is not with a department.</source>
        <translation>Ticket %1 is not with a department.</translation>
    </message>
    <message>
        <source>Ticket %1 already has an extension request waiting.</source>
        <translation>Ticket %1 already has an extension request waiting.</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting to be signed for.</source>
        <translation>Ticket %1 is not waiting to be signed for.</translation>
    </message>
    <message>
        <source>Ticket %1 has no extension request waiting.</source>
        <translation>Ticket %1 has no extension request waiting.</translation>
    </message>
    <message>
        <source>Ticket %1 has no running countdown.</source>
        <translation>Ticket %1 has no running countdown.</translation>
    </message>
    <message>
        <source>Ticket %1 has no department reply to call back about.</source>
        <translation>Ticket %1 has no department reply to call back about.</translation>
    </message>
    <message>
        <source>Ticket %1 is already closed.</source>
        <translation>Ticket %1 is already closed.</translation>
    </message>
    <message>
        <source>Ticket %1 is still with a department.</source>
        <translation>Ticket %1 is still with a department.</translation>
    </message>
    <message>
        <source>Ticket %1 is not closed.</source>
        <translation>Ticket %1 is not closed.</translation>
    </message>
</context>
<context>
    <name>TicketImporter</name>
    <message>
        <source>department %1</source>
        <translation>department %1</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>category %1</translation>
    </message>
    <message>
        <source>town %1</source>
        <translation>town %1</translation>
    </message>
    <message>
        <source>%1: more errors not listed</source>
        <translation>%1: more errors not listed</translation>
    </message>
    <message>
        <source>%1: cannot start writing: %2</source>
        <translation>%1: cannot start writing: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the tickets: %2</source>
        <translation>%1: cannot write the tickets: %2</translation>
    </message>
    <message>
        <source>closed_at is set but replied_at is empty: a dispatched ticket is closed after the department&apos;s reply</source>
        <translation>closed_at is set but replied_at is empty: a dispatched ticket is closed after the department&apos;s reply</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database</source>
        <translation>ticket number %1 is already in the database</translation>
    </message>
    <message>
        <source>%1: cannot save the import: %2</source>
        <translation>%1: cannot save the import: %2</translation>
    </message>
</context>
<context>
    <name>TicketService</name>
    <message>
        <source>Enter a short summary of the request.</source>
        <translation>Enter a short summary of the request.</translation>
    </message>
    <message>
        <source>The summary is too long (%1 characters, at most %2).</source>
        <translation>The summary is too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <source>The details are too long (%1 characters, at most %2).</source>
        <translation>The details are too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <source>The caller&apos;s name is too long (at most %1 characters).</source>
        <translation>The caller&apos;s name is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>%1 may not do this (%2).</source>
        <translation>%1 may not do this (%2).</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>This user</translation>
    </message>
    <message>
        <source>There is no department with the code &quot;%1&quot;.</source>
        <translation>There is no department with the code &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Ticket %1 is already with that department.</source>
        <translation>Ticket %1 is already with that department.</translation>
    </message>
    <message>
        <source>Write the department&apos;s reply.</source>
        <translation>Write the department&apos;s reply.</translation>
    </message>
    <message>
        <source>An extension is 1 to 30 working days.</source>
        <translation>An extension is 1 to 30 working days.</translation>
    </message>
    <message>
        <source>Give the reason for the extension.</source>
        <translation>Give the reason for the extension.</translation>
    </message>
    <message>
        <source>Ticket %1 has no extension request waiting.</source>
        <translation>Ticket %1 has no extension request waiting.</translation>
    </message>
    <message>
        <source>Say why the ticket is returned.</source>
        <translation>Say why the ticket is returned.</translation>
    </message>
</context>
<context>
    <name>WorkCalendar</name>
    <message>
        <source>At least one working period is needed.</source>
        <translation>At least one working period is needed.</translation>
    </message>
    <message>
        <source>Working period %1 has an invalid start or end time.</source>
        <translation>Working period %1 has an invalid start or end time.</translation>
    </message>
    <message>
        <source>Working period %1 must start and end on whole seconds.</source>
        <translation>Working period %1 must start and end on whole seconds.</translation>
    </message>
    <message>
        <source>Working period %1 (%2–%3) must end after it starts, on the same day.</source>
        <translation>Working period %1 (%2–%3) must end after it starts, on the same day.</translation>
    </message>
    <message>
        <source>Working period %1 (%2–%3) must start at or after the end of the previous one (%4): periods must be in order and must not overlap.</source>
        <translation>Working period %1 (%2–%3) must start at or after the end of the previous one (%4): periods must be in order and must not overlap.</translation>
    </message>
    <message>
        <source>The time zone is not valid.</source>
        <translation>The time zone is not valid.</translation>
    </message>
</context>
</TS>
