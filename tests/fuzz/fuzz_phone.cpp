// Phone numbers: parse never crashes, refuses with a reason, and what it accepts is canonical: the normalised
// form parses back to the same number, and masking keeps the length and hides the middle digits.
#include "FuzzSupport.h"

#include "domain/PhoneNumber.h"

using namespace hotline;

namespace {

bool onlyMaskCharacters(const QString &s)
{
    for (QChar c : s) {
        if (!(c.unicode() >= u'0' && c.unicode() <= u'9') && c != u'*' && c != u'-')
            return false;
    }
    return true;
}

void check(const QString &text)
{
    QString error;
    const auto phone = PhoneNumber::parse(text, &error, PhoneNumber::Any);
    const QByteArray input = text.toUtf8();
    if (!phone) {
        FUZZ_CHECK(!error.isEmpty(), input);
    } else {
        FUZZ_CHECK(phone->isValid(), input);
        const QString normalized = phone->normalized();
        const auto again = PhoneNumber::parse(normalized, nullptr, PhoneNumber::Any);
        FUZZ_CHECK(again && *again == *phone && again->normalized() == normalized, input + " -> " + normalized.toUtf8());
        const QString masked = phone->masked();
        FUZZ_CHECK(masked.size() == normalized.size(), input);
        FUZZ_CHECK(onlyMaskCharacters(masked), input);
        if (phone->kind() != PhoneNumber::Kind::Service)
            FUZZ_CHECK(masked != normalized && masked.contains(u'*'), input);
        // Personal numbers are a subset of Any.
        const auto personal = PhoneNumber::parse(text, nullptr, PhoneNumber::Personal);
        FUZZ_CHECK(bool(personal) == (phone->kind() != PhoneNumber::Kind::Service), input);
    }
    // maskPhone never lets non-digit text (a name typed into the phone field) through.
    const QString masked = maskPhone(text);
    FUZZ_CHECK(onlyMaskCharacters(masked), input + " -> " + masked.toUtf8());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    hotline::fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0; // parse refuses anything over PhoneNumber::MaxInputLength; longer inputs only slow the search
    const QByteArray in = hotline::fuzz::bytes(data, size);
    check(QString::fromUtf8(in));
    check(QString::fromLatin1(in));
    return 0;
}
