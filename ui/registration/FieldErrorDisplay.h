#pragma once

#include "service/TicketService.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QString>

class QLabel;
class QWidget;

namespace hotline {

/**
 * Shows a form's problems without a dialog: one line per field (named by its caption) in a message label,
 * each offending field highlighted (palette, tool tip, and the dynamic property `invalid` for tests and
 * style sheets), plus at most one general message such as a refusal from the service.
 */
class FieldErrorDisplay final
{
    Q_DECLARE_TR_FUNCTIONS(FieldErrorDisplay)

public:
    explicit FieldErrorDisplay(QLabel *label);

    /** Declares a field, in display order, by the code used in FieldError::field. */
    void addField(const QString &code, const QString &caption, QWidget *widget);

    /** Replaces every field message with these (the general message is cleared too). */
    void showAll(const QList<FieldError> &errors);
    /** Sets (or with an empty message clears) one field's message, leaving the others. */
    void showField(const QString &code, const QString &message);
    /** A message that belongs to no field (empty clears it). */
    void showGeneral(const QString &message);
    void clear();

    bool hasError(const QString &code) const { return m_messages.contains(code); }
    bool isEmpty() const { return m_messages.isEmpty() && m_general.isEmpty(); }
    /** The first field (in display order) with a problem, or null. */
    QWidget *firstInvalidWidget() const;

private:
    struct Field
    {
        QString code;
        QString caption;
        QPointer<QWidget> widget;
    };
    void render();
    static void highlight(QWidget *widget, const QString &message);

    QLabel *m_label;
    QList<Field> m_fields;
    QMap<QString, QString> m_messages;
    QString m_general;
};

} // namespace hotline
