// Issue 15: the ticket detail shows the place and the attachments (thumbnail, stage, size, who), a liaison attaches
// an "after" photo from it, "Save as…" writes the bytes, a file not yet received from the server says so, and a
// role the table does not allow gets no "Attach file…".
#include "TestWorkspace.h"

#include "board/AttachmentsPanel.h"
#include "board/TicketDetailDialog.h"
#include "registration/RegistrationForm.h"
#include "storage/EventStore.h"
#include "service/Attachments.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QBuffer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
const Actor kDispatcher{u"bob"_s, Role::Dispatcher, QString(), u"01"_s};
const Actor kCg{u"carol"_s, Role::Liaison, u"CG"_s, u"01"_s};
const Actor kSupervisor{u"sue"_s, Role::Supervisor, QString(), u"01"_s};

QByteArray photo(const QColor &colour)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString labelText(const QWidget &w, const char *name)
{
    const auto *l = w.findChild<QLabel *>(QString::fromLatin1(name));
    return l ? l->text() : u"<missing>"_s;
}

} // namespace

class TestAttachmentsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detailShowsPlaceAndFiles()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        NewTicket n;
        n.type = TicketType::Complaint;
        n.callerPhone = u"13800138000"_s;
        n.summary = u"人行道井盖缺失"_s;
        n.address = u"桂城街道南海大道北 38 号"_s;
        n.latitude = 23.0329;
        n.longitude = 113.1453;
        const QByteArray before = photo(Qt::darkGray);
        n.files = {{u"井盖.png"_s, before, QString()}};
        QString error;
        const QString id = tw.ws->tickets().registerTicket(kTaker, n, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QVERIFY(tw.ws->tickets().dispatch(kDispatcher, id, u"CG"_s, &error));

        ConsoleSession session(*tw.ws, tw.clock, kCg);
        TicketDetailDialog dialog(session, id);
        dialog.show();
        QVERIFY(dialog.isFound());
        QVERIFY(labelText(dialog, "detailPlace").contains(u"南海大道北 38 号"_s));
        QVERIFY(labelText(dialog, "detailPlace").contains(u"23.032900"_s));
        AttachmentsPanel *panel = dialog.attachments();
        QVERIFY(panel);
        QTreeWidget *list = panel->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *first = list->topLevelItem(0);
        QCOMPARE(first->text(AttachmentsPanel::NameColumn), u"井盖.png"_s);
        QCOMPARE(first->text(AttachmentsPanel::StageColumn), Attachments::stageName(u"registration"_s));
        QCOMPARE(first->text(AttachmentsPanel::ByColumn), u"alice"_s);
        QVERIFY(!first->icon(AttachmentsPanel::NameColumn).isNull()); // a thumbnail of the photo

        // The liaison may attach to their own department's ticket: an "after" photo.
        auto *attach = panel->findChild<QPushButton *>(u"attachFileButton"_s);
        QVERIFY(attach && attach->isVisible());
        QTemporaryDir dir;
        const QString afterPath = dir.filePath(u"修复后.png"_s);
        QFile out(afterPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QByteArray after = photo(Qt::green);
        out.write(after);
        out.close();
        QVERIFY2(panel->attachPath(afterPath, u"after"_s), qPrintable(panel->message()));
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(1)->text(AttachmentsPanel::StageColumn), Attachments::stageName(u"after"_s));
        QCOMPARE(list->topLevelItem(1)->text(AttachmentsPanel::ByColumn), u"carol"_s);
        // The timeline follows: the Attached event is in the history.
        QCOMPARE(dialog.timeline()->topLevelItemCount(), 4);

        // Save as… writes the bytes as they came.
        auto *save = panel->findChild<QPushButton *>(u"saveAttachmentButton"_s);
        QVERIFY(!save->isEnabled());
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(save->isEnabled());
        const QString saved = dir.filePath(u"copy.png"_s);
        QVERIFY(panel->saveTo(list->topLevelItem(0)->data(AttachmentsPanel::NameColumn, AttachmentsPanel::HashRole).toString(),
                              saved));
        QFile back(saved);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), before);

        // A refused file says why and adds nothing.
        const QString exe = dir.filePath(u"tool.exe"_s);
        QFile bad(exe);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("MZ....");
        bad.close();
        QVERIFY(!panel->attachPath(exe, u"document"_s));
        QVERIFY2(panel->message().contains(u"tool.exe"_s), qPrintable(panel->message()));
        QCOMPARE(list->topLevelItemCount(), 2);
    }

    void registrationTakesPlaceAndFiles()
    {
        TestWorkspace tw;
        ConsoleSession session(*tw.ws, tw.clock, kTaker);
        RegistrationForm form(session);
        form.show();
        form.findChild<QLineEdit *>(u"summary"_s)->setText(u"人行道井盖缺失"_s);
        form.findChild<QLineEdit *>(u"address"_s)->setText(u"南海大道北 38 号"_s);
        auto *coordinates = form.findChild<QLineEdit *>(u"coordinates"_s);
        coordinates->setText(u"23.03 北"_s);
        QVERIFY(!form.submit());
        QVERIFY(coordinates->property("invalid").toBool());
        QVERIFY2(form.findChild<QLabel *>(u"errors"_s)->text().contains(u"23.0329, 113.1453"_s),
                 qPrintable(form.findChild<QLabel *>(u"errors"_s)->text()));
        coordinates->setText(u"95, 113"_s); // read, but no latitude is 95 degrees
        QVERIFY(!form.submit());
        QVERIFY(form.findChild<QLabel *>(u"errors"_s)->text().contains(u"-90"_s));
        coordinates->setText(u"23.0329，113.1453"_s); // a full-width comma, as an input method types it

        QTemporaryDir dir;
        const QString path = dir.filePath(u"现场.png"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(photo(Qt::blue));
        out.close();
        QVERIFY(form.findChild<QPushButton *>(u"attachFiles"_s)->isVisible());
        QVERIFY(form.addFile(path));
        QCOMPARE(form.fileNames(), QStringList{u"现场.png"_s});
        QVERIFY(form.findChild<QLabel *>(u"attachedFiles"_s)->text().contains(u"现场.png"_s));
        QVERIFY(form.submit());
        const Ticket t = tw.ws->events().ticketByNumber(form.lastNumber());
        QCOMPARE(t.address, u"南海大道北 38 号"_s);
        QCOMPARE(t.latitude, std::optional<double>(23.0329));
        QCOMPARE(t.longitude, std::optional<double>(113.1453));
        QCOMPARE(t.attachments, 1);
        QCOMPARE(tw.ws->attachments().list(kTaker, t.id).first().stage, u"registration"_s);
        QVERIFY(form.fileNames().isEmpty()); // the next call starts without them
    }

    void notYetReceivedAndNotAllowed()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        NewTicket n;
        n.summary = u"路灯不亮"_s;
        n.files = {{u"灯.png"_s, photo(Qt::yellow), QString()}};
        QString error;
        const QString id = tw.ws->tickets().registerTicket(kTaker, n, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        // As on a console that has the event from the server but not yet the bytes.
        QVERIFY(tw.ws->database().exec(u"DELETE FROM attachment_blobs"_s));
        ConsoleSession session(*tw.ws, tw.clock, kSupervisor);
        TicketDetailDialog dialog(session, id);
        dialog.show();
        QTreeWidget *list = dialog.attachments()->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(AttachmentsPanel::SizeColumn), AttachmentsPanel::tr("not yet received"));
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(!dialog.attachments()->findChild<QPushButton *>(u"saveAttachmentButton"_s)->isEnabled());
        // A supervisor looks; the table does not let them attach.
        QVERIFY(!dialog.attachments()->findChild<QPushButton *>(u"attachFileButton"_s)->isVisible());
    }
};

QTEST_MAIN(TestAttachmentsUi)
#include "tst_attachments_ui.moc"
