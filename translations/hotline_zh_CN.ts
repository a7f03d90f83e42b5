<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Board</name>
    <message>
        <source>Board at %1: %2 red, %3 yellow, %4 green
</source>
        <translation>看板（%1）：红色 %2 件，黄色 %3 件，绿色 %4 件
</translation>
    </message>
</context>
<context>
    <name>BuiltinCalendar</name>
    <message>
        <source>The calendar is not valid JSON: %1 (at offset %2).</source>
        <translation>日历不是有效的 JSON：%1（位于偏移量 %2 处）。</translation>
    </message>
    <message>
        <source>The calendar must be a JSON object with a &quot;years&quot; list.</source>
        <translation>日历必须是包含 &quot;years&quot; 列表的 JSON 对象。</translation>
    </message>
    <message>
        <source>Year entry %1 of the calendar: %2</source>
        <translation>日历的第 %1 个年份条目：%2</translation>
    </message>
    <message>
        <source>Year %1 of the calendar names no notice.</source>
        <translation>日历中 %1 年的条目没有写明所依据的放假通知。</translation>
    </message>
    <message>
        <source>%1 is listed by the notices for both %2 and %3.</source>
        <translation>%1 同时出现在 %2 年和 %3 年的放假通知中。</translation>
    </message>
</context>
<context>
    <name>CalendarStore</name>
    <message>
        <source>Cannot record the calendar change.</source>
        <translation>无法记录日历的修改。</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>no input device</source>
        <translation>没有输入设备</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes</source>
        <translation>记录长度超过 %1 字节</translation>
    </message>
    <message>
        <source>could not read the input: %1</source>
        <translation>无法读取输入：%1</translation>
    </message>
    <message>
        <source>field %1 is not valid UTF-8 (byte 0x%2 at position %3 of the field); save the file as UTF-8</source>
        <translation>第 %1 个字段不是有效的 UTF-8 编码（该字段第 %3 个字节为 0x%2）；请将文件另存为 UTF-8 编码</translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation> （第 %1 行）</translation>
    </message>
    <message>
        <source>field %1: the quoted field opened on line %2 is never closed</source>
        <translation>第 %1 个字段：从第 %2 行开始的带引号字段没有结束引号</translation>
    </message>
    <message>
        <source>field %1: a quote inside a field that does not start with a quote%2 (enclose the whole field in quotes and double the quote)</source>
        <translation>第 %1 个字段：不以引号开头的字段中含有引号%2（请用引号括住整个字段，并把字段中的每个引号写成两个）</translation>
    </message>
    <message>
        <source>field %1: text after the closing quote%2</source>
        <translation>第 %1 个字段：结束引号之后还有文字%2</translation>
    </message>
</context>
<context>
    <name>CsvTableReader</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>expected %1 fields but found %2</source>
        <translation>应有 %1 个字段，实际有 %2 个</translation>
    </message>
    <message>
        <source>the file is empty; its first line must be the header %1</source>
        <translation>文件为空；第一行必须是表头 %1</translation>
    </message>
    <message>
        <source>header: %1</source>
        <translation>表头：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>missing column(s) %1</source>
        <translation>缺少列 %1</translation>
    </message>
    <message>
        <source>unknown column(s) %1</source>
        <translation>未知的列 %1</translation>
    </message>
    <message>
        <source>repeated column(s) %1</source>
        <translation>重复的列 %1</translation>
    </message>
    <message>
        <source>bad header: %1; the first line must name the columns %2</source>
        <translation>表头有误：%1；第一行必须列出这些列名：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>could not write the CSV: %1</source>
        <translation>无法写入 CSV：%1</translation>
    </message>
</context>
<context>
    <name>CtlArguments</name>
    <message>
        <source>Option %1 needs a value.</source>
        <translation>选项 %1 需要一个值。</translation>
    </message>
    <message>
        <source>Unknown option %1. See hotlinectl --help.</source>
        <translation>未知选项 %1。请参阅 hotlinectl --help。</translation>
    </message>
