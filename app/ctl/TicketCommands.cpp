// hotlinectl ticket register|dispatch|sign|return|transfer|reply|extend|decide-extension|callback|close|reopen|
// show|merge|attach|renumber: the console's ticket actions for scripts and drills, through the same TicketService and permission table.
#include "CtlContext.h"
#include "TicketActor.h"

#include "auth/Permissions.h"
#include "domain/DisplayNames.h"
#include "domain/TicketEvent.h"
#include "domain/TicketFold.h"
#include "service/Attachments.h"
#include "service/ReferenceStore.h"
#include "service/TicketService.h"
#include "service/Training.h"
#include "service/Workspace.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "storage/TicketLookup.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdTicketShow(CtlContext &ctx, Workspace &ws, const Actor &actor, const Ticket &ticket); // TicketShow.cpp

namespace {

/** One verb: the action the permission table knows it as, and the options it takes besides the common ones. */
struct Verb
{
    QString word;
    Action action;
    QStringList options;
    EventType event = EventType::Registered; ///< what it records (show: nothing)
};

const QList<Verb> &verbs()
{
    static const QList<Verb> all{
        {u"register"_s, Action::Register,
         {u"--type"_s, u"--channel"_s, u"--summary"_s, u"--details"_s, u"--category"_s, u"--town"_s,
          u"--caller-name"_s, u"--caller-phone"_s, u"--class"_s, u"--no-sms"_s, u"--address"_s, u"--latitude"_s,
          u"--longitude"_s}},
        {u"dispatch"_s, Action::Dispatch, {u"--department"_s}, EventType::Dispatched},
        {u"sign"_s, Action::Sign, {}, EventType::Signed},
        {u"return"_s, Action::Return, {u"--reason"_s}, EventType::Returned},
        {u"transfer"_s, Action::Transfer, {u"--department"_s, u"--reason"_s}, EventType::Transferred},
        {u"reply"_s, Action::Reply, {u"--text"_s}, EventType::Replied},
        {u"extend"_s, Action::RequestExtension, {u"--days"_s, u"--reason"_s}, EventType::ExtensionRequested},
        {u"decide-extension"_s, Action::DecideExtension, {u"--approve"_s, u"--refuse"_s, u"--reason"_s},
         EventType::ExtensionApproved},
        {u"callback"_s, Action::Callback, {u"--answer"_s, u"--text"_s}, EventType::Callback},
        {u"close"_s, Action::Close, {u"--text"_s}, EventType::Closed},
        {u"reopen"_s, Action::Reopen, {u"--reason"_s}, EventType::Reopened},
        {u"show"_s, Action::ViewAllTickets, {u"--format"_s, u"--unmasked"_s}},
        {u"merge"_s, Action::Merge, {u"--into"_s, u"--reason"_s}, EventType::Merged},
        {u"follow-up"_s, Action::FollowUp, {u"--text"_s}, EventType::FollowedUp},
        {u"sms"_s, Action::Register, {u"--on"_s, u"--off"_s}, EventType::CitizenSmsChanged},
        {u"attach"_s, Action::Attach, {u"--stage"_s}, EventType::Attached},
        {u"renumber"_s, Action::Renumber, {u"--reason"_s}, EventType::Renumbered},
    };
    return all;
}

QString usage()
{
    return CtlContext::tr(
        "Usage: hotlinectl ticket VERB [NUMBER] [--as USER] [--at ISO8601] [options]\n"
        "  register --summary TEXT [--type T] [--channel C] [--category NAME] [--town NAME] [--caller-name NAME]\n"
        "           [--caller-phone PHONE] [--details TEXT] [--class consult|handling] [--no-sms]\n"
        "           (prints the new number; --no-sms: the caller declines SMS about the ticket)\n"
        "  dispatch NUMBER --department NAME|CODE      sign NUMBER      reply NUMBER --text TEXT\n"
        "  return NUMBER --reason TEXT                 transfer NUMBER --department NAME|CODE --reason TEXT\n"
        "  extend NUMBER --days N --reason TEXT        decide-extension NUMBER --approve|--refuse [--reason TEXT]\n"
        "  callback NUMBER --answer satisfied|basic|unsatisfied [--text TEXT]\n"
        "  close NUMBER [--text TEXT]                  reopen NUMBER --reason TEXT\n"
        "  show NUMBER [--format text|json] [--unmasked]\n"
        "  merge NUMBER --into NUMBER [--reason TEXT]  (the same incident: NUMBER follows the other and is answered with it)\n"
        "  follow-up NUMBER --text TEXT   (the citizen's progress call, 催办)\n"
        "  sms NUMBER --on|--off          (SMS to the caller about this ticket)\n"
        "  register … [--address TEXT] [--latitude DEG --longitude DEG]   the place of the matter\n"
        "  attach NUMBER FILE [--stage registration|before|after|document]   a photo or document\n"
        "  renumber NUMBER [--id PREFIX] [--reason TEXT]   a new number from this console's sequence (prints it)\n"
        "--id PREFIX picks one ticket when NUMBER names several (two consoles gave it alike); a former number\n"
        "still finds a renumbered ticket.\n"
        "--as USER reads USER's password from standard input; on a training database the training users act\n"
        "without it, and --at backdates or forwards the action (only there).");
}

/** The options every verb takes. */
bool isCommonOption(const QString &option)
{
    static const QSet<QString> common{u"--db"_s, u"-o"_s, u"--force"_s, u"--as"_s, u"--at"_s, u"--id"_s};
    return common.contains(option);
}

QString when(Workspace &ws, qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, ws.sla().calendar().timeZone()).toString(u"yyyy-MM-dd HH:mm:ss t"_s);
}

