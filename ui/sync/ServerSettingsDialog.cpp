#include "sync/ServerSettingsDialog.h"

#include "service/Training.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

ServerSettingsDialog::ServerSettingsDialog(ConsoleSession &session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(u"serverSettingsDialog"_s);
    setWindowTitle(tr("Shared server"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Consoles of one centre share a PostgreSQL server. This console keeps working "
                                "on its own copy when the server cannot be reached and catches up later."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"serverUrl"_s);
    m_url->setPlaceholderText(u"postgresql://hotline:PASSWORD@db1,db2/hotline?target_session_attrs=read-write"_s);
    m_url->setText(session.workspace().database().meta(SyncEngine::urlKey()));
    m_url->setMinimumWidth(520);
    form->addRow(tr("Server &address:"), m_url);
    layout->addLayout(form);
    m_result = new QLabel(this);
    m_result->setObjectName(u"serverTestResult"_s);
    m_result->setWordWrap(true);
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(this);
    m_test = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(u"serverTest"_s);
    QPushButton *joinButton = buttons->addButton(tr("&Join and sync"), QDialogButtonBox::AcceptRole);
    joinButton->setObjectName(u"serverJoin"_s);
    QPushButton *leaveButton = buttons->addButton(tr("&Standalone"), QDialogButtonBox::DestructiveRole);
    leaveButton->setObjectName(u"serverLeave"_s);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(m_test, &QPushButton::clicked, this, &ServerSettingsDialog::testConnection);
    connect(joinButton, &QPushButton::clicked, this, &ServerSettingsDialog::join);
    connect(leaveButton, &QPushButton::clicked, this, &ServerSettingsDialog::leave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ServerSettingsDialog::testResult() const
{
    return m_result->text();
}

void ServerSettingsDialog::testConnection()
{
    const QString url = m_url->text().trimmed();
    const QString bad = PgConnection::checkUrl(url);
    if (!bad.isEmpty()) {
        m_result->setText(tr("Not a PostgreSQL address: %1").arg(bad));
        Q_EMIT tested(false, m_result->text());
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    // The network may take seconds to answer (or not at all): never on the UI thread.
    QPointer<ServerSettingsDialog> self(this);
    QThread *probe = QThread::create([self, url] {
        PgConnection pg;
        QString message;
        bool ok = pg.connect(url);
        if (!ok)
            message = tr("Cannot reach the server: %1").arg(pg.lastError());
        else if (!ServerSchema::check(pg, &message))
            ok = false;
        else
            message = tr("Connected: the server is ready (schema version %1).").arg(ServerSchema::latestVersion());
        QMetaObject::invokeMethod(qApp, [self, ok, message] {
            if (!self)
                return;
            self->m_test->setEnabled(true);
            self->m_result->setText(message);
            Q_EMIT self->tested(ok, message);
        });
    });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    probe->start();
}

void ServerSettingsDialog::join()
{
    const QString url = m_url->text().trimmed();
    const QString bad = PgConnection::checkUrl(url);
    if (!bad.isEmpty()) {
        m_result->setText(tr("Not a PostgreSQL address: %1").arg(bad));
        return;
    }
    // The engine refuses too (core decides); saying it here keeps the address unsaved and the dialog open.
    if (const QString refusal = Training::joinRefusal(m_session.workspace().database()); !refusal.isEmpty()) {
        m_result->setText(refusal);
        return;
    }
    if (!m_session.workspace().database().setMeta(SyncEngine::urlKey(), url)) {
        Prompts::warning(this, windowTitle(), tr("The address could not be saved in the local database."));
        return;
    }
    m_session.startSync(url);
    accept();
}

void ServerSettingsDialog::leave()
{
    if (!m_session.workspace().database().setMeta(SyncEngine::urlKey(), QString())) {
        Prompts::warning(this, windowTitle(), tr("The setting could not be saved in the local database."));
        return;
    }
    m_session.stopSync();
    accept();
}

} // namespace hotline
