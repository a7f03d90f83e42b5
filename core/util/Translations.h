#pragma once

#include <QString>

namespace hotline {

/**
 * Installs the translators for the user's language on the application: Chinese for a zh locale and for a machine
 * that states no language (C/POSIX), English otherwise. HOTLINE_LANG (e.g. zh_CN, en) overrides the system
 * locale. Returns the language installed.
 */
QString installTranslations();

} // namespace hotline