/**
 * The ticket a command names: by number (now or formerly), or by its id (a script that kept one); --id PREFIX picks
 * one of several tickets of one number. Not found or ambiguous: the message lists what the number names.
 */
TicketMatch findTicket(Workspace &ws, const QString &key, const QString &idPrefix = QString())
{
    return TicketLookup(ws.database()).resolve(key, idPrefix, ws.sla().calendar().timeZone());
}

/** The message for a number that names several tickets: the list, and the two ways on. */
QString ambiguity(const TicketMatch &m, const QString &number)
{
    return m.message + u'\n'
         + CtlContext::tr("Pick one with --id PREFIX (the first characters of its id above), or give one of them a "
                          "new number: hotlinectl ticket renumber %1 --id PREFIX --as USER.")
               .arg(number);
}

/** The department --department names, by code, another code of it or its name; empty after printing why. */
QString department(CtlContext &ctx, Workspace &ws)
{
    const QString value = ctx.args.value(u"--department"_s);
    if (value.isEmpty()) {
        ctx.fail(CtlContext::tr("Give the department: --department NAME|CODE."), Usage);
        return {};
    }
    const QString code = ReferenceStore(ws.database()).resolveDepartment(value);
    if (code.isEmpty())
        ctx.fail(CtlContext::tr("There is no department \"%1\" (by code or name). See the departments in the console's "
                                "administration or import them with hotlinectl departments import.")
                     .arg(value));
    return code;
}

/** Checks a category or town against the reference lists: registration offers only active entries. */
QString referenceProblem(Workspace &ws, ReferenceKind kind, const QString &value)
{
    if (value.trimmed().isEmpty())
        return {};
    const std::optional<ReferenceEntry> e = ReferenceStore(ws.database()).byName(kind, value.trimmed());
    if (e && e->active)
        return {};
    return kind == ReferenceKind::Categories
        ? CtlContext::tr("There is no category \"%1\" (see hotlinectl categories list).").arg(value)
        : CtlContext::tr("There is no town \"%1\" (see hotlinectl towns list).").arg(value);
}