</context>
<context>
    <name>CtlContext</name>
    <message>
        <source>Usage: hotlinectl calendar import FILE.json...</source>
        <translation>用法：hotlinectl calendar import FILE.json...</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>Imported %1 calendar days from %2 files.</source>
        <translation>已从 %2 个文件导入 %1 个日历日期。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl deadline --class consult|handling --start ISO8601</source>
        <translation>用法：hotlinectl deadline --class consult|handling --start ISO8601</translation>
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
        <translation>用法：hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]

管理民声热线工作台数据库。--db 指定本地 SQLite 文件（默认使用工作台自己的数据库）。
输出写到 stdout，用 -o 时写入 FILE；错误写到 stderr，并以非零退出码退出。

命令：
  init [--demo]                         创建或迁移数据库；--demo 同时添加演示数据
  calendar import FILE...               导入 holiday-cn JSON 日历（全部导入或全部不导入）
  deadline --class consult|handling --start ISO8601
                                        输出在该时刻派单时的办理截止时间
  import tickets FILE.csv               导入历史工单（全部导入或全部不导入）
  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]
                                        办结率统计报表；--to 当天不计入
  board [--at ISO8601] [--format text|json]
                                        在办工单及其颜色和剩余工作时间
  departments import FILE.csv           name,code,duty_phones,head_phone
  config get|set KEY [VALUE]            读取或修改设置；&apos;config list&apos; 列出全部设置
  verify                                检查事件日志的完整性
  rebuild                               根据事件日志重新生成工单状态
  server init --url URL, sync --server URL [--once], escalate [--once] [--at ISO8601]
                                        共享服务器与超时提醒（本版本尚未提供）

选项：
  --db PATH      数据库文件
  -o FILE        将输出写入 FILE，而不是 stdout
  --help         显示本帮助
  --version      显示程序版本
