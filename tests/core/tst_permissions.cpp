// The permission table, cell by cell: every role × every action is tried through the real core service that does
// it, on a real database, and must succeed exactly when the table says so. Cells limited to the actor's own
// department or to intake are tried both inside and outside their limit.
#include "TestWorkspace.h"

#include "auth/Permissions.h"
#include "reports/ReportBuilder.h"
#include "sla/SlaClock.h"
#include "domain/DisplayNames.h"
#include "auth/UserStore.h"
#include "io/ExportFile.h"
#include "io/TicketImporter.h"
#include "intake/IntakeTokens.h"
#include "notify/Accountability.h"
#include "notify/DepartmentContacts.h"
#include "privacy/AccessLog.h"
#include "privacy/CallerReveal.h"
#include "service/ReferenceStore.h"
#include "service/TicketQueries.h"
#include "service/Attachments.h"
#include "service/TicketService.h"
#include "storage/AdminLog.h"
#include "storage/CalendarStore.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

Q_DECLARE_METATYPE(hotline::Role)
Q_DECLARE_METATYPE(hotline::Action)

namespace {

const QString kOwn = u"D1"_s;
const QString kOther = u"D2"_s;

/** What the cell's action needs to have happened first (done by the system). */
enum class Stage { None, Registered, Dispatched, Signed, ExtensionAsked, Replied, Closed };

Stage stageFor(Action a)
{
    switch (a) {
    case Action::Dispatch:
    case Action::Renumber:
    case Action::Merge: return Stage::Registered;
    case Action::Sign:
    case Action::Return:
    case Action::Transfer:
    case Action::Urge:
    case Action::ViewAllTickets:
    case Action::ViewReports:
    case Action::ViewCallerInFull:
    case Action::Attach:
    case Action::FollowUp: return Stage::Dispatched;
    case Action::Reply:
    case Action::RequestExtension: return Stage::Signed;
    case Action::DecideExtension: return Stage::ExtensionAsked;
    case Action::Callback:
    case Action::Close: return Stage::Replied;
    case Action::Reopen: return Stage::Closed;
    default: return Stage::None;
    }
}

struct Fixture
{
    TestWorkspace tw{u"2025-03-03T10:00:00+08:00"_s};
    Actor system;
    QString ticket;
    QString parent; ///< a second registered ticket, for Merge (made before the events are counted)

    Fixture()
    {
        tw.addDepartment(kOwn, u"区城管局"_s);
        tw.addDepartment(kOther, u"区住建局"_s);
        system = tw.ws->systemActor();
    }

