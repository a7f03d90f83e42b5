<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccessLog</name>
    <message>
        <source>Cannot write the access log: %1</source>
        <translation>Cannot write the access log: %1</translation>
    </message>
    <message>
        <source>Cannot read the access log: %1</source>
        <translation>Cannot read the access log: %1</translation>
    </message>
</context>
<context>
    <name>AdminLog</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message numerus="yes">
        <source>record starts: %n row(s) as they stood</source>
        <translation>
            <numerusform>record starts: %n row as they stood</numerusform>
            <numerusform>record starts: %n rows as they stood</numerusform>
        </translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>Calendar day</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Intake token</source>
        <translation>Intake token</translation>
    </message>
</context>
<context>
    <name>AssessmentBuilder</name>
    <message>
        <source>%1 is not a year like 2025.</source>
        <translation>%1 is not a year like 2025.</translation>
    </message>
    <message>
        <source>The year %1 has not begun: there are no figures for it yet.</source>
        <translation>The year %1 has not begun: there are no figures for it yet.</translation>
    </message>
</context>
<context>
    <name>AssessmentDocument</name>
    <message>
        <source>Cannot start drawing the assessment.</source>
        <translation>Cannot start drawing the assessment.</translation>
    </message>
    <message>
        <source>Generated %1 (%2)</source>
        <translation>Generated %1 (%2)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>AssessmentWriter</name>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
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
        <source>On-time rate (%)</source>
        <translation>On-time rate (%)</translation>
    </message>
    <message>
        <source>Satisfaction rate (%)</source>
        <translation>Satisfaction rate (%)</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Breaches</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Annual assessment %1</source>
        <translation>Annual assessment %1</translation>
    </message>
    <message>
        <source>Annual assessment %1, to date (as of %2)</source>
        <translation>Annual assessment %1, to date (as of %2)</translation>
    </message>
    <message>
        <source>Score = %1 × on-time rate + %2 × satisfaction rate − %3 × breaches − %4 × returns. On-time rate: replies on time ÷ (replies on time + breaches), by each department's own clocks.</source>
        <translation>Score = %1 × on-time rate + %2 × satisfaction rate − %3 × breaches − %4 × returns. On-time rate: replies on time ÷ (replies on time + breaches), by each department's own clocks.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>At registration</source>
        <translation>At registration</translation>
    </message>
    <message>
        <source>Before handling</source>
        <translation>Before handling</translation>
    </message>
    <message>
        <source>After handling</source>
        <translation>After handling</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>“%1” is %2 MB; at most %3 MB may be attached (setting attachments.max_mb).</source>
        <translation>“%1” is %2 MB; at most %3 MB may be attached (setting attachments.max_mb).</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>The file has no name.</source>
        <translation>The file has no name.</translation>
    </message>
    <message>
        <source>The file name is too long (at most %1 characters).</source>
        <translation>The file name is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>Unknown stage "%1"; use one of %2.</source>
        <translation>Unknown stage "%1"; use one of %2.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <source>%1 is a program or script; programs cannot be attached.</source>
        <translation>%1 is a program or script; programs cannot be attached.</translation>
    </message>
    <message>
        <source>%1 is not a photo, PDF, office document or text (its content is %2).</source>
        <translation>%1 is not a photo, PDF, office document or text (its content is %2).</translation>
    </message>
    <message>
        <source>Ticket not found.</source>
        <translation>Ticket not found.</translation>
    </message>
    <message>
        <source>No attachment with the hash %1 on a ticket you may see.</source>
        <translation>No attachment with the hash %1 on a ticket you may see.</translation>
    </message>
    <message>
        <source>The file has not been received from the shared server yet; try again after the next sync.</source>
        <translation>The file has not been received from the shared server yet; try again after the next sync.</translation>
    </message>
</context>
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
        <source>The calendar must be a JSON object with a "years" list.</source>
        <translation>The calendar must be a JSON object with a "years" list.</translation>
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
    <message>
        <source>A calendar date must be a real date between 1900 and 2200.</source>
        <translation>A calendar date must be a real date between 1900 and 2200.</translation>
    </message>
    <message>
        <source>The note on %1 is too long (at most %2 characters).</source>
        <translation>The note on %1 is too long (at most %2 characters).</translation>
    </message>
    <message>
        <source>The note on %1 holds a control character.</source>
        <translation>The note on %1 holds a control character.</translation>
    </message>
</context>
<context>
    <name>CalendarYears</name>
    <message>
        <source>The holiday notice for %1 has not been entered: deadlines in %1 count only weekends as off days. An administrator should enter its off days and make-up working days (the Calendar tab of the console, or hotlinectl calendar import FILE.json / calendar set DATE off).</source>
        <translation>The holiday notice for %1 has not been entered: deadlines in %1 count only weekends as off days. An administrator should enter its off days and make-up working days (the Calendar tab of the console, or hotlinectl calendar import FILE.json / calendar set DATE off).</translation>
    </message>
</context>
<context>
    <name>CallerPrivacy</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
</context>
<context>
    <name>CallerReveal</name>
    <message>
        <source>Ticket not found.</source>
        <translation>Ticket not found.</translation>
    </message>
    <message>
        <source>Ticket %1 has no caller name or number: the caller stayed anonymous.</source>
        <translation>Ticket %1 has no caller name or number: the caller stayed anonymous.</translation>
    </message>
    <message>
        <source>The number is not shown because its view could not be logged. %1</source>
        <translation>The number is not shown because its view could not be logged. %1</translation>
    </message>
</context>
<context>
    <name>CallerRevealPrompt</name>
    <message>
        <source>Show number</source>
        <translation>Show number</translation>
    </message>
</context>
<context>
    <name>ChainFinding</name>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>event %1 (ticket %2, %3 %4, type %5)</source>
        <translation>event %1 (ticket %2, %3 %4, type %5)</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intact</translation>
    </message>
    <message>
        <source>%1 does not match its recorded hash (its content was changed, or it was written by hand)</source>
        <translation>%1 does not match its recorded hash (its content was changed, or it was written by hand)</translation>
    </message>
    <message>
        <source>%1 events are missing before %2</source>
        <translation>%1 events are missing before %2</translation>
    </message>
    <message>
        <source>events are missing before %1; its link follows no event that is left</source>
        <translation>events are missing before %1; its link follows no event that is left</translation>
    </message>
    <message>
        <source>%1 is out of place; its link follows the event now at %2 %3</source>
        <translation>%1 is out of place; its link follows the event now at %2 %3</translation>
    </message>
    <message>
        <source>the log is empty but events were recorded</source>
        <translation>the log is empty but events were recorded</translation>
    </message>
    <message>
        <source>events are missing after the last one, %1</source>
        <translation>events are missing after the last one, %1</translation>
    </message>
</context>
<context>
    <name>ChainVerifier</name>
    <message>
        <source>the ticket projection refers to event seq %1 but the log ends at seq %2</source>
        <translation>the ticket projection refers to event seq %1 but the log ends at seq %2</translation>
    </message>
    <message>
        <source>events up to server sequence %1 were pulled but only %2 are here</source>
        <translation>events up to server sequence %1 were pulled but only %2 are here</translation>
    </message>
    <message>
        <source>the local database is not open</source>
        <translation>the local database is not open</translation>
    </message>
    <message>
        <source>it was the first event of the log</source>
        <translation>it was the first event of the log</translation>
    </message>
    <message>
        <source>the log jumps from seq %1 to %2</source>
        <translation>the log jumps from seq %1 to %2</translation>
    </message>
</context>
<context>
    <name>CitizenActions</name>
    <message>
        <source>Progress call (催办)</source>
        <translation>Progress call (催办)</translation>
    </message>
    <message>
        <source>What did the citizen ask?</source>
        <translation>What did the citizen ask?</translation>
    </message>
    <message>
        <source>Please note what the citizen asked.</source>
        <translation>Please note what the citizen asked.</translation>
    </message>
    <message>
        <source>The caller of ticket %1 wants SMS about it again?</source>
        <translation>The caller of ticket %1 wants SMS about it again?</translation>
    </message>
    <message>
        <source>The caller of ticket %1 declines SMS about it? No further SMS goes to them, including those already waiting.</source>
        <translation>The caller of ticket %1 declines SMS about it? No further SMS goes to them, including those already waiting.</translation>
    </message>
    <message>
        <source>SMS to the caller</source>
        <translation>SMS to the caller</translation>
    </message>
    <message>
        <source>Registration SMS</source>
        <translation>Registration SMS</translation>
    </message>
    <message>
        <source>Reply SMS</source>
        <translation>Reply SMS</translation>
    </message>
    <message>
        <source>%1: sent %2</source>
        <translation>%1: sent %2</translation>
    </message>
    <message>
        <source>%1: sent by another console (recorded %2)</source>
        <translation>%1: sent by another console (recorded %2)</translation>
    </message>
    <message>
        <source>%1: not sent (%2)</source>
        <translation>%1: not sent (%2)</translation>
    </message>
    <message>
        <source>%1: queued, not sent yet</source>
        <translation>%1: queued, not sent yet</translation>
    </message>
    <message numerus="yes">
        <source>%1: queued, not sent yet; %n attempt(s), last problem: %2</source>
        <translation>
            <numerusform>%1: queued, not sent yet; %n attempt, last problem: %2</numerusform>
            <numerusform>%1: queued, not sent yet; %n attempts, last problem: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No SMS to the caller: %1</source>
        <translation>No SMS to the caller: %1</translation>
    </message>
    <message>
        <source>The caller receives SMS about this ticket; none queued yet.</source>
        <translation>The caller receives SMS about this ticket; none queued yet.</translation>
    </message>
</context>
<context>
    <name>ConsoleLogins</name>
    <message>
        <source>a console code is two digits from 01 to 99, not "%1"</source>
        <translation>a console code is two digits from 01 to 99, not "%1"</translation>
    </message>
    <message>
        <source>console code %1 belongs to the console login %2; remove that one first</source>
        <translation>console code %1 belongs to the console login %2; remove that one first</translation>
    </message>
    <message>
        <source>console login %1 already has console code %2; remove it first to bind it to another</source>
        <translation>console login %1 already has console code %2; remove it first to bind it to another</translation>
    </message>
    <message>
        <source>the server has no free console code left (99 consoles)</source>
        <translation>the server has no free console code left (99 consoles)</translation>
    </message>
    <message>
        <source>cannot bind console login %1 to code %2: %3</source>
        <translation>cannot bind console login %1 to code %2: %3</translation>
    </message>
    <message>
        <source>there is no console login %1 on this server</source>
        <translation>there is no console login %1 on this server</translation>
    </message>
    <message>
        <source>cannot end console login %1: %2</source>
        <translation>cannot end console login %1: %2</translation>
    </message>
    <message>
        <source>unknown server setting "%1" (known: max_skew_seconds)</source>
        <translation>unknown server setting "%1" (known: max_skew_seconds)</translation>
    </message>
    <message>
        <source>max_skew_seconds is a whole number of seconds from 1 to 604800, not "%1"</source>
        <translation>max_skew_seconds is a whole number of seconds from 1 to 604800, not "%1"</translation>
    </message>
</context>
<context>
    <name>ConsoleRole</name>
    <message>
        <source>the console role name "%1" must be lower-case letters, digits or _ (at most 63, not starting with a digit)</source>
        <translation>the console role name "%1" must be lower-case letters, digits or _ (at most 63, not starting with a digit)</translation>
    </message>
    <message>
        <source>role names starting with pg_ are reserved by PostgreSQL</source>
        <translation>role names starting with pg_ are reserved by PostgreSQL</translation>
    </message>
    <message>
        <source>the console role needs a password</source>
        <translation>the console role needs a password</translation>
    </message>
    <message>
        <source>the server has no Hotline schema yet</source>
        <translation>the server has no Hotline schema yet</translation>
    </message>
    <message>
        <source>the console role must not be the owner of the Hotline tables (%1)</source>
        <translation>the console role must not be the owner of the Hotline tables (%1)</translation>
    </message>
    <message>
        <source>role %1 is a superuser or may create roles, databases or replicate; a console role must not be, choose another name</source>
        <translation>role %1 is a superuser or may create roles, databases or replicate; a console role must not be, choose another name</translation>
    </message>
    <message>
        <source>role %1 is a member of the owner of the Hotline tables; choose another name</source>
        <translation>role %1 is a member of the owner of the Hotline tables; choose another name</translation>
    </message>
    <message>
        <source>cannot create or update role %1: %2</source>
        <translation>cannot create or update role %1: %2</translation>
    </message>
    <message>
        <source>cannot let role %1 reach the database: %2</source>
        <translation>cannot let role %1 reach the database: %2</translation>
    </message>
    <message>
        <source>cannot set the console role's rights: %1</source>
        <translation>cannot set the console role's rights: %1</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>no input device</source>
        <translation>no input device</translation>
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
    <message>
        <source>it is larger than %1 bytes, the most this command reads; nothing after that was read</source>
        <translation>it is larger than %1 bytes, the most this command reads; nothing after that was read</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes; reading stopped here (is this a CSV file?)</source>
        <translation>the record is longer than %1 bytes; reading stopped here (is this a CSV file?)</translation>
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
    <message>
        <source>the file has more than %1 data rows, the most this command reads; nothing after that was read</source>
        <translation>the file has more than %1 data rows, the most this command reads; nothing after that was read</translation>
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
        <source>Unknown command "%1". See hotlinectl --help.</source>
        <translation>Unknown command "%1". See hotlinectl --help.</translation>
    </message>
    <message>
        <source>"%1" is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).</source>
        <translation>"%1" is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).</translation>
    </message>
    <message>
        <source>This command needs the shared server and reminders, which this version does not have yet.</source>
        <translation>This command needs the shared server and reminders, which this version does not have yet.</translation>
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
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>Nothing was imported (%1 bad of %2 rows).</translation>
    </message>
    <message>
        <source>Usage: hotlinectl board [--at ISO8601] [--format text|json]</source>
        <translation>Usage: hotlinectl board [--at ISO8601] [--format text|json]</translation>
    </message>
    <message>
        <source>Give either --month or --from/--to, not both.</source>
        <translation>Give either --month or --from/--to, not both.</translation>
    </message>
    <message>
        <source>"%1" is not a month like 2025-03.</source>
        <translation>"%1" is not a month like 2025-03.</translation>
    </message>
    <message>
        <source>--from and --to must both be dates (YYYY-MM-DD) with --from before --to; --to is exclusive.</source>
        <translation>--from and --to must both be dates (YYYY-MM-DD) with --from before --to; --to is exclusive.</translation>
    </message>
    <message>
        <source>Cannot build the report: %1</source>
        <translation>Cannot build the report: %1</translation>
    </message>
    <message>
        <source>Imported %1 tickets.</source>
        <translation>Imported %1 tickets.</translation>
    </message>
    <message>
        <source>Imported %1 departments.</source>
        <translation>Imported %1 departments.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl escalate [--once] [--at ISO8601]</source>
        <translation>Usage: hotlinectl escalate [--once] [--at ISO8601]</translation>
    </message>
    <message>
        <source>Escalating; %1 tickets watched. Stop with Ctrl+C.</source>
        <translation>Escalating; %1 tickets watched. Stop with Ctrl+C.</translation>
    </message>
    <message>
        <source>Reminders: %1, accountability records: %2, SMS sent: %3, SMS waiting: %4.</source>
        <translation>Reminders: %1, accountability records: %2, SMS sent: %3, SMS waiting: %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n SMS could not be sent and stay queued for a later attempt: %1</source>
        <translation>
            <numerusform>%n SMS could not be sent and stay queued for a later attempt: %1</numerusform>
            <numerusform>%n SMS could not be sent and stay queued for a later attempt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>server init needs --url postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)</source>
        <translation>server init needs --url postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)</translation>
    </message>
    <message>
        <source>cannot reach the server %1: %2</source>
        <translation>cannot reach the server %1: %2</translation>
    </message>
    <message>
        <source>server schema is up to date (version %1)</source>
        <translation>server schema is up to date (version %1)</translation>
    </message>
    <message>
        <source>server schema migrated from version %1 to %2</source>
        <translation>server schema migrated from version %1 to %2</translation>
    </message>
    <message>
        <source>no server: give --server postgresql://USER:PASSWORD@HOST:PORT/DATABASE</source>
        <translation>no server: give --server postgresql://USER:PASSWORD@HOST:PORT/DATABASE</translation>
    </message>
    <message>
        <source>not a PostgreSQL address: %1</source>
        <translation>not a PostgreSQL address: %1</translation>
    </message>
    <message>
        <source>cannot write to the local database</source>
        <translation>cannot write to the local database</translation>
    </message>
    <message>
        <source>console code: %1</source>
        <translation>console code: %1</translation>
    </message>
    <message>
        <source>pushed: %1</source>
        <translation>pushed: %1</translation>
    </message>
    <message>
        <source>pulled: %1</source>
        <translation>pulled: %1</translation>
    </message>
    <message>
        <source>pending: %1</source>
        <translation>pending: %1</translation>
    </message>
    <message>
        <source>conflicts: %1</source>
        <translation>conflicts: %1</translation>
    </message>
    <message>
        <source>kept aside (not understood by this version): %1</source>
        <translation>kept aside (not understood by this version): %1</translation>
    </message>
    <message>
        <source>%1 online, pending %2, conflicts %3</source>
        <translation>%1 online, pending %2, conflicts %3</translation>
    </message>
    <message>
        <source>%1 offline: %2</source>
        <translation>%1 offline: %2</translation>
    </message>
    <message>
        <source>Cannot draw the PDF report: %1</source>
        <translation>Cannot draw the PDF report: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 events before it are intact.</source>
        <translation>%1 events before it are intact.</translation>
    </message>
    <message>
        <source>verify --server needs postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)</source>
        <translation>verify --server needs postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)</translation>
    </message>
    <message>
        <source>the server's event log</source>
        <translation>the server's event log</translation>
    </message>
    <message>
        <source>%1 events match the copies this console pulled.</source>
        <translation>%1 events match the copies this console pulled.</translation>
    </message>
    <message>
        <source>verify takes no arguments (did you mean --server URL?).</source>
        <translation>verify takes no arguments (did you mean --server URL?).</translation>
    </message>
    <message>
        <source>the event log</source>
        <translation>the event log</translation>
    </message>
    <message>
        <source>Usage: hotlinectl export tickets [--month YYYY-MM | --from DATE --to DATE] [-o FILE] [--unmasked]</source>
        <translation>Usage: hotlinectl export tickets [--month YYYY-MM | --from DATE --to DATE] [-o FILE] [--unmasked]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl access-log [--from DATE --to DATE]</source>
        <translation>Usage: hotlinectl access-log [--from DATE --to DATE]</translation>
    </message>
    <message>
        <source>access-log takes --from and --to (dates, --to exclusive), not --month.</source>
        <translation>access-log takes --from and --to (dates, --to exclusive), not --month.</translation>
    </message>
    <message>
        <source>Password for the console role %1: </source>
        <translation>Password for the console role %1: </translation>
    </message>
    <message>
        <source>the console role needs a password: set HOTLINE_CONSOLE_PASSWORD or give it on standard input</source>
        <translation>the console role needs a password: set HOTLINE_CONSOLE_PASSWORD or give it on standard input</translation>
    </message>
    <message>
        <source>the schema is ready, but the console role was not set up: %1</source>
        <translation>the schema is ready, but the console role was not set up: %1</translation>
    </message>
    <message>
        <source>console role %1 may read events, push them through hotline_push, join, sync reference data and claim SMS; consoles connect as it</source>
        <translation>console role %1 may read events, push them through hotline_push, join, sync reference data and claim SMS; consoles connect as it</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>locked until %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s)</source>
        <translation>
            <numerusform>%n failed sign-in</numerusform>
            <numerusform>%n failed sign-ins</numerusform>
        </translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>must change password</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>There is no user %1.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 is unlocked.</translation>
    </message>
    <message>
        <source>Cannot read the new password from standard input.</source>
        <translation>Cannot read the new password from standard input.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>New password for %1: </translation>
    </message>
    <message>
        <source>
The same again: </source>
        <translation>