int registerTicket(CtlContext &ctx, Workspace &ws, TicketService &service, const Actor &actor)
{
    NewTicket input;
    if (ctx.args.has(u"--type"_s)) {
        const auto type = ticketTypeFromCode(ctx.args.value(u"--type"_s));
        if (!type)
            return ctx.fail(CtlContext::tr("\"%1\" is not a ticket type (consult, complaint, help, suggestion, report).")
                                .arg(ctx.args.value(u"--type"_s)),
                            Usage);
        input.type = *type;
    }
    if (ctx.args.has(u"--channel"_s)) {
        const auto channel = channelFromCode(ctx.args.value(u"--channel"_s));
        if (!channel)
            return ctx.fail(CtlContext::tr("\"%1\" is not a channel (phone, weibo, wechat, web, petition, interview, "
                                           "walkin).")
                                .arg(ctx.args.value(u"--channel"_s)),
                            Usage);
        input.channel = *channel;
    }
    input.summary = ctx.args.value(u"--summary"_s);
    input.details = ctx.args.value(u"--details"_s);
    input.category = ctx.args.value(u"--category"_s);
    input.town = ctx.args.value(u"--town"_s);
    input.callerName = ctx.args.value(u"--caller-name"_s);
    input.callerPhone = ctx.args.value(u"--caller-phone"_s);
    input.citizenSms = !ctx.args.has(u"--no-sms"_s);
    input.address = ctx.args.value(u"--address"_s);
    for (const auto &[option, target] : {std::pair{u"--latitude"_s, &input.latitude},
                                         std::pair{u"--longitude"_s, &input.longitude}}) {
        if (!ctx.args.has(option))
            continue;
        bool ok = false;
        const double v = ctx.args.value(option).toDouble(&ok);
        if (!ok)
            return ctx.fail(CtlContext::tr("%1 is a number of degrees, not \"%2\".").arg(option, ctx.args.value(option)),
                            Usage);
        *target = v;
    }
    for (const FieldError &e : TicketService::validate(input))
        return ctx.fail(u"--%1: %2"_s.arg(QString(e.field).replace(u'_', u'-'), e.message));
    for (const auto &[kind, value] : {std::pair{ReferenceKind::Categories, input.category},
                                      std::pair{ReferenceKind::Towns, input.town}}) {
        if (const QString why = referenceProblem(ws, kind, value); !why.isEmpty())
            return ctx.fail(why);
    }
    // The class follows the type and category (the centre's policy), as in the console; --class only states
    // what the script expects, so a drill cannot start a clock the console would not have started.
    if (ctx.args.has(u"--class"_s)) {
        const auto expected = slaClassFromCode(ctx.args.value(u"--class"_s));
        if (!expected)
            return ctx.fail(CtlContext::tr("--class is consult or handling, not \"%1\".").arg(ctx.args.value(u"--class"_s)),
                            Usage);
        const SlaClass actual = ws.sla().policy().classFor(input.type, input.category.trimmed());
        if (actual != *expected)
            return ctx.fail(CtlContext::tr("A ticket of type %1 in category \"%2\" has the time limit %3, not %4: the "
                                           "type and the category decide it.")
                                .arg(toCode(input.type), input.category, toCode(actual), toCode(*expected)));
    }
    QString error;
    const QString id = service.registerTicket(actor, input, &error);
    if (id.isEmpty())
        return ctx.fail(error);
    // The number alone: scripts capture it (N=$(hotlinectl ticket register ...)).
    ctx.print(ws.events().ticket(id).number);
    return Ok;
}

/** Runs one action on an existing ticket; the confirmation names the ticket and what happened. */
int act(CtlContext &ctx, Workspace &ws, TicketService &service, const Actor &actor, const QString &verb,
        const Ticket &t)
{
    QString error;
    bool ok = false;
    const QString reason = ctx.args.value(u"--reason"_s);
    const QString text = ctx.args.value(u"--text"_s);
    if (verb == u"dispatch"_s || verb == u"transfer"_s) {
        const QString code = department(ctx, ws);
        if (code.isEmpty())
            return Failed;
        ok = verb == u"dispatch"_s ? service.dispatch(actor, t.id, code, &error)
                                   : service.transfer(actor, t.id, code, reason, &error);
    } else if (verb == u"sign"_s) {
        ok = service.sign(actor, t.id, &error);
    } else if (verb == u"return"_s) {
        ok = service.returnTicket(actor, t.id, reason, &error);
    } else if (verb == u"reply"_s) {
        ok = service.reply(actor, t.id, text, &error);
    } else if (verb == u"extend"_s) {
        ok = service.requestExtension(actor, t.id, ctx.args.value(u"--days"_s).toInt(), reason, &error);
    } else if (verb == u"decide-extension"_s) {
        ok = service.decideExtension(actor, t.id, ctx.args.has(u"--approve"_s), reason, &error);
    } else if (verb == u"callback"_s) {
        ok = service.callback(actor, t.id, *satisfactionFromCode(ctx.args.value(u"--answer"_s)), text, &error);
    } else if (verb == u"close"_s) {
        ok = service.close(actor, t.id, text, &error);
    } else if (verb == u"reopen"_s) {
        ok = service.reopen(actor, t.id, reason, &error);
    } else if (verb == u"merge"_s) {
        const TicketMatch parent = findTicket(ws, ctx.args.value(u"--into"_s));
        if (parent.outcome == TicketMatch::Outcome::Ambiguous)
            return ctx.fail(parent.message);
        if (!parent.ok())
            return ctx.fail(CtlContext::tr("There is no ticket %1.").arg(ctx.args.value(u"--into"_s)));
        ok = service.merge(actor, t.id, parent.found.ticket.id, reason, &error);
    } else if (verb == u"follow-up"_s) {
        ok = service.followUp(actor, t.id, text, &error);
    } else if (verb == u"sms"_s) {
        ok = service.setCitizenSms(actor, t.id, ctx.args.has(u"--on"_s), &error);
    } else if (verb == u"renumber"_s) {
        const QString number = service.renumber(actor, t.id, reason, &error);
        if (number.isEmpty())
            return ctx.fail(error);
        // The new number alone, like register: scripts capture it.
        ctx.print(number);
        return Ok;
    }
    if (!ok)
        return ctx.fail(error);
    const Ticket now = ws.events().ticket(t.id);
    if (verb == u"merge"_s) {
        ctx.print(CtlContext::tr("%1 now follows %2 and is answered with it.")
                      .arg(now.number, ws.events().ticket(now.parentId).number));
        return Ok;
    }
    QString line = CtlContext::tr("%1: %2 by %3, now %4").arg(now.number, verb, actor.user, toCode(now.state));
    if (now.isCounting() && now.deadlineS)
        line += CtlContext::tr(", with %1 until %2").arg(now.department, when(ws, *now.deadlineS * 1000));
    ctx.print(line);
    return Ok;
}

