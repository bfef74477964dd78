namespace PolicyMiner.Core.Text;

/// <summary>Options for <see cref="TextNormaliser"/>.</summary>
/// <param name="FoldTraditional">Fold common traditional characters to simplified (創新 → 创新).</param>
/// <param name="NormaliseNumbers">Full-width digits and letters to ASCII, and %, separators and range dashes inside numbers.</param>
/// <remarks>Garbage removal and radical folding are always on: they repair the text rather than restyle it.</remarks>
public sealed record NormalisationOptions(bool FoldTraditional = true, bool NormaliseNumbers = true)
{
    /// <summary>Everything on: the form every later stage works on.</summary>
    public static NormalisationOptions Default { get; } = new();

    /// <summary>Only repairs (garbage, radicals): the text as its author wrote it, for titles.</summary>
    public static NormalisationOptions AsWritten { get; } = new(FoldTraditional: false, NormaliseNumbers: false);
}

/// <summary>The result of normalising a text: the new text and its map back to the input.</summary>
public sealed record NormalisedText(string Text, OffsetMap Map)
{
    /// <summary>Garbage characters (□, U+FFFD, private-use, zero-width, control) removed.</summary>
    public int RemovedGarbage { get; init; }

    /// <summary>Traditional characters folded to simplified.</summary>
    public int FoldedTraditional { get; init; }
}

/// <summary>
/// Character-level normalisation of Chinese policy text: full-width digits and letters to ASCII, full-width
/// %, decimal points and separators inside numbers to ASCII, one dash for ranges, garbage removed, common
/// traditional characters folded to simplified. Punctuation between words (，：（）) is kept as written, and so are tabs:
/// they separate table cells.
/// </summary>
/// <remarks>Pure and thread-safe. Every output character maps back to the input offset it came from.</remarks>
public static class TextNormaliser
{
    // A compact table of traditional forms common in policy texts; only characters that are never
    // simplified forms themselves, so folding cannot damage a simplified text.
    private const string TraditionalChars = "並個傳價儀億優兩創劃動務勵區協參問國圍圖報場壓學實將專對導幣幾廠廢廣廳強彈彙從愛態憲應戰採擁擇擊擔據擴攜數斷於晉書會東條業極構樂標樣橋機檢權歷歸殘氣減測溫滿漢濟灣為無煥熱燈燒營獎獲獸現瑪環產畫當療發盡監盤碼礎礙礦禮稅種稱積穩窮競節範築簡籌紀納純紙級細終組絕絡統絲經綠維網編練縣縮總績織繩續纖罰聖聞聯職聽膽臺與舉艱華萬藝蘇蘭處號術衛裝製複見規視親覺覽觀訂計討訓記設許訴診評詞試話詳認誠誤說課調談請諸講證識譯議護讀變讓豐貝負財貢貧貨販貫責貴貸費貿資賓賞賢賣質購賽贊趨躍車軌軍軟較載輔輕輛輪輯輸轉辦農這連週進遊運過達違遠適遲選遺還邊鄉鄰醫釋針鈴銀銷鋼錄錢錯錶鍵鎮鐵長門閉開閒間閱闆關陸陽隊際隨險隱雙雜雞離難雲電靈靜韓響頁項順須預領頭頻題額顏願類顧顯風飛飯養餘館馬駐驅驗體鬥魚魯鮮鳥點齊齡龍";
    private const string SimplifiedChars = "并个传价仪亿优两创划动务励区协参问国围图报场压学实将专对导币几厂废广厅强弹汇从爱态宪应战采拥择击担据扩携数断于晋书会东条业极构乐标样桥机检权历归残气减测温满汉济湾为无焕热灯烧营奖获兽现玛环产画当疗发尽监盘码础碍矿礼税种称积稳穷竞节范筑简筹纪纳纯纸级细终组绝络统丝经绿维网编练县缩总绩织绳续纤罚圣闻联职听胆台与举艰华万艺苏兰处号术卫装制复见规视亲觉览观订计讨训记设许诉诊评词试话详认诚误说课调谈请诸讲证识译议护读变让丰贝负财贡贫货贩贯责贵贷费贸资宾赏贤卖质购赛赞趋跃车轨军软较载辅轻辆轮辑输转办农这连周进游运过达违远适迟选遗还边乡邻医释针铃银销钢录钱错表键镇铁长门闭开闲间阅板关陆阳队际随险隐双杂鸡离难云电灵静韩响页项顺须预领头频题额颜愿类顾显风飞饭养余馆马驻驱验体斗鱼鲁鲜鸟点齐龄龙";

