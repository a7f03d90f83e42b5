#include "CtlApp.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

namespace {

// Only the PDF report draws (fonts, charts), and it needs no display: it alone gets a QApplication, on the
// offscreen platform unless the caller chose one.
bool drawsPdf(int argc, char *argv[])
{
    bool report = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        report = report || std::strcmp(argv[i], "report") == 0;
        pdf = pdf || std::strcmp(argv[i], "--format=pdf") == 0
            || (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0);
    }
    return report && pdf;
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (drawsPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("hotline-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));
    hotline::installTranslations();
    return hotline::ctl::run(QCoreApplication::arguments().mid(1));
}