The same again: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>The two passwords differ; nothing was changed.</translation>
    </message>
    <message>
        <source>Give the new password on standard input, e.g. from a file: hotlinectl users reset-password NAME &lt; FILE</source>
        <translation>Give the new password on standard input, e.g. from a file: hotlinectl users reset-password NAME &lt; FILE</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>The password was not changed: %1</translation>
    </message>
    <message>
        <source>%1 has a new password and must choose another at the next sign-in; the account is unlocked.</source>
        <translation>%1 has a new password and must choose another at the next sign-in; the account is unlocked.</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 is enabled.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl users list | unlock NAME | enable NAME | reset-password NAME (the new password on standard input)</source>
        <translation>Usage: hotlinectl users list | unlock NAME | enable NAME | reset-password NAME (the new password on standard input)</translation>
    </message>
    <message numerus="yes">
        <source>note: the calendar now gives %n open ticket(s) another deadline; they keep theirs until an administrator re-decides them (the Calendar tab of the console).</source>
        <translation>
            <numerusform>note: the calendar now gives %n open ticket another deadline; it keeps its own until an administrator re-decides it (the Calendar tab of the console).</numerusform>
            <numerusform>note: the calendar now gives %n open tickets another deadline; they keep theirs until an administrator re-decides them (the Calendar tab of the console).</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>Usage: hotlinectl calendar set DATE... off|workday|normal [--note TEXT]</source>
        <translation>Usage: hotlinectl calendar set DATE... off|workday|normal [--note TEXT]</translation>
    </message>
    <message>
        <source>Unknown kind of day "%1": off, workday or normal.</source>
        <translation>Unknown kind of day "%1": off, workday or normal.</translation>
    </message>
    <message>
        <source>A normal day has no note.</source>
        <translation>A normal day has no note.</translation>
    </message>
    <message>
        <source>"%1" is not a date (YYYY-MM-DD).</source>
        <translation>"%1" is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nothing was changed: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n calendar date(s).</source>
        <translation>
            <numerusform>Saved %n calendar date.</numerusform>
            <numerusform>Saved %n calendar dates.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: hotlinectl calendar list [--year YYYY]</source>
        <translation>Usage: hotlinectl calendar list [--year YYYY]</translation>
    </message>
    <message>
        <source>--year must be a year between 1900 and 2200.</source>
        <translation>--year must be a year between 1900 and 2200.</translation>
    </message>
    <message>
        <source>The PDF report is binary: give -o FILE (or -o - to send it to standard output that is not a terminal).</source>
        <translation>The PDF report is binary: give -o FILE (or -o - to send it to standard output that is not a terminal).</translation>
    </message>
    <message>
        <source>Standard output is a terminal: the PDF report is not written there. Give -o FILE, or redirect standard output to a file.</source>
        <translation>Standard output is a terminal: the PDF report is not written there. Give -o FILE, or redirect standard output to a file.</translation>
    </message>
    <message>
        <source>warning: %1 was written, but the list of hotlinectl's outputs could not be updated: %2</source>
        <translation>warning: %1 was written, but the list of hotlinectl's outputs could not be updated: %2</translation>
    </message>
    <message>
        <source>There is no database at %1; nothing was created. Create it with: hotlinectl --db %1 init</source>
        <translation>There is no database at %1; nothing was created. Create it with: hotlinectl --db %1 init</translation>
    </message>
    <message>
        <source>%1 is longer than %2 bytes; a setting is a single value.</source>
        <translation>%1 is longer than %2 bytes; a setting is a single value.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl config set KEY --from-file PATH | config set KEY --stdin</source>
        <translation>Usage: hotlinectl config set KEY --from-file PATH | config set KEY --stdin</translation>
    </message>
    <message>
        <source>warning: a secret on the command line can be seen by other users and stays in the shell's history; prefer config set %1 --stdin or --from-file PATH.</source>
        <translation>warning: a secret on the command line can be seen by other users and stays in the shell's history; prefer config set %1 --stdin or --from-file PATH.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl config get KEY | config set KEY VALUE | config set KEY --from-file PATH | config set KEY --stdin | config list</source>
        <translation>Usage: hotlinectl config get KEY | config set KEY VALUE | config set KEY --from-file PATH | config set KEY --stdin | config list</translation>
    </message>
    <message>
        <source>… and %1 more bad rows not listed; hotlinectl %2 --all-errors lists them all.</source>
        <translation>… and %1 more bad rows not listed; hotlinectl %2 --all-errors lists them all.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl import tickets FILE.csv [--all-errors]</source>
        <translation>Usage: hotlinectl import tickets FILE.csv [--all-errors]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl departments import FILE.csv [--all-errors]</source>
        <translation>Usage: hotlinectl departments import FILE.csv [--all-errors]</translation>
    </message>
    <message>
        <source>Imported %1 categories: %2 new, %3 updated.</source>
        <translation>Imported %1 categories: %2 new, %3 updated.</translation>
    </message>
    <message>
        <source>Imported %1 towns: %2 new, %3 updated.</source>
        <translation>Imported %1 towns: %2 new, %3 updated.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>department</source>
        <translation>department</translation>
    </message>
    <message>
        <source>class</source>
        <translation>class</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>by ticket type</source>
        <translation>by ticket type</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>No categories.</source>
        <translation>No categories.</translation>
    </message>
    <message>
        <source>No towns.</source>
        <translation>No towns.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl %1 import FILE.csv | %1 list [--format text|json]</source>
        <translation>Usage: hotlinectl %1 import FILE.csv | %1 list [--format text|json]</translation>
    </message>
    <message>
        <source>setting from the server refused (local value kept): %1</source>
        <translation>setting from the server refused (local value kept): %1</translation>
    </message>
    <message>
        <source>%1: longer than %2 bytes; reading stopped here (is this a holiday-cn JSON file?)</source>
        <translation>%1: longer than %2 bytes; reading stopped here (is this a holiday-cn JSON file?)</translation>
    </message>
    <message>
        <source>%1 is not a Hotline Console database (an empty file, a folder or a device); it was left untouched.</source>
        <translation>%1 is not a Hotline Console database (an empty file, a folder or a device); it was left untouched.</translation>
    </message>
    <message>
        <source>"%1" is outside the years 1900 to 2200.</source>
        <translation>"%1" is outside the years 1900 to 2200.</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was changed. To clear the setting, give an empty value: hotlinectl config set KEY ""</source>
        <translation>%1 is empty; nothing was changed. To clear the setting, give an empty value: hotlinectl config set KEY ""</translation>
    </message>
    <message>
        <source>Usage: hotlinectl audit [--from DATE --to DATE] [--entity NAME] [--format text|json]</source>
        <translation>Usage: hotlinectl audit [--from DATE --to DATE] [--entity NAME] [--format text|json]</translation>
    </message>
    <message>
        <source>Unknown entity “%1”: use one of %2.</source>
        <translation>Unknown entity “%1”: use one of %2.</translation>
    </message>
    <message>
        <source>init takes no arguments (did you mean --demo or --training?).</source>
        <translation>init takes no arguments (did you mean --demo or --training?).</translation>
    </message>
    <message>
        <source>Give either --demo or --training: a training database starts without tickets.</source>
        <translation>Give either --demo or --training: a training database starts without tickets.</translation>
    </message>
    <message>
        <source>It is a training database; its training users keep their password.</source>
        <translation>It is a training database; its training users keep their password.</translation>
    </message>
    <message numerus="yes">
        <source>Training database: %n training user(s), one per role and department:</source>
        <translation>
            <numerusform>Training database: %n training user, one per role and department:</numerusform>
            <numerusform>Training database: %n training users, one per role and department:</numerusform>
        </translation>
    </message>
    <message>
        <source>Their password (shown only now): %1</source>
        <translation>Their password (shown only now): %1</translation>
    </message>
    <message>
        <source>Cannot compare the projection with the event log: %1</source>
        <translation>Cannot compare the projection with the event log: %1</translation>
    </message>
    <message>
        <source>%1 of %2 tickets (or rows) differ from what the events give; hotlinectl rebuild derives the projection again from the events.</source>
        <translation>%1 of %2 tickets (or rows) differ from what the events give; hotlinectl rebuild derives the projection again from the events.</translation>
    </message>
    <message>
        <source>OK: the projection of %1 tickets (%2 dispatch and callback rows) is what the events give.</source>
        <translation>OK: the projection of %1 tickets (%2 dispatch and callback rows) is what the events give.</translation>
    </message>
    <message>
        <source>Dispatch desk reminders: %1.</source>
        <translation>Dispatch desk reminders: %1.</translation>
    </message>
    <message>
        <source>Say who acts: --as USER, with the password on standard input (a ticket's record names a person; only a training database acts without one).</source>
        <translation>Say who acts: --as USER, with the password on standard input (a ticket's record names a person; only a training database acts without one).</translation>
    </message>
    <message>
        <source>Give %1's password on standard input (one line).</source>
        <translation>Give %1's password on standard input (one line).</translation>
    </message>
    <message>
        <source>%1 must choose a new password (sign in to the console once) before acting.</source>
        <translation>%1 must choose a new password (sign in to the console once) before acting.</translation>
    </message>
    <message>
        <source>Give the department: --department NAME|CODE.</source>
        <translation>Give the department: --department NAME|CODE.</translation>
    </message>
    <message>
        <source>There is no department "%1" (by code or name). See the departments in the console's administration or import them with hotlinectl departments import.</source>
        <translation>There is no department "%1" (by code or name). See the departments in the console's administration or import them with hotlinectl departments import.</translation>
    </message>
    <message>
        <source>There is no category "%1" (see hotlinectl categories list).</source>
        <translation>There is no category "%1" (see hotlinectl categories list).</translation>
    </message>
    <message>
        <source>There is no town "%1" (see hotlinectl towns list).</source>
        <translation>There is no town "%1" (see hotlinectl towns list).</translation>
    </message>
    <message>
        <source>"%1" is not a ticket type (consult, complaint, help, suggestion, report).</source>
        <translation>"%1" is not a ticket type (consult, complaint, help, suggestion, report).</translation>
    </message>
    <message>
        <source>"%1" is not a channel (phone, weibo, wechat, web, petition, interview, walkin).</source>
        <translation>"%1" is not a channel (phone, weibo, wechat, web, petition, interview, walkin).</translation>
    </message>
    <message>
        <source>--class is consult or handling, not "%1".</source>
        <translation>--class is consult or handling, not "%1".</translation>
    </message>
    <message>
        <source>A ticket of type %1 in category "%2" has the time limit %3, not %4: the type and the category decide it.</source>
        <translation>A ticket of type %1 in category "%2" has the time limit %3, not %4: the type and the category decide it.</translation>
    </message>
    <message>
        <source>%1: %2 by %3, now %4</source>
        <translation>%1: %2 by %3, now %4</translation>
    </message>
    <message>
        <source>, with %1 until %2</source>
        <translation>, with %1 until %2</translation>
    </message>
    <message>
        <source>extend needs --days N, a whole number of working days.</source>
        <translation>extend needs --days N, a whole number of working days.</translation>
    </message>
    <message>
        <source>decide-extension needs either --approve or --refuse.</source>
        <translation>decide-extension needs either --approve or --refuse.</translation>
    </message>
    <message>
        <source>callback needs --answer satisfied, basic or unsatisfied.</source>
        <translation>callback needs --answer satisfied, basic or unsatisfied.</translation>
    </message>
    <message>
        <source>show --format is text or json.</source>
        <translation>show --format is text or json.</translation>
    </message>
    <message>
        <source>ticket %1 does not take %2.</source>
        <translation>ticket %1 does not take %2.</translation>
    </message>
    <message>
        <source>ticket show has no --at: it shows the ticket as recorded.</source>
        <translation>ticket show has no --at: it shows the ticket as recorded.</translation>
    </message>
    <message>
        <source>--at is accepted only on a training database: no back-dating on a real record.</source>
        <translation>--at is accepted only on a training database: no back-dating on a real record.</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>There is no ticket %1.</translation>
    </message>
    <message>
        <source>--at %1 is before the ticket's last event (%2): a drill's clock does not run backwards.</source>
        <translation>--at %1 is before the ticket's last event (%2): a drill's clock does not run backwards.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Ticket %1 · %2 · %3 · %4</source>
        <translation>Ticket %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Caller: %1 %2</source>
        <translation>Caller: %1 %2</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Summary: %1</translation>
    </message>
    <message>
        <source>Department: %1, deadline %2</source>
        <translation>Department: %1, deadline %2</translation>
    </message>
    <message>
        <source>Waits for dispatch since %1.</source>
        <translation>Waits for dispatch since %1.</translation>
    </message>
    <message>
        <source>Waits for the callback since %1.</source>
        <translation>Waits for the callback since %1.</translation>
    </message>
    <message>
        <source>Breached: a department's clock passed its deadline without a reply.</source>
        <translation>Breached: a department's clock passed its deadline without a reply.</translation>
    </message>
    <message>
        <source>  clock %1 from %2, deadline %3: %4%5</source>
        <translation>  clock %1 from %2, deadline %3: %4%5</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>, breached at %1</source>
        <translation>, breached at %1</translation>
    </message>
    <message>
        <source>--assessment needs --year YYYY (the calendar year assessed).</source>
        <translation>--assessment needs --year YYYY (the calendar year assessed).</translation>
    </message>
    <message>
        <source>Give either --year, --month or --from/--to, not several.</source>
        <translation>Give either --year, --month or --from/--to, not several.</translation>
    </message>
    <message>
        <source>"%1" is not a year like 2025.</source>
        <translation>"%1" is not a year like 2025.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE | --year YYYY [--assessment]] [--at ISO8601] [--format text|csv|json|pdf] [-o FILE]</source>
        <translation>Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE | --year YYYY [--assessment]] [--at ISO8601] [--format text|csv|json|pdf] [-o FILE]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl attachment save HASH -o FILE [--as USER]
  HASH is the sha256 that hotlinectl ticket show lists for the file.</source>
        <translation>Usage: hotlinectl attachment save HASH -o FILE [--as USER]
  HASH is the sha256 that hotlinectl ticket show lists for the file.</translation>
    </message>
    <message>
        <source>attachment save does not take %1.</source>
        <translation>attachment save does not take %1.</translation>
    </message>
    <message>
        <source>A file's bytes go to a file: give -o FILE.</source>
        <translation>A file's bytes go to a file: give -o FILE.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl import interview FILE [--type T] [--category NAME] [--town NAME]</source>
        <translation>Usage: hotlinectl import interview FILE [--type T] [--category NAME] [--town NAME]</translation>
    </message>
    <message>
        <source>%1:%2: already imported as %3</source>
        <translation>%1:%2: already imported as %3</translation>
    </message>
    <message>
        <source>Usage: hotlinectl intake token add NAME --channel web|wechat|weibo|petition|interview | intake token list [--format text|json] | intake token revoke NAME</source>
        <translation>Usage: hotlinectl intake token add NAME --channel web|wechat|weibo|petition|interview | intake token list [--format text|json] | intake token revoke NAME</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>revoked %1</translation>
    </message>
    <message>
        <source>Token %1 (%2) added. It is shown only now: give it to the integration; only its hash is kept.</source>
        <translation>Token %1 (%2) added. It is shown only now: give it to the integration; only its hash is kept.</translation>
    </message>
    <message>
        <source>Token %1 revoked: its requests are refused from now on.</source>
        <translation>Token %1 revoked: its requests are refused from now on.</translation>
    </message>
    <message>
        <source>Usage: hotlinectl serve --listen HOST:PORT</source>
        <translation>Usage: hotlinectl serve --listen HOST:PORT</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, e.g. 127.0.0.1:8311 (not %1)</source>
        <translation>--listen needs HOST:PORT, e.g. 127.0.0.1:8311 (not %1)</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>cannot listen on %1: %2</translation>
    </message>
    <message>
        <source>serving %1 on http://%2:%3/ (stop with Ctrl+C)</source>
        <translation>serving %1 on http://%2:%3/ (stop with Ctrl+C)</translation>
    </message>
    <message>
        <source>%1 shared server offline: %2</source>
        <translation>%1 shared server offline: %2</translation>
    </message>
    <message>
        <source>syncing with the shared server every %1 s</source>
        <translation>syncing with the shared server every %1 s</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>Usage: hotlinectl search TEXT [--format text|json] [--limit N] --as USER</source>
        <translation>Usage: hotlinectl search TEXT [--format text|json] [--limit N] --as USER</translation>
    </message>
    <message>
        <source>--limit is a number from 1 to %1.</source>
        <translation>--limit is a number from 1 to %1.</translation>
    </message>
    <message>
        <source>number	status	registered	department	summary</source>
        <translation>number	status	registered	department	summary</translation>
    </message>
    <message>
        <source>%1 shown of more than %2 tickets.</source>
        <translation>%1 shown of more than %2 tickets.</translation>
    </message>
    <message>
        <source>%1 shown of %2 tickets.</source>
        <translation>%1 shown of %2 tickets.</translation>
    </message>
    <message>
        <source>Words of one or two characters alone are looked for in the newest %1 tickets; add a longer word to search them all.</source>
        <translation>Words of one or two characters alone are looked for in the newest %1 tickets; add a longer word to search them all.</translation>
    </message>
    <message>
        <source>files: %1 sent, %2 received, %3 not yet on the server, %4 refused (content does not match its hash)</source>
        <translation>files: %1 sent, %2 received, %3 not yet on the server, %4 refused (content does not match its hash)</translation>
    </message>
    <message>
        <source>%1 is a number of degrees, not "%2".</source>
        <translation>%1 is a number of degrees, not "%2".</translation>
    </message>
    <message>
        <source>%1 now follows %2 and is answered with it.</source>
        <translation>%1 now follows %2 and is answered with it.</translation>
    </message>
    <message>
        <source>%1: attached %2 (%3 bytes, sha256 %4) by %5</source>
        <translation>%1: attached %2 (%3 bytes, sha256 %4) by %5</translation>
    </message>
    <message>
        <source>merge needs --into NUMBER, the ticket the call follows.</source>
        <translation>merge needs --into NUMBER, the ticket the call follows.</translation>
    </message>
    <message>
        <source>ticket sms needs either --on or --off.</source>
        <translation>ticket sms needs either --on or --off.</translation>
    </message>
    <message>
        <source>follow-up needs --text: what the citizen asked.</source>
        <translation>follow-up needs --text: what the citizen asked.</translation>
    </message>
    <message>
        <source>attach --stage is registration, before, after or document.</source>
        <translation>attach --stage is registration, before, after or document.</translation>
    </message>
    <message>
        <source>Place: %1%2</source>
        <translation>Place: %1%2</translation>
    </message>
    <message>
        <source>Follows %1 (the same incident): answered with it.</source>
        <translation>Follows %1 (the same incident): answered with it.</translation>
    </message>
    <message>
        <source>Followers: %1</source>
        <translation>Followers: %1</translation>
    </message>
    <message>
        <source>Progress calls (催办): %1.</source>
        <translation>Progress calls (催办): %1.</translation>
    </message>
    <message>
        <source>The caller declined SMS about this ticket.</source>
        <translation>The caller declined SMS about this ticket.</translation>
    </message>
    <message>
        <source>  file %1 (%2, %3 bytes, %4) by %5 at %6%7</source>
        <translation>  file %1 (%2, %3 bytes, %4) by %5 at %6%7</translation>
    </message>
    <message>
        <source>, not yet received</source>
        <translation>, not yet received</translation>
    </message>
    <message>
        <source>number clashes: %1 ticket number(s) name more than one ticket (two consoles gave them alike); a dispatcher renumbers one of each: hotlinectl ticket renumber NUMBER --id PREFIX --as USER</source>
        <translation>number clashes: %1 ticket number(s) name more than one ticket (two consoles gave them alike); a dispatcher renumbers one of each: hotlinectl ticket renumber NUMBER --id PREFIX --as USER</translation>
    </message>
    <message>
        <source>Console codes and receive times not checked: this login may not read them (use the owner or a console login).</source>
        <translation>Console codes and receive times not checked: this login may not read them (use the owner or a console login).</translation>
    </message>
    <message>
        <source>OK: every event's console code is its login's and its time is within the skew of when the server received it.</source>
        <translation>OK: every event's console code is its login's and its time is within the skew of when the server received it.</translation>
    </message>
    <message>
        <source>%1 events break the server's rules on console codes and times (the first %2 are listed); see docs/TAMPER-EVIDENCE.md.</source>
        <translation>%1 events break the server's rules on console codes and times (the first %2 are listed); see docs/TAMPER-EVIDENCE.md.</translation>
    </message>
    <message>
        <source>number clashes: %1 (ticket numbers that name more than one ticket; hotlinectl verify lists them, hotlinectl ticket renumber resolves one)</source>
        <translation>number clashes: %1 (ticket numbers that name more than one ticket; hotlinectl verify lists them, hotlinectl ticket renumber resolves one)</translation>
    </message>
    <message>
        <source>pushed numbers the server already had under another ticket: %1</source>
        <translation>pushed numbers the server already had under another ticket: %1</translation>
    </message>
    <message>
        <source>%1 needs --url postgresql://OWNER:PASSWORD@HOST:PORT/DATABASE (%2)</source>
        <translation>%1 needs --url postgresql://OWNER:PASSWORD@HOST:PORT/DATABASE (%2)</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server add-console NAME --url URL [--code CC]</source>
        <translation>Usage: hotlinectl server add-console NAME --url URL [--code CC]</translation>
    </message>
    <message>
        <source>the console login needs a password: set HOTLINE_CONSOLE_PASSWORD or give it on standard input</source>
        <translation>the console login needs a password: set HOTLINE_CONSOLE_PASSWORD or give it on standard input</translation>
    </message>
    <message>
        <source>console login %1 has console code %2; the console at that desk syncs with postgresql://%1:PASSWORD@HOST:PORT/DATABASE</source>
        <translation>console login %1 has console code %2; the console at that desk syncs with postgresql://%1:PASSWORD@HOST:PORT/DATABASE</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server remove-console NAME --url URL</source>
        <translation>Usage: hotlinectl server remove-console NAME --url URL</translation>
    </message>
    <message>
        <source>console login %1 (console code %2) can no longer connect or push; its events stay</source>
        <translation>console login %1 (console code %2) can no longer connect or push; its events stay</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server consoles --url URL</source>
        <translation>Usage: hotlinectl server consoles --url URL</translation>
    </message>
    <message>
        <source>no console login: may read, not push</source>
        <translation>no console login: may read, not push</translation>
    </message>
    <message>
        <source>login %1 removed</source>
        <translation>login %1 removed</translation>
    </message>
    <message>
        <source>login %1, not joined yet</source>
        <translation>login %1, not joined yet</translation>
    </message>
    <message>
        <source>login %1, no completed pass yet</source>
        <translation>login %1, no completed pass yet</translation>
    </message>
    <message>
        <source>login %1, last completed pass from %2</source>
        <translation>login %1, last completed pass from %2</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server config --url URL [KEY [VALUE]]</source>
        <translation>Usage: hotlinectl server config --url URL [KEY [VALUE]]</translation>
    </message>
    <message>
        <source>unknown server setting "%1"</source>
        <translation>unknown server setting "%1"</translation>
    </message>
    <message>
        <source>Usage: hotlinectl ticket VERB [NUMBER] [--as USER] [--at ISO8601] [options]
  register --summary TEXT [--type T] [--channel C] [--category NAME] [--town NAME] [--caller-name NAME]
           [--caller-phone PHONE] [--details TEXT] [--class consult|handling] [--no-sms]
           (prints the new number; --no-sms: the caller declines SMS about the ticket)
  dispatch NUMBER --department NAME|CODE      sign NUMBER      reply NUMBER --text TEXT
  return NUMBER --reason TEXT                 transfer NUMBER --department NAME|CODE --reason TEXT
  extend NUMBER --days N --reason TEXT        decide-extension NUMBER --approve|--refuse [--reason TEXT]
  callback NUMBER --answer satisfied|basic|unsatisfied [--text TEXT]
  close NUMBER [--text TEXT]                  reopen NUMBER --reason TEXT
  show NUMBER [--format text|json] [--unmasked]
  merge NUMBER --into NUMBER [--reason TEXT]  (the same incident: NUMBER follows the other and is answered with it)
  follow-up NUMBER --text TEXT   (the citizen's progress call, 催办)
  sms NUMBER --on|--off          (SMS to the caller about this ticket)
  register … [--address TEXT] [--latitude DEG --longitude DEG]   the place of the matter
  attach NUMBER FILE [--stage registration|before|after|document]   a photo or document
  renumber NUMBER [--id PREFIX] [--reason TEXT]   a new number from this console's sequence (prints it)
--id PREFIX picks one ticket when NUMBER names several (two consoles gave it alike); a former number
still finds a renumbered ticket.
--as USER reads USER's password from standard input; on a training database the training users act
without it, and --at backdates or forwards the action (only there).</source>
        <translation>Usage: hotlinectl ticket VERB [NUMBER] [--as USER] [--at ISO8601] [options]
  register --summary TEXT [--type T] [--channel C] [--category NAME] [--town NAME] [--caller-name NAME]
           [--caller-phone PHONE] [--details TEXT] [--class consult|handling] [--no-sms]
           (prints the new number; --no-sms: the caller declines SMS about the ticket)
  dispatch NUMBER --department NAME|CODE      sign NUMBER      reply NUMBER --text TEXT
  return NUMBER --reason TEXT                 transfer NUMBER --department NAME|CODE --reason TEXT
  extend NUMBER --days N --reason TEXT        decide-extension NUMBER --approve|--refuse [--reason TEXT]
  callback NUMBER --answer satisfied|basic|unsatisfied [--text TEXT]
  close NUMBER [--text TEXT]                  reopen NUMBER --reason TEXT
  show NUMBER [--format text|json] [--unmasked]
  merge NUMBER --into NUMBER [--reason TEXT]  (the same incident: NUMBER follows the other and is answered with it)
  follow-up NUMBER --text TEXT   (the citizen's progress call, 催办)
  sms NUMBER --on|--off          (SMS to the caller about this ticket)
  register … [--address TEXT] [--latitude DEG --longitude DEG]   the place of the matter
  attach NUMBER FILE [--stage registration|before|after|document]   a photo or document
  renumber NUMBER [--id PREFIX] [--reason TEXT]   a new number from this console's sequence (prints it)
--id PREFIX picks one ticket when NUMBER names several (two consoles gave it alike); a former number
still finds a renumbered ticket.
--as USER reads USER's password from standard input; on a training database the training users act
without it, and --at backdates or forwards the action (only there).</translation>
    </message>
    <message>
        <source>Pick one with --id PREFIX (the first characters of its id above), or give one of them a new number: hotlinectl ticket renumber %1 --id PREFIX --as USER.</source>
        <translation>Pick one with --id PREFIX (the first characters of its id above), or give one of them a new number: hotlinectl ticket renumber %1 --id PREFIX --as USER.</translation>
    </message>
    <message>
        <source>%1 is the former number of ticket %2.</source>
        <translation>%1 is the former number of ticket %2.</translation>
    </message>
    <message>
        <source>Formerly: %1</source>
        <translation>Formerly: %1</translation>
    </message>
    <message>
        <source>Usage: hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]

Administers a Hotline Console database. --db names the local SQLite file (default: the console's own).
Output goes to stdout, or to FILE with -o; errors go to stderr with a non-zero exit code.

Commands:
  init [--demo | --training]            create or migrate the database; --demo adds demo data;
                                        --training: a training database with training users
  calendar import FILE...               import holiday-cn JSON calendars (all files or none)
  calendar set DATE... off|workday|normal [--note TEXT]
                                        mark dates as off days, make-up working days, or back to Mon-Fri
  calendar list [--year YYYY]           the off days and make-up working days, and which notices are missing
  deadline --class consult|handling --start ISO8601
                                        print the deadline for a dispatch at that instant
  import tickets FILE.csv [--all-errors]
                                        import historical tickets (all rows or none); bad rows are
                                        listed up to 1,000, all of them with --all-errors
  import interview FILE [--type T] [--category NAME] [--town NAME]
                                        a micro-interview's questions as new tickets numbered by this
                                        console (one transaction); prints the numbers
  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]
                                        completion-rate report; --to is exclusive
                                        --at ISO8601: computed as at that instant (default month: its month)
  report --year YYYY [--assessment] [--format text|csv|json|pdf]
                                        a calendar year (to date while it runs); --assessment: the
                                        departments' annual assessment, scored and ranked
  board [--at ISO8601] [--format text|json]
                                        open tickets with colour and remaining working time
  departments import FILE.csv [--all-errors]
                                        name,code,duty_phones,head_phone (all rows or none)
  categories import FILE.csv            code,name,department,class (usual department, consult|handling)
  categories list [--format text|json]  the categories and their routing
  towns import FILE.csv | towns list [--format text|json]
                                        code,name
  export tickets [--month YYYY-MM | --from DATE --to DATE] [--unmasked]
                                        historical ticket CSV; callers masked unless --unmasked (logged)
  access-log [--from DATE --to DATE]    who saw callers in full (views and unmasked exports)
  config get|set KEY [VALUE]            read or change a setting; 'config list' shows them all
                                        (secrets as ••••); set KEY --stdin | --from-file PATH reads it
  verify [--server URL]                 check the hash chain of the event log (or of the server's,
                                        compared with --db's copy when given); names the first
                                        altered, removed, reordered or truncated event
                                        locally, then that the projection is what the events give
                                        (names the first differing ticket); prints the log stamp;
                                        --server also lists events whose console code or time
                                        breaks the server's rules
  rebuild                               derive the ticket projection again from the events
  permissions                           the role × action permission table (Markdown)
  users list | unlock NAME | enable NAME | reset-password NAME
                                        accounts; reset-password reads the new one from stdin
  server init --url URL [--console-role NAME]
                                        create or migrate the shared PostgreSQL server's schema;
                                        --console-role: the restricted login for consoles (password
                                        from HOTLINE_CONSOLE_PASSWORD or stdin)
  server add-console NAME --url URL [--code CC]
                                        one login for one console (password from
                                        HOTLINE_CONSOLE_PASSWORD or stdin); prints its console code
  server remove-console NAME --url URL  end a console's login (its events stay)
  server config --url URL [KEY [VALUE]] the server's settings (max_skew_seconds)
  server consoles --url URL             every console code: its login, machine and last pass
  sync [--server URL] [--once]          join the server and sync (--once: one push and pull, then exit;
                                        without it: keep syncing until stopped, a headless replica)
  sync conflicts [--format text|json]   reference data two consoles edited at once: the edit kept
                                        everywhere and the one that lost (by whom, on which console)
  escalate [--once] [--at ISO8601]      reminders (SMS) and accountability as if at that instant; --once: catch up,
                                        send what is due, then exit; without it: keep escalating
  audit [--from DATE --to DATE] [--entity NAME] [--format text|json]
                                        administrative changes (settings, calendar, departments,
                                        categories, towns, users) with actor, old and new value
  ticket register|dispatch|sign|return|transfer|reply|extend|decide-extension|callback|close|reopen|show|
         follow-up|sms
                                        the console's ticket actions, as --as USER (password on stdin);
                                        register prints the new number; see hotlinectl ticket for options
                                        (on a training database: training users act, --at ISO8601 allowed)
  ticket merge NUMBER --into NUMBER [--reason TEXT]
                                        the same incident: NUMBER follows the other, answered with it
  search TEXT [--format text|json] [--limit N]
                                        find tickets, open or closed, by number, caller phone or text
                                        (summary, details, address, reply), as --as USER sees them
  ticket attach NUMBER FILE [--stage registration|before|after|document]
                                        attach a photo or document (as --as USER)
  attachment save HASH -o FILE          a ticket's file out of the database (the hash that
                                        ticket show lists), for those who may see the ticket
  ticket renumber NUMBER [--id PREFIX] [--reason TEXT]
                                        a new number (printed) for a number two consoles gave alike;
                                        --id PREFIX picks one ticket of several with one number
  intake token add NAME --channel web|wechat|weibo|petition|interview
                                        a token for one integration, printed once (administrators)
  intake token list [--format text|json] | intake token revoke NAME
                                        the integrations' tokens (never the token itself)
  serve --listen HOST:PORT              the intake service for the electronic channels (HTTP API
                                        and Open311 subset) until stopped; see docs/INTAKE.md

Options:
  --db PATH      the database file
  -o FILE        write the output to FILE (whole or not at all) instead of stdout; -o - is stdout.
                 Never the database; an existing file only if it is hotlinectl's unchanged earlier
                 output (or empty)
  --force        let -o replace any other existing file
  --help         this help
  --version      the program's version
</source>
        <translation>Usage: hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]

