<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessLog</name>
    <message>
        <source>Cannot write the access log: %1</source>
        <translation>无法写入访问日志：%1</translation>
    </message>
    <message>
        <source>Cannot read the access log: %1</source>
        <translation>无法读取访问日志：%1</translation>
    </message>
</context>
<context>
    <name>AdminLog</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>record starts: %n row(s) as they stood</source>
        <translation>
            <numerusform>开始记录：按当时状态记录 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>日历日期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Intake token</source>
        <translation>受理令牌</translation>
    </message>
</context>
<context>
    <name>AssessmentBuilder</name>
    <message>
        <source>%1 is not a year like 2025.</source>
        <translation>%1 不是 2025 这样的年份。</translation>
    </message>
    <message>
        <source>The year %1 has not begun: there are no figures for it yet.</source>
        <translation>%1 年尚未开始：还没有该年的数据。</translation>
    </message>
</context>
<context>
    <name>AssessmentDocument</name>
    <message>
        <source>Cannot start drawing the assessment.</source>
        <translation>无法开始生成年度考核文档。</translation>
    </message>
    <message>
        <source>Generated %1 (%2)</source>
        <translation>生成于 %1（%2）</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
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
        <translation>排名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理量</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>按时办结率（%）</translation>
    </message>
    <message>
        <source>Satisfaction rate (%)</source>
        <translation>满意率（%）</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超时次数</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退回次数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Annual assessment %1</source>
        <translation>%1 年度考核</translation>
    </message>
    <message>
        <source>Annual assessment %1, to date (as of %2)</source>
        <translation>%1 年度考核（年内累计，截至 %2）</translation>
    </message>
    <message>
        <source>Score = %1 × on-time rate + %2 × satisfaction rate − %3 × breaches − %4 × returns. On-time rate: replies on time ÷ (replies on time + breaches), by each department's own clocks.</source>
        <translation>得分 = %1 × 按时办结率 + %2 × 满意率 − %3 × 超时次数 − %4 × 退回次数。按时办结率：按时答复数 ÷（按时答复数 + 超时次数），按各承办单位各自的计时统计。</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>At registration</source>
        <translation>登记时</translation>
    </message>
    <message>
        <source>Before handling</source>
        <translation>办理前</translation>
    </message>
    <message>
        <source>After handling</source>
        <translation>办理后</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>“%1” is %2 MB; at most %3 MB may be attached (setting attachments.max_mb).</source>
        <translation>“%1”大小为 %2 MB，附件最大为 %3 MB（设置项 attachments.max_mb）。</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>The file has no name.</source>
        <translation>文件没有名称。</translation>
    </message>
    <message>
        <source>The file name is too long (at most %1 characters).</source>
        <translation>文件名过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Unknown stage "%1"; use one of %2.</source>
        <translation>未知阶段“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1为空。</translation>
    </message>
    <message>
        <source>%1 is a program or script; programs cannot be attached.</source>
        <translation>%1是程序或脚本，程序不能作为附件。</translation>
    </message>
    <message>
        <source>%1 is not a photo, PDF, office document or text (its content is %2).</source>
        <translation>%1不是照片、PDF、办公文档或文本（其内容为 %2）。</translation>
    </message>
    <message>
        <source>Ticket not found.</source>
        <translation>未找到工单。</translation>
    </message>
    <message>
        <source>No attachment with the hash %1 on a ticket you may see.</source>
        <translation>在您有权查看的工单中，没有哈希值为 %1 的附件。</translation>
    </message>
    <message>
        <source>The file has not been received from the shared server yet; try again after the next sync.</source>
        <translation>尚未从共享服务器收到该文件；请在下次同步后重试。</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Board at %1: %2 red, %3 yellow, %4 green
</source>
        <translation>看板（%1）：红灯 %2 件，黄灯 %3 件，绿灯 %4 件
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
        <source>The calendar must be a JSON object with a "years" list.</source>
        <translation>日历必须是包含 "years" 列表的 JSON 对象。</translation>
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
    <message>
        <source>A calendar date must be a real date between 1900 and 2200.</source>
        <translation>日历日期必须是 1900 年至 2200 年之间实际存在的日期。</translation>
    </message>
    <message>
        <source>The note on %1 is too long (at most %2 characters).</source>
        <translation>%1 的备注过长（最多 %2 个字符）。</translation>
    </message>
    <message>
        <source>The note on %1 holds a control character.</source>
        <translation>%1 的备注含有控制字符。</translation>
    </message>
</context>
<context>
    <name>CalendarYears</name>
    <message>
        <source>The holiday notice for %1 has not been entered: deadlines in %1 count only weekends as off days. An administrator should enter its off days and make-up working days (the Calendar tab of the console, or hotlinectl calendar import FILE.json / calendar set DATE off).</source>
        <translation>尚未录入 %1 年的放假通知：%1 年的办理时限只把周末算作休息日。请管理员录入该年的休息日和调休上班日（在工作台的“日历”页，或使用 hotlinectl calendar import FILE.json / calendar set DATE off）。</translation>
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
        <translation>匿名</translation>
    </message>
</context>
<context>
    <name>CallerReveal</name>
    <message>
        <source>Ticket not found.</source>
        <translation>未找到工单。</translation>
    </message>
    <message>
        <source>Ticket %1 has no caller name or number: the caller stayed anonymous.</source>
        <translation>工单 %1 没有记录来电人姓名或号码：该来电人为匿名来电。</translation>
    </message>
    <message>
        <source>The number is not shown because its view could not be logged. %1</source>
        <translation>由于无法记录本次查看，号码未予显示。%1</translation>
    </message>
</context>
<context>
    <name>CallerRevealPrompt</name>
    <message>
        <source>Show number</source>
        <translation>显示号码</translation>
    </message>
</context>
<context>
    <name>ChainFinding</name>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>event %1 (ticket %2, %3 %4, type %5)</source>
        <translation>事件 %1（工单 %2，%3 %4，类型 %5）</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>%1 does not match its recorded hash (its content was changed, or it was written by hand)</source>
        <translation>%1 与记录的哈希值不符（其内容被修改过，或是手工写入的）</translation>
    </message>
    <message>
        <source>%1 events are missing before %2</source>
        <translation>%2 之前缺失 %1 个事件</translation>
    </message>
    <message>
        <source>events are missing before %1; its link follows no event that is left</source>
        <translation>%1 之前缺失事件；其链接未接续任何现存事件</translation>
    </message>
    <message>
        <source>%1 is out of place; its link follows the event now at %2 %3</source>
        <translation>%1 顺序错乱；其链接接续的是现位于 %2 %3 的事件</translation>
    </message>
    <message>
        <source>the log is empty but events were recorded</source>
        <translation>日志为空，但曾记录过事件</translation>
    </message>
    <message>
        <source>events are missing after the last one, %1</source>
        <translation>最后一个事件 %1 之后缺失事件</translation>
    </message>
</context>
<context>
    <name>ChainVerifier</name>
    <message>
        <source>the ticket projection refers to event seq %1 but the log ends at seq %2</source>
        <translation>工单状态数据引用了事件 seq %1，但日志止于 seq %2</translation>
    </message>
    <message>
        <source>events up to server sequence %1 were pulled but only %2 are here</source>
        <translation>已拉取至服务器序号 %1 的事件，但本地只有 %2 个</translation>
    </message>
    <message>
        <source>the local database is not open</source>
        <translation>本地数据库未打开</translation>
    </message>
    <message>
        <source>it was the first event of the log</source>
        <translation>它原是日志中的第一个事件</translation>
    </message>
    <message>
        <source>the log jumps from seq %1 to %2</source>
        <translation>日志从 seq %1 跳到了 %2</translation>
    </message>
</context>
<context>
    <name>CitizenActions</name>
    <message>
        <source>Progress call (催办)</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>What did the citizen ask?</source>
        <translation>市民询问了什么？</translation>
    </message>
    <message>
        <source>Please note what the citizen asked.</source>
        <translation>请记录市民询问的内容。</translation>
    </message>
    <message>
        <source>The caller of ticket %1 wants SMS about it again?</source>
        <translation>工单 %1 的来电人要重新接收有关该工单的短信吗？</translation>
    </message>
    <message>
        <source>The caller of ticket %1 declines SMS about it? No further SMS goes to them, including those already waiting.</source>
        <translation>工单 %1 的来电人拒绝接收有关该工单的短信吗？此后将不再向其发送任何短信，包括已在等待发送的短信。</translation>
    </message>
    <message>
        <source>SMS to the caller</source>
        <translation>发给来电人的短信</translation>
    </message>
    <message>
        <source>Registration SMS</source>
        <translation>登记短信</translation>
    </message>
    <message>
        <source>Reply SMS</source>
        <translation>答复短信</translation>
    </message>
    <message>
        <source>%1: sent %2</source>
        <translation>%1：已于 %2 发送</translation>
    </message>
    <message>
        <source>%1: sent by another console (recorded %2)</source>
        <translation>%1：已由其他控制台发送（记录于 %2）</translation>
    </message>
    <message>
        <source>%1: not sent (%2)</source>
        <translation>%1：未发送（%2）</translation>
    </message>
    <message>
        <source>%1: queued, not sent yet</source>
        <translation>%1：已排队，尚未发送</translation>
    </message>
    <message numerus="yes">
        <source>%1: queued, not sent yet; %n attempt(s), last problem: %2</source>
        <translation>
            <numerusform>%1：已排队，尚未发送；已尝试 %n 次，最近一次问题：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>No SMS to the caller: %1</source>
        <translation>未向来电人发送短信：%1</translation>
    </message>
    <message>
        <source>The caller receives SMS about this ticket; none queued yet.</source>
        <translation>来电人会收到有关此工单的短信；目前尚无排队的短信。</translation>
    </message>
</context>
<context>
    <name>ConsoleLogins</name>
    <message>
        <source>a console code is two digits from 01 to 99, not "%1"</source>
        <translation>控制台编号应为 01 至 99 的两位数字，而不是“%1”</translation>
    </message>
    <message>
        <source>console code %1 belongs to the console login %2; remove that one first</source>
        <translation>控制台编号 %1 已属于控制台登录角色 %2；请先将其移除</translation>
    </message>
    <message>
        <source>console login %1 already has console code %2; remove it first to bind it to another</source>
        <translation>控制台登录角色 %1 已有控制台编号 %2；如需绑定其他编号，请先将其移除</translation>
    </message>
    <message>
        <source>the server has no free console code left (99 consoles)</source>
        <translation>服务器已无可用的控制台编号（已有 99 个控制台）</translation>
    </message>
    <message>
        <source>cannot bind console login %1 to code %2: %3</source>
        <translation>无法将控制台登录角色 %1 绑定到编号 %2：%3</translation>
    </message>
    <message>
        <source>there is no console login %1 on this server</source>
        <translation>此服务器上没有控制台登录角色 %1</translation>
    </message>
    <message>
        <source>cannot end console login %1: %2</source>
        <translation>无法停用控制台登录角色 %1：%2</translation>
    </message>
    <message>
        <source>unknown server setting "%1" (known: max_skew_seconds)</source>
        <translation>未知的服务器设置“%1”（可用设置：max_skew_seconds）</translation>
    </message>
    <message>
        <source>max_skew_seconds is a whole number of seconds from 1 to 604800, not "%1"</source>
        <translation>max_skew_seconds 应为 1 至 604800 之间的整数秒数，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>ConsoleRole</name>
    <message>
        <source>the console role name "%1" must be lower-case letters, digits or _ (at most 63, not starting with a digit)</source>
        <translation>工作台角色名“%1”只能由小写字母、数字或 _ 组成（最多 63 个字符，且不能以数字开头）</translation>
    </message>
    <message>
        <source>role names starting with pg_ are reserved by PostgreSQL</source>
        <translation>以 pg_ 开头的角色名由 PostgreSQL 保留</translation>
    </message>
    <message>
        <source>the console role needs a password</source>
        <translation>工作台角色需要密码</translation>
    </message>
    <message>
        <source>the server has no Hotline schema yet</source>
        <translation>服务器尚无热线数据结构</translation>
    </message>
    <message>
        <source>the console role must not be the owner of the Hotline tables (%1)</source>
        <translation>工作台角色不能是热线数据表的所有者（%1）</translation>
    </message>
    <message>
        <source>role %1 is a superuser or may create roles, databases or replicate; a console role must not be, choose another name</source>
        <translation>角色 %1 是超级用户，或有权创建角色、创建数据库或进行复制；工作台角色不能具备这些权限，请换一个名称</translation>
    </message>
    <message>
        <source>role %1 is a member of the owner of the Hotline tables; choose another name</source>
        <translation>角色 %1 是热线数据表所有者的成员；请换一个名称</translation>
    </message>
    <message>
        <source>cannot create or update role %1: %2</source>
        <translation>无法创建或更新角色 %1：%2</translation>
    </message>
    <message>
        <source>cannot let role %1 reach the database: %2</source>
        <translation>无法允许角色 %1 访问数据库：%2</translation>
    </message>
    <message>
        <source>cannot set the console role's rights: %1</source>
        <translation>无法设置工作台角色的权限：%1</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>no input device</source>
        <translation>没有输入设备</translation>
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
    <message>
        <source>it is larger than %1 bytes, the most this command reads; nothing after that was read</source>
        <translation>文件超过本命令读取的上限 %1 字节；超出部分未读取</translation>
    </message>
    <message>
        <source>the record is longer than %1 bytes; reading stopped here (is this a CSV file?)</source>
        <translation>记录长度超过 %1 字节；已在此处停止读取（这是 CSV 文件吗？）</translation>
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
    <message>
        <source>the file has more than %1 data rows, the most this command reads; nothing after that was read</source>
        <translation>文件的数据行超过本命令读取的上限 %1 行；超出部分未读取</translation>
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
        <source>Unknown command "%1". See hotlinectl --help.</source>
        <translation>未知命令“%1”。请参阅 hotlinectl --help。</translation>
    </message>
    <message>
        <source>"%1" is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).</source>
        <translation>“%1”不是 ISO 8601 格式的日期时间（例如 2025-03-03T09:00:00+08:00）。</translation>
    </message>
    <message>
        <source>This command needs the shared server and reminders, which this version does not have yet.</source>
        <translation>此命令需要共享服务器和超时提醒功能，本版本尚未提供。</translation>
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
        <translation>演示数据：%1 个承办单位，%2 件工单（看板上 %3 件：绿灯 %4 件，黄灯 %5 件，红灯 %6 件）。</translation>
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
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>未导入任何数据（共 %2 行，其中 %1 行有误）。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl board [--at ISO8601] [--format text|json]</source>
        <translation>用法：hotlinectl board [--at ISO8601] [--format text|json]</translation>
    </message>
    <message>
        <source>Give either --month or --from/--to, not both.</source>
        <translation>--month 和 --from/--to 只能二选一，不能同时使用。</translation>
    </message>
    <message>
        <source>"%1" is not a month like 2025-03.</source>
        <translation>“%1”不是 2025-03 这样的月份。</translation>
    </message>
    <message>
        <source>--from and --to must both be dates (YYYY-MM-DD) with --from before --to; --to is exclusive.</source>
        <translation>--from 和 --to 都必须是日期（YYYY-MM-DD），且 --from 早于 --to；--to 当天不计入。</translation>
    </message>
    <message>
        <source>Cannot build the report: %1</source>
        <translation>无法生成报表：%1</translation>
    </message>
    <message>
        <source>Imported %1 tickets.</source>
        <translation>已导入 %1 件工单。</translation>
    </message>
    <message>
        <source>Imported %1 departments.</source>
        <translation>已导入 %1 个承办单位。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl escalate [--once] [--at ISO8601]</source>
        <translation>用法：hotlinectl escalate [--once] [--at ISO8601]</translation>
    </message>
    <message>
        <source>Escalating; %1 tickets watched. Stop with Ctrl+C.</source>
        <translation>正在监控 %1 件工单的时限；按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Reminders: %1, accountability records: %2, SMS sent: %3, SMS waiting: %4.</source>
        <translation>提醒：%1，问责记录：%2，已发短信：%3，待发短信：%4。</translation>
    </message>
    <message numerus="yes">
        <source>%n SMS could not be sent and stay queued for a later attempt: %1</source>
        <translation>
            <numerusform>%n 条短信未能发出，已留在队列中稍后重试：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>server init needs --url postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)</source>
        <translation>server init 需要 --url postgresql://用户:密码@主机:端口/数据库（%1）</translation>
    </message>
    <message>
        <source>cannot reach the server %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>server schema is up to date (version %1)</source>
        <translation>服务器数据结构已是最新（版本 %1）</translation>
    </message>
    <message>
        <source>server schema migrated from version %1 to %2</source>
        <translation>服务器数据结构已从版本 %1 迁移到 %2</translation>
    </message>
    <message>
        <source>no server: give --server postgresql://USER:PASSWORD@HOST:PORT/DATABASE</source>
        <translation>未指定服务器：请用 --server postgresql://用户:密码@主机:端口/数据库</translation>
    </message>
    <message>
        <source>not a PostgreSQL address: %1</source>
        <translation>不是 PostgreSQL 地址：%1</translation>
    </message>
    <message>
        <source>cannot write to the local database</source>
        <translation>无法写入本地数据库</translation>
    </message>
    <message>
        <source>console code: %1</source>
        <translation>工作台编号：%1</translation>
    </message>
    <message>
        <source>pushed: %1</source>
        <translation>已推送：%1</translation>
    </message>
    <message>
        <source>pulled: %1</source>
        <translation>已拉取：%1</translation>
    </message>
    <message>
        <source>pending: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <source>conflicts: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <source>kept aside (not understood by this version): %1</source>
        <translation>暂存（本版本无法识别）：%1</translation>
    </message>
    <message>
        <source>%1 online, pending %2, conflicts %3</source>
        <translation>%1 在线，待上传 %2，冲突 %3</translation>
    </message>
    <message>
        <source>%1 offline: %2</source>
        <translation>%1 离线：%2</translation>
    </message>
    <message>
        <source>Cannot draw the PDF report: %1</source>
        <translation>无法生成 PDF 报表：%1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 events before it are intact.</source>
        <translation>此前的 %1 个事件完整无误。</translation>
    </message>
    <message>
        <source>verify --server needs postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)</source>
        <translation>verify --server 需要 postgresql://用户:密码@主机:端口/数据库（%1）</translation>
    </message>
    <message>
        <source>the server's event log</source>
        <translation>服务器的事件日志</translation>
    </message>
    <message>
        <source>%1 events match the copies this console pulled.</source>
        <translation>%1 个事件与本工作台拉取的副本一致。</translation>
    </message>
    <message>
        <source>verify takes no arguments (did you mean --server URL?).</source>
        <translation>verify 不接受其他参数（您是否想用 --server 地址？）。</translation>
    </message>
    <message>
        <source>the event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Usage: hotlinectl export tickets [--month YYYY-MM | --from DATE --to DATE] [-o FILE] [--unmasked]</source>
        <translation>用法：hotlinectl export tickets [--month YYYY-MM | --from DATE --to DATE] [-o FILE] [--unmasked]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl access-log [--from DATE --to DATE]</source>
        <translation>用法：hotlinectl access-log [--from DATE --to DATE]</translation>
    </message>
    <message>
        <source>access-log takes --from and --to (dates, --to exclusive), not --month.</source>
        <translation>access-log 使用 --from 和 --to（日期，--to 当天不计入），不支持 --month。</translation>
    </message>
    <message>
        <source>Password for the console role %1: </source>
        <translation>工作台角色 %1 的密码：</translation>
    </message>
    <message>
        <source>the console role needs a password: set HOTLINE_CONSOLE_PASSWORD or give it on standard input</source>
        <translation>工作台角色需要密码：请设置 HOTLINE_CONSOLE_PASSWORD，或通过标准输入提供</translation>
    </message>
    <message>
        <source>the schema is ready, but the console role was not set up: %1</source>
        <translation>数据结构已就绪，但未能设置工作台角色：%1</translation>
    </message>
    <message>
        <source>console role %1 may read events, push them through hotline_push, join, sync reference data and claim SMS; consoles connect as it</source>
        <translation>工作台角色 %1 可以读取事件、通过 hotline_push 推送事件、加入服务器、同步基础数据和认领短信；各工作台以该角色连接</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s)</source>
        <translation>
            <numerusform>登录失败 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>没有用户 %1。</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 已解锁。</translation>
    </message>
    <message>
        <source>Cannot read the new password from standard input.</source>
        <translation>无法从标准输入读取新密码。</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>
The same again: </source>
        <translation>