</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. See hotlinectl --help.</source>
        <translation>未知命令“%1”。请参阅 hotlinectl --help。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).</source>
        <translation>“%1”不是 ISO 8601 格式的日期时间（例如 2025-03-03T09:00:00+08:00）。</translation>
    </message>
    <message>
        <source>Cannot read the centre&apos;s time zone.</source>
        <translation>无法读取热线中心的时区设置。</translation>
    </message>
    <message>
        <source>This command needs the shared server and reminders, which this version does not have yet.</source>
        <translation>此命令需要共享服务器和超时提醒功能，本版本尚未提供。</translation>
    </message>
    <message>
        <source>init takes no arguments (did you mean --demo?).</source>
        <translation>init 不接受其他参数（您是否想用 --demo？）。</translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation>数据库 %1 已就绪（数据库结构版本 %2）。</translation>
    </message>
    <message>
        <source>Could not add the demo data: %1</source>
        <translation>无法添加演示数据：%1</translation>
    </message>
    <message>
        <source>Demo data: %1 departments, %2 tickets (%3 on the board: %4 green, %5 yellow, %6 red).</source>
        <translation>演示数据：%1 个承办单位，%2 件工单（看板上 %3 件：绿色 %4 件，黄色 %5 件，红色 %6 件）。</translation>
    </message>
    <message>
        <source>Cannot read the event log: %1</source>
        <translation>无法读取事件日志：%1</translation>
    </message>
    <message>
        <source>The event log was altered: event %1 (sequence %2) does not match its recorded hash; %3 events before it are intact.</source>
        <translation>事件日志已被改动：事件 %1（序号 %2）与其记录的哈希值不符；在它之前的 %3 个事件完好。</translation>
    </message>
    <message>
        <source>OK: %1 events, hash chain intact.</source>
        <translation>正常：共 %1 个事件，哈希链完整。</translation>
    </message>
    <message>
        <source>Rebuild failed, nothing changed: %1</source>
        <translation>重建失败，未做任何更改：%1</translation>
    </message>
    <message>
        <source>Rebuilt the projection of %1 tickets from the event log.</source>
        <translation>已根据事件日志重新生成 %1 件工单的状态。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl config get KEY | config set KEY VALUE | config list</source>
        <translation>用法：hotlinectl config get KEY | config set KEY VALUE | config list</translation>
    </message>
    <message>
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>未导入任何数据（共 %2 行，其中 %1 行有误）。</translation>
    </message>
    <message>
        <source>Imported %1 %2.</source>
        <translation>已导入 %1 条%2记录。</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>已新建%1</translation>
    </message>
    <message>
        <source>Usage: hotlinectl import tickets FILE.csv</source>
        <translation>用法：hotlinectl import tickets FILE.csv</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Usage: hotlinectl departments import FILE.csv</source>
        <translation>用法：hotlinectl departments import FILE.csv</translation>
    </message>
    <message>
        <source>departments</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Usage: hotlinectl board [--at ISO8601] [--format text|json]</source>
        <translation>用法：hotlinectl board [--at ISO8601] [--format text|json]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf] [-o FILE]</source>
        <translation>用法：hotlinectl report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf] [-o FILE]</translation>
    </message>
    <message>
        <source>Give either --month or --from/--to, not both.</source>
        <translation>--month 和 --from/--to 只能二选一，不能同时使用。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month like 2025-03.</source>
        <translation>“%1”不是 2025-03 这样的月份。</translation>
    </message>
    <message>
        <source>--from and --to must both be dates (YYYY-MM-DD) with --from before --to; --to is exclusive.</source>
        <translation>--from 和 --to 都必须是日期（YYYY-MM-DD），且 --from 早于 --to；--to 当天不计入。</translation>
    </message>
    <message>
        <source>The printable PDF report is not in this version yet; use text, csv or json.</source>
        <translation>本版本尚未提供可打印的 PDF 报表；请使用 text、csv 或 json。</translation>
    </message>
    <message>
        <source>Cannot build the report: %1</source>
        <translation>无法生成报表：%1</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a Hotline Console database (not an SQLite file); it was left untouched.</source>
        <translation>%1 不是民声热线工作台数据库（不是 SQLite 文件）；未对其做任何改动。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a usable database: %2</source>
        <translation>%1 不是可用的数据库：%2</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Hotline Console (schema %2; this program knows up to %3). Update the program; the database was left untouched.</source>
        <translation>%1 由更新版本的民声热线工作台写入（数据库结构版本 %2；本程序最高只支持版本 %3）。请升级程序；未对该数据库做任何改动。</translation>
    </message>
    <message>
        <source>%1 is an SQLite file but not a Hotline Console database; it was left untouched.</source>
        <translation>%1 是 SQLite 文件，但不是民声热线工作台数据库；未对其做任何改动。</translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation>无法配置数据库 %1：%2</translation>
    </message>
    <message>
        <source>Missing migration %1.</source>
        <translation>缺少数据库迁移步骤 %1。</translation>
    </message>
    <message>
        <source>Migration to schema %1 failed: %2</source>
        <translation>迁移到数据库结构版本 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Caller reports: %1. Location given by the caller; please contact them for details.</source>
        <translation>来电人反映：%1。地点由来电人提供，详情请与来电人联系。</translation>
    </message>
    <message>
        <source>Answered at intake.</source>
        <translation>受理时已当场答复。</translation>
    </message>
    <message>
        <source>Not within our remit; please dispatch to the town.</source>
        <translation>不属于本单位职责范围，请派至属地镇街。</translation>
    </message>
    <message>
        <source>Handled on site; the caller has been informed.</source>
        <translation>已到现场处理，并已告知来电人。</translation>
    </message>
