#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace hotline {

/**
 * The one set of rules for text that people type or import (PRODUCT §7, docs/DATA-FORMATS.md "Text"):
 * lengths count characters (Unicode code points, so 𠀋 is one, not two UTF-16 units), and invisible or
 * terminal-controlling characters never get in.
 *
 * Forbidden characters: C0 controls (U+0000–U+001F) and DEL, C1 controls (U+0080–U+009F), the bidi controls
 * U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, and the zero-width U+200B–U+200D, U+2060, U+FEFF.
 * Identifiers (numbers, names, codes, phone numbers) containing one are refused; free text (summary,
 * details, answers) has them removed, except that details and answers keep tab and line breaks.
 * Messages show offending text through visible(), never raw: an ESC echoed to a terminal is a command.
 */
namespace TextRules {

/** Characters (code points) in s; a lone surrogate counts as one. */
qsizetype length(QStringView s);

/** Whether the code point is one of the forbidden characters above (tab, LF and CR included). */
bool isForbidden(char32_t c);

/** The first forbidden code point in s, if any. */
std::optional<char32_t> firstForbidden(QStringView s);

enum class Lines { Single, Keep };
/** s without forbidden characters; Lines::Keep keeps tab, LF and CR (multi-line free text). */
QString stripped(QStringView s, Lines lines);

/** s with every forbidden character written as \uXXXX (so 1B shows as \u001B): safe to print anywhere. */
QString visible(QStringView s);

/** One code point as U+XXXX, for messages ("contains the control character U+001B"). */
QString codePoint(char32_t c);

} // namespace TextRules
} // namespace hotline
