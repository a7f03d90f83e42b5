#include "board/AttachmentsPanel.h"

#include "auth/Permissions.h"
#include "board/EventDescriptions.h"
#include "service/Attachments.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {
constexpr int kThumb = 48;
}

AttachmentsPanel::AttachmentsPanel(ConsoleSession &session, const QString &ticketId, QWidget *parent)
    : QWidget(parent), m_session(session), m_ticketId(ticketId)
{
    setObjectName(u"attachmentsPanel"_s);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"attachmentsList"_s);
    m_list->setColumnCount(5);
    m_list->setHeaderLabels({tr("File"), tr("Stage"), tr("Size"), tr("By"), tr("When")});
    m_list->setRootIsDecorated(false);
    m_list->setIconSize(QSize(kThumb, kThumb));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->setMinimumHeight(kThumb * 2 + 30);

    m_attach = new QPushButton(tr("&Attach file…"), this);
    m_attach->setObjectName(u"attachFileButton"_s);
    m_attach->setToolTip(tr("Attach a photo (before or after handling) or a document to this ticket"));
    m_save = new QPushButton(tr("Sa&ve as…"), this);
    m_save->setObjectName(u"saveAttachmentButton"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"attachmentsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_save);
    buttons->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_attach, &QPushButton::clicked, this, &AttachmentsPanel::chooseAndAttach);
    connect(m_save, &QPushButton::clicked, this, &AttachmentsPanel::saveSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AttachmentsPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &AttachmentsPanel::saveSelected);
    refresh();
}

QString AttachmentsPanel::message() const
{
    return m_message->text();
}

void AttachmentsPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b71c1c;"_s : QString());
}

void AttachmentsPanel::refresh()
{
    Workspace &ws = m_session.workspace();
    const Actor &actor = m_session.actor();
    const WorkCalendar &calendar = m_session.sla().calendar();
    const QString selected = m_list->currentItem() ? m_list->currentItem()->data(NameColumn, HashRole).toString() : QString();
    m_list->clear();
    const QList<AttachmentRow> rows = ws.attachments().list(actor, m_ticketId);
    for (const AttachmentRow &r : rows) {
        const QString size = r.received ? QLocale().formattedDataSize(r.size) : tr("not yet received");
        auto *item = new QTreeWidgetItem({r.fileName, Attachments::stageName(r.stage), size, r.actor,
                                          EventDescriptions::localTime(r.atMs / 1000, calendar)});
        item->setData(NameColumn, HashRole, r.hash);
        item->setData(NameColumn, ReceivedRole, r.received);
        item->setToolTip(NameColumn, tr("%1\nSHA-256 %2").arg(r.mimeType, r.hash));
        if (!r.received) {
            item->setToolTip(SizeColumn, tr("The file's bytes have not come from the shared server yet; they arrive "
                                            "with a later sync."));
            for (int c = 0; c < m_list->columnCount(); ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        } else if (r.mimeType.startsWith(u"image/"_s)) {
            // A thumbnail: decoded once here, from bytes the size limit keeps small.
            QString ignored;
            if (const std::optional<QByteArray> bytes = ws.attachments().content(actor, r.hash, &ignored)) {
                const QImage image = QImage::fromData(*bytes);
                if (!image.isNull())
                    item->setIcon(NameColumn, QPixmap::fromImage(image.scaled(kThumb, kThumb, Qt::KeepAspectRatio,
                                                                              Qt::SmoothTransformation)));
            }
        }
        m_list->addTopLevelItem(item);
        if (r.hash == selected)
            m_list->setCurrentItem(item);
    }
    for (int c = StageColumn; c < m_list->columnCount(); ++c)
        m_list->resizeColumnToContents(c);
    if (rows.isEmpty())
        m_list->setHeaderLabels({tr("File (none yet)"), tr("Stage"), tr("Size"), tr("By"), tr("When")});
    else
        m_list->setHeaderLabels({tr("File (%n)", nullptr, int(rows.size())), tr("Stage"), tr("Size"), tr("By"), tr("When")});
    updateButtons();
}

void AttachmentsPanel::updateButtons()
{
    const Ticket t = m_session.workspace().events().ticket(m_ticketId);
    QString ignored;
    const bool mayAttach
        = t.exists() && Permissions::allowsOn(m_session.actor(), Action::Attach, t.state, t.department, &ignored);
    m_attach->setVisible(mayAttach);
    const QTreeWidgetItem *current = m_list->currentItem();
    m_save->setEnabled(current && current->data(NameColumn, ReceivedRole).toBool());
}

bool AttachmentsPanel::attachPath(const QString &path, const QString &stage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()), true);
        return false;
    }
    // Refused before reading a file far over the limit.
    const QString tooBig = Attachments::sizeProblem(path, file.size(), m_session.workspace().settings().attachmentMaxBytes());
    if (!tooBig.isEmpty()) {
        showMessage(tooBig, true);
        return false;
    }
    QString error;
    const QString hash = m_session.workspace().attachments().attach(
        m_session.actor(), m_ticketId, {QFileInfo(path).fileName(), file.readAll(), stage}, &error);
    if (hash.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Attached %1.").arg(QFileInfo(path).fileName()), false);
    refresh();
    return true;
}

void AttachmentsPanel::chooseAndAttach()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file"), QString(),
        tr("Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx "
           "*.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    // A liaison's photos are before or after the work; the centre's are usually the caller's (registration).
    const bool liaison = m_session.actor().role == Role::Liaison;
    QStringList codes = Attachments::stages();
    QStringList names;
    for (const QString &c : std::as_const(codes))
        names << Attachments::stageName(c);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Attach a file"), tr("What does %1 show?").arg(QFileInfo(path).fileName()),
                                                 names, liaison ? 2 : 3, false, &ok);
    if (!ok)
        return;
    attachPath(path, codes.value(names.indexOf(chosen), u"document"_s));
}

bool AttachmentsPanel::saveTo(const QString &hash, const QString &path)
{
    QString error;
    const std::optional<QByteArray> bytes = m_session.workspace().attachments().content(m_session.actor(), hash, &error);
    if (!bytes) {
        showMessage(error, true);
        return false;
    }
    QSaveFile out(path); // whole or not at all
    if (!out.open(QIODevice::WriteOnly) || out.write(*bytes) != bytes->size() || !out.commit()) {
        showMessage(tr("Cannot write %1: %2").arg(path, out.errorString()), true);
        return false;
    }
    showMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

void AttachmentsPanel::saveSelected()
{
    const QTreeWidgetItem *current = m_list->currentItem();
    if (!current || !current->data(NameColumn, ReceivedRole).toBool())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the file as"), current->text(NameColumn));
    if (!path.isEmpty())
        saveTo(current->data(NameColumn, HashRole).toString(), path);
}

} // namespace hotline