</context>
<context>
    <name>DepartmentCsvReader</name>
    <message>
        <source>name is empty</source>
        <translation>name 为空</translation>
    </message>
    <message>
        <source>name is longer than %1 characters</source>
        <translation>name 超过 %1 个字符</translation>
    </message>
    <message>
        <source>name “%1” contains control characters</source>
        <translation>name 的值“%1”含有控制字符</translation>
    </message>
    <message>
        <source>name “%1” already appears on line %2</source>
        <translation>name 的值“%1”已在第 %2 行出现过</translation>
    </message>
    <message>
        <source>code is empty</source>
        <translation>code 为空</translation>
    </message>
    <message>
        <source>code is longer than %1 characters</source>
        <translation>code 超过 %1 个字符</translation>
    </message>
    <message>
        <source>code “%1” contains spaces or control characters</source>
        <translation>code 的值“%1”含有空格或控制字符</translation>
    </message>
    <message>
        <source>code “%1” already appears on line %2</source>
        <translation>code 的值“%1”已在第 %2 行出现过</translation>
    </message>
    <message>
        <source>duty_phones: %1</source>
        <translation>duty_phones：%1</translation>
    </message>
    <message>
        <source>duty_phones lists more than %1 numbers</source>
        <translation>duty_phones 中的号码超过 %1 个</translation>
    </message>
    <message>
        <source>head_phone: %1</source>
        <translation>head_phone：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>DepartmentImporter</name>
    <message>
        <source>%1: department %2 (%3): %4</source>
        <translation>%1: 承办单位 %2（%3）：%4</translation>
    </message>
    <message>
        <source>%1: cannot save the departments: %2</source>
        <translation>%1: 无法保存承办单位：%2</translation>
    </message>
