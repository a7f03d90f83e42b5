// Every administrative change is an event in the ticket log's hash chain (docs/TAMPER-EVIDENCE.md): settings,
// calendar days, departments and their contacts, categories and towns, users and roles, each with actor, time,
// console, old and new value, written in the change's own transaction; secrets never in clear; `hotlinectl audit`
// lists them; ReferenceVerifier names a reference row changed behind the log's back.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/UserStore.h"
#include "io/ReferenceImporter.h"
#include "notify/DepartmentContacts.h"
#include "service/ReferenceStore.h"
#include "storage/AdminAudit.h"
#include "storage/AdminLog.h"
#include "storage/CalendarStore.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/ReferenceVerifier.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kAdmin{u"admin"_s, Role::Administrator, QString(), u"07"_s};
const Actor kDispatcher{u"disp"_s, Role::Dispatcher, QString(), u"07"_s};

QList<AdminChange> changes(TestWorkspace &tw, const QString &entity = {})
{
    QList<AdminChange> out;
    QString error;
    if (!AdminLog(tw.ws->database()).list(0, 0, entity, &out, &error))
        qWarning() << error;
    return out;
}

/** The changes that are not baselines (what a person did). */
QList<AdminChange> personal(TestWorkspace &tw, const QString &entity = {})
{
    QList<AdminChange> out;
    for (const AdminChange &c : changes(tw, entity)) {
        if (!c.isBaseline())
            out << c;
    }
    return out;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QByteArray allPayloads(Database &db)
{
    QSqlQuery q(db.sql());
    QByteArray all;
    if (q.exec(u"SELECT payload FROM events"_s)) {
        while (q.next())
            all += q.value(0).toString().toUtf8() + '\n';
    }
    return all;
}

bool sql(TestWorkspace &tw, const QString &statement)
{
    QSqlQuery q(tw.ws->database().sql());
    if (!q.exec(statement)) {
        qWarning() << statement << q.lastError().text();
        return false;
    }
    return true;
}

User person(const QString &name, Role role, const QString &department = {})
{
    User u;
    u.name = name;
    u.displayName = name.toUpper();
    u.role = role;
    u.department = department;
    return u;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingChangeIsAnEventWithActorOldAndNew()
    {
        TestWorkspace tw;
        QString error;
        Settings &settings = tw.ws->settings();
        QVERIFY2(settings.set(kAdmin, u"sla.handling_days"_s, u"7"_s, &error), qPrintable(error));
        QList<AdminChange> all = changes(tw, u"setting"_s);
        // The record of the settings starts with a baseline (actor system), then the change itself.
        QCOMPARE(all.size(), 2);
        QVERIFY(all.at(0).isBaseline());
        QCOMPARE(all.at(0).actor, u"system"_s);
        const AdminChange &c = all.at(1);
        QCOMPARE(c.actor, u"admin"_s);
        QCOMPARE(c.console, u"07"_s);
        QCOMPARE(c.key, u"sla.handling_days"_s);
        QVERIFY(c.oldValue.isNull()); // never set before: the default was in force
        QCOMPARE(c.newValue.toString(), u"7"_s);
        QCOMPARE(c.atMs, tw.clock.nowMs());

        tw.clock.advanceSecs(60);
        QVERIFY(settings.set(kAdmin, u"sla.handling_days"_s, u"6"_s, &error));
        all = personal(tw, u"setting"_s);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).oldValue.toString(), u"7"_s);
        QCOMPARE(all.at(1).newValue.toString(), u"6"_s);
        // Only one baseline per table.
        QCOMPARE(changes(tw, u"setting"_s).size(), 3);

        // Setting the same value again changes nothing and records nothing.
        QVERIFY(settings.set(kAdmin, u"sla.handling_days"_s, u"6"_s, &error));
        QCOMPARE(changes(tw, u"setting"_s).size(), 3);

        // The events are in the one hash chain, which still verifies.
        const VerifyReport r = tw.ws->events().verify();
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.checked, 3);
    }

    void refusedOrFailedChangeWritesNoEvent()
    {
        TestWorkspace tw;
        QString error;
        Settings &settings = tw.ws->settings();
        // Bad value and missing permission: refused before anything is written.
        QVERIFY(!settings.set(kAdmin, u"sla.handling_days"_s, u"seven"_s, &error));
        QVERIFY(!settings.set(kDispatcher, u"sla.handling_days"_s, u"3"_s, &error));
        QCOMPARE(scalar(tw.ws->database(), u"SELECT count(*) FROM events"_s), 0);

        // The event cannot be written (here: refused by a trigger, like a full disk): the change is rolled back.
        QVERIFY(sql(tw, u"CREATE TEMP TRIGGER no_admin BEFORE INSERT ON events WHEN NEW.ticket_id = 'admin' "
                        "BEGIN SELECT RAISE(ABORT, 'no room'); END"_s));
        QVERIFY(!settings.set(kAdmin, u"sla.handling_days"_s, u"3"_s, &error));
        QVERIFY(error.contains(u"no room"_s));
        QCOMPARE(settings.handlingDays(), 5);
        QVERIFY(!ReferenceStore(tw.ws->database()).save(kAdmin, ReferenceKind::Towns, QString(),
                                                         ReferenceEntry{u"T1"_s, u"丹灶镇"_s, {}, {}, true}, &error));
        QVERIFY(!ReferenceStore(tw.ws->database()).byName(ReferenceKind::Towns, u"丹灶镇"_s));
        QVERIFY(!tw.ws->users().changeRole(kAdmin, u"nobody"_s, Role::Dispatcher, QString(), &error));
        QVERIFY(sql(tw, u"DROP TRIGGER no_admin"_s));
        QCOMPARE(scalar(tw.ws->database(), u"SELECT count(*) FROM events"_s), 0);
    }

    void secretsNeverInClear()
    {
        TestWorkspace tw;
        QString error;
        const QString token = u"s3cr3t-T0KEN-value"_s;
        QVERIFY2(tw.ws->settings().set(kAdmin, u"sms.token"_s, token, &error), qPrintable(error));
        QVERIFY(tw.ws->users().create(std::nullopt, person(u"admin"_s, Role::Administrator), u"Adm1n-pass-word"_s, &error));
        const User admin = *tw.ws->users().user(u"admin"_s);
        QVERIFY2(tw.ws->users().create(admin, person(u"li.ming"_s, Role::Dispatcher), u"Firstpass-123"_s, &error),
                 qPrintable(error));
        QVERIFY2(tw.ws->users().resetPassword(kAdmin, u"li.ming"_s, u"Secondpass-456"_s, &error), qPrintable(error));

        const QByteArray payloads = allPayloads(tw.ws->database());
        QVERIFY(!payloads.contains(token.toUtf8()));
        QVERIFY(!payloads.contains("pbkdf2"));
        QVERIFY(!payloads.contains("Secondpass"));
        QVERIFY(!payloads.contains("password_hash"));

        const QList<AdminChange> secret = personal(tw, u"setting"_s);
        QCOMPARE(secret.size(), 1);
        QCOMPARE(secret.at(0).newValue.toString(), u"(changed)"_s);

        const QList<AdminChange> users = personal(tw, u"user"_s);
        QCOMPARE(users.size(), 2); // the first administrator is the setup, on record in the baseline
        QCOMPARE(users.at(0).action, u"create"_s);
        QCOMPARE(users.at(0).oldValue.type(), QJsonValue::Null);
        QCOMPARE(users.at(0).newValue.toObject().value(u"role"_s).toString(), u"dispatcher"_s);
        QCOMPARE(users.at(1).action, u"password_reset"_s);
        QCOMPARE(users.at(1).actor, u"admin"_s);
        QCOMPARE(users.at(1).newValue.toObject().value(u"password"_s).toString(), u"(changed)"_s);
        QCOMPARE(users.at(1).newValue.toObject().value(u"must_change_password"_s).toBool(), true);
        // The baseline of the users holds the first administrator, without a hash.
        const QList<AdminChange> all = changes(tw, u"user"_s);
        QVERIFY(all.at(0).isBaseline());
        QVERIFY(all.at(0).newValue.toObject().contains(u"admin"_s));
        QVERIFY(tw.ws->events().verify().ok);
        // Passwords are not compared, a secret only as set: the reference check passes.
        const ReferenceFinding f = ReferenceVerifier::verify(tw.ws->database());
        QVERIFY2(f.ok, qPrintable(f.message));
    }

    void everyEntityIsRecorded()
    {
        TestWorkspace tw;
        QString error;
        Database &db = tw.ws->database();
        // Calendar day
        QVERIFY2(tw.ws->calendar().editDays(kAdmin, {CalendarDay{QDate(2025, 3, 7), true, u"台风停工"_s}}, {}, &error),
                 qPrintable(error));
        QList<AdminChange> c = personal(tw, u"calendar_day"_s);
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.at(0).key, u"2025-03-07"_s);
        QCOMPARE(c.at(0).newValue.toObject().value(u"off_day"_s).toBool(), true);
        QCOMPARE(c.at(0).newValue.toObject().value(u"name"_s).toString(), u"台风停工"_s);
        // The built-in calendar copied in at first start is in the baseline, not a change of anyone's.
        QVERIFY(changes(tw, u"calendar_day"_s).at(0).newValue.toObject().size() > 100);

        // Department and contacts
        DepartmentContacts contacts(db);
        QVERIFY2(contacts.save(kAdmin, DepartmentContact{u"CG"_s, u"区城管局"_s, {u"13800000001"_s}, QString()}, &error),
                 qPrintable(error));
        QVERIFY2(contacts.save(kAdmin, DepartmentContact{u"CG"_s, u"区城市管理局"_s, {u"13800000002"_s}, QString()}, &error),
                 qPrintable(error));
        c = personal(tw, u"department"_s);
        QCOMPARE(c.size(), 2);
        QVERIFY(c.at(0).oldValue.isNull());
        QCOMPARE(c.at(1).oldValue.toObject().value(u"name"_s).toString(), u"区城管局"_s);
        QCOMPARE(c.at(1).newValue.toObject().value(u"name"_s).toString(), u"区城市管理局"_s);
        QCOMPARE(c.at(1).newValue.toObject().value(u"duty_phones"_s).toString(), u"13800000002"_s);

        // Category (and a refused one: no event)
        ReferenceStore store(db);
        QVERIFY2(store.save(kAdmin, ReferenceKind::Categories, QString(),
                            ReferenceEntry{u"C1"_s, u"市容环境"_s, u"CG"_s, u"handling"_s, true}, &error),
                 qPrintable(error));
        QVERIFY(!store.save(kAdmin, ReferenceKind::Categories, QString(),
                            ReferenceEntry{u"C2"_s, u"市容环境"_s, QString(), QString(), true}, &error));
        c = personal(tw, u"category"_s);
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.at(0).key, u"市容环境"_s);
        QCOMPARE(c.at(0).newValue.toObject().value(u"department"_s).toString(), u"CG"_s);

        // Town by import: one event per row, marked as an import
        const QString csv = tw.dir.filePath(u"towns.csv"_s);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("code,name\nT1,丹灶镇\nT2,西樵镇\n");
        f.close();
        const ReferenceImportResult r = ReferenceImporter(db, kAdmin).importFile(ReferenceKind::Towns, csv);
        QVERIFY2(r.ok, qPrintable(r.errors.join(u'\n')));
        c = personal(tw, u"town"_s);
        QCOMPARE(c.size(), 2);
        QCOMPARE(c.at(0).action, u"import"_s);

        // User role change
        QVERIFY(tw.ws->users().create(std::nullopt, person(u"admin"_s, Role::Administrator), u"Adm1n-pass-word"_s, &error));
        const User admin = *tw.ws->users().user(u"admin"_s);
        QVERIFY(tw.ws->users().create(admin, person(u"wang"_s, Role::CallTaker), u"Firstpass-123"_s, &error));
        QVERIFY2(tw.ws->users().changeRole(kAdmin, u"wang"_s, Role::Liaison, u"CG"_s, &error), qPrintable(error));
        QVERIFY2(tw.ws->users().setDisabled(kAdmin, u"wang"_s, true, &error), qPrintable(error));
        c = personal(tw, u"user"_s);
        QCOMPARE(c.size(), 3);
        QCOMPARE(c.at(1).action, u"role_change"_s);
        QCOMPARE(c.at(1).oldValue.toObject().value(u"role"_s).toString(), u"calltaker"_s);
        QCOMPARE(c.at(1).newValue.toObject().value(u"role"_s).toString(), u"liaison"_s);
        QCOMPARE(c.at(1).newValue.toObject().value(u"department"_s).toString(), u"CG"_s);
        QCOMPARE(c.at(2).newValue.toObject().value(u"disabled"_s).toBool(), true);

        // The log still verifies, the projection rebuilds around the admin stream, the reference rows match.
        const VerifyReport v = tw.ws->events().verify();
        QVERIFY2(v.ok, qPrintable(v.message));
        QVERIFY2(tw.ws->events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM tickets"_s), 0);
        const ReferenceFinding ok = ReferenceVerifier::verify(db);
        QVERIFY2(ok.ok, qPrintable(ok.message));
        QVERIFY(ok.checkedRows > 100);
    }

    void referenceVerifierNamesTamperedRow()
    {
        TestWorkspace tw;
        QString error;
        Database &db = tw.ws->database();
        DepartmentContacts contacts(db);
        QVERIFY(contacts.save(kAdmin, DepartmentContact{u"CG"_s, u"区城管局"_s, {}, QString()}, &error));
        QVERIFY(contacts.save(kAdmin, DepartmentContact{u"SW"_s, u"区水务局"_s, {}, QString()}, &error));
        QVERIFY(ReferenceVerifier::verify(db).ok);
        // Tables without any administrative change yet are not on the record and are listed as such.
        QVERIFY(ReferenceVerifier::verify(db).unrecorded.contains(u"town"_s));

        // Renamed with sqlite3, behind the log's back.
        QVERIFY(sql(tw, u"UPDATE departments SET name = '区水利局' WHERE code = 'SW'"_s));
        ReferenceFinding f = ReferenceVerifier::verify(db);
        QVERIFY(!f.ok);
        QCOMPARE(f.entity, u"department"_s);
        QCOMPARE(f.key, u"SW"_s);
        QCOMPARE(f.expected.toObject().value(u"name"_s).toString(), u"区水务局"_s);
        QCOMPARE(f.stored.toObject().value(u"name"_s).toString(), u"区水利局"_s);
        QVERIFY(f.message.contains(u"SW"_s));
        QVERIFY(sql(tw, u"UPDATE departments SET name = '区水务局' WHERE code = 'SW'"_s));
        QVERIFY(ReferenceVerifier::verify(db).ok);

        // A row added behind its back, and a setting changed behind its back.
        QVERIFY(sql(tw, u"INSERT INTO departments(code, name) VALUES('AA', '影子局')"_s));
        f = ReferenceVerifier::verify(db);
        QVERIFY(!f.ok);
        QCOMPARE(f.key, u"AA"_s);
        QVERIFY(f.expected.isNull());
        QVERIFY(sql(tw, u"DELETE FROM departments WHERE code = 'AA'"_s));
        QVERIFY(tw.ws->settings().set(kAdmin, u"sla.handling_days"_s, u"5"_s, &error));
        QVERIFY(sql(tw, u"UPDATE settings SET value = '9' WHERE key = 'sla.handling_days'"_s));
        f = ReferenceVerifier::verify(db);
        QVERIFY(!f.ok);
        QCOMPARE(f.entity, u"setting"_s);
        QCOMPARE(f.key, u"sla.handling_days"_s);
        QCOMPARE(f.expected.toString(), u"5"_s);
        QCOMPARE(f.stored.toString(), u"9"_s);
        // The chain itself is intact: only the reference check sees this.
        QVERIFY(tw.ws->events().verify().ok);
    }

    void ctlAuditTextJsonAndPeriod()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        QString error;
        QVERIFY(tw.ws->settings().set(kAdmin, u"sla.consult_days"_s, u"2"_s, &error));
        tw.setNow(u"2025-03-04T23:30:00+08:00"_s); // late on the 4th in the centre's zone (the 4th 15:30 UTC)
        QVERIFY(tw.ws->settings().set(kAdmin, u"sla.handling_days"_s, u"6"_s, &error));
        tw.setNow(u"2025-03-05T08:00:00+08:00"_s);
        QVERIFY(DepartmentContacts(tw.ws->database()).save(kAdmin, DepartmentContact{u"CG"_s, u"区城管局"_s, {}, {}}, &error));
        const QString db = tw.path();

        CtlResult r = runCtl({u"--db"_s, db, u"audit"_s});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.startsWith(u"at\tactor\tconsole\tentity\tkey\taction\tchange"_s));
        QVERIFY(text.contains(u"\tadmin\t07\tsetting\tsla.handling_days\t\t— → 6"_s));
        QVERIFY(text.contains(u"\tdepartment\tCG\t"_s));

        // [from, to) in the centre's zone: only the 4th.
        r = runCtl({u"--db"_s, db, u"audit"_s, u"--from"_s, u"2025-03-04"_s, u"--to"_s, u"2025-03-05"_s,
                    u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray events = QJsonDocument::fromJson(r.out).object().value(u"events"_s).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject e = events.at(0).toObject();
        QCOMPARE(e.value(u"actor"_s).toString(), u"admin"_s);
        QCOMPARE(e.value(u"entity"_s).toString(), u"setting"_s);
        QCOMPARE(e.value(u"key"_s).toString(), u"sla.handling_days"_s);
        QCOMPARE(e.value(u"new"_s).toString(), u"6"_s);
        QVERIFY(e.value(u"old"_s).isNull());
        QVERIFY(e.value(u"at"_s).toString().startsWith(u"2025-03-04T23:30:00"_s));

        // Entity filter, and a bad one is refused with the list of known ones.
        r = runCtl({u"--db"_s, db, u"audit"_s, u"--entity"_s, u"department"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"events"_s).toArray().size(), 2); // baseline + change
        r = runCtl({u"--db"_s, db, u"audit"_s, u"--entity"_s, u"nonsense"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("department"));

        // config set from hotlinectl is recorded as hotlinectl and the account that ran it.
        r = runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"sla.yellow_hours"_s, u"4"_s});
        QCOMPARE(r.exitCode, 0);
        tw.reopen();
        const QList<AdminChange> c = personal(tw, u"setting"_s);
        QVERIFY(c.constLast().actor.startsWith(u"hotlinectl"_s));
        QCOMPARE(c.constLast().key, u"sla.yellow_hours"_s);
        QVERIFY(tw.ws->events().verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
