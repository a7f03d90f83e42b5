#include "board/WallDisplay.h"

#include "board/BoardColours.h"
#include "board/BoardModel.h"
#include "board/DeskColours.h"
#include "board/DeskModel.h"
#include "board/WallList.h"
#include "privacy/CallerPrivacy.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QColor kBackground(0x0b, 0x0f, 0x14);
const QColor kText(0xf2, 0xf4, 0xf7);
const QColor kDim(0x9a, 0xa4, 0xb2);
const QColor kOffHours(0xd6, 0xe4, 0xff);
const QColor kOffHoursBand(0x1f, 0x3a, 0x6b);
constexpr int kSummaryChars = 60;

void paint(QWidget *w, QPalette::ColorRole role, const QColor &c)
{
    QPalette p = w->palette();
    p.setColor(role, c);
    w->setPalette(p);
}

QFont pixelFont(const QFont &base, int pixels, bool bold)
{
    QFont f = base;
    f.setPixelSize(std::max(8, pixels));
    f.setBold(bold);
    return f;
}

} // namespace

WallDisplay::WallDisplay(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"wallDisplay"_s);
    setWindowTitle(tr("Countdown board"));
    setAutoFillBackground(true);
    paint(this, QPalette::Window, kBackground);
    paint(this, QPalette::WindowText, kText);
    setCursor(Qt::BlankCursor); // nobody uses a mouse on a wall
    setFocusPolicy(Qt::NoFocus);

    // The model's tick slot is connected first, so the page shown below is always the current one.
    m_model = new BoardModel(session, this);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(tr("Citizen service hotline · countdown board"), this);
    m_title->setObjectName(u"wallTitle"_s);
    m_clock = new QLabel(this);
    m_clock->setObjectName(u"wallClock"_s);
    m_clock->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // The title gives way to the clock on a narrow screen instead of widening the window.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    top->addWidget(m_title, 1);
    top->addWidget(m_clock);
    layout->addLayout(top);
    m_offHours = new QLabel(this);
    m_offHours->setObjectName(u"wallOffHours"_s);
    m_offHours->setAlignment(Qt::AlignCenter);
    m_offHours->setAutoFillBackground(true);
    m_offHours->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    paint(m_offHours, QPalette::Window, kOffHoursBand);
    paint(m_offHours, QPalette::WindowText, kOffHours);
    layout->addWidget(m_offHours);

    auto *counts = new QHBoxLayout;
    counts->addWidget(makeCount(u"wallRedCount"_s, tr("Red · overdue"), BoardColours::wall(Colour::Red), &m_red), 1);
    counts->addWidget(
        makeCount(u"wallYellowCount"_s, tr("Yellow · due soon"), BoardColours::wall(Colour::Yellow), &m_yellow), 1);
    counts->addWidget(
        makeCount(u"wallGreenCount"_s, tr("Green · in time"), BoardColours::wall(Colour::Green), &m_green), 1);
    layout->addLayout(counts);

    // The dispatch desk on one line under the departments' counts, in its own colours: on the wall too,
    // nothing open is invisible.
    m_deskModel = new DeskModel(session, this);
    m_desk = new QLabel(this);
    m_desk->setObjectName(u"wallDesk"_s);
    m_desk->setTextFormat(Qt::RichText);
    m_desk->setAlignment(Qt::AlignCenter);
    m_desk->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_desk);
    connect(m_deskModel, &DeskModel::countsChanged, this, &WallDisplay::updateDesk);

    m_list = new WallList(this);
    layout->addWidget(m_list, 1);

    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(u"wallPage"_s);
    m_pageLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    paint(m_pageLabel, QPalette::WindowText, kDim);
    layout->addWidget(m_pageLabel);

    connect(&session, &ConsoleSession::tick, this, &WallDisplay::onTick);
    connect(m_model, &BoardModel::countsChanged, this, &WallDisplay::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WallDisplay::refreshPage);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WallDisplay::refreshPage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WallDisplay::refreshPage);
    connect(m_list, &WallList::rowsPerPageChanged, this, &WallDisplay::refreshPage);

    resize(1280, 720);
    updateCounts(m_model->redCount(), m_model->yellowCount(), m_model->greenCount());
    updateDesk();
    updateClock(m_model->now());
    refreshPage();
}

QWidget *WallDisplay::makeCount(const QString &objectName, const QString &caption, const QColor &colour,
                                QLabel **number)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    *number = new QLabel(u"0"_s, box);
    (*number)->setObjectName(objectName);
    (*number)->setAlignment(Qt::AlignCenter);
    paint(*number, QPalette::WindowText, colour);
    auto *label = new QLabel(caption, box);
    label->setAlignment(Qt::AlignCenter);
    paint(label, QPalette::WindowText, colour);
    m_captions << label;
    v->addWidget(*number);
    v->addWidget(label);
    return box;
}

int WallDisplay::rowsPerPage() const
{
    return m_list->rowsPerPage();
}

