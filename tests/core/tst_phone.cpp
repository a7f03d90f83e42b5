// PhoneNumber: mainland China mobile, landline and service numbers; normal form, reasons, masking.

#include "domain/PhoneNumber.h"

#include <QTest>

using namespace hotline;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(hotline::PhoneNumber::Kind)

class TestPhone : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void serviceNumbersOnlyWhenAsked();
    void kindRestrictions();
    void parts();
    void masked_data();
    void masked();
    void maskPhoneOnAnything_data();
    void maskPhoneOnAnything();
};

void TestPhone::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<PhoneNumber::Kind>("kind");
    const auto mobile = PhoneNumber::Kind::Mobile;
    const auto landline = PhoneNumber::Kind::Landline;
    QTest::newRow("mobile") << u"13812345678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile 19x") << u"19912345678"_s << u"19912345678"_s << mobile;
    QTest::newRow("mobile spaced") << u"138 1234 5678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile dashed") << u"138-1234-5678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile +86") << u"+86 138 1234 5678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile +86-") << u"+86-13812345678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile 0086") << u"0086 13812345678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile 86") << u"8613812345678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile (+86)") << u"(+86) 138-1234-5678"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile full-width") << u"１３８１２３４５６７８"_s << u"13812345678"_s << mobile;
    QTest::newRow("mobile padded") << u"  13812345678 "_s << u"13812345678"_s << mobile;
    QTest::newRow("landline 0757") << u"0757-86280000"_s << u"0757-86280000"_s << landline;
    QTest::newRow("landline 7 digits") << u"0763-8628000"_s << u"0763-8628000"_s << landline;
    QTest::newRow("landline 020") << u"020-12345678"_s << u"020-12345678"_s << landline;
    QTest::newRow("landline 010 no dash") << u"01087654321"_s << u"010-87654321"_s << landline;
    QTest::newRow("landline parentheses") << u"(0757)86280000"_s << u"0757-86280000"_s << landline;
    QTest::newRow("landline full-width parentheses") << u"（０７５７）８６２８００００"_s << u"0757-86280000"_s << landline;
    QTest::newRow("landline grouped") << u"0757 8628 0000"_s << u"0757-86280000"_s << landline;
    QTest::newRow("landline extension dash") << u"0757-86280000-123"_s << u"0757-86280000-123"_s << landline;
    QTest::newRow("landline extension 转") << u"0757-86280000转8001"_s << u"0757-86280000-8001"_s << landline;
    QTest::newRow("landline extension 分机") << u"020-87654321 分机 12"_s << u"020-87654321-12"_s << landline;
    QTest::newRow("landline extension ext") << u"0757-86280000 ext. 5"_s << u"0757-86280000-5"_s << landline;
    QTest::newRow("landline extension x") << u"0757 86280000 x55"_s << u"0757-86280000-55"_s << landline;
    QTest::newRow("landline extension #") << u"075786280000#9"_s << u"0757-86280000-9"_s << landline;
    QTest::newRow("landline 7+ext") << u"0763-8628000-12"_s << u"0763-8628000-12"_s << landline;
    QTest::newRow("landline +86 no trunk") << u"+86 757 8628 0000"_s << u"0757-86280000"_s << landline;
    QTest::newRow("landline +86 (0)") << u"+86 (0)757 86280000"_s << u"0757-86280000"_s << landline;
    QTest::newRow("landline +86 Beijing") << u"+86-10-87654321"_s << u"010-87654321"_s << landline;
}

void TestPhone::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(PhoneNumber::Kind, kind);
    QString error;
    const auto phone = PhoneNumber::parse(input, &error);
    QVERIFY2(phone.has_value(), qPrintable(error));
    QVERIFY(phone->isValid());
    QCOMPARE(phone->normalized(), normalized);
    QCOMPARE(phone->kind(), kind);
    // The normal form parses to itself.
    QCOMPARE(PhoneNumber::parse(phone->normalized())->normalized(), normalized);
}

void TestPhone::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << u"  "_s << u"the phone number is empty"_s;
    QTest::newRow("too long") << QString(41, u'1') << u"longer than 40 characters"_s;
    QTest::newRow("letters") << u"138abc45678"_s << u"“138abc45678” contains “a”, which cannot be part of a phone number"_s;
    QTest::newRow("no digits") << u"--"_s << u"contains no digits"_s;
    QTest::newRow("mobile 10 digits") << u"1381234567"_s << u"“1381234567” is not a valid mobile number: it has 10 digits, a mobile number has 11"_s;
    QTest::newRow("mobile 12 digits") << u"138123456789"_s << u"it has 12 digits"_s;
    QTest::newRow("mobile bad prefix") << u"12812345678"_s << u"mobile numbers start with 13 to 19"_s;
    QTest::newRow("mobile with extension") << u"13812345678转1"_s << u"a mobile number has no extension"_s;
    QTest::newRow("foreign") << u"+852 2345 6789"_s << u"not a mainland China number (+86)"_s;
    QTest::newRow("international 00") << u"00852 23456789"_s << u"is an international number"_s;
    QTest::newRow("no area code") << u"86280000"_s << u"“86280000” has no area code; write it like 0757-86280000"_s;
    QTest::newRow("bad 01 area") << u"0187654321"_s << u"has no valid area code"_s;
    QTest::newRow("landline short") << u"0757-862800"_s << u"after the area code 0757 it needs 7 or 8 digits"_s;
    QTest::newRow("landline long") << u"0757-862800001"_s << u"after the area code 0757 it needs 7 or 8 digits"_s;
    QTest::newRow("big city needs 8") << u"020-1234567"_s << u"after the area code 020 it needs 8 digits"_s;
    QTest::newRow("number starts with 0") << u"0757-06280000"_s << u"the number after the area code cannot start with 0"_s;
    QTest::newRow("extension too long") << u"0757-86280000转1234567"_s << u"an extension has at most 6 digits"_s;
    QTest::newRow("marker without digits") << u"0757-86280000 ext"_s << u"marks an extension but gives no extension digits"_s;
    QTest::newRow("two plus signs") << u"++8613812345678"_s << u"contains “+”"_s;
    QTest::newRow("two numbers") << u"13812345678/13912345678"_s << u"contains “/”"_s;
    QTest::newRow("country code only") << u"+86"_s << u"has only a country code"_s;
    QTest::newRow("nonsense") << u"5555"_s << u"is not a mainland China phone number"_s;
}

