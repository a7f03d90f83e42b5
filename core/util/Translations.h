#pragma once

#include <QString>
#include <QStringList>

namespace hotline {

/**
 * Installs the translators for the user's language on the application: Chinese for a zh locale and for a machine
 * that states no language (C/POSIX), English otherwise. HOTLINE_LANG (e.g. zh_CN, en) overrides everything, then
 * the language chosen in the console's settings (chosenLanguage()), then the system locale. Qt's own catalogue
 * (qtbase_*.qm, Debian package qt6-translations-l10n) is installed too, so standard dialogs speak the same language.
 * Returns the language installed.
 */
QString installTranslations();

/** The languages the interface is translated into: "zh_CN", "en". */
QStringList availableLanguages();

/** The language chosen in the settings (one of availableLanguages()), or empty to follow the system locale. */
QString chosenLanguage();

/**
 * Stores the choice for the next start of the console and of hotlinectl (same user, same settings file); empty
 * follows the system locale again. Returns false for an unknown language or when the settings cannot be written.
 */
bool setChosenLanguage(const QString &language);

} // namespace hotline