再输入一次：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>Give the new password on standard input, e.g. from a file: hotlinectl users reset-password NAME &lt; FILE</source>
        <translation>请通过标准输入提供新密码，例如从文件读取：hotlinectl users reset-password NAME &lt; FILE</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>密码未修改：%1</translation>
    </message>
    <message>
        <source>%1 has a new password and must choose another at the next sign-in; the account is unlocked.</source>
        <translation>%1 已设置新密码，下次登录时须另设密码；该账号已解锁。</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 已启用。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl users list | unlock NAME | enable NAME | reset-password NAME (the new password on standard input)</source>
        <translation>用法：hotlinectl users list | unlock NAME | enable NAME | reset-password NAME（新密码从标准输入读取）</translation>
    </message>
    <message numerus="yes">
        <source>note: the calendar now gives %n open ticket(s) another deadline; they keep theirs until an administrator re-decides them (the Calendar tab of the console).</source>
        <translation>
            <numerusform>提示：按现行日历，%n 件未办结工单的办理时限将有所不同；在管理员重新确定之前，这些工单仍沿用现有的办理时限（见工作台的“日历”页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Usage: hotlinectl calendar set DATE... off|workday|normal [--note TEXT]</source>
        <translation>用法：hotlinectl calendar set DATE... off|workday|normal [--note TEXT]</translation>
    </message>
    <message>
        <source>Unknown kind of day "%1": off, workday or normal.</source>
        <translation>未知的日期类型“%1”：应为 off、workday 或 normal。</translation>
    </message>
    <message>
        <source>A normal day has no note.</source>
        <translation>普通日期（normal）不能带备注。</translation>
    </message>
    <message>
        <source>"%1" is not a date (YYYY-MM-DD).</source>
        <translation>“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未做任何更改：%1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n calendar date(s).</source>
        <translation>
            <numerusform>已保存 %n 个日历日期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: hotlinectl calendar list [--year YYYY]</source>
        <translation>用法：hotlinectl calendar list [--year YYYY]</translation>
    </message>
    <message>
        <source>--year must be a year between 1900 and 2200.</source>
        <translation>--year 必须是 1900 到 2200 之间的年份。</translation>
    </message>
    <message>
        <source>The PDF report is binary: give -o FILE (or -o - to send it to standard output that is not a terminal).</source>
        <translation>PDF 报表是二进制数据：请用 -o FILE 指定文件（或用 -o - 输出到非终端的标准输出）。</translation>
    </message>
    <message>
        <source>Standard output is a terminal: the PDF report is not written there. Give -o FILE, or redirect standard output to a file.</source>
        <translation>标准输出是终端：PDF 报表不会写到终端。请用 -o FILE 指定文件，或将标准输出重定向到文件。</translation>
    </message>
    <message>
        <source>warning: %1 was written, but the list of hotlinectl's outputs could not be updated: %2</source>
        <translation>警告：%1 已写入，但无法更新 hotlinectl 的输出文件清单：%2</translation>
    </message>
    <message>
        <source>There is no database at %1; nothing was created. Create it with: hotlinectl --db %1 init</source>
        <translation>%1 处没有数据库；未创建任何文件。请用以下命令创建：hotlinectl --db %1 init</translation>
    </message>
    <message>
        <source>%1 is longer than %2 bytes; a setting is a single value.</source>
        <translation>%1 超过 %2 字节；设置项只能是单个值。</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl config set KEY --from-file PATH | config set KEY --stdin</source>
        <translation>用法：hotlinectl config set KEY --from-file PATH | config set KEY --stdin</translation>
    </message>
    <message>
        <source>warning: a secret on the command line can be seen by other users and stays in the shell's history; prefer config set %1 --stdin or --from-file PATH.</source>
        <translation>警告：写在命令行上的密钥可被其他用户看到，并会留在 shell 历史记录中；建议改用 config set %1 --stdin 或 --from-file PATH。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl config get KEY | config set KEY VALUE | config set KEY --from-file PATH | config set KEY --stdin | config list</source>
        <translation>用法：hotlinectl config get KEY | config set KEY VALUE | config set KEY --from-file PATH | config set KEY --stdin | config list</translation>
    </message>
    <message>
        <source>… and %1 more bad rows not listed; hotlinectl %2 --all-errors lists them all.</source>
        <translation>……另有 %1 行错误未列出；hotlinectl %2 --all-errors 可列出全部。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl import tickets FILE.csv [--all-errors]</source>
        <translation>用法：hotlinectl import tickets FILE.csv [--all-errors]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl departments import FILE.csv [--all-errors]</source>
        <translation>用法：hotlinectl departments import FILE.csv [--all-errors]</translation>
    </message>
    <message>
        <source>Imported %1 categories: %2 new, %3 updated.</source>
        <translation>已导入 %1 个类别：新增 %2 个，更新 %3 个。</translation>
    </message>
    <message>
        <source>Imported %1 towns: %2 new, %3 updated.</source>
        <translation>已导入 %1 个镇街：新增 %2 个，更新 %3 个。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>class</source>
        <translation>时限类别</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>by ticket type</source>
        <translation>按工单类型</translation>
    </message>
    <message>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>No categories.</source>
        <translation>没有类别。</translation>
    </message>
    <message>
        <source>No towns.</source>
        <translation>没有镇街。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl %1 import FILE.csv | %1 list [--format text|json]</source>
        <translation>用法：hotlinectl %1 import FILE.csv | %1 list [--format text|json]</translation>
    </message>
    <message>
        <source>setting from the server refused (local value kept): %1</source>
        <translation>未采用服务器下发的设置（保留本地值）：%1</translation>
    </message>
    <message>
        <source>%1: longer than %2 bytes; reading stopped here (is this a holiday-cn JSON file?)</source>
        <translation>%1：超过 %2 字节，已停止读取（这是 holiday-cn JSON 文件吗？）</translation>
    </message>
    <message>
        <source>%1 is not a Hotline Console database (an empty file, a folder or a device); it was left untouched.</source>
        <translation>%1 不是民声热线工作台的数据库（是空文件、文件夹或设备）；未作任何改动。</translation>
    </message>
    <message>
        <source>"%1" is outside the years 1900 to 2200.</source>
        <translation>“%1”超出 1900 至 2200 年的范围。</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was changed. To clear the setting, give an empty value: hotlinectl config set KEY ""</source>
        <translation>%1 为空；未作任何更改。如需清除该设置，请给出空值：hotlinectl config set KEY ""</translation>
    </message>
    <message>
        <source>Usage: hotlinectl audit [--from DATE --to DATE] [--entity NAME] [--format text|json]</source>
        <translation>用法：hotlinectl audit [--from DATE --to DATE] [--entity NAME] [--format text|json]</translation>
    </message>
    <message>
        <source>Unknown entity “%1”: use one of %2.</source>
        <translation>未知的对象类型“%1”：请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>init takes no arguments (did you mean --demo or --training?).</source>
        <translation>init 不接受其他参数（您是否想用 --demo 或 --training？）。</translation>
    </message>
    <message>
        <source>Give either --demo or --training: a training database starts without tickets.</source>
        <translation>--demo 和 --training 只能二选一：培训数据库创建时不含工单。</translation>
    </message>
    <message>
        <source>It is a training database; its training users keep their password.</source>
        <translation>这是培训数据库；其培训用户保留原有密码。</translation>
    </message>
    <message numerus="yes">
        <source>Training database: %n training user(s), one per role and department:</source>
        <translation>
            <numerusform>培训数据库：共 %n 个培训用户，每个角色和承办单位各一个：</numerusform>
        </translation>
    </message>
    <message>
        <source>Their password (shown only now): %1</source>
        <translation>他们的密码（仅此次显示）：%1</translation>
    </message>
    <message>
        <source>Cannot compare the projection with the event log: %1</source>
        <translation>无法将工单状态数据与事件日志比对：%1</translation>
    </message>
    <message>
        <source>%1 of %2 tickets (or rows) differ from what the events give; hotlinectl rebuild derives the projection again from the events.</source>
        <translation>%2 件工单（或行）中有 %1 件与事件推导的结果不一致；hotlinectl rebuild 可根据事件重新生成工单状态数据。</translation>
    </message>
    <message>
        <source>OK: the projection of %1 tickets (%2 dispatch and callback rows) is what the events give.</source>
        <translation>正常：%1 件工单的状态数据（含 %2 行派单和回访记录）与事件推导的结果一致。</translation>
    </message>
    <message>
        <source>Dispatch desk reminders: %1.</source>
        <translation>调度台提醒：%1。</translation>
    </message>
    <message>
        <source>Say who acts: --as USER, with the password on standard input (a ticket's record names a person; only a training database acts without one).</source>
        <translation>请指明操作人：--as USER，并通过标准输入提供密码（工单记录须写明操作人；只有培训数据库可不指定操作人）。</translation>
    </message>
    <message>
        <source>Give %1's password on standard input (one line).</source>
        <translation>请通过标准输入提供 %1 的密码（一行）。</translation>
    </message>
    <message>
        <source>%1 must choose a new password (sign in to the console once) before acting.</source>
        <translation>%1 须先设置新密码（在工作台登录一次）才能操作。</translation>
    </message>
    <message>
        <source>Give the department: --department NAME|CODE.</source>
        <translation>请指定承办单位：--department NAME|CODE。</translation>
    </message>
    <message>
        <source>There is no department "%1" (by code or name). See the departments in the console's administration or import them with hotlinectl departments import.</source>
        <translation>没有编码或名称为“%1”的承办单位。请在工作台的管理页面查看承办单位，或用 hotlinectl departments import 导入。</translation>
    </message>
    <message>
        <source>There is no category "%1" (see hotlinectl categories list).</source>
        <translation>没有名为“%1”的类别（参见 hotlinectl categories list）。</translation>
    </message>
    <message>
        <source>There is no town "%1" (see hotlinectl towns list).</source>
        <translation>没有名为“%1”的镇街（参见 hotlinectl towns list）。</translation>
    </message>
    <message>
        <source>"%1" is not a ticket type (consult, complaint, help, suggestion, report).</source>
        <translation>“%1”不是工单类型（consult、complaint、help、suggestion、report）。</translation>
    </message>
    <message>
        <source>"%1" is not a channel (phone, weibo, wechat, web, petition, interview, walkin).</source>
        <translation>“%1”不是渠道（phone、weibo、wechat、web、petition、interview、walkin）。</translation>
    </message>
    <message>
        <source>--class is consult or handling, not "%1".</source>
        <translation>--class 应为 consult 或 handling，而不是“%1”。</translation>
    </message>
    <message>
        <source>A ticket of type %1 in category "%2" has the time limit %3, not %4: the type and the category decide it.</source>
        <translation>类型为 %1、类别为“%2”的工单，办理时限为 %3，而不是 %4：时限由工单类型和类别决定。</translation>
    </message>
    <message>
        <source>%1: %2 by %3, now %4</source>
        <translation>%1：%3 已执行 %2，当前状态 %4</translation>
    </message>
    <message>
        <source>, with %1 until %2</source>
        <translation>，由 %1 承办，办理时限 %2</translation>
    </message>
    <message>
        <source>extend needs --days N, a whole number of working days.</source>
        <translation>extend 需要 --days N（整数个工作日）。</translation>
    </message>
    <message>
        <source>decide-extension needs either --approve or --refuse.</source>
        <translation>decide-extension 需要 --approve 或 --refuse 其中之一。</translation>
    </message>
    <message>
        <source>callback needs --answer satisfied, basic or unsatisfied.</source>
        <translation>callback 需要 --answer satisfied、basic 或 unsatisfied。</translation>
    </message>
    <message>
        <source>show --format is text or json.</source>
        <translation>show --format 只能是 text 或 json。</translation>
    </message>
    <message>
        <source>ticket %1 does not take %2.</source>
        <translation>ticket %1 不接受 %2 选项。</translation>
    </message>
    <message>
        <source>ticket show has no --at: it shows the ticket as recorded.</source>
        <translation>ticket show 没有 --at 选项：它按记录显示工单。</translation>
    </message>
    <message>
        <source>--at is accepted only on a training database: no back-dating on a real record.</source>
        <translation>--at 仅可用于培训数据库：正式记录不允许倒填时间。</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>没有工单 %1。</translation>
    </message>
    <message>
        <source>--at %1 is before the ticket's last event (%2): a drill's clock does not run backwards.</source>
        <translation>--at %1 早于该工单的最后一个事件（%2）：演练的时钟不能倒退。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Ticket %1 · %2 · %3 · %4</source>
        <translation>工单 %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Caller: %1 %2</source>
        <translation>来电人：%1 %2</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Department: %1, deadline %2</source>
        <translation>承办单位：%1，办理时限 %2</translation>
    </message>
    <message>
        <source>Waits for dispatch since %1.</source>
        <translation>自 %1 起等待派单。</translation>
    </message>
    <message>
        <source>Waits for the callback since %1.</source>
        <translation>自 %1 起等待回访。</translation>
    </message>
    <message>
        <source>Breached: a department's clock passed its deadline without a reply.</source>
        <translation>已超时：有承办单位的计时已过办理时限而未答复。</translation>
    </message>
    <message>
        <source>  clock %1 from %2, deadline %3: %4%5</source>
        <translation>  %1 计时自 %2 起，办理时限 %3：%4%5</translation>
    </message>
    <message>
        <source>running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>, breached at %1</source>
        <translation>，于 %1 超时</translation>
    </message>
    <message>
        <source>--assessment needs --year YYYY (the calendar year assessed).</source>
        <translation>--assessment 需要 --year YYYY（所考核的自然年度）。</translation>
    </message>
    <message>
        <source>Give either --year, --month or --from/--to, not several.</source>
        <translation>--year、--month 和 --from/--to 只能选其一，不能同时使用。</translation>
    </message>
    <message>
        <source>"%1" is not a year like 2025.</source>
        <translation>“%1”不是 2025 这样的年份。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE | --year YYYY [--assessment]] [--at ISO8601] [--format text|csv|json|pdf] [-o FILE]</source>
        <translation>用法：hotlinectl report [--month YYYY-MM | --from DATE --to DATE | --year YYYY [--assessment]] [--at ISO8601] [--format text|csv|json|pdf] [-o FILE]</translation>
    </message>
    <message>
        <source>Usage: hotlinectl attachment save HASH -o FILE [--as USER]
  HASH is the sha256 that hotlinectl ticket show lists for the file.</source>
        <translation>用法：hotlinectl attachment save HASH -o FILE [--as USER]
  HASH 是 hotlinectl ticket show 为该文件列出的 sha256 值。</translation>
    </message>
    <message>
        <source>attachment save does not take %1.</source>
        <translation>attachment save 不接受 %1。</translation>
    </message>
    <message>
        <source>A file's bytes go to a file: give -o FILE.</source>
        <translation>文件内容须写入文件：请指定 -o FILE。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl import interview FILE [--type T] [--category NAME] [--town NAME]</source>
        <translation>用法：hotlinectl import interview FILE [--type T] [--category NAME] [--town NAME]</translation>
    </message>
    <message>
        <source>%1:%2: already imported as %3</source>
        <translation>%1:%2：已导入为 %3</translation>
    </message>
    <message>
        <source>Usage: hotlinectl intake token add NAME --channel web|wechat|weibo|petition|interview | intake token list [--format text|json] | intake token revoke NAME</source>
        <translation>用法：hotlinectl intake token add NAME --channel web|wechat|weibo|petition|interview | intake token list [--format text|json] | intake token revoke NAME</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>已吊销 %1</translation>
    </message>
    <message>
        <source>Token %1 (%2) added. It is shown only now: give it to the integration; only its hash is kept.</source>
        <translation>已添加令牌 %1（%2）。令牌仅在此时显示一次：请将其交给对接系统；系统只保存其哈希值。</translation>
    </message>
    <message>
        <source>Token %1 revoked: its requests are refused from now on.</source>
        <translation>令牌 %1 已吊销：此后其请求将一律被拒绝。</translation>
    </message>
    <message>
        <source>Usage: hotlinectl serve --listen HOST:PORT</source>
        <translation>用法：hotlinectl serve --listen HOST:PORT</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, e.g. 127.0.0.1:8311 (not %1)</source>
        <translation>--listen 需要 HOST:PORT，例如 127.0.0.1:8311（而不是 %1）</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>无法监听 %1：%2</translation>
    </message>
    <message>
        <source>serving %1 on http://%2:%3/ (stop with Ctrl+C)</source>
        <translation>正在 http://%2:%3/ 上提供 %1 服务（按 Ctrl+C 停止）</translation>
    </message>
    <message>
        <source>%1 shared server offline: %2</source>
        <translation>%1 共享服务器离线：%2</translation>
    </message>
    <message>
        <source>syncing with the shared server every %1 s</source>
        <translation>每 %1 秒与共享服务器同步一次</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Usage: hotlinectl search TEXT [--format text|json] [--limit N] --as USER</source>
        <translation>用法：hotlinectl search TEXT [--format text|json] [--limit N] --as USER</translation>
    </message>
    <message>
        <source>--limit is a number from 1 to %1.</source>
        <translation>--limit 须为 1 到 %1 之间的数字。</translation>
    </message>
    <message>
        <source>number	status	registered	department	summary</source>
        <translation>编号	状态	登记时间	承办单位	摘要</translation>
    </message>
    <message>
        <source>%1 shown of more than %2 tickets.</source>
        <translation>已显示 %1 条，共超过 %2 条工单。</translation>
    </message>
    <message>
        <source>%1 shown of %2 tickets.</source>
        <translation>已显示 %1 条，共 %2 条工单。</translation>
    </message>
    <message>
        <source>Words of one or two characters alone are looked for in the newest %1 tickets; add a longer word to search them all.</source>
        <translation>仅含一两个字的词只在最新的 %1 条工单中查找；再加上一个更长的词即可搜索全部工单。</translation>
    </message>
    <message>
        <source>files: %1 sent, %2 received, %3 not yet on the server, %4 refused (content does not match its hash)</source>
        <translation>文件：已发送 %1 个，已接收 %2 个，%3 个尚未上传到服务器，%4 个被拒绝（内容与其哈希值不符）</translation>
    </message>
    <message>
        <source>%1 is a number of degrees, not "%2".</source>
        <translation>%1 应为度数，而不是“%2”。</translation>
    </message>
    <message>
        <source>%1 now follows %2 and is answered with it.</source>
        <translation>%1 现已跟随 %2，将随其一并答复。</translation>
    </message>
    <message>
        <source>%1: attached %2 (%3 bytes, sha256 %4) by %5</source>
        <translation>%1：%5 附加了 %2（%3 字节，sha256 %4）</translation>
    </message>
    <message>
        <source>merge needs --into NUMBER, the ticket the call follows.</source>
        <translation>merge 需要 --into NUMBER，即此来电所跟随的工单。</translation>
    </message>
    <message>
        <source>ticket sms needs either --on or --off.</source>
        <translation>ticket sms 需要 --on 或 --off 之一。</translation>
    </message>
    <message>
        <source>follow-up needs --text: what the citizen asked.</source>
        <translation>follow-up 需要 --text：市民询问的内容。</translation>
    </message>
    <message>
        <source>attach --stage is registration, before, after or document.</source>
        <translation>attach --stage 须为 registration、before、after 或 document。</translation>
    </message>
    <message>
        <source>Place: %1%2</source>
        <translation>地点：%1%2</translation>
    </message>
    <message>
        <source>Follows %1 (the same incident): answered with it.</source>
        <translation>跟随 %1（同一事件）：随其一并答复。</translation>
    </message>
    <message>
        <source>Followers: %1</source>
        <translation>跟随工单：%1</translation>
    </message>
    <message>
        <source>Progress calls (催办): %1.</source>
        <translation>催办：%1。</translation>
    </message>
    <message>
        <source>The caller declined SMS about this ticket.</source>
        <translation>来电人已拒绝接收有关此工单的短信。</translation>
    </message>
    <message>
        <source>  file %1 (%2, %3 bytes, %4) by %5 at %6%7</source>
        <translation>  文件 %1（%2，%3 字节，%4），由 %5 于 %6 附加%7</translation>
    </message>
    <message>
        <source>, not yet received</source>
        <translation>，尚未接收</translation>
    </message>
    <message>
        <source>number clashes: %1 ticket number(s) name more than one ticket (two consoles gave them alike); a dispatcher renumbers one of each: hotlinectl ticket renumber NUMBER --id PREFIX --as USER</source>
        <translation>编号冲突：%1 个工单编号对应多个工单（两个控制台分配了相同编号）；须由派单员为每组中的一个工单重新编号：hotlinectl ticket renumber NUMBER --id PREFIX --as USER</translation>
    </message>
    <message>
        <source>Console codes and receive times not checked: this login may not read them (use the owner or a console login).</source>
        <translation>未校验控制台编号和接收时间：此登录角色无权读取（请使用所有者或控制台登录角色）。</translation>
    </message>
    <message>
        <source>OK: every event's console code is its login's and its time is within the skew of when the server received it.</source>
        <translation>正常：每个事件的控制台编号均与其登录角色相符，且事件时间与服务器接收时间之差均在时钟偏差范围之内。</translation>
    </message>
    <message>
        <source>%1 events break the server's rules on console codes and times (the first %2 are listed); see docs/TAMPER-EVIDENCE.md.</source>
        <translation>%1 个事件违反服务器关于控制台编号和时间的规则（列出前 %2 个）；参见 docs/TAMPER-EVIDENCE.md。</translation>
    </message>
    <message>
        <source>number clashes: %1 (ticket numbers that name more than one ticket; hotlinectl verify lists them, hotlinectl ticket renumber resolves one)</source>
        <translation>编号冲突：%1（对应多个工单的工单编号；hotlinectl verify 可列出，hotlinectl ticket renumber 可逐个解决）</translation>
    </message>
    <message>
        <source>pushed numbers the server already had under another ticket: %1</source>
        <translation>已推送但服务器上已属于其他工单的编号：%1</translation>
    </message>
    <message>
        <source>%1 needs --url postgresql://OWNER:PASSWORD@HOST:PORT/DATABASE (%2)</source>
        <translation>%1 需要 --url postgresql://OWNER:PASSWORD@HOST:PORT/DATABASE（%2）</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server add-console NAME --url URL [--code CC]</source>
        <translation>用法：hotlinectl server add-console NAME --url URL [--code CC]</translation>
    </message>
    <message>
        <source>the console login needs a password: set HOTLINE_CONSOLE_PASSWORD or give it on standard input</source>
        <translation>控制台登录角色需要密码：请设置 HOTLINE_CONSOLE_PASSWORD，或通过标准输入提供</translation>
    </message>
    <message>
        <source>console login %1 has console code %2; the console at that desk syncs with postgresql://%1:PASSWORD@HOST:PORT/DATABASE</source>
        <translation>控制台登录角色 %1 的控制台编号为 %2；该席位的控制台通过 postgresql://%1:PASSWORD@HOST:PORT/DATABASE 同步</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server remove-console NAME --url URL</source>
        <translation>用法：hotlinectl server remove-console NAME --url URL</translation>
    </message>
    <message>
        <source>console login %1 (console code %2) can no longer connect or push; its events stay</source>
        <translation>控制台登录角色 %1（控制台编号 %2）已无法连接或推送；其事件予以保留</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server consoles --url URL</source>
        <translation>用法：hotlinectl server consoles --url URL</translation>
    </message>
    <message>
        <source>no console login: may read, not push</source>
        <translation>非控制台登录角色：可读取，不可推送</translation>
    </message>
    <message>
        <source>login %1 removed</source>
        <translation>登录角色 %1 已移除</translation>
    </message>
    <message>
        <source>login %1, not joined yet</source>
        <translation>登录角色 %1，尚未加入</translation>
    </message>
    <message>
        <source>login %1, no completed pass yet</source>
        <translation>登录角色 %1，尚未完成过同步</translation>
    </message>
    <message>
        <source>login %1, last completed pass from %2</source>
        <translation>登录角色 %1，最近一次完成同步：%2</translation>
    </message>
    <message>
        <source>Usage: hotlinectl server config --url URL [KEY [VALUE]]</source>
        <translation>用法：hotlinectl server config --url URL [KEY [VALUE]]</translation>
    </message>
    <message>
        <source>unknown server setting "%1"</source>
        <translation>未知的服务器设置“%1”</translation>
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
        <translation>用法：hotlinectl ticket VERB [NUMBER] [--as USER] [--at ISO8601] [options]
  register --summary TEXT [--type T] [--channel C] [--category NAME] [--town NAME] [--caller-name NAME]
           [--caller-phone PHONE] [--details TEXT] [--class consult|handling] [--no-sms]
           （打印新工单编号；--no-sms：来电人拒绝接收有关该工单的短信）
  dispatch NUMBER --department NAME|CODE      sign NUMBER      reply NUMBER --text TEXT
  return NUMBER --reason TEXT                 transfer NUMBER --department NAME|CODE --reason TEXT
  extend NUMBER --days N --reason TEXT        decide-extension NUMBER --approve|--refuse [--reason TEXT]
  callback NUMBER --answer satisfied|basic|unsatisfied [--text TEXT]
  close NUMBER [--text TEXT]                  reopen NUMBER --reason TEXT
  show NUMBER [--format text|json] [--unmasked]
  merge NUMBER --into NUMBER [--reason TEXT]  （同一事件：NUMBER 跟随另一工单，随其一并答复）
  follow-up NUMBER --text TEXT   （市民催办）
  sms NUMBER --on|--off          （是否向来电人发送有关此工单的短信）
  register … [--address TEXT] [--latitude DEG --longitude DEG]   事项发生地点
  attach NUMBER FILE [--stage registration|before|after|document]   照片或文档
  renumber NUMBER [--id PREFIX] [--reason TEXT]   从本控制台的编号序列分配新编号（并打印）
