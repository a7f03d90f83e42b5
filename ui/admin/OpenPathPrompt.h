#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace hotline {

/**
 * Asks which file to open. Tests queue the answer (a path, or an empty string for "cancelled") instead of seeing
 * a file dialog, as SavePathPrompt does for saving (Prompts has no file questions).
 */
class OpenPathPrompt final
{
public:
    static std::optional<QString> ask(QWidget *parent, const QString &title, const QString &filter);
    /** The answer of the next ask(); an empty path means the operator cancelled. */
    static void queueAnswer(const QString &path);
};

} // namespace hotline
