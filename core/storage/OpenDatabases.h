#pragma once

#include <QStringList>

namespace hotline {

/** The files this process has open as databases (canonical paths), so that no export ever replaces one. */
QStringList openDatabaseFiles(); // Database.cpp

} // namespace hotline
