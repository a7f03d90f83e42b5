#include "reports/PeriodPicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace hotline {

PeriodPicker::PeriodPicker(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_start(new QDateEdit(this))
    , m_end(new QDateEdit(this))
{
    setObjectName(u"periodPicker"_s);
    m_mode->setObjectName(u"periodMode"_s);
    m_start->setObjectName(u"periodStart"_s);
    m_end->setObjectName(u"periodEnd"_s);
    m_mode->addItem(tr("Month"), QVariant::fromValue(Mode::Month));
    m_mode->addItem(tr("Quarter"), QVariant::fromValue(Mode::Quarter));
    m_mode->addItem(tr("Custom"), QVariant::fromValue(Mode::Custom));
    m_mode->addItem(tr("Year"), QVariant::fromValue(Mode::Year));
    m_start->setCalendarPopup(true);
    m_end->setCalendarPopup(true);
    m_end->setDisplayFormat(u"yyyy-MM-dd"_s);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Period:"), this));
    row->addWidget(m_mode);
    row->addWidget(m_start);
    auto *until = new QLabel(tr("to"), this);
    row->addWidget(until);
    row->addWidget(m_end);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this, until] {
        until->setVisible(m_mode->currentData().value<Mode>() == Mode::Custom);
        updateEditors();
        Q_EMIT periodChanged();
    });
    connect(m_start, &QDateEdit::dateChanged, this, &PeriodPicker::periodChanged);
    connect(m_end, &QDateEdit::dateChanged, this, &PeriodPicker::periodChanged);
    until->hide();
    updateEditors();
}

void PeriodPicker::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(QVariant::fromValue(mode)));
}

PeriodPicker::Mode PeriodPicker::mode() const
{
    return m_mode->currentData().value<Mode>();
}

void PeriodPicker::setDates(QDate date, QDate lastDay)
{
    const QSignalBlocker blockEnd(m_end);
    if (lastDay.isValid())
        m_end->setDate(lastDay);
    m_start->setDate(date); // emits once
}

void PeriodPicker::updateEditors()
{
    const Mode mode = m_mode->currentData().value<Mode>();
    // A month reads as 2025-03, a quarter by any day in it; custom dates are whole dates.
    m_start->setDisplayFormat(mode == Mode::Month ? u"yyyy-MM"_s
                              : mode == Mode::Year ? u"yyyy"_s
                                                   : u"yyyy-MM-dd"_s);
    m_end->setVisible(mode == Mode::Custom);
}

QDate PeriodPicker::from() const
{
    const QDate d = m_start->date();
    switch (m_mode->currentData().value<Mode>()) {
    case Mode::Month:
        return QDate(d.year(), d.month(), 1);
    case Mode::Quarter:
        return QDate(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
    case Mode::Custom:
        return d;
    case Mode::Year:
        return QDate(d.year(), 1, 1);
    }
    return d;
}

QDate PeriodPicker::to() const
{
    switch (m_mode->currentData().value<Mode>()) {
    case Mode::Month:
        return from().addMonths(1);
    case Mode::Quarter:
        return from().addMonths(3);
    case Mode::Custom:
        return m_end->date().addDays(1);
    case Mode::Year:
        return from().addYears(1);
    }
    return {};
}

} // namespace hotline
