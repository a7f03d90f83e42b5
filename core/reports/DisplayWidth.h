#pragma once

#include <QString>
#include <QStringView>

namespace hotline {

/**
 * Columns a text takes in a terminal: East Asian wide and full-width characters (汉字, full-width
 * punctuation) take two, combining marks and zero-width characters none, everything else one.
 */
int displayWidth(QStringView text);

/** The text padded with spaces to width columns, on the right (left-aligned) or on the left. */
QString padToWidth(const QString &text, int width, bool alignLeft);

} // namespace hotline
