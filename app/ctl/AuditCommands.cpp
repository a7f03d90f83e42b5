// hotlinectl audit: the administrative changes (settings, calendar days, departments, categories, towns, users)
// recorded in the event log, for the discipline office and administrators (docs/TAMPER-EVIDENCE.md).
#include "CtlContext.h"

#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/AdminAudit.h"
#include "storage/AdminLog.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdAudit(CtlContext &ctx)
{
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    if (!ctx.args.words.isEmpty() || (format != u"text"_s && format != u"json"_s))
        return ctx.fail(CtlContext::tr("Usage: hotlinectl audit [--from DATE --to DATE] [--entity NAME] "
                                       "[--format text|json]"),
                        Usage);
    const QString entity = ctx.args.value(u"--entity"_s);
    if (!entity.isEmpty() && !AdminAudit::entityFromCode(entity)) {
        QStringList known;
        for (AdminEntity e : AdminAudit::allEntities())
            known << AdminAudit::entityCode(e);
        return ctx.fail(CtlContext::tr("Unknown entity “%1”: use one of %2.").arg(entity, known.join(u", "_s)), Usage);
    }
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    // Days in the centre's zone, [from, to) like reports; without a period the whole record.
    const QTimeZone zone = ws->sla().calendar().timeZone();
    int code = Ok;
    const std::optional<CtlPeriod> p = ctx.period(zone, true, &code);
    if (!p)
        return code;
    qint64 fromMs = 0, toMs = 0;
    if (p->from.isValid()) {
        fromMs = QDateTime(p->from, QTime(0, 0), zone).toMSecsSinceEpoch();
        toMs = QDateTime(p->to, QTime(0, 0), zone).toMSecsSinceEpoch();
    }
    QList<AdminChange> changes;
    QString error;
    if (!AdminLog(ws->database()).list(fromMs, toMs, entity, &changes, &error))
        return ctx.fail(error);
    const auto when = [&](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODateWithMs); };
    if (format == u"json"_s) {
        QJsonArray events;
        for (const AdminChange &c : std::as_const(changes)) {
            QJsonObject o{{u"id"_s, c.id},         {u"at"_s, when(c.atMs)}, {u"actor"_s, c.actor},
                          {u"console"_s, c.console}, {u"entity"_s, c.entity}, {u"key"_s, c.key},
                          {u"old"_s, c.oldValue},  {u"new"_s, c.newValue}};
            if (!c.action.isEmpty())
                o.insert(u"action"_s, c.action);
            events.append(o);
        }
        ctx.out = QJsonDocument(QJsonObject{{u"events"_s, events}}).toJson(QJsonDocument::Indented);
        return Ok;
    }
    // Tab-separated with a header, like access-log: readable, and cut/awk take it as it is.
    ctx.print(u"at\tactor\tconsole\tentity\tkey\taction\tchange"_s);
    static const QRegularExpression separators(u"[\t\r\n]"_s);
    for (const AdminChange &c : std::as_const(changes)) {
        QStringList fields{when(c.atMs), c.actor, c.console, c.entity, c.key, c.action, AdminLog::describeChange(c)};
        for (QString &f : fields)
            f.replace(separators, u" "_s);
        ctx.print(fields.join(u'\t'));
    }
    return Ok;
}

} // namespace hotline::ctl