void TestPhone::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!PhoneNumber::parse(input, &error, PhoneNumber::Any).has_value());
    QVERIFY2(error.contains(reason), qPrintable(error));
    // Works without asking for the reason too.
    QVERIFY(!PhoneNumber::parse(input).has_value());
}

void TestPhone::serviceNumbersOnlyWhenAsked()
{
    for (const QString &n : {u"12345"_s, u"12315"_s, u"10086"_s, u"110"_s, u"95588"_s, u"955990"_s, u"96333"_s,
                             u"400-812-3456"_s, u"8008101234"_s}) {
        QString error;
        const auto any = PhoneNumber::parse(n, &error, PhoneNumber::Any);
        QVERIFY2(any.has_value(), qPrintable(n + u": "_s + error));
        QCOMPARE(any->kind(), PhoneNumber::Kind::Service);
        QVERIFY(!any->normalized().contains(u'-'));
        QVERIFY(!PhoneNumber::parse(n, &error).has_value()); // default: mobile or landline only
        QVERIFY2(error.contains(u"is a service number"_s), qPrintable(error));
    }
    QCOMPARE(PhoneNumber::parse(u"400-812-3456", nullptr, PhoneNumber::Any)->normalized(), u"4008123456"_s);
    // A 5-digit number that is not a known service pattern stays invalid.
    QVERIFY(!PhoneNumber::parse(u"55555", nullptr, PhoneNumber::Any).has_value());
}

void TestPhone::kindRestrictions()
{
    QString error;
    QVERIFY(!PhoneNumber::parse(u"13812345678", &error, PhoneNumber::Kind::Landline).has_value());
    QVERIFY2(error.contains(u"a landline number is needed here"_s), qPrintable(error));
    QVERIFY(!PhoneNumber::parse(u"0757-86280000", &error, PhoneNumber::Kind::Mobile).has_value());
    QVERIFY2(error.contains(u"a mobile number is needed here"_s), qPrintable(error));
    QVERIFY(PhoneNumber::parse(u"13812345678", &error, PhoneNumber::Kind::Mobile).has_value());
}

void TestPhone::parts()
{
    const auto p = PhoneNumber::parse(u"0757-86280000-123");
    QVERIFY(p.has_value());
    QCOMPARE(p->areaCode(), u"0757"_s);
    QCOMPARE(p->subscriber(), u"86280000"_s);
    QCOMPARE(p->extension(), u"123"_s);
    QVERIFY(*p == *PhoneNumber::parse(u"(0757) 8628 0000 转 123"));
    QVERIFY(!(*p == *PhoneNumber::parse(u"0757-86280000")));
    const auto m = PhoneNumber::parse(u"+86 139-0000-1111");
    QCOMPARE(m->areaCode(), QString());
    QCOMPARE(m->subscriber(), u"13900001111"_s);
    QVERIFY(!PhoneNumber().isValid());
}

void TestPhone::masked_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("mobile") << u"138 1234 5678"_s << u"138****5678"_s;
    QTest::newRow("landline 8") << u"0757-86280000"_s << u"0757-****0000"_s;
    QTest::newRow("landline 7") << u"0763-8628001"_s << u"0763-***8001"_s;
    QTest::newRow("landline ext") << u"020-87654321-12"_s << u"020-****4321-12"_s;
    QTest::newRow("service") << u"12345"_s << u"12345"_s;
}

void TestPhone::masked()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    const auto p = PhoneNumber::parse(input, nullptr, PhoneNumber::Any);
    QVERIFY(p.has_value());
    QCOMPARE(p->masked(), masked);
    QCOMPARE(maskPhone(input), masked);
}

void TestPhone::maskPhoneOnAnything_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("foreign") << u"+852 2345 6789"_s << u"852****6789"_s;
    QTest::newRow("short") << u"86280000"_s << u"862*0000"_s;
    QTest::newRow("five digits") << u"55555"_s << u"***55"_s;
    QTest::newRow("three digits") << u"777"_s << u"***"_s;
    QTest::newRow("name, no digits") << u"王先生"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestPhone::maskPhoneOnAnything()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(maskPhone(input), masked);
}

QTEST_GUILESS_MAIN(TestPhone)
#include "tst_phone.moc"
