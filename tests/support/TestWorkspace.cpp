#include "TestWorkspace.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace hotline::test {

qint64 ms(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    Q_ASSERT_X(t.isValid(), "ms", qPrintable(iso));
    return t.toMSecsSinceEpoch();
}

TestWorkspace::TestWorkspace(const QString &isoNow)
{
    setNow(isoNow);
    ws = Workspace::open(path(), clock, &error);
}

TestWorkspace::~TestWorkspace() = default;

QString TestWorkspace::path() const
{
    return dir.filePath(QStringLiteral("hotline.db"));
}

void TestWorkspace::reopen()
{
    ws.reset();
    ws = Workspace::open(path(), clock, &error);
}

void TestWorkspace::setNow(const QString &iso)
{
    clock.setMs(ms(iso));
}

void TestWorkspace::addDepartment(const QString &code, const QString &name)
{
    QSqlQuery q(ws->database().sql());
    q.prepare(QStringLiteral("INSERT INTO departments(code, name) VALUES(?, ?)"));
    q.addBindValue(code);
    q.addBindValue(name);
    q.exec();
}

} // namespace hotline::test

namespace hotline::test {

void TestWorkspace::addCategory(const QString &name, const QString &departmentCode)
{
    QSqlQuery q(ws->database().sql());
    q.prepare(QStringLiteral("INSERT INTO categories(name, department_code) VALUES(?, ?)"));
    q.addBindValue(name);
    q.addBindValue(departmentCode);
    q.exec();
}

} // namespace hotline::test
