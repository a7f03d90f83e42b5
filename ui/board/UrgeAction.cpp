#include "board/UrgeAction.h"

#include "auth/Permissions.h"
#include "notify/DepartmentContacts.h"
#include "notify/NotifyService.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QList>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

struct Answer
{
    QString note;
    bool smsHead = false;
};

QList<Answer> &queued()
{
    static QList<Answer> answers;
    return answers;
}

/** The note and the "also SMS the head" choice; nullopt when cancelled. */
std::optional<Answer> askNoteAndSms(QWidget *parent, const QString &title, const QString &headPhone)
{
    if (!queued().isEmpty()) {
        const Answer a = queued().takeFirst();
        return a.note.isNull() ? std::nullopt : std::optional<Answer>(a);
    }
    QDialog dialog(parent);
    dialog.setObjectName(u"urgeDialog"_s);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(UrgeAction::tr("&Note to the department:"), &dialog);
    auto *note = new QPlainTextEdit(&dialog);
    note->setTabChangesFocus(true); // Tab reaches the checkbox and the buttons
    label->setBuddy(note);
    auto *sms = new QCheckBox(headPhone.isEmpty() ? UrgeAction::tr(
                                  "Also &SMS the department head (no number on file yet: the SMS waits for one)")
                                                  : UrgeAction::tr("Also &SMS the department head (%1)").arg(headPhone),
                              &dialog);
    sms->setObjectName(u"urgeSmsHead"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(UrgeAction::tr("&Urge"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(note);
    layout->addWidget(sms);
    layout->addWidget(buttons);
    note->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Answer {note->toPlainText(), sms->isChecked()};
}

} // namespace

bool UrgeAction::offeredTo(const ConsoleSession &session)
{
    return Permissions::allows(session.actor(), Action::Urge);
}

bool UrgeAction::run(QWidget *parent, ConsoleSession &session, const QString &ticketId)
{
    const std::optional<Ticket> t = session.workspace().queries().ticket(session.actor(), ticketId);
    if (!t)
        return false;
    const QString title = tr("Urge ticket %1").arg(t->number);
    NotifyService *notify = session.notifyService();
    std::optional<Answer> answer;
    if (notify) {
        const auto dept = DepartmentContacts(session.workspace().database()).find(t->department);
        answer = askNoteAndSms(parent, title, dept ? dept->headPhone : QString());
    } else if (const std::optional<QString> note
               = Prompts::askText(parent, title, tr("Note to the department:"), true)) {
        answer = Answer {*note, false}; // no outbox in this session (tests, wall): urging without SMS
    }
    if (!answer)
        return false;
    const QString note = answer->note.trimmed();
    if (note.isEmpty()) {
        Prompts::warning(parent, tr("Urge"), tr("Please write a note for the department."));
        return false;
    }
    QString error;
    if (!answer->smsHead) {
        if (!session.workspace().tickets().urge(session.actor(), ticketId, note, &error)) {
            Prompts::warning(parent, tr("Urge"), error);
            return false;
        }
        return true;
    }
    QString warning;
    if (notify->urging().urge(session.actor(), ticketId, note, true, &error, &warning).isEmpty()) {
        Prompts::warning(parent, tr("Urge"), error);
        return false;
    }
    notify->sender().sendDue(); // now rather than at the sender's next wake-up
    if (!warning.isEmpty())
        Prompts::information(parent, tr("Urge"), warning);
    return true;
}

void UrgeAction::queueAnswer(const QString &note, bool smsHead)
{
    queued().append(Answer {note, smsHead});
}

} // namespace hotline
