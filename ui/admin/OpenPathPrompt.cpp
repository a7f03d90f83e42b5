#include "admin/OpenPathPrompt.h"

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

std::optional<QString> OpenPathPrompt::ask(QWidget *parent, const QString &title, const QString &filter)
{
    const QString path = queued().isEmpty() ? QFileDialog::getOpenFileName(parent, title, QDir::homePath(), filter)
                                            : queued().takeFirst();
    if (path.isEmpty())
        return std::nullopt;
    return path;
}

void OpenPathPrompt::queueAnswer(const QString &path)
{
    queued().append(path);
}

} // namespace hotline
