#include "TicketCsvGenerator.h"

#include "BenchSupport.h"
#include "domain/Enums.h"
#include "sla/SlaClock.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace hotline::bench {
namespace {

constexpr qint64 kOffsetS = 8 * 3600; // the centre's UTC offset (Asia/Shanghai has no DST since 1991)
constexpr qint64 kDayS = 86400;

/** xorshift64*: fast, deterministic, good enough for test data. */
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed ? seed * 0x9E3779B97F4A7C15ULL : 1)
    {
    }
    quint64 next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1DULL;
    }
    /** Uniform in [0, 1). */
    double real() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    /** Uniform in [0, n). */
    qint64 below(qint64 n) { return qint64(next() % quint64(n)); }
    /** Uniform in [lo, hi]. */
    qint64 between(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return real() < p; }
    template<typename T, std::size_t N> const T &pick(const std::array<T, N> &a)
    {
        return a[std::size_t(below(qint64(N)))];
    }

private:
    quint64 m_state;
};

/** Picks an index with the given weights. */
template<std::size_t N> class Weighted
{
public:
    explicit Weighted(const std::array<double, N> &weights)
    {
        double sum = 0;
        for (std::size_t i = 0; i < N; ++i) {
            sum += weights[i];
            m_cumulative[i] = sum;
        }
        for (double &c : m_cumulative)
            c /= sum;
    }
    std::size_t pick(Rng &rng) const
    {
        const double r = rng.real();
        for (std::size_t i = 0; i < N; ++i) {
            if (r < m_cumulative[i])
                return i;
        }
        return N - 1;
    }

private:
    std::array<double, N> m_cumulative {};
};

// --- Reference data: Nanhai district, Foshan -----------------------------------------------------------

struct Town
{
    const char *name;
    const char *government; // the town's department
    std::array<const char *, 3> roads;
};

constexpr std::array<Town, 8> kTowns {{
    {"桂城", "桂城街道办事处", {"南海大道", "桂澜路", "海八路"}},
    {"九江", "九江镇人民政府", {"沙口路", "儒林路", "九江大道"}},
    {"西樵", "西樵镇人民政府", {"樵高路", "西樵大道", "百西路"}},
    {"丹灶", "丹灶镇人民政府", {"金沙大道", "丹灶大道", "东联路"}},
    {"狮山", "狮山镇人民政府", {"狮山大道", "桃园路", "博爱路"}},
    {"大沥", "大沥镇人民政府", {"广佛路", "黄岐大道", "沥苑路"}},
    {"里水", "里水镇人民政府", {"里水大道", "和顺路", "甘蕉路"}},
    {"罗村", "罗村街道办事处", {"罗村大道", "佛山一环", "孝德路"}},
}};
constexpr std::array<double, 9> kTownWeights {22, 8, 8, 7, 18, 16, 10, 6, 5}; // last: town not given

constexpr std::array<const char *, 10> kBureaus {
    "南海区住房城乡建设和水利局", "南海区市场监督管理局",
    "南海区人力资源和社会保障局", "南海区教育局",
    "南海区卫生健康局",           "南海区交通运输局",
    "佛山市生态环境局南海分局",   "南海区城市管理和综合执法局",
    "南海区医疗保障局",           "佛山市自然资源局南海分局",
};
enum Bureau { Housing, Market, Labour, Education, Health, Transport, Environment, CityAdmin, Insurance, Land };

struct Category
{
    const char *name;
    int bureau;
    std::array<const char *, 3> issues; // what a complaint or help request reports
    const char *topic; // what a consultation asks about
};

