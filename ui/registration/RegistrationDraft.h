#pragma once

#include "domain/Enums.h"
#include "service/TicketService.h"

#include <QJsonObject>
#include <QString>

namespace hotline {

/**
 * Everything typed into the registration form, as one value: what the form submits, what a draft stores
 * and what a restored draft puts back. The JSON form is the `drafts.content` column (see toJson()).
 */
struct RegistrationDraft
{
    /** Version of the JSON layout; a draft of an unknown newer version is not offered. */
    static constexpr int kFormatVersion = 1;

    Channel channel = Channel::Phone;
    TicketType type = TicketType::Consult;
    QString callerPhone;
    QString callerName;
    bool anonymous = false;
    QString town;
    QString category;
    QString summary;
    QString details;
    QString intakeAnswer;
    bool closeAtIntake = false;
    bool declinesSms = false; ///< the caller wants no SMS about the ticket (NewTicket::citizenSms false)
    QString address;      ///< the place of the matter
    QString coordinates;  ///< "latitude, longitude" as typed (optional)

    /** Nothing worth keeping was typed (channel and type alone are not a call). */
    bool isBlank() const;
    /** Whether submitting closes the ticket at intake (a consultation answered on the phone). */
    bool closesAtIntake() const { return type == TicketType::Consult && closeAtIntake; }
    /** The service's input; an anonymous caller's name and phone are left out. */
    NewTicket toNewTicket() const;

    /**
     * `{"v":1,"channel":"phone","type":"consult","caller_phone":…,"caller_name":…,"anonymous":false,
     * "town":…,"category":…,"summary":…,"details":…,"intake_answer":…,"close_at_intake":false}` — codes
     * and key spellings as in the ticket events, text exactly as typed (not trimmed); "declines_sms":true only
     * when the caller declined SMS.
     */
    QJsonObject toJson() const;
    /** Reads toJson()'s form; unknown codes fall back to the defaults, missing keys are empty. */
    static RegistrationDraft fromJson(const QJsonObject &json);

    /**
     * Reads "23.0329, 113.1453" (also with a space, a full-width comma or a semicolon between): true with both
     * numbers, false for anything else. Empty text is no coordinates (true, both unset).
     */
    static bool parseCoordinates(const QString &text, std::optional<double> *latitude, std::optional<double> *longitude);

    bool operator==(const RegistrationDraft &) const = default;
};

} // namespace hotline