    // Kangxi radicals and CJK radical supplements: PDF fonts (Noto CJK among them) often map ideograph glyphs
    // to these look-alike code points, so 青 comes out as ⻘ and 十 as ⼗.
    private const string RadicalChars = "⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕⺌⺍⺕⺗⺛⺟⺠⺤⺦⺨⺫⺮⺳⺷⺼⺾⻁⻂⻃⻄⻅⻆⻈⻉⻋⻍⻏⻐⻑⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻲⻳";
    private const string RadicalIdeographs = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠小小彐心旡母民爫丬犭罒竹罓羊肉艹虎衤覀西见角讠贝车辶阝钅长长门阝雨青韦页风飞食食饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙亀龟";

    private const char CjkStart = '\u2E80';
    private const char CjkEnd = '\u9FFF';

    // Marks a character of the CJK range whose normalisation depends on its neighbours (〜 between numbers).
    private const char SlowPath = '\uFFFF';

    // Lookup tables over U+2E80..U+9FFF (0 = unchanged): radicals, ideographic space and, in the first, traditional forms.
    private static readonly char[] FoldTable = BuildTable(foldTraditional: true);
    private static readonly char[] RadicalTable = BuildTable(foldTraditional: false);

    /// <summary>Normalises <paramref name="text"/> with <see cref="NormalisationOptions.Default"/>.</summary>
    public static NormalisedText Normalise(string text) => Normalise(text, NormalisationOptions.Default);

    /// <summary>Normalises <paramref name="text"/>; the map takes output offsets back to offsets in <paramref name="text"/>.</summary>
    public static NormalisedText Normalise(string text, NormalisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var table = options.FoldTraditional ? FoldTable : RadicalTable;
        using var builder = new OffsetTextBuilder(text.Length + 1);
        int removed = 0, folded = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // Fast paths: ideographs and CJK punctuation by table, plain ASCII as is.
            if (c is >= CjkStart and <= CjkEnd)
            {
                var mapped = table[c - CjkStart];
                if (mapped == '\0')
                {
                    builder.Append(c, i);
                    continue;
                }

                if (mapped != SlowPath)
                {
                    if (c >= '\u4E00' && mapped != c)
                    {
                        folded++;
                    }

                    builder.Append(mapped, i);
                    continue;
                }
            }
            else if (c is >= ' ' and <= '}' && c != '-')
            {
                if (c == ' ' && options.NormaliseNumbers && IsNumberPadding(text, i))
                {
                    continue;
                }

                builder.Append(c, i);
                continue;
            }

            if (IsGarbage(text, i))
            {
                removed++;
                continue;
            }

            if (!options.NormaliseNumbers)
            {
                builder.Append(c, i);
            }
            else if (c is >= '０' and <= '９')
            {
                builder.Append((char)(c - '０' + '0'), i);
            }
            else if (c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ')
            {
                builder.Append((char)(c - 'Ａ' + 'A'), i);
            }
            else if (c == '％' && IsDigit(builder.Last))
            {
                builder.Append('%', i);
            }
            else if (c is '．' or '，' or '：' && IsDigit(builder.Last) && NextIsDigit(text, i + 1))
            {
                // Decimal points, thousands separators and times inside numbers; between words they stay.
                var ascii = c switch { '．' => '.', '，' => ',', _ => ':' };
                builder.Append(ascii != ',' || ThreeDigitsFollow(text, i + 1) ? ascii : c, i);
            }
            else if (IsRangeDash(c) && IsRangeStart(builder.Last) && NextIsDigit(text, i + 1))
            {
                builder.Append('-', i);
            }
            else if (c is '\u00A0')
            {
                builder.Append(' ', i);
            }
            else
            {
                builder.Append(c, i);
            }
        }

        var (normalised, map) = builder.Build(text.Length);
        return new NormalisedText(normalised, map) { RemovedGarbage = removed, FoldedTraditional = folded };
    }