constexpr std::array<Category, 16> kCategories {{
    {"噪音扰民",
     CityAdmin,
     {"夜间施工噪音扰民", "广场舞音响声音过大", "商铺高音喇叭招揽顾客"},
     "夜间施工许可的申请条件"},
    {"占道经营",
     CityAdmin,
     {"流动摊贩占道经营", "商铺长期占用人行道堆放货物", "夜市摊档堵塞消防通道"},
     "临时摊位的申请办法"},
    {"消费维权",
     Market,
     {"健身房闭店后拒不退还会员费", "网购商品存在质量问题商家拒绝退货", "预付卡无法使用"},
     "消费投诉的受理流程"},
    {"食品安全", Market, {"餐馆后厨卫生状况差", "超市出售过期食品", "无证经营小食店"}, "食品经营许可证的办理"},
    {"拖欠工资",
     Labour,
     {"工厂拖欠三个月工资", "装修公司拖欠农民工工资", "公司解散后未支付经济补偿"},
     "劳动仲裁的申请材料"},
    {"社保缴纳",
     Labour,
     {"用人单位未依法缴纳社保", "社保缴费记录缺失", "失业金申领遇到困难"},
     "灵活就业人员社保的缴费标准"},
    {"物业管理",
     Housing,
     {"物业公司乱收停车费", "小区电梯长期故障无人维修", "物业擅自占用公共区域"},
     "业主大会的成立程序"},
    {"房屋质量",
     Housing,
     {"新交付楼盘墙体开裂渗水", "开发商延期交楼", "老旧小区外墙瓷砖脱落"},
     "住房维修资金的使用办法"},
    {"学位申请",
     Education,
     {"积分入学结果存在疑问", "学校违规收取补课费", "校外培训机构停课不退费"},
     "积分入学的申请时间和条件"},
    {"医疗服务",
     Health,
     {"医院就诊排队时间过长", "诊所收费不透明", "社区卫生服务中心疫苗短缺"},
     "家庭医生签约的办理方式"},
    {"医保报销",
     Insurance,
     {"异地就医报销迟迟未到账", "医保卡被冒用", "门诊特定病种待遇未落实"},
     "异地就医备案的办理流程"},
    {"公交线路",
     Transport,
     {"公交车长时间不到站", "公交司机不按站停车", "公交站台缺少遮雨棚"},
     "新开通公交线路的时刻表"},
    {"出租车", Transport, {"出租车司机拒载", "网约车绕路多收费", "出租车不打表议价"}, "网约车驾驶员证的办理"},
    {"污水排放", Environment, {"工厂偷排污水河涌发黑发臭", "小区化粪池满溢", "洗车场污水直排"}, "排污许可证的申请"},
    {"油烟扰民", Environment, {"楼下餐馆油烟直排扰民", "烧烤档油烟污染严重", "工厂排放刺鼻废气"}, "餐饮油烟治理的标准"},
    {"违法用地", Land, {"村民在农田上违法建房", "工业园区违规扩建厂房", "河道旁违规搭建铁皮房"}, "宅基地审批的条件"},
}};

constexpr std::array<const char *, 8> kPlaces {
    "某小区", "中海锦城", "万科金色家园", "碧桂园", "某工业园", "某商业街", "某城中村", "保利花园",
};
constexpr std::array<const char *, 6> kDurations {
    "已持续一周", "多次反映未果", "影响居民正常生活", "近期情况加重", "已向物业反映无果", "涉及多户居民",
};
constexpr std::array<const char *, 5> kRequests {
    "要求相关部门尽快处理", "希望尽快给予答复", "请求协调解决", "要求依法查处", "希望加强监管",
};
constexpr std::array<const char *, 4> kConsultTails {
    "希望告知办理流程和所需材料",
    "询问办理地点和时间",
    "想了解最新政策",
    "询问是否可以网上办理",
};