当 NUMBER 对应多个工单时（两个控制台分配了相同编号），用 --id PREFIX 选定其中一个；
重新编号的工单仍可通过原编号查到。
--as USER 从标准输入读取 USER 的密码；在培训数据库上，培训用户无需密码即可操作，
且 --at 可将操作时间提前或推后（仅限培训数据库）。</translation>
    </message>
    <message>
        <source>Pick one with --id PREFIX (the first characters of its id above), or give one of them a new number: hotlinectl ticket renumber %1 --id PREFIX --as USER.</source>
        <translation>请用 --id PREFIX（上方所列 id 的前几个字符）选定其中一个，或为其中一个分配新编号：hotlinectl ticket renumber %1 --id PREFIX --as USER。</translation>
    </message>
    <message>
        <source>%1 is the former number of ticket %2.</source>
        <translation>%1 是工单 %2 的原编号。</translation>
    </message>
    <message>
        <source>Formerly: %1</source>
        <translation>原编号：%1</translation>
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
        <translation>用法：hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]

管理 Hotline Console 数据库。--db 指定本地 SQLite 文件（默认：控制台自身的数据库）。
输出写到 stdout，或用 -o 写到 FILE；错误写到 stderr，并以非零退出码退出。

命令：
  init [--demo | --training]            创建或迁移数据库；--demo 添加演示数据；
                                        --training：创建带培训用户的培训数据库
  calendar import FILE...               导入 holiday-cn JSON 日历（全部导入或全不导入）
  calendar set DATE... off|workday|normal [--note TEXT]
                                        将日期标记为休息日、调休工作日，或恢复为周一至周五
  calendar list [--year YYYY]           列出休息日和调休工作日，以及缺少哪些放假通知
  deadline --class consult|handling --start ISO8601
                                        打印在该时刻派单的办理时限
  import tickets FILE.csv [--all-errors]
                                        导入历史工单（全部导入或全不导入）；错误行最多
                                        列出 1,000 行，使用 --all-errors 则全部列出
  import interview FILE [--type T] [--category NAME] [--town NAME]
                                        将微访谈的问题导入为由本控制台编号的新工单
                                        （单个事务）；打印工单编号
  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]
                                        办结率报表；--to 不含当日
                                        --at ISO8601：按该时刻计算（默认月份：该时刻所在月份）
  report --year YYYY [--assessment] [--format text|csv|json|pdf]
                                        一个日历年（当年则截至今日）；--assessment：
                                        承办单位年度考核，含评分和排名
  board [--at ISO8601] [--format text|json]
                                        未办结工单及其颜色和剩余工作时间
  departments import FILE.csv [--all-errors]
                                        name,code,duty_phones,head_phone（全部导入或全不导入）
  categories import FILE.csv            code,name,department,class（常用承办单位，consult|handling）
  categories list [--format text|json]  类别及其派单路由
  towns import FILE.csv | towns list [--format text|json]
                                        code,name
  export tickets [--month YYYY-MM | --from DATE --to DATE] [--unmasked]
                                        导出历史工单 CSV；来电人信息已脱敏，除非使用 --unmasked（记入日志）
  access-log [--from DATE --to DATE]    谁查看过完整的来电人信息（查看及未脱敏导出）
  config get|set KEY [VALUE]            读取或修改设置；'config list' 列出全部设置
                                        （机密显示为 ••••）；set KEY --stdin | --from-file PATH 从输入读取值
  verify [--server URL]                 校验事件日志的哈希链（或服务器的事件日志，指定 --db 时
                                        与其副本比对）；指出第一个被篡改、删除、重排或截断的
                                        本地事件，再核对投影是否与事件推导结果一致
                                        （指出第一个不一致的工单）；打印日志戳；
                                        指定 --server 时还列出控制台编号或时间违反服务器规则的事件
  rebuild                               根据事件重新推导工单投影
  permissions                           角色 × 操作权限表（Markdown）
  users list | unlock NAME | enable NAME | reset-password NAME
                                        账户管理；reset-password 从 stdin 读取新密码
  server init --url URL [--console-role NAME]
                                        创建或迁移共享 PostgreSQL 服务器的数据库结构；
                                        --console-role：供控制台使用的受限登录角色（密码
                                        取自 HOTLINE_CONSOLE_PASSWORD 或 stdin）
  server add-console NAME --url URL [--code CC]
                                        为一个控制台创建一个登录角色（密码取自
                                        HOTLINE_CONSOLE_PASSWORD 或 stdin）；打印其控制台编号
  server remove-console NAME --url URL  停用某控制台的登录角色（其事件保留）
  server config --url URL [KEY [VALUE]] 服务器设置（max_skew_seconds）
  server consoles --url URL             列出每个控制台编号：登录角色、计算机和最近一次同步
  sync [--server URL] [--once]          连接服务器并同步（--once：推送和拉取各一次后退出；
                                        不带此项：持续同步直至停止，作为无界面副本运行）
  sync conflicts [--format text|json]   两个控制台同时修改的基础数据：各处保留的修改
                                        和被覆盖的修改（修改人、所在控制台）
  escalate [--once] [--at ISO8601]      按该时刻发出提醒（短信）并进行问责；--once：补齐积压，
                                        发送到期内容后退出；不带此项：持续运行
  audit [--from DATE --to DATE] [--entity NAME] [--format text|json]
                                        管理性变更（设置、日历、承办单位、类别、街镇、
                                        用户），含操作人、旧值和新值
  ticket register|dispatch|sign|return|transfer|reply|extend|decide-extension|callback|close|reopen|show|
         follow-up|sms
                                        控制台的工单操作，以 --as USER 身份执行（密码从 stdin 读取）；
                                        register 打印新工单编号；选项见 hotlinectl ticket
                                        （在培训数据库上：由培训用户操作，允许使用 --at ISO8601）
  ticket merge NUMBER --into NUMBER [--reason TEXT]
                                        同一事件：NUMBER 跟随另一工单，随其一并答复
  search TEXT [--format text|json] [--limit N]
                                        按编号、来电人电话或文本（摘要、详情、地址、答复）
                                        搜索工单（含未办结和已办结），范围为 --as USER 可见的工单
  ticket attach NUMBER FILE [--stage registration|before|after|document]
                                        附加照片或文档（以 --as USER 身份）
  attachment save HASH -o FILE          将工单的文件从数据库导出（哈希值即 ticket show
                                        所列的值），仅限有权查看该工单的用户
  ticket renumber NUMBER [--id PREFIX] [--reason TEXT]
                                        为两个控制台重复使用的编号换一个新编号（打印新编号）；
                                        --id PREFIX 在同号的多张工单中选定一张
  intake token add NAME --channel web|wechat|weibo|petition|interview
                                        为一个接入方生成令牌，只打印一次（管理员）
  intake token list [--format text|json] | intake token revoke NAME
                                        各接入方的令牌（从不显示令牌本身）
  serve --listen HOST:PORT              电子渠道受理服务（HTTP API 和 Open311 子集），
                                        持续运行直至停止；见 docs/INTAKE.md

选项：
  --db PATH      数据库文件
  -o FILE        将输出写入 FILE（完整写入或完全不写），而不是 stdout；-o - 表示 stdout。
                 不能是数据库；已有文件仅当其为 hotlinectl 先前未经改动的输出（或为空）时才可覆盖
  --force        允许 -o 覆盖其他任何已有文件
  --help         显示此帮助
  --version      显示程序版本
</translation>
    </message>
    <message>
        <source>password change refused by the server (not sent again): %1</source>
        <translation>服务器拒收了密码修改（不再重发）：%1</translation>
    </message>
    <message>
        <source>reference row from the server refused (local row kept): %1</source>
        <translation>拒收了服务器下发的基础数据行（保留本地行）：%1</translation>
    </message>
    <message>
        <source>reference conflicts not yet seen: %1 (hotlinectl sync conflicts)</source>
        <translation>未读的基础数据冲突：%1（hotlinectl sync conflicts）</translation>
    </message>
    <message>
        <source>Usage: hotlinectl sync conflicts [--format text|json]</source>
        <translation>用法：hotlinectl sync conflicts [--format text|json]</translation>
    </message>
    <message>
        <source>no reference conflicts</source>
        <translation>没有基础数据冲突</translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation>%1 %2%3</translation>
    </message>
    <message>
        <source> (new)</source>
        <translation>（新）</translation>
    </message>
    <message>
        <source>  kept: %1 by %2 on console %3: %4</source>
        <translation>  保留：%1 由 %2 在控制台 %3 修改：%4</translation>
    </message>
    <message>
        <source>  lost: %1 by %2 on console %3: %4</source>
        <translation>  被覆盖：%1 由 %2 在控制台 %3 修改：%4</translation>
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
    <message>
        <source>The database %1 is read-only: Hotline Console must be able to write to the file and to its folder %2. Ask an administrator to make them writable; the database was left untouched.</source>
        <translation>数据库 %1 为只读：民声热线工作台必须能够写入该文件及其所在文件夹 %2。请联系管理员将其设为可写；未对该数据库做任何改动。</translation>
    </message>
    <message>
        <source>the file is shorter than its header says</source>
        <translation>文件长度小于文件头中记录的长度</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. Free some space and try again; nothing already saved was lost.</source>
        <translation>磁盘已满：本次修改未保存。请释放一些空间后重试；已保存的内容均未丢失。</translation>
    </message>
    <message>
        <source>%1 cannot be written (the file or its folder is read-only): the change was not saved; nothing already saved was lost. Ask an administrator to make them writable.</source>
        <translation>无法写入 %1（文件或其所在文件夹为只读）：本次修改未保存；已保存的内容均未丢失。请联系管理员将其设为可写。</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Nothing more was written to it. Restore the latest backup, or ask an administrator to check it (hotlinectl verify).</source>
        <translation>%1 已损坏（%2）。已停止向其写入任何内容。请恢复最近的备份，或请管理员进行检查（hotlinectl verify）。</translation>
    </message>
    <message>
        <source>The disk holding %1 could not be read or written (%2): the change was not saved. Check the disk and try again; nothing already saved was lost.</source>
        <translation>无法读写 %1 所在的磁盘（%2）：本次修改未保存。请检查磁盘后重试；已保存的内容均未丢失。</translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2): check that the file and its folder exist and may be written.</source>
        <translation>无法打开 %1（%2）：请检查该文件及其所在文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>无法创建数据库 %1：%2</translation>
    </message>
    <message>
        <source>Deriving the tickets again after the upgrade failed: %1</source>
        <translation>升级后重新生成工单失败：%1</translation>
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
    <name>DepartmentContacts</name>
    <message>
        <source>A department needs a code and a name.</source>
        <translation>承办单位需要编码和名称。</translation>
    </message>
    <message>
        <source>Give one phone number for the department head.</source>
        <translation>请填写一个单位负责人的电话号码。</translation>
    </message>
    <message>
        <source>Cannot save the department: %1</source>
        <translation>无法保存承办单位：%1</translation>
    </message>
    <message>
        <source>The department's name contains the invisible or control character %1.</source>
        <translation>承办单位名称中含有不可见字符或控制字符 %1。</translation>
    </message>
    <message>
        <source>The department's code contains the invisible or control character %1.</source>
        <translation>承办单位编码中含有不可见字符或控制字符 %1。</translation>
    </message>
    <message>
        <source>A department's name has at most %1 characters, its code at most %2.</source>
        <translation>承办单位名称最多 %1 个字符，编码最多 %2 个字符。</translation>
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
    <message>
        <source>name “%1” contains the invisible or control character %2</source>
        <translation>name 的值“%1”含有不可见字符或控制字符 %2</translation>
    </message>
</context>
<context>
    <name>DepartmentImporter</name>
    <message>
        <source>%1: cannot save the departments: %2</source>
        <translation>%1: 无法保存承办单位：%2</translation>
    </message>
    <message>
        <source>%1: cannot start writing: %2</source>
        <translation>%1: 无法开始写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot read the departments: %2</source>
        <translation>%1: 无法读取承办单位：%2</translation>
    </message>
    <message>
        <source>line %1 already updates the department %2 (code %3); one department, one row</source>
        <translation>第 %1 行已在更新承办单位 %2（编码 %3）；每个承办单位只能占一行</translation>
    </message>
    <message>
        <source>the name %1 belongs to the department with code %2; a name still in use cannot be given to another department (to swap names, rename one of them in a separate import first)</source>
        <translation>名称 %1 属于编码为 %2 的承办单位；仍在使用的名称不能给另一个承办单位（如需互换名称，请先通过另一次导入为其中一个改名）</translation>
    </message>
    <message>
        <source>%1:%2: cannot save the department %3 (%4): %5</source>
        <translation>%1:%2: 无法保存承办单位 %3（%4）：%5</translation>
    </message>
    <message>
        <source>%1:%2: cannot save the code %3 of the department %4: %5</source>
        <translation>%1:%2: 无法保存承办单位 %4 的编码 %3：%5</translation>
    </message>
    <message>
        <source>%1 keeps its code %2, which its tickets' history refers to; later imports also find it by %3.</source>
        <translation>%1 保留其编码 %2（其工单流转记录引用该编码）；此后的导入也可以通过 %3 找到它。</translation>
    </message>
</context>
<context>
    <name>DeskBoard</name>
    <message>
        <source>Waiting for callback</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Waiting for re-dispatch</source>
        <translation>待重新派单</translation>
    </message>
    <message>
        <source>Waiting for dispatch</source>
        <translation>待派单</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>琥珀色</translation>
    </message>
    <message>
        <source>magenta</source>
        <translation>品红色</translation>
    </message>
    <message>
        <source>Dispatch desk: %1 magenta (past the limit), %2 amber, %3 blue
</source>
        <translation>调度台：品红色 %1 件（已超过时限），琥珀色 %2 件，蓝色 %3 件
</translation>
    </message>
    <message numerus="yes">
        <source>Reminders go to %n duty phone(s) of the dispatch desk.
</source>
        <translation>
            <numerusform>提醒发往调度台的 %n 个值班电话。
</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders are off: no duty phones are configured (dispatch.duty_phones).
</source>
        <translation>提醒已关闭：未配置值班电话（dispatch.duty_phones）。
</translation>
    </message>
</context>
<context>
    <name>DeskText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DispatchTransfer</name>
    <message>
        <source>Select a ticket that is with a department.</source>
        <translation>请选择一件正在承办单位办理的工单。</translation>
    </message>
    <message>
        <source>There is no other department to transfer ticket %1 to.</source>
        <translation>没有其他承办单位可供工单 %1 转办。</translation>
    </message>
    <message>
        <source>Transfer ticket %1</source>
        <translation>转办工单 %1</translation>
    </message>
    <message>
        <source>Now with %1. Transfer to:</source>
        <translation>当前承办单位：%1。转办至：</translation>
    </message>
    <message>
        <source>Choose one of the departments offered.</source>
        <translation>请从列出的承办单位中选择一个。</translation>
    </message>
    <message>
        <source>Why does it go to %1? The departments see this reason.</source>
        <translation>转办至 %1 的理由（相关承办单位可见）：</translation>
    </message>
    <message>
        <source>Give the reason for the transfer; ticket %1 was not transferred.</source>
        <translation>请填写转办理由；工单 %1 未转办。</translation>
    </message>
    <message>
        <source>Ticket %1 transferred from %2 to %3 with a new time limit.</source>
        <translation>工单 %1 已从 %2 转办至 %3，并重新计算办理时限。</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Phone hotline</source>
        <translation>热线电话</translation>
    </message>
    <message>
        <source>Microblog</source>
        <translation>微博</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Online petition</source>
        <translation>网上信访</translation>
    </message>
    <message>
        <source>Micro-interview</source>
        <translation>微访谈</translation>
    </message>
    <message>
        <source>Walk-in or letter</source>
        <translation>来访来信</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Help request</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <source>Consult (1 working day)</source>
        <translation>咨询类（1 个工作日）</translation>
    </message>
    <message>
        <source>Handling (5 working days)</source>
        <translation>办理类（5 个工作日）</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄灯</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红灯</translation>
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
        <source>Waiting for dispatch</source>
        <translation>待派单</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>已申请延期</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>已批准延期</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>已驳回延期</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Urged</source>
        <translation>已督办</translation>
    </message>
    <message>
        <source>Reminder SMS sent</source>
        <translation>已发提醒短信</translation>
    </message>
    <message>
        <source>Overdue: accountability opened</source>
        <translation>超期：已启动问责</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>话务员</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>派单员</translation>
    </message>
    <message>
        <source>Department liaison</source>
        <translation>承办单位联络员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督办员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>超期 %1</translation>
    </message>
    <message>
        <source>register tickets</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <source>dispatch tickets</source>
        <translation>派发工单</translation>
    </message>
    <message>
        <source>sign for tickets</source>
        <translation>签收工单</translation>
    </message>
    <message>
        <source>reply to tickets</source>
        <translation>答复工单</translation>
    </message>
    <message>
        <source>request extensions</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>approve or refuse extensions</source>
        <translation>批准或驳回延期申请</translation>
    </message>
    <message>
        <source>return tickets</source>
        <translation>退回工单</translation>
    </message>
    <message>
        <source>transfer tickets</source>
        <translation>转办工单</translation>
    </message>
    <message>
        <source>urge tickets</source>
        <translation>督办工单</translation>
    </message>
    <message>
        <source>record callbacks</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>close tickets</source>
        <translation>办结工单</translation>
    </message>
    <message>
        <source>reopen tickets</source>
        <translation>重新打开工单</translation>
    </message>
    <message>
        <source>see every department's tickets</source>
        <translation>查看所有承办单位的工单</translation>
    </message>
    <message>
        <source>see callers' full names and numbers</source>
        <translation>查看来电人的完整姓名和号码</translation>
    </message>
    <message>
        <source>see the accountability log</source>
        <translation>查看问责记录</translation>
    </message>
    <message>
        <source>see reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>manage departments</source>
        <translation>管理承办单位</translation>
    </message>
    <message>
        <source>manage the holiday calendar</source>
        <translation>管理节假日日历</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>manage the shared server connection</source>
        <translation>管理共享服务器连接</translation>
    </message>
    <message>
        <source>see the access log</source>
        <translation>查看访问日志</translation>
    </message>
    <message>
        <source>import historical tickets</source>
        <translation>导入历史工单</translation>
    </message>
    <message>
        <source>review sync conflicts</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <source>Deadline re-decided after a calendar change</source>
        <translation>日历变更后重新确定办理时限</translation>
    </message>
    <message>
        <source>manage categories and towns</source>
        <translation>管理类别和镇街</translation>
    </message>
    <message>
        <source>Administrative change</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <source>view the administrative changes</source>
        <translation>查看管理操作记录</translation>
    </message>
    <message>
        <source>Citizen asked about progress</source>
        <translation>市民催办</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>已附加文件</translation>
    </message>
    <message>
        <source>Merged into another ticket</source>
        <translation>已合并到其他工单</translation>
    </message>
    <message>
        <source>Citizen SMS preference changed</source>
        <translation>市民短信接收设置已更改</translation>
    </message>
    <message>
        <source>record a citizen's progress call</source>
        <translation>记录市民催办</translation>
    </message>
    <message>
        <source>attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>merge tickets of the same incident</source>
        <translation>合并同一事件的工单</translation>
    </message>
    <message>
        <source>manage the electronic channels' tokens</source>
        <translation>管理电子渠道的令牌</translation>
    </message>
    <message>
        <source>Renumbered</source>
        <translation>已重新编号</translation>
    </message>
    <message>
        <source>renumber tickets</source>
        <translation>工单重新编号</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>草稿未能保存：%1</translation>
    </message>
    <message>
        <source>The draft could not be removed: %1</source>
        <translation>草稿未能删除：%1</translation>
    </message>
</context>
<context>
    <name>EventDescriptions</name>
    <message>
        <source>%1 · console %2</source>
        <translation>%1 · 工作台 %2</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>渠道：%1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Town: %1</source>
        <translation>镇街：%1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>办理时限 %1</translation>
    </message>
    <message>
        <source>new deadline %1</source>
        <translation>新办理时限 %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>答复：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more working day(s)</source>
        <translation>
            <numerusform>延长 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>意见：%1</translation>
    </message>
    <message>
        <source>Satisfaction: %1</source>
        <translation>满意度：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>deadline was %1</source>
        <translation>原办理时限 %1</translation>
    </message>
    <message>
        <source>the reply to ticket %1, which this one follows</source>
        <translation>工单 %1 的答复（本工单跟随该工单）</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>follows ticket %1</source>
        <translation>跟随工单 %1</translation>
    </message>
    <message>
        <source>the caller receives SMS again</source>
        <translation>来电人重新接收短信</translation>
    </message>
    <message>
        <source>the caller wants no SMS</source>
        <translation>来电人不接收短信</translation>
    </message>
    <message>
        <source>was %1, now %2</source>
        <translation>原为 %1，现为 %2</translation>
    </message>
</context>
<context>
    <name>FieldErrorDisplay</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>HolidayCnParser</name>
    <message>
        <source>The holiday calendar is not valid JSON: %1 (at character %2).</source>
        <translation>节假日日历不是有效的 JSON：%1（位于第 %2 个字符处）。</translation>
    </message>
    <message>
        <source>The holiday calendar must be a JSON object with "year" and "days".</source>
        <translation>节假日日历必须是包含 "year" 和 "days" 的 JSON 对象。</translation>
    </message>
    <message>
        <source>The holiday calendar needs "year" as a whole number between 1900 and 2200.</source>
        <translation>节假日日历的 "year" 必须是 1900 到 2200 之间的整数。</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 needs "days" as a list.</source>
        <translation>%1 年节假日日历的 "days" 必须是列表。</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 is not an object.</source>
        <translation>%2 年节假日日历的第 %1 个条目不是对象。</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has no "date" text.</source>
        <translation>%2 年节假日日历的第 %1 个条目缺少文本形式的 "date"。</translation>
    </message>
    <message>
        <source>Entry %1 of the holiday calendar for %2 has an invalid date "%3" (expected YYYY-MM-DD).</source>
        <translation>%2 年节假日日历的第 %1 个条目日期“%3”无效（应为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 is too far from that year.</source>
        <translation>%3 年节假日日历的第 %1 个条目（%2）与该年份相隔太远。</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 has no "name" text.</source>
        <translation>%3 年节假日日历的第 %1 个条目（%2）缺少文本形式的 "name"。</translation>
    </message>
    <message>
        <source>Entry %1 (%2) of the holiday calendar for %3 needs "isOffDay" as true or false.</source>
        <translation>%3 年节假日日历的第 %1 个条目（%2）的 "isOffDay" 必须为 true 或 false。</translation>
    </message>
    <message>
        <source>The holiday calendar for %1 lists %2 twice, once as an off day and once as a working day (entries %3 and %4 of "days").</source>
        <translation>%1 年节假日日历将 %2 列了两次，一次为休息日，一次为工作日（"days" 的第 %3 和第 %4 个条目）。</translation>
    </message>