int WallDisplay::pageCount() const
{
    const int per = std::max(1, rowsPerPage());
    return std::max(1, (m_model->rowCount() + per - 1) / per);
}

void WallDisplay::setPageSeconds(int seconds)
{
    m_pageSeconds = std::max(1, seconds);
}

void WallDisplay::resizeEvent(QResizeEvent *event)
{
    // Type scales with the screen: on a 1080-line screen the counts are 120 px and the lines 36 px tall.
    const int h = std::max(240, height());
    const QFont base = font();
    m_title->setFont(pixelFont(base, h / 30, true));
    m_clock->setFont(pixelFont(base, h / 30, true));
    m_offHours->setFont(pixelFont(base, h / 36, false));
    m_desk->setFont(pixelFont(base, h / 32, false));
    for (QLabel *n : {m_red, m_yellow, m_green})
        n->setFont(pixelFont(base, h / 9, true));
    for (QLabel *c : std::as_const(m_captions))
        c->setFont(pixelFont(base, h / 36, false));
    m_pageLabel->setFont(pixelFont(base, h / 40, false));
    m_list->setRowFont(pixelFont(base, h / 30, false));
    QWidget::resizeEvent(event);
}

void WallDisplay::onTick(qint64 nowSecs)
{
    if (m_pageShownAt < 0 || nowSecs < m_pageShownAt) {
        m_pageShownAt = nowSecs;
    } else if (nowSecs - m_pageShownAt >= m_pageSeconds) {
        m_page = (m_page + 1) % pageCount();
        m_pageShownAt = nowSecs;
    }
    updateClock(nowSecs);
    refreshPage();
}

void WallDisplay::updateClock(qint64 nowSecs)
{
    const WorkCalendar &calendar = m_model->sla().calendar();
    const QDateTime local = calendar.toLocal(nowSecs);
    const QLocale locale;
    m_clock->setText(
        tr("%1 %2").arg(locale.toString(local.date(), QLocale::LongFormat), local.time().toString(u"HH:mm:ss"_s)));
    const bool working = calendar.workingSecondsBetween(nowSecs, nowSecs + 1) > 0;
    m_offHours->setText(working ? QString() : tr("Non-working time · countdowns paused"));
    m_offHours->setVisible(!working);
}

void WallDisplay::updateCounts(int red, int yellow, int green)
{
    m_red->setText(QString::number(red));
    m_yellow->setText(QString::number(yellow));
    m_green->setText(QString::number(green));
}

void WallDisplay::updateDesk()
{
    const DeskSnapshot &desk = m_deskModel->snapshot();
    const auto coloured = [](DeskColour c, const QString &text) {
        return u"<span style=\"color:%1\">%2</span>"_s.arg(DeskColours::wall(c).name(), text.toHtmlEscaped());
    };
    QString text = u"<b>%1</b> &nbsp; "_s.arg(tr("调度台 · Dispatch desk").toHtmlEscaped())
                   + coloured(DeskColour::Magenta, tr("%1 past the limit").arg(desk.magenta)) + u" &nbsp;·&nbsp; "_s
                   + coloured(DeskColour::Amber, tr("%1 limit near").arg(desk.amber)) + u" &nbsp;·&nbsp; "_s
                   + coloured(DeskColour::Blue, tr("%1 in time").arg(desk.blue));
    // The longest wait: what the room should see first (the list itself is on the dispatchers' screens).
    const DeskEntry *longest = nullptr;
    for (const DeskEntry &e : desk.entries) {
        if (!longest || e.status.waitedSeconds > longest->status.waitedSeconds)
            longest = &e;
    }
    if (longest) {
        text += u" &nbsp; "_s
                + coloured(longest->status.colour,
                           tr("longest: %1 waiting %2")
                               .arg(longest->number,
                                    DeskModel::formatWorking(longest->status.waitedSeconds,
                                                             m_deskModel->clock().calendar().dayLengthSeconds())));
    }
    m_desk->setText(text);
}

void WallDisplay::refreshPage()
{
    const int pages = pageCount();
    if (m_page >= pages)
        m_page = 0;
    const int per = std::max(1, rowsPerPage());
    const int first = m_page * per;
    const int last = std::min(m_model->rowCount(), first + per);
    QList<WallRow> rows;
    rows.reserve(last - first);
    for (int r = first; r < last; ++r) {
        const BoardModel::Row &e = m_model->row(r);
        WallRow w;
        w.colour = m_model->colourAt(r);
        w.number = e.number;
        w.department = e.departmentName.isEmpty() ? e.departmentCode : e.departmentName;
        w.town = e.town;
        QString summary = CallerPrivacy::scrubPhoneNumbers(e.summary.simplified());
        if (summary.size() > kSummaryChars)
            summary = summary.left(kSummaryChars - 1) + u'…';
        w.summary = summary;
        w.remaining = BoardModel::formatRemaining(m_model->remainingAt(r));
        rows << w;
    }
    m_list->setRows(rows);
    m_pageLabel->setText(u"%1/%2"_s.arg(m_page + 1).arg(pages));
}

} // namespace hotline
