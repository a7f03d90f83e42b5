#pragma once

#include <QStringList>

namespace hotline::ctl {

/** Runs hotlinectl with these arguments (without the program name); returns the process exit code. */
int run(const QStringList &arguments);

} // namespace hotline::ctl