</context>
<context>
    <name>IntakeApi</name>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 必须是字符串。</translation>
    </message>
    <message>
        <source>%1 must be a number (degrees).</source>
        <translation>%1 必须是数字（度）。</translation>
    </message>
    <message>
        <source>This address does not take %1.</source>
        <translation>此地址不接受 %1。</translation>
    </message>
    <message>
        <source>There is nothing at this address; see docs/INTAKE.md.</source>
        <translation>此地址下没有任何内容；请参阅 docs/INTAKE.md。</translation>
    </message>
    <message>
        <source>Give the integration's token: Authorization: Bearer TOKEN.</source>
        <translation>请提供对接系统的令牌：Authorization: Bearer TOKEN。</translation>
    </message>
    <message>
        <source>The token is not valid (unknown or revoked).</source>
        <translation>令牌无效（未知或已吊销）。</translation>
    </message>
    <message>
        <source>Too many requests: at most %1 a minute. Try again in %2 s.</source>
        <translation>请求过多：每分钟最多 %1 次。请在 %2 秒后重试。</translation>
    </message>
    <message>
        <source>The request was not saved: %1</source>
        <translation>请求未保存：%1</translation>
    </message>
    <message>
        <source>The request is too large (at most %1 KiB).</source>
        <translation>请求过大（最大 %1 KiB）。</translation>
    </message>
    <message>
        <source>The body is not JSON (%1 at byte %2).</source>
        <translation>请求体不是有效的 JSON（%1，位于第 %2 字节）。</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>请求体必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>type must be consult, complaint, help, suggestion or report.</source>
        <translation>type 必须是 consult、complaint、help、suggestion 或 report。</translation>
    </message>
    <message>
        <source>There is no category %1 (give its name or code).</source>
        <translation>不存在类别 %1（请提供其名称或代码）。</translation>
    </message>
    <message>
        <source>There is no town %1 (give its name or code).</source>
        <translation>不存在街镇 %1（请提供其名称或代码）。</translation>
    </message>
    <message>
        <source>There is no request with this number.</source>
        <translation>不存在此编号的诉求。</translation>
    </message>
    <message>
        <source>The body is not a JSON object.</source>
        <translation>请求体不是 JSON 对象。</translation>
    </message>
    <message>
        <source>type: must be consult, complaint, help, suggestion or report.</source>
        <translation>type：必须是 consult、complaint、help、suggestion 或 report。</translation>
    </message>
    <message>
        <source>service_code: required (see services.json).</source>
        <translation>service_code：必填（参见 services.json）。</translation>
    </message>
    <message>
        <source>service_code: there is no service %1 (see services.json).</source>
        <translation>service_code：不存在服务 %1（参见 services.json）。</translation>
    </message>
    <message>
        <source>%1: must be a number (degrees).</source>
        <translation>%1：必须是数字（度）。</translation>
    </message>
    <message>
        <source>%1 (registered %2: %3)</source>
        <translation>%1（%2 登记：%3）</translation>
    </message>
    <message>
        <source>This number names %1 requests; ask again with ?id= and one of: %2</source>
        <translation>该编号对应 %1 个诉求；请附加 ?id= 及以下任一值重新查询：%2</translation>
    </message>
</context>
<context>
    <name>IntakeService</name>
    <message>
        <source>An Idempotency-Key is 1 to %1 characters.</source>
        <translation>Idempotency-Key 的长度为 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>An Idempotency-Key is made of visible ASCII characters only (e.g. a UUID).</source>
        <translation>Idempotency-Key 只能由可见 ASCII 字符组成（例如 UUID）。</translation>
    </message>
    <message>
        <source>The Idempotency-Key %1 was used for a different request (ticket %2); use a new key for a new request.</source>
        <translation>Idempotency-Key %1 已用于另一个请求（工单 %2）；新请求请使用新的键。</translation>
    </message>
    <message>
        <source>Received; waiting to be passed to a department</source>
        <translation>已受理，等待转交承办单位</translation>
    </message>
    <message>
        <source>Being handled by the department</source>
        <translation>承办单位办理中</translation>
    </message>
    <message>
        <source>Answered by the department</source>
        <translation>承办单位已答复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>IntakeTokens</name>
    <message>
        <source>A token's name is 1 to 64 letters A–Z, digits, dots, underscores or hyphens (e.g. wechat-main).</source>
        <translation>令牌名称由 1 到 64 个字母 A–Z、数字、点、下划线或连字符组成（例如 wechat-main）。</translation>
    </message>
    <message>
        <source>An intake token is for web, wechat, weibo, petition or interview, not %1.</source>
        <translation>受理令牌只能用于 web、wechat、weibo、petition 或 interview，不能用于 %1。</translation>
    </message>
    <message>
        <source>There is already a token named %1 (revoked tokens keep their name).</source>
        <translation>已存在名为 %1 的令牌（已吊销的令牌仍保留其名称）。</translation>
    </message>
    <message>
        <source>There is no token named %1.</source>
        <translation>不存在名为 %1 的令牌。</translation>
    </message>
    <message>
        <source>The token %1 is already revoked.</source>
        <translation>令牌 %1 已被吊销。</translation>
    </message>
</context>
<context>
    <name>InterviewImport</name>
    <message>
        <source>Micro-interview question asked at %1.</source>
        <translation>微访谈问题，提问时间：%1。</translation>
    </message>
    <message>
        <source>Micro-interview question.</source>
        <translation>微访谈问题。</translation>
    </message>
    <message>
        <source>There is no active category "%1".</source>
        <translation>不存在启用中的类别“%1”。</translation>
    </message>
    <message>
        <source>There is no active town "%1".</source>
        <translation>不存在启用中的街镇“%1”。</translation>
    </message>
    <message>
        <source>There is no question left to import.</source>
        <translation>没有可导入的问题了。</translation>
    </message>
    <message>
        <source>A question of this file was imported meanwhile; open the file again to see which.</source>
        <translation>此文件中的某个问题已在此期间被导入；请重新打开文件查看是哪一个。</translation>
    </message>
</context>
<context>
    <name>InterviewQuestions</name>
    <message>
        <source>name shortened to %1 characters</source>
        <translation>名称已截短为 %1 个字符</translation>
    </message>
    <message>
        <source>the question is empty</source>
        <translation>问题为空</translation>
    </message>
    <message>
        <source>the question is too long (%1 characters, at most %2)</source>
        <translation>问题过长（%1 个字符，最多 %2 个）</translation>
    </message>
    <message>
        <source>"%1" is not a time (write e.g. 2026-12-06 14:03 or 14:03)</source>
        <translation>“%1”不是有效时间（请写成如 2026-12-06 14:03 或 14:03）</translation>
    </message>
    <message>
        <source>long: the summary is its first %1 characters, the details the whole</source>
        <translation>内容较长：摘要取前 %1 个字符，详情保留全文</translation>
    </message>
    <message>
        <source>the same question as on line %1</source>
        <translation>与第 %1 行的问题相同</translation>
    </message>
    <message>
        <source>The text is neither UTF-8 nor GB18030; save it as "CSV UTF-8" and try again.</source>
        <translation>文本既不是 UTF-8 也不是 GB18030 编码；请另存为“CSV UTF-8”后重试。</translation>
    </message>
    <message>
        <source>There are no questions in it.</source>
        <translation>其中没有任何问题。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too big for a questions file (%2 MB, at most %3 MB).</source>
        <translation>%1 过大，不能作为问题文件（%2 MB，最大 %3 MB）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Lockout</name>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n more minute(s). An administrator can unlock it.</source>
        <translation>
            <numerusform>登录失败次数过多：此账号还将锁定 %n 分钟。管理员可以为其解锁。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogStamp</name>
    <message>
        <source>Event log: %1 events, head %2</source>
        <translation>事件日志：%1 个事件，链头 %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
</context>
<context>
    <name>NumberClashes</name>
    <message>
        <source>%1 names %2 tickets:</source>
        <translation>%1 对应 %2 个工单：</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>%1 is the database (or one of its -wal/-shm files): output is never written there, not even with --force. Choose another file.</source>
        <translation>%1 是数据库（或其 -wal/-shm 文件之一）：输出绝不会写入该文件，即使使用 --force 也不行。请另选文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name.</source>
        <translation>%1 是文件夹；请指定文件名。</translation>
    </message>
    <message>
        <source>%1 is not a regular file; give a file name (or -o - for standard output).</source>
        <translation>%1 不是普通文件；请指定文件名（或用 -o - 输出到标准输出）。</translation>
    </message>
    <message>
        <source>%1 already exists and is not an unchanged earlier output of hotlinectl; nothing was written. Give --force to replace it, or choose another file.</source>
        <translation>%1 已存在，且不是 hotlinectl 先前输出、未经改动的文件；未写入任何内容。如需替换，请加 --force，或另选文件。</translation>
    </message>
    <message>
        <source>%1 is the open database (or one of its -wal/-shm files); nothing was written there.</source>
        <translation>%1 是当前打开的数据库（或其 -wal/-shm 文件之一）；未向其写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is hotlinectl's list of its earlier outputs: output is never written there, not even with --force. Choose another file.</source>
        <translation>%1 是 hotlinectl 记录其先前输出的清单：输出绝不会写入该文件，即使使用 --force 也不行。请另选文件。</translation>
    </message>
</context>
<context>
    <name>OutputLedger</name>
    <message>
        <source>Cannot lock %1.</source>
        <translation>无法锁定 %1。</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password must contain both letters and digits.</source>
        <translation>密码必须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>The password must not contain the sign-in name.</source>
        <translation>密码不能包含登录名。</translation>
    </message>
    <message>
        <source>This password is too common; choose another.</source>
        <translation>此密码过于常见；请另选一个。</translation>
    </message>
    <message>
        <source>At least %1 characters with letters and digits, not containing the sign-in name.</source>
        <translation>至少 %1 个字符，须同时包含字母和数字，且不能包含登录名。</translation>
    </message>
</context>
<context>
    <name>PdfToUnicode</name>
    <message>
        <source>The PDF has no cross-reference table this program can read.</source>
        <translation>该 PDF 没有本程序能够读取的交叉引用表。</translation>
    </message>
    <message>
        <source>Cannot read the text map of font %1 (object %2).</source>
        <translation>无法读取字体 %1（对象 %2）的文字映射表。</translation>
    </message>
    <message>
        <source>Cannot parse the text map of font %1 (object %2).</source>
        <translation>无法解析字体 %1（对象 %2）的文字映射表。</translation>
    </message>
    <message>
        <source>The PDF's objects overlap its cross-reference table.</source>
        <translation>该 PDF 的对象与其交叉引用表重叠。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1（%2）无权%3。</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>%1 may %2 only tickets of their own department.</source>
        <translation>%1 只能对本单位的工单执行“%2”操作。</translation>
    </message>
    <message>
        <source>%1 may %2 only a ticket still at intake or answered by its department.</source>
        <translation>%1 只能对尚在受理阶段或已由承办单位答复的工单执行“%2”操作。</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>no server address given</source>
        <translation>未填写服务器地址</translation>
    </message>
    <message>
        <source>not a PostgreSQL address</source>
        <translation>不是 PostgreSQL 地址</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>未连接到服务器</translation>
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
    <name>PrivateFiles</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
</context>
<context>
    <name>ProjectionDifference</name>
    <message>
        <source>ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>%1 row %2</source>
        <translation>%1 表的行 %2</translation>
    </message>
    <message>
        <source>%1 row of event %2</source>
        <translation>事件 %2 生成的 %1 行</translation>
    </message>
    <message>
        <source>%1: %2.%3 is %4 in the database, the events give %5</source>
        <translation>%1：数据库中 %2.%3 为 %4，按事件应为 %5</translation>
    </message>
    <message>
        <source>%1: the events give a %2 that the database does not have</source>
        <translation>%1：按事件应有一条 %2，但数据库中没有</translation>
    </message>
    <message>
        <source>%1: the database has a %2 that the events do not give</source>
        <translation>%1：数据库中有一条 %2，但按事件不应存在</translation>
    </message>
</context>
<context>
    <name>ProjectionVerifier</name>
    <message>
        <source>the local database is not open</source>
        <translation>本地数据库未打开</translation>
    </message>
    <message>
        <source>the projection tables (tickets, dispatches, callbacks, ticket_attachments) are not all there</source>
        <translation>投影表（tickets、dispatches、callbacks、ticket_attachments）不完整</translation>
    </message>
    <message>
        <source>The search index holds %1 documents for %2 tickets: run `hotlinectl rebuild` to renew it.</source>
        <translation>搜索索引中有 %1 个文档，对应 %2 条工单：请运行 `hotlinectl rebuild` 重建索引。</translation>
    </message>
</context>
<context>
    <name>ReferenceConflicts</name>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>ReferenceCsvReader</name>
    <message>
        <source>code “%1” already appears on line %2</source>
        <translation>code 的值“%1”已在第 %2 行出现过</translation>
    </message>
    <message>
        <source>name “%1” already appears on line %2</source>
        <translation>name 的值“%1”已在第 %2 行出现过</translation>
    </message>
    <message>
        <source>class “%1” is not consult or handling (leave it empty to follow the ticket type)</source>
        <translation>class 的值“%1”不是 consult 或 handling（留空则按工单类型确定）</translation>
    </message>
</context>
<context>
    <name>ReferenceData</name>
    <message>
        <source>cannot record the %1 update</source>
        <translation>无法记录 %1 的更新</translation>
    </message>
    <message>
        <source>the value is not text</source>
        <translation>该值不是文本</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>does not fit this database: %1</source>
        <translation>与本数据库不匹配：%1</translation>
    </message>
    <message>
        <source>cannot record the reference update</source>
        <translation>无法记录基础数据更新</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少%1</translation>
    </message>
    <message>
        <source>%1 contains the invisible or control character %2</source>
        <translation>%1含有不可见字符或控制字符 %2</translation>
    </message>
    <message>
        <source>its %1 is not the row's key %2</source>
        <translation>其 %1 与该行的键 %2 不一致</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>%1 is not text</source>
        <translation>%1 不是文本</translation>
    </message>
    <message>
        <source>more than one head phone</source>
        <translation>负责人电话不止一个</translation>
    </message>
    <message>
        <source>the code is not text</source>
        <translation>编码不是文本</translation>
    </message>
    <message>
        <source>active is neither 0 nor 1</source>
        <translation>active 既不是 0 也不是 1</translation>
    </message>
    <message>
        <source>"%1" is not a time-limit class (consult or handling)</source>
        <translation>“%1”不是时限类别（consult 或 handling）</translation>
    </message>
    <message>
        <source>the department is not text</source>
        <translation>承办单位不是文本</translation>
    </message>
    <message>
        <source>"%1" is not a date (YYYY-MM-DD)</source>
        <translation>“%1”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>is_off_day is neither 0 nor 1</source>
        <translation>is_off_day 既不是 0 也不是 1</translation>
    </message>
    <message>
        <source>the name is not text</source>
        <translation>名称不是文本</translation>
    </message>
    <message>
        <source>the sign-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>"%1" is not a role</source>
        <translation>“%1”不是角色</translation>
    </message>
    <message>
        <source>the display name is missing</source>
        <translation>缺少显示名称</translation>
    </message>
    <message>
        <source>%1 is neither 0 nor 1</source>
        <translation>%1 既不是 0 也不是 1</translation>
    </message>
    <message>
        <source>not a shared table</source>
        <translation>不是共享表</translation>
    </message>
</context>
<context>
    <name>ReferenceImporter</name>
    <message>
        <source>department “%1” is not a known department (code or name)</source>
        <translation>department 的值“%1”不是已知的承办单位（编码或名称）</translation>
    </message>
    <message>
        <source>%1: the file has no data rows</source>
        <translation>%1: 文件没有数据行</translation>
    </message>
    <message>
        <source>%1: cannot save the import: %2</source>
        <translation>%1: 无法保存导入结果：%2</translation>
    </message>
    <message>
        <source>name “%1” is already another entry's</source>
        <translation>name 的值“%1”已被另一条目使用</translation>
    </message>
    <message>
        <source>name “%1” is already the name of %2, which this file does not change</source>
        <translation>name 的值“%1”已是 %2 的名称，而本文件并未修改该条目</translation>
    </message>
</context>
<context>
    <name>ReferenceStore</name>
    <message>
        <source>code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>class “%1” is not consult or handling</source>
        <translation>时限类别“%1”不是 consult 或 handling</translation>
    </message>
    <message>
        <source>department “%1” is not a known department (code or name)</source>
        <translation>“%1”不是已知的承办单位（编码或名称）</translation>
    </message>
    <message>
        <source>“%1” no longer exists (changed on another console?)</source>
        <translation>“%1”已不存在（是否已在其他工作台上修改？）</translation>
    </message>
    <message>
        <source>code “%1” is already used by “%2”</source>
        <translation>编码“%1”已被“%2”使用</translation>
    </message>
    <message>
        <source>“%1” already exists</source>
        <translation>“%1”已存在</translation>
    </message>
    <message>
        <source>cannot record the change of %1</source>
        <translation>无法记录对 %1 的修改</translation>
    </message>
</context>
<context>
    <name>ReferenceText</name>
    <message>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 超过 %2 个字符</translation>
    </message>
    <message>
        <source>%1 “%2” contains control or invisible characters</source>
        <translation>%1 的值“%2”含有控制字符或不可见字符</translation>
    </message>
    <message>
        <source>%1 “%2” contains spaces</source>
        <translation>%1 的值“%2”含有空格</translation>
    </message>
</context>
<context>
    <name>ReferenceVerifier</name>
    <message>
        <source>no such row</source>
        <translation>无此行</translation>
    </message>
    <message>
        <source>cannot read the administrative events: %1</source>
        <translation>无法读取管理操作事件：%1</translation>
    </message>
    <message>
        <source>cannot read the %1 rows: %2</source>
        <translation>无法读取 %1 的数据行：%2</translation>
    </message>
    <message>
        <source>%1 “%2” differs from the administrative log: the log says %3, the table holds %4</source>
        <translation>%1“%2”与管理操作日志不一致：日志记录为 %3，表中为 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n reference row(s) match the administrative log</source>
        <translation>
            <numerusform>%n 条基础数据行与管理操作日志一致</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplicaStore</name>
    <message>
        <source>cannot record the sync position</source>
        <translation>无法记录同步位置</translation>
    </message>
    <message>
        <source>no longer applies after an earlier action from another console</source>
        <translation>另一工作台已先行操作，此操作不再适用</translation>
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
    <name>ReportCharts</name>
    <message>
        <source>Ranked</source>
        <translation>参与排名</translation>
    </message>
    <message numerus="yes">
        <source>Fewer than %n completed (not ranked)</source>
        <translation>
            <numerusform>办结不足 %n 件（不排名）</numerusform>
        </translation>
    </message>
    <message>
        <source>On-time completion rate (%)</source>
        <translation>按时办结率（%）</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>%1: %2 (%3 %)</source>
        <translation>%1：%2（%3 %）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>周起始日</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — satisfaction rate %2 %</source>
        <translation>%1 — 满意率 %2 %</translation>
    </message>
    <message>
        <source>On-time completion rate by department</source>
        <translation>各单位按时办结率</translation>
    </message>
    <message>
        <source>Daily intake by channel</source>
        <translation>各渠道每日受理量</translation>
    </message>
    <message>
        <source>Share by type</source>
        <translation>各类型占比</translation>
    </message>
    <message>
        <source>Overdue per week</source>
        <translation>每周超期件数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Monthly intake by channel</source>
        <translation>各渠道每月受理量</translation>
    </message>
</context>
<context>
    <name>ReportCorrections</name>
    <message numerus="yes">
        <source>Corrected after the period closed: %n ticket(s)</source>
        <translation>
            <numerusform>期末后更正：%n 件工单</numerusform>
        </translation>
    </message>
    <message>
        <source>the figures differ from those at the end of the period; the tickets are listed at the end of the report.</source>
        <translation>数字与统计期结束时不同；相关工单列在报表末尾。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) registered in the period were first dispatched after it and now count in their department's row.</source>
        <translation>
            <numerusform>统计期内登记的 %n 件工单在期末后才首次派单，现计入所属单位一行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportData</name>
    <message>
        <source>The period has not begun: no open ticket counts as overdue.</source>
        <translation>统计期尚未开始：没有未办结工单计为超期。</translation>
    </message>
    <message>
        <source>The period is not over: overdue counts the open tickets past their deadline at %1, as the board does at that instant.</source>
        <translation>统计期尚未结束：超期数统计的是截至 %1 已超过办理时限的未办结工单，与看板在该时刻的统计一致。</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <source>* Fewer than %n completed ticket(s) in the period: shown, but not ranked. Departments are ranked by on-time completion rate. The totals include tickets never dispatched, so they are not the sum of the rows.</source>
        <translation>
            <numerusform>* 统计期内办结不足 %n 件的单位：列出但不排名。各单位按按时办结率排名。合计含未派单的工单，因此不等于各行之和。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Cannot start drawing the report (is the file writable?).</source>
        <translation>无法开始绘制报表（文件是否可写？）。</translation>
    </message>
    <message>
        <source>Cannot start page %1 of the report.</source>
        <translation>无法开始报表第 %1 页。</translation>
    </message>
    <message>
        <source>%1 — monthly report %2</source>
        <translation>%1 — %2 月报</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReportPageParts</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>按时办结率（%）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>回访</translation>
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
        <source>Month %1</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Generated %1 (%2)</source>
        <translation>生成于 %1（%2）</translation>
    </message>
    <message>
        <source>Monthly report on ticket completion — %1</source>
        <translation>工单办理情况月报 — %1</translation>
    </message>
    <message>
        <source>Period %1 to %2 (inclusive) · %3</source>
        <translation>统计期 %1 至 %2（含）· %3</translation>
    </message>
    <message>
        <source>%1 · monthly report · %2</source>
        <translation>%1 · 月报 · %2</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>催办</translation>
    </message>
</context>
<context>
    <name>ReportSeriesBuilder</name>
    <message>
        <source>The report period from %1 to %2 is empty.</source>
        <translation>报表统计期 %1 至 %2 为空。</translation>
    </message>
    <message>
        <source>Cannot compute the chart figures: %1</source>
        <translation>无法计算图表数据：%1</translation>
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
    <message>
        <source>Replied</source>
        <translation>答复量</translation>
    </message>
    <message>
        <source>Replied on time</source>
        <translation>按时答复量</translation>
    </message>
    <message>
        <source>Own on-time rate (%)</source>
        <translation>自身按时办结率（%）</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超时次数</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退回次数</translation>
    </message>
    <message>
        <source>Misroutes</source>
        <translation>错派次数</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>延期次数</translation>
    </message>
    <message>
        <source>, to date</source>
        <translation>，截至目前</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>催办</translation>
    </message>
