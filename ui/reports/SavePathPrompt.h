#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace hotline {

/**
 * Asks where to save a file. Tests queue the answer (a path, or an empty string for "cancelled") instead of
 * seeing a file dialog, like Prompts does for message boxes (which has no save dialog of its own yet).
 */
class SavePathPrompt final
{
public:
    static std::optional<QString> ask(QWidget *parent, const QString &title, const QString &suggestedName,
                                      const QString &filter);
    /** The answer of the next ask(); an empty path means the operator cancelled. */
    static void queueAnswer(const QString &path);
};

} // namespace hotline
