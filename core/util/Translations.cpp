#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// A fixed organisation and application name: hotlinectl and the console read the same file
// (~/.config/hotline-console/hotline-console.ini), whatever name the running program gives itself.
QSettings userSettings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, u"hotline-console"_s, u"hotline-console"_s);
}

QString languageKey()
{
    return u"ui/language"_s;
}

} // namespace

QStringList availableLanguages()
{
    return {u"zh_CN"_s, u"en"_s};
}

QString chosenLanguage()
{
    const QString language = userSettings().value(languageKey()).toString();
    // A hand-edited or outdated value follows the system rather than half-translating the interface.
    return availableLanguages().contains(language) ? language : QString();
}

bool setChosenLanguage(const QString &language)
{
    if (!language.isEmpty() && !availableLanguages().contains(language))
        return false;
    QSettings settings = userSettings();
    if (language.isEmpty())
        settings.remove(languageKey());
    else
        settings.setValue(languageKey(), language);
    settings.sync();
    return settings.status() == QSettings::NoError;
}

QString installTranslations()
{
    QString forced = QProcessEnvironment::systemEnvironment().value(u"HOTLINE_LANG"_s);
    if (forced.isEmpty())
        forced = chosenLanguage();
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
