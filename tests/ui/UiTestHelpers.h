#pragma once

// Keyboard helpers shared by the GUI tests: they drive real widgets the way a person at a keyboard does.

#include <QApplication>
#include <QInputMethodEvent>
#include <QTest>
#include <QWidget>

namespace hotline::test {

/** Where a key press goes: an open completion popup takes the keyboard, as it does on a real desktop. */
inline QWidget *keyTarget()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        return popup;
    return QApplication::focusWidget();
}

/**
 * Types text the way a keyboard does: Latin keys as key presses, Chinese as an input method commits it
 * (QTest::keyClicks would silently drop characters outside Latin-1).
 */
inline void typeText(QWidget *widget, const QString &text)
{
    QString latin;
    const auto flushLatin = [&] {
        if (!latin.isEmpty())
            QTest::keyClicks(widget, latin);
        latin.clear();
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            latin += c;
            continue;
        }
        flushLatin();
        QInputMethodEvent commit;
        commit.setCommitString(QString(c));
        QApplication::sendEvent(widget, &commit);
    }
    flushLatin();
}

/** Types into whatever has the keyboard focus. */
inline void type(const QString &text)
{
    typeText(QApplication::focusWidget(), text);
}

inline void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(keyTarget(), key, modifiers);
}

/** The objectName of the field that has the keyboard (an editable combo's line edit counts as the combo). */
inline QString focusedField()
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QStringLiteral("qt_")))
            return w->objectName();
    }
    return {};
}

} // namespace hotline::test
