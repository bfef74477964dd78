using System.Collections.Frozen;

namespace PolicyMiner.Ingest.Metadata;

/// <summary>A prefecture-level city: its name, province, the one-character prefix of its document numbers and its host-name pinyin.</summary>
public sealed record City(string Name, string Province, string? NumberPrefix, string Pinyin)
{
    /// <summary>The name without its administrative suffix (郴州市 → 郴州).</summary>
    public string ShortName => Name.EndsWith('市') ? Name[..^1] : Name;
}

/// <summary>
/// A compact table of common prefectures (all of Hunan, Henan's larger cities, provincial capitals and large
/// cities elsewhere) and of provinces' one-character abbreviations, for inferring region and province.
/// </summary>
/// <remarks>Deliberately incomplete: a city not listed gives no inference (null), never a guess. Immutable and thread-safe.</remarks>
public static class RegionTable
{
    private static readonly City[] Cities =
    [
        new("长沙市", "湖南省", "长", "changsha"), new("株洲市", "湖南省", "株", "zhuzhou"), new("湘潭市", "湖南省", "潭", "xiangtan"),
        new("衡阳市", "湖南省", "衡", "hengyang"), new("邵阳市", "湖南省", "邵", "shaoyang"), new("岳阳市", "湖南省", "岳", "yueyang"),
        new("常德市", "湖南省", "常", "changde"), new("张家界市", "湖南省", "张", "zhangjiajie"), new("益阳市", "湖南省", "益", "yiyang"),
        new("郴州市", "湖南省", "郴", "chenzhou"), new("永州市", "湖南省", "永", "yongzhou"), new("怀化市", "湖南省", "怀", "huaihua"),
        new("娄底市", "湖南省", "娄", "loudi"), new("郑州市", "河南省", "郑", "zhengzhou"), new("洛阳市", "河南省", "洛", "luoyang"),
        new("开封市", "河南省", "汴", "kaifeng"), new("新乡市", "河南省", null, "xinxiang"), new("南阳市", "河南省", "宛", "nanyang"),
        new("安阳市", "河南省", null, "anyang"), new("许昌市", "河南省", "许", "xuchang"), new("焦作市", "河南省", "焦", "jiaozuo"),
        new("武汉市", "湖北省", "武", "wuhan"), new("宜昌市", "湖北省", "宜", "yichang"), new("襄阳市", "湖北省", "襄", "xiangyang"),
        new("广州市", "广东省", "穗", "guangzhou"), new("深圳市", "广东省", "深", "shenzhen"), new("东莞市", "广东省", "东", "dg"),
        new("南京市", "江苏省", "宁", "nanjing"), new("无锡市", "江苏省", "锡", "wuxi"), new("徐州市", "江苏省", "徐", "xuzhou"),
        new("苏州市", "江苏省", null, "suzhou"), new("南通市", "江苏省", "通", "nantong"), new("扬州市", "江苏省", "扬", "yangzhou"),
        new("常州市", "江苏省", null, "changzhou"), new("杭州市", "浙江省", "杭", "hangzhou"), new("宁波市", "浙江省", "甬", "ningbo"),
        new("温州市", "浙江省", "温", "wenzhou"), new("成都市", "四川省", "成", "chengdu"), new("西安市", "陕西省", null, "xa"),
        new("济南市", "山东省", "济", "jinan"), new("青岛市", "山东省", "青", "qingdao"), new("合肥市", "安徽省", "合", "hefei"),
        new("福州市", "福建省", "榕", "fuzhou"), new("厦门市", "福建省", "厦", "xm"), new("南昌市", "江西省", "洪", "nc"),
        new("石家庄市", "河北省", "石", "sjz"), new("太原市", "山西省", "并", "taiyuan"), new("沈阳市", "辽宁省", "沈", "shenyang"),
        new("大连市", "辽宁省", "大", "dl"), new("长春市", "吉林省", null, "changchun"), new("哈尔滨市", "黑龙江省", "哈", "harbin"),
        new("昆明市", "云南省", "昆", "km"), new("贵阳市", "贵州省", "筑", "guiyang"), new("南宁市", "广西壮族自治区", "南", "nanning"),
        new("海口市", "海南省", "海", "haikou"), new("兰州市", "甘肃省", "兰", "lanzhou"), new("银川市", "宁夏回族自治区", "银", "yinchuan"),
        new("呼和浩特市", "内蒙古自治区", "呼", "huhhot"), new("乌鲁木齐市", "新疆维吾尔自治区", "乌", "urumqi"), new("西宁市", "青海省", null, "xining"),
        new("拉萨市", "西藏自治区", null, "lasa"),
    ];