Administers a Hotline Console database. --db names the local SQLite file (default: the console's own).
Output goes to stdout, or to FILE with -o; errors go to stderr with a non-zero exit code.

Commands:
  init [--demo | --training]            create or migrate the database; --demo adds demo data;
                                        --training: a training database with training users
  calendar import FILE...               import holiday-cn JSON calendars (all files or none)
  calendar set DATE... off|workday|normal [--note TEXT]
                                        mark dates as off days, make-up working days, or back to Mon-Fri
  calendar list [--year YYYY]           the off days and make-up working days, and which notices are missing
  deadline --class consult|handling --start ISO8601
                                        print the deadline for a dispatch at that instant
  import tickets FILE.csv [--all-errors]
                                        import historical tickets (all rows or none); bad rows are
                                        listed up to 1,000, all of them with --all-errors
  import interview FILE [--type T] [--category NAME] [--town NAME]
                                        a micro-interview's questions as new tickets numbered by this
                                        console (one transaction); prints the numbers
  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]
                                        completion-rate report; --to is exclusive
                                        --at ISO8601: computed as at that instant (default month: its month)
  report --year YYYY [--assessment] [--format text|csv|json|pdf]
                                        a calendar year (to date while it runs); --assessment: the
                                        departments' annual assessment, scored and ranked
  board [--at ISO8601] [--format text|json]
                                        open tickets with colour and remaining working time
  departments import FILE.csv [--all-errors]
                                        name,code,duty_phones,head_phone (all rows or none)
  categories import FILE.csv            code,name,department,class (usual department, consult|handling)
  categories list [--format text|json]  the categories and their routing
  towns import FILE.csv | towns list [--format text|json]
                                        code,name
  export tickets [--month YYYY-MM | --from DATE --to DATE] [--unmasked]
                                        historical ticket CSV; callers masked unless --unmasked (logged)
  access-log [--from DATE --to DATE]    who saw callers in full (views and unmasked exports)
  config get|set KEY [VALUE]            read or change a setting; 'config list' shows them all
                                        (secrets as ••••); set KEY --stdin | --from-file PATH reads it
  verify [--server URL]                 check the hash chain of the event log (or of the server's,
                                        compared with --db's copy when given); names the first
                                        altered, removed, reordered or truncated event
                                        locally, then that the projection is what the events give
                                        (names the first differing ticket); prints the log stamp;
                                        --server also lists events whose console code or time
                                        breaks the server's rules
  rebuild                               derive the ticket projection again from the events
  permissions                           the role × action permission table (Markdown)
  users list | unlock NAME | enable NAME | reset-password NAME
                                        accounts; reset-password reads the new one from stdin
  server init --url URL [--console-role NAME]
                                        create or migrate the shared PostgreSQL server's schema;
                                        --console-role: the restricted login for consoles (password
                                        from HOTLINE_CONSOLE_PASSWORD or stdin)
  server add-console NAME --url URL [--code CC]
                                        one login for one console (password from
                                        HOTLINE_CONSOLE_PASSWORD or stdin); prints its console code
  server remove-console NAME --url URL  end a console's login (its events stay)
  server config --url URL [KEY [VALUE]] the server's settings (max_skew_seconds)
  server consoles --url URL             every console code: its login, machine and last pass
  sync [--server URL] [--once]          join the server and sync (--once: one push and pull, then exit;
                                        without it: keep syncing until stopped, a headless replica)
  sync conflicts [--format text|json]   reference data two consoles edited at once: the edit kept
                                        everywhere and the one that lost (by whom, on which console)
  escalate [--once] [--at ISO8601]      reminders (SMS) and accountability as if at that instant; --once: catch up,
                                        send what is due, then exit; without it: keep escalating
  audit [--from DATE --to DATE] [--entity NAME] [--format text|json]
                                        administrative changes (settings, calendar, departments,
                                        categories, towns, users) with actor, old and new value
  ticket register|dispatch|sign|return|transfer|reply|extend|decide-extension|callback|close|reopen|show|
         follow-up|sms
                                        the console's ticket actions, as --as USER (password on stdin);
                                        register prints the new number; see hotlinectl ticket for options
                                        (on a training database: training users act, --at ISO8601 allowed)
  ticket merge NUMBER --into NUMBER [--reason TEXT]
                                        the same incident: NUMBER follows the other, answered with it
  search TEXT [--format text|json] [--limit N]
                                        find tickets, open or closed, by number, caller phone or text
                                        (summary, details, address, reply), as --as USER sees them
  ticket attach NUMBER FILE [--stage registration|before|after|document]
                                        attach a photo or document (as --as USER)
  attachment save HASH -o FILE          a ticket's file out of the database (the hash that
                                        ticket show lists), for those who may see the ticket
  ticket renumber NUMBER [--id PREFIX] [--reason TEXT]
                                        a new number (printed) for a number two consoles gave alike;
                                        --id PREFIX picks one ticket of several with one number
  intake token add NAME --channel web|wechat|weibo|petition|interview
                                        a token for one integration, printed once (administrators)
  intake token list [--format text|json] | intake token revoke NAME
                                        the integrations' tokens (never the token itself)
  serve --listen HOST:PORT              the intake service for the electronic channels (HTTP API
                                        and Open311 subset) until stopped; see docs/INTAKE.md

Options:
  --db PATH      the database file
  -o FILE        write the output to FILE (whole or not at all) instead of stdout; -o - is stdout.
                 Never the database; an existing file only if it is hotlinectl's unchanged earlier
                 output (or empty)
  --force        let -o replace any other existing file
  --help         this help
  --version      the program's version
</translation>
    </message>
    <message>
        <source>password change refused by the server (not sent again): %1</source>
        <translation>password change refused by the server (not sent again): %1</translation>
    </message>
    <message>
        <source>reference row from the server refused (local row kept): %1</source>
        <translation>reference row from the server refused (local row kept): %1</translation>
    </message>
    <message>
        <source>reference conflicts not yet seen: %1 (hotlinectl sync conflicts)</source>
        <translation>reference conflicts not yet seen: %1 (hotlinectl sync conflicts)</translation>
    </message>
    <message>
        <source>Usage: hotlinectl sync conflicts [--format text|json]</source>
        <translation>Usage: hotlinectl sync conflicts [--format text|json]</translation>
    </message>
    <message>
        <source>no reference conflicts</source>
        <translation>no reference conflicts</translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation>%1 %2%3</translation>
    </message>
    <message>
        <source> (new)</source>
        <translation> (new)</translation>
    </message>
    <message>
        <source>  kept: %1 by %2 on console %3: %4</source>
        <translation>  kept: %1 by %2 on console %3: %4</translation>
    </message>
    <message>
        <source>  lost: %1 by %2 on console %3: %4</source>
        <translation>  lost: %1 by %2 on console %3: %4</translation>
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
    <message>
        <source>The database %1 is read-only: Hotline Console must be able to write to the file and to its folder %2. Ask an administrator to make them writable; the database was left untouched.</source>
        <translation>The database %1 is read-only: Hotline Console must be able to write to the file and to its folder %2. Ask an administrator to make them writable; the database was left untouched.</translation>
    </message>
    <message>
        <source>the file is shorter than its header says</source>
        <translation>the file is shorter than its header says</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>the database</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. Free some space and try again; nothing already saved was lost.</source>
        <translation>The disk is full: the change was not saved. Free some space and try again; nothing already saved was lost.</translation>
    </message>
    <message>
        <source>%1 cannot be written (the file or its folder is read-only): the change was not saved; nothing already saved was lost. Ask an administrator to make them writable.</source>
        <translation>%1 cannot be written (the file or its folder is read-only): the change was not saved; nothing already saved was lost. Ask an administrator to make them writable.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Nothing more was written to it. Restore the latest backup, or ask an administrator to check it (hotlinectl verify).</source>
        <translation>%1 is damaged (%2). Nothing more was written to it. Restore the latest backup, or ask an administrator to check it (hotlinectl verify).</translation>
    </message>
    <message>
        <source>The disk holding %1 could not be read or written (%2): the change was not saved. Check the disk and try again; nothing already saved was lost.</source>
        <translation>The disk holding %1 could not be read or written (%2): the change was not saved. Check the disk and try again; nothing already saved was lost.</translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2): check that the file and its folder exist and may be written.</source>
        <translation>%1 cannot be opened (%2): check that the file and its folder exist and may be written.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Cannot create the database %1: %2</translation>
    </message>
    <message>
        <source>Deriving the tickets again after the upgrade failed: %1</source>
        <translation>Deriving the tickets again after the upgrade failed: %1</translation>
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
    <name>DepartmentContacts</name>
    <message>
        <source>A department needs a code and a name.</source>
        <translation>A department needs a code and a name.</translation>
    </message>
    <message>
        <source>Give one phone number for the department head.</source>
        <translation>Give one phone number for the department head.</translation>
    </message>
    <message>
        <source>Cannot save the department: %1</source>
        <translation>Cannot save the department: %1</translation>
    </message>
    <message>
        <source>The department's name contains the invisible or control character %1.</source>
        <translation>The department's name contains the invisible or control character %1.</translation>
    </message>
    <message>
        <source>The department's code contains the invisible or control character %1.</source>
        <translation>The department's code contains the invisible or control character %1.</translation>
    </message>
    <message>
        <source>A department's name has at most %1 characters, its code at most %2.</source>
        <translation>A department's name has at most %1 characters, its code at most %2.</translation>
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
    <message>
        <source>name “%1” contains the invisible or control character %2</source>
        <translation>name “%1” contains the invisible or control character %2</translation>
    </message>
</context>
<context>
    <name>DepartmentImporter</name>
    <message>
        <source>%1: cannot save the departments: %2</source>
        <translation>%1: cannot save the departments: %2</translation>
    </message>
    <message>
        <source>%1: cannot start writing: %2</source>
        <translation>%1: cannot start writing: %2</translation>
    </message>
    <message>
        <source>%1: cannot read the departments: %2</source>
        <translation>%1: cannot read the departments: %2</translation>
    </message>
    <message>
        <source>line %1 already updates the department %2 (code %3); one department, one row</source>
        <translation>line %1 already updates the department %2 (code %3); one department, one row</translation>
    </message>
    <message>
        <source>the name %1 belongs to the department with code %2; a name still in use cannot be given to another department (to swap names, rename one of them in a separate import first)</source>
        <translation>the name %1 belongs to the department with code %2; a name still in use cannot be given to another department (to swap names, rename one of them in a separate import first)</translation>
    </message>
    <message>
        <source>%1:%2: cannot save the department %3 (%4): %5</source>
        <translation>%1:%2: cannot save the department %3 (%4): %5</translation>
    </message>
    <message>
        <source>%1:%2: cannot save the code %3 of the department %4: %5</source>
        <translation>%1:%2: cannot save the code %3 of the department %4: %5</translation>
    </message>
    <message>
        <source>%1 keeps its code %2, which its tickets' history refers to; later imports also find it by %3.</source>
        <translation>%1 keeps its code %2, which its tickets' history refers to; later imports also find it by %3.</translation>
    </message>
</context>
<context>
    <name>DeskBoard</name>
    <message>
        <source>Waiting for callback</source>
        <translation>Waiting for callback</translation>
    </message>
    <message>
        <source>Waiting for re-dispatch</source>
        <translation>Waiting for re-dispatch</translation>
    </message>
    <message>
        <source>Waiting for dispatch</source>
        <translation>Waiting for dispatch</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>blue</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>amber</translation>
    </message>
    <message>
        <source>magenta</source>
        <translation>magenta</translation>
    </message>
    <message>
        <source>Dispatch desk: %1 magenta (past the limit), %2 amber, %3 blue
</source>
        <translation>Dispatch desk: %1 magenta (past the limit), %2 amber, %3 blue
</translation>
    </message>
    <message numerus="yes">
        <source>Reminders go to %n duty phone(s) of the dispatch desk.
</source>
        <translation>
            <numerusform>Reminders go to %n duty phone of the dispatch desk.
</numerusform>
            <numerusform>Reminders go to %n duty phones of the dispatch desk.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders are off: no duty phones are configured (dispatch.duty_phones).
</source>
        <translation>Reminders are off: no duty phones are configured (dispatch.duty_phones).
</translation>
    </message>
</context>
<context>
    <name>DeskText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DispatchTransfer</name>
    <message>
        <source>Select a ticket that is with a department.</source>
        <translation>Select a ticket that is with a department.</translation>
    </message>
    <message>
        <source>There is no other department to transfer ticket %1 to.</source>
        <translation>There is no other department to transfer ticket %1 to.</translation>
    </message>
    <message>
        <source>Transfer ticket %1</source>
        <translation>Transfer ticket %1</translation>
    </message>
    <message>
        <source>Now with %1. Transfer to:</source>
        <translation>Now with %1. Transfer to:</translation>
    </message>
    <message>
        <source>Choose one of the departments offered.</source>
        <translation>Choose one of the departments offered.</translation>
    </message>
    <message>
        <source>Why does it go to %1? The departments see this reason.</source>
        <translation>Why does it go to %1? The departments see this reason.</translation>
    </message>
    <message>
        <source>Give the reason for the transfer; ticket %1 was not transferred.</source>
        <translation>Give the reason for the transfer; ticket %1 was not transferred.</translation>
    </message>
    <message>
        <source>Ticket %1 transferred from %2 to %3 with a new time limit.</source>
        <translation>Ticket %1 transferred from %2 to %3 with a new time limit.</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Phone hotline</source>
        <translation>Phone hotline</translation>
    </message>
    <message>
        <source>Microblog</source>
        <translation>Microblog</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Online petition</source>
        <translation>Online petition</translation>
    </message>
    <message>
        <source>Micro-interview</source>
        <translation>Micro-interview</translation>
    </message>
    <message>
        <source>Walk-in or letter</source>
        <translation>Walk-in or letter</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Help request</source>
        <translation>Help request</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Consult (1 working day)</source>
        <translation>Consult (1 working day)</translation>
    </message>
    <message>
        <source>Handling (5 working days)</source>
        <translation>Handling (5 working days)</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
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
        <source>Waiting for dispatch</source>
        <translation>Waiting for dispatch</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>Extension requested</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>Extension approved</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>Extension refused</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Urged</source>
        <translation>Urged</translation>
    </message>
    <message>
        <source>Reminder SMS sent</source>
        <translation>Reminder SMS sent</translation>
    </message>
    <message>
        <source>Overdue: accountability opened</source>
        <translation>Overdue: accountability opened</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Call-taker</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <source>Department liaison</source>
        <translation>Department liaison</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>register tickets</source>
        <translation>register tickets</translation>
    </message>
    <message>
        <source>dispatch tickets</source>
        <translation>dispatch tickets</translation>
    </message>
    <message>
        <source>sign for tickets</source>
        <translation>sign for tickets</translation>
    </message>
    <message>
        <source>reply to tickets</source>
        <translation>reply to tickets</translation>
    </message>
    <message>
        <source>request extensions</source>
        <translation>request extensions</translation>
    </message>
    <message>
        <source>approve or refuse extensions</source>
        <translation>approve or refuse extensions</translation>
    </message>
    <message>
        <source>return tickets</source>
        <translation>return tickets</translation>
    </message>
    <message>
        <source>transfer tickets</source>
        <translation>transfer tickets</translation>
    </message>
    <message>
        <source>urge tickets</source>
        <translation>urge tickets</translation>
    </message>
    <message>
        <source>record callbacks</source>
        <translation>record callbacks</translation>
    </message>
    <message>
        <source>close tickets</source>
        <translation>close tickets</translation>
    </message>
    <message>
        <source>reopen tickets</source>
        <translation>reopen tickets</translation>
    </message>
    <message>
        <source>see every department's tickets</source>
        <translation>see every department's tickets</translation>
    </message>
    <message>
        <source>see callers' full names and numbers</source>
        <translation>see callers' full names and numbers</translation>
    </message>
    <message>
        <source>see the accountability log</source>
        <translation>see the accountability log</translation>
    </message>
    <message>
        <source>see reports</source>
        <translation>see reports</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>export data</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>manage departments</source>
        <translation>manage departments</translation>
    </message>
    <message>
        <source>manage the holiday calendar</source>
        <translation>manage the holiday calendar</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>change settings</translation>
    </message>
    <message>
        <source>manage the shared server connection</source>
        <translation>manage the shared server connection</translation>
    </message>
    <message>
        <source>see the access log</source>
        <translation>see the access log</translation>
    </message>
    <message>
        <source>import historical tickets</source>
        <translation>import historical tickets</translation>
    </message>
    <message>
        <source>review sync conflicts</source>
        <translation>review sync conflicts</translation>
    </message>
    <message>
        <source>Deadline re-decided after a calendar change</source>
        <translation>Deadline re-decided after a calendar change</translation>
    </message>
    <message>
        <source>manage categories and towns</source>
        <translation>manage categories and towns</translation>
    </message>
    <message>
        <source>Administrative change</source>
        <translation>Administrative change</translation>
    </message>
    <message>
        <source>view the administrative changes</source>
        <translation>view the administrative changes</translation>
    </message>
    <message>
        <source>Citizen asked about progress</source>
        <translation>Citizen asked about progress</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>File attached</translation>
    </message>
    <message>
        <source>Merged into another ticket</source>
        <translation>Merged into another ticket</translation>
    </message>
    <message>
        <source>Citizen SMS preference changed</source>
        <translation>Citizen SMS preference changed</translation>
    </message>
    <message>
        <source>record a citizen's progress call</source>
        <translation>record a citizen's progress call</translation>
    </message>
    <message>
        <source>attach files</source>
        <translation>attach files</translation>
    </message>
    <message>
        <source>merge tickets of the same incident</source>
        <translation>merge tickets of the same incident</translation>
    </message>
    <message>
        <source>manage the electronic channels' tokens</source>
        <translation>manage the electronic channels' tokens</translation>
    </message>
    <message>
        <source>Renumbered</source>
        <translation>Renumbered</translation>
    </message>
    <message>
        <source>renumber tickets</source>
        <translation>renumber tickets</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <source>The draft could not be removed: %1</source>
        <translation>The draft could not be removed: %1</translation>
    </message>
