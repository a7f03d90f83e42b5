// hotlinectl categories|towns import|list: the centre's categories (usual department, time-limit class) and towns.
#include "CtlContext.h"
#include "io/ReferenceImporter.h"
#include "reports/DisplayWidth.h"
#include "service/ReferenceStore.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdCategories(CtlContext &ctx);
int cmdTowns(CtlContext &ctx);

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

int importFile(CtlContext &ctx, ReferenceKind kind, const QString &path)
{
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const ReferenceImportResult r = ReferenceImporter(ws->database(), ws->systemActor()).importFile(kind, path);
    if (!r.ok) {
        ctx.fail(r.errors.join(u'\n'));
        return ctx.fail(CtlContext::tr("Nothing was imported (%1 bad of %2 rows).").arg(r.badRows).arg(r.rows));
    }
    ctx.print(
        kind == ReferenceKind::Categories
            ? CtlContext::tr("Imported %1 categories: %2 new, %3 updated.").arg(r.imported).arg(r.added).arg(r.updated)
            : CtlContext::tr("Imported %1 towns: %2 new, %3 updated.").arg(r.imported).arg(r.added).arg(r.updated));
    return Ok;
}

int list(CtlContext &ctx, ReferenceKind kind, const QString &format)
{
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const QList<ReferenceEntry> entries = ReferenceStore(ws->database()).all(kind);
    const bool isCategory = kind == ReferenceKind::Categories;
    if (format == u"json"_s) {
        QJsonArray rows;
        for (const ReferenceEntry &e : entries) {
            QJsonObject row {{u"code"_s, orNull(e.code)}, {u"name"_s, e.name}, {u"active"_s, e.active}};
            if (isCategory) {
                row.insert(u"department"_s, orNull(e.departmentCode));
                row.insert(
                    u"department_name"_s,
                    orNull(e.departmentCode.isEmpty() ? QString() : ws->queries().departmentName(e.departmentCode)));
                row.insert(u"class"_s, orNull(e.slaClass));
            }
            rows.append(row);
        }
        ctx.out += QJsonDocument(rows).toJson(QJsonDocument::Indented);
        return Ok;
    }
    // Text: aligned columns; every value shown through ReferenceText::shown, never a raw control character.
    QList<QStringList> table;
    table << (isCategory ? QStringList {CtlContext::tr("code"), CtlContext::tr("name"), CtlContext::tr("department"),
                                        CtlContext::tr("class"), CtlContext::tr("status")}
                         : QStringList {CtlContext::tr("code"), CtlContext::tr("name"), CtlContext::tr("status")});
    for (const ReferenceEntry &e : entries) {
        QStringList cells {e.code.isEmpty() ? u"-"_s : e.code, e.name};
        if (isCategory) {
            cells << (e.departmentCode.isEmpty()
                          ? u"-"_s
                          : u"%1 %2"_s.arg(e.departmentCode, ws->queries().departmentName(e.departmentCode)));
            cells << (e.slaClass.isEmpty() ? CtlContext::tr("by ticket type") : e.slaClass);
        }
        cells << (e.active ? CtlContext::tr("active") : CtlContext::tr("disabled"));
        for (QString &c : cells)
            c = ReferenceText::shown(c);
        table << cells;
    }
    QList<int> widths(table.first().size(), 0);
    for (const QStringList &r : std::as_const(table)) {
        for (qsizetype c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(r.at(c)));
    }
    for (const QStringList &r : std::as_const(table)) {
        QString line;
        for (qsizetype c = 0; c < r.size(); ++c)
            line += c + 1 < r.size() ? padToWidth(r.at(c), widths.at(c), true) + u"  "_s : r.at(c);
        ctx.print(line);
    }
    if (entries.isEmpty())
        ctx.print(isCategory ? CtlContext::tr("No categories.") : CtlContext::tr("No towns."));
    return Ok;
}

int run(CtlContext &ctx, ReferenceKind kind)
{
    const QString noun = kind == ReferenceKind::Categories ? u"categories"_s : u"towns"_s;
    const QString usage
        = CtlContext::tr("Usage: hotlinectl %1 import FILE.csv | %1 list [--format text|json]").arg(noun);
    const QStringList &w = ctx.args.words;
    if (w.size() == 2 && w.first() == u"import"_s && !ctx.args.has(u"--format"_s))
        return importFile(ctx, kind, w.at(1));
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    if (w.size() == 1 && w.first() == u"list"_s && (format == u"text"_s || format == u"json"_s))
        return list(ctx, kind, format);
    return ctx.fail(usage, Usage);
}

} // namespace

int cmdCategories(CtlContext &ctx)
{
    return run(ctx, ReferenceKind::Categories);
}

int cmdTowns(CtlContext &ctx)
{
    return run(ctx, ReferenceKind::Towns);
}

} // namespace hotline::ctl