constexpr std::array<const char *, 30> kSurnames {
    "陈", "李", "黄", "梁", "何", "张", "王", "刘", "吴", "林", "罗", "周", "郑", "冯", "潘",
    "谢", "叶", "邓", "麦", "关", "区", "杜", "苏", "卢", "蔡", "赖", "彭", "钟", "余", "郭",
};
constexpr std::array<const char *, 24> kGivenNames {
    "伟", "芳", "敏", "静", "丽",   "强", "磊",   "军",   "洋",   "勇",   "艳",   "杰",
    "娟", "涛", "明", "超", "秀英", "霞", "志强", "嘉欣", "俊杰", "晓彤", "国华", "美玲",
};
constexpr std::array<const char *, 24> kMobilePrefixes {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "176", "177", "180", "186", "188", "189", "199",
};

constexpr std::array<const char *, 7> kChannels {"phone", "weibo", "wechat", "web", "petition", "interview", "walkin"};
constexpr std::array<double, 7> kChannelWeights {70, 4, 10, 8, 3, 2, 3};
constexpr std::array<TicketType, 5> kTypes {TicketType::Consult, TicketType::Complaint, TicketType::Help,
                                            TicketType::Suggestion, TicketType::Report};
constexpr std::array<const char *, 5> kTypeCodes {"consult", "complaint", "help", "suggestion", "report"};
constexpr std::array<double, 5> kTypeWeights {45, 25, 15, 7, 8};
constexpr std::array<double, 24> kHourWeights {1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 6, 9, 10, 9,
                                               7, 7,   9,   9,   8,   7,   6, 5, 4, 3, 2,  1.5};

// --- Civil dates without QDateTime (4 million instants to format) ---------------------------------------

struct Civil
{
    int year;
    int month;
    int day;
};

// Howard Hinnant's algorithms (public domain), proleptic Gregorian, days since 1970-01-01.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    return Civil {int(yoe + era * 400 + (m <= 2)), m, d};
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/** UTC seconds at which the local (UTC+8) day `days` (since 1970-01-01) starts. */
qint64 localDayStartS(qint64 days)
{
    return days * kDayS - kOffsetS;
}

/** The local day (days since 1970-01-01) of a UTC instant. */
qint64 localDayOf(qint64 utcS)
{
    return floorDiv(utcS + kOffsetS, kDayS);
}

void appendIso(QByteArray &out, qint64 utcS)
{
    const qint64 local = utcS + kOffsetS;
    const qint64 days = floorDiv(local, kDayS);
    const qint64 sod = local - days * kDayS;
    const Civil c = civilFromDays(days);
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year, c.month, c.day,
                                int(sod / 3600), int(sod / 60 % 60), int(sod % 60));
    out.append(buf, n);
}

void appendOptionalIso(QByteArray &out, const std::optional<qint64> &utcS)
{
    if (utcS)
        appendIso(out, *utcS);
}

/** An RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
void appendField(QByteArray &out, const QByteArray &value)
{
    if (value.contains(',') || value.contains('"') || value.contains('\n') || value.contains('\r')) {
        out.append('"');
        for (char c : value) {
            if (c == '"')
                out.append('"');
            out.append(c);
        }
        out.append('"');
    } else {
        out.append(value);
    }
}

// --- One ticket -------------------------------------------------------------------------------------------

struct Row
{
    QByteArray number;
    const char *channel = "phone";
    std::size_t type = 0; // index into kTypes
    std::size_t category = 0;
    std::optional<std::size_t> town;
    QByteArray department;
    QByteArray callerName;
    QByteArray callerPhone;
    QByteArray summary;
    qint64 registered = 0;
    std::optional<qint64> dispatched;
    std::optional<qint64> replied;
    std::optional<qint64> closed;
    const char *satisfaction = nullptr;
};

/** Fills everything but the number, the instants, department and satisfaction. */
class RowFactory
{
public:
    explicit RowFactory(Rng &rng)
        : m_rng(rng)
        , m_towns(kTownWeights)
        , m_channels(kChannelWeights)
        , m_types(kTypeWeights)
    {
    }