</context>
<context>
    <name>EventDescriptions</name>
    <message>
        <source>%1 · console %2</source>
        <translation>%1 · console %2</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Channel: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Type: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>Town: %1</source>
        <translation>Town: %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>To %1</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>deadline %1</translation>
    </message>
    <message>
        <source>new deadline %1</source>
        <translation>new deadline %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Reply: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more working day(s)</source>
        <translation>
            <numerusform>%n more working day</numerusform>
            <numerusform>%n more working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Satisfaction: %1</source>
        <translation>Satisfaction: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>deadline was %1</source>
        <translation>deadline was %1</translation>
    </message>
    <message>
        <source>the reply to ticket %1, which this one follows</source>
        <translation>the reply to ticket %1, which this one follows</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <source>follows ticket %1</source>
        <translation>follows ticket %1</translation>
    </message>
    <message>
        <source>the caller receives SMS again</source>
        <translation>the caller receives SMS again</translation>
    </message>
    <message>
        <source>the caller wants no SMS</source>
        <translation>the caller wants no SMS</translation>
    </message>
    <message>
        <source>was %1, now %2</source>
        <translation>was %1, now %2</translation>
    </message>
</context>
<context>
    <name>FieldErrorDisplay</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>HolidayCnParser</name>
    <message>
        <source>The holiday calendar is not valid JSON: %1 (at character %2).</source>
        <translation>The holiday calendar is not valid JSON: %1 (at character %2).</translation>
    </message>
    <message>
        <source>The holiday calendar must be a JSON object with "year" and "days".</source>
        <translation>The holiday calendar must be a JSON object with "year" and "days".</translation>
    </message>
    <message>
        <source>The holiday calendar needs "year" as a whole number between 1900 and 2200.</source>
        <translation>The holiday calendar needs "year" as a whole number between 1900 and 2200.</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 needs "days" as a list.</source>
        <translation>The holiday calendar for %1 needs "days" as a list.</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 is not an object.</source>
        <translation>Entry %1 of the holiday calendar for %2 is not an object.</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has no "date" text.</source>
        <translation>Entry %1 of the holiday calendar for %2 has no "date" text.</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has an invalid date "%3" (expected YYYY-MM-DD).</source>
        <translation>Entry %1 of the holiday calendar for %2 has an invalid date "%3" (expected YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 is too far from that year.</source>
        <translation>Entry %1 (%2) of the holiday calendar for %3 is too far from that year.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 has no "name" text.</source>
        <translation>Entry %1 (%2) of the holiday calendar for %3 has no "name" text.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 needs "isOffDay" as true or false.</source>
        <translation>Entry %1 (%2) of the holiday calendar for %3 needs "isOffDay" as true or false.</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 lists %2 twice, once as an off day and once as a working day (entries %3 and %4 of "days").</source>
        <translation>The holiday calendar for %1 lists %2 twice, once as an off day and once as a working day (entries %3 and %4 of "days").</translation>
    </message>
</context>
<context>
    <name>IntakeApi</name>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 must be a string.</translation>
    </message>
    <message>
        <source>%1 must be a number (degrees).</source>
        <translation>%1 must be a number (degrees).</translation>
    </message>
    <message>
        <source>This address does not take %1.</source>
        <translation>This address does not take %1.</translation>
    </message>
    <message>
        <source>There is nothing at this address; see docs/INTAKE.md.</source>
        <translation>There is nothing at this address; see docs/INTAKE.md.</translation>
    </message>
    <message>
        <source>Give the integration's token: Authorization: Bearer TOKEN.</source>
        <translation>Give the integration's token: Authorization: Bearer TOKEN.</translation>
    </message>
    <message>
        <source>The token is not valid (unknown or revoked).</source>
        <translation>The token is not valid (unknown or revoked).</translation>
    </message>
    <message>
        <source>Too many requests: at most %1 a minute. Try again in %2 s.</source>
        <translation>Too many requests: at most %1 a minute. Try again in %2 s.</translation>
    </message>
    <message>
        <source>The request was not saved: %1</source>
        <translation>The request was not saved: %1</translation>
    </message>
    <message>
        <source>The request is too large (at most %1 KiB).</source>
        <translation>The request is too large (at most %1 KiB).</translation>
    </message>
    <message>
        <source>The body is not JSON (%1 at byte %2).</source>
        <translation>The body is not JSON (%1 at byte %2).</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>The body must be a JSON object.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>type must be consult, complaint, help, suggestion or report.</source>
        <translation>type must be consult, complaint, help, suggestion or report.</translation>
    </message>
    <message>
        <source>There is no category %1 (give its name or code).</source>
        <translation>There is no category %1 (give its name or code).</translation>
    </message>
    <message>
        <source>There is no town %1 (give its name or code).</source>
        <translation>There is no town %1 (give its name or code).</translation>
    </message>
    <message>
        <source>There is no request with this number.</source>
        <translation>There is no request with this number.</translation>
    </message>
    <message>
        <source>The body is not a JSON object.</source>
        <translation>The body is not a JSON object.</translation>
    </message>
    <message>
        <source>type: must be consult, complaint, help, suggestion or report.</source>
        <translation>type: must be consult, complaint, help, suggestion or report.</translation>
    </message>
    <message>
        <source>service_code: required (see services.json).</source>
        <translation>service_code: required (see services.json).</translation>
    </message>
    <message>
        <source>service_code: there is no service %1 (see services.json).</source>
        <translation>service_code: there is no service %1 (see services.json).</translation>
    </message>
    <message>
        <source>%1: must be a number (degrees).</source>
        <translation>%1: must be a number (degrees).</translation>
    </message>
    <message>
        <source>%1 (registered %2: %3)</source>
        <translation>%1 (registered %2: %3)</translation>
    </message>
    <message>
        <source>This number names %1 requests; ask again with ?id= and one of: %2</source>
        <translation>This number names %1 requests; ask again with ?id= and one of: %2</translation>
    </message>
</context>
<context>
    <name>IntakeService</name>
    <message>
        <source>An Idempotency-Key is 1 to %1 characters.</source>
        <translation>An Idempotency-Key is 1 to %1 characters.</translation>
    </message>
    <message>
        <source>An Idempotency-Key is made of visible ASCII characters only (e.g. a UUID).</source>
        <translation>An Idempotency-Key is made of visible ASCII characters only (e.g. a UUID).</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different request (ticket %2); use a new key for a new request.</source>
        <translation>The Idempotency-Key %1 was used for a different request (ticket %2); use a new key for a new request.</translation>
    </message>
    <message>
        <source>Received; waiting to be passed to a department</source>
        <translation>Received; waiting to be passed to a department</translation>
    </message>
    <message>
        <source>Being handled by the department</source>
        <translation>Being handled by the department</translation>
    </message>
    <message>
        <source>Answered by the department</source>
        <translation>Answered by the department</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>IntakeTokens</name>
    <message>
        <source>A token's name is 1 to 64 letters A–Z, digits, dots, underscores or hyphens (e.g. wechat-main).</source>
        <translation>A token's name is 1 to 64 letters A–Z, digits, dots, underscores or hyphens (e.g. wechat-main).</translation>
    </message>
    <message>
        <source>An intake token is for web, wechat, weibo, petition or interview, not %1.</source>
        <translation>An intake token is for web, wechat, weibo, petition or interview, not %1.</translation>
    </message>
    <message>
        <source>There is already a token named %1 (revoked tokens keep their name).</source>
        <translation>There is already a token named %1 (revoked tokens keep their name).</translation>
    </message>
    <message>
        <source>There is no token named %1.</source>
        <translation>There is no token named %1.</translation>
    </message>
    <message>
        <source>The token %1 is already revoked.</source>
        <translation>The token %1 is already revoked.</translation>
    </message>
</context>
<context>
    <name>InterviewImport</name>
    <message>
        <source>Micro-interview question asked at %1.</source>
        <translation>Micro-interview question asked at %1.</translation>
    </message>
    <message>
        <source>Micro-interview question.</source>
        <translation>Micro-interview question.</translation>
    </message>
    <message>
        <source>There is no active category "%1".</source>
        <translation>There is no active category "%1".</translation>
    </message>
    <message>
        <source>There is no active town "%1".</source>
        <translation>There is no active town "%1".</translation>
    </message>
    <message>
        <source>There is no question left to import.</source>
        <translation>There is no question left to import.</translation>
    </message>
    <message>
        <source>A question of this file was imported meanwhile; open the file again to see which.</source>
        <translation>A question of this file was imported meanwhile; open the file again to see which.</translation>
    </message>
</context>
<context>
    <name>InterviewQuestions</name>
    <message>
        <source>name shortened to %1 characters</source>
        <translation>name shortened to %1 characters</translation>
    </message>
    <message>
        <source>the question is empty</source>
        <translation>the question is empty</translation>
    </message>
    <message>
        <source>the question is too long (%1 characters, at most %2)</source>
        <translation>the question is too long (%1 characters, at most %2)</translation>
    </message>
    <message>
        <source>"%1" is not a time (write e.g. 2026-12-06 14:03 or 14:03)</source>
        <translation>"%1" is not a time (write e.g. 2026-12-06 14:03 or 14:03)</translation>
    </message>
    <message>
        <source>long: the summary is its first %1 characters, the details the whole</source>
        <translation>long: the summary is its first %1 characters, the details the whole</translation>
    </message>
    <message>
        <source>the same question as on line %1</source>
        <translation>the same question as on line %1</translation>
    </message>
    <message>
        <source>The text is neither UTF-8 nor GB18030; save it as "CSV UTF-8" and try again.</source>
        <translation>The text is neither UTF-8 nor GB18030; save it as "CSV UTF-8" and try again.</translation>
    </message>
    <message>
        <source>There are no questions in it.</source>
        <translation>There are no questions in it.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is too big for a questions file (%2 MB, at most %3 MB).</source>
        <translation>%1 is too big for a questions file (%2 MB, at most %3 MB).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Lockout</name>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n more minute(s). An administrator can unlock it.</source>
        <translation>
            <numerusform>Too many failed sign-ins: this account is locked for %n more minute. An administrator can unlock it.</numerusform>
            <numerusform>Too many failed sign-ins: this account is locked for %n more minutes. An administrator can unlock it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogStamp</name>
    <message>
        <source>Event log: %1 events, head %2</source>
        <translation>Event log: %1 events, head %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
</context>
<context>
    <name>NumberClashes</name>
    <message>
        <source>%1 names %2 tickets:</source>
        <translation>%1 names %2 tickets:</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>%1 is the database (or one of its -wal/-shm files): output is never written there, not even with --force. Choose another file.</source>
        <translation>%1 is the database (or one of its -wal/-shm files): output is never written there, not even with --force. Choose another file.</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name.</source>
        <translation>%1 is a folder; give a file name.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; give a file name (or -o - for standard output).</source>
        <translation>%1 is not a regular file; give a file name (or -o - for standard output).</translation>
    </message>
    <message>
        <source>%1 already exists and is not an unchanged earlier output of hotlinectl; nothing was written. Give --force to replace it, or choose another file.</source>
        <translation>%1 already exists and is not an unchanged earlier output of hotlinectl; nothing was written. Give --force to replace it, or choose another file.</translation>
    </message>
    <message>
        <source>%1 is the open database (or one of its -wal/-shm files); nothing was written there.</source>
        <translation>%1 is the open database (or one of its -wal/-shm files); nothing was written there.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>%1 is hotlinectl's list of its earlier outputs: output is never written there, not even with --force. Choose another file.</source>
        <translation>%1 is hotlinectl's list of its earlier outputs: output is never written there, not even with --force. Choose another file.</translation>
    </message>
</context>
<context>
    <name>OutputLedger</name>
    <message>
        <source>Cannot lock %1.</source>
        <translation>Cannot lock %1.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
    <message>
        <source>The password must contain both letters and digits.</source>
        <translation>The password must contain both letters and digits.</translation>
    </message>
    <message>
        <source>The password must not contain the sign-in name.</source>
        <translation>The password must not contain the sign-in name.</translation>
    </message>
    <message>
        <source>This password is too common; choose another.</source>
        <translation>This password is too common; choose another.</translation>
    </message>
    <message>
        <source>At least %1 characters with letters and digits, not containing the sign-in name.</source>
        <translation>At least %1 characters with letters and digits, not containing the sign-in name.</translation>
    </message>
</context>
<context>
    <name>PdfToUnicode</name>
    <message>
        <source>The PDF has no cross-reference table this program can read.</source>
        <translation>The PDF has no cross-reference table this program can read.</translation>
    </message>
    <message>
        <source>Cannot read the text map of font %1 (object %2).</source>
        <translation>Cannot read the text map of font %1 (object %2).</translation>
    </message>
    <message>
        <source>Cannot parse the text map of font %1 (object %2).</source>
        <translation>Cannot parse the text map of font %1 (object %2).</translation>
    </message>
    <message>
        <source>The PDF's objects overlap its cross-reference table.</source>
        <translation>The PDF's objects overlap its cross-reference table.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1 (%2) may not %3.</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>This user</translation>
    </message>
    <message>
        <source>%1 may %2 only tickets of their own department.</source>
        <translation>%1 may %2 only tickets of their own department.</translation>
    </message>
    <message>
        <source>%1 may %2 only a ticket still at intake or answered by its department.</source>
        <translation>%1 may %2 only a ticket still at intake or answered by its department.</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>no server address given</source>
        <translation>no server address given</translation>
    </message>
    <message>
        <source>not a PostgreSQL address</source>
        <translation>not a PostgreSQL address</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>out of memory</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>not connected to the server</translation>
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
    <name>PrivateFiles</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 is not a folder.</translation>
    </message>
</context>
<context>
    <name>ProjectionDifference</name>
    <message>
        <source>ticket %1</source>
        <translation>ticket %1</translation>
    </message>
    <message>
        <source>%1 row %2</source>
        <translation>%1 row %2</translation>
    </message>
    <message>
        <source>%1 row of event %2</source>
        <translation>%1 row of event %2</translation>
    </message>
    <message>
        <source>%1: %2.%3 is %4 in the database, the events give %5</source>
        <translation>%1: %2.%3 is %4 in the database, the events give %5</translation>
    </message>
    <message>
        <source>%1: the events give a %2 that the database does not have</source>
        <translation>%1: the events give a %2 that the database does not have</translation>
    </message>
    <message>
        <source>%1: the database has a %2 that the events do not give</source>
        <translation>%1: the database has a %2 that the events do not give</translation>
    </message>
</context>
<context>
    <name>ProjectionVerifier</name>
    <message>
        <source>the local database is not open</source>
        <translation>the local database is not open</translation>
    </message>
    <message>
        <source>the projection tables (tickets, dispatches, callbacks, ticket_attachments) are not all there</source>
        <translation>the projection tables (tickets, dispatches, callbacks, ticket_attachments) are not all there</translation>
    </message>
    <message>
        <source>The search index holds %1 documents for %2 tickets: run `hotlinectl rebuild` to renew it.</source>
        <translation>The search index holds %1 documents for %2 tickets: run `hotlinectl rebuild` to renew it.</translation>
    </message>
</context>
<context>
    <name>ReferenceConflicts</name>
    <message>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>ReferenceCsvReader</name>
    <message>
        <source>code “%1” already appears on line %2</source>
        <translation>code “%1” already appears on line %2</translation>
    </message>
    <message>
        <source>name “%1” already appears on line %2</source>
        <translation>name “%1” already appears on line %2</translation>
    </message>
    <message>
        <source>class “%1” is not consult or handling (leave it empty to follow the ticket type)</source>
        <translation>class “%1” is not consult or handling (leave it empty to follow the ticket type)</translation>
    </message>
</context>
<context>
    <name>ReferenceData</name>
    <message>
        <source>cannot record the %1 update</source>
        <translation>cannot record the %1 update</translation>
    </message>
    <message>
        <source>the value is not text</source>
        <translation>the value is not text</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>does not fit this database: %1</source>
        <translation>does not fit this database: %1</translation>
    </message>
    <message>
        <source>cannot record the reference update</source>
        <translation>cannot record the reference update</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 is missing</translation>
    </message>
    <message>
        <source>%1 contains the invisible or control character %2</source>
        <translation>%1 contains the invisible or control character %2</translation>
    </message>
    <message>
        <source>its %1 is not the row's key %2</source>
        <translation>its %1 is not the row's key %2</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>the code</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>the name</translation>
    </message>
    <message>
        <source>%1 is not text</source>
        <translation>%1 is not text</translation>
    </message>
    <message>
        <source>more than one head phone</source>
        <translation>more than one head phone</translation>
    </message>
    <message>
        <source>the code is not text</source>
        <translation>the code is not text</translation>
    </message>
    <message>
        <source>active is neither 0 nor 1</source>
        <translation>active is neither 0 nor 1</translation>
    </message>
    <message>
        <source>"%1" is not a time-limit class (consult or handling)</source>
        <translation>"%1" is not a time-limit class (consult or handling)</translation>
    </message>
    <message>
        <source>the department is not text</source>
        <translation>the department is not text</translation>
    </message>
    <message>
        <source>"%1" is not a date (YYYY-MM-DD)</source>
        <translation>"%1" is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>is_off_day is neither 0 nor 1</source>
        <translation>is_off_day is neither 0 nor 1</translation>
    </message>
    <message>
        <source>the name is not text</source>
        <translation>the name is not text</translation>
    </message>
    <message>
        <source>the sign-in name</source>
        <translation>the sign-in name</translation>
    </message>
    <message>
        <source>"%1" is not a role</source>
        <translation>"%1" is not a role</translation>
    </message>
    <message>
        <source>the display name is missing</source>
        <translation>the display name is missing</translation>
    </message>
    <message>
        <source>%1 is neither 0 nor 1</source>
        <translation>%1 is neither 0 nor 1</translation>
    </message>
    <message>
        <source>not a shared table</source>
        <translation>not a shared table</translation>
    </message>
</context>
<context>
    <name>ReferenceImporter</name>
    <message>
        <source>department “%1” is not a known department (code or name)</source>
        <translation>department “%1” is not a known department (code or name)</translation>
    </message>
    <message>
        <source>%1: the file has no data rows</source>
        <translation>%1: the file has no data rows</translation>
    </message>
    <message>
        <source>%1: cannot save the import: %2</source>
        <translation>%1: cannot save the import: %2</translation>
    </message>
    <message>
        <source>name “%1” is already another entry's</source>
        <translation>name “%1” is already another entry's</translation>
    </message>
    <message>
        <source>name “%1” is already the name of %2, which this file does not change</source>
        <translation>name “%1” is already the name of %2, which this file does not change</translation>
    </message>
</context>
<context>
    <name>ReferenceStore</name>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>class “%1” is not consult or handling</source>
        <translation>class “%1” is not consult or handling</translation>
    </message>
    <message>
        <source>department “%1” is not a known department (code or name)</source>
        <translation>department “%1” is not a known department (code or name)</translation>
    </message>
    <message>
        <source>“%1” no longer exists (changed on another console?)</source>
        <translation>“%1” no longer exists (changed on another console?)</translation>
    </message>
    <message>
        <source>code “%1” is already used by “%2”</source>
        <translation>code “%1” is already used by “%2”</translation>
    </message>
    <message>
        <source>“%1” already exists</source>
        <translation>“%1” already exists</translation>
    </message>
    <message>
        <source>cannot record the change of %1</source>
        <translation>cannot record the change of %1</translation>
    </message>
</context>
<context>
    <name>ReferenceText</name>
    <message>
        <source>%1 is empty</source>
        <translation>%1 is empty</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 is longer than %2 characters</translation>
    </message>
    <message>
        <source>%1 “%2” contains control or invisible characters</source>
        <translation>%1 “%2” contains control or invisible characters</translation>
    </message>
    <message>
        <source>%1 “%2” contains spaces</source>
        <translation>%1 “%2” contains spaces</translation>
    </message>
</context>
<context>
    <name>ReferenceVerifier</name>
    <message>
        <source>no such row</source>
        <translation>no such row</translation>
    </message>
    <message>
        <source>cannot read the administrative events: %1</source>
        <translation>cannot read the administrative events: %1</translation>
    </message>
    <message>
        <source>cannot read the %1 rows: %2</source>
        <translation>cannot read the %1 rows: %2</translation>
    </message>
    <message>
        <source>%1 “%2” differs from the administrative log: the log says %3, the table holds %4</source>
        <translation>%1 “%2” differs from the administrative log: the log says %3, the table holds %4</translation>
    </message>
    <message numerus="yes">
        <source>%n reference row(s) match the administrative log</source>
        <translation>
            <numerusform>%n reference row matches the administrative log</numerusform>
            <numerusform>%n reference rows match the administrative log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplicaStore</name>
    <message>
        <source>cannot record the sync position</source>
        <translation>cannot record the sync position</translation>
    </message>
    <message>
        <source>no longer applies after an earlier action from another console</source>
        <translation>no longer applies after an earlier action from another console</translation>
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
    <name>ReportCharts</name>
    <message>
        <source>Ranked</source>
        <translation>Ranked</translation>
    </message>
    <message numerus="yes">
        <source>Fewer than %n completed (not ranked)</source>
        <translation>
            <numerusform>Fewer than %n completed (not ranked)</numerusform>
            <numerusform>Fewer than %n completed (not ranked)</numerusform>
        </translation>
    </message>
    <message>
        <source>On-time completion rate (%)</source>
        <translation>On-time completion rate (%)</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>%1: %2 (%3 %)</source>
        <translation>%1: %2 (%3 %)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Week starting</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — satisfaction rate %2 %</source>
        <translation>%1 — satisfaction rate %2 %</translation>
    </message>
    <message>
        <source>On-time completion rate by department</source>
        <translation>On-time completion rate by department</translation>
    </message>
    <message>
        <source>Daily intake by channel</source>
        <translation>Daily intake by channel</translation>
    </message>
    <message>
        <source>Share by type</source>
        <translation>Share by type</translation>
    </message>
    <message>
        <source>Overdue per week</source>
        <translation>Overdue per week</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Monthly intake by channel</source>
        <translation>Monthly intake by channel</translation>
    </message>
</context>
<context>
    <name>ReportCorrections</name>
    <message numerus="yes">
        <source>Corrected after the period closed: %n ticket(s)</source>
        <translation>
            <numerusform>Corrected after the period closed: %n ticket</numerusform>
            <numerusform>Corrected after the period closed: %n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>the figures differ from those at the end of the period; the tickets are listed at the end of the report.</source>
        <translation>the figures differ from those at the end of the period; the tickets are listed at the end of the report.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) registered in the period were first dispatched after it and now count in their department's row.</source>
        <translation>
            <numerusform>%n ticket registered in the period were first dispatched after it and now count in their department's row.</numerusform>
            <numerusform>%n tickets registered in the period were first dispatched after it and now count in their department's row.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportData</name>
    <message>
        <source>The period has not begun: no open ticket counts as overdue.</source>
        <translation>The period has not begun: no open ticket counts as overdue.</translation>
    </message>
    <message>
        <source>The period is not over: overdue counts the open tickets past their deadline at %1, as the board does at that instant.</source>
        <translation>The period is not over: overdue counts the open tickets past their deadline at %1, as the board does at that instant.</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message numerus="yes">
        <source>* Fewer than %n completed ticket(s) in the period: shown, but not ranked. Departments are ranked by on-time completion rate. The totals include tickets never dispatched, so they are not the sum of the rows.</source>
        <translation>
            <numerusform>* Fewer than %n completed ticket in the period: shown, but not ranked. Departments are ranked by on-time completion rate. The totals include tickets never dispatched, so they are not the sum of the rows.</numerusform>
            <numerusform>* Fewer than %n completed tickets in the period: shown, but not ranked. Departments are ranked by on-time completion rate. The totals include tickets never dispatched, so they are not the sum of the rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Cannot start drawing the report (is the file writable?).</source>
        <translation>Cannot start drawing the report (is the file writable?).</translation>
    </message>
    <message>
        <source>Cannot start page %1 of the report.</source>
        <translation>Cannot start page %1 of the report.</translation>
    </message>
    <message>
        <source>%1 — monthly report %2</source>
        <translation>%1 — monthly report %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>ReportPageParts</name>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
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
        <source>Month %1</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Generated %1 (%2)</source>
        <translation>Generated %1 (%2)</translation>
    </message>
    <message>
        <source>Monthly report on ticket completion — %1</source>
        <translation>Monthly report on ticket completion — %1</translation>
    </message>
    <message>
        <source>Period %1 to %2 (inclusive) · %3</source>
        <translation>Period %1 to %2 (inclusive) · %3</translation>
    </message>
    <message>
        <source>%1 · monthly report · %2</source>
        <translation>%1 · monthly report · %2</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Breaches</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
