#pragma once

#include <QStringList>

namespace hotline::console {

/** Runs the desktop console: options, database, sign-in, main window or wall display. Returns the exit code. */
int run(const QStringList &arguments);

} // namespace hotline::console
