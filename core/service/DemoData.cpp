#include "service/DemoData.h"

#include "auth/UserStore.h"
#include "calendar/WorkCalendar.h"
#include "service/Board.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "util/Clock.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

struct DemoDepartment
{
    const char16_t *code;
    const char16_t *name;
};

// Nanhai's towns and streets (PRODUCT §2) and the district bureaus a hotline dispatches to most.
constexpr DemoDepartment kDepartments[] = {
    {u"GC", u"桂城街道"},      {u"JJ", u"九江镇"},          {u"XQ", u"西樵镇"},        {u"DZ", u"丹灶镇"},
    {u"SS", u"狮山镇"},        {u"DL", u"大沥镇"},          {u"LS", u"里水镇"},        {u"LC", u"罗村街道办"},
    {u"CG", u"区城市管理和综合执法局"}, {u"ZJ", u"区住房城乡建设和水利局"}, {u"JT", u"区交通运输局"},
    {u"SJ", u"区市场监督管理局"}, {u"RS", u"区人力资源和社会保障局"}, {u"JY", u"区教育局"},
    {u"WJ", u"区卫生健康局"},   {u"HB", u"佛山市生态环境局南海分局"}, {u"GA", u"佛山市公安局南海分局"},
};

struct DemoCategory
{
    const char16_t *name;
    const char16_t *department; // suggested; empty: the caller's town
    const char16_t *summary;
};

constexpr DemoCategory kCategories[] = {
    {u"市容环境", u"CG", u"小区门口占道经营，油烟扰民"},
    {u"市政设施", u"CG", u"人行道井盖缺失，存在安全隐患"},
    {u"道路交通", u"JT", u"公交站台候车亭损坏，请求维修"},
    {u"住房建设", u"ZJ", u"楼盘延期交房，业主请求协调"},
    {u"供水排水", u"ZJ", u"暴雨后路段积水严重，排水不畅"},
    {u"消费维权", u"SJ", u"超市销售过期食品，要求查处"},
    {u"劳动保障", u"RS", u"工厂拖欠工资两个月，请求帮助"},
    {u"社保政策", u"RS", u"咨询灵活就业人员社保缴费办法"},
    {u"教育", u"JY", u"咨询公办小学积分入学申请时间"},
    {u"医疗卫生", u"WJ", u"社区卫生服务站疫苗接种预约咨询"},
    {u"环境保护", u"HB", u"工厂夜间排放刺鼻气味"},
    {u"噪声扰民", u"", u"夜间施工噪音扰民，影响休息"},
    {u"社会治安", u"GA", u"路口电动车乱停放，请加强管理"},
    {u"村居事务", u"", u"村道路灯不亮，请尽快维修"},
};

constexpr const char16_t *kTowns[] = {u"桂城", u"九江", u"西樵", u"丹灶", u"狮山", u"大沥", u"里水", u"罗村"};
constexpr const char16_t *kTownDepartments[] = {u"GC", u"JJ", u"XQ", u"DZ", u"SS", u"DL", u"LS", u"LC"};
constexpr const char16_t *kSurnames[] = {u"陈", u"李", u"黄", u"梁", u"何", u"张", u"罗", u"冯", u"区", u"潘"};

/** Drives the ticket service through past instants with a clock of its own. */
class Generator
{
public:
    Generator(Workspace &ws, qint64 nowMs)
        : m_ws(ws),
          m_nowMs(nowMs),
          m_sla(ws.sla()),
          m_service(ws.database(), ws.events(), m_clock, [&ws] { return ws.sla(); }),
          m_rng(20131001)
    {
    }

    bool seedReferenceData(QString *error);
    bool ticket(int kind, QString *error);

    enum Kind { Closed, ClosedLate, Intake, Queue, Green, Yellow, Red, Replied, Returned };

private:
    NewTicket randomTicket(QString *suggestedDepartment);
    qint64 back(qint64 fromMs, qint64 workSeconds) const
    {
        return m_sla.calendar().addWorkingSeconds(fromMs / 1000, -workSeconds) * 1000;
    }
    int pick(int n) { return int(m_rng.bounded(n)); }
    qint64 jitter(qint64 maxSeconds) { return qint64(m_rng.bounded(quint32(maxSeconds))); }

    Workspace &m_ws;
    qint64 m_nowMs;
    SlaClock m_sla;
    ManualClock m_clock;
    TicketService m_service;
    QRandomGenerator m_rng;
};