    void describe(Row &r, bool dispatchedType)
    {
        r.channel = kChannels[m_channels.pick(m_rng)];
        r.type = m_types.pick(m_rng);
        if (dispatchedType && r.type == 0 && m_rng.chance(0.5))
            r.type = 1 + std::size_t(m_rng.below(4)); // the board holds more handling than consult tickets
        r.category = std::size_t(m_rng.below(qint64(kCategories.size())));
        const std::size_t townIndex = m_towns.pick(m_rng);
        r.town = townIndex < kTowns.size() ? std::optional<std::size_t>(townIndex) : std::nullopt;
        caller(r);
        summary(r);
    }

    /** The town's government (half the time) or the category's bureau. */
    QByteArray department(const Row &r)
    {
        if (r.town && m_rng.chance(0.5))
            return QByteArray(kTowns[*r.town].government);
        return QByteArray(kBureaus[std::size_t(kCategories[r.category].bureau)]);
    }

    const char *satisfaction()
    {
        const double x = m_rng.real();
        return x < 0.78 ? "satisfied" : x < 0.94 ? "basic" : "unsatisfied";
    }

private:
    void caller(Row &r)
    {
        r.callerName.clear();
        r.callerPhone.clear();
        const double x = m_rng.real();
        if (x < 0.03)
            return; // anonymous
        if (x >= 0.10) {
            r.callerName = m_rng.pick(kSurnames);
            if (m_rng.chance(0.4))
                r.callerName += m_rng.chance(0.5) ? "先生" : "女士";
            else
                r.callerName += m_rng.pick(kGivenNames);
        }
        char digits[16];
        if (m_rng.chance(0.85)) {
            std::snprintf(digits, sizeof digits, "%s%08lld", m_rng.pick(kMobilePrefixes),
                          static_cast<long long>(m_rng.below(100000000)));
        } else {
            std::snprintf(digits, sizeof digits, "0757-8%07lld", static_cast<long long>(m_rng.below(10000000)));
        }
        r.callerPhone = digits;
    }

    void summary(Row &r)
    {
        const Category &c = kCategories[r.category];
        QByteArray &s = r.summary;
        s.clear();
        if (r.type == 0) {
            s += "市民咨询";
            s += c.topic;
            s += "，";
            s += m_rng.pick(kConsultTails);
            s += "。";
            return;
        }
        const char *issue = m_rng.pick(c.issues);
        if (m_rng.chance(0.03)) {
            // ASCII quotes and comma, as a typist sometimes enters them: exercises RFC 4180 quoting.
            s += "市民反映\"";
            s += issue;
            s += "\",";
            s += m_rng.pick(kRequests);
            return;
        }
        if (r.town) {
            s += kTowns[*r.town].name;
            s += m_rng.pick(kTowns[*r.town].roads);
        }
        s += m_rng.pick(kPlaces);
        s += issue;
        s += "，";
        if (m_rng.chance(0.7)) {
            s += m_rng.pick(kDurations);
            s += "，";
        }
        s += m_rng.pick(kRequests);
        s += "。";
    }

    Rng &m_rng;
    Weighted<9> m_towns;
    Weighted<7> m_channels;
    Weighted<5> m_types;
};

/** Buffered CSV output with the §7 header. */
class CsvOut
{
public:
    explicit CsvOut(const QString &path)
        : m_file(path)
    {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw BenchError(u"cannot write %1: %2"_s.arg(path, m_file.errorString()));
        m_buffer.reserve(kFlushAt + 4096);
        m_buffer += "number,channel,type,category,town,department,caller_name,caller_phone,summary,"
                    "registered_at,dispatched_at,replied_at,closed_at,satisfaction\n";
    }

