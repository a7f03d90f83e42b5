#pragma once

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace hotline {

class ConsoleSession;

/**
 * Above the tabs, for administrators and supervisors: next year's (or this year's) holiday notice is missing
 * (CalendarYears::missingNotice at the session's clock, in the centre's zone), with what to do. Looks again each
 * minute and when the calendar changes; hidden when nothing is missing.
 */
class CalendarNoticeBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit CalendarNoticeBanner(ConsoleSession &session, QWidget *parent = nullptr);

    /** The year whose notice is missing as of the last look, if any. */
    std::optional<int> missingYear() const { return m_year; }
    QString message() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /** "Open the calendar" (administrators only). */
    void calendarRequested();

private:
    ConsoleSession &m_session;
    QLabel *m_text = nullptr;
    QPushButton *m_open = nullptr;
    std::optional<int> m_year;
    qint64 m_lastLook = 0;
};

} // namespace hotline