</context>
<context>
    <name>ReportSeriesBuilder</name>
    <message>
        <source>The report period from %1 to %2 is empty.</source>
        <translation>The report period from %1 to %2 is empty.</translation>
    </message>
    <message>
        <source>Cannot compute the chart figures: %1</source>
        <translation>Cannot compute the chart figures: %1</translation>
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
    <message>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>Replied on time</source>
        <translation>Replied on time</translation>
    </message>
    <message>
        <source>Own on-time rate (%)</source>
        <translation>Own on-time rate (%)</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Breaches</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Misroutes</source>
        <translation>Misroutes</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>, to date</source>
        <translation>, to date</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
</context>
<context>
    <name>SecretSync</name>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>an earlier password change it depends on was refused</source>
        <translation>an earlier password change it depends on was refused</translation>
    </message>
    <message>
        <source>%1 is locked at the server after repeated failed sign-ins</source>
        <translation>%1 is locked at the server after repeated failed sign-ins</translation>
    </message>
    <message>
        <source>the server does not accept %1's password as this console knows it (changed at another console?); sign in as %1 here and make the change again</source>
        <translation>the server does not accept %1's password as this console knows it (changed at another console?); sign in as %1 here and make the change again</translation>
    </message>
    <message>
        <source>cannot write to the local database</source>
        <translation>cannot write to the local database</translation>
    </message>
    <message>
        <source>the server did not say whether it holds passwords</source>
        <translation>the server did not say whether it holds passwords</translation>
    </message>
</context>
<context>
    <name>ServerChainVerifier</name>
    <message>
        <source>the server's sequence row is missing</source>
        <translation>the server's sequence row is missing</translation>
    </message>
    <message>
        <source>server_seq jumps from %1 to %2</source>
        <translation>server_seq jumps from %1 to %2</translation>
    </message>
    <message>
        <source>its link says it was the first event</source>
        <translation>its link says it was the first event</translation>
    </message>
    <message>
        <source>server_seq was renumbered to hide the gap</source>
        <translation>server_seq was renumbered to hide the gap</translation>
    </message>
    <message>
        <source>its %1 differs from the copy this console pulled: the server's log was rewritten and its chain recomputed</source>
        <translation>its %1 differs from the copy this console pulled: the server's log was rewritten and its chain recomputed</translation>
    </message>
    <message>
        <source>the server recorded %1 events and a different chain head</source>
        <translation>the server recorded %1 events and a different chain head</translation>
    </message>
    <message>
        <source>the server recorded %1 events</source>
        <translation>the server recorded %1 events</translation>
    </message>
    <message>
        <source>this console pulled events up to server sequence %1</source>
        <translation>this console pulled events up to server sequence %1</translation>
    </message>
    <message>
        <source>event %1 (ticket %2, server_seq %3, type %4)</source>
        <translation>event %1 (ticket %2, server_seq %3, type %4)</translation>
    </message>
    <message>
        <source>pushed before the server checked logins</source>
        <translation>pushed before the server checked logins</translation>
    </message>
    <message>
        <source>pushed by login %1</source>
        <translation>pushed by login %1</translation>
    </message>
    <message>
        <source>%1 claims console %2 but was %3, which is console %4</source>
        <translation>%1 claims console %2 but was %3, which is console %4</translation>
    </message>
    <message>
        <source>%1 claims console %2, which no console on the server has (%3)</source>
        <translation>%1 claims console %2, which no console on the server has (%3)</translation>
    </message>
    <message>
        <source>%1 is dated %2 s after the server received it (%3)</source>
        <translation>%1 is dated %2 s after the server received it (%3)</translation>
    </message>
    <message>
        <source>%1 is dated %2 s before the server received it, unchecked (%3)</source>
        <translation>%1 is dated %2 s before the server received it, unchecked (%3)</translation>
    </message>
</context>
<context>
    <name>ServerNumbers</name>
    <message>
        <source>cannot ask the server about ticket numbers: %1</source>
        <translation>cannot ask the server about ticket numbers: %1</translation>
    </message>
    <message>
        <source> (and %1 more: %2 in all)</source>
        <translation> (and %1 more: %2 in all)</translation>
    </message>
</context>
<context>
    <name>ServerSchema</name>
    <message>
        <source>the server's schema (version %1) is newer than this program knows (%2); update the program</source>
        <translation>the server's schema (version %1) is newer than this program knows (%2); update the program</translation>
    </message>
    <message>
        <source>server migration %1 is missing from this build</source>
        <translation>server migration %1 is missing from this build</translation>
    </message>
    <message>
        <source>server migration %1 failed: %2</source>
        <translation>server migration %1 failed: %2</translation>
    </message>
    <message>
        <source>the server has no Hotline schema yet; run `hotlinectl server init --url URL` first</source>
        <translation>the server has no Hotline schema yet; run `hotlinectl server init --url URL` first</translation>
    </message>
    <message>
        <source>the server's schema (version %1) is older than this program needs (%2); run `hotlinectl server init --url URL` to migrate it</source>
        <translation>the server's schema (version %1) is older than this program needs (%2); run `hotlinectl server init --url URL` to migrate it</translation>
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
        <source>Unknown setting "%1".</source>
        <translation>Unknown setting "%1".</translation>
    </message>
    <message>
        <source>The centre's name cannot be empty.</source>
        <translation>The centre's name cannot be empty.</translation>
    </message>
    <message>
        <source>"%1" is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>"%1" is not a known time zone (e.g. Asia/Shanghai).</translation>
    </message>
    <message>
        <source>"%1" is not an http(s) URL.</source>
        <translation>"%1" is not an http(s) URL.</translation>
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
    <message>
        <source>Seconds between two syncs with the shared server</source>
        <translation>Seconds between two syncs with the shared server</translation>
    </message>
    <message>
        <source>Urging (督办) text sent to the department head; same placeholders</source>
        <translation>Urging (督办) text sent to the department head; same placeholders</translation>
    </message>
    <message>
        <source>Seconds to wait for the SMS gateway before an attempt counts as failed</source>
        <translation>Seconds to wait for the SMS gateway before an attempt counts as failed</translation>
    </message>
    <message>
        <source>Consecutive failed sign-ins (1-100) after which an account is locked</source>
        <translation>Consecutive failed sign-ins (1-100) after which an account is locked</translation>
    </message>
    <message>
        <source>Minutes (1-1440) an account stays locked after too many failed sign-ins</source>
        <translation>Minutes (1-1440) an account stays locked after too many failed sign-ins</translation>
    </message>
    <message>
        <source>Minutes without input after which a console locks its screen (0 = never)</source>
        <translation>Minutes without input after which a console locks its screen (0 = never)</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 must be a whole number from %2 to %3.</translation>
    </message>
    <message>
        <source>Give at least one working period, e.g. %1.</source>
        <translation>Give at least one working period, e.g. %1.</translation>
    </message>
    <message>
        <source>At most %1 working periods.</source>
        <translation>At most %1 working periods.</translation>
    </message>
    <message>
        <source>"%1" is not a working period HH:MM-HH:MM (e.g. %2).</source>
        <translation>"%1" is not a working period HH:MM-HH:MM (e.g. %2).</translation>
    </message>
    <message>
        <source>"%1": times run from 00:00 to 23:59.</source>
        <translation>"%1": times run from 00:00 to 23:59.</translation>
    </message>
    <message>
        <source>"%1": a period must end after it starts.</source>
        <translation>"%1": a period must end after it starts.</translation>
    </message>
    <message>
        <source>"%1" overlaps or comes before the period before it; list periods in order.</source>
        <translation>"%1" overlaps or comes before the period before it; list periods in order.</translation>
    </message>
    <message>
        <source>%1 cannot be empty.</source>
        <translation>%1 cannot be empty.</translation>
    </message>
    <message>
        <source>%1 must not contain control, zero-width or direction-changing characters.</source>
        <translation>%1 must not contain control, zero-width or direction-changing characters.</translation>
    </message>
    <message>
        <source>%1 is at most %2 characters long.</source>
        <translation>%1 is at most %2 characters long.</translation>
    </message>
    <message>
        <source>The time zone cannot be empty; give an IANA name such as Asia/Shanghai.</source>
        <translation>The time zone cannot be empty; give an IANA name such as Asia/Shanghai.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3 (e.g. %4).</source>
        <translation>%1 must be a number from %2 to %3 (e.g. %4).</translation>
    </message>
    <message>
        <source>%1 is at most %2 characters without spaces.</source>
        <translation>%1 is at most %2 characters without spaces.</translation>
    </message>
    <message>
        <source>Working hours after a dispatch within which a return is a misroute and does not count against the department</source>
        <translation>Working hours after a dispatch within which a return is a misroute and does not count against the department</translation>
    </message>
    <message>
        <source>Working hours a registered or returned ticket may wait at the dispatch desk</source>
        <translation>Working hours a registered or returned ticket may wait at the dispatch desk</translation>
    </message>
    <message>
        <source>Working days a replied ticket may wait for the callback to the citizen</source>
        <translation>Working days a replied ticket may wait for the callback to the citizen</translation>
    </message>
    <message>
        <source>Mobile numbers of the dispatch desk's duty phones, separated by commas (reminders about waiting tickets)</source>
        <translation>Mobile numbers of the dispatch desk's duty phones, separated by commas (reminders about waiting tickets)</translation>
    </message>
    <message>
        <source>Annual assessment: weight of the on-time rate in the score</source>
        <translation>Annual assessment: weight of the on-time rate in the score</translation>
    </message>
    <message>
        <source>Annual assessment: weight of the satisfaction rate in the score</source>
        <translation>Annual assessment: weight of the satisfaction rate in the score</translation>
    </message>
    <message>
        <source>Annual assessment: points deducted per breached deadline</source>
        <translation>Annual assessment: points deducted per breached deadline</translation>
    </message>
    <message>
        <source>Annual assessment: points deducted per return counted against the department</source>
        <translation>Annual assessment: points deducted per return counted against the department</translation>
    </message>
    <message>
        <source>%1 holds at most %2 phone numbers.</source>
        <translation>%1 holds at most %2 phone numbers.</translation>
    </message>
    <message>
        <source>%1: %2 (mobile numbers separated by commas).</source>
        <translation>%1: %2 (mobile numbers separated by commas).</translation>
    </message>
    <message>
        <source>Days back (1-90) in which registration suggests open tickets of the same incident</source>
        <translation>Days back (1-90) in which registration suggests open tickets of the same incident</translation>
    </message>
    <message>
        <source>Requests per minute each intake token may file through hotlinectl serve (bursts up to this many)</source>
        <translation>Requests per minute each intake token may file through hotlinectl serve (bursts up to this many)</translation>
    </message>
    <message>
        <source>SMS to callers about their tickets (registration, reply): 1 = on, 0 = off for the whole centre</source>
        <translation>SMS to callers about their tickets (registration, reply): 1 = on, 0 = off for the whole centre</translation>
    </message>
    <message>
        <source>SMS to the caller on registration; placeholders {number} {department} {reply}</source>
        <translation>SMS to the caller on registration; placeholders {number} {department} {reply}</translation>
    </message>
    <message>
        <source>SMS to the caller when the department has replied; placeholders {number} {department} {reply}</source>
        <translation>SMS to the caller when the department has replied; placeholders {number} {department} {reply}</translation>
    </message>
    <message>
        <source>Largest photo or document (MB, 1-100) that may be attached to a ticket</source>
        <translation>Largest photo or document (MB, 1-100) that may be attached to a ticket</translation>
    </message>
    <message>
        <source>Unknown placeholder {%1} in the template; use {number}, {department} or {reply}.</source>
        <translation>Unknown placeholder {%1} in the template; use {number}, {department} or {reply}.</translation>
    </message>
</context>
<context>
    <name>SlaClock</name>
    <message>
        <source>No deadline can be computed for a start at %1: the working calendar begins on %2.</source>
        <translation>No deadline can be computed for a start at %1: the working calendar begins on %2.</translation>
    </message>
    <message>
        <source>No deadline can be computed for a start at %1: it would fall after %2, the last day whose holidays the working calendar knows. An administrator must first enter the holiday notices from %3 on (the Calendar tab of the console, or hotlinectl calendar import).</source>
        <translation>No deadline can be computed for a start at %1: it would fall after %2, the last day whose holidays the working calendar knows. An administrator must first enter the holiday notices from %3 on (the Calendar tab of the console, or hotlinectl calendar import).</translation>
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
    <name>SmsOutbox</name>
    <message>
        <source>Cannot queue the SMS: %1</source>
        <translation>Cannot queue the SMS: %1</translation>
    </message>
    <message>
        <source>Cannot log the SMS attempt: %1</source>
        <translation>Cannot log the SMS attempt: %1</translation>
    </message>
    <message>
        <source>Cannot record the sent SMS: %1</source>
        <translation>Cannot record the sent SMS: %1</translation>
    </message>
    <message>
        <source>Cannot reschedule the SMS: %1</source>
        <translation>Cannot reschedule the SMS: %1</translation>
    </message>
    <message>
        <source>Cannot record the cancelled SMS: %1</source>
        <translation>Cannot record the cancelled SMS: %1</translation>
    </message>
</context>
<context>
    <name>SmsTemplate</name>
    <message>
        <source>The SMS template is empty.</source>
        <translation>The SMS template is empty.</translation>
    </message>
    <message>
        <source>The SMS template cannot be used: %1</source>
        <translation>The SMS template cannot be used: %1</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>cannot reach the server %1: %2</source>
        <translation>cannot reach the server %1: %2</translation>
    </message>
    <message>
        <source>cannot write to the local database</source>
        <translation>cannot write to the local database</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>not connected to the server</translation>
    </message>
    <message>
        <source>the server did not accept every event</source>
        <translation>the server did not accept every event</translation>
    </message>
    <message>
        <source>cannot read the local database</source>
        <translation>cannot read the local database</translation>
    </message>
    <message numerus="yes">
        <source>this database's tickets were numbered with console code %1, which the server already gave another console, and %n of their numbers are already the server's under other tickets: %2. Nothing was written. Give each of these tickets a new number on this database (hotlinectl --db FILE ticket renumber NUMBER --reason TEXT --as USER; a dispatcher or administrator), then join again.</source>
        <translation>
            <numerusform>this database's tickets were numbered with console code %1, which the server already gave another console, and %n of their numbers are already the server's under other tickets: %2. Nothing was written. Give each of these tickets a new number on this database (hotlinectl --db FILE ticket renumber NUMBER --reason TEXT --as USER; a dispatcher or administrator), then join again.</numerusform>
            <numerusform>this database's tickets were numbered with console code %1, which the server already gave another console, and %n of their numbers are already the server's under other tickets: %2. Nothing was written. Give each of these tickets a new number on this database (hotlinectl --db FILE ticket renumber NUMBER --reason TEXT --as USER; a dispatcher or administrator), then join again.</numerusform>
        </translation>
    </message>
    <message>
        <source>this login may read the server but not push (%1 events wait here): ask the server's owner for a login of this console's own (hotlinectl server add-console)</source>
        <translation>this login may read the server but not push (%1 events wait here): ask the server's owner for a login of this console's own (hotlinectl server add-console)</translation>
    </message>
    <message>
        <source>refused by the server: %1</source>
        <translation>refused by the server: %1</translation>
    </message>
</context>
<context>
    <name>SyncServer</name>
    <message>
        <source>the server has no free console code left (99 consoles joined)</source>
        <translation>the server has no free console code left (99 consoles joined)</translation>
    </message>
    <message>
        <source>event format version %1 is unknown to this program (it knows %2); update the program</source>
        <translation>event format version %1 is unknown to this program (it knows %2); update the program</translation>
    </message>
    <message>
        <source>unknown event type "%1"</source>
        <translation>unknown event type "%1"</translation>
    </message>
    <message>
        <source>event without an id or a ticket</source>
        <translation>event without an id or a ticket</translation>
    </message>
    <message>
        <source>payload is not a JSON object: %1</source>
        <translation>payload is not a JSON object: %1</translation>
    </message>
    <message>
        <source>the server gave no answer for the %1 row %2</source>
        <translation>the server gave no answer for the %1 row %2</translation>
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
    <message>
        <source>%1 “%2” contains the invisible or control character %3</source>
        <translation>%1 “%2” contains the invisible or control character %3</translation>
    </message>
    <message>
        <source>replied_at is set but dispatched_at is empty: only a consultation can be answered at intake; any other ticket gets its reply from a department</source>
        <translation>replied_at is set but dispatched_at is empty: only a consultation can be answered at intake; any other ticket gets its reply from a department</translation>
    </message>
</context>
<context>
    <name>TicketExport</name>
    <message>
        <source>%1 may not export callers unmasked.</source>
        <translation>%1 may not export callers unmasked.</translation>
    </message>
    <message>
        <source>The period is empty: its end must come after its start.</source>
        <translation>The period is empty: its end must come after its start.</translation>
    </message>
    <message>
        <source>Cannot read the tickets: %1</source>
        <translation>Cannot read the tickets: %1</translation>
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
    <message>
        <source>An administrative change is not a ticket's event.</source>
        <translation>An administrative change is not a ticket's event.</translation>
    </message>
    <message>
        <source>The deadline of ticket %1 has passed: an extension must be requested before the deadline.</source>
        <translation>The deadline of ticket %1 has passed: an extension must be requested before the deadline.</translation>
    </message>
    <message>
        <source>Ticket %1 follows another ticket and is answered with it.</source>
        <translation>Ticket %1 follows another ticket and is answered with it.</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting for its parent's reply.</source>
        <translation>Ticket %1 is not waiting for its parent's reply.</translation>
    </message>
    <message>
        <source>Ticket %1 is closed.</source>
        <translation>Ticket %1 is closed.</translation>
    </message>
    <message>
        <source>Ticket %1 already follows another ticket.</source>
        <translation>Ticket %1 already follows another ticket.</translation>
    </message>
    <message>
        <source>Ticket %1 is with a department: return it to the dispatch queue before merging it.</source>
        <translation>Ticket %1 is with a department: return it to the dispatch queue before merging it.</translation>
    </message>
    <message>
        <source>Ticket %1 already has a department's reply: call the caller back and close it instead.</source>
        <translation>Ticket %1 already has a department's reply: call the caller back and close it instead.</translation>
    </message>
    <message>
        <source>Renumbering ticket %1 needs its new number.</source>
        <translation>Renumbering ticket %1 needs its new number.</translation>
    </message>
</context>
<context>
    <name>TicketImporter</name>
    <message>
        <source>%1: cannot start writing: %2</source>
        <translation>%1: cannot start writing: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the tickets: %2</source>
        <translation>%1: cannot write the tickets: %2</translation>
    </message>
    <message>
        <source>closed_at is set but replied_at is empty: a dispatched ticket is closed after the department's reply</source>
        <translation>closed_at is set but replied_at is empty: a dispatched ticket is closed after the department's reply</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database</source>
        <translation>ticket number %1 is already in the database</translation>
    </message>
    <message>
        <source>%1: cannot save the import: %2</source>
        <translation>%1: cannot save the import: %2</translation>
    </message>
    <message>
        <source>Created the department %1.</source>
        <translation>Created the department %1.</translation>
    </message>
    <message>
        <source>Created the category %1.</source>
        <translation>Created the category %1.</translation>
    </message>
    <message>
        <source>Created the town %1.</source>
        <translation>Created the town %1.</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database (the former number of ticket %2)</source>
        <translation>ticket number %1 is already in the database (the former number of ticket %2)</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database (%2 tickets have it)</source>
        <translation>ticket number %1 is already in the database (%2 tickets have it)</translation>
    </message>
</context>
<context>
    <name>TicketLookup</name>
    <message>
        <source>  id %1…  console %2, registered %3: %4</source>
        <translation>  id %1…  console %2, registered %3: %4</translation>
    </message>
    <message>
        <source> (now %1)</source>
        <translation> (now %1)</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>There is no ticket %1.</translation>
    </message>
    <message>
        <source>No ticket numbered %1 has an id starting with %2; the number names:
%3</source>
        <translation>No ticket numbered %1 has an id starting with %2; the number names:
%3</translation>
    </message>
    <message>
        <source>Ticket number %1 names %2 tickets (two consoles gave it alike):
%3</source>
        <translation>Ticket number %1 names %2 tickets (two consoles gave it alike):
%3</translation>
    </message>