    void write(const Row &r)
    {
        QByteArray &o = m_buffer;
        o += r.number;
        o += ',';
        o += r.channel;
        o += ',';
        o += kTypeCodes[r.type];
        o += ',';
        o += kCategories[r.category].name;
        o += ',';
        if (r.town)
            o += kTowns[*r.town].name;
        o += ',';
        appendField(o, r.department);
        o += ',';
        appendField(o, r.callerName);
        o += ',';
        o += r.callerPhone;
        o += ',';
        appendField(o, r.summary);
        o += ',';
        appendIso(o, r.registered);
        o += ',';
        appendOptionalIso(o, r.dispatched);
        o += ',';
        appendOptionalIso(o, r.replied);
        o += ',';
        appendOptionalIso(o, r.closed);
        o += ',';
        if (r.satisfaction)
            o += r.satisfaction;
        o += '\n';
        if (o.size() >= kFlushAt)
            flush();
    }

    qint64 finish()
    {
        flush();
        const qint64 size = m_file.size();
        m_file.close();
        return size;
    }

private:
    static constexpr qsizetype kFlushAt = 1 << 20;

    void flush()
    {
        if (m_file.write(m_buffer) != m_buffer.size())
            throw BenchError(u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
        m_buffer.clear();
    }

    QFile m_file;
    QByteArray m_buffer;
};

QByteArray ticketNumber(qint64 localDay, const char *console, int seq)
{
    const Civil c = civilFromDays(localDay);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d%02d%02d-%s-%04d", c.year % 100, c.month, c.day, console, seq);
    return QByteArray(buf);
}

SlaClass classOf(const SlaClock &sla, const Row &r)
{
    return sla.policy().classFor(kTypes[r.type], QString::fromUtf8(kCategories[r.category].name));
}

} // namespace

QString isoPlus8(qint64 utcS)
{
    QByteArray out;
    appendIso(out, utcS);
    return QString::fromLatin1(out);
}

