#include "util/LogCategories.h"

namespace hotline {
Q_LOGGING_CATEGORY(lcStorage, "hotline.core.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "hotline.core.import", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReports, "hotline.core.reports", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCalendar, "hotline.core.calendar", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "hotline.core.sync", QtInfoMsg)
} // namespace hotline
