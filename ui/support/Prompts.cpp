#include "support/Prompts.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QQueue>

namespace hotline {
namespace {

struct TestState
{
    bool testMode = false;
    QQueue<QVariant> answers;
    QStringList shown;
};

TestState &state()
{
    static TestState s;
    return s;
}

bool answered(QVariant *out)
{
    TestState &s = state();
    if (!s.testMode && s.answers.isEmpty())
        return false;
    *out = s.answers.isEmpty() ? QVariant() : s.answers.dequeue();
    return true;
}

} // namespace

void Prompts::information(QWidget *parent, const QString &title, const QString &text)
{
    if (state().testMode) {
        state().shown << text;
        return;
    }
    QMessageBox::information(parent, title, text);
}

void Prompts::warning(QWidget *parent, const QString &title, const QString &text)
{
    if (state().testMode) {
        state().shown << text;
        return;
    }
    QMessageBox::warning(parent, title, text);
}

bool Prompts::confirm(QWidget *parent, const QString &title, const QString &text)
{
    QVariant a;
    if (answered(&a))
        return a.toBool();
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
}

std::optional<QString> Prompts::askText(QWidget *parent, const QString &title, const QString &label, bool multiLine,
                                        const QString &initial)
{
    QVariant a;
    if (answered(&a))
        return a.isValid() ? std::optional<QString>(a.toString()) : std::nullopt;
    bool ok = false;
    const QString text = multiLine ? QInputDialog::getMultiLineText(parent, title, label, initial, &ok)
                                   : QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

std::optional<int> Prompts::askNumber(QWidget *parent, const QString &title, const QString &label, int value, int min,
                                      int max)
{
    QVariant a;
    if (answered(&a))
        return a.isValid() ? std::optional<int>(a.toInt()) : std::nullopt;
    bool ok = false;
    const int n = QInputDialog::getInt(parent, title, label, value, min, max, 1, &ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

std::optional<int> Prompts::askChoice(QWidget *parent, const QString &title, const QString &label,
                                      const QStringList &items, int current)
{
    QVariant a;
    if (answered(&a))
        return a.isValid() ? std::optional<int>(a.toInt()) : std::nullopt;
    bool ok = false;
    const QString item = QInputDialog::getItem(parent, title, label, items, current, false, &ok);
    return ok ? std::optional<int>(int(items.indexOf(item))) : std::nullopt;
}

void Prompts::queueAnswer(const QVariant &answer)
{
    state().answers.enqueue(answer);
}

QStringList Prompts::takeShown()
{
    return std::exchange(state().shown, {});
}

void Prompts::setTestMode(bool on)
{
    state().testMode = on;
}

} // namespace hotline