</context>
<context>
    <name>TicketSearch</name>
    <message>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <source>Type a ticket number, a caller's phone number or words to search for.</source>
        <translation>Type a ticket number, a caller's phone number or words to search for.</translation>
    </message>
    <message>
        <source>The search is %1 characters long; at most %2 are searched.</source>
        <translation>The search is %1 characters long; at most %2 are searched.</translation>
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
        <source>The caller's name is too long (at most %1 characters).</source>
        <translation>The caller's name is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>There is no department with the code "%1".</source>
        <translation>There is no department with the code "%1".</translation>
    </message>
    <message>
        <source>Ticket %1 is already with that department.</source>
        <translation>Ticket %1 is already with that department.</translation>
    </message>
    <message>
        <source>Write the department's reply.</source>
        <translation>Write the department's reply.</translation>
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
    <message>
        <source>Ticket %1 is listed twice.</source>
        <translation>Ticket %1 is listed twice.</translation>
    </message>
    <message>
        <source>Only the system records %1 events.</source>
        <translation>Only the system records %1 events.</translation>
    </message>
    <message>
        <source>The caller's name contains the invisible or control character %1.</source>
        <translation>The caller's name contains the invisible or control character %1.</translation>
    </message>
    <message>
        <source>The category contains the invisible or control character %1.</source>
        <translation>The category contains the invisible or control character %1.</translation>
    </message>
    <message>
        <source>The town contains the invisible or control character %1.</source>
        <translation>The town contains the invisible or control character %1.</translation>
    </message>
    <message>
        <source>Ticket %1 has no running countdown.</source>
        <translation>Ticket %1 has no running countdown.</translation>
    </message>
    <message>
        <source>Say why the deadline is re-decided.</source>
        <translation>Say why the deadline is re-decided.</translation>
    </message>
    <message>
        <source>The calendar in force gives ticket %1 the deadline it already has.</source>
        <translation>The calendar in force gives ticket %1 the deadline it already has.</translation>
    </message>
    <message>
        <source>The address is too long (%1 characters, at most %2).</source>
        <translation>The address is too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Give both latitude and longitude, or neither.</translation>
    </message>
    <message>
        <source>The latitude must be a number from -90 to 90 degrees.</source>
        <translation>The latitude must be a number from -90 to 90 degrees.</translation>
    </message>
    <message>
        <source>The longitude must be a number from -180 to 180 degrees.</source>
        <translation>The longitude must be a number from -180 to 180 degrees.</translation>
    </message>
    <message>
        <source>Ticket %1 of %2: %3</source>
        <translation>Ticket %1 of %2: %3</translation>
    </message>
    <message>
        <source>Ticket %1 follows ticket %2: reply to that ticket, and its reply answers this caller too.</source>
        <translation>Ticket %1 follows ticket %2: reply to that ticket, and its reply answers this caller too.</translation>
    </message>
    <message>
        <source>The note is too long (%1 characters, at most %2).</source>
        <translation>The note is too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <source>The caller of ticket %1 already receives SMS.</source>
        <translation>The caller of ticket %1 already receives SMS.</translation>
    </message>
    <message>
        <source>The caller of ticket %1 already receives no SMS.</source>
        <translation>The caller of ticket %1 already receives no SMS.</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>No such ticket.</translation>
    </message>
    <message>
        <source>There is no ticket to merge ticket %1 into.</source>
        <translation>There is no ticket to merge ticket %1 into.</translation>
    </message>
    <message>
        <source>A ticket cannot follow itself.</source>
        <translation>A ticket cannot follow itself.</translation>
    </message>
    <message>
        <source>Ticket %1 is followed by the other ticket: a ticket cannot follow its own follower.</source>
        <translation>Ticket %1 is followed by the other ticket: a ticket cannot follow its own follower.</translation>
    </message>
    <message>
        <source>The ticket to merge into does not lead to a ticket that is answered.</source>
        <translation>The ticket to merge into does not lead to a ticket that is answered.</translation>
    </message>
    <message>
        <source>Ticket %1 is closed: a closed ticket is not answered again, register the call on its own.</source>
        <translation>Ticket %1 is closed: a closed ticket is not answered again, register the call on its own.</translation>
    </message>
    <message>
        <source>Ticket %1 already has its reply: give the caller that answer instead of merging.</source>
        <translation>Ticket %1 already has its reply: give the caller that answer instead of merging.</translation>
    </message>
    <message>
        <source>Callers of the same incident are waiting for this ticket's answer (%1): close them first, or have a department answer the ticket.</source>
        <translation>Callers of the same incident are waiting for this ticket's answer (%1): close them first, or have a department answer the ticket.</translation>
    </message>
    <message>
        <source>No free number is left for today on console %1.</source>
        <translation>No free number is left for today on console %1.</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>This is a training database: it never joins a shared server, so that no drill reaches the centre's real record. Use a real database to join.</source>
        <translation>This is a training database: it never joins a shared server, so that no drill reaches the centre's real record. Use a real database to join.</translation>
    </message>
    <message>
        <source>This is already a training database; its training users keep their password.</source>
        <translation>This is already a training database; its training users keep their password.</translation>
    </message>
    <message>
        <source>This database already holds tickets or users; a training database starts empty. Give a new file with --db.</source>
        <translation>This database already holds tickets or users; a training database starts empty. Give a new file with --db.</translation>
    </message>
    <message>
        <source>The training database could not be made (%1); delete the file and try again.</source>
        <translation>The training database could not be made (%1); delete the file and try again.</translation>
    </message>
    <message>
        <source>Training administrator</source>
        <translation>Training administrator</translation>
    </message>
    <message>
        <source>Training call-taker</source>
        <translation>Training call-taker</translation>
    </message>
    <message>
        <source>Training dispatcher</source>
        <translation>Training dispatcher</translation>
    </message>
    <message>
        <source>Training supervisor</source>
        <translation>Training supervisor</translation>
    </message>
    <message>
        <source>Cannot read the departments.</source>
        <translation>Cannot read the departments.</translation>
    </message>
    <message>
        <source>Training liaison %1</source>
        <translation>Training liaison %1</translation>
    </message>
    <message>
        <source>cannot write to the database</source>
        <translation>cannot write to the database</translation>
    </message>
    <message>
        <source>No training user may do this to ticket %1 (%2) now: %3.</source>
        <translation>No training user may do this to ticket %1 (%2) now: %3.</translation>
    </message>
    <message>
        <source>No training user may do this: %1.</source>
        <translation>No training user may do this: %1.</translation>
    </message>
</context>
<context>
    <name>UrgeAction</name>
    <message>
        <source>Urge ticket %1</source>
        <translation>Urge ticket %1</translation>
    </message>
    <message>
        <source>Note to the department:</source>
        <translation>Note to the department:</translation>
    </message>
    <message>
        <source>Urge</source>
        <translation>Urge</translation>
    </message>
    <message>
        <source>Please write a note for the department.</source>
        <translation>Please write a note for the department.</translation>
    </message>
    <message>
        <source>&amp;Note to the department:</source>
        <translation>&amp;Note to the department:</translation>
    </message>
    <message>
        <source>Also &amp;SMS the department head (no number on file yet: the SMS waits for one)</source>
        <translation>Also &amp;SMS the department head (no number on file yet: the SMS waits for one)</translation>
    </message>
    <message>
        <source>Also &amp;SMS the department head (%1)</source>
        <translation>Also &amp;SMS the department head (%1)</translation>
    </message>
    <message>
        <source>&amp;Urge</source>
        <translation>&amp;Urge</translation>
    </message>
</context>
<context>
    <name>Urging</name>
    <message>
        <source>Department %1 has no head's phone number: the SMS waits until one is entered.</source>
        <translation>Department %1 has no head's phone number: the SMS waits until one is entered.</translation>
    </message>
</context>
<context>
    <name>UserStore</name>
    <message>
        <source>The first user must be an administrator.</source>
        <translation>The first user must be an administrator.</translation>
    </message>
    <message>
        <source>Only an administrator may create users.</source>
        <translation>Only an administrator may create users.</translation>
    </message>
    <message>
        <source>A sign-in name is 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>A sign-in name is 2 to 32 letters, digits, dots, dashes or underscores.</translation>
    </message>
    <message>
        <source>Enter the person's name.</source>
        <translation>Enter the person's name.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Choose a role.</translation>
    </message>
    <message>
        <source>A department liaison needs a department.</source>
        <translation>A department liaison needs a department.</translation>
    </message>
    <message>
        <source>The sign-in name %1 is taken.</source>
        <translation>The sign-in name %1 is taken.</translation>
    </message>
    <message>
        <source>Wrong sign-in name or password.</source>
        <translation>Wrong sign-in name or password.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>There is no user %1.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>This account is disabled. Ask an administrator.</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>Choose a password different from the current one.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>%1 is the last enabled administrator and cannot be disabled.</source>
        <translation>%1 is the last enabled administrator and cannot be disabled.</translation>
    </message>
    <message>
        <source>%1 is the last enabled administrator and must stay one.</source>
        <translation>%1 is the last enabled administrator and must stay one.</translation>
    </message>
    <message>
        <source>Your account has not reached this console yet: sign in again after the next sync with the server.</source>
        <translation>Your account has not reached this console yet: sign in again after the next sync with the server.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins with this name at the server. Try again later, or ask an administrator.</source>
        <translation>Too many failed sign-ins with this name at the server. Try again later, or ask an administrator.</translation>
    </message>
    <message>
        <source>Wrong sign-in name or password, or a first sign-in at this console while the server cannot be reached (each person's first sign-in at a console needs it).</source>
        <translation>Wrong sign-in name or password, or a first sign-in at this console while the server cannot be reached (each person's first sign-in at a console needs it).</translation>
    </message>
    <message>
        <source>This console shares its users with a server, which accepts a password set here only from an administrator signed in at a console (or from the user): do it there.</source>
        <translation>This console shares its users with a server, which accepts a password set here only from an administrator signed in at a console (or from the user): do it there.</translation>
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
<context>
    <name>hotline-console</name>
    <message>
        <source>Operator console of a citizen service hotline.</source>
        <translation>Operator console of a citizen service hotline.</translation>
    </message>
    <message>
        <source>The local database file.</source>
        <translation>The local database file.</translation>
    </message>
    <message>
        <source>Fill an empty database with demo data.</source>
        <translation>Fill an empty database with demo data.</translation>
    </message>
    <message>
        <source>Show the wall display full screen (no sign-in).</source>
        <translation>Show the wall display full screen (no sign-in).</translation>
    </message>
    <message>
        <source>Hotline Console</source>
        <translation>Hotline Console</translation>
    </message>
    <message>
        <source>Start the wall display, then quit at once (checks an installation).</source>
        <translation>Start the wall display, then quit at once (checks an installation).</translation>
    </message>
</context>
<context>
    <name>hotline::AccessLogPage</name>
    <message>
        <source>any user</source>
        <translation>any user</translation>
    </message>
    <message>
        <source>any ticket</source>
        <translation>any ticket</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>&amp;Ticket number</source>
        <translation>&amp;Ticket number</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>T&amp;o</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Every time someone is shown a caller's full name and number, and every unmasked export, is recorded here. The log cannot be edited.</source>
        <translation>Every time someone is shown a caller's full name and number, and every unmasked export, is recorded here. The log cannot be edited.</translation>
    </message>
    <message>
        <source>Unmasked export</source>
        <translation>Unmasked export</translation>
    </message>
    <message>
        <source>Viewed caller</source>
        <translation>Viewed caller</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entrys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::AccountabilityBanner</name>
    <message>
        <source>Show &amp;records</source>
        <translation>Show &amp;records</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>Dis&amp;miss</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) went past the deadline; accountability records opened: %1</source>
        <translation>
            <numerusform>%n ticket went past the deadline; accountability records opened: %1</numerusform>
            <numerusform>%n tickets went past the deadline; accountability records opened: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n new accountability record(s)</source>
        <translation>
            <numerusform>%n new accountability record</numerusform>
            <numerusform>%n new accountability records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::AccountabilityPage</name>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Went red</source>
        <translation>Went red</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Late (working time)</source>
        <translation>Late (working time)</translation>
    </message>
    <message>
        <source>Urged</source>
        <translation>Urged</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>Open ticket</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>%1 so far</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), %1 not answered yet.</source>
        <translation>
            <numerusform>%n record, %1 not answered yet.</numerusform>
            <numerusform>%n records, %1 not answered yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export accountability records</source>
        <translation>Export accountability records</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>%n record exported to %1.</numerusform>
            <numerusform>%n records exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::AttachmentsPanel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Attach file…</translation>
    </message>
    <message>
        <source>Attach a photo (before or after handling) or a document to this ticket</source>
        <translation>Attach a photo (before or after handling) or a document to this ticket</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Sa&amp;ve as…</translation>
    </message>
    <message>
        <source>not yet received</source>
        <translation>not yet received</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>The file's bytes have not come from the shared server yet; they arrive with a later sync.</source>
        <translation>The file's bytes have not come from the shared server yet; they arrive with a later sync.</translation>
    </message>
    <message>
        <source>File (none yet)</source>
        <translation>File (none yet)</translation>
    </message>
    <message numerus="yes">
        <source>File (%n)</source>
        <translation>
            <numerusform>File (%n)</numerusform>
            <numerusform>Files (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Attached %1.</source>
        <translation>Attached %1.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>What does %1 show?</source>
        <translation>What does %1 show?</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>Save the file as</translation>
    </message>
</context>
<context>
    <name>hotline::AuditPage</name>
    <message>
        <source>password reset</source>
        <translation>password reset</translation>
    </message>
    <message>
        <source>password changed by its owner</source>
        <translation>password changed by its owner</translation>
    </message>
    <message>
        <source>role changed</source>
        <translation>role changed</translation>
    </message>
    <message>
        <source>account created</source>
        <translation>account created</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <source>account enabled</source>
        <translation>account enabled</translation>
    </message>
    <message>
        <source>imported from a file</source>
        <translation>imported from a file</translation>
    </message>
    <message>
        <source>record starts</source>
        <translation>record starts</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>T&amp;o</translation>
    </message>
    <message>
        <source>&amp;Changed</source>
        <translation>&amp;Changed</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Which</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Every change of a setting, calendar day, department, category, town or account is recorded in the same tamper-evident log as the tickets, with who made it and the values before and after. Secrets and passwords are never shown. This page cannot change anything.</source>
        <translation>Every change of a setting, calendar day, department, category, town or account is recorded in the same tamper-evident log as the tickets, with who made it and the values before and after. Secrets and passwords are never shown. This page cannot change anything.</translation>
    </message>
    <message>
        <source>(the whole table)</source>
        <translation>(the whole table)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::BoardModel</name>
    <message>
        <source>Colour: red overdue, yellow due soon, green in time</source>
        <translation>Colour: red overdue, yellow due soon, green in time</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Remaining</translation>
    </message>
</context>
<context>
    <name>hotline::BoardView</name>
    <message>
        <source>Red · overdue</source>
        <translation>Red · overdue</translation>
    </message>
    <message>
        <source>Yellow · due soon</source>
        <translation>Yellow · due soon</translation>
    </message>
    <message>
        <source>Green · in time</source>
        <translation>Green · in time</translation>
    </message>
    <message>
        <source>Find a number…</source>
        <translation>Find a number…</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>&amp;Open ticket</translation>
    </message>
    <message>
        <source>&amp;Urge (督办)…</source>
        <translation>&amp;Urge (督办)…</translation>
    </message>
    <message>
        <source>Urge the department to handle the selected ticket, with a note</source>
        <translation>Urge the department to handle the selected ticket, with a note</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>All towns</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Showing %1 of %2 tickets</source>
        <translation>Showing %1 of %2 tickets</translation>
    </message>
</context>
<context>
    <name>hotline::CalendarNoticeBanner</name>
    <message>
        <source>Open the &amp;calendar</source>
        <translation>Open the &amp;calendar</translation>
    </message>
</context>
<context>
    <name>hotline::CalendarPage</name>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Off day (holiday)</source>
        <translation>Off day (holiday)</translation>
    </message>
    <message>
        <source>Make-up working day (调休)</source>
        <translation>Make-up working day (调休)</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>e.g. 春节</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>&amp;Save day</source>
        <translation>&amp;Save day</translation>
    </message>
    <message>
        <source>&amp;Remove selected days (back to Monday–Friday)</source>
        <translation>&amp;Remove selected days (back to Monday–Friday)</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Deadline in force</source>
        <translation>Deadline in force</translation>
    </message>
    <message>
        <source>Deadline by the calendar now</source>
        <translation>Deadline by the calendar now</translation>
    </message>
    <message>
        <source>Reason, e.g. the 2027 holiday notice was entered late</source>
        <translation>Reason, e.g. the 2027 holiday notice was entered late</translation>
    </message>
    <message>
        <source>Re-&amp;decide selected deadlines</source>
        <translation>Re-&amp;decide selected deadlines</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Off day</source>
        <translation>Off day</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>The holiday notice for %1 is entered.</source>
        <translation>The holiday notice for %1 is entered.</translation>
    </message>
    <message>
        <source>No holiday notice for %1: only weekends count as off days that year.</source>
        <translation>No holiday notice for %1: only weekends count as off days that year.</translation>
    </message>
    <message>
        <source>No holiday notice for %1: no deadline can fall in that year until the notices up to it are entered.</source>
        <translation>No holiday notice for %1: no deadline can fall in that year until the notices up to it are entered.</translation>
    </message>
    <message>
        <source>No open ticket's deadline differs from what the calendar in force gives it.</source>
        <translation>No open ticket's deadline differs from what the calendar in force gives it.</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) would get another deadline from the calendar in force. They keep the deadline in force until you re-decide them:</source>
        <translation>
            <numerusform>%n open ticket would get another deadline from the calendar in force. It keeps the deadline in force until you re-decide it:</numerusform>
            <numerusform>%n open tickets would get another deadline from the calendar in force. They keep the deadline in force until you re-decide them:</numerusform>
        </translation>
    </message>
    <message>
        <source>The day was not saved: %1</source>
        <translation>The day was not saved: %1</translation>
    </message>
    <message>
        <source>%1 saved as %2.</source>
        <translation>%1 saved as %2.</translation>
    </message>
    <message>
        <source>an off day</source>
        <translation>an off day</translation>
    </message>
    <message>
        <source>a make-up working day</source>
        <translation>a make-up working day</translation>
    </message>
    <message>
        <source>Select the days to remove first.</source>
        <translation>Select the days to remove first.</translation>
    </message>
    <message>
        <source>Nothing was removed: %1</source>
        <translation>Nothing was removed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) follow the Monday–Friday rule again.</source>
        <translation>
            <numerusform>%n day follows the Monday–Friday rule again.</numerusform>
            <numerusform>%n days follow the Monday–Friday rule again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Say why the deadlines are re-decided.</source>
        <translation>Say why the deadlines are re-decided.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) re-decided.</source>
        <translation>
            <numerusform>%n deadline re-decided.</numerusform>
            <numerusform>%n deadlines re-decided.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::CallFields</name>
    <message>
        <source>Mobile 138 1234 5678 or landline 0757-8628 0000</source>
        <translation>Mobile 138 1234 5678 or landline 0757-8628 0000</translation>
    </message>
    <message>
        <source>How the caller wants to be addressed</source>
        <translation>How the caller wants to be addressed</translation>
    </message>
    <message>
        <source>&amp;Anonymous caller</source>
        <translation>&amp;Anonymous caller</translation>
    </message>
    <message>
        <source>The caller's name and phone are not recorded.</source>
        <translation>The caller's name and phone are not recorded.</translation>
    </message>
    <message>
        <source>One line: what the caller asks for or reports</source>
        <translation>One line: what the caller asks for or reports</translation>
    </message>
    <message>
        <source>Where, since when, what has been tried …</source>
        <translation>Where, since when, what has been tried …</translation>
    </message>
    <message>
        <source>The answer given on the phone, when the consultation is settled now</source>
        <translation>The answer given on the phone, when the consultation is settled now</translation>
    </message>
    <message>
        <source>Answered: close at &amp;intake</source>
        <translation>Answered: close at &amp;intake</translation>
    </message>
    <message>
        <source>Register the consultation and close it at once with this answer.</source>
        <translation>Register the consultation and close it at once with this answer.</translation>
    </message>
    <message>
        <source>Caller &amp;phone</source>
        <translation>Caller &amp;phone</translation>
    </message>
    <message>
        <source>Caller &amp;name</source>
        <translation>Caller &amp;name</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>T&amp;own / street</source>
        <translation>T&amp;own / street</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>D&amp;etails</source>
        <translation>D&amp;etails</translation>
    </message>
    <message>
        <source>Ans&amp;wer at intake</source>
        <translation>Ans&amp;wer at intake</translation>
    </message>
    <message>
        <source>No SMS (不接收短信)</source>
        <translation>No SMS (不接收短信)</translation>
    </message>
    <message>
        <source>The caller declines SMS about this ticket (the number and the reply).</source>
        <translation>The caller declines SMS about this ticket (the number and the reply).</translation>
    </message>
    <message>
        <source>Street and number, building, landmark (where the matter is)</source>
        <translation>Street and number, building, landmark (where the matter is)</translation>
    </message>
    <message>
        <source>Optional: latitude, longitude, e.g. 23.0329, 113.1453</source>
        <translation>Optional: latitude, longitude, e.g. 23.0329, 113.1453</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>Add&amp;ress</translation>
    </message>
    <message>
        <source>Coor&amp;dinates</source>
        <translation>Coor&amp;dinates</translation>
    </message>
</context>
<context>
    <name>hotline::CallerHistoryModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>hotline::CallerPanel</name>
    <message>
        <source>Double-click or press Enter on an earlier ticket to link the new one to it.</source>
        <translation>Double-click or press Enter on an earlier ticket to link the new one to it.</translation>
    </message>
    <message>
        <source>Caller's earlier tickets</source>
        <translation>Caller's earlier tickets</translation>
    </message>
    <message>
        <source>Earlier tickets of %1 (%2)</source>
        <translation>Earlier tickets of %1 (%2)</translation>
    </message>
    <message>
        <source>Type the caller's phone number to see their earlier tickets.</source>
        <translation>Type the caller's phone number to see their earlier tickets.</translation>
    </message>
    <message>
        <source>No earlier tickets from this number.</source>
        <translation>No earlier tickets from this number.</translation>
    </message>
    <message>
        <source>Possible duplicate: this caller reported “%1” on %2 (ticket %3, %4).</source>
        <translation>Possible duplicate: this caller reported “%1” on %2 (ticket %3, %4).</translation>
    </message>
    <message numerus="yes">
        <source>%n more similar ticket(s) in the last 7 days.</source>
        <translation>
            <numerusform>%n more similar ticket in the last 7 days.</numerusform>
            <numerusform>%n more similar tickets in the last 7 days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already linked: %1.</source>
        <translation>Already linked: %1.</translation>
    </message>
    <message>
        <source>&amp;Link to %1</source>
        <translation>&amp;Link to %1</translation>
    </message>
    <message>
        <source>Name ticket %1 in the new ticket's details as a related ticket.</source>
        <translation>Name ticket %1 in the new ticket's details as a related ticket.</translation>
    </message>
    <message>
        <source>Linked to ticket %1: the new ticket's details name it as related.</source>
        <translation>Linked to ticket %1: the new ticket's details name it as related.</translation>
    </message>
</context>
<context>
    <name>hotline::CitizenNotifier</name>
    <message>
        <source>SMS to callers are turned off for the centre (sms.citizen.enabled).</source>
        <translation>SMS to callers are turned off for the centre (sms.citizen.enabled).</translation>
    </message>
    <message>
        <source>The caller declined SMS about this ticket.</source>
        <translation>The caller declined SMS about this ticket.</translation>
    </message>
    <message>
        <source>The caller left no phone number.</source>
        <translation>The caller left no phone number.</translation>
    </message>
    <message>
        <source>The caller's number is not a mobile number.</source>
        <translation>The caller's number is not a mobile number.</translation>
    </message>
    <message>
        <source>Cannot queue SMS about new events: %1</source>
        <translation>Cannot queue SMS about new events: %1</translation>
    </message>
    <message>
        <source>Cannot read the event log: %1</source>
        <translation>Cannot read the event log: %1</translation>
    </message>
    <message>
        <source>Cannot queue SMS about new events: the progress mark cannot be stored.</source>
        <translation>Cannot queue SMS about new events: the progress mark cannot be stored.</translation>
    </message>
</context>
<context>
    <name>hotline::ConsoleStatusBar</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Standalone: %1</source>
        <translation>Standalone: %1</translation>
    </message>
    <message>
        <source>%1 (outside working hours)</source>
        <translation>%1 (outside working hours)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message numerus="yes">
        <source>Online · last sync %1 · pending %n</source>
        <translation>
            <numerusform>Online · last sync %1 · pending %n</numerusform>
            <numerusform>Online · last sync %1 · pending %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OFFLINE · last sync %1 · pending %n</source>
        <translation>
            <numerusform>OFFLINE · last sync %1 · pending %n</numerusform>
            <numerusform>OFFLINE · last sync %1 · pending %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message numerus="yes">
        <source> (%n number clash(es))</source>
        <translation>
            <numerusform> (%n number clash)</numerusform>
            <numerusform> (%n number clashes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference conflict(s)</source>
        <translation>
            <numerusform>%n reference conflict</numerusform>
            <numerusform>%n reference conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) from the server refused</source>
        <translation>
            <numerusform>%n value from the server refused</numerusform>
            <numerusform>%n values from the server refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused (the local value is kept):</source>
        <translation>Refused (the local value is kept):</translation>
    </message>
</context>
<context>
    <name>hotline::DepartmentChooser</name>
    <message>
        <source>Department name or code</source>
        <translation>Department name or code</translation>
    </message>