    /// <summary>True for characters that carry no text: □, U+FFFD, private-use, zero-width and control characters.</summary>
    public static bool IsGarbage(char c) =>
        c is '\u25A1' or '\uFFFD' or '\uFEFF' or (>= '\u200B' and <= '\u200F') or (>= '\uE000' and <= '\uF8FF')
        || (char.IsControl(c) && c is not '\n' and not '\t');

    private static bool IsGarbage(string text, int i)
    {
        var c = text[i];
        if (IsGarbage(c))
        {
            return true;
        }

        // Lone surrogates are broken characters; well-formed pairs are kept.
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>A lone space that PDF text extraction put around a number ("到 2025 年", "不低于 92%") or between the digits of one
    /// ("2 0 0 5年", "1 2种"): Chinese sets no space there, and every later stage reads the number and its words as one.</summary>
    /// <remarks>Only a single space: columns of a table laid out with spaces keep theirs, and so do Latin words ("PM 2.5", "5G 网络").</remarks>
    private static bool IsNumberPadding(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length || text[i - 1] == ' ' || text[i + 1] == ' ')
        {
            return false;
        }

        var before = text[i - 1];
        var after = text[i + 1];
        if (IsIdeograph(before) && IsDigit(after))
        {
            // Padding is set on both sides ("到 2025 年"); "科技局 2022年3月2日" is a signature whose date stands apart.
            return !NumberTouchesWord(text, i + 1) && !OpensDate(text, i + 1);
        }

        // After a number only when padding was set before it too ("到 2025 年"): "附表2 各乡镇…" is a caption's label.
        if ((((IsDigit(before) && PaddedBefore(text, i - 1)) || before == '%') && IsIdeograph(after))
            || (IsDigit(before) && after is '%' or '‰' && !IsRowNumberBeforeCell(text, i - 1)))
        {
            return true;
        }

        if (IsDigit(before) && IsSpacedDigit(text, i - 1))
        {
            // Spaced digits go on into a decimal point or a range ("6 .5 %", "1 6 0 ～ 3 0 0万").
            return ((IsDigit(after) || (after is '%' or '‰' && !IsRowNumberBeforeCell(text, i - 1))) && SpacedDigitsEndInWords(text, i + 1))
                || (after == '.' && i + 2 < text.Length && IsDigit(text[i + 2]))
                || (IsRangeDash(after) && i + 3 < text.Length && text[i + 2] == ' ' && IsDigit(text[i + 3]));
        }

        return IsRangeDash(before) && IsDigit(after) && i >= 3 && text[i - 2] == ' ' && IsDigit(text[i - 3]) && IsSpacedDigit(text, i - 3);
    }

    /// <summary>The whole number ending at <paramref name="i"/> opens its line and the % after its space stands apart as a cell
    /// ("6 % 预期性 4.5左右": a table row's number, then its unit column): the % is not the number's.</summary>
    private static bool IsRowNumberBeforeCell(string text, int i)
    {
        var start = i;
        while (start > 0 && IsDigit(text[start - 1]))
        {
            start--;
        }

        return (start == 0 || text[start - 1] == '\n') && i + 3 < text.Length && text[i + 3] == ' ';
    }

