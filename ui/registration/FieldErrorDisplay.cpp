#include "registration/FieldErrorDisplay.h"

#include <QLabel>
#include <QPalette>
#include <QVariant>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

FieldErrorDisplay::FieldErrorDisplay(QLabel *label)
    : m_label(label)
{
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setAutoFillBackground(true);
    m_label->setMargin(6);
    QPalette p = m_label->palette();
    p.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    p.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    m_label->setPalette(p);
    render();
}

void FieldErrorDisplay::addField(const QString &code, const QString &caption, QWidget *widget)
{
    m_fields << Field {code, caption, widget};
}

void FieldErrorDisplay::showAll(const QList<FieldError> &errors)
{
    m_messages.clear();
    m_general.clear();
    for (const FieldError &e : errors) {
        if (!m_messages.contains(e.field)) // the first problem of a field is the one to fix first
            m_messages.insert(e.field, e.message);
    }
    render();
}

void FieldErrorDisplay::showField(const QString &code, const QString &message)
{
    if (message.isEmpty())
        m_messages.remove(code);
    else
        m_messages.insert(code, message);
    render();
}

void FieldErrorDisplay::showGeneral(const QString &message)
{
    m_general = message;
    render();
}

void FieldErrorDisplay::clear()
{
    m_messages.clear();
    m_general.clear();
    render();
}

QWidget *FieldErrorDisplay::firstInvalidWidget() const
{
    for (const Field &f : m_fields) {
        if (m_messages.contains(f.code) && f.widget)
            return f.widget;
    }
    return nullptr;
}

void FieldErrorDisplay::highlight(QWidget *widget, const QString &message)
{
    const bool invalid = !message.isEmpty();
    if (widget->property("invalid").toBool() == invalid && widget->toolTip() == message)
        return;
    widget->setProperty("invalid", invalid);
    widget->setToolTip(message);
    if (invalid) {
        QPalette p = widget->palette();
        p.setColor(QPalette::Base, QColor(0xfd, 0xec, 0xea));
        widget->setPalette(p);
    } else {
        widget->setPalette(QPalette()); // back to the inherited palette
    }
}

void FieldErrorDisplay::render()
{
    QStringList lines;
    if (!m_general.isEmpty())
        lines << m_general;
    for (const Field &f : std::as_const(m_fields)) {
        const QString message = m_messages.value(f.code);
        if (!message.isEmpty())
            lines << tr("%1: %2").arg(f.caption, message);
        if (f.widget)
            highlight(f.widget, message);
    }
    // Problems of fields the form did not declare are still shown, never dropped.
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const bool declared
            = std::any_of(m_fields.cbegin(), m_fields.cend(), [&](const Field &f) { return f.code == it.key(); });
        if (!declared)
            lines << it.value();
    }
    m_label->setText(lines.join(u'\n'));
    m_label->setVisible(!lines.isEmpty());
}

} // namespace hotline