</context>
<context>
    <name>hotline::DepartmentDesk</name>
    <message>
        <source>Your account is not bound to a department yet, so there is no desk to show. Ask an administrator to set your department.</source>
        <translation>Your account is not bound to a department yet, so there is no desk to show. Ask an administrator to set your department.</translation>
    </message>
    <message>
        <source>The department desk shows a department's own tickets to its liaison. You are signed in as %1 (%2), which has no department desk.</source>
        <translation>The department desk shows a department's own tickets to its liaison. You are signed in as %1 (%2), which has no department desk.</translation>
    </message>
    <message>
        <source>&amp;Sign for</source>
        <translation>&amp;Sign for</translation>
    </message>
    <message>
        <source>Confirm that the department has received the selected tickets</source>
        <translation>Confirm that the department has received the selected tickets</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Reply…</translation>
    </message>
    <message>
        <source>Write the department's reply; the countdown stops</source>
        <translation>Write the department's reply; the countdown stops</translation>
    </message>
    <message>
        <source>Request e&amp;xtension…</source>
        <translation>Request e&amp;xtension…</translation>
    </message>
    <message>
        <source>Ask the dispatcher for more working days</source>
        <translation>Ask the dispatcher for more working days</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>Re&amp;turn…</translation>
    </message>
    <message>
        <source>Send a ticket that does not belong to this department back to dispatch</source>
        <translation>Send a ticket that does not belong to this department back to dispatch</translation>
    </message>
    <message>
        <source>Open tickets of %1</source>
        <translation>Open tickets of %1</translation>
    </message>
    <message>
        <source>%1 open, %2 waiting to be signed for</source>
        <translation>%1 open, %2 waiting to be signed for</translation>
    </message>
    <message>
        <source>Select the ticket to reply to.</source>
        <translation>Select the ticket to reply to.</translation>
    </message>
    <message>
        <source>Reply to ticket %1</source>
        <translation>Reply to ticket %1</translation>
    </message>
    <message>
        <source>What the department did and the result, for the callback to the citizen:</source>
        <translation>What the department did and the result, for the callback to the citizen:</translation>
    </message>
    <message>
        <source>Ticket %1 replied; its countdown has stopped.</source>
        <translation>Ticket %1 replied; its countdown has stopped.</translation>
    </message>
    <message>
        <source>Select the ticket that needs more time.</source>
        <translation>Select the ticket that needs more time.</translation>
    </message>
    <message>
        <source>Extension for ticket %1</source>
        <translation>Extension for ticket %1</translation>
    </message>
    <message>
        <source>Extra working days (1–30):</source>
        <translation>Extra working days (1–30):</translation>
    </message>
    <message>
        <source>Why does the department need more time?</source>
        <translation>Why does the department need more time?</translation>
    </message>
    <message>
        <source>Select the ticket to return.</source>
        <translation>Select the ticket to return.</translation>
    </message>
    <message>
        <source>Return ticket %1</source>
        <translation>Return ticket %1</translation>
    </message>
    <message>
        <source>Why does this ticket not belong to your department? It goes back to the dispatch queue with this reason.</source>
        <translation>Why does this ticket not belong to your department? It goes back to the dispatch queue with this reason.</translation>
    </message>
    <message>
        <source>Ticket %1 returned to the dispatch queue.</source>
        <translation>Ticket %1 returned to the dispatch queue.</translation>
    </message>
    <message numerus="yes">
        <source>Signed for %n ticket(s).</source>
        <translation>
            <numerusform>Signed for %n ticket.</numerusform>
            <numerusform>Signed for %n tickets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed for %n ticket(s); %1 refused: %2</source>
        <translation>
            <numerusform>Signed for %n ticket; %1 refused: %2</numerusform>
            <numerusform>Signed for %n tickets; %1 refused: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension of %n working day(s) requested for ticket %1; the dispatcher decides.</source>
        <translation>
            <numerusform>Extension of %n working day requested for ticket %1; the dispatcher decides.</numerusform>
            <numerusform>Extension of %n working days requested for ticket %1; the dispatcher decides.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Photos and files…</source>
        <translation>&amp;Photos and files…</translation>
    </message>
    <message>
        <source>The ticket in full, with its photos and documents: attach before and after photos</source>
        <translation>The ticket in full, with its photos and documents: attach before and after photos</translation>
    </message>
</context>
<context>
    <name>hotline::DepartmentsPage</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Duty phones (reminders)</source>
        <translation>Duty phones (reminders)</translation>
    </message>
    <message>
        <source>Head's phone (urging)</source>
        <translation>Head's phone (urging)</translation>
    </message>
    <message>
        <source>e.g. 13800000001; 0757-86280000</source>
        <translation>e.g. 13800000001; 0757-86280000</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Duty phones (separate with ;)</source>
        <translation>&amp;Duty phones (separate with ;)</translation>
    </message>
    <message>
        <source>&amp;Head's phone</source>
        <translation>&amp;Head's phone</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Ne&amp;w department</source>
        <translation>Ne&amp;w department</translation>
    </message>
    <message>
        <source>&amp;Save department</source>
        <translation>&amp;Save department</translation>
    </message>
    <message>
        <source>Give at least one duty phone: reminder SMS go to the duty phones.</source>
        <translation>Give at least one duty phone: reminder SMS go to the duty phones.</translation>
    </message>
    <message>
        <source>Give one phone number for the department head.</source>
        <translation>Give one phone number for the department head.</translation>
    </message>
    <message>
        <source>The department was not saved: correct the phone numbers marked in red.</source>
        <translation>The department was not saved: correct the phone numbers marked in red.</translation>
    </message>
    <message>
        <source>Department %1 (%2) saved.</source>
        <translation>Department %1 (%2) saved.</translation>
    </message>
    <message>
        <source>Import departments</source>
        <translation>Import departments</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>Nothing was imported (%1 bad of %2 rows).</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n department(s).</source>
        <translation>
            <numerusform>Imported %n department.</numerusform>
            <numerusform>Imported %n departments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::DeskModel</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>sent %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>Replied by %1</source>
        <translation>Replied by %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Waited (working time)</source>
        <translation>Waited (working time)</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>hotline::DeskPanel</name>
    <message>
        <source>调度台 / Dispatch desk</source>
        <translation>调度台 / Dispatch desk</translation>
    </message>
    <message>
        <source>Magenta · past the limit</source>
        <translation>Magenta · past the limit</translation>
    </message>
    <message>
        <source>Amber · limit near</source>
        <translation>Amber · limit near</translation>
    </message>
    <message>
        <source>Blue · in time</source>
        <translation>Blue · in time</translation>
    </message>
    <message>
        <source>The centre's own clocks, not a department's: a ticket may wait %1 of working time for dispatch or re-dispatch and %2 for the callback after a reply. Blue: in time; amber: within %3 (dispatch) or %4 (callback) of the limit; magenta: past the limit.</source>
        <translation>The centre's own clocks, not a department's: a ticket may wait %1 of working time for dispatch or re-dispatch and %2 for the callback after a reply. Blue: in time; amber: within %3 (dispatch) or %4 (callback) of the limit; magenta: past the limit.</translation>
    </message>
    <message>
        <source>Waiting for re-dispatch</source>
        <translation>Waiting for re-dispatch</translation>
    </message>
    <message>
        <source>sent 03-03 17:30</source>
        <translation>sent 03-03 17:30</translation>
    </message>
    <message numerus="yes">
        <source>Reminders: an SMS to the dispatch desk's %n duty phone(s) when a ticket turns amber, once per wait.</source>
        <translation>
            <numerusform>Reminders: an SMS to the dispatch desk's %n duty phone when a ticket turns amber, once per wait.</numerusform>
            <numerusform>Reminders: an SMS to the dispatch desk's %n duty phones when a ticket turns amber, once per wait.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders are off: no duty phones are configured for the dispatch desk (setting dispatch.duty_phones).</source>
        <translation>Reminders are off: no duty phones are configured for the dispatch desk (setting dispatch.duty_phones).</translation>
    </message>
</context>
<context>
    <name>hotline::DeskTicketDetail</name>
    <message>
        <source>Select a ticket to see its details.</source>
        <translation>Select a ticket to see its details.</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Show number</source>
        <translation>Show number</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>hotline::DeskTicketModel</name>
    <message>
        <source>Extension requested</source>
        <translation>Extension requested</translation>
    </message>
    <message>
        <source>Waiting to sign</source>
        <translation>Waiting to sign</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>Replied on time</source>
        <translation>Replied on time</translation>
    </message>
    <message>
        <source>Replied late</source>
        <translation>Replied late</translation>
    </message>
    <message>
        <source>Working time left until %1</source>
        <translation>Working time left until %1</translation>
    </message>
    <message>
        <source>Colour: red overdue, yellow due soon, green in time</source>
        <translation>Colour: red overdue, yellow due soon, green in time</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Remaining</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchBatch</name>
    <message>
        <source>%1 dispatched, %2 failed</source>
        <translation>%1 dispatched, %2 failed</translation>
    </message>
    <message>
        <source>, %1 not attempted (cancelled; they stay in the queue)</source>
        <translation>, %1 not attempted (cancelled; they stay in the queue)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source> … and %1 more (listed below)</source>
        <translation> … and %1 more (listed below)</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchCallbackModel</name>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>In time</translation>
    </message>
    <message>
        <source>Department's reply</source>
        <translation>Department's reply</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>follows %1 · %2</source>
        <translation>follows %1 · %2</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchCallbackPage</name>
    <message>
        <source>Record &amp;callback…</source>
        <translation>Record &amp;callback…</translation>
    </message>
    <message>
        <source>Record the caller's satisfaction and close the ticket</source>
        <translation>Record the caller's satisfaction and close the ticket</translation>
    </message>
    <message>
        <source>Select the ticket you are calling back about.</source>
        <translation>Select the ticket you are calling back about.</translation>
    </message>
    <message>
        <source>Callback for ticket %1</source>
        <translation>Callback for ticket %1</translation>
    </message>
    <message>
        <source>How satisfied is the caller with the handling?</source>
        <translation>How satisfied is the caller with the handling?</translation>
    </message>
    <message>
        <source>Choose one of the answers offered.</source>
        <translation>Choose one of the answers offered.</translation>
    </message>
    <message>
        <source>The callback for ticket %1 is recorded, but the ticket could not be closed: %2</source>
        <translation>The callback for ticket %1 is recorded, but the ticket could not be closed: %2</translation>
    </message>
    <message>
        <source>Ticket %1 closed: %2.</source>
        <translation>Ticket %1 closed: %2.</translation>
    </message>
    <message>
        <source>Reopen ticket %1?</source>
        <translation>Reopen ticket %1?</translation>
    </message>
    <message>
        <source>The caller is unsatisfied. Reopen the ticket and send it back to the dispatch queue?</source>
        <translation>The caller is unsatisfied. Reopen the ticket and send it back to the dispatch queue?</translation>
    </message>
    <message>
        <source>Ticket %1 closed: the caller is unsatisfied.</source>
        <translation>Ticket %1 closed: the caller is unsatisfied.</translation>
    </message>
    <message>
        <source>caller unsatisfied</source>
        <translation>caller unsatisfied</translation>
    </message>
    <message>
        <source>Ticket %1 is closed but could not be reopened: %2</source>
        <translation>Ticket %1 is closed but could not be reopened: %2</translation>
    </message>
    <message>
        <source>Ticket %1 reopened: it is back in the dispatch queue.</source>
        <translation>Ticket %1 reopened: it is back in the dispatch queue.</translation>
    </message>
    <message>
        <source>Show &amp;number</source>
        <translation>Show &amp;number</translation>
    </message>
    <message>
        <source>Show the selected caller's full name and phone number to call them back. Each view is recorded in the access log.</source>
        <translation>Show the selected caller's full name and phone number to call them back. Each view is recorded in the access log.</translation>
    </message>
    <message>
        <source>Select the ticket whose caller you want to call.</source>
        <translation>Select the ticket whose caller you want to call.</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>%1 left no number</source>
        <translation>%1 left no number</translation>
    </message>
    <message>
        <source>Call %1 on %2</source>
        <translation>Call %1 on %2</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchExtensionModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Days requested</source>
        <translation>Days requested</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Current deadline</source>
        <translation>Current deadline</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::DispatchExtensionPage</name>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Give the selected tickets the extra working days asked for</source>
        <translation>Give the selected tickets the extra working days asked for</translation>
    </message>
    <message>
        <source>&amp;Refuse…</source>
        <translation>&amp;Refuse…</translation>
    </message>
    <message>
        <source>Refuse the request, with a reason for the department</source>
        <translation>Refuse the request, with a reason for the department</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transfer…</translation>
    </message>
    <message>
        <source>Hand the ticket to another department with a new time limit</source>
        <translation>Hand the ticket to another department with a new time limit</translation>
    </message>
    <message>
        <source>Select the requests to approve.</source>
        <translation>Select the requests to approve.</translation>
    </message>
    <message>
        <source>Extension approved for %1; the new deadline is in force.</source>
        <translation>Extension approved for %1; the new deadline is in force.</translation>
    </message>
    <message>
        <source>%1 approved, %2 refused by the system: %3</source>
        <translation>%1 approved, %2 refused by the system: %3</translation>
    </message>
    <message>
        <source>Select the request to refuse.</source>
        <translation>Select the request to refuse.</translation>
    </message>
    <message>
        <source>Refuse the extension for ticket %1</source>
        <translation>Refuse the extension for ticket %1</translation>
    </message>
    <message>
        <source>Why is the extension refused? The department sees this reason.</source>
        <translation>Why is the extension refused? The department sees this reason.</translation>
    </message>
    <message>
        <source>Give the reason for refusing; the request for ticket %1 is still waiting.</source>
        <translation>Give the reason for refusing; the request for ticket %1 is still waiting.</translation>
    </message>
    <message>
        <source>Extension for ticket %1 refused; the deadline stays.</source>
        <translation>Extension for ticket %1 refused; the deadline stays.</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::DispatchInProgressPage</name>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transfer…</translation>
    </message>
    <message>
        <source>Hand the current ticket to another department with a new time limit</source>
        <translation>Hand the current ticket to another department with a new time limit</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchQueueModel</name>
    <message>
        <source>Returned by %1: %2</source>
        <translation>Returned by %1: %2</translation>
    </message>
    <message>
        <source>Reopened after the callback</source>
        <translation>Reopened after the callback</translation>
    </message>
    <message>
        <source>Reopened after the callback: %1</source>
        <translation>Reopened after the callback: %1</translation>
    </message>
    <message>
        <source>No department is configured for this category: choose one.</source>
        <translation>No department is configured for this category: choose one.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Suggested department</source>
        <translation>Suggested department</translation>
    </message>
    <message>
        <source>Came back because</source>
        <translation>Came back because</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchQueuePage</name>
    <message>
        <source>Enter dispatches the selected tickets to the chosen department; Ctrl+A selects all.</source>
        <translation>Enter dispatches the selected tickets to the chosen department; Ctrl+A selects all.</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Send &amp;to:</translation>
    </message>
    <message>
        <source>&amp;Dispatch selected</source>
        <translation>&amp;Dispatch selected</translation>
    </message>
    <message>
        <source>Dispatch every selected ticket to the chosen department (Enter)</source>
        <translation>Dispatch every selected ticket to the chosen department (Enter)</translation>
    </message>
    <message>
        <source>Dispatch each to its &amp;suggestion</source>
        <translation>Dispatch each to its &amp;suggestion</translation>
    </message>
    <message>
        <source>Dispatch every selected ticket to the department suggested for its category</source>
        <translation>Dispatch every selected ticket to the department suggested for its category</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <source>%1 waiting for dispatch, %2 of them came back from a department or a callback</source>
        <translation>%1 waiting for dispatch, %2 of them came back from a department or a callback</translation>
    </message>
    <message>
        <source>Select the tickets to dispatch.</source>
        <translation>Select the tickets to dispatch.</translation>
    </message>
    <message>
        <source>Choose the department first (type its name or code).</source>
        <translation>Choose the department first (type its name or code).</translation>
    </message>
    <message>
        <source>There is no department "%1"; choose one from the list.</source>
        <translation>There is no department "%1"; choose one from the list.</translation>
    </message>
    <message>
        <source>Select the tickets to dispatch (Ctrl+A selects all).</source>
        <translation>Select the tickets to dispatch (Ctrl+A selects all).</translation>
    </message>
    <message>
        <source>no department is suggested for the category "%1"; choose one</source>
        <translation>no department is suggested for the category "%1"; choose one</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Dispatching %n ticket(s)…</source>
        <translation>
            <numerusform>Dispatching %n ticket…</numerusform>
            <numerusform>Dispatching %n tickets…</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>Cate&amp;gory:</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Merge into…</translation>
    </message>
    <message>
        <source>The current ticket follows another one of the same incident and is answered with it</source>
        <translation>The current ticket follows another one of the same incident and is answered with it</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(no category)</translation>
    </message>
    <message>
        <source>%1; %2 shown</source>
        <translation>%1; %2 shown</translation>
    </message>
    <message>
        <source>Select the ticket that follows another one.</source>
        <translation>Select the ticket that follows another one.</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>There is no ticket %1.</translation>
    </message>
    <message>
        <source>Ticket %1 was not merged: %2</source>
        <translation>Ticket %1 was not merged: %2</translation>
    </message>
    <message>
        <source>Ticket %1 now follows %2 and is answered with it.</source>
        <translation>Ticket %1 now follows %2 and is answered with it.</translation>
    </message>
    <message>
        <source>Renumber one of them first (File › Sync conflicts…).</source>
        <translation>Renumber one of them first (File › Sync conflicts…).</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchView</name>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>&amp;Extension requests</source>
        <translation>&amp;Extension requests</translation>
    </message>
    <message>
        <source>&amp;With departments</source>
        <translation>&amp;With departments</translation>
    </message>
    <message>
        <source>Call&amp;backs</source>
        <translation>Call&amp;backs</translation>
    </message>
    <message>
        <source>Dispatch des&amp;k</source>
        <translation>Dispatch des&amp;k</translation>
    </message>
</context>
<context>
    <name>hotline::DraftBanner</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Put the saved fields back into the form.</source>
        <translation>Put the saved fields back into the form.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Forget the saved form.</source>
        <translation>Forget the saved form.</translation>
    </message>
    <message>
        <source>An unfinished registration was saved at %1: %2</source>
        <translation>An unfinished registration was saved at %1: %2</translation>
    </message>
</context>
<context>
    <name>hotline::Escalator</name>
    <message>
        <source>Cannot read the open tickets: %1</source>
        <translation>Cannot read the open tickets: %1</translation>
    </message>
    <message>
        <source>Cannot escalate: %1</source>
        <translation>Cannot escalate: %1</translation>
    </message>
    <message>
        <source>Cannot record reminders and accountability: %1</source>
        <translation>Cannot record reminders and accountability: %1</translation>
    </message>
</context>
<context>
    <name>hotline::IncidentSuggestions</name>
    <message>
        <source>Possibly the same incident (open tickets of this category and town):</source>
        <translation>Possibly the same incident (open tickets of this category and town):</translation>
    </message>
    <message>
        <source>Merge the registered ticket into the selected one</source>
        <translation>Merge the registered ticket into the selected one</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>%1  %2%3  (%4, %5% alike)</source>
        <translation>%1  %2%3  (%4, %5% alike)</translation>
    </message>
    <message>
        <source>Register the call first, then merge it into the same incident.</source>
        <translation>Register the call first, then merge it into the same incident.</translation>
    </message>
    <message>
        <source>Ticket %1 will follow the selected ticket and be answered with it.</source>
        <translation>Ticket %1 will follow the selected ticket and be answered with it.</translation>
    </message>
    <message>
        <source>Ticket %1 now follows %2.</source>
        <translation>Ticket %1 now follows %2.</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>Not merged: %1</translation>
    </message>
