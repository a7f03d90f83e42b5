#pragma once

#include <QWidget>

class QLabel;

namespace hotline {

class BoardModel;
class ConsoleSession;
class DeskModel;
class WallList;

/**
 * The wall display (`hotline-console --wall`): the countdown board for a big screen across the room. Dark
 * background, large type scaled to the screen height, counts on top (red, yellow, green), the list red
 * first, then yellow, then green, paging by itself every pageSeconds() on the session's beat (no timer of
 * its own), a clock line that says when the centre is not working (the countdowns stand still then).
 * Under the counts, one line for the dispatch desk (DeskModel) in its own colours, with the longest wait.
 * Needs no mouse or keyboard. Shows no caller's name or phone number at all: the list holds the ticket
 * number, department, town, the summary (phone numbers in it masked, cut to one line) and remaining time.
 */
class WallDisplay final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDefaultPageSeconds = 10;

    explicit WallDisplay(ConsoleSession &session, QWidget *parent = nullptr);

    BoardModel *model() const { return m_model; }
    /** The dispatch desk shown on its line under the counts. */
    DeskModel *deskModel() const { return m_deskModel; }
    /** The page shown, from 0. */
    int currentPage() const { return m_page; }
    int pageCount() const;
    int rowsPerPage() const;
    int pageSeconds() const { return m_pageSeconds; }
    void setPageSeconds(int seconds);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onTick(qint64 nowSecs);
    void updateClock(qint64 nowSecs);
    void updateCounts(int red, int yellow, int green);
    void refreshPage();
    void updateDesk();
    QWidget *makeCount(const QString &objectName, const QString &caption, const QColor &colour, QLabel **number);

    ConsoleSession &m_session;
    BoardModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_offHours = nullptr;
    QLabel *m_red = nullptr;
    QLabel *m_yellow = nullptr;
    QLabel *m_green = nullptr;
    DeskModel *m_deskModel = nullptr;
    QLabel *m_desk = nullptr;
    QList<QLabel *> m_captions;
    WallList *m_list = nullptr;
    QLabel *m_pageLabel = nullptr;
    int m_page = 0;
    int m_pageSeconds = kDefaultPageSeconds;
    qint64 m_pageShownAt = -1;
};

} // namespace hotline
