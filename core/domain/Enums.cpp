#include "domain/Enums.h"

#include <array>
#include <utility>

namespace hotline {
namespace {

template<typename E, std::size_t N>
QString codeOf(const std::array<std::pair<E, const char16_t *>, N> &table, E v)
{
    for (const auto &[value, code] : table) {
        if (value == v)
            return QString::fromUtf16(code);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t *>, N> &table, QStringView code)
{
    for (const auto &[value, name] : table) {
        if (code == QStringView(name))
            return value;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<Channel, const char16_t *>, 7> kChannels{{
    {Channel::Phone, u"phone"},
    {Channel::Weibo, u"weibo"},
    {Channel::WeChat, u"wechat"},
    {Channel::Web, u"web"},
    {Channel::Petition, u"petition"},
    {Channel::Interview, u"interview"},
    {Channel::WalkIn, u"walkin"},
}};
constexpr std::array<std::pair<TicketType, const char16_t *>, 5> kTypes{{
    {TicketType::Consult, u"consult"},
    {TicketType::Complaint, u"complaint"},
    {TicketType::Help, u"help"},
    {TicketType::Suggestion, u"suggestion"},
    {TicketType::Report, u"report"},
}};
constexpr std::array<std::pair<SlaClass, const char16_t *>, 2> kClasses{{
    {SlaClass::Consult, u"consult"},
    {SlaClass::Handling, u"handling"},
}};
constexpr std::array<std::pair<Colour, const char16_t *>, 3> kColours{{
    {Colour::Green, u"green"},
    {Colour::Yellow, u"yellow"},
    {Colour::Red, u"red"},
}};
constexpr std::array<std::pair<Satisfaction, const char16_t *>, 3> kSatisfaction{{
    {Satisfaction::Satisfied, u"satisfied"},
    {Satisfaction::Basic, u"basic"},
    {Satisfaction::Unsatisfied, u"unsatisfied"},
}};
constexpr std::array<std::pair<TicketState, const char16_t *>, 5> kStates{{
    {TicketState::Registered, u"registered"},
    {TicketState::Dispatched, u"dispatched"},
    {TicketState::Signed, u"signed"},
    {TicketState::Replied, u"replied"},
    {TicketState::Closed, u"closed"},
}};
constexpr std::array<std::pair<EventType, const char16_t *>, 22> kEvents{{
    {EventType::Registered, u"registered"},
    {EventType::Dispatched, u"dispatched"},
    {EventType::Signed, u"signed"},
    {EventType::Replied, u"replied"},
    {EventType::ExtensionRequested, u"extension_requested"},
    {EventType::ExtensionApproved, u"extension_approved"},
    {EventType::ExtensionRefused, u"extension_refused"},
    {EventType::Returned, u"returned"},
    {EventType::Transferred, u"transferred"},
    {EventType::Urged, u"urged"},
    {EventType::ReminderSent, u"reminder_sent"},
    {EventType::Overdue, u"overdue"},
    {EventType::Callback, u"callback"},
    {EventType::Closed, u"closed"},
    {EventType::Reopened, u"reopened"},
    {EventType::DeadlineRedecided, u"deadline_redecided"},
    {EventType::AdminChanged, u"admin_changed"},
    {EventType::FollowedUp, u"followed_up"},
    {EventType::Attached, u"attached"},
    {EventType::Merged, u"merged"},
    {EventType::CitizenSmsChanged, u"citizen_sms_changed"},
    {EventType::Renumbered, u"renumbered"},
}};
constexpr std::array<std::pair<ClockOutcome, const char16_t *>, 5> kOutcomes{{
    {ClockOutcome::Running, u""},
    {ClockOutcome::Replied, u"replied"},
    {ClockOutcome::Returned, u"returned"},
    {ClockOutcome::Misroute, u"misroute"},
    {ClockOutcome::Transferred, u"transferred"},
}};

} // namespace

QString toCode(Channel v) { return codeOf(kChannels, v); }
QString toCode(TicketType v) { return codeOf(kTypes, v); }
QString toCode(SlaClass v) { return codeOf(kClasses, v); }
QString toCode(Colour v) { return codeOf(kColours, v); }
QString toCode(Satisfaction v) { return codeOf(kSatisfaction, v); }
QString toCode(TicketState v) { return codeOf(kStates, v); }
QString toCode(EventType v) { return codeOf(kEvents, v); }
QString toCode(ClockOutcome v) { return codeOf(kOutcomes, v); }
std::optional<Channel> channelFromCode(QStringView c) { return valueOf(kChannels, c); }
std::optional<TicketType> ticketTypeFromCode(QStringView c) { return valueOf(kTypes, c); }
std::optional<SlaClass> slaClassFromCode(QStringView c) { return valueOf(kClasses, c); }
std::optional<Colour> colourFromCode(QStringView c) { return valueOf(kColours, c); }
std::optional<Satisfaction> satisfactionFromCode(QStringView c) { return valueOf(kSatisfaction, c); }
std::optional<TicketState> ticketStateFromCode(QStringView c) { return valueOf(kStates, c); }
std::optional<EventType> eventTypeFromCode(QStringView c) { return valueOf(kEvents, c); }
std::optional<ClockOutcome> clockOutcomeFromCode(QStringView c) { return valueOf(kOutcomes, c); }

} // namespace hotline