</context>
<context>
    <name>HolidayCnParser</name>
    <message>
        <source>The holiday calendar is not valid JSON: %1 (at character %2).</source>
        <translation>节假日日历不是有效的 JSON：%1（位于第 %2 个字符处）。</translation>
    </message>
    <message>
        <source>The holiday calendar must be a JSON object with &quot;year&quot; and &quot;days&quot;.</source>
        <translation>节假日日历必须是包含 &quot;year&quot; 和 &quot;days&quot; 的 JSON 对象。</translation>
    </message>
    <message>
        <source>The holiday calendar needs &quot;year&quot; as a whole number between 1900 and 2200.</source>
        <translation>节假日日历的 &quot;year&quot; 必须是 1900 到 2200 之间的整数。</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 needs &quot;days&quot; as a list.</source>
        <translation>%1 年节假日日历的 &quot;days&quot; 必须是列表。</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 is not an object.</source>
        <translation>%2 年节假日日历的第 %1 个条目不是对象。</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has no &quot;date&quot; text.</source>
        <translation>%2 年节假日日历的第 %1 个条目缺少文本形式的 &quot;date&quot;。</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has an invalid date &quot;%3&quot; (expected YYYY-MM-DD).</source>
        <translation>%2 年节假日日历的第 %1 个条目日期“%3”无效（应为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 is too far from that year.</source>
        <translation>%3 年节假日日历的第 %1 个条目（%2）与该年份相隔太远。</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 has no &quot;name&quot; text.</source>
        <translation>%3 年节假日日历的第 %1 个条目（%2）缺少文本形式的 &quot;name&quot;。</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 needs &quot;isOffDay&quot; as true or false.</source>
        <translation>%3 年节假日日历的第 %1 个条目（%2）的 &quot;isOffDay&quot; 必须为 true 或 false。</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 lists %2 twice, once as an off day and once as a working day (entries %3 and %4 of &quot;days&quot;).</source>
        <translation>%1 年节假日日历将 %2 列了两次，一次为休息日，一次为工作日（&quot;days&quot; 的第 %3 和第 %4 个条目）。</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>the phone number is empty</source>
        <translation>电话号码为空</translation>
    </message>
    <message>
        <source>the phone number is longer than %1 characters</source>
        <translation>电话号码超过 %1 个字符</translation>
    </message>
    <message>
        <source>“%1” contains “%2”, which cannot be part of a phone number</source>
        <translation>“%1”中含有“%2”，电话号码中不能出现该字符</translation>
    </message>
    <message>
        <source>“%1” contains no digits</source>
        <translation>“%1”中没有数字</translation>
    </message>
    <message>
        <source>“%1” marks an extension but gives no extension digits</source>
        <translation>“%1”标明了分机，但没有填写分机号</translation>
    </message>
    <message>
        <source>“%1” is not a mainland China number (+86)</source>
        <translation>“%1”不是中国大陆号码（+86）</translation>
    </message>
    <message>
        <source>“%1” has only a country code</source>
        <translation>“%1”只有国家代码</translation>
    </message>
    <message>
        <source>“%1” is a service number (such as 12345 or 95588); a mobile or landline number is needed here</source>
        <translation>“%1”是服务号码（如 12345、95588）；此处需要手机号码或固定电话号码</translation>
    </message>
    <message>
        <source>“%1” is a mobile number; a landline number is needed here</source>
        <translation>“%1”是手机号码；此处需要固定电话号码</translation>
    </message>
    <message>
        <source>“%1” is a landline number; a mobile number is needed here</source>
        <translation>“%1”是固定电话号码；此处需要手机号码</translation>
    </message>
    <message>
        <source>“%1” is not a valid mobile number: it has %2 digits, a mobile number has 11</source>
        <translation>“%1”不是有效的手机号码：它有 %2 位数字，手机号码应为 11 位</translation>
    </message>
    <message>
        <source>“%1” is not a valid mobile number: mobile numbers start with 13 to 19</source>
        <translation>“%1”不是有效的手机号码：手机号码以 13 至 19 开头</translation>
    </message>
    <message>
        <source>“%1”: a mobile number has no extension</source>
        <translation>“%1”：手机号码没有分机号</translation>
    </message>
    <message>
        <source>“%1” is an international number; only mainland China numbers are accepted</source>
        <translation>“%1”是国际号码；只接受中国大陆号码</translation>
    </message>
    <message>
        <source>“%1” has no valid area code (010, 02x, or four digits such as 0757)</source>
        <translation>“%1”没有有效的区号（010、02x，或 0757 这样的四位区号）</translation>
    </message>
    <message>
        <source>“%1” is not a valid landline number: after the area code %2 it needs 8 digits</source>
        <translation>“%1”不是有效的固定电话号码：区号 %2 之后应为 8 位号码</translation>
    </message>
    <message>
        <source>“%1” is not a valid landline number: after the area code %2 it needs 7 or 8 digits</source>
        <translation>“%1”不是有效的固定电话号码：区号 %2 之后应为 7 或 8 位号码</translation>
    </message>
    <message>
        <source>“%1” is not a valid landline number: the number after the area code cannot start with 0</source>
        <translation>“%1”不是有效的固定电话号码：区号之后的号码不能以 0 开头</translation>
    </message>
    <message>
        <source>“%1”: an extension has at most 6 digits</source>
        <translation>“%1”：分机号最多 6 位</translation>
    </message>
    <message>
        <source>“%1” has no area code; write it like 0757-%2</source>
        <translation>“%1”没有区号；请写成 0757-%2 这样的形式</translation>
    </message>
    <message>
        <source>“%1” is not a mainland China phone number (mobile like 13812345678 or landline like 0757-86280000)</source>
        <translation>“%1”不是中国大陆电话号码（手机号码如 13812345678，固定电话如 0757-86280000）</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>The report period from %1 to %2 is empty.</source>
        <translation>报表统计期（%1 至 %2）为空。</translation>
    </message>
    <message>
        <source>Cannot read the departments: %1</source>
        <translation>无法读取承办单位：%1</translation>
    </message>
    <message>
        <source>Cannot compute the report: %1</source>
        <translation>无法统计报表数据：%1</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理量</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单量</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结量</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结量</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>按时办结率（%）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期量</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>回访量</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Satisfaction rate (%)</source>
        <translation>满意率（%）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Hotline report: %1 to %2</source>
        <translation>热线报表：%1 至 %2</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Name of the service centre (report headers)</source>
        <translation>热线中心名称（用于报表表头）</translation>
    </message>
    <message>
        <source>IANA time zone of the centre</source>
        <translation>热线中心所在的 IANA 时区</translation>
    </message>
    <message>
        <source>Working periods of a working day, HH:MM-HH:MM separated by commas</source>
        <translation>工作日的工作时段，格式为 HH:MM-HH:MM，多个时段用英文逗号分隔</translation>
    </message>
    <message>
        <source>Working days to answer a consultation</source>
        <translation>咨询类工单的答复时限（工作日）</translation>
    </message>
    <message>
        <source>Working days to handle any other request</source>
        <translation>其他类工单的办理时限（工作日）</translation>
    </message>
    <message>
        <source>Working hours before the deadline at which a ticket turns yellow</source>
        <translation>距截止时间还剩多少工作小时时工单变为黄色</translation>
    </message>
    <message>
        <source>URL of the SMS gateway (HTTP POST)</source>
        <translation>短信网关地址（HTTP POST）</translation>
    </message>
    <message>
        <source>Bearer token for the SMS gateway</source>
        <translation>短信网关的 Bearer 令牌</translation>
    </message>
    <message>
        <source>Reminder text; placeholders {number} {department} {remaining} {deadline}</source>
        <translation>提醒短信内容；可用占位符 {number} {department} {remaining} {deadline}</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>未知的设置项“%1”。</translation>
    </message>
    <message>
        <source>The centre&apos;s name cannot be empty.</source>
        <translation>热线中心名称不能为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>“%1”不是已知的时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>Give at least one working period, e.g. 08:30-12:00,14:00-17:30.</source>
        <translation>请至少填写一个工作时段，例如 08:30-12:00,14:00-17:30。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid list of ordered working periods (HH:MM-HH:MM,...).</source>
        <translation>“%1”不是按时间先后排列的有效工作时段列表（HH:MM-HH:MM,...）。</translation>
    </message>
    <message>
        <source>%1 must be a whole number of working days from 1 to 60.</source>
        <translation>%1 必须是 1 到 60 之间的整数（单位：工作日）。</translation>
    </message>
    <message>
        <source>sla.yellow_hours must be a number of hours above 0 and at most 48.</source>
        <translation>sla.yellow_hours 必须是大于 0 且不超过 48 的小时数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>“%1”不是 http(s) 地址。</translation>
    </message>
    <message>
        <source>Unknown placeholder {%1} in the template; use {number}, {department}, {remaining} or {deadline}.</source>
        <translation>模板中有未知的占位符 {%1}；请使用 {number}、{department}、{remaining} 或 {deadline}。</translation>
    </message>
    <message>
        <source>The template must name the ticket: include {number}.</source>
        <translation>模板必须写明工单编号：请加入 {number}。</translation>
    </message>
    <message>
        <source>Cannot save the setting: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>A time limit must be between 1 and %1 working days, not %2.</source>
        <translation>办理时限必须在 1 到 %1 个工作日之间，不能为 %2。</translation>
    </message>
    <message>
        <source>The yellow warning threshold cannot be negative.</source>
        <translation>黄色预警阈值不能为负数。</translation>
    </message>