</context>
<context>
    <name>SecretSync</name>
    <message>
        <source>refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <source>an earlier password change it depends on was refused</source>
        <translation>所依赖的先前一次密码修改已被拒收</translation>
    </message>
    <message>
        <source>%1 is locked at the server after repeated failed sign-ins</source>
        <translation>%1 因多次登录失败，已在服务器上被锁定</translation>
    </message>
    <message>
        <source>the server does not accept %1's password as this console knows it (changed at another console?); sign in as %1 here and make the change again</source>
        <translation>服务器不认可本控制台所记录的 %1 的密码（可能已在其他控制台修改）；请在本控制台以 %1 身份登录后重新修改</translation>
    </message>
    <message>
        <source>cannot write to the local database</source>
        <translation>无法写入本地数据库</translation>
    </message>
    <message>
        <source>the server did not say whether it holds passwords</source>
        <translation>服务器未答复其是否已存有密码</translation>
    </message>
</context>
<context>
    <name>ServerChainVerifier</name>
    <message>
        <source>the server's sequence row is missing</source>
        <translation>服务器的序号记录行缺失</translation>
    </message>
    <message>
        <source>server_seq jumps from %1 to %2</source>
        <translation>server_seq 从 %1 跳到了 %2</translation>
    </message>
    <message>
        <source>its link says it was the first event</source>
        <translation>其链接表明它是第一个事件</translation>
    </message>
    <message>
        <source>server_seq was renumbered to hide the gap</source>
        <translation>server_seq 已被重新编号以掩盖缺口</translation>
    </message>
    <message>
        <source>its %1 differs from the copy this console pulled: the server's log was rewritten and its chain recomputed</source>
        <translation>其 %1 与本工作台拉取的副本不同：服务器日志已被改写，哈希链也被重新计算</translation>
    </message>
    <message>
        <source>the server recorded %1 events and a different chain head</source>
        <translation>服务器记录了 %1 个事件，且链头不同</translation>
    </message>
    <message>
        <source>the server recorded %1 events</source>
        <translation>服务器记录了 %1 个事件</translation>
    </message>
    <message>
        <source>this console pulled events up to server sequence %1</source>
        <translation>本工作台已拉取至服务器序号 %1 的事件</translation>
    </message>
    <message>
        <source>event %1 (ticket %2, server_seq %3, type %4)</source>
        <translation>事件 %1（工单 %2，server_seq %3，类型 %4）</translation>
    </message>
    <message>
        <source>pushed before the server checked logins</source>
        <translation>推送于服务器开始校验登录角色之前</translation>
    </message>
    <message>
        <source>pushed by login %1</source>
        <translation>由登录角色 %1 推送</translation>
    </message>
    <message>
        <source>%1 claims console %2 but was %3, which is console %4</source>
        <translation>%1 声称属于控制台 %2，但实际%3，该登录角色属于控制台 %4</translation>
    </message>
    <message>
        <source>%1 claims console %2, which no console on the server has (%3)</source>
        <translation>%1 声称属于控制台 %2，但服务器上没有该控制台（%3）</translation>
    </message>
    <message>
        <source>%1 is dated %2 s after the server received it (%3)</source>
        <translation>%1 的时间比服务器接收时间晚 %2 秒（%3）</translation>
    </message>
    <message>
        <source>%1 is dated %2 s before the server received it, unchecked (%3)</source>
        <translation>%1 的时间比服务器接收时间早 %2 秒，未经校验（%3）</translation>
    </message>
</context>
<context>
    <name>ServerNumbers</name>
    <message>
        <source>cannot ask the server about ticket numbers: %1</source>
        <translation>无法向服务器查询工单编号：%1</translation>
    </message>
    <message>
        <source> (and %1 more: %2 in all)</source>
        <translation>（另有 %1 个，共 %2 个）</translation>
    </message>
</context>
<context>
    <name>ServerSchema</name>
    <message>
        <source>the server's schema (version %1) is newer than this program knows (%2); update the program</source>
        <translation>服务器数据结构（版本 %1）比本程序支持的（%2）更新；请升级程序</translation>
    </message>
    <message>
        <source>server migration %1 is missing from this build</source>
        <translation>本程序缺少服务器迁移 %1</translation>
    </message>
    <message>
        <source>server migration %1 failed: %2</source>
        <translation>服务器迁移 %1 失败：%2</translation>
    </message>
    <message>
        <source>the server has no Hotline schema yet; run `hotlinectl server init --url URL` first</source>
        <translation>服务器尚无热线数据结构；请先运行 `hotlinectl server init --url 地址`</translation>
    </message>
    <message>
        <source>the server's schema (version %1) is older than this program needs (%2); run `hotlinectl server init --url URL` to migrate it</source>
        <translation>服务器数据结构（版本 %1）低于本程序所需（%2）；请运行 `hotlinectl server init --url 地址` 进行迁移</translation>
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
        <translation>距办理时限还剩多少工作小时时工单亮黄灯</translation>
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
        <source>Unknown setting "%1".</source>
        <translation>未知的设置项“%1”。</translation>
    </message>
    <message>
        <source>The centre's name cannot be empty.</source>
        <translation>热线中心名称不能为空。</translation>
    </message>
    <message>
        <source>"%1" is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>“%1”不是已知的时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>"%1" is not an http(s) URL.</source>
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
    <message>
        <source>Seconds between two syncs with the shared server</source>
        <translation>与共享服务器两次同步之间的秒数</translation>
    </message>
    <message>
        <source>Urging (督办) text sent to the department head; same placeholders</source>
        <translation>发给单位负责人的督办短信内容；占位符同上</translation>
    </message>
    <message>
        <source>Seconds to wait for the SMS gateway before an attempt counts as failed</source>
        <translation>等待短信网关应答的秒数，超时即视为发送失败</translation>
    </message>
    <message>
        <source>Consecutive failed sign-ins (1-100) after which an account is locked</source>
        <translation>连续登录失败多少次（1-100）后锁定账号</translation>
    </message>
    <message>
        <source>Minutes (1-1440) an account stays locked after too many failed sign-ins</source>
        <translation>登录失败次数过多后账号保持锁定的分钟数（1-1440）</translation>
    </message>
    <message>
        <source>Minutes without input after which a console locks its screen (0 = never)</source>
        <translation>无操作多少分钟后工作台自动锁屏（0 = 从不锁屏）</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>Give at least one working period, e.g. %1.</source>
        <translation>请至少填写一个工作时段，例如 %1。</translation>
    </message>
    <message>
        <source>At most %1 working periods.</source>
        <translation>最多 %1 个工作时段。</translation>
    </message>
    <message>
        <source>"%1" is not a working period HH:MM-HH:MM (e.g. %2).</source>
        <translation>“%1”不是 HH:MM-HH:MM 格式的工作时段（例如 %2）。</translation>
    </message>
    <message>
        <source>"%1": times run from 00:00 to 23:59.</source>
        <translation>“%1”：时间须在 00:00 到 23:59 之间。</translation>
    </message>
    <message>
        <source>"%1": a period must end after it starts.</source>
        <translation>“%1”：时段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>"%1" overlaps or comes before the period before it; list periods in order.</source>
        <translation>“%1”与前一个时段重叠或早于前一个时段；请按时间先后顺序填写各时段。</translation>
    </message>
    <message>
        <source>%1 cannot be empty.</source>
        <translation>%1 不能为空。</translation>
    </message>
    <message>
        <source>%1 must not contain control, zero-width or direction-changing characters.</source>
        <translation>%1 不能包含控制字符、零宽字符或改变文字方向的字符。</translation>
    </message>
    <message>
        <source>%1 is at most %2 characters long.</source>
        <translation>%1 最多 %2 个字符。</translation>
    </message>
    <message>
        <source>The time zone cannot be empty; give an IANA name such as Asia/Shanghai.</source>
        <translation>时区不能为空；请填写 IANA 时区名，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3 (e.g. %4).</source>
        <translation>%1 必须是 %2 到 %3 之间的数值（例如 %4）。</translation>
    </message>
    <message>
        <source>%1 is at most %2 characters without spaces.</source>
        <translation>%1 最多 %2 个字符，且不能含空格。</translation>
    </message>
    <message>
        <source>Working hours after a dispatch within which a return is a misroute and does not count against the department</source>
        <translation>派单后多少工作小时内的退回视为错派，不计入承办单位考核</translation>
    </message>
    <message>
        <source>Working hours a registered or returned ticket may wait at the dispatch desk</source>
        <translation>已登记或被退回的工单在调度台的等待时限（工作小时）</translation>
    </message>
    <message>
        <source>Working days a replied ticket may wait for the callback to the citizen</source>
        <translation>已答复的工单等待回访市民的时限（工作日）</translation>
    </message>
    <message>
        <source>Mobile numbers of the dispatch desk's duty phones, separated by commas (reminders about waiting tickets)</source>
        <translation>调度台值班电话的手机号码，多个号码用英文逗号分隔（用于工单等待提醒）</translation>
    </message>
    <message>
        <source>Annual assessment: weight of the on-time rate in the score</source>
        <translation>年度考核：按时办结率在得分中的权重</translation>
    </message>
    <message>
        <source>Annual assessment: weight of the satisfaction rate in the score</source>
        <translation>年度考核：满意率在得分中的权重</translation>
    </message>
    <message>
        <source>Annual assessment: points deducted per breached deadline</source>
        <translation>年度考核：每超期一次扣除的分数</translation>
    </message>
    <message>
        <source>Annual assessment: points deducted per return counted against the department</source>
        <translation>年度考核：每次计入承办单位的退回扣除的分数</translation>
    </message>
    <message>
        <source>%1 holds at most %2 phone numbers.</source>
        <translation>%1 最多可填写 %2 个电话号码。</translation>
    </message>
    <message>
        <source>%1: %2 (mobile numbers separated by commas).</source>
        <translation>%1：%2（多个手机号码用英文逗号分隔）。</translation>
    </message>
    <message>
        <source>Days back (1-90) in which registration suggests open tickets of the same incident</source>
        <translation>登记时提示同一事件未办结工单的回溯天数（1-90）</translation>
    </message>
    <message>
        <source>Requests per minute each intake token may file through hotlinectl serve (bursts up to this many)</source>
        <translation>每个受理令牌每分钟可通过 hotlinectl serve 提交的请求数（突发请求最多可达此数）</translation>
    </message>
    <message>
        <source>SMS to callers about their tickets (registration, reply): 1 = on, 0 = off for the whole centre</source>
        <translation>向来电人发送工单相关短信（登记、答复）：1 = 开启，0 = 全中心关闭</translation>
    </message>
    <message>
        <source>SMS to the caller on registration; placeholders {number} {department} {reply}</source>
        <translation>登记时发给来电人的短信；占位符 {number} {department} {reply}</translation>
    </message>
    <message>
        <source>SMS to the caller when the department has replied; placeholders {number} {department} {reply}</source>
        <translation>承办单位答复后发给来电人的短信；占位符 {number} {department} {reply}</translation>
    </message>
    <message>
        <source>Largest photo or document (MB, 1-100) that may be attached to a ticket</source>
        <translation>可附加到工单的照片或文档的最大大小（MB，1-100）</translation>
    </message>
    <message>
        <source>Unknown placeholder {%1} in the template; use {number}, {department} or {reply}.</source>
        <translation>模板中存在未知占位符 {%1}；请使用 {number}、{department} 或 {reply}。</translation>
    </message>
</context>
<context>
    <name>SlaClock</name>
    <message>
        <source>No deadline can be computed for a start at %1: the working calendar begins on %2.</source>
        <translation>无法为始于 %1 的计时计算办理时限：工作日历从 %2 开始。</translation>
    </message>
    <message>
        <source>No deadline can be computed for a start at %1: it would fall after %2, the last day whose holidays the working calendar knows. An administrator must first enter the holiday notices from %3 on (the Calendar tab of the console, or hotlinectl calendar import).</source>
        <translation>无法为始于 %1 的计时计算办理时限：办理时限将晚于 %2，即工作日历已知节假日安排的最后一天。请管理员先录入 %3 年起的放假通知（在工作台的“日历”页，或使用 hotlinectl calendar import）。</translation>
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
        <translation>黄灯预警阈值不能为负数。</translation>
    </message>
</context>
<context>
    <name>SmsOutbox</name>
    <message>
        <source>Cannot queue the SMS: %1</source>
        <translation>无法将短信加入队列：%1</translation>
    </message>
    <message>
        <source>Cannot log the SMS attempt: %1</source>
        <translation>无法记录短信发送尝试：%1</translation>
    </message>
    <message>
        <source>Cannot record the sent SMS: %1</source>
        <translation>无法记录已发送的短信：%1</translation>
    </message>
    <message>
        <source>Cannot reschedule the SMS: %1</source>
        <translation>无法重新安排短信：%1</translation>
    </message>
    <message>
        <source>Cannot record the cancelled SMS: %1</source>
        <translation>无法记录已取消的短信：%1</translation>
    </message>
</context>
<context>
    <name>SmsTemplate</name>
    <message>
        <source>The SMS template is empty.</source>
        <translation>短信模板为空。</translation>
    </message>
    <message>
        <source>The SMS template cannot be used: %1</source>
        <translation>短信模板无法使用：%1</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>cannot reach the server %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>cannot write to the local database</source>
        <translation>无法写入本地数据库</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>未连接到服务器</translation>
    </message>
    <message>
        <source>the server did not accept every event</source>
        <translation>服务器未接受全部事件</translation>
    </message>
    <message>
        <source>cannot read the local database</source>
        <translation>无法读取本地数据库</translation>
    </message>
    <message numerus="yes">
        <source>this database's tickets were numbered with console code %1, which the server already gave another console, and %n of their numbers are already the server's under other tickets: %2. Nothing was written. Give each of these tickets a new number on this database (hotlinectl --db FILE ticket renumber NUMBER --reason TEXT --as USER; a dispatcher or administrator), then join again.</source>
        <translation>
            <numerusform>此数据库的工单以控制台编号 %1 编号，而服务器已将该编号分配给另一控制台，且其中 %n 个编号在服务器上已属于其他工单：%2。未写入任何内容。请在此数据库上为这些工单逐一分配新编号（hotlinectl --db FILE ticket renumber NUMBER --reason TEXT --as USER；须由派单员或管理员执行），然后重新加入。</numerusform>
        </translation>
    </message>
    <message>
        <source>this login may read the server but not push (%1 events wait here): ask the server's owner for a login of this console's own (hotlinectl server add-console)</source>
        <translation>此登录角色可读取服务器，但不能推送（本地有 %1 个事件待推送）：请向服务器所有者申请本控制台专用的登录角色（hotlinectl server add-console）</translation>
    </message>
    <message>
        <source>refused by the server: %1</source>
        <translation>被服务器拒收：%1</translation>
    </message>
</context>
<context>
    <name>SyncServer</name>
    <message>
        <source>the server has no free console code left (99 consoles joined)</source>
        <translation>服务器上已无空闲的工作台编号（已有 99 台工作台加入）</translation>
    </message>
    <message>
        <source>event format version %1 is unknown to this program (it knows %2); update the program</source>
        <translation>本程序不认识事件格式版本 %1（只支持 %2）；请升级程序</translation>
    </message>
    <message>
        <source>unknown event type "%1"</source>
        <translation>未知事件类型“%1”</translation>
    </message>
    <message>
        <source>event without an id or a ticket</source>
        <translation>事件缺少编号或所属工单</translation>
    </message>
    <message>
        <source>payload is not a JSON object: %1</source>
        <translation>事件内容不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>the server gave no answer for the %1 row %2</source>
        <translation>服务器未就 %1 表的行 %2 作出应答</translation>
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
    <message>
        <source>%1 “%2” contains the invisible or control character %3</source>
        <translation>%1 的值“%2”含有不可见字符或控制字符 %3</translation>
    </message>
    <message>
        <source>replied_at is set but dispatched_at is empty: only a consultation can be answered at intake; any other ticket gets its reply from a department</source>
        <translation>填写了 replied_at，但 dispatched_at 为空：只有咨询类工单可以在受理时当场答复，其他工单须由承办单位答复</translation>
    </message>
</context>
<context>
    <name>TicketExport</name>
    <message>
        <source>%1 may not export callers unmasked.</source>
        <translation>%1 无权导出未脱敏的来电人信息。</translation>
    </message>
    <message>
        <source>The period is empty: its end must come after its start.</source>
        <translation>统计期为空：结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Cannot read the tickets: %1</source>
        <translation>无法读取工单：%1</translation>
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
        <translation>工单 %1 没有正在进行的倒计时。</translation>
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
    <message>
        <source>An administrative change is not a ticket's event.</source>
        <translation>管理操作不是工单事件。</translation>
    </message>
    <message>
        <source>The deadline of ticket %1 has passed: an extension must be requested before the deadline.</source>
        <translation>工单 %1 已过办理时限：延期须在办理时限届满前申请。</translation>
    </message>
    <message>
        <source>Ticket %1 follows another ticket and is answered with it.</source>
        <translation>工单 %1 跟随另一工单，将随其一并答复。</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting for its parent's reply.</source>
        <translation>工单 %1 未在等待其主工单的答复。</translation>
    </message>
    <message>
        <source>Ticket %1 is closed.</source>
        <translation>工单 %1 已办结。</translation>
    </message>
    <message>
        <source>Ticket %1 already follows another ticket.</source>
        <translation>工单 %1 已跟随另一工单。</translation>
    </message>
    <message>
        <source>Ticket %1 is with a department: return it to the dispatch queue before merging it.</source>
        <translation>工单 %1 正在承办单位处：合并前请先将其退回派单队列。</translation>
    </message>
    <message>
        <source>Ticket %1 already has a department's reply: call the caller back and close it instead.</source>
        <translation>工单 %1 已有承办单位的答复：请改为回访来电人并办结工单。</translation>
    </message>
    <message>
        <source>Renumbering ticket %1 needs its new number.</source>
        <translation>为工单 %1 重新编号时须提供新编号。</translation>
    </message>
</context>
<context>
    <name>TicketImporter</name>
    <message>
        <source>%1: cannot start writing: %2</source>
        <translation>%1: 无法开始写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot write the tickets: %2</source>
        <translation>%1: 无法写入工单：%2</translation>
    </message>
    <message>
        <source>closed_at is set but replied_at is empty: a dispatched ticket is closed after the department's reply</source>
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
    <message>
        <source>Created the department %1.</source>
        <translation>已新建承办单位 %1。</translation>
    </message>
    <message>
        <source>Created the category %1.</source>
        <translation>已新建类别 %1。</translation>
    </message>
    <message>
        <source>Created the town %1.</source>
        <translation>已新建镇街 %1。</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database (the former number of ticket %2)</source>
        <translation>工单编号 %1 已存在于数据库中（为工单 %2 的原编号）</translation>
    </message>
    <message>
        <source>ticket number %1 is already in the database (%2 tickets have it)</source>
        <translation>工单编号 %1 已存在于数据库中（已有 %2 个工单使用该编号）</translation>
    </message>
</context>
<context>
    <name>TicketLookup</name>
    <message>
        <source>  id %1…  console %2, registered %3: %4</source>
        <translation>  id %1…  控制台 %2，%3 登记：%4</translation>
    </message>
    <message>
        <source> (now %1)</source>
        <translation>（现为 %1）</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>不存在工单 %1。</translation>
    </message>
    <message>
        <source>No ticket numbered %1 has an id starting with %2; the number names:
%3</source>
        <translation>编号为 %1 的工单中没有 id 以 %2 开头的工单；该编号对应：
%3</translation>
    </message>
    <message>
        <source>Ticket number %1 names %2 tickets (two consoles gave it alike):
%3</source>
        <translation>工单编号 %1 对应 %2 个工单（两个控制台分配了相同编号）：
%3</translation>
    </message>
