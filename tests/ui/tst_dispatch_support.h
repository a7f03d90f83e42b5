// Shared by the dispatch view's tests (tst_dispatch*.cpp): a workspace with departments and categories, the
// actors, and small helpers to read tables by objectName.
#pragma once

#include "TestWorkspace.h"
#include "department/DeskTicketModel.h"
#include "dispatch/DepartmentChooser.h"
#include "dispatch/DispatchCallbackPage.h"
#include "dispatch/DispatchExtensionPage.h"
#include "dispatch/DispatchInProgressPage.h"
#include "dispatch/DispatchQueuePage.h"
#include "dispatch/DispatchView.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAbstractItemModelTester>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace hotline::test {

/** A workspace with three departments, categories that suggest two of them, and the actors of the tests. */
struct Fixture
{
    TestWorkspace tw;
    Actor callTaker {u"cara"_s, Role::CallTaker, QString(), u"01"_s};
    Actor dispatcher {u"dora"_s, Role::Dispatcher, QString(), u"01"_s};
    Actor cg {u"li"_s, Role::Liaison, u"CG"_s, u"01"_s};

    Fixture()
    {
        tw.addDepartment(u"CG"_s, u"城管局"_s);
        tw.addDepartment(u"JT"_s, u"交通局"_s);
        tw.addDepartment(u"SW"_s, u"水务局"_s);
        addCategory(u"市容环境"_s, u"CG"_s);
        addCategory(u"供水"_s, u"SW"_s);
        addCategory(u"其他"_s, QString());
    }

    void addCategory(const QString &name, const QString &department)
    {
        QSqlQuery q(tw.ws->database().sql());
        q.prepare(u"INSERT INTO categories(name, department_code) VALUES(?, ?)"_s);
        q.addBindValue(name);
        q.addBindValue(department.isEmpty() ? QVariant() : QVariant(department));
        QVERIFY(q.exec());
    }

    /** Registers a complaint a minute after the previous one, so the queue order is known. */
    QString registerTicket(const QString &summary, const QString &category, const QString &phone = QString())
    {
        tw.clock.advanceSecs(60);
        NewTicket t;
        t.type = TicketType::Complaint;
        t.category = category;
        t.town = u"桂城"_s;
        t.callerName = u"王先生"_s;
        t.callerPhone = phone;
        t.summary = summary;
        QString error;
        const QString id = tw.ws->tickets().registerTicket(callTaker, t, &error);
        if (id.isEmpty())
            qWarning() << error;
        return id;
    }

    bool act(bool ok, const QString &error)
    {
        if (!ok)
            qWarning() << error;
        return ok;
    }

    /** A micro-interview batch registered in one transaction: every third about water supply (to SW), the rest
     *  about the townscape (to CG). */
    bool registerBatch(int count)
    {
        QList<TicketEvent> events;
        events.reserve(count);
        const qint64 at = tw.clock.nowMs();
        for (int i = 0; i < count; ++i) {
            const bool water = i % 3 == 0;
            const QJsonObject p {
                {Key::Number, u"250303-09-%1"_s.arg(i + 1, 4, 10, QLatin1Char('0'))},
                {Key::Channel, u"interview"_s},
                {Key::Type, u"complaint"_s},
                {Key::SlaClass, u"handling"_s},
                {Key::Category, water ? u"供水"_s : u"市容环境"_s},
                {Key::Town, u"大沥"_s},
                {Key::Summary, u"微访谈留言 %1"_s.arg(i + 1)},
            };
            events << TicketEvent::make(newUuid(), EventType::Registered, at + i, u"import"_s, u"09"_s, p);
        }
        QString error;
        return act(tw.ws->events().append(events, &error), error);
    }

    Ticket ticket(const QString &id) { return tw.ws->events().ticket(id); }
    TicketService &service() { return tw.ws->tickets(); }
};

inline QTableView *table(QWidget &w, const QString &name)
{
    return w.findChild<QTableView *>(name);
}

inline QPushButton *button(QWidget &w, const QString &name)
{
    return w.findChild<QPushButton *>(name);
}

inline QString labelText(QWidget &w, const QString &name)
{
    auto *label = w.findChild<QLabel *>(name);
    return label ? label->text() : u"<no label %1>"_s.arg(name);
}

/** Proxy row of a ticket in a table whose model has the ticket id at Qt::UserRole + 1. */
inline int rowOf(QTableView *view, const QString &ticketId)
{
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data(Qt::UserRole + 1).toString() == ticketId)
            return r;
    }
    return -1;
}

inline QString cell(QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

inline std::optional<TicketEvent> lastEvent(Fixture &f, const QString &id)
{
    const QList<TicketEvent> h = f.tw.ws->events().history(id);
    return h.isEmpty() ? std::nullopt : std::optional<TicketEvent>(h.last());
}

} // namespace hotline::test