</context>
<context>
    <name>TicketCsvReader</name>
    <message>
        <source>%1 “%2” has no UTC offset; add Z or one like +08:00</source>
        <translation>%1 的值“%2”缺少 UTC 偏移；请加上 Z 或 +08:00 这样的偏移</translation>
    </message>
    <message>
        <source>%1 “%2” is not a real calendar date</source>
        <translation>%1 的值“%2”不是实际存在的日期</translation>
    </message>
    <message>
        <source>%1 “%2” is not a valid time of day</source>
        <translation>%1 的值“%2”不是有效的时间</translation>
    </message>
    <message>
        <source>%1 “%2” has an impossible UTC offset</source>
        <translation>%1 的值“%2”的 UTC 偏移不可能存在</translation>
    </message>
    <message>
        <source>%1 “%2” is not an ISO 8601 instant like 2024-03-01T09:15:00+08:00</source>
        <translation>%1 的值“%2”不是 2024-03-01T09:15:00+08:00 这样的 ISO 8601 时间</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters (it has %3)</source>
        <translation>%1 超过 %2 个字符（实际为 %3 个）</translation>
    </message>
    <message>
        <source>number is empty</source>
        <translation>number 为空</translation>
    </message>
    <message>
        <source>number is longer than %1 characters</source>
        <translation>number 超过 %1 个字符</translation>
    </message>
    <message>
        <source>number “%1” contains spaces or control characters</source>
        <translation>number 的值“%1”含有空格或控制字符</translation>
    </message>
    <message>
        <source>number “%1” already appears on line %2</source>
        <translation>number 的值“%1”已在第 %2 行出现过</translation>
    </message>
    <message>
        <source>channel is empty; allowed: %1</source>
        <translation>channel 为空；允许的值：%1</translation>
    </message>
    <message>
        <source>unknown channel “%1”; allowed: %2</source>
        <translation>channel 的值“%1”未知；允许的值：%2</translation>
    </message>
    <message>
        <source>type is empty; allowed: %1</source>
        <translation>type 为空；允许的值：%1</translation>
    </message>
    <message>
        <source>unknown type “%1”; allowed: %2</source>
        <translation>type 的值“%1”未知；允许的值：%2</translation>
    </message>
    <message>
        <source>caller_phone: %1</source>
        <translation>caller_phone：%1</translation>
    </message>
    <message>
        <source>registered_at is required</source>
        <translation>registered_at 为必填项</translation>
    </message>
    <message>
        <source>%1 (%2) is before %3 (%4)</source>
        <translation>%1（%2）早于 %3（%4）</translation>
    </message>
    <message>
        <source>replied_at is set but dispatched_at is empty: only a dispatched ticket gets a reply</source>
        <translation>填写了 replied_at，但 dispatched_at 为空：只有已派单的工单才会有答复</translation>
    </message>
    <message>
        <source>department is required because dispatched_at is set</source>
        <translation>已填写 dispatched_at，因此 department 为必填项</translation>
    </message>
    <message>
        <source>department must be empty because dispatched_at is empty (a ticket answered at intake goes to no department)</source>
        <translation>dispatched_at 为空，因此 department 必须为空（受理时当场答复的工单不派往任何承办单位）</translation>
    </message>
    <message>
        <source>satisfaction is only allowed with closed_at: the callback answer is recorded when the ticket is closed</source>
        <translation>只有填写了 closed_at 才能填写 satisfaction：回访结果在工单办结时记录</translation>
    </message>
    <message>
        <source>unknown satisfaction “%1”; allowed: %2 or empty</source>
        <translation>satisfaction 的值“%1”未知；允许的值：%2，或留空</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>TicketFold</name>
    <message>
        <source>Ticket %1 is already registered.</source>
        <translation>工单 %1 已登记。</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>工单不存在。</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting for dispatch.</source>
        <translation>工单 %1 不在待派单状态。</translation>
    </message>
    <message>
        <source>Ticket %1 is not with a department.</source>
        <translation>工单 %1 不在承办单位办理中。</translation>
    </message>
    <message>
        <source>Ticket %1 already has an extension request waiting.</source>
        <translation>工单 %1 已有一个待审批的延期申请。</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting to be signed for.</source>
        <translation>工单 %1 不在待签收状态。</translation>
    </message>
    <message>
        <source>Ticket %1 has no extension request waiting.</source>
        <translation>工单 %1 没有待审批的延期申请。</translation>
    </message>
    <message>
        <source>Ticket %1 has no running countdown.</source>
        <translation>工单 %1 没有正在计时的办理时限。</translation>
    </message>
    <message>
        <source>Ticket %1 has no department reply to call back about.</source>
        <translation>工单 %1 尚无承办单位答复，无法回访。</translation>
    </message>
    <message>
        <source>Ticket %1 is already closed.</source>
        <translation>工单 %1 已办结。</translation>
    </message>
    <message>
        <source>Ticket %1 is still with a department.</source>
        <translation>工单 %1 仍在承办单位办理中。</translation>
    </message>
    <message>
        <source>Ticket %1 is not closed.</source>
        <translation>工单 %1 尚未办结。</translation>
    </message>
