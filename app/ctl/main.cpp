#include "CtlApp.h"
#include "util/Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hotline-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));
    hotline::installTranslations();
    return hotline::ctl::run(QCoreApplication::arguments().mid(1));
}
