#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace hotline {

class ConsoleSession;

/**
 * A ticket's photos and documents in its detail: name (with a thumbnail for a photo), stage, size, who and when;
 * "Attach file…" for the roles the permission table allows on this ticket, "Save as…" for a file that has
 * arrived. A file whose bytes have not come from the shared server yet says so and arrives with a later sync.
 */
class AttachmentsPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, StageColumn, SizeColumn, ByColumn, WhenColumn };
    /** Item data: the content hash (UserRole) and whether the bytes are here (UserRole + 1). */
    static constexpr int HashRole = Qt::UserRole;
    static constexpr int ReceivedRole = Qt::UserRole + 1;

    AttachmentsPanel(ConsoleSession &session, const QString &ticketId, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QString message() const;

    /** Attaches a file from disk at a stage (the dialog's path; tests call it directly). */
    bool attachPath(const QString &path, const QString &stage);
    /** Writes the bytes of a file to path (the "Save as…" path; tests call it directly). */
    bool saveTo(const QString &hash, const QString &path);

public Q_SLOTS:
    void refresh();

private:
    void chooseAndAttach();
    void saveSelected();
    void updateButtons();
    void showMessage(const QString &text, bool error);

    ConsoleSession &m_session;
    QString m_ticketId;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace hotline