</context>
<context>
    <name>TicketImporter</name>
    <message>
        <source>department %1</source>
        <translation>承办单位“%1”</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>类别“%1”</translation>
    </message>
    <message>
        <source>town %1</source>
        <translation>镇街“%1”</translation>
    </message>
    <message>
        <source>%1: more errors not listed</source>
        <translation>%1: 还有更多错误未列出</translation>
    </message>
    <message>
        <source>%1: cannot start writing: %2</source>
        <translation>%1: 无法开始写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot write the tickets: %2</source>
        <translation>%1: 无法写入工单：%2</translation>
    </message>
    <message>
        <source>closed_at is set but replied_at is empty: a dispatched ticket is closed after the department&apos;s reply</source>
        <translation>填写了 closed_at，但 replied_at 为空：已派单的工单须在承办单位答复后才能办结</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database</source>
        <translation>工单编号 %1 已存在于数据库中</translation>
    </message>
    <message>
        <source>%1: cannot save the import: %2</source>
        <translation>%1: 无法保存导入结果：%2</translation>
    </message>
</context>
<context>
    <name>TicketService</name>
    <message>
        <source>Enter a short summary of the request.</source>
        <translation>请填写诉求摘要。</translation>
    </message>
    <message>
        <source>The summary is too long (%1 characters, at most %2).</source>
        <translation>摘要过长（%1 个字符，最多 %2 个）。</translation>
    </message>
    <message>
        <source>The details are too long (%1 characters, at most %2).</source>
        <translation>详细内容过长（%1 个字符，最多 %2 个）。</translation>
    </message>
    <message>
        <source>The caller&apos;s name is too long (at most %1 characters).</source>
        <translation>来电人姓名过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>%1 may not do this (%2).</source>
        <translation>%1无权执行此操作（%2）。</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>There is no department with the code &quot;%1&quot;.</source>
        <translation>没有代码为“%1”的承办单位。</translation>
    </message>
    <message>
        <source>Ticket %1 is already with that department.</source>
        <translation>工单 %1 已在该承办单位。</translation>
    </message>
    <message>
        <source>Write the department&apos;s reply.</source>
        <translation>请填写承办单位的答复。</translation>
    </message>
    <message>
        <source>An extension is 1 to 30 working days.</source>
        <translation>延期时长须为 1 至 30 个工作日。</translation>
    </message>
    <message>
        <source>Give the reason for the extension.</source>
        <translation>请填写延期理由。</translation>
    </message>
    <message>
        <source>Ticket %1 has no extension request waiting.</source>
        <translation>工单 %1 没有待审批的延期申请。</translation>
    </message>
    <message>
        <source>Say why the ticket is returned.</source>
        <translation>请填写退单理由。</translation>
    </message>
</context>
<context>
    <name>WorkCalendar</name>
    <message>
        <source>At least one working period is needed.</source>
        <translation>至少需要一个工作时段。</translation>
    </message>
    <message>
        <source>Working period %1 has an invalid start or end time.</source>
        <translation>第 %1 个工作时段的开始或结束时间无效。</translation>
    </message>
    <message>
        <source>Working period %1 must start and end on whole seconds.</source>
        <translation>第 %1 个工作时段的开始和结束时间必须是整秒。</translation>
    </message>
    <message>
        <source>Working period %1 (%2–%3) must end after it starts, on the same day.</source>
        <translation>第 %1 个工作时段（%2–%3）必须在同一天内结束，且结束时间晚于开始时间。</translation>
    </message>
    <message>
        <source>Working period %1 (%2–%3) must start at or after the end of the previous one (%4): periods must be in order and must not overlap.</source>
        <translation>第 %1 个工作时段（%2–%3）的开始时间不能早于上一个时段的结束时间（%4）：各时段必须按先后顺序排列，且不能重叠。</translation>
    </message>
    <message>
        <source>The time zone is not valid.</source>
        <translation>时区无效。</translation>
    </message>
</context>
</TS>
