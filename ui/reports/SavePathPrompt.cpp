#include "reports/SavePathPrompt.h"

#include <QDir>
#include <QFileDialog>
#include <QList>

namespace hotline {
namespace {

QList<QString> &queued()
{
    static QList<QString> answers;
    return answers;
}

} // namespace

std::optional<QString> SavePathPrompt::ask(QWidget *parent, const QString &title, const QString &suggestedName,
                                           const QString &filter)
{
    const QString path = queued().isEmpty()
        ? QFileDialog::getSaveFileName(parent, title, QDir::home().filePath(suggestedName), filter)
        : queued().takeFirst();
    if (path.isEmpty())
        return std::nullopt;
    return path;
}

void SavePathPrompt::queueAnswer(const QString &path)
{
    queued().append(path);
}

} // namespace hotline
