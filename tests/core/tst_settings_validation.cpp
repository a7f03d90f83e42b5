// Every setting checked by its type and range (issue 13): what `config set`, the console's settings page and
// settings pulled from the shared server all go through.
#include "TestWorkspace.h"
#include "storage/Settings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestSettingsValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKeyHasATypeAndRangeAndAValidDefault()
    {
        for (const SettingSpec &s : Settings::specs()) {
            QVERIFY2(Settings::validate(s.key, s.defaultValue).isEmpty(),
                     qPrintable(s.key + u": "_s + Settings::validate(s.key, s.defaultValue)));
            switch (s.type) {
            case SettingType::WholeNumber:
            case SettingType::Decimal:
                QVERIFY2(s.min <= s.max && s.max > 0, qPrintable(s.key));
                // Just outside the range is refused, the ends are accepted.
                QVERIFY2(Settings::validate(s.key, QString::number(s.max)).isEmpty(), qPrintable(s.key));
                QVERIFY2(!Settings::validate(s.key, QString::number(s.max + 1)).isEmpty(), qPrintable(s.key));
                QVERIFY2(!Settings::validate(s.key, u"-1"_s).isEmpty(), qPrintable(s.key));
                QVERIFY2(!Settings::validate(s.key, u"nan"_s).isEmpty(), qPrintable(s.key));
                QVERIFY2(!Settings::validate(s.key, u"inf"_s).isEmpty(), qPrintable(s.key));
                QVERIFY2(!Settings::validate(s.key, QString()).isEmpty(), qPrintable(s.key));
                break;
            default:
                QVERIFY2(s.max > 0, qPrintable(s.key)); // a length limit (or, for periods, a count)
            }
            // Nothing invisible gets in, whatever the type.
            QVERIFY2(!Settings::validate(s.key, s.defaultValue + u"\u202E"_s).isEmpty(), qPrintable(s.key));
            QVERIFY2(!Settings::validate(s.key, s.defaultValue + u"\x1b[2J"_s).isEmpty(), qPrintable(s.key));
            // Found by attacking issue 13: the Arabic letter mark (a bidi control TextRules forbids) got in.
            QVERIFY2(!Settings::validate(s.key, s.defaultValue + u"\u061C"_s).isEmpty(), qPrintable(s.key));
        }
    }

    void refused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason"); // a word the message must contain
        QTest::newRow("empty zone") << u"centre.timezone"_s << QString() << u"empty"_s;
        QTest::newRow("unknown zone") << u"centre.timezone"_s << u"Asia/Nowhere"_s << u"Asia/Nowhere"_s;
        QTest::newRow("zone with space") << u"centre.timezone"_s << u"Asia/Shanghai "_s << u"time zone"_s;
        QTest::newRow("yellow nan") << u"sla.yellow_hours"_s << u"nan"_s << u"sla.yellow_hours"_s;
        QTest::newRow("yellow inf") << u"sla.yellow_hours"_s << u"inf"_s << u"sla.yellow_hours"_s;
        QTest::newRow("yellow exponent") << u"sla.yellow_hours"_s << u"1e1"_s << u"sla.yellow_hours"_s;
        QTest::newRow("yellow zero") << u"sla.yellow_hours"_s << u"0"_s << u"sla.yellow_hours"_s;
        QTest::newRow("yellow negative") << u"sla.yellow_hours"_s << u"-2"_s << u"sla.yellow_hours"_s;
        QTest::newRow("negative days") << u"sla.handling_days"_s << u"-5"_s << u"sla.handling_days"_s;
        QTest::newRow("absurd days") << u"sla.handling_days"_s << u"36500"_s << u"60"_s;
        QTest::newRow("fraction days") << u"sla.consult_days"_s << u"1.5"_s << u"whole"_s;
        QTest::newRow("days with plus") << u"sla.consult_days"_s << u"+1"_s << u"whole"_s;
        QTest::newRow("reversed period") << u"work.periods"_s << u"12:00-08:30"_s << u"end after"_s;
        QTest::newRow("empty period") << u"work.periods"_s << u"08:30-08:30"_s << u"end after"_s;
        QTest::newRow("overlapping") << u"work.periods"_s << u"08:30-12:00,11:00-17:30"_s << u"overlaps"_s;
        QTest::newRow("out of order") << u"work.periods"_s << u"14:00-17:30,08:30-12:00"_s << u"overlaps"_s;
        QTest::newRow("past midnight") << u"work.periods"_s << u"08:30-24:30"_s << u"23:59"_s;
        QTest::newRow("minute 60") << u"work.periods"_s << u"08:60-12:00"_s << u"23:59"_s;
        QTest::newRow("no periods") << u"work.periods"_s << u" "_s << u"at least one"_s;
        QTest::newRow("empty part") << u"work.periods"_s << u"08:30-12:00,,14:00-17:30"_s << u"HH:MM"_s;
        QTest::newRow("not a period") << u"work.periods"_s << u"morning"_s << u"morning"_s;
        QTest::newRow("ftp url") << u"sms.url"_s << u"ftp://gateway/sms"_s << u"http"_s;
        QTest::newRow("url without host") << u"sms.url"_s << u"http://"_s << u"http"_s;
        QTest::newRow("url with space") << u"sms.url"_s << u"http://gate way/sms"_s << u"http"_s;
        QTest::newRow("token with space") << u"sms.token"_s << u"abc def"_s << u"spaces"_s;
        QTest::newRow("token with newline") << u"sms.token"_s << u"abc\ndef"_s << u"control"_s;
        QTest::newRow("empty name") << u"centre.name"_s << u"  "_s << u"empty"_s;
        QTest::newRow("long name") << u"centre.name"_s << QString(101, u'热') << u"100"_s;
        QTest::newRow("zero-width name") << u"centre.name"_s << u"民声\u200B热线"_s << u"zero-width"_s;
        QTest::newRow("template unknown") << u"sms.template"_s << u"{number}{who}"_s << u"{who}"_s;
        QTest::newRow("template no number") << u"sms.urge_template"_s << u"请办理"_s << u"{number}"_s;
        QTest::newRow("template too long") << u"sms.template"_s << u"{number}"_s + QString(300, u'字') << u"300"_s;
        QTest::newRow("timeout zero") << u"sms.timeout_seconds"_s << u"0"_s << u"1 to 120"_s;
        QTest::newRow("interval huge") << u"sync.interval_seconds"_s << u"99999999999"_s << u"3600"_s;
        QTest::newRow("lockout zero") << u"security.lockout_attempts"_s << u"0"_s << u"1 to 100"_s;
        QTest::newRow("idle negative") << u"security.idle_lock_minutes"_s << u"-1"_s << u"0 to 1440"_s;
        QTest::newRow("unknown key") << u"sla.days"_s << u"1"_s << u"sla.days"_s;
        // Honest figures (issue 14): the example shown lies inside the range.
        QTest::newRow("weight above one") << u"assessment.weight.on_time"_s << u"2"_s << u"e.g. 0.5"_s;
        QTest::newRow("negative penalty") << u"assessment.penalty.breach"_s << u"-1"_s << u"e.g. 2.5"_s;
        QTest::newRow("misroute negative") << u"sla.misroute_hours"_s << u"-1"_s << u"0 to 48"_s;
        QTest::newRow("dispatch zero") << u"sla.dispatch_hours"_s << u"0"_s << u"sla.dispatch_hours"_s;
        QTest::newRow("callback zero") << u"sla.callback_days"_s << u"0"_s << u"1 to 30"_s;
        QTest::newRow("duty phone short") << u"dispatch.duty_phones"_s << u"123"_s << u"123"_s;
        QTest::newRow("duty phone landline") << u"dispatch.duty_phones"_s << u"13800138000,010-12345678"_s
                                             << u"010-12345678"_s;
        QTest::newRow("duty phones too many") << u"dispatch.duty_phones"_s
                                              << QStringList(11, u"13800138000"_s).join(u',') << u"10"_s;
        QTest::newRow("merge window zero") << u"merge.window_days"_s << u"0"_s << u"1 to 90"_s;
        QTest::newRow("merge window long") << u"merge.window_days"_s << u"91"_s << u"1 to 90"_s;
    }

    void refused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        const QString why = Settings::validate(key, value);
        QVERIFY2(why.contains(reason), qPrintable(u"\""_s + why + u"\" lacks "_s + reason));
        // The store refuses it too, and keeps what it had.
        TestWorkspace tw;
        QString error;
        const QString before = tw.ws->settings().value(key);
        QVERIFY(!tw.ws->settings().set(key, value, &error));
        QCOMPARE(error, why);
        QCOMPARE(tw.ws->settings().value(key), before);
    }

    void accepted_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("utc") << u"centre.timezone"_s << u"UTC"_s;
        QTest::newRow("urumqi") << u"centre.timezone"_s << u"Asia/Urumqi"_s;
        QTest::newRow("touching periods") << u"work.periods"_s << u"08:00-12:00,12:00-18:00"_s;
        QTest::newRow("late period") << u"work.periods"_s << u"00:00-23:59"_s;
        QTest::newRow("spaces around") << u"work.periods"_s << u"08:30-12:00, 14:00-17:30"_s;
        QTest::newRow("half hour") << u"sla.yellow_hours"_s << u"0.5"_s;
        QTest::newRow("sms off") << u"sms.url"_s << QString();
        QTest::newRow("https") << u"sms.url"_s << u"https://sms.example.cn/send?x=1"_s;
        QTest::newRow("token") << u"sms.token"_s << u"eyJhbGciOi.J9-_~+/="_s;
        QTest::newRow("never lock") << u"security.idle_lock_minutes"_s << u"0"_s;
        QTest::newRow("misroute off") << u"sla.misroute_hours"_s << u"0"_s;
        QTest::newRow("duty phones") << u"dispatch.duty_phones"_s << u"13800138000, +86 139 0000 0011"_s;
        QTest::newRow("no duty phones") << u"dispatch.duty_phones"_s << QString();
        QTest::newRow("merge window") << u"merge.window_days"_s << u"30"_s;
    }

    void accepted()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QVERIFY2(Settings::validate(key, value).isEmpty(), qPrintable(Settings::validate(key, value)));
    }

    void secretsAreShownMasked()
    {
        QCOMPARE(Settings::shown(u"sms.token"_s, u"s3cret"_s), u"••••"_s);
        QCOMPARE(Settings::shown(u"sms.token"_s, QString()), QString()); // "not set" stays visible
        QVERIFY(Settings::isSecret(u"sms.token"_s));
        QVERIFY(!Settings::isSecret(u"sms.url"_s));
        const QString url = Settings::shown(u"sms.url"_s, u"https://user:hunter2@sms.example.cn/send"_s);
        QVERIFY2(!url.contains(u"hunter2"_s), qPrintable(url));
        QVERIFY(url.contains(u"sms.example.cn"_s));
        QCOMPARE(Settings::shown(u"sla.consult_days"_s, u"2"_s), u"2"_s);
    }
};

QTEST_GUILESS_MAIN(TestSettingsValidation)
#include "tst_settings_validation.moc"