    /// <summary>The number starting at <paramref name="i"/> runs straight into an ideograph ("2022年").</summary>
    private static bool NumberTouchesWord(string text, int i)
    {
        while (i < text.Length && (IsDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        return i < text.Length && IsIdeograph(text[i]);
    }

    /// <summary>A date opens at <paramref name="i"/>: a year and a month, spaced or not ("2022 年 3 月").</summary>
    private static bool OpensDate(string text, int i)
    {
        var at = SkipDigits(text, i, out var yearDigits);
        at = SkipSpace(text, at);
        if (yearDigits != 4 || at >= text.Length || text[at] != '年')
        {
            return false;
        }

        at = SkipDigits(text, SkipSpace(text, at + 1), out var monthDigits);
        at = SkipSpace(text, at);
        return monthDigits is 1 or 2 && at < text.Length && text[at] == '月';
    }

    private static int SkipDigits(string text, int i, out int count)
    {
        var start = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        count = i - start;
        return i;
    }

    private static int SkipSpace(string text, int i) => i < text.Length && text[i] == ' ' ? i + 1 : i;

    /// <summary>The number ending at <paramref name="i"/> has a lone space before it and does not open its line (a section number,
    /// "7.2 本预案…", keeps its space).</summary>
    private static bool PaddedBefore(string text, int i)
    {
        while (i >= 0 && (IsDigit(text[i]) || text[i] == '.'))
        {
            i--;
        }

        return i >= 1 && text[i] == ' ' && text[i - 1] is not (' ' or '\t' or '\u3000' or '\n' or '\r');
    }

    /// <summary>The digit at <paramref name="i"/> stands alone: no digit touches it ("2 0 0 5", not "2020 2025").</summary>
    private static bool IsSpacedDigit(string text, int i) =>
        (i == 0 || !IsDigit(text[i - 1])) && (i + 1 >= text.Length || !IsDigit(text[i + 1]));

    /// <summary>From <paramref name="i"/>, a run of lone digits separated by single spaces that ends in a word, a percent sign, a
    /// decimal point or a range dash ("0 0 5年", "5 %", "2 .5", "6 0 ～"), not in a line break or a wider gap (a row of single-digit
    /// table cells).</summary>
    private static bool SpacedDigitsEndInWords(string text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            if (!IsSpacedDigit(text, i))
            {
                return false;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            if (next == ' ' && i + 2 < text.Length && text[i + 2] != ' ')
            {
                i += 2;
                continue;
            }

            return IsIdeograph(next) || next is '%' or '‰';
        }

        return i < text.Length && (IsIdeograph(text[i]) || text[i] is '%' or '‰' || IsRangeDash(text[i])
            || (text[i] == '.' && i + 1 < text.Length && IsDigit(text[i + 1])));
    }

    private static bool IsRangeDash(char c) => c is '-' or '—' or '–' or '－' or '～' or '〜' or '~' or '‐' or '‑' or '−' or '﹣';

    // A range dash follows a number, a percent sign or a counter/unit that ends the low end (2004年—2006年, 3万～5万).
    private static bool IsRangeStart(char c) =>
        IsDigit(c) || c is '%' or '年' or '月' or '日' or '万' or '亿' or '千' or '百' or '元' or '个' or '家' or '项' or '次' or '人' or '倍' or '号';

    private static bool NextIsDigit(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\u3000')
        {
            i++;
        }

        return i < text.Length && (IsDigit(text[i]) || text[i] is >= '０' and <= '９');
    }

    private static bool ThreeDigitsFollow(string text, int i)
    {
        var count = 0;
        while (i + count < text.Length && (IsDigit(text[i + count]) || text[i + count] is >= '０' and <= '９'))
        {
            count++;
        }

        return count == 3;
    }

    private static char[] BuildTable(bool foldTraditional)
    {
        var table = new char[CjkEnd - CjkStart + 1];
        for (var i = 0; i < RadicalChars.Length; i++)
        {
            table[RadicalChars[i] - CjkStart] = RadicalIdeographs[i];
        }

        if (foldTraditional)
        {
            for (var i = 0; i < TraditionalChars.Length; i++)
            {
                table[TraditionalChars[i] - CjkStart] = SimplifiedChars[i];
            }

            // A radical whose ideograph is a traditional form folds on to the simplified one.
            for (var i = 0; i < RadicalChars.Length; i++)
            {
                var ideograph = RadicalIdeographs[i];
                var index = TraditionalChars.IndexOf(ideograph, StringComparison.Ordinal);
                if (index >= 0)
                {
                    table[RadicalChars[i] - CjkStart] = SimplifiedChars[index];
                }
            }
        }

        table['\u3000' - CjkStart] = ' ';
        table['〜' - CjkStart] = SlowPath;
        return table;
    }
}
