#include "FuzzSupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace hotline::fuzz {

void initApplication(int *argc, char ***argv)
{
    static QCoreApplication *app = nullptr;
    if (!app) {
        qputenv("HOTLINE_LANG", "en");
        app = new QCoreApplication(*argc, *argv); // lives as long as the process, like libFuzzer's loop
    }
}

void fail(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz invariant failed: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace hotline::fuzz
