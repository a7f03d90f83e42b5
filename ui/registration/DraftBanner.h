#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace hotline {

/** The non-modal offer of an unfinished registration found at start: Restore or Discard. */
class DraftBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit DraftBanner(QWidget *parent = nullptr);

    /** Shows the offer: when the draft was saved (local time text) and a line that identifies the call. */
    void offer(const QString &savedAt, const QString &what);

Q_SIGNALS:
    /** The operator wants the saved fields back in the form. */
    void restoreRequested();
    /** The operator does not want the saved draft. */
    void discardRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace hotline
