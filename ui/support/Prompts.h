#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

class QWidget;

namespace hotline {

/**
 * The one place screens ask the operator something or tell them something in a modal box. Tests pre-answer
 * with queueAnswer() (each ask takes the oldest queued answer instead of opening a dialog) and read what was
 * shown with takeShown(), so no test ever hangs on a modal dialog.
 */
class Prompts final
{
public:
    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static bool confirm(QWidget *parent, const QString &title, const QString &text);
    /** A line or paragraph of text; nullopt when cancelled (or, with required, left empty). */
    static std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                          bool multiLine = false, const QString &initial = {});
    static std::optional<int> askNumber(QWidget *parent, const QString &title, const QString &label, int value,
                                        int min, int max);
    /** One of items (returns its index). */
    static std::optional<int> askChoice(QWidget *parent, const QString &title, const QString &label,
                                        const QStringList &items, int current = 0);

    // Test support.
    /** Queues the answer to the next ask: bool for confirm, QString for askText, int for askNumber/askChoice,
     *  an invalid QVariant for "cancelled". */
    static void queueAnswer(const QVariant &answer);
    /** Texts shown by information()/warning() since the last call, oldest first. */
    static QStringList takeShown();
    /** True while answers are queued or test mode was switched on: no dialog is ever opened. */
    static void setTestMode(bool on);
};

} // namespace hotline