    private static readonly string[] Provinces =
    [
        "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省",
        "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
        "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    ];

    // Provinces' document-number abbreviations (湘政发 → 湖南省). 宁 and 苏 are left out: they clash with 南京 / 苏州 usage.
    private static readonly FrozenDictionary<char, string> ProvinceAbbreviations = new Dictionary<char, string>
    {
        ['京'] = "北京市", ['津'] = "天津市", ['沪'] = "上海市", ['渝'] = "重庆市", ['冀'] = "河北省", ['晋'] = "山西省",
        ['辽'] = "辽宁省", ['吉'] = "吉林省", ['黑'] = "黑龙江省", ['浙'] = "浙江省", ['皖'] = "安徽省", ['闽'] = "福建省",
        ['赣'] = "江西省", ['鲁'] = "山东省", ['豫'] = "河南省", ['鄂'] = "湖北省", ['湘'] = "湖南省", ['粤'] = "广东省",
        ['琼'] = "海南省", ['川'] = "四川省", ['黔'] = "贵州省", ['滇'] = "云南省", ['陕'] = "陕西省", ['甘'] = "甘肃省",
        ['桂'] = "广西壮族自治区", ['藏'] = "西藏自治区",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, City> ByPrefix =
        Cities.Where(c => c.NumberPrefix is not null).ToFrozenDictionary(c => c.NumberPrefix![0]);

    private static readonly FrozenDictionary<string, City> ByPinyin = Cities.ToFrozenDictionary(c => c.Pinyin, StringComparer.Ordinal);

    /// <summary>Every city in the table.</summary>
    public static IReadOnlyList<City> All => Cities;

    /// <summary>The city whose full or short name starts <paramref name="text"/> (郴州市人民政府 → 郴州市).</summary>
    public static City? CityAtStart(ReadOnlySpan<char> text)
    {
        foreach (var city in Cities)
        {
            if (text.StartsWith(city.ShortName, StringComparison.Ordinal))
            {
                return city;
            }
        }

        return null;
    }

    /// <summary>The province whose name starts <paramref name="text"/> (湖南省科技厅 → 湖南省).</summary>
    public static string? ProvinceAtStart(ReadOnlySpan<char> text)
    {
        foreach (var province in Provinces)
        {
            var shortName = province.AsSpan(0, province.Length - (province.EndsWith('省') || province.EndsWith('市') ? 1 : 0));
            if (text.StartsWith(shortName, StringComparison.Ordinal))
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>The city of a document-number prefix (郴政发 → 郴州市, 潭市发 → 湘潭市); province prefixes give none.</summary>
    /// <remarks>Only a one-character abbreviation counts: the next character must be a document-type character
    /// (政, 市, 发, 办, 委, 府 …), so a two-character place name such as 青川 is not read as 青 (青岛).</remarks>
    public static City? CityOfNumberPrefix(ReadOnlySpan<char> prefix) =>
        prefix.Length < 2 || ProvinceAbbreviations.ContainsKey(prefix[0]) || !IsTypeCharacter(prefix[1])
            ? null
            : ByPrefix.GetValueOrDefault(prefix[0]);

    /// <summary>The province of a provincial document-number prefix (湘政发 → 湖南省).</summary>
    public static string? ProvinceOfNumberPrefix(ReadOnlySpan<char> prefix) =>
        prefix.Length < 2 || !IsTypeCharacter(prefix[1]) ? null : ProvinceAbbreviations.GetValueOrDefault(prefix[0]);

    private static bool IsTypeCharacter(char c) => c is '政' or '市' or '发' or '办' or '委' or '府' or '字' or '科' or '财' or '教' or '农' or '函' or '通';

    /// <summary>The city named by a label of a host name (xtst.xiangtan.gov.cn → 湘潭市).</summary>
    public static City? CityOfHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var label in host.Split('.'))
        {
            if (label.Length >= 4 && ByPinyin.TryGetValue(label, out var city))
            {
                return city;
            }
        }

        return null;
    }
}
