#pragma once

#include <QLoggingCategory>

namespace hotline {
// One logging category per subsystem; enable with QT_LOGGING_RULES="hotline.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcImport)
Q_DECLARE_LOGGING_CATEGORY(lcReports)
Q_DECLARE_LOGGING_CATEGORY(lcCalendar)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
} // namespace hotline