    long long eventCount()
    {
        QSqlQuery q(tw.ws->database().sql());
        q.exec(u"SELECT count(*) FROM events"_s);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    /** The accounts ManageUsers works on, made before counting events (creating them is an administrative event). */
    bool setupUsers()
    {
        UserStore &users = tw.ws->users();
        QString setup;
        const User chief{u"chief"_s, u"主任"_s, Role::Administrator, QString()};
        const User clerk{u"clerk"_s, u"话务员甲"_s, Role::CallTaker, QString()};
        if (!users.create(std::nullopt, chief, u"hotline-2025"_s, &setup) || !users.create(chief, clerk, u"hotline-2025"_s, &setup)) {
            qWarning() << "user setup failed:" << setup;
            return false;
        }
        return true;
    }

    /** Brings a new ticket, dispatched to department (when it gets that far), to the stage. */
    bool prepare(Stage stage, const QString &department)
    {
        if (stage == Stage::None)
            return true;
        QString error;
        TicketService &s = tw.ws->tickets();
        NewTicket t;
        t.type = TicketType::Complaint;
        t.callerName = u"张三"_s;
        t.callerPhone = u"13812345678"_s;
        t.summary = u"路灯不亮"_s;
        ticket = s.registerTicket(system, t, &error);
        bool ok = !ticket.isEmpty();
        if (ok && stage == Stage::Registered) {
            t.summary = u"路灯不亮（另一位市民）"_s;
            parent = s.registerTicket(system, t, &error);
            ok = !parent.isEmpty();
        }
        if (ok && stage >= Stage::Dispatched)
            ok = s.dispatch(system, ticket, department, &error);
        if (ok && stage >= Stage::Signed)
            ok = s.sign(system, ticket, &error);
        if (ok && stage == Stage::ExtensionAsked)
            ok = s.requestExtension(system, ticket, 2, u"需要协调"_s, &error);
        if (ok && stage >= Stage::Replied && stage != Stage::ExtensionAsked)
            ok = s.reply(system, ticket, u"已修复"_s, &error);
        if (ok && stage == Stage::Closed)
            ok = s.close(system, ticket, u"办结"_s, &error);
        if (!ok)
            qWarning() << "prepare failed:" << error;
        return ok;
    }

    /** Does the action as the actor through the service that owns it; true when it was done. */
    bool perform(const Actor &actor, Action action, QString *error)
    {
        TicketService &s = tw.ws->tickets();
        switch (action) {
        case Action::Register: {
            NewTicket t;
            t.summary = u"咨询社保"_s;
            return !s.registerTicket(actor, t, error).isEmpty();
        }
        case Action::Dispatch: return s.dispatch(actor, ticket, kOwn, error);
        case Action::Sign: return s.sign(actor, ticket, error);
        case Action::Reply: return s.reply(actor, ticket, u"已处理"_s, error);
        case Action::RequestExtension: return s.requestExtension(actor, ticket, 3, u"材料未齐"_s, error);
        case Action::DecideExtension: return s.decideExtension(actor, ticket, true, u"同意"_s, error);
        case Action::Return: return s.returnTicket(actor, ticket, u"不属本单位"_s, error);
        case Action::Transfer: return s.transfer(actor, ticket, kOther, u"转住建"_s, error);
        case Action::Urge: return s.urge(actor, ticket, u"请加快"_s, error);
        case Action::Callback: return s.callback(actor, ticket, Satisfaction::Satisfied, QString(), error);
        case Action::Close: return s.close(actor, ticket, u"办结"_s, error);
        case Action::Reopen: return s.reopen(actor, ticket, u"市民不满意"_s, error);
        case Action::ViewAllTickets: {
            // The ticket is the other department's for a liaison (see row setup), so only "all" sees it.
            const bool seen = tw.ws->queries().ticket(actor, ticket).has_value();
            if (!seen)
                Permissions::check(actor, action, error);
            return seen;
        }
        case Action::ViewAccountability: {
            Accountability(*tw.ws).list(actor, {}, error);
            return error->isEmpty();
        }
        case Action::ViewReports: {
            // The month's report as the actor may read it: done when the row of the ticket's department is in it
            // (a liaison's report holds their own department's row only).
            const std::optional<ReportData> report
                = ReportBuilder(tw.ws->database(), tw.ws->sla().calendar().timeZone(), tw.clock.nowMs())
                      .build(QDate(2025, 3, 1), QDate(2025, 4, 1), error);
            const std::optional<ReportData> seen = report ? report->readableBy(actor, error) : std::nullopt;
            if (!seen)
                return false;
            const std::optional<Ticket> t = tw.ws->queries().ticket(system, ticket);
            for (const DepartmentReport &d : seen->departments) {
                if (t && d.code == t->department && d.figures.dispatched == 1)
                    return true;
            }
            *error = u"only their own department's figures"_s;
            return false;
        }
        case Action::Export: {
            const QString path = tw.dir.filePath(u"export.csv"_s);
            const bool ok = ExportFile::write(actor, path, "a,b\n", error);
            if (ok != QFile::exists(path))
                qWarning() << "export result and file disagree";
            return ok && QFile::exists(path);
        }
        case Action::ViewCallerInFull: {
            const auto caller = CallerReveal::reveal(*tw.ws, actor, ticket, error);
            return caller && caller->phone == u"13812345678"_s;
        }
        case Action::ViewAccessLog:
            AccessLog(tw.ws->database(), tw.clock).list(actor, {}, error);
            return error->isEmpty();
        case Action::ManageUsers: {
            UserStore &users = tw.ws->users();
            return users.setDisabled(actor, u"clerk"_s, true, error) && users.user(u"clerk"_s)->disabled;
        }
        case Action::ViewAudit: {
            QList<AdminChange> changes;
            AdminLog(tw.ws->database()).list(actor, 0, 0, QString(), &changes, error);
            return error->isEmpty();
        }
        case Action::ManageDepartments:
            return DepartmentContacts(tw.ws->database()).save(actor, {u"D3"_s, u"区水务局"_s, {u"13800000003"_s}, QString()}, error);
        case Action::ManageReference:
            return ReferenceStore(tw.ws->database())
                .save(actor, ReferenceKind::Categories, QString(), {u"C9"_s, u"占道经营"_s, kOwn, u"handling"_s, true}, error);
        case Action::ManageCalendar:
            return tw.ws->calendar().saveDays(actor, {{QDate(2025, 10, 1), true, u"国庆节"_s}}, error);
        case Action::ManageConfig: return tw.ws->settings().set(actor, u"sla.yellow_hours"_s, u"4"_s, error);
        case Action::ImportTickets: {
            const QString path = tw.dir.filePath(u"history.csv"_s);
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return false;
            f.write("number,channel,type,category,town,department,caller_name,caller_phone,summary,registered_at,"
                    "dispatched_at,replied_at,closed_at,satisfaction\n"
                    "H-0001,phone,consult,,,,,,咨询,2025-02-03T09:00:00+08:00,,,2025-02-03T09:10:00+08:00,\n");
            f.close();
            const ImportResult r = TicketImporter(*tw.ws, actor).importFile(path);
            if (!r.ok)
                *error = r.errors.join(u"; "_s);
            return r.ok;
        }
        case Action::Merge: return s.merge(actor, ticket, parent, u"同一盏路灯"_s, error);
        case Action::FollowUp: {
            const qint64 before = tw.ws->events().ticket(ticket).followUps;
            return s.followUp(actor, ticket, u"市民来电询问进展"_s, error)
                && tw.ws->events().ticket(ticket).followUps == before + 1;
        }
        case Action::Attach: {
            // A photo of the place, through the attachment service; done when the ticket lists it.
            const QByteArray png = QByteArray::fromBase64(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
            const QString hash = tw.ws->attachments().attach(actor, ticket, {u"site.png"_s, png, u"before"_s}, error);
            return !hash.isEmpty() && tw.ws->attachments().list(system, ticket).size() == 1;
        }
        case Action::Renumber: {
            // A new number from the actor's console's sequence; done when the ticket has it.
            const QString number = s.renumber(actor, ticket, u"两台控制台同号"_s, error);
            return !number.isEmpty() && tw.ws->events().ticket(ticket).number == number;
        }
        case Action::ManageIntake:
            return !IntakeTokens(tw.ws->database()).add(actor, u"web-"_s + toCode(actor.role), Channel::Web, error).isEmpty();
        default:
            // Cells without a core service of their own (pages and menus): the table is the gate; the UI test
            // checks that each page appears exactly for the roles the table allows.
            return Permissions::check(actor, action, error);
        }
    }
};

Actor actorOf(Role role, const QString &department)
{
    return Actor{u"u-"_s + toCode(role), role, role == Role::Liaison ? department : QString(), u"01"_s};
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIsComplete()
    {
        // Every action has a code that round-trips, a display phrase, and a cell for every role.
        QCOMPARE(Permissions::allRoles().size(), 6);
        for (Action a : Permissions::allActions()) {
            QVERIFY(!toCode(a).isEmpty());
            QCOMPARE(actionFromCode(toCode(a)), std::optional<Action>(a));
            QVERIFY(!DisplayNames::action(a).isEmpty());
        }
        // The system (hotlinectl, the escalator) may do everything; nobody else may do everything.
        for (Action a : Permissions::allActions())
            QCOMPARE(Permissions::grant(Role::System, a), Grant::Allowed);
        for (Role r : Permissions::allRoles()) {
            if (r == Role::System)
                continue;
            bool deniedSomething = false;
            for (Action a : Permissions::allActions())
                deniedSomething |= !Permissions::allows(r, a);
            QVERIFY2(deniedSomething, qPrintable(toCode(r)));
        }
        // A department's own acts are its liaison's only: nobody else speaks for a department.
        for (Action a : {Action::Sign, Action::Reply, Action::RequestExtension, Action::Return}) {
            for (Role r : {Role::CallTaker, Role::Dispatcher, Role::Supervisor, Role::Administrator})
                QVERIFY(!Permissions::allows(r, a));
        }
        QVERIFY(Permissions::markdownTable().contains(u"| `dispatch` |"_s));
    }

    void tableIsTheAgreedOne()
    {
        // The table written out again, independently: a change to a cell must be made in both places on purpose.
        // Columns: call-taker, dispatcher, liaison, supervisor, administrator, system.
        // y = allowed, - = denied, d = own department only, i = at intake or after the department's reply.
        const QList<std::pair<QString, QString>> agreed{
            {u"register"_s, u"yy--yy"_s},          {u"dispatch"_s, u"-y--yy"_s},
            {u"sign"_s, u"--d--y"_s},              {u"reply"_s, u"--d--y"_s},
            {u"extend"_s, u"--d--y"_s},            {u"approve"_s, u"-y--yy"_s},
            {u"return"_s, u"--d--y"_s},            {u"transfer"_s, u"-y--yy"_s},
            {u"urge"_s, u"---yyy"_s},              {u"callback"_s, u"yy--yy"_s},
            {u"close"_s, u"iy--yy"_s},             {u"reopen"_s, u"-y--yy"_s},
            {u"view-all-tickets"_s, u"yy-yyy"_s},  {u"view-caller"_s, u"yydy-y"_s},
            {u"view-accountability"_s, u"---yyy"_s}, {u"view-reports"_s, u"--dyyy"_s},
            {u"export"_s, u"---yyy"_s},            {u"manage-users"_s, u"----yy"_s},
            {u"manage-departments"_s, u"----yy"_s}, {u"manage-reference"_s, u"----yy"_s},
            {u"manage-calendar"_s, u"----yy"_s},
            {u"manage-config"_s, u"----yy"_s},     {u"manage-server"_s, u"----yy"_s},
            {u"view-access-log"_s, u"----yy"_s},   {u"import-tickets"_s, u"----yy"_s},
            {u"review-conflicts"_s, u"-y-yyy"_s},
            {u"view-audit"_s, u"---yyy"_s},
            {u"follow-up"_s, u"yy-yyy"_s},         {u"attach"_s, u"yyd-yy"_s},
            {u"merge"_s, u"-y--yy"_s},             {u"manage-intake"_s, u"----yy"_s},
            {u"renumber"_s, u"-y--yy"_s},
        };
        QCOMPARE(agreed.size(), Permissions::allActions().size());
        const auto letter = [](Grant g) {
            switch (g) {
            case Grant::Denied: return u'-';
            case Grant::Allowed: return u'y';
            case Grant::OwnDepartment: return u'd';
            case Grant::AtIntake: return u'i';
            }
            return u'?';
        };
        for (const auto &[code, cells] : agreed) {
            const std::optional<Action> a = actionFromCode(code);
            QVERIFY2(a, qPrintable(code));
            QString actual;
            for (Role r : Permissions::allRoles())
                actual += letter(Permissions::grant(r, *a));
            QCOMPARE(actual, cells);
        }
    }

    void everyCell_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<Action>("action");
        for (Role r : Permissions::allRoles()) {
            for (Action a : Permissions::allActions()) {
                QTest::addRow("%s × %s", qPrintable(toCode(r)), qPrintable(toCode(a))) << r << a;
            }
        }
    }

    void everyCell()
    {
        QFETCH(Role, role);
        QFETCH(Action, action);
        const Grant grant = Permissions::grant(role, action);
        const Stage stage = stageFor(action);

        // Inside the cell's limit: allowed unless the cell says Denied.
        {
            Fixture f;
            // A liaison's ticket is their own department's, except for "see all", which is about the others'.
            const QString department = action == Action::ViewAllTickets ? kOther : kOwn;
            QVERIFY(f.prepare(grant == Grant::AtIntake ? Stage::Replied : stage, department));
            if (action == Action::ManageUsers)
                QVERIFY(f.setupUsers());
            const long long before = f.eventCount();
            QString error;
            const bool done = f.perform(actorOf(role, kOwn), action, &error);
            QCOMPARE(done, grant != Grant::Denied);
            if (done) {
                QVERIFY2(error.isEmpty(), qPrintable(error));
            } else {
                // Refused by the table, with a reason naming the action, and nothing written.
                QVERIFY2(error.contains(DisplayNames::action(action)), qPrintable(error));
                QCOMPARE(f.eventCount(), before);
            }
        }
        // Outside the limit: another department's ticket, or a ticket that has left intake.
        if (grant == Grant::OwnDepartment) {
            Fixture f;
            QVERIFY(f.prepare(stage, kOther));
            const long long before = f.eventCount();
            QString error;
            QVERIFY(!f.perform(actorOf(role, kOwn), action, &error));
            // Refused either as "only your own department" or because the ticket is not theirs to see at all.
            QVERIFY2(error.contains(u"own department"_s) || error.contains(u"not found"_s), qPrintable(error));
            QCOMPARE(f.eventCount(), before);
            // And a liaison not bound to any department may do nothing.
            QVERIFY(!f.perform(actorOf(role, QString()), action, &error));
        }
        if (grant == Grant::AtIntake) {
            Fixture f;
            QVERIFY(f.prepare(Stage::Signed, kOwn));
            const long long before = f.eventCount();
            QString error;
            QVERIFY(!f.perform(actorOf(role, kOwn), action, &error));
            QVERIFY2(error.contains(DisplayNames::action(action)), qPrintable(error));
            QCOMPARE(f.eventCount(), before);
        }
    }

    void systemEventsAreTheSystemsOnly()
    {
        // Reminders and accountability records are written by the escalator, never by a person's action.
        QVERIFY(!Permissions::actionFor(EventType::ReminderSent));
        QVERIFY(!Permissions::actionFor(EventType::Overdue));
        for (EventType t : {EventType::Registered, EventType::Dispatched, EventType::Signed, EventType::Replied,
                            EventType::ExtensionRequested, EventType::ExtensionApproved, EventType::ExtensionRefused,
                            EventType::Returned, EventType::Transferred, EventType::Urged, EventType::Callback,
                            EventType::Closed, EventType::Reopened})
            QVERIFY(Permissions::actionFor(t));
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
