#include "ConsoleApp.h"
#include "util/Translations.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hotline-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hotline Console"));
    QApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));
    hotline::installTranslations();
    return hotline::console::run(QApplication::arguments());
}
