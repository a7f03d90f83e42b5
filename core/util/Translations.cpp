#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace hotline {

QString installTranslations()
{
    const QString forced = QProcessEnvironment::systemEnvironment().value(u"HOTLINE_LANG"_s);
    const QLocale locale = forced.isEmpty() ? QLocale::system() : QLocale(forced);
    // Chinese first: a machine that states no language (the C/POSIX locale) gets Chinese, too.
    const bool chinese = locale.language() == QLocale::Chinese || locale.language() == QLocale::C;
    const QString language = chinese ? u"zh_CN"_s : u"en"_s;
    // Dates and numbers in the same language as the words around them.
    QLocale::setDefault(language == u"zh_CN"_s ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English, QLocale::UnitedStates));
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(u":/i18n/hotline_"_s + language + u".qm"_s))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    // Qt's own strings (dialog buttons and the like) in the same language.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

} // namespace hotline