</context>
<context>
    <name>TicketSearch</name>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Type a ticket number, a caller's phone number or words to search for.</source>
        <translation>输入工单编号、来电人电话号码或要搜索的词语。</translation>
    </message>
    <message>
        <source>The search is %1 characters long; at most %2 are searched.</source>
        <translation>搜索内容长 %1 个字符，最多只搜索前 %2 个。</translation>
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
        <source>The caller's name is too long (at most %1 characters).</source>
        <translation>来电人姓名过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>There is no department with the code "%1".</source>
        <translation>没有代码为“%1”的承办单位。</translation>
    </message>
    <message>
        <source>Ticket %1 is already with that department.</source>
        <translation>工单 %1 已在该承办单位。</translation>
    </message>
    <message>
        <source>Write the department's reply.</source>
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
    <message>
        <source>Ticket %1 is listed twice.</source>
        <translation>工单 %1 重复出现。</translation>
    </message>
    <message>
        <source>Only the system records %1 events.</source>
        <translation>只有系统才能记录“%1”事件。</translation>
    </message>
    <message>
        <source>The caller's name contains the invisible or control character %1.</source>
        <translation>来电人姓名中含有不可见字符或控制字符 %1。</translation>
    </message>
    <message>
        <source>The category contains the invisible or control character %1.</source>
        <translation>类别中含有不可见字符或控制字符 %1。</translation>
    </message>
    <message>
        <source>The town contains the invisible or control character %1.</source>
        <translation>镇街中含有不可见字符或控制字符 %1。</translation>
    </message>
    <message>
        <source>Ticket %1 has no running countdown.</source>
        <translation>工单 %1 没有正在进行的倒计时。</translation>
    </message>
    <message>
        <source>Say why the deadline is re-decided.</source>
        <translation>请填写重新确定办理时限的理由。</translation>
    </message>
    <message>
        <source>The calendar in force gives ticket %1 the deadline it already has.</source>
        <translation>按现行日历，工单 %1 的办理时限与现有时限相同。</translation>
    </message>
    <message>
        <source>The address is too long (%1 characters, at most %2).</source>
        <translation>地址过长（%1 个字符，最多 %2 个）。</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>请同时填写纬度和经度，或两者都不填。</translation>
    </message>
    <message>
        <source>The latitude must be a number from -90 to 90 degrees.</source>
        <translation>纬度必须是 -90 到 90 度之间的数字。</translation>
    </message>
    <message>
        <source>The longitude must be a number from -180 to 180 degrees.</source>
        <translation>经度必须是 -180 到 180 度之间的数字。</translation>
    </message>
    <message>
        <source>Ticket %1 of %2: %3</source>
        <translation>第 %1 个工单（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>Ticket %1 follows ticket %2: reply to that ticket, and its reply answers this caller too.</source>
        <translation>工单 %1 是工单 %2 的跟随工单：请答复该工单，其答复也将回复本来电人。</translation>
    </message>
    <message>
        <source>The note is too long (%1 characters, at most %2).</source>
        <translation>备注过长（%1 个字符，最多 %2 个）。</translation>
    </message>
    <message>
        <source>The caller of ticket %1 already receives SMS.</source>
        <translation>工单 %1 的来电人已在接收短信。</translation>
    </message>
    <message>
        <source>The caller of ticket %1 already receives no SMS.</source>
        <translation>工单 %1 的来电人已设为不接收短信。</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>工单不存在。</translation>
    </message>
    <message>
        <source>There is no ticket to merge ticket %1 into.</source>
        <translation>没有可供工单 %1 合并的目标工单。</translation>
    </message>
    <message>
        <source>A ticket cannot follow itself.</source>
        <translation>工单不能跟随自身。</translation>
    </message>
    <message>
        <source>Ticket %1 is followed by the other ticket: a ticket cannot follow its own follower.</source>
        <translation>工单 %1 已被另一工单跟随：工单不能跟随自己的跟随工单。</translation>
    </message>
    <message>
        <source>The ticket to merge into does not lead to a ticket that is answered.</source>
        <translation>合并目标工单最终未指向一个可答复的工单。</translation>
    </message>
    <message>
        <source>Ticket %1 is closed: a closed ticket is not answered again, register the call on its own.</source>
        <translation>工单 %1 已办结：已办结的工单不再答复，请将此来电单独登记。</translation>
    </message>
    <message>
        <source>Ticket %1 already has its reply: give the caller that answer instead of merging.</source>
        <translation>工单 %1 已有答复：请直接将该答复告知来电人，无需合并。</translation>
    </message>
    <message>
        <source>Callers of the same incident are waiting for this ticket's answer (%1): close them first, or have a department answer the ticket.</source>
        <translation>同一事件的来电人正在等待本工单的答复（%1）：请先将其办结，或由承办单位答复本工单。</translation>
    </message>
    <message>
        <source>No free number is left for today on console %1.</source>
        <translation>控制台 %1 今日已无可用编号。</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>This is a training database: it never joins a shared server, so that no drill reaches the centre's real record. Use a real database to join.</source>
        <translation>这是培训数据库：它从不加入共享服务器，以免任何演练进入中心的真实记录。如需加入，请使用正式数据库。</translation>
    </message>
    <message>
        <source>This is already a training database; its training users keep their password.</source>
        <translation>这已是培训数据库；其培训用户保留原有密码。</translation>
    </message>
    <message>
        <source>This database already holds tickets or users; a training database starts empty. Give a new file with --db.</source>
        <translation>此数据库已有工单或用户；培训数据库须从空库开始。请用 --db 指定一个新文件。</translation>
    </message>
    <message>
        <source>The training database could not be made (%1); delete the file and try again.</source>
        <translation>无法创建培训数据库（%1）；请删除该文件后重试。</translation>
    </message>
    <message>
        <source>Training administrator</source>
        <translation>培训管理员</translation>
    </message>
    <message>
        <source>Training call-taker</source>
        <translation>培训话务员</translation>
    </message>
    <message>
        <source>Training dispatcher</source>
        <translation>培训派单员</translation>
    </message>
    <message>
        <source>Training supervisor</source>
        <translation>培训督办员</translation>
    </message>
    <message>
        <source>Cannot read the departments.</source>
        <translation>无法读取承办单位。</translation>
    </message>
    <message>
        <source>Training liaison %1</source>
        <translation>培训联络员 %1</translation>
    </message>
    <message>
        <source>cannot write to the database</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>No training user may do this to ticket %1 (%2) now: %3.</source>
        <translation>目前没有培训用户可以对工单 %1（%2）执行此操作：%3。</translation>
    </message>
    <message>
        <source>No training user may do this: %1.</source>
        <translation>没有培训用户可以执行此操作：%1。</translation>
    </message>
