#pragma once

#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;

namespace hotline {

/** Chooses a report period: a month, a quarter, custom dates (shown inclusive, returned as [from, to)) or a
 *  calendar year (the annual assessment). */
class PeriodPicker final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Month, Quarter, Custom, Year };
    Q_ENUM(Mode)

    explicit PeriodPicker(QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const;
    /** Month and quarter: the period containing date; custom: from date to lastDay inclusive. */
    void setDates(QDate date, QDate lastDay = {});
    QDate from() const;
    QDate to() const; ///< exclusive

Q_SIGNALS:
    /** The period changed. */
    void periodChanged();

private:
    void updateEditors();

    QComboBox *m_mode;
    QDateEdit *m_start;
    QDateEdit *m_end;
};

} // namespace hotline
