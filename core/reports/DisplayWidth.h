#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>

namespace hotline {

/**
 * Columns a text takes in a terminal: East Asian wide and full-width characters (汉字, full-width
 * punctuation) take two, combining marks and zero-width characters none, everything else one.
 */
int displayWidth(QStringView text);

/** The text padded with spaces to width columns, on the right (left-aligned) or on the left. */
QString padToWidth(const QString &text, int width, bool alignLeft);

/**
 * A plain-text table for a terminal: the titles, a rule, then the rows, columns two spaces apart and padded by
 * display width; cells made visible (TextRules::visible: no control character from a hand-edited database reaches
 * the terminal). Columns for which alignLeft is true read left to right, the others line up on their last
 * character (figures). A rule is repeated before the row at ruleBefore (a totals row), when given.
 */
QString alignedTable(const QStringList &titles, QList<QStringList> rows, const std::function<bool(int)> &alignLeft,
                     qsizetype ruleBefore = -1);

} // namespace hotline