/** `ticket attach NUMBER FILE [--stage S]`: the file's bytes through the attachment service. */
int attachFile(CtlContext &ctx, Workspace &ws, const Clock &clock, const Actor &actor, const Ticket &t)
{
    const QString path = ctx.args.words.value(2);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(CtlContext::tr("Cannot read %1: %2").arg(path, file.errorString()));
    // Refused before reading a file far over the limit into memory.
    const qint64 maxBytes = ws.settings().attachmentMaxBytes();
    if (const QString why = Attachments::sizeProblem(path, file.size(), maxBytes); !why.isEmpty())
        return ctx.fail(why);
    const QByteArray bytes = file.readAll();
    QString error;
    Attachments service(ws.database(), ws.events(), clock);
    const QString hash = service.attach(actor, t.id, {QFileInfo(path).fileName(), bytes,
                                                      ctx.args.value(u"--stage"_s, u"document"_s)}, &error);
    if (hash.isEmpty())
        return ctx.fail(error);
    ctx.print(CtlContext::tr("%1: attached %2 (%3 bytes, sha256 %4) by %5")
                  .arg(t.number, QFileInfo(path).fileName(), QString::number(bytes.size()), hash, actor.user));
    return Ok;
}

/** Usage errors a verb's options can have, found before the database is opened. */
QString optionProblem(const CtlArguments &args, const QString &verb)
{
    if (verb == u"extend"_s) {
        bool ok = false;
        const int days = args.value(u"--days"_s).toInt(&ok);
        if (!ok || days < 1)
            return CtlContext::tr("extend needs --days N, a whole number of working days.");
    }
    if (verb == u"decide-extension"_s && args.has(u"--approve"_s) == args.has(u"--refuse"_s))
        return CtlContext::tr("decide-extension needs either --approve or --refuse.");
    if (verb == u"callback"_s && !satisfactionFromCode(args.value(u"--answer"_s)))
        return CtlContext::tr("callback needs --answer satisfied, basic or unsatisfied.");
    if (verb == u"merge"_s && args.value(u"--into"_s).trimmed().isEmpty())
        return CtlContext::tr("merge needs --into NUMBER, the ticket the call follows.");
    if (verb == u"sms"_s && args.has(u"--on"_s) == args.has(u"--off"_s))
        return CtlContext::tr("ticket sms needs either --on or --off.");
    if (verb == u"follow-up"_s && args.value(u"--text"_s).trimmed().isEmpty())
        return CtlContext::tr("follow-up needs --text: what the citizen asked.");
    if (verb == u"attach"_s && args.has(u"--stage"_s) && !Attachments::isStage(args.value(u"--stage"_s)))
        return CtlContext::tr("attach --stage is registration, before, after or document.");
    if (verb == u"show"_s) {
        const QString format = args.value(u"--format"_s, u"text"_s);
        if (format != u"text"_s && format != u"json"_s)
            return CtlContext::tr("show --format is text or json.");
    }
    return {};
}

} // namespace