GeneratedCsv writeHistoricalYearCsv(const QString &path, qint64 tickets, int year, const SlaClock &sla, quint64 seed)
{
    Rng rng(seed);
    RowFactory factory(rng);
    const WorkCalendar &calendar = sla.calendar();
    const qint64 firstDay = daysFromCivil(year, 1, 1);
    const qint64 endDay = daysFromCivil(year + 1, 1, 1);
    const qint64 cutoff = localDayStartS(endDay); // the export was taken at the end of the year

    // Tickets per day: off days (weekends, holidays) get 70 % of a working day's calls, summer a little more.
    QList<double> weights;
    double total = 0;
    for (qint64 d = firstDay; d < endDay; ++d) {
        const Civil c = civilFromDays(d);
        double w = calendar.isWorkingDay(QDate(c.year, c.month, c.day)) ? 1.0 : 0.7;
        if (c.month == 7 || c.month == 8)
            w *= 1.15;
        else if (c.month == 2)
            w *= 0.85;
        weights.append(w);
        total += w;
    }

    const Weighted<24> hours(kHourWeights);
    CsvOut out(path);
    GeneratedCsv stats;
    double cumulative = 0;
    qint64 written = 0;
    QList<qint64> times;
    Row r;
    for (qint64 d = firstDay; d < endDay; ++d) {
        cumulative += weights.at(d - firstDay);
        const qint64 upTo = d + 1 == endDay ? tickets : qint64(std::llround(double(tickets) * cumulative / total));
        const qint64 count = upTo - written;
        written = upTo;
        const qint64 dayStart = localDayStartS(d);
        times.clear();
        for (qint64 i = 0; i < count; ++i)
            times.append(dayStart + qint64(hours.pick(rng)) * 3600 + rng.below(3600));
        std::sort(times.begin(), times.end());

        for (qint64 i = 0; i < count; ++i) {
            r = Row {};
            r.number = ticketNumber(d, "90", int(i + 1));
            r.registered = times.at(i);
            factory.describe(r, false);
            const SlaClass cls = classOf(sla, r);

            if (cls == SlaClass::Consult && r.type == 0 && rng.chance(0.6)) {
                // Answered at intake: closed a few minutes later, sometimes rated on the spot.
                const qint64 closed = r.registered + rng.between(60, 900);
                if (closed < cutoff) {
                    r.closed = closed;
                    if (rng.chance(0.5))
                        r.satisfaction = factory.satisfaction();
                }
            } else {
                // Dispatchers work 08:00–20:00 every day; the night's tickets go out the next morning.
                qint64 dispatched = r.registered + rng.between(300, 3 * 3600);
                const qint64 sod = dispatched - localDayStartS(localDayOf(dispatched));
                if (sod < 8 * 3600)
                    dispatched = localDayStartS(localDayOf(dispatched)) + 8 * 3600 + 1800 + rng.below(5400);
                else if (sod >= 20 * 3600)
                    dispatched = localDayStartS(localDayOf(dispatched) + 1) + 8 * 3600 + 1800 + rng.below(5400);
                if (dispatched < cutoff) {
                    r.dispatched = dispatched;
                    r.department = factory.department(r);
                    const qint64 duration = sla.durationSeconds(cls);
                    const qint64 deadline = sla.deadline(dispatched, cls);
                    qint64 replied = 0;
                    bool late = false;
                    if (rng.chance(0.003)) {
                        replied = cutoff; // never answered: stays open and overdue
                    } else if (rng.chance(0.05)) {
                        late = true;
                        replied = calendar.addWorkingSeconds(deadline, rng.between(600, 3 * 7 * 3600));
                    } else {
                        const double f = 0.03 + 0.97 * std::pow(rng.real(), 0.8);
                        replied = calendar.addWorkingSeconds(dispatched,
                                                             std::max<qint64>(60, qint64(f * double(duration))));
                        replied = std::min(replied, deadline);
                    }
                    if (replied < cutoff) {
                        r.replied = replied;
                        stats.repliedLate += late;
                        const qint64 closed = replied + rng.between(3600, 72 * 3600); // the centre's callback
                        if (closed < cutoff) {
                            r.closed = closed;
                            if (rng.chance(0.85))
                                r.satisfaction = factory.satisfaction();
                        }
                    }
                }
            }
            stats.dispatched += r.dispatched.has_value();
            stats.closedAtIntake += r.closed && !r.dispatched;
            stats.open += !r.closed;
            stats.openUnanswered += r.dispatched && !r.replied;
            stats.surveyed += r.satisfaction != nullptr;
            out.write(r);
            ++stats.rows;
        }
    }
    stats.bytes = out.finish();
    return stats;
}

GeneratedCsv writeOpenBoardCsv(const QString &path, qint64 tickets, qint64 atS, const SlaClock &sla, quint64 seed)
{
    Rng rng(seed);
    RowFactory factory(rng);
    const WorkCalendar &calendar = sla.calendar();

    QList<Row> rows;
    rows.reserve(tickets);
    for (qint64 i = 0; i < tickets; ++i) {
        Row r;
        factory.describe(r, true);
        const qint64 duration = sla.durationSeconds(classOf(sla, r));
        const qint64 age = std::max<qint64>(60, qint64(rng.real() * 1.2 * double(duration)));
        const qint64 dispatched = std::min(calendar.addWorkingSeconds(atS, -age), atS - 60);
        r.dispatched = dispatched;
        r.registered = dispatched - rng.between(300, 4 * 3600);
        r.department = factory.department(r);
        rows.append(std::move(r));
    }
    // Numbers as the old system gave them: per registration day, in registration order.
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.registered < b.registered; });
    CsvOut out(path);
    GeneratedCsv stats;
    qint64 day = 0;
    int seq = 0;
    for (Row &r : rows) {
        const qint64 d = localDayOf(r.registered);
        seq = d == day ? seq + 1 : 1;
        day = d;
        r.number = ticketNumber(d, "91", seq);
        out.write(r);
        ++stats.rows;
        ++stats.dispatched;
        ++stats.open;
        ++stats.openUnanswered;
    }
    stats.bytes = out.finish();
    return stats;
}

} // namespace hotline::bench