</context>
<context>
    <name>UrgeAction</name>
    <message>
        <source>Urge ticket %1</source>
        <translation>督办工单 %1</translation>
    </message>
    <message>
        <source>Note to the department:</source>
        <translation>给承办单位的督办意见：</translation>
    </message>
    <message>
        <source>Urge</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Please write a note for the department.</source>
        <translation>请填写给承办单位的督办意见。</translation>
    </message>
    <message>
        <source>&amp;Note to the department:</source>
        <translation>给承办单位的督办意见(&amp;N)：</translation>
    </message>
    <message>
        <source>Also &amp;SMS the department head (no number on file yet: the SMS waits for one)</source>
        <translation>同时短信通知单位负责人(&amp;S)（尚未登记号码：短信将等到登记后再发）</translation>
    </message>
    <message>
        <source>Also &amp;SMS the department head (%1)</source>
        <translation>同时短信通知单位负责人(&amp;S)（%1）</translation>
    </message>
    <message>
        <source>&amp;Urge</source>
        <translation>督办(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Urging</name>
    <message>
        <source>Department %1 has no head's phone number: the SMS waits until one is entered.</source>
        <translation>单位 %1 没有负责人电话：短信将等到填写电话后再发。</translation>
    </message>
</context>
<context>
    <name>UserStore</name>
    <message>
        <source>The first user must be an administrator.</source>
        <translation>第一个用户必须是管理员。</translation>
    </message>
    <message>
        <source>Only an administrator may create users.</source>
        <translation>只有管理员可以创建用户。</translation>
    </message>
    <message>
        <source>A sign-in name is 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>登录名须由 2 至 32 个字母、数字、点、连字符或下划线组成。</translation>
    </message>
    <message>
        <source>Enter the person's name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>A department liaison needs a department.</source>
        <translation>承办单位联络员必须指定所属承办单位。</translation>
    </message>
    <message>
        <source>The sign-in name %1 is taken.</source>
        <translation>登录名 %1 已被占用。</translation>
    </message>
    <message>
        <source>Wrong sign-in name or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>没有用户 %1。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>此账号已停用。请联系管理员。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>请设置与当前密码不同的新密码。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>%1 is the last enabled administrator and cannot be disabled.</source>
        <translation>%1 是最后一个启用中的管理员，不能停用。</translation>
    </message>
    <message>
        <source>%1 is the last enabled administrator and must stay one.</source>
        <translation>%1 是最后一个启用中的管理员，必须保留管理员角色。</translation>
    </message>
    <message>
        <source>Your account has not reached this console yet: sign in again after the next sync with the server.</source>
        <translation>您的账号尚未同步到本控制台：请在下次与服务器同步后重新登录。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins with this name at the server. Try again later, or ask an administrator.</source>
        <translation>此登录名在服务器上登录失败次数过多。请稍后重试，或联系管理员。</translation>
    </message>
    <message>
        <source>Wrong sign-in name or password, or a first sign-in at this console while the server cannot be reached (each person's first sign-in at a console needs it).</source>
        <translation>登录名或密码错误；或服务器无法连接时在本控制台首次登录（每人在某一控制台首次登录时都需要连接服务器）。</translation>
    </message>
    <message>
        <source>This console shares its users with a server, which accepts a password set here only from an administrator signed in at a console (or from the user): do it there.</source>
        <translation>本控制台与服务器共享用户，服务器只接受由在控制台登录的管理员（或用户本人）设置的密码：请在控制台上操作。</translation>
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
<context>
    <name>hotline-console</name>
    <message>
        <source>Operator console of a citizen service hotline.</source>
        <translation>市民服务热线业务工作台。</translation>
    </message>
    <message>
        <source>The local database file.</source>
        <translation>本地数据库文件。</translation>
    </message>
    <message>
        <source>Fill an empty database with demo data.</source>
        <translation>向空数据库填充演示数据。</translation>
    </message>
    <message>
        <source>Show the wall display full screen (no sign-in).</source>
        <translation>全屏显示大屏（无需登录）。</translation>
    </message>
    <message>
        <source>Hotline Console</source>
        <translation>民声热线工作台</translation>
    </message>
    <message>
        <source>Start the wall display, then quit at once (checks an installation).</source>
        <translation>启动大屏后立即退出（用于检查安装）。</translation>
    </message>
</context>
<context>
    <name>hotline::AccessLogPage</name>
    <message>
        <source>any user</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>any ticket</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Ticket number</source>
        <translation>工单编号(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细内容</translation>
    </message>
    <message>
        <source>Every time someone is shown a caller's full name and number, and every unmasked export, is recorded here. The log cannot be edited.</source>
        <translation>每次向任何人显示来电人的完整姓名和号码，以及每次未脱敏导出，都记录在此。此日志不可编辑。</translation>
    </message>
    <message>
        <source>Unmasked export</source>
        <translation>未脱敏导出</translation>
    </message>
    <message>
        <source>Viewed caller</source>
        <translation>查看来电人</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::AccountabilityBanner</name>
    <message>
        <source>Show &amp;records</source>
        <translation>查看记录(&amp;R)</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>关闭(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) went past the deadline; accountability records opened: %1</source>
        <translation>
            <numerusform>%n 件工单已超过办理时限，已生成问责记录：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n new accountability record(s)</source>
        <translation>
            <numerusform>%n 条新的问责记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::AccountabilityPage</name>
    <message>
        <source>&amp;Department</source>
        <translation>承办单位(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Went red</source>
        <translation>超期时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Late (working time)</source>
        <translation>超时（工作时间）</translation>
    </message>
    <message>
        <source>Urged</source>
        <translation>已督办</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>至今已 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), %1 not answered yet.</source>
        <translation>
            <numerusform>共 %n 条记录，其中 %1 条尚未答复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export accountability records</source>
        <translation>导出问责记录</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel 用 CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 条记录到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::AttachmentsPanel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>By</source>
        <translation>上传人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach a photo (before or after handling) or a document to this ticket</source>
        <translation>为本工单添加照片（处置前或处置后）或文档</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>另存为(&amp;V)…</translation>
    </message>
    <message>
        <source>not yet received</source>
        <translation>尚未接收</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>The file's bytes have not come from the shared server yet; they arrive with a later sync.</source>
        <translation>文件内容尚未从共享服务器传来，将在后续同步时到达。</translation>
    </message>
    <message>
        <source>File (none yet)</source>
        <translation>文件（暂无）</translation>
    </message>
    <message numerus="yes">
        <source>File (%n)</source>
        <translation>
            <numerusform>文件（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Attached %1.</source>
        <translation>已添加附件 %1。</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>What does %1 show?</source>
        <translation>%1 的内容是什么？</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>文件另存为</translation>
    </message>
</context>
<context>
    <name>hotline::AuditPage</name>
    <message>
        <source>password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>password changed by its owner</source>
        <translation>本人修改密码</translation>
    </message>
    <message>
        <source>role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>account created</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>account enabled</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <source>imported from a file</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>record starts</source>
        <translation>记录起点</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Changed</source>
        <translation>变更对象(&amp;C)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Every change of a setting, calendar day, department, category, town or account is recorded in the same tamper-evident log as the tickets, with who made it and the values before and after. Secrets and passwords are never shown. This page cannot change anything.</source>
        <translation>对设置、日历日期、承办单位、类别、镇街或账号的每一次修改，都与工单一起记录在同一份防篡改日志中，并记下操作人以及修改前后的值。密钥和密码从不显示。本页面不能修改任何内容。</translation>
    </message>
    <message>
        <source>(the whole table)</source>
        <translation>（整张表）</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 项修改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::BoardModel</name>
    <message>
        <source>Colour: red overdue, yellow due soon, green in time</source>
        <translation>颜色：红灯已超期，黄灯即将到期，绿灯时限内</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>hotline::BoardView</name>
    <message>
        <source>Red · overdue</source>
        <translation>红灯 · 已超期</translation>
    </message>
    <message>
        <source>Yellow · due soon</source>
        <translation>黄灯 · 即将到期</translation>
    </message>
    <message>
        <source>Green · in time</source>
        <translation>绿灯 · 时限内</translation>
    </message>
    <message>
        <source>Find a number…</source>
        <translation>查找工单编号…</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>承办单位(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>镇街(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>查看工单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Urge (督办)…</source>
        <translation>督办(&amp;U)…</translation>
    </message>
    <message>
        <source>Urge the department to handle the selected ticket, with a note</source>
        <translation>督促承办单位办理所选工单，并附督办意见</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部承办单位</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Showing %1 of %2 tickets</source>
        <translation>显示 %1 件，共 %2 件工单</translation>
    </message>
</context>
<context>
    <name>hotline::CalendarNoticeBanner</name>
    <message>
        <source>Open the &amp;calendar</source>
        <translation>打开日历(&amp;C)</translation>
    </message>
</context>
<context>
    <name>hotline::CalendarPage</name>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Off day (holiday)</source>
        <translation>休息日（节假日）</translation>
    </message>
    <message>
        <source>Make-up working day (调休)</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>例如：春节</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>&amp;Save day</source>
        <translation>保存日期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove selected days (back to Monday–Friday)</source>
        <translation>移除所选日期（恢复按周一至周五）(&amp;R)</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Deadline in force</source>
        <translation>现行办理时限</translation>
    </message>
    <message>
        <source>Deadline by the calendar now</source>
        <translation>按现行日历的办理时限</translation>
    </message>
    <message>
        <source>Reason, e.g. the 2027 holiday notice was entered late</source>
        <translation>理由，例如：2027 年放假通知录入较晚</translation>
    </message>
    <message>
        <source>Re-&amp;decide selected deadlines</source>
        <translation>重新确定所选办理时限(&amp;D)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Off day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>The holiday notice for %1 is entered.</source>
        <translation>已录入 %1 年的放假通知。</translation>
    </message>
    <message>
        <source>No holiday notice for %1: only weekends count as off days that year.</source>
        <translation>尚未录入 %1 年的放假通知：该年只有周末算作休息日。</translation>
    </message>
    <message>
        <source>No holiday notice for %1: no deadline can fall in that year until the notices up to it are entered.</source>
        <translation>尚未录入 %1 年的放假通知：在录入截至该年的各年放假通知之前，办理时限不能落在该年。</translation>
    </message>
    <message>
        <source>No open ticket's deadline differs from what the calendar in force gives it.</source>
        <translation>所有未办结工单的办理时限均与现行日历一致。</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) would get another deadline from the calendar in force. They keep the deadline in force until you re-decide them:</source>
        <translation>
            <numerusform>按现行日历，%n 件未办结工单的办理时限将有所不同。在您重新确定之前，这些工单仍沿用现行办理时限：</numerusform>
        </translation>
    </message>
    <message>
        <source>The day was not saved: %1</source>
        <translation>日期未保存：%1</translation>
    </message>
    <message>
        <source>%1 saved as %2.</source>
        <translation>已将 %1 保存为%2。</translation>
    </message>
    <message>
        <source>an off day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>a make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Select the days to remove first.</source>
        <translation>请先选择要移除的日期。</translation>
    </message>
    <message>
        <source>Nothing was removed: %1</source>
        <translation>未移除任何日期：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) follow the Monday–Friday rule again.</source>
        <translation>
            <numerusform>%n 个日期已恢复按周一至周五计算。</numerusform>
        </translation>
    </message>
    <message>
        <source>Say why the deadlines are re-decided.</source>
        <translation>请填写重新确定办理时限的理由。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) re-decided.</source>
        <translation>
            <numerusform>已重新确定 %n 件工单的办理时限。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::CallFields</name>
    <message>
        <source>Mobile 138 1234 5678 or landline 0757-8628 0000</source>
        <translation>手机 138 1234 5678 或固话 0757-8628 0000</translation>
    </message>
    <message>
        <source>How the caller wants to be addressed</source>
        <translation>来电人希望的称呼</translation>
    </message>
    <message>
        <source>&amp;Anonymous caller</source>
        <translation>匿名来电(&amp;A)</translation>
    </message>
    <message>
        <source>The caller's name and phone are not recorded.</source>
        <translation>不记录来电人姓名和来电号码。</translation>
    </message>
    <message>
        <source>One line: what the caller asks for or reports</source>
        <translation>一句话概括来电人的诉求或反映的问题</translation>
    </message>
    <message>
        <source>Where, since when, what has been tried …</source>
        <translation>地点、起始时间、已采取过的措施……</translation>
    </message>
    <message>
        <source>The answer given on the phone, when the consultation is settled now</source>
        <translation>咨询当场解答时，填写电话中给出的答复</translation>
    </message>
    <message>
        <source>Answered: close at &amp;intake</source>
        <translation>已答复：当场办结(&amp;I)</translation>
    </message>
    <message>
        <source>Register the consultation and close it at once with this answer.</source>
        <translation>登记该咨询，并以此答复立即办结。</translation>
    </message>
    <message>
        <source>Caller &amp;phone</source>
        <translation>来电号码(&amp;P)</translation>
    </message>
    <message>
        <source>Caller &amp;name</source>
        <translation>来电人姓名(&amp;N)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;own / street</source>
        <translation>镇街(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>诉求摘要(&amp;S)</translation>
    </message>
    <message>
        <source>D&amp;etails</source>
        <translation>详细内容(&amp;E)</translation>
    </message>
    <message>
        <source>Ans&amp;wer at intake</source>
        <translation>当场答复(&amp;W)</translation>
    </message>
    <message>
        <source>No SMS (不接收短信)</source>
        <translation>不接收短信</translation>
    </message>
    <message>
        <source>The caller declines SMS about this ticket (the number and the reply).</source>
        <translation>来电人不接收关于本工单的短信（工单编号及答复）。</translation>
    </message>
    <message>
        <source>Street and number, building, landmark (where the matter is)</source>
        <translation>街道门牌、楼宇、标志性建筑（事发地点）</translation>
    </message>
    <message>
        <source>Optional: latitude, longitude, e.g. 23.0329, 113.1453</source>
        <translation>可选：纬度, 经度，例如 23.0329, 113.1453</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>地址(&amp;R)</translation>
    </message>
    <message>
        <source>Coor&amp;dinates</source>
        <translation>坐标(&amp;D)</translation>
    </message>
</context>
<context>
    <name>hotline::CallerHistoryModel</name>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>hotline::CallerPanel</name>
    <message>
        <source>Double-click or press Enter on an earlier ticket to link the new one to it.</source>
        <translation>双击历史工单或选中后按 Enter，可将新工单关联到该工单。</translation>
    </message>
    <message>
        <source>Caller's earlier tickets</source>
        <translation>来电人历史工单</translation>
    </message>
    <message>
        <source>Earlier tickets of %1 (%2)</source>
        <translation>%1（%2）的历史工单</translation>
    </message>
    <message>
        <source>Type the caller's phone number to see their earlier tickets.</source>
        <translation>输入来电号码即可查看来电人的历史工单。</translation>
    </message>
    <message>
        <source>No earlier tickets from this number.</source>
        <translation>该号码没有历史工单。</translation>
    </message>
    <message>
        <source>Possible duplicate: this caller reported “%1” on %2 (ticket %3, %4).</source>
        <translation>可能重复：该来电人曾于 %2 反映“%1”（工单 %3，%4）。</translation>
    </message>
    <message numerus="yes">
        <source>%n more similar ticket(s) in the last 7 days.</source>
        <translation>
            <numerusform>近 7 天内另有 %n 件相似工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Already linked: %1.</source>
        <translation>已关联：%1。</translation>
    </message>
    <message>
        <source>&amp;Link to %1</source>
        <translation>关联到 %1(&amp;L)</translation>
    </message>
    <message>
        <source>Name ticket %1 in the new ticket's details as a related ticket.</source>
        <translation>在新工单的详细内容中注明工单 %1 为关联工单。</translation>
    </message>
    <message>
        <source>Linked to ticket %1: the new ticket's details name it as related.</source>
        <translation>已关联工单 %1：新工单的详细内容中已注明其为关联工单。</translation>
    </message>
</context>
<context>
    <name>hotline::CitizenNotifier</name>
    <message>
        <source>SMS to callers are turned off for the centre (sms.citizen.enabled).</source>
        <translation>本中心已关闭向来电人发送短信（sms.citizen.enabled）。</translation>
    </message>
    <message>
        <source>The caller declined SMS about this ticket.</source>
        <translation>来电人已拒绝接收关于本工单的短信。</translation>
    </message>
    <message>
        <source>The caller left no phone number.</source>
        <translation>来电人未留电话号码。</translation>
    </message>
    <message>
        <source>The caller's number is not a mobile number.</source>
        <translation>来电人的号码不是手机号码。</translation>
    </message>
    <message>
        <source>Cannot queue SMS about new events: %1</source>
        <translation>无法将新事件的短信加入发送队列：%1</translation>
    </message>
    <message>
        <source>Cannot read the event log: %1</source>
        <translation>无法读取事件日志：%1</translation>
    </message>
    <message>
        <source>Cannot queue SMS about new events: the progress mark cannot be stored.</source>
        <translation>无法将新事件的短信加入发送队列：无法保存进度标记。</translation>
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
        <translation>单机模式：%1</translation>
    </message>
    <message>
        <source>%1 (outside working hours)</source>
        <translation>%1（非工作时间）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>Online · last sync %1 · pending %n</source>
        <translation>
            <numerusform>在线 · 上次同步 %1 · 待上传 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OFFLINE · last sync %1 · pending %n</source>
        <translation>
            <numerusform>离线 · 上次同步 %1 · 待上传 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
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
            <numerusform>（%n 个编号冲突）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference conflict(s)</source>
        <translation>
            <numerusform>%n 个基础数据冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) from the server refused</source>
        <translation>
            <numerusform>拒收了服务器下发的 %n 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused (the local value is kept):</source>
        <translation>已拒收（保留本地值）：</translation>
    </message>
</context>
<context>
    <name>hotline::DepartmentChooser</name>
    <message>
        <source>Department name or code</source>
        <translation>承办单位名称或代码</translation>
    </message>
</context>
<context>
    <name>hotline::DepartmentDesk</name>
    <message>
        <source>Your account is not bound to a department yet, so there is no desk to show. Ask an administrator to set your department.</source>
        <translation>您的账号尚未绑定承办单位，无法显示承办工作台。请联系管理员设置您所属的承办单位。</translation>
    </message>
    <message>
        <source>The department desk shows a department's own tickets to its liaison. You are signed in as %1 (%2), which has no department desk.</source>
        <translation>承办工作台供承办单位联络员查看本单位的工单。您当前以 %1（%2）的身份登录，该角色没有承办工作台。</translation>
    </message>
    <message>
        <source>&amp;Sign for</source>
        <translation>签收(&amp;S)</translation>
    </message>
    <message>
        <source>Confirm that the department has received the selected tickets</source>
        <translation>确认本单位已收到所选工单</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>答复(&amp;R)…</translation>
    </message>
    <message>
        <source>Write the department's reply; the countdown stops</source>
        <translation>填写本单位的答复；倒计时随即停止</translation>
    </message>
    <message>
        <source>Request e&amp;xtension…</source>
        <translation>申请延期(&amp;X)…</translation>
    </message>
    <message>
        <source>Ask the dispatcher for more working days</source>
        <translation>向派单员申请延长若干工作日</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>退单(&amp;T)…</translation>
    </message>
    <message>
        <source>Send a ticket that does not belong to this department back to dispatch</source>
        <translation>将不属于本单位职责的工单退回待派单队列</translation>
    </message>
    <message>
        <source>Open tickets of %1</source>
        <translation>%1 的在办工单</translation>
    </message>
    <message>
        <source>%1 open, %2 waiting to be signed for</source>
        <translation>在办 %1 件，其中待签收 %2 件</translation>
    </message>
    <message>
        <source>Select the ticket to reply to.</source>
        <translation>请选择要答复的工单。</translation>
    </message>
    <message>
        <source>Reply to ticket %1</source>
        <translation>答复工单 %1</translation>
    </message>
    <message>
        <source>What the department did and the result, for the callback to the citizen:</source>
        <translation>本单位的办理情况和结果（供回访市民时使用）：</translation>
    </message>
    <message>
        <source>Ticket %1 replied; its countdown has stopped.</source>
        <translation>工单 %1 已答复，倒计时已停止。</translation>
    </message>
    <message>
        <source>Select the ticket that needs more time.</source>
        <translation>请选择需要延期的工单。</translation>
    </message>
    <message>
        <source>Extension for ticket %1</source>
        <translation>工单 %1 申请延期</translation>
    </message>
    <message>
        <source>Extra working days (1–30):</source>
        <translation>延长工作日数（1–30）：</translation>
    </message>
    <message>
        <source>Why does the department need more time?</source>
        <translation>本单位需要延期的理由：</translation>
    </message>
    <message>
        <source>Select the ticket to return.</source>
        <translation>请选择要退回的工单。</translation>
    </message>
    <message>
        <source>Return ticket %1</source>
        <translation>退回工单 %1</translation>
    </message>
    <message>
        <source>Why does this ticket not belong to your department? It goes back to the dispatch queue with this reason.</source>
        <translation>该工单为何不属于本单位职责？工单将附此理由退回待派单队列。</translation>
    </message>
    <message>
        <source>Ticket %1 returned to the dispatch queue.</source>
        <translation>工单 %1 已退回待派单队列。</translation>
    </message>
    <message numerus="yes">
        <source>Signed for %n ticket(s).</source>
        <translation>
            <numerusform>已签收 %n 件工单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed for %n ticket(s); %1 refused: %2</source>
        <translation>
            <numerusform>已签收 %n 件工单；%1 件未能签收：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension of %n working day(s) requested for ticket %1; the dispatcher decides.</source>
        <translation>
            <numerusform>已为工单 %1 申请延期 %n 个工作日，由派单员审批。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Photos and files…</source>
        <translation>照片和文件(&amp;P)…</translation>
    </message>
    <message>
        <source>The ticket in full, with its photos and documents: attach before and after photos</source>
        <translation>查看工单全部内容及其照片和文档：可添加处置前后的照片</translation>
    </message>
</context>
<context>
    <name>hotline::DepartmentsPage</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Duty phones (reminders)</source>
        <translation>值班电话（接收提醒）</translation>
    </message>
    <message>
        <source>Head's phone (urging)</source>
        <translation>负责人电话（接收督办）</translation>
    </message>
    <message>
        <source>e.g. 13800000001; 0757-86280000</source>
        <translation>例如 13800000001; 0757-86280000</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>编码(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Duty phones (separate with ;)</source>
        <translation>值班电话（用 ; 分隔）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Head's phone</source>
        <translation>负责人电话(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Ne&amp;w department</source>
        <translation>新建单位(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save department</source>
        <translation>保存单位(&amp;S)</translation>
    </message>
    <message>
        <source>Give at least one duty phone: reminder SMS go to the duty phones.</source>
        <translation>请至少填写一个值班电话：提醒短信发往值班电话。</translation>
    </message>
    <message>
        <source>Give one phone number for the department head.</source>
        <translation>负责人电话只能填写一个。</translation>
    </message>
    <message>
        <source>The department was not saved: correct the phone numbers marked in red.</source>
        <translation>单位未保存：请更正标红的电话号码。</translation>
    </message>
    <message>
        <source>Department %1 (%2) saved.</source>
        <translation>已保存承办单位 %1（%2）。</translation>
    </message>
    <message>
        <source>Import departments</source>
        <translation>导入承办单位</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>未导入任何数据（%2 行中有 %1 行有误）。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n department(s).</source>
        <translation>
            <numerusform>已导入 %n 个承办单位。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::DeskModel</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>超期 %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>已发送 %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>off</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待提醒</translation>
    </message>
    <message>
        <source>Replied by %1</source>
        <translation>由 %1 答复</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待事项</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Waited (working time)</source>
        <translation>已等待（工作时间）</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>hotline::DeskPanel</name>
    <message>
        <source>调度台 / Dispatch desk</source>
        <translation>调度台</translation>
    </message>
    <message>
        <source>Magenta · past the limit</source>
        <translation>品红 · 已超时限</translation>
    </message>
    <message>
        <source>Amber · limit near</source>
        <translation>琥珀 · 临近时限</translation>
    </message>
    <message>
        <source>Blue · in time</source>
        <translation>蓝色 · 时限内</translation>
    </message>
    <message>
        <source>The centre's own clocks, not a department's: a ticket may wait %1 of working time for dispatch or re-dispatch and %2 for the callback after a reply. Blue: in time; amber: within %3 (dispatch) or %4 (callback) of the limit; magenta: past the limit.</source>
        <translation>这是中心自身的计时，不是承办单位的计时：工单等待派单或重新派单的时限为 %1（按工作时间计），答复后等待回访的时限为 %2。蓝色：时限内；琥珀色：距时限不足 %3（派单）或 %4（回访）；品红色：已超过时限。</translation>
    </message>
    <message>
        <source>Waiting for re-dispatch</source>
        <translation>待重新派单</translation>
    </message>
    <message>
        <source>sent 03-03 17:30</source>
        <translation>已发送 03-03 17:30</translation>
    </message>
    <message numerus="yes">
        <source>Reminders: an SMS to the dispatch desk's %n duty phone(s) when a ticket turns amber, once per wait.</source>
        <translation>
            <numerusform>提醒：工单变为琥珀色时，向调度台的 %n 个值班电话发送短信，每次等待只发一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders are off: no duty phones are configured for the dispatch desk (setting dispatch.duty_phones).</source>
        <translation>提醒未启用：调度台未配置值班电话（设置项 dispatch.duty_phones）。</translation>
    </message>
</context>
<context>
    <name>hotline::DeskTicketDetail</name>
    <message>
        <source>Select a ticket to see its details.</source>
        <translation>请选择工单以查看详情。</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细内容</translation>
    </message>
    <message>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>Show number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
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
        <translation>已申请延期</translation>
    </message>
    <message>
        <source>Waiting to sign</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Replied on time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Replied late</source>
        <translation>超期答复</translation>
    </message>
    <message>
        <source>Working time left until %1</source>
        <translation>距办理时限（%1）的剩余工作时间</translation>
    </message>
    <message>
        <source>Colour: red overdue, yellow due soon, green in time</source>
        <translation>颜色：红灯已超期，黄灯即将到期，绿灯时限内</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchBatch</name>
    <message>
        <source>%1 dispatched, %2 failed</source>
        <translation>已派单 %1 件，失败 %2 件</translation>
    </message>
    <message>
        <source>, %1 not attempted (cancelled; they stay in the queue)</source>
        <translation>，%1 件未派单（已取消，仍留在待派单队列中）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source> … and %1 more (listed below)</source>
        <translation> ……另有 %1 件（见下方列表）</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchCallbackModel</name>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>是否按时</translation>
    </message>
    <message>
        <source>Department's reply</source>
        <translation>承办单位答复</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>follows %1 · %2</source>
        <translation>跟随 %1 · %2</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchCallbackPage</name>
    <message>
        <source>Record &amp;callback…</source>
        <translation>记录回访(&amp;C)…</translation>
    </message>
    <message>
        <source>Record the caller's satisfaction and close the ticket</source>
        <translation>记录来电人的满意度并办结工单</translation>
    </message>
    <message>
        <source>Select the ticket you are calling back about.</source>
        <translation>请选择要回访的工单。</translation>
    </message>
    <message>
        <source>Callback for ticket %1</source>
        <translation>回访工单 %1</translation>
    </message>
    <message>
        <source>How satisfied is the caller with the handling?</source>
        <translation>来电人对办理结果的满意度：</translation>
    </message>
    <message>
        <source>Choose one of the answers offered.</source>
        <translation>请从列出的选项中选择一项。</translation>
    </message>
    <message>
        <source>The callback for ticket %1 is recorded, but the ticket could not be closed: %2</source>
        <translation>工单 %1 的回访已记录，但工单未能办结：%2</translation>
    </message>
    <message>
        <source>Ticket %1 closed: %2.</source>
        <translation>工单 %1 已办结：%2。</translation>
    </message>
    <message>
        <source>Reopen ticket %1?</source>
        <translation>重新打开工单 %1？</translation>
    </message>
    <message>
        <source>The caller is unsatisfied. Reopen the ticket and send it back to the dispatch queue?</source>
        <translation>来电人不满意。是否重新打开工单并退回待派单队列？</translation>
    </message>
    <message>
        <source>Ticket %1 closed: the caller is unsatisfied.</source>
        <translation>工单 %1 已办结：来电人不满意。</translation>
    </message>
    <message>
        <source>caller unsatisfied</source>
        <translation>来电人不满意</translation>
    </message>
    <message>
        <source>Ticket %1 is closed but could not be reopened: %2</source>
        <translation>工单 %1 已办结，但未能重新打开：%2</translation>
    </message>
    <message>
        <source>Ticket %1 reopened: it is back in the dispatch queue.</source>
        <translation>工单 %1 已重新打开，已回到待派单队列。</translation>
    </message>
    <message>
        <source>Show &amp;number</source>
        <translation>显示号码(&amp;N)</translation>
    </message>
    <message>
        <source>Show the selected caller's full name and phone number to call them back. Each view is recorded in the access log.</source>
        <translation>显示所选来电人的完整姓名和电话号码，以便回电。每次查看都会记入访问日志。</translation>
    </message>
    <message>
        <source>Select the ticket whose caller you want to call.</source>
        <translation>请选择要致电其来电人的工单。</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>%1 left no number</source>
        <translation>%1 未留电话号码</translation>
    </message>
    <message>
        <source>Call %1 on %2</source>
        <translation>请拨打 %2 联系 %1</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchExtensionModel</name>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Days requested</source>
        <translation>申请工作日</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Current deadline</source>
        <translation>当前办理时限</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::DispatchExtensionPage</name>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Give the selected tickets the extra working days asked for</source>
        <translation>按申请为所选工单延长工作日</translation>
    </message>
    <message>
        <source>&amp;Refuse…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>Refuse the request, with a reason for the department</source>
        <translation>驳回申请，并向承办单位说明理由</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转办(&amp;T)…</translation>
    </message>
    <message>
        <source>Hand the ticket to another department with a new time limit</source>
        <translation>将工单转交其他承办单位，并重新计算办理时限</translation>
    </message>
    <message>
        <source>Select the requests to approve.</source>
        <translation>请选择要批准的延期申请。</translation>
    </message>
    <message>
        <source>Extension approved for %1; the new deadline is in force.</source>
        <translation>已批准 %1 的延期申请，新办理时限已生效。</translation>
    </message>
    <message>
        <source>%1 approved, %2 refused by the system: %3</source>
        <translation>已批准 %1 件，%2 件被系统拒绝：%3</translation>
    </message>
    <message>
        <source>Select the request to refuse.</source>
        <translation>请选择要驳回的延期申请。</translation>
    </message>
    <message>
        <source>Refuse the extension for ticket %1</source>
        <translation>驳回工单 %1 的延期申请</translation>
    </message>
    <message>
        <source>Why is the extension refused? The department sees this reason.</source>
        <translation>驳回延期的理由（承办单位可见）：</translation>
    </message>
    <message>
        <source>Give the reason for refusing; the request for ticket %1 is still waiting.</source>
        <translation>请填写驳回理由；工单 %1 的延期申请仍待审批。</translation>
    </message>
    <message>
        <source>Extension for ticket %1 refused; the deadline stays.</source>
        <translation>工单 %1 的延期申请已驳回，办理时限不变。</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::DispatchInProgressPage</name>
    <message>
        <source>&amp;Department:</source>
        <translation>承办单位(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转办(&amp;T)…</translation>
    </message>
    <message>
        <source>Hand the current ticket to another department with a new time limit</source>
        <translation>将当前工单转交其他承办单位，并重新计算办理时限</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部承办单位</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchQueueModel</name>
    <message>
        <source>Returned by %1: %2</source>
        <translation>%1 退回：%2</translation>
    </message>
    <message>
        <source>Reopened after the callback</source>
        <translation>回访后重新打开</translation>
    </message>
    <message>
        <source>Reopened after the callback: %1</source>
        <translation>回访后重新打开：%1</translation>
    </message>
    <message>
        <source>No department is configured for this category: choose one.</source>
        <translation>该类别未配置承办单位，请手动选择。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Suggested department</source>
        <translation>建议承办单位</translation>
    </message>
    <message>
        <source>Came back because</source>
        <translation>退回原因</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchQueuePage</name>
    <message>
        <source>Enter dispatches the selected tickets to the chosen department; Ctrl+A selects all.</source>
        <translation>按 Enter 将所选工单派往选定的承办单位；按 Ctrl+A 全选。</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>派往(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Dispatch selected</source>
        <translation>派发所选(&amp;D)</translation>
    </message>
    <message>
        <source>Dispatch every selected ticket to the chosen department (Enter)</source>
        <translation>将选中的全部工单派往选定的承办单位（Enter）</translation>
    </message>
    <message>
        <source>Dispatch each to its &amp;suggestion</source>
        <translation>按建议派单(&amp;S)</translation>
    </message>
    <message>
        <source>Dispatch every selected ticket to the department suggested for its category</source>
        <translation>将选中的每件工单派往其类别对应的建议承办单位</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>%1 waiting for dispatch, %2 of them came back from a department or a callback</source>
        <translation>待派单 %1 件，其中 %2 件为承办单位退回或回访后重新打开</translation>
    </message>
    <message>
        <source>Select the tickets to dispatch.</source>
        <translation>请选择要派单的工单。</translation>
    </message>
    <message>
        <source>Choose the department first (type its name or code).</source>
        <translation>请先选择承办单位（输入名称或代码）。</translation>
    </message>
    <message>
        <source>There is no department "%1"; choose one from the list.</source>
        <translation>没有名为“%1”的承办单位；请从列表中选择。</translation>
    </message>
    <message>
        <source>Select the tickets to dispatch (Ctrl+A selects all).</source>
        <translation>请选择要派单的工单（按 Ctrl+A 全选）。</translation>
    </message>
    <message>
        <source>no department is suggested for the category "%1"; choose one</source>
        <translation>类别“%1”没有建议的承办单位；请手动选择</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Dispatching %n ticket(s)…</source>
        <translation>
            <numerusform>正在派发 %n 件工单…</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>The current ticket follows another one of the same incident and is answered with it</source>
        <translation>当前工单跟随同一事件的另一工单，并随其一并答复</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>%1; %2 shown</source>
        <translation>%1；显示 %2 条</translation>
    </message>
    <message>
        <source>Select the ticket that follows another one.</source>
        <translation>请选择跟随另一工单的工单。</translation>
    </message>
    <message>
        <source>There is no ticket %1.</source>
        <translation>工单 %1 不存在。</translation>
    </message>
    <message>
        <source>Ticket %1 was not merged: %2</source>
        <translation>工单 %1 未合并：%2</translation>
    </message>
    <message>
        <source>Ticket %1 now follows %2 and is answered with it.</source>
        <translation>工单 %1 现已跟随 %2，并随其一并答复。</translation>
    </message>
    <message>
        <source>Renumber one of them first (File › Sync conflicts…).</source>
        <translation>请先为其中一个工单重新编号（文件 › 同步冲突…）。</translation>
    </message>
</context>
<context>
    <name>hotline::DispatchView</name>
    <message>
        <source>&amp;Queue</source>
        <translation>待派单(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Extension requests</source>
        <translation>延期申请(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;With departments</source>
        <translation>办理中(&amp;W)</translation>
    </message>
    <message>
        <source>Call&amp;backs</source>
        <translation>回访(&amp;B)</translation>
    </message>
    <message>
        <source>Dispatch des&amp;k</source>
        <translation>调度台(&amp;K)</translation>
    </message>
</context>
<context>
    <name>hotline::DraftBanner</name>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Put the saved fields back into the form.</source>
        <translation>将已保存的内容填回表单。</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Forget the saved form.</source>
        <translation>删除已保存的表单内容。</translation>
    </message>
    <message>
        <source>An unfinished registration was saved at %1: %2</source>
        <translation>有一份未完成的登记于 %1 保存：%2</translation>
    </message>
</context>
<context>
    <name>hotline::Escalator</name>
    <message>
        <source>Cannot read the open tickets: %1</source>
        <translation>无法读取未办结工单：%1</translation>
    </message>
    <message>
        <source>Cannot escalate: %1</source>
        <translation>无法执行催办：%1</translation>
    </message>
    <message>
        <source>Cannot record reminders and accountability: %1</source>
        <translation>无法记录提醒和问责：%1</translation>
    </message>
</context>
<context>
    <name>hotline::IncidentSuggestions</name>
    <message>
        <source>Possibly the same incident (open tickets of this category and town):</source>
        <translation>可能为同一事件（本类别、本街镇的未办结工单）：</translation>
    </message>
    <message>
        <source>Merge the registered ticket into the selected one</source>
        <translation>将已登记的工单合并到所选工单</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>%1  %2%3  (%4, %5% alike)</source>
        <translation>%1  %2%3  （%4，相似度 %5%）</translation>
    </message>
    <message>
        <source>Register the call first, then merge it into the same incident.</source>
        <translation>请先登记来电，再将其合并到同一事件。</translation>
    </message>
    <message>
        <source>Ticket %1 will follow the selected ticket and be answered with it.</source>
        <translation>工单 %1 将跟随所选工单，并随其一并答复。</translation>
    </message>
    <message>
        <source>Ticket %1 now follows %2.</source>
        <translation>工单 %1 现已跟随 %2。</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>未合并：%1</translation>
    </message>
</context>
<context>
    <name>hotline::InterviewImportDialog</name>
    <message>
        <source>Import micro-interview questions</source>
        <translation>导入微访谈问题</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>A CSV exported by the microblog or live platform (UTF-8 or GB18030), or a text file with one question per line</source>
        <translation>微博或直播平台导出的 CSV 文件（UTF-8 或 GB18030），或每行一个问题的文本文件</translation>
    </message>
    <message>
        <source>&amp;Preview pasted text</source>
        <translation>预览粘贴的文本(&amp;P)</translation>
    </message>
    <message>
        <source>…or paste the questions here: one per line, or CSV with a header (内容/问题, 网友/昵称, 时间)</source>
        <translation>……或在此粘贴问题：每行一个，或带表头的 CSV（内容/问题, 网友/昵称, 时间）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Netizen</source>
        <translation>网友</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>提问时间</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problem or note</source>
        <translation>问题或备注</translation>
    </message>
    <message>
        <source>(none: sorted in the dispatch queue)</source>
        <translation>（无：在派单队列中分类）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>T&amp;own:</source>
        <translation>街镇(&amp;O)：</translation>
    </message>
    <message>
        <source>Open micro-interview questions</source>
        <translation>打开微访谈问题</translation>
    </message>
    <message>
        <source>Questions (*.csv *.txt);;All files (*)</source>
        <translation>问题文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>Open a questions file or paste the questions, then preview.</source>
        <translation>请打开问题文件或粘贴问题，然后预览。</translation>
    </message>
    <message>
        <source>%1 questions read (%2, %3): %4 ok, %5 with a problem, %6 already imported</source>
        <translation>已读取 %1 个问题（%2，%3）：%4 个正常，%5 个有问题，%6 个已导入</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>每行一个</translation>
    </message>
    <message>
        <source>Rows with a problem are left out; correct them in the file and import it again later (questions already imported are recognised and skipped).</source>
        <translation>有问题的行将被略过；请在文件中更正后再次导入（已导入的问题会被识别并跳过）。</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n question(s)</source>
        <translation>
            <numerusform>导入 %n 个问题(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n question(s) as tickets %1 to %2; they wait in the dispatch queue.</source>
        <translation>
            <numerusform>已将 %n 个问题导入为工单 %1 至 %2，正在派单队列中等待处理。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::LockScreen</name>
    <message>
        <source>Hotline Console — locked</source>
        <translation>民声热线工作台 — 已锁定</translation>
    </message>
    <message>
        <source>This console is locked.</source>
        <translation>此工作台已锁定。</translation>
    </message>
    <message>
        <source>Signed in: %1, %2</source>
        <translation>当前登录：%1，%2</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>An administrator has reset your password. Sign out and sign in again to choose a new one.</source>
        <translation>管理员已重置您的密码。请退出登录后重新登录，以设置新密码。</translation>
    </message>
</context>
<context>
    <name>hotline::MainWindow</name>
    <message>
        <source>Hotline Console — %1</source>
        <translation>民声热线工作台 — %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Department desk</source>
        <translation>承办工作台</translation>
    </message>
    <message>
        <source>Countdown board</source>
        <translation>倒计时看板</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Wall display</source>
        <translation>大屏(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Hotline Console</source>
        <translation>关于民声热线工作台(&amp;A)</translation>
    </message>
    <message>
        <source>About Hotline Console</source>
        <translation>关于民声热线工作台</translation>
    </message>
    <message>
        <source>Hotline Console %1
Operator console of a citizen service hotline.</source>
        <translation>民声热线工作台 %1
市民服务热线业务工作台。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Shared &amp;server…</source>
        <translation>共享服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time the console starts.</source>
        <translation>界面语言将在下次启动工作台时切换。</translation>
    </message>
    <message>
        <source>The language could not be saved in the user's settings.</source>
        <translation>无法把语言选择保存到用户设置。</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>TRAINING DATABASE</source>
        <translation>培训数据库</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Import &amp;micro-interview…</source>
        <translation>导入微访谈(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Search tickets…</source>
        <translation>搜索工单(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>hotline::MergeIntoDialog</name>
    <message>
        <source>Merge ticket %1 into…</source>
        <translation>将工单 %1 合并到…</translation>
    </message>
    <message>
        <source>Ticket %1 will follow the ticket chosen here: it leaves the dispatch queue and is answered when that ticket is replied.</source>
        <translation>工单 %1 将跟随此处选定的工单：它将离开派单队列，并在该工单答复时一并答复。</translation>
    </message>
    <message>
        <source>Ticket number, or choose a suggestion</source>
        <translation>工单编号，或选择一条建议</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>&amp;Follow ticket:</source>
        <translation>跟随工单(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>原因（可选）(&amp;R)：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>hotline::NumberClashesPanel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Ticket id</source>
        <translation>工单 ID</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>&amp;Renumber…</source>
        <translation>重新编号(&amp;R)…</translation>
    </message>
    <message>
        <source>Give the selected ticket a new number from this console's sequence; its old number keeps finding it.</source>
        <translation>从本控制台的编号序列为所选工单分配新编号；仍可通过原编号查到该工单。</translation>
    </message>
    <message>
        <source>No ticket number names two tickets.</source>
        <translation>没有同时对应两个工单的工单编号。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket number(s) name more than one ticket (two consoles gave them alike). Both tickets stay whole; renumber one of each so the number names one ticket again.</source>
        <translation>
            <numerusform>%n 个工单编号对应多个工单（两个控制台分配了相同编号）。相关工单均完整保留；请为每组中的一个工单重新编号，使每个编号重新只对应一个工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Renumber ticket %1</source>
        <translation>为工单 %1 重新编号</translation>
    </message>
    <message>
        <source>Why this ticket gets a new number (kept in its history):</source>
        <translation>重新编号的原因（将记入工单历史）：</translation>
    </message>
    <message>
        <source>Number %1 was given by two consoles</source>
        <translation>编号 %1 由两个控制台分别分配</translation>
    </message>
    <message>
        <source>The ticket is now %1; %2 still finds it.</source>
        <translation>该工单现编号为 %1；仍可通过 %2 查到。</translation>
    </message>
</context>
<context>
    <name>hotline::PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>hotline::PgConnection</name>
    <message>
        <source>no connection to the server</source>
        <translation>未连接到服务器</translation>
    </message>
</context>
<context>
    <name>hotline::ReferenceConflictsView</name>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>日历日</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reference data edited on two consoles at once&lt;/b&gt; (administrators): the later edit is in force on every console; enter the other again if it should win.</source>
        <translation>&lt;b&gt;两个控制台同时修改了基础数据&lt;/b&gt;（管理员）：以较晚的修改为准，已在所有控制台生效；如应以另一修改为准，请重新录入。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Kept (in force)</source>
        <translation>保留（生效中）</translation>
    </message>
    <message>
        <source>Kept: by, console, when</source>
        <translation>保留：修改人、控制台、时间</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>被覆盖</translation>
    </message>
    <message>
        <source>Lost: by, console, when</source>
        <translation>被覆盖：修改人、控制台、时间</translation>
    </message>
    <message>
        <source>%1, console %2, %3</source>
        <translation>%1，控制台 %2，%3</translation>
    </message>
    <message>
        <source>Reference conflicts</source>
        <translation>基础数据冲突</translation>
    </message>
</context>
<context>
    <name>hotline::ReferencePage</name>
    <message>
        <source>Each category's usual department is what the dispatch queue suggests; its time-limit class decides the deadline (empty: the ticket type decides). Disabled categories are no longer offered at registration.</source>
        <translation>派单队列按各类别的默认承办单位给出建议；时限类别决定办理时限（留空则按工单类型确定）。已停用的类别在登记时不再供选择。</translation>
    </message>
    <message>
        <source>The towns offered at registration. Disabled towns are no longer offered; tickets keep the town they were registered with.</source>
        <translation>登记时可选的镇街。已停用的镇街不再供选择；已登记的工单保留登记时的镇街。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Usual department</source>
        <translation>默认承办单位</translation>
    </message>
    <message>
        <source>Time-limit class</source>
        <translation>时限类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>编码(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Leave empty when the category has no usual department.</source>
        <translation>该类别没有默认承办单位时留空。</translation>
    </message>
    <message>
        <source>By ticket type</source>
        <translation>按工单类型</translation>
    </message>
    <message>
        <source>Consultation (consult)</source>
        <translation>咨询类（consult）</translation>
    </message>
    <message>
        <source>Handling (handling)</source>
        <translation>办理类（handling）</translation>
    </message>
    <message>
        <source>&amp;Usual department</source>
        <translation>默认承办单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Time-limit class</source>
        <translation>时限类别(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Offered at registration</source>
        <translation>登记时可选(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Ne&amp;w category</source>
        <translation>新建类别(&amp;W)</translation>
    </message>
    <message>
        <source>Ne&amp;w town</source>
        <translation>新建镇街(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save category</source>
        <translation>保存类别(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save town</source>
        <translation>保存镇街(&amp;S)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Not saved: “%1” is not a known department. Choose one from the list, or leave the field empty.</source>
        <translation>未保存：“%1”不是已知的承办单位。请从列表中选择，或将此项留空。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 (%2) saved.</source>
        <translation>已保存 %1（%2）。</translation>
    </message>
    <message>
        <source>Import categories</source>
        <translation>导入类别</translation>
    </message>
    <message>
        <source>Import towns</source>
        <translation>导入镇街</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported (%1 bad of %2 rows).</source>
        <translation>未导入任何数据（%2 行中有 %1 行有误）。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s): %1 new, %2 updated.</source>
        <translation>
            <numerusform>已导入 %n 行：新增 %1 行，更新 %2 行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::RegistrationForm</name>
    <message>
        <source>Register a call</source>
        <translation>登记来电</translation>
    </message>
    <message>
        <source>Register  (%1)</source>
        <translation>登记（%1）</translation>
    </message>
    <message>
        <source>New call  (%1)</source>
        <translation>新来电（%1）</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>The number of the registered ticket appears here, to read to the caller.</source>
        <translation>工单登记后，编号显示在此处，供读给来电人。</translation>
    </message>
    <message>
        <source>Write the answer given to the caller, or untick “close at intake”.</source>
        <translation>请填写给来电人的答复，或取消勾选“当场办结”。</translation>
    </message>
    <message>
        <source>There is an answer but the ticket would stay open: tick “close at intake” or clear the answer.</source>
        <translation>已填写答复，但工单不会办结：请勾选“当场办结”，或清空答复。</translation>
    </message>
    <message>
        <source>The answer is too long (%1 characters, at most %2).</source>
        <translation>答复过长（%1 个字符，最多 %2 个）。</translation>
    </message>
    <message>
        <source>The ticket was not registered: %1</source>
        <translation>工单未登记：%1</translation>
    </message>
    <message>
        <source>Ticket %1 was registered but could not be closed: %2 It waits in the dispatch queue.</source>
        <translation>工单 %1 已登记，但未能办结：%2该工单已进入待派单队列。</translation>
    </message>
    <message>
        <source>Answered and closed. Ticket number (copied to the clipboard):</source>
        <translation>已答复并办结。工单编号（已复制到剪贴板）：</translation>
    </message>
    <message>
        <source>Registered. Read the ticket number to the caller (copied to the clipboard):</source>
        <translation>已登记。请向来电人读出工单编号（已复制到剪贴板）：</translation>
    </message>
    <message>
        <source>Related ticket: %1</source>
        <translation>关联工单：%1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message>
        <source>(no summary yet)</source>
        <translation>（尚无摘要）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Attach &amp;files…</source>
        <translation>添加附件(&amp;F)…</translation>
    </message>
    <message>
        <source>Photos or documents the caller sent: they are registered with the ticket</source>
        <translation>来电人发来的照片或文档：将随工单一并登记</translation>
    </message>
    <message>
        <source>Give the coordinates as latitude, longitude in degrees, e.g. 23.0329, 113.1453.</source>
        <translation>请以度为单位填写坐标（纬度, 经度），例如 23.0329, 113.1453。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>To attach: %1</source>
        <translation>待添加附件：%1</translation>
    </message>
</context>
<context>
    <name>hotline::ReportsPage</name>
    <message>
        <source>Departments with fewer completed tickets are shown but not ranked.</source>
        <translation>办结件数不足的单位列出但不排名。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Rank from</source>
        <translation>排名门槛</translation>
    </message>
    <message>
        <source>completed tickets</source>
        <translation>件办结</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Click a department's bar to list the tickets it completed in the period.</source>
        <translation>点击某单位的柱形，列出其在统计期内办结的工单。</translation>
    </message>
    <message>
        <source>Cannot compute the report: %1</source>
        <translation>无法计算报表：%1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Cannot list the tickets: %1</source>
        <translation>无法列出工单：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n ticket(s) completed in the period</source>
        <translation>
            <numerusform>%1：统计期内办结 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel 用 CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print preview — monthly report</source>
        <translation>打印预览 — 月报</translation>
    </message>
    <message>
        <source>Assessment PDF…</source>
        <translation>考核表 PDF…</translation>
    </message>
    <message>
        <source>The annual assessment table as a PDF (choose the Year period).</source>
        <translation>以 PDF 格式导出年度考核表（请选择“年”统计期）。</translation>
    </message>
    <message>
        <source>No assessment for this year.</source>
        <translation>本年度没有考核数据。</translation>
    </message>
</context>
<context>
    <name>hotline::SearchDialog</name>
    <message>
        <source>Search tickets</source>
        <translation>搜索工单</translation>
    </message>
    <message>
        <source>A ticket number (or its first 6 characters), a caller's phone number, or words from the summary, details, address or reply. Open and closed tickets.</source>
        <translation>工单编号（或其前 6 个字符）、来电人电话号码，或摘要、详情、地址、答复中的词语。包括未办结和已办结的工单。</translation>
    </message>
    <message>
        <source>Search: number, phone or words</source>
        <translation>搜索：编号、电话或词语</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No ticket found.</source>
        <translation>未找到工单。</translation>
    </message>
    <message>
        <source>%1 shown of more than %2 tickets, newest first. Add a word to narrow the search.</source>
        <translation>超过 %2 个工单中显示 %1 个，最新的在前。请添加词语以缩小搜索范围。</translation>
    </message>
    <message>
        <source>%1 shown of %2 tickets, newest first.</source>
        <translation>共 %2 个工单，显示 %1 个，最新的在前。</translation>
    </message>
    <message>
        <source>Words of one or two characters alone are looked for in the newest %1 tickets.</source>
        <translation>仅含一两个字的词语只在最新的 %1 个工单中搜索。</translation>
    </message>
</context>
<context>
    <name>hotline::ServerMessageClaims</name>
    <message>
        <source>the shared server is not reachable</source>
        <translation>共享服务器不可达</translation>
    </message>
</context>
<context>
    <name>hotline::ServerSettingsDialog</name>
    <message>
        <source>Shared server</source>
        <translation>共享服务器</translation>
    </message>
    <message>
        <source>Consoles of one centre share a PostgreSQL server. This console keeps working on its own copy when the server cannot be reached and catches up later.</source>
        <translation>同一中心的各工作台共用一台 PostgreSQL 服务器。服务器不可达时，本工作台在本机副本上照常工作，恢复后自动补同步。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Join and sync</source>
        <translation>加入并同步(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Standalone</source>
        <translation>单机使用(&amp;S)</translation>
    </message>
    <message>
        <source>Not a PostgreSQL address: %1</source>
        <translation>不是 PostgreSQL 地址：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>Connected: the server is ready (schema version %1).</source>
        <translation>已连接：服务器就绪（数据结构版本 %1）。</translation>
    </message>
    <message>
        <source>The address could not be saved in the local database.</source>
        <translation>无法把地址保存到本地数据库。</translation>
    </message>
    <message>
        <source>The setting could not be saved in the local database.</source>
        <translation>无法把设置保存到本地数据库。</translation>
    </message>
</context>
<context>
    <name>hotline::SettingsPage</name>
    <message>
        <source>Centre &amp;name</source>
        <translation>中心名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Working periods</source>
        <translation>工作时段(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Consultation limit (working days)</source>
        <translation>咨询类时限（工作日）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Handling limit (working days)</source>
        <translation>办理类时限（工作日）(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Yellow warning (working hours)</source>
        <translation>黄色预警（工作小时）(&amp;Y)</translation>
    </message>
    <message>
        <source>S&amp;ync interval (seconds)</source>
        <translation>同步间隔（秒）(&amp;Y)</translation>
    </message>
    <message>
        <source>SMS gateway &amp;URL</source>
        <translation>短信网关地址(&amp;U)</translation>
    </message>
    <message>
        <source>SMS gateway t&amp;oken</source>
        <translation>短信网关令牌(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reminder SMS</source>
        <translation>提醒短信(&amp;R)</translation>
    </message>
    <message>
        <source>Ur&amp;ging SMS</source>
        <translation>督办短信(&amp;G)</translation>
    </message>
    <message>
        <source>SMS gateway time&amp;out (seconds)</source>
        <translation>短信网关超时（秒）(&amp;O)</translation>
    </message>
    <message>
        <source>Centre and working hours</source>
        <translation>中心与工作时间</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Shared server</source>
        <translation>共享服务器</translation>
    </message>
    <message>
        <source>SMS reminders and urging</source>
        <translation>短信提醒与督办</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>The stored settings are shown again.</source>
        <translation>已重新显示保存的设置。</translation>
    </message>
    <message>
        <source>Allowed placeholders: %1 ({number} is required).</source>
        <translation>可用占位符：%1（必须包含 {number}）。</translation>
    </message>
    <message>
        <source>District Urban Management Bureau</source>
        <translation>区城市管理和综合执法局</translation>
    </message>
    <message numerus="yes">
        <source>Example (%n characters): %1</source>
        <translation>
            <numerusform>示例（%n 个字）：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>未保存：请更正标红的项目。</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>无需保存：没有修改任何设置。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n setting(s).</source>
        <translation>
            <numerusform>已保存 %n 项设置。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hotline::SignInDialog</name>
    <message>
        <source>Hotline Console — create the administrator</source>
        <translation>民声热线工作台 — 创建管理员</translation>
    </message>
    <message>
        <source>Hotline Console — sign in</source>
        <translation>民声热线工作台 — 登录</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator, who then adds the call-takers, dispatchers, liaisons and supervisors.</source>
        <translation>此数据库还没有用户。请先创建管理员，再由管理员添加话务员、派单员、联络员和督办员。</translation>
    </message>
    <message>
        <source>Sign in to the hotline console.</source>
        <translation>登录民声热线工作台。</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Demo database: choose an account (password %1).</source>
        <translation>演示数据库：请选择一个账号（密码为 %1）。</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>确认新密码(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change my password</source>
        <translation>修改我的密码(&amp;C)</translation>
    </message>
    <message>
        <source>An administrator has reset your password. Choose a new one to continue.</source>
        <translation>管理员已重置您的密码。请设置新密码后继续。</translation>
    </message>
    <message>
        <source>Enter your sign-in name and current password, then the new password.</source>
        <translation>请输入登录名和当前密码，然后输入新密码。</translation>
    </message>
    <message>
        <source>Change password and sign in</source>
        <translation>修改密码并登录</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>hotline::SmsGateway</name>
    <message>
        <source>No SMS gateway is configured: set sms.url (hotlinectl config set sms.url URL).</source>
        <translation>未配置短信网关：请设置 sms.url（hotlinectl config set sms.url 地址）。</translation>
    </message>
    <message>
        <source>The SMS gateway URL "%1" is not an http(s) URL.</source>
        <translation>短信网关地址“%1”不是 http(s) 地址。</translation>
    </message>
    <message>
        <source>The SMS gateway answered HTTP %1%2</source>
        <translation>短信网关返回 HTTP %1%2</translation>
    </message>
    <message>
        <source>The SMS gateway did not answer in time.</source>
        <translation>短信网关未按时应答。</translation>
    </message>
    <message>
        <source>Cannot reach the SMS gateway: %1</source>
        <translation>无法连接短信网关：%1</translation>
    </message>
</context>
<context>
    <name>hotline::SmsSender</name>
    <message>
        <source>Department %1 has no head's phone number; add it on the departments page.</source>
        <translation>单位 %1 没有负责人电话；请在承办单位页面填写。</translation>
    </message>
    <message>
        <source>Department %1 has no duty phone number; add one on the departments page.</source>
        <translation>单位 %1 没有值班电话；请在承办单位页面添加。</translation>
    </message>
    <message>
        <source>Already sent by %1.</source>
        <translation>已由 %1 发送。</translation>
    </message>
    <message>
        <source>Being sent by %1.</source>
        <translation>正由 %1 发送。</translation>
    </message>
    <message>
        <source>Cannot claim the message: %1</source>
        <translation>无法认领该短信：%1</translation>
    </message>
    <message>
        <source>The dispatch desk has no duty phone number; set dispatch.duty_phones in the settings.</source>
        <translation>调度台没有值班电话号码；请在设置中设置 dispatch.duty_phones。</translation>
    </message>
    <message>
        <source>Hotline ticket %1 waited too long at the dispatch desk.</source>
        <translation>热线工单 %1 在调度台等待时间过长。</translation>
    </message>
    <message>
        <source>Hotline ticket %1 waits for the callback; limit %2 (%3).</source>
        <translation>热线工单 %1 等待回访；时限 %2（%3）。</translation>
    </message>
    <message>
        <source>Hotline ticket %1 waits for dispatch; limit %2 (%3).</source>
        <translation>热线工单 %1 等待派单；时限 %2（%3）。</translation>
    </message>
    <message>
        <source>Hotline ticket %1 (%2): the citizen called again to ask about progress.</source>
        <translation>热线工单 %1（%2）：市民再次来电催办，询问办理进度。</translation>
    </message>
    <message>
        <source>Hotline ticket %1 (%2): the citizen called again to ask about progress; %3 left.</source>
        <translation>热线工单 %1（%2）：市民再次来电催办，询问办理进度；剩余 %3。</translation>
    </message>
</context>
<context>
    <name>hotline::SyncConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why it did not apply</source>
        <translation>未生效原因</translation>
    </message>
    <message>
        <source>&amp;Mark all as seen</source>
        <translation>全部标为已读(&amp;M)</translation>
    </message>
</context>
<context>
    <name>hotline::SyncWorker</name>
    <message>
        <source>the connection to the server was lost</source>
        <translation>与服务器的连接已断开</translation>
    </message>
</context>
<context>
    <name>hotline::TicketDetailDialog</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>倒计时</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细内容</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>&amp;Urge (督办)…</source>
        <translation>督办(&amp;U)…</translation>
    </message>
    <message>
        <source>Urge the department to handle this ticket, with a note</source>
        <translation>督促承办单位办理此工单，并附督办意见</translation>
    </message>
    <message>
        <source>Ticket not found</source>
        <translation>未找到工单</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>(in the dispatch queue)</source>
        <translation>（待派单）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Replied %1 (%2)</source>
        <translation>已于 %1 答复（%2）</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>已于 %1 办结</translation>
    </message>
    <message>
        <source>Not counting</source>
        <translation>未计时</translation>
    </message>
    <message>
        <source>Show &amp;number</source>
        <translation>显示号码(&amp;N)</translation>
    </message>
    <message>
        <source>Show the caller's full name and phone number. Each view is recorded in the access log.</source>
        <translation>显示来电人的完整姓名和电话号码。每次查看都会记入访问日志。</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Same incident</source>
        <translation>同一事件</translation>
    </message>
    <message>
        <source>Progress calls</source>
        <translation>催办记录</translation>
    </message>
    <message>
        <source>SMS to the caller</source>
        <translation>发给来电人的短信</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>照片和文档</translation>
    </message>
    <message>
        <source>Record &amp;progress call (催办)…</source>
        <translation>登记催办(&amp;P)…</translation>
    </message>
    <message>
        <source>The citizen called to ask about this ticket: record what they asked</source>
        <translation>市民来电询问本工单：记录其询问内容</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>（%1，%2）</translation>
    </message>
    <message>
        <source>follows %1 (answered with it)</source>
        <translation>跟随 %1（随其一并答复）</translation>
    </message>
    <message>
        <source>followers: %1</source>
        <translation>跟随工单：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(follows %1)</source>
        <translation>（跟随 %1）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 次来电</numerusform>
        </translation>
    </message>
    <message>
        <source>Caller declines &amp;SMS</source>
        <translation>来电人不接收短信(&amp;S)</translation>
    </message>
    <message>
        <source>Caller accepts &amp;SMS again</source>
        <translation>来电人恢复接收短信(&amp;S)</translation>
    </message>
    <message>
        <source>%1 (formerly %2)</source>
        <translation>%1（原编号 %2）</translation>
    </message>
</context>
<context>
    <name>hotline::TrainingBanner</name>
    <message>
        <source>TRAINING DATABASE</source>
        <translation>培训数据库</translation>
    </message>
    <message>
        <source>Nothing here is a real record: tickets, replies and figures are for practice only.</source>
        <translation>此处均非真实记录：工单、答复和数据仅供练习。</translation>
    </message>
</context>
<context>
    <name>hotline::UsersPage</name>
    <message>
        <source>Sign-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Department (liaisons)</source>
        <translation>所属承办单位（联络员）</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>新增用户(&amp;A)</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 现在可以用 %2 登录。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>所选用户</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>解锁(&amp;L)</translation>
    </message>
    <message>
        <source>to be changed at the next sign-in</source>
        <translation>用户下次登录时须修改</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>重置密码(&amp;R)</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>C&amp;hange role</source>
        <translation>更改角色(&amp;H)</translation>
    </message>
    <message>
        <source>Role and department</source>
        <translation>角色和所属承办单位</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>locked after failed sign-ins</source>
        <translation>因登录失败已锁定</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Select a user in the list.</source>
        <translation>请在列表中选择一个用户。</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已无法再登录。</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 已解锁。</translation>
    </message>
    <message>
        <source>%1 has a new password and must choose their own at the next sign-in.</source>
        <translation>%1 已设置新密码，下次登录时须自行设置密码。</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 现在是%2。</translation>
    </message>
</context>
<context>
    <name>hotline::WallDisplay</name>
    <message>
        <source>Countdown board</source>
        <translation>倒计时看板</translation>
    </message>
    <message>
        <source>Citizen service hotline · countdown board</source>
        <translation>市民服务热线 · 倒计时看板</translation>
    </message>
    <message>
        <source>Red · overdue</source>
        <translation>红灯 · 已超期</translation>
    </message>
    <message>
        <source>Yellow · due soon</source>
        <translation>黄灯 · 即将到期</translation>
    </message>
    <message>
        <source>Green · in time</source>
        <translation>绿灯 · 时限内</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Non-working time · countdowns paused</source>
        <translation>非工作时间 · 倒计时暂停</translation>
    </message>
    <message>
        <source>调度台 · Dispatch desk</source>
        <translation>调度台</translation>
    </message>
    <message>
        <source>%1 past the limit</source>
        <translation>已超时限 %1 件</translation>
    </message>
    <message>
        <source>%1 limit near</source>
        <translation>临近时限 %1 件</translation>
    </message>
    <message>
        <source>%1 in time</source>
        <translation>时限内 %1 件</translation>
    </message>
    <message>
        <source>longest: %1 waiting %2</source>
        <translation>最久：%1 已等待 %2</translation>
    </message>
</context>
<context>
    <name>hotline::WallList</name>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>No open tickets are counting down.</source>
        <translation>暂无正在倒计时的工单。</translation>
    </message>
</context>
</TS>