int cmdTicket(CtlContext &ctx)
{
    const QStringList &w = ctx.args.words;
    const QString verbWord = w.value(0);
    const Verb *verb = nullptr;
    for (const Verb &v : verbs()) {
        if (v.word == verbWord)
            verb = &v;
    }
    const bool isRegister = verbWord == u"register"_s;
    const qsizetype words = isRegister ? 1 : verbWord == u"attach"_s ? 3 : 2;
    if (!verb || w.size() != words)
        return ctx.fail(usage(), Usage);
    for (const QString &option : ctx.args.given()) {
        if (!isCommonOption(option) && !verb->options.contains(option))
            return ctx.fail(CtlContext::tr("ticket %1 does not take %2.").arg(verb->word, option), Usage);
    }
    if (verb->word == u"show"_s && ctx.args.has(u"--at"_s))
        return ctx.fail(CtlContext::tr("ticket show has no --at: it shows the ticket as recorded."), Usage);
    if (const QString why = optionProblem(ctx.args, verb->word); !why.isEmpty())
        return ctx.fail(why, Usage);

    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const bool training = Training::isTraining(ws->database());
    std::optional<qint64> atMs;
    if (ctx.args.has(u"--at"_s)) {
        // A simulated clock exists only for drills: a real ticket's history is what happened, when it happened.
        if (!training)
            return ctx.fail(CtlContext::tr("--at is accepted only on a training database: no back-dating on a real "
                                           "record."));
        QString error;
        atMs = ctx.parseInstant(ctx.args.value(u"--at"_s), &error);
        if (!atMs)
            return ctx.fail(error, Usage);
    }

    Ticket ticket;
    if (!isRegister) {
        const TicketMatch match = findTicket(*ws, w.at(1), ctx.args.value(u"--id"_s));
        if (match.outcome == TicketMatch::Outcome::Ambiguous)
            return ctx.fail(ambiguity(match, w.at(1)));
        if (!match.ok())
            return ctx.fail(match.message);
        ticket = match.found.ticket;
        // A former number still finds its ticket; say which number it has now.
        if (match.found.formerNumber && verb->word != u"renumber"_s)
            ctx.fail(CtlContext::tr("%1 is the former number of ticket %2.").arg(w.at(1), ticket.number), Ok);
    }
    // On a training database the actor follows from the ticket's state; a ticket in the wrong state for the action
    // has no such actor, and the state is the reason to give (with --as the permission is checked first, as in
    // the console: who may not act learns nothing about the state).
    if (training && !ctx.args.has(u"--as"_s) && ticket.exists() && verb->word != u"show"_s) {
        if (const QString why = TicketFold::check(ticket, verb->event); !why.isEmpty())
            return ctx.fail(why);
    }
    int code = Ok;
    const std::optional<Actor> actor = ticketActor(ctx, *ws, verb->action, ticket, &code);
    if (!actor)
        return code;
    if (verb->word == u"show"_s)
        return cmdTicketShow(ctx, *ws, *actor, ticket);

    ManualClock actionClock(atMs.value_or(ctx.clock().nowMs()));
    if (atMs && ticket.exists()) {
        const QList<TicketEvent> history = ws->events().history(ticket.id);
        if (!history.isEmpty() && *atMs < history.constLast().atMs)
            return ctx.fail(CtlContext::tr("--at %1 is before the ticket's last event (%2): a drill's clock does not "
                                           "run backwards.")
                                .arg(ctx.args.value(u"--at"_s), when(*ws, history.constLast().atMs)));
    }
    // The workspace's own service runs on the wall clock; this one on the action's clock, with the same store,
    // settings and calendar, so the same rules decide.
    TicketService service(ws->database(), ws->events(), actionClock, [ws] { return ws->sla(); });
    if (verb->word == u"attach"_s)
        return attachFile(ctx, *ws, actionClock, *actor, ticket);
    if (isRegister)
        return registerTicket(ctx, *ws, service, *actor);
    return act(ctx, *ws, service, *actor, verb->word, ticket);
}

} // namespace hotline::ctl
