#pragma once

namespace hotline::ctl {

class CtlContext;

/** `export tickets [--month YYYY-MM | --from DATE --to DATE] [-o FILE] [--unmasked]` (docs/PRIVACY.md). */
int cmdExportTickets(CtlContext &ctx);
/** `access-log [--from DATE --to DATE]`: who saw callers in full, newest first. */
int cmdAccessLog(CtlContext &ctx);

} // namespace hotline::ctl