</context>
<context>
    <name>hotline::InterviewImportDialog</name>
    <message>
        <source>Import micro-interview questions</source>
        <translation>Import micro-interview questions</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <source>A CSV exported by the microblog or live platform (UTF-8 or GB18030), or a text file with one question per line</source>
        <translation>A CSV exported by the microblog or live platform (UTF-8 or GB18030), or a text file with one question per line</translation>
    </message>
    <message>
        <source>&amp;Preview pasted text</source>
        <translation>&amp;Preview pasted text</translation>
    </message>
    <message>
        <source>…or paste the questions here: one per line, or CSV with a header (内容/问题, 网友/昵称, 时间)</source>
        <translation>…or paste the questions here: one per line, or CSV with a header (内容/问题, 网友/昵称, 时间)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Netizen</source>
        <translation>Netizen</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Problem or note</source>
        <translation>Problem or note</translation>
    </message>
    <message>
        <source>(none: sorted in the dispatch queue)</source>
        <translation>(none: sorted in the dispatch queue)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>T&amp;own:</source>
        <translation>T&amp;own:</translation>
    </message>
    <message>
        <source>Open micro-interview questions</source>
        <translation>Open micro-interview questions</translation>
    </message>
    <message>
        <source>Questions (*.csv *.txt);;All files (*)</source>
        <translation>Questions (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problem</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>already imported</translation>
    </message>
    <message>
        <source>ticket %1</source>
        <translation>ticket %1</translation>
    </message>
    <message>
        <source>Open a questions file or paste the questions, then preview.</source>
        <translation>Open a questions file or paste the questions, then preview.</translation>
    </message>
    <message>
        <source>%1 questions read (%2, %3): %4 ok, %5 with a problem, %6 already imported</source>
        <translation>%1 questions read (%2, %3): %4 ok, %5 with a problem, %6 already imported</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>one per line</translation>
    </message>
    <message>
        <source>Rows with a problem are left out; correct them in the file and import it again later (questions already imported are recognised and skipped).</source>
        <translation>Rows with a problem are left out; correct them in the file and import it again later (questions already imported are recognised and skipped).</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n question(s)</source>
        <translation>
            <numerusform>&amp;Import %n question</numerusform>
            <numerusform>&amp;Import %n questions</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n question(s) as tickets %1 to %2; they wait in the dispatch queue.</source>
        <translation>
            <numerusform>Imported %n question as tickets %1 to %2; they wait in the dispatch queue.</numerusform>
            <numerusform>Imported %n questions as tickets %1 to %2; they wait in the dispatch queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::LockScreen</name>
    <message>
        <source>Hotline Console — locked</source>
        <translation>Hotline Console — locked</translation>
    </message>
    <message>
        <source>This console is locked.</source>
        <translation>This console is locked.</translation>
    </message>
    <message>
        <source>Signed in: %1, %2</source>
        <translation>Signed in: %1, %2</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>An administrator has reset your password. Sign out and sign in again to choose a new one.</source>
        <translation>An administrator has reset your password. Sign out and sign in again to choose a new one.</translation>
    </message>
</context>
<context>
    <name>hotline::MainWindow</name>
    <message>
        <source>Hotline Console — %1</source>
        <translation>Hotline Console — %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Department desk</source>
        <translation>Department desk</translation>
    </message>
    <message>
        <source>Countdown board</source>
        <translation>Countdown board</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Wall display</source>
        <translation>&amp;Wall display</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Hotline Console</source>
        <translation>&amp;About Hotline Console</translation>
    </message>
    <message>
        <source>About Hotline Console</source>
        <translation>About Hotline Console</translation>
    </message>
    <message>
        <source>Hotline Console %1
Operator console of a citizen service hotline.</source>
        <translation>Hotline Console %1
Operator console of a citizen service hotline.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Shared &amp;server…</source>
        <translation>Shared &amp;server…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>Sync &amp;conflicts…</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language changes the next time the console starts.</source>
        <translation>The language changes the next time the console starts.</translation>
    </message>
    <message>
        <source>The language could not be saved in the user's settings.</source>
        <translation>The language could not be saved in the user's settings.</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>Towns</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>TRAINING DATABASE</source>
        <translation>TRAINING DATABASE</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Import &amp;micro-interview…</source>
        <translation>Import &amp;micro-interview…</translation>
    </message>
    <message>
        <source>&amp;Search tickets…</source>
        <translation>&amp;Search tickets…</translation>
    </message>
</context>
<context>
    <name>hotline::MergeIntoDialog</name>
    <message>
        <source>Merge ticket %1 into…</source>
        <translation>Merge ticket %1 into…</translation>
    </message>
    <message>
        <source>Ticket %1 will follow the ticket chosen here: it leaves the dispatch queue and is answered when that ticket is replied.</source>
        <translation>Ticket %1 will follow the ticket chosen here: it leaves the dispatch queue and is answered when that ticket is replied.</translation>
    </message>
    <message>
        <source>Ticket number, or choose a suggestion</source>
        <translation>Ticket number, or choose a suggestion</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>&amp;Follow ticket:</source>
        <translation>&amp;Follow ticket:</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>hotline::NumberClashesPanel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ticket id</source>
        <translation>Ticket id</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>&amp;Renumber…</source>
        <translation>&amp;Renumber…</translation>
    </message>
    <message>
        <source>Give the selected ticket a new number from this console's sequence; its old number keeps finding it.</source>
        <translation>Give the selected ticket a new number from this console's sequence; its old number keeps finding it.</translation>
    </message>
    <message>
        <source>No ticket number names two tickets.</source>
        <translation>No ticket number names two tickets.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket number(s) name more than one ticket (two consoles gave them alike). Both tickets stay whole; renumber one of each so the number names one ticket again.</source>
        <translation>
            <numerusform>%n ticket number name more than one ticket (two consoles gave them alike). Both tickets stay whole; renumber one of each so the number names one ticket again.</numerusform>
            <numerusform>%n ticket numbers name more than one ticket (two consoles gave them alike). Both tickets stay whole; renumber one of each so the number names one ticket again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renumber ticket %1</source>
        <translation>Renumber ticket %1</translation>
    </message>
    <message>
        <source>Why this ticket gets a new number (kept in its history):</source>
        <translation>Why this ticket gets a new number (kept in its history):</translation>
    </message>
    <message>
        <source>Number %1 was given by two consoles</source>
        <translation>Number %1 was given by two consoles</translation>
    </message>
    <message>
        <source>The ticket is now %1; %2 still finds it.</source>
        <translation>The ticket is now %1; %2 still finds it.</translation>
    </message>
</context>
<context>
    <name>hotline::PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>hotline::PgConnection</name>
    <message>
        <source>no connection to the server</source>
        <translation>no connection to the server</translation>
    </message>
</context>
<context>
    <name>hotline::ReferenceConflictsView</name>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>Calendar day</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reference data edited on two consoles at once&lt;/b&gt; (administrators): the later edit is in force on every console; enter the other again if it should win.</source>
        <translation>&lt;b&gt;Reference data edited on two consoles at once&lt;/b&gt; (administrators): the later edit is in force on every console; enter the other again if it should win.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kept (in force)</source>
        <translation>Kept (in force)</translation>
    </message>
    <message>
        <source>Kept: by, console, when</source>
        <translation>Kept: by, console, when</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Lost: by, console, when</source>
        <translation>Lost: by, console, when</translation>
    </message>
    <message>
        <source>%1, console %2, %3</source>
        <translation>%1, console %2, %3</translation>
    </message>
    <message>
        <source>Reference conflicts</source>
        <translation>Reference conflicts</translation>
    </message>
</context>
<context>
    <name>hotline::ReferencePage</name>
    <message>
        <source>Each category's usual department is what the dispatch queue suggests; its time-limit class decides the deadline (empty: the ticket type decides). Disabled categories are no longer offered at registration.</source>
        <translation>Each category's usual department is what the dispatch queue suggests; its time-limit class decides the deadline (empty: the ticket type decides). Disabled categories are no longer offered at registration.</translation>
    </message>
    <message>
        <source>The towns offered at registration. Disabled towns are no longer offered; tickets keep the town they were registered with.</source>
        <translation>The towns offered at registration. Disabled towns are no longer offered; tickets keep the town they were registered with.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Usual department</source>
        <translation>Usual department</translation>
    </message>
    <message>
        <source>Time-limit class</source>
        <translation>Time-limit class</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Leave empty when the category has no usual department.</source>
        <translation>Leave empty when the category has no usual department.</translation>
    </message>
    <message>
        <source>By ticket type</source>
        <translation>By ticket type</translation>
    </message>
    <message>
        <source>Consultation (consult)</source>
        <translation>Consultation (consult)</translation>
    </message>
    <message>
        <source>Handling (handling)</source>
        <translation>Handling (handling)</translation>
    </message>
    <message>
        <source>&amp;Usual department</source>
        <translation>&amp;Usual department</translation>
    </message>
    <message>
        <source>&amp;Time-limit class</source>
        <translation>&amp;Time-limit class</translation>
    </message>
    <message>
        <source>&amp;Offered at registration</source>
        <translation>&amp;Offered at registration</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Ne&amp;w category</source>
        <translation>Ne&amp;w category</translation>
    </message>
    <message>
        <source>Ne&amp;w town</source>
        <translation>Ne&amp;w town</translation>
    </message>
    <message>
        <source>&amp;Save category</source>
        <translation>&amp;Save category</translation>
    </message>
    <message>
        <source>&amp;Save town</source>
        <translation>&amp;Save town</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Not saved: “%1” is not a known department. Choose one from the list, or leave the field empty.</source>
        <translation>Not saved: “%1” is not a known department. Choose one from the list, or leave the field empty.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 saved.</translation>
    </message>
    <message>
        <source>%1 (%2) saved.</source>
        <translation>%1 (%2) saved.</translation>
    </message>
    <message>
        <source>Import categories</source>
        <translation>Import categories</translation>
    </message>
    <message>
        <source>Import towns</source>
        <translation>Import towns</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>Nothing was imported (%1 bad of %2 rows).</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s): %1 new, %2 updated.</source>
        <translation>
            <numerusform>Imported %n row: %1 new, %2 updated.</numerusform>
            <numerusform>Imported %n rows: %1 new, %2 updated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::RegistrationForm</name>
    <message>
        <source>Register a call</source>
        <translation>Register a call</translation>
    </message>
    <message>
        <source>Register  (%1)</source>
        <translation>Register  (%1)</translation>
    </message>
    <message>
        <source>New call  (%1)</source>
        <translation>New call  (%1)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>The number of the registered ticket appears here, to read to the caller.</source>
        <translation>The number of the registered ticket appears here, to read to the caller.</translation>
    </message>
    <message>
        <source>Write the answer given to the caller, or untick “close at intake”.</source>
        <translation>Write the answer given to the caller, or untick “close at intake”.</translation>
    </message>
    <message>
        <source>There is an answer but the ticket would stay open: tick “close at intake” or clear the answer.</source>
        <translation>There is an answer but the ticket would stay open: tick “close at intake” or clear the answer.</translation>
    </message>
    <message>
        <source>The answer is too long (%1 characters, at most %2).</source>
        <translation>The answer is too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <source>The ticket was not registered: %1</source>
        <translation>The ticket was not registered: %1</translation>
    </message>
    <message>
        <source>Ticket %1 was registered but could not be closed: %2 It waits in the dispatch queue.</source>
        <translation>Ticket %1 was registered but could not be closed: %2 It waits in the dispatch queue.</translation>
    </message>
    <message>
        <source>Answered and closed. Ticket number (copied to the clipboard):</source>
        <translation>Answered and closed. Ticket number (copied to the clipboard):</translation>
    </message>
    <message>
        <source>Registered. Read the ticket number to the caller (copied to the clipboard):</source>
        <translation>Registered. Read the ticket number to the caller (copied to the clipboard):</translation>
    </message>
    <message>
        <source>Related ticket: %1</source>
        <translation>Related ticket: %1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <source>(no summary yet)</source>
        <translation>(no summary yet)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Attach &amp;files…</source>
        <translation>Attach &amp;files…</translation>
    </message>
    <message>
        <source>Photos or documents the caller sent: they are registered with the ticket</source>
        <translation>Photos or documents the caller sent: they are registered with the ticket</translation>
    </message>
    <message>
        <source>Give the coordinates as latitude, longitude in degrees, e.g. 23.0329, 113.1453.</source>
        <translation>Give the coordinates as latitude, longitude in degrees, e.g. 23.0329, 113.1453.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>To attach: %1</source>
        <translation>To attach: %1</translation>
    </message>
</context>
<context>
    <name>hotline::ReportsPage</name>
    <message>
        <source>Departments with fewer completed tickets are shown but not ranked.</source>
        <translation>Departments with fewer completed tickets are shown but not ranked.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Rank from</source>
        <translation>Rank from</translation>
    </message>
    <message>
        <source>completed tickets</source>
        <translation>completed tickets</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Click a department's bar to list the tickets it completed in the period.</source>
        <translation>Click a department's bar to list the tickets it completed in the period.</translation>
    </message>
    <message>
        <source>Cannot compute the report: %1</source>
        <translation>Cannot compute the report: %1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Cannot list the tickets: %1</source>
        <translation>Cannot list the tickets: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n ticket(s) completed in the period</source>
        <translation>
            <numerusform>%1: %n ticket completed in the period</numerusform>
            <numerusform>%1: %n tickets completed in the period</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>Export JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Print preview — monthly report</source>
        <translation>Print preview — monthly report</translation>
    </message>
    <message>
        <source>Assessment PDF…</source>
        <translation>Assessment PDF…</translation>
    </message>
    <message>
        <source>The annual assessment table as a PDF (choose the Year period).</source>
        <translation>The annual assessment table as a PDF (choose the Year period).</translation>
    </message>
    <message>
        <source>No assessment for this year.</source>
        <translation>No assessment for this year.</translation>
    </message>
</context>
<context>
    <name>hotline::SearchDialog</name>
    <message>
        <source>Search tickets</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <source>A ticket number (or its first 6 characters), a caller's phone number, or words from the summary, details, address or reply. Open and closed tickets.</source>
        <translation>A ticket number (or its first 6 characters), a caller's phone number, or words from the summary, details, address or reply. Open and closed tickets.</translation>
    </message>
    <message>
        <source>Search: number, phone or words</source>
        <translation>Search: number, phone or words</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>No ticket found.</source>
        <translation>No ticket found.</translation>
    </message>
    <message>
        <source>%1 shown of more than %2 tickets, newest first. Add a word to narrow the search.</source>
        <translation>%1 shown of more than %2 tickets, newest first. Add a word to narrow the search.</translation>
    </message>
    <message>
        <source>%1 shown of %2 tickets, newest first.</source>
        <translation>%1 shown of %2 tickets, newest first.</translation>
    </message>
    <message>
        <source>Words of one or two characters alone are looked for in the newest %1 tickets.</source>
        <translation>Words of one or two characters alone are looked for in the newest %1 tickets.</translation>
    </message>
</context>
<context>
    <name>hotline::ServerMessageClaims</name>
    <message>
        <source>the shared server is not reachable</source>
        <translation>the shared server is not reachable</translation>
    </message>
</context>
<context>
    <name>hotline::ServerSettingsDialog</name>
    <message>
        <source>Shared server</source>
        <translation>Shared server</translation>
    </message>
    <message>
        <source>Consoles of one centre share a PostgreSQL server. This console keeps working on its own copy when the server cannot be reached and catches up later.</source>
        <translation>Consoles of one centre share a PostgreSQL server. This console keeps working on its own copy when the server cannot be reached and catches up later.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>&amp;Join and sync</source>
        <translation>&amp;Join and sync</translation>
    </message>
    <message>
        <source>&amp;Standalone</source>
        <translation>&amp;Standalone</translation>
    </message>
    <message>
        <source>Not a PostgreSQL address: %1</source>
        <translation>Not a PostgreSQL address: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Cannot reach the server: %1</translation>
    </message>
    <message>
        <source>Connected: the server is ready (schema version %1).</source>
        <translation>Connected: the server is ready (schema version %1).</translation>
    </message>
    <message>
        <source>The address could not be saved in the local database.</source>
        <translation>The address could not be saved in the local database.</translation>
    </message>
    <message>
        <source>The setting could not be saved in the local database.</source>
        <translation>The setting could not be saved in the local database.</translation>
    </message>
</context>
<context>
    <name>hotline::SettingsPage</name>
    <message>
        <source>Centre &amp;name</source>
        <translation>Centre &amp;name</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Time zone</translation>
    </message>
    <message>
        <source>&amp;Working periods</source>
        <translation>&amp;Working periods</translation>
    </message>
    <message>
        <source>&amp;Consultation limit (working days)</source>
        <translation>&amp;Consultation limit (working days)</translation>
    </message>
    <message>
        <source>&amp;Handling limit (working days)</source>
        <translation>&amp;Handling limit (working days)</translation>
    </message>
    <message>
        <source>&amp;Yellow warning (working hours)</source>
        <translation>&amp;Yellow warning (working hours)</translation>
    </message>
    <message>
        <source>S&amp;ync interval (seconds)</source>
        <translation>S&amp;ync interval (seconds)</translation>
    </message>
    <message>
        <source>SMS gateway &amp;URL</source>
        <translation>SMS gateway &amp;URL</translation>
    </message>
    <message>
        <source>SMS gateway t&amp;oken</source>
        <translation>SMS gateway t&amp;oken</translation>
    </message>
    <message>
        <source>&amp;Reminder SMS</source>
        <translation>&amp;Reminder SMS</translation>
    </message>
    <message>
        <source>Ur&amp;ging SMS</source>
        <translation>Ur&amp;ging SMS</translation>
    </message>
    <message>
        <source>SMS gateway time&amp;out (seconds)</source>
        <translation>SMS gateway time&amp;out (seconds)</translation>
    </message>
    <message>
        <source>Centre and working hours</source>
        <translation>Centre and working hours</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>Time limits</translation>
    </message>
    <message>
        <source>Shared server</source>
        <translation>Shared server</translation>
    </message>
    <message>
        <source>SMS reminders and urging</source>
        <translation>SMS reminders and urging</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vert</translation>
    </message>
    <message>
        <source>The stored settings are shown again.</source>
        <translation>The stored settings are shown again.</translation>
    </message>
    <message>
        <source>Allowed placeholders: %1 ({number} is required).</source>
        <translation>Allowed placeholders: %1 ({number} is required).</translation>
    </message>
    <message>
        <source>District Urban Management Bureau</source>
        <translation>District Urban Management Bureau</translation>
    </message>
    <message numerus="yes">
        <source>Example (%n characters): %1</source>
        <translation>
            <numerusform>Example (%n characters): %1</numerusform>
            <numerusform>Example (%n characters): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Nothing was saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Nothing to save: no setting was changed.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nothing was saved: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n setting(s).</source>
        <translation>
            <numerusform>Saved %n setting.</numerusform>
            <numerusform>Saved %n settings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::SignInDialog</name>
    <message>
        <source>Hotline Console — create the administrator</source>
        <translation>Hotline Console — create the administrator</translation>
    </message>
    <message>
        <source>Hotline Console — sign in</source>
        <translation>Hotline Console — sign in</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator, who then adds the call-takers, dispatchers, liaisons and supervisors.</source>
        <translation>This database has no users yet. Create the administrator, who then adds the call-takers, dispatchers, liaisons and supervisors.</translation>
    </message>
    <message>
        <source>Sign in to the hotline console.</source>
        <translation>Sign in to the hotline console.</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>Sign-in name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Demo database: choose an account (password %1).</source>
        <translation>Demo database: choose an account (password %1).</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>New password &amp;again</translation>
    </message>
    <message>
        <source>&amp;Change my password</source>
        <translation>&amp;Change my password</translation>
    </message>
    <message>
        <source>An administrator has reset your password. Choose a new one to continue.</source>
        <translation>An administrator has reset your password. Choose a new one to continue.</translation>
    </message>
    <message>
        <source>Enter your sign-in name and current password, then the new password.</source>
        <translation>Enter your sign-in name and current password, then the new password.</translation>
    </message>
    <message>
        <source>Change password and sign in</source>
        <translation>Change password and sign in</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>hotline::SmsGateway</name>
    <message>
        <source>No SMS gateway is configured: set sms.url (hotlinectl config set sms.url URL).</source>
        <translation>No SMS gateway is configured: set sms.url (hotlinectl config set sms.url URL).</translation>
    </message>
    <message>
        <source>The SMS gateway URL "%1" is not an http(s) URL.</source>
        <translation>The SMS gateway URL "%1" is not an http(s) URL.</translation>
    </message>
    <message>
        <source>The SMS gateway answered HTTP %1%2</source>
        <translation>The SMS gateway answered HTTP %1%2</translation>
    </message>
    <message>
        <source>The SMS gateway did not answer in time.</source>
        <translation>The SMS gateway did not answer in time.</translation>
    </message>
    <message>
        <source>Cannot reach the SMS gateway: %1</source>
        <translation>Cannot reach the SMS gateway: %1</translation>
    </message>
</context>
<context>
    <name>hotline::SmsSender</name>
    <message>
        <source>Department %1 has no head's phone number; add it on the departments page.</source>
        <translation>Department %1 has no head's phone number; add it on the departments page.</translation>
    </message>
    <message>
        <source>Department %1 has no duty phone number; add one on the departments page.</source>
        <translation>Department %1 has no duty phone number; add one on the departments page.</translation>
    </message>
    <message>
        <source>Already sent by %1.</source>
        <translation>Already sent by %1.</translation>
    </message>
    <message>
        <source>Being sent by %1.</source>
        <translation>Being sent by %1.</translation>
    </message>
    <message>
        <source>Cannot claim the message: %1</source>
        <translation>Cannot claim the message: %1</translation>
    </message>
    <message>
        <source>The dispatch desk has no duty phone number; set dispatch.duty_phones in the settings.</source>
        <translation>The dispatch desk has no duty phone number; set dispatch.duty_phones in the settings.</translation>
    </message>
    <message>
        <source>Hotline ticket %1 waited too long at the dispatch desk.</source>
        <translation>Hotline ticket %1 waited too long at the dispatch desk.</translation>
    </message>
    <message>
        <source>Hotline ticket %1 waits for the callback; limit %2 (%3).</source>
        <translation>Hotline ticket %1 waits for the callback; limit %2 (%3).</translation>
    </message>
    <message>
        <source>Hotline ticket %1 waits for dispatch; limit %2 (%3).</source>
        <translation>Hotline ticket %1 waits for dispatch; limit %2 (%3).</translation>
    </message>
    <message>
        <source>Hotline ticket %1 (%2): the citizen called again to ask about progress.</source>
        <translation>Hotline ticket %1 (%2): the citizen called again to ask about progress.</translation>
    </message>
    <message>
        <source>Hotline ticket %1 (%2): the citizen called again to ask about progress; %3 left.</source>
        <translation>Hotline ticket %1 (%2): the citizen called again to ask about progress; %3 left.</translation>
    </message>
</context>
<context>
    <name>hotline::SyncConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Why it did not apply</source>
        <translation>Why it did not apply</translation>
    </message>
    <message>
        <source>&amp;Mark all as seen</source>
        <translation>&amp;Mark all as seen</translation>
    </message>
</context>
<context>
    <name>hotline::SyncWorker</name>
    <message>
        <source>the connection to the server was lost</source>
        <translation>the connection to the server was lost</translation>
    </message>
</context>
<context>
    <name>hotline::TicketDetailDialog</name>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>&amp;Urge (督办)…</source>
        <translation>&amp;Urge (督办)…</translation>
    </message>
    <message>
        <source>Urge the department to handle this ticket, with a note</source>
        <translation>Urge the department to handle this ticket, with a note</translation>
    </message>
    <message>
        <source>Ticket not found</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>(in the dispatch queue)</source>
        <translation>(in the dispatch queue)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>Replied %1 (%2)</source>
        <translation>Replied %1 (%2)</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>Closed %1</translation>
    </message>
    <message>
        <source>Not counting</source>
        <translation>Not counting</translation>
    </message>
    <message>
        <source>Show &amp;number</source>
        <translation>Show &amp;number</translation>
    </message>
    <message>
        <source>Show the caller's full name and phone number. Each view is recorded in the access log.</source>
        <translation>Show the caller's full name and phone number. Each view is recorded in the access log.</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Same incident</source>
        <translation>Same incident</translation>
    </message>
    <message>
        <source>Progress calls</source>
        <translation>Progress calls</translation>
    </message>
    <message>
        <source>SMS to the caller</source>
        <translation>SMS to the caller</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>Photos and documents</translation>
    </message>
    <message>
        <source>Record &amp;progress call (催办)…</source>
        <translation>Record &amp;progress call (催办)…</translation>
    </message>
    <message>
        <source>The citizen called to ask about this ticket: record what they asked</source>
        <translation>The citizen called to ask about this ticket: record what they asked</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>(%1, %2)</translation>
    </message>
    <message>
        <source>follows %1 (answered with it)</source>
        <translation>follows %1 (answered with it)</translation>
    </message>
    <message>
        <source>followers: %1</source>
        <translation>followers: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>(follows %1)</source>
        <translation>(follows %1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message>
        <source>Caller declines &amp;SMS</source>
        <translation>Caller declines &amp;SMS</translation>
    </message>
    <message>
        <source>Caller accepts &amp;SMS again</source>
        <translation>Caller accepts &amp;SMS again</translation>
    </message>
    <message>
        <source>%1 (formerly %2)</source>
        <translation>%1 (formerly %2)</translation>
    </message>
</context>
<context>
    <name>hotline::TrainingBanner</name>
    <message>
        <source>TRAINING DATABASE</source>
        <translation>TRAINING DATABASE</translation>
    </message>
    <message>
        <source>Nothing here is a real record: tickets, replies and figures are for practice only.</source>
        <translation>Nothing here is a real record: tickets, replies and figures are for practice only.</translation>
    </message>
</context>
<context>
    <name>hotline::UsersPage</name>
    <message>
        <source>Sign-in name</source>
        <translation>Sign-in name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <source>Department (liaisons)</source>
        <translation>Department (liaisons)</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Add user</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 can now sign in as %2.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>Selected user</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>Un&amp;lock</translation>
    </message>
    <message>
        <source>to be changed at the next sign-in</source>
        <translation>to be changed at the next sign-in</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Reset password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>C&amp;hange role</source>
        <translation>C&amp;hange role</translation>
    </message>
    <message>
        <source>Role and department</source>
        <translation>Role and department</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>locked after failed sign-ins</source>
        <translation>locked after failed sign-ins</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>must change password</translation>
    </message>
    <message>
        <source>Select a user in the list.</source>
        <translation>Select a user in the list.</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 can sign in again.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 can no longer sign in.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 is unlocked.</translation>
    </message>
    <message>
        <source>%1 has a new password and must choose their own at the next sign-in.</source>
        <translation>%1 has a new password and must choose their own at the next sign-in.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
</context>
<context>
    <name>hotline::WallDisplay</name>
    <message>
        <source>Countdown board</source>
        <translation>Countdown board</translation>
    </message>
    <message>
        <source>Citizen service hotline · countdown board</source>
        <translation>Citizen service hotline · countdown board</translation>
    </message>
    <message>
        <source>Red · overdue</source>
        <translation>Red · overdue</translation>
    </message>
    <message>
        <source>Yellow · due soon</source>
        <translation>Yellow · due soon</translation>
    </message>
    <message>
        <source>Green · in time</source>
        <translation>Green · in time</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Non-working time · countdowns paused</source>
        <translation>Non-working time · countdowns paused</translation>
    </message>
    <message>
        <source>调度台 · Dispatch desk</source>
        <translation>调度台 · Dispatch desk</translation>
    </message>
    <message>
        <source>%1 past the limit</source>
        <translation>%1 past the limit</translation>
    </message>
    <message>
        <source>%1 limit near</source>
        <translation>%1 limit near</translation>
    </message>
    <message>
        <source>%1 in time</source>
        <translation>%1 in time</translation>
    </message>
    <message>
        <source>longest: %1 waiting %2</source>
        <translation>longest: %1 waiting %2</translation>
    </message>
</context>
<context>
    <name>hotline::WallList</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>No open tickets are counting down.</source>
        <translation>No open tickets are counting down.</translation>
    </message>
</context>
</TS>