bool Generator::seedReferenceData(QString *error)
{
    QSqlQuery q(m_ws.database().sql());
    q.prepare(u"INSERT OR IGNORE INTO departments(code, name, duty_phones, head_phone) VALUES(?,?,?,?)"_s);
    int n = 0;
    for (const DemoDepartment &d : kDepartments) {
        q.addBindValue(QString::fromUtf16(d.code));
        q.addBindValue(QString::fromUtf16(d.name));
        q.addBindValue(u"1380000%1"_s.arg(1000 + n, 4, 10, QLatin1Char('0')));
        q.addBindValue(u"1390000%1"_s.arg(1000 + n, 4, 10, QLatin1Char('0')));
        ++n;
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    q.prepare(u"INSERT OR IGNORE INTO categories(name, sla_class, department_code) VALUES(?,?,?)"_s);
    for (const DemoCategory &c : kCategories) {
        q.addBindValue(QString::fromUtf16(c.name));
        // Policy questions are answered like consultations whatever the caller called them.
        q.addBindValue(QString::fromUtf16(c.name) == u"社保政策"_s ? QVariant(u"consult"_s) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(QString::fromUtf16(c.department).isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf16(c.department)));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    q.prepare(u"INSERT OR IGNORE INTO towns(name) VALUES(?)"_s);
    for (const char16_t *town : kTowns) {
        q.addBindValue(QString::fromUtf16(town));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

NewTicket Generator::randomTicket(QString *suggestedDepartment)
{
    const DemoCategory &c = kCategories[pick(int(std::size(kCategories)))];
    const int town = pick(int(std::size(kTowns)));
    NewTicket t;
    t.channel = std::array{Channel::Phone, Channel::Phone, Channel::Phone, Channel::Weibo, Channel::WeChat, Channel::Web,
                           Channel::Petition, Channel::Interview}[size_t(pick(8))];
    const QString summary = QString::fromUtf16(c.summary);
    t.type = summary.startsWith(u"咨询"_s) ? TicketType::Consult
                                            : std::array{TicketType::Complaint, TicketType::Help, TicketType::Suggestion,
                                                         TicketType::Report, TicketType::Complaint}[size_t(pick(5))];
    t.category = QString::fromUtf16(c.name);
    t.town = QString::fromUtf16(kTowns[town]);
    const bool anonymous = pick(6) == 0 || t.channel == Channel::Weibo;
    if (!anonymous) {
        t.callerName = QString::fromUtf16(kSurnames[pick(int(std::size(kSurnames)))]) + (pick(2) ? u"先生"_s : u"女士"_s);
        t.callerPhone = u"13%1%2"_s.arg(5 + pick(5)).arg(qint64(10000000) + jitter(89999999), 8, 10, QLatin1Char('0'));
    }
    t.summary = t.town + u"："_s + summary;
    t.details = DemoData::tr("Caller reports: %1. Location given by the caller; please contact them for details.").arg(summary);
    *suggestedDepartment = QString::fromUtf16(c.department);
    if (suggestedDepartment->isEmpty())
        *suggestedDepartment = QString::fromUtf16(kTownDepartments[town]);
    return t;
}

bool Generator::ticket(int kind, QString *error)
{
    const Actor taker{u"demo-calltaker"_s, Role::CallTaker, QString(), m_ws.consoleCode()};
    const Actor dispatcher{u"demo-dispatcher"_s, Role::Dispatcher, QString(), m_ws.consoleCode()};
    QString department;
    NewTicket input = randomTicket(&department);
    if (kind == Intake)
        input.type = TicketType::Consult;
    const Actor liaison{u"demo-liaison-"_s + department, Role::Liaison, department, m_ws.consoleCode()};
    const qint64 day = m_sla.calendar().dayLengthSeconds();
    const qint64 classSeconds = m_sla.durationSeconds(m_sla.policy().classFor(input.type, input.category));

    // Work out the dispatch instant that puts the ticket where this kind wants it now.
    qint64 dispatchMs = 0;
    switch (kind) {
    case Green: dispatchMs = back(m_nowMs, std::max<qint64>(0, classSeconds - 3 * 3600 - 1800 - jitter(std::max<qint64>(1, classSeconds - 4 * 3600)))); break;
    case Yellow: dispatchMs = back(m_nowMs, classSeconds - 600 - jitter(2 * 3600 + 1800)); break;
    case Red: dispatchMs = back(m_nowMs, classSeconds + 1800 + jitter(3 * day)); break;
    case Replied: dispatchMs = back(m_nowMs, day / 2 + jitter(day)); break;
    case Queue: dispatchMs = m_nowMs; break;
    case ClosedLate: dispatchMs = back(m_nowMs, 8 * day + jitter(20 * day)); break;
    default: dispatchMs = back(m_nowMs, 2 * day + jitter(30 * day)); break;
    }
    // Registered a little before dispatch (dispatchers work through the queue within the hour).
    const qint64 registeredMs = std::max<qint64>(dispatchMs - 60000 * (5 + jitter(50)), m_nowMs - 60LL * 86400 * 1000);
    m_clock.setMs(kind == Queue ? m_nowMs - 60000 * (1 + jitter(90)) : registeredMs);
    const QString id = kind == Intake ? m_service.registerAndClose(taker, input, DemoData::tr("Answered at intake."), error)
                                      : m_service.registerTicket(taker, input, error);
    if (id.isEmpty())
        return false;
    if (kind == Intake || kind == Queue)
        return true;

    m_clock.setMs(dispatchMs);
    if (!m_service.dispatch(dispatcher, id, department, error))
        return false;
    if (kind == Green || kind == Yellow || kind == Red) {
        if (pick(2) == 0)
            return true; // not yet signed for
        m_clock.setMs(dispatchMs + 60000);
        return m_service.sign(liaison, id, error);
    }

    const qint64 deadlineMs = m_ws.events().ticket(id).deadlineS.value_or(0) * 1000;
    m_clock.setMs(dispatchMs + 60000 * (5 + jitter(60)));
    if (!m_service.sign(liaison, id, error))
        return false;
    if (kind == Returned) {
        m_clock.setMs(m_clock.nowMs() + 600000);
        return m_service.returnTicket(liaison, id, DemoData::tr("Not within our remit; please dispatch to the town."), error);
    }
    // Replies land inside the time limit, or after it for the late ones.
    const qint64 replyMs = kind == ClosedLate ? deadlineMs + 3600000 * (1 + jitter(30))
                                              : std::min(deadlineMs - 60000, m_clock.nowMs() + 3600000 * (1 + jitter(20)));
    m_clock.setMs(std::min(replyMs, m_nowMs - 120000));
    if (!m_service.reply(liaison, id, DemoData::tr("Handled on site; the caller has been informed."), error))
        return false;
    if (kind == Replied)
        return true;
    const qint64 callbackMs = std::min(m_clock.nowMs() + 3600000 * (2 + jitter(40)), m_nowMs - 60000);
    m_clock.setMs(callbackMs);
    const int r = pick(100);
    const Satisfaction answer = r < 90 ? Satisfaction::Satisfied : r < 98 ? Satisfaction::Basic : Satisfaction::Unsatisfied;
    if (!m_service.callback(dispatcher, id, answer, QString(), error))
        return false;
    m_clock.setMs(callbackMs + 1000);
    return m_service.close(dispatcher, id, QString(), error);
}

bool createAccounts(Workspace &ws, QString *error)
{
    UserStore &users = ws.users();
    if (users.hasUsers())
        return true; // a real centre's accounts are never touched
    std::optional<User> admin;
    for (const DemoAccount &a : DemoData::accounts()) {
        User u{QString::fromUtf16(a.name), QString::fromUtf16(a.displayName),
               roleFromCode(QString::fromUtf16(a.role)).value_or(Role::CallTaker), QString::fromUtf16(a.department)};
        if (!users.create(admin, u, DemoData::demoPassword(), error))
            return false;
        if (!admin)
            admin = u;
    }
    return true;
}

} // namespace

QString DemoData::demoPassword()
{
    return u"demo1234"_s;
}

QList<DemoAccount> DemoData::accounts()
{
    return {
        {u"admin", u"管理员 王主任", u"administrator", u""},
        {u"calltaker", u"话务员 陈小红", u"calltaker", u""},
        {u"dispatcher", u"派单员 李明", u"dispatcher", u""},
        {u"liaison", u"城管局联络员 黄志强", u"liaison", u"CG"},
        {u"supervisor", u"督办 梁建华", u"supervisor", u""},
    };
}

bool DemoData::isDemo(Workspace &ws)
{
    return ws.database().meta(u"demo"_s) == u"1"_s;
}

bool DemoData::seedReferenceData(Workspace &ws, QString *error)
{
    return Generator(ws, ws.clock().nowMs()).seedReferenceData(error);
}

bool DemoData::populate(Workspace &ws, DemoSummary *summary, QString *error)
{
    Generator gen(ws, ws.clock().nowMs());
    if (!gen.seedReferenceData(error) || !createAccounts(ws, error))
        return false;
    // A few hundred tickets in the proportions of a real month: most closed, a live board of every colour.
    const QList<std::pair<int, int>> plan{
        {Generator::Closed, 220}, {Generator::ClosedLate, 10}, {Generator::Intake, 40}, {Generator::Queue, 12},
        {Generator::Green, 45},   {Generator::Yellow, 12},    {Generator::Red, 9},     {Generator::Replied, 15},
        {Generator::Returned, 4},
    };
    int count = 0;
    for (const auto &[kind, n] : plan) {
        for (int i = 0; i < n; ++i) {
            if (!gen.ticket(kind, error))
                return false;
            ++count;
        }
    }
    const BoardSnapshot board = Board::load(ws.database(), ws.sla(), ws.clock().nowSecs());
    ws.database().setMeta(u"demo"_s, u"1"_s);
    summary->departments = int(std::size(kDepartments));
    summary->tickets = count;
    summary->green = board.green;
    summary->yellow = board.yellow;
    summary->red = board.red;
    return true;
}

} // namespace hotline
