using PolicyMiner.Ingest.Metadata;

namespace PolicyMiner.Ingest.Tests;

public sealed class MetadataExtractorTests
{
    [Theory]
    [InlineData("二〇〇七年三月二十一日", "2007-03-21")]
    [InlineData("二○一九年十二月三十一日", "2019-12-31")]
    [InlineData("2015年4月28日", "2015-04-28")]
    [InlineData("2018-06-22", "2018-06-22")]
    [InlineData("（2016年2月18日）", "2016-02-18")]
    [InlineData("2016/2/8", "2016-02-08")]
    public void ParseWhole_DateLine_ReadsTheDate(string line, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateText.ParseWhole(line));
    }

    [Theory]
    [InlineData("2019年2月30日")]
    [InlineData("二〇〇七年十三月一日")]
    [InlineData("会议于2015年4月28日召开")]
    public void ParseWhole_NotAWholeValidDate_IsNull(string line)
    {
        Assert.Null(DateText.ParseWhole(line));
    }

    [Theory]
    [InlineData("郴州市人民政府", true)]
    [InlineData("青川市科学技术局", true)]
    [InlineData("云岭县人民政府办公室", true)]
    [InlineData("测试葡京网址", false)]
    [InlineData("关于成立科技创新领导小组", false)]
    [InlineData("各县（市、区）人民政府，市直各单位：", false)]
    public void IsOrganisation_Name_RecognisesGovernmentBodies(string text, bool expected)
    {
        Assert.Equal(expected, MetadataExtractor.IsOrganisation(text));
    }

    [Fact]
    public void Extract_CitedNumberInsideSentence_IsNotTheDocumentsOwn()
    {
        var metadata = Extract("关于做好科技工作的意见\n根据《青川市人民政府关于加快创新的决定》（青川政发〔2015〕8号）精神，现就做好2016年科技工作提出如下意见。");

        Assert.Null(metadata.DocNumber);
        Assert.Equal(2016, metadata.Year);
    }

    [Fact]
    public void Extract_UploadTimestampsOnly_LeaveTheDateUnknown()
    {
        var metadata = Extract("科技工作要点\n全年新增企业20家。", ("发布时间", "2018-06-22"), ("登记日期", "2009-11-23"));

        Assert.Null(metadata.Date);
    }

    [Fact]
    public void Extract_IssueDateField_IsUsedWhenTheTextHasNoDate()
    {
        var metadata = Extract("科技工作要点\n全年新增企业20家。", ("发文日期", "2018-06-22"));

        Assert.Equal(new DateOnly(2018, 6, 22), metadata.Date);
    }

    [Fact]
    public void Extract_SpamInPublisherField_IsNotTheIssuer()
    {
        var metadata = Extract("科技工作要点\n全年新增企业20家。", ("发布机构", "澳门某某网址"));

        Assert.Null(metadata.Issuer);
    }

    [Theory]
    [InlineData("潭市发〔2010〕3号", "湘潭市", "湖南省")]
    [InlineData("郴政发〔2007〕6号", "郴州市", "湖南省")]
    [InlineData("洛政〔2012〕15号", "洛阳市", "河南省")]
    [InlineData("湘政发〔2007〕2号", null, "湖南省")]
    [InlineData("青川政发〔2016〕3号", null, null)]
    public void Extract_OwnNumberPrefix_GivesRegionAndProvince(string number, string? region, string? province)
    {
        var metadata = Extract($"{number}\n关于加强科技工作的通知\n全年新增企业20家。");

        Assert.Equal(number, metadata.DocNumber);
        Assert.Equal(region, metadata.Region);
        Assert.Equal(province, metadata.Province);
    }

    [Theory]
    [InlineData("2018年科技创新工作要点", "全年新增企业20家。", 2018)]
    [InlineData("科技工作意见", "现就做好2012年科技工作提出如下意见。", 2012)]
    [InlineData("实施意见", "市政府决定，2007年在全市开展科技活动。", 2007)]
    [InlineData("青川市“十三五”科技创新规划", "到2020年达到2.5%。", null)]
    [InlineData("科技工作意见", "力争通过4年努力，建成创新型城市。", null)]
    public void Extract_PlanYear_ComesFromTitleOrOpeningNeverGuessed(string title, string body, int? year)
    {
        Assert.Equal(year, Extract($"{title}\n{body}").Year);
    }

    [Fact]
    public void Extract_BureauSpeakingOfItsOwnPartyGroup_IsNamedFromRegionAndSubject()
    {
        var text = "2018年科技创新工作要点\n全面加强局党组建设。（责任部门：局机关各科室、局属单位）";
        var metadata = MetadataExtractor.Extract(new MetadataInput(text, new Dictionary<string, string>(), [], ["kj.xiangtan.gov.cn"]));

        Assert.Equal("湘潭市", metadata.Region);
        Assert.Equal("湘潭市科技局", metadata.Issuer);
    }

    [Theory]
    [InlineData("国务院", "国务院")]
    [InlineData("国务院办公厅", "国务院办公厅")]
    [InlineData("国务院、中央军委", "国务院、中央军委")]
    [InlineData("国务院办公厅 中央军委办公厅", "国务院办公厅、中央军委办公厅")]
    [InlineData("东澜省科学技术厅、东澜省财政厅", "东澜省科学技术厅、东澜省财政厅")]
    [InlineData("国务院 2019年1月27日", null)]
    [InlineData("各县（市、区）人民政府、市直各单位", null)]
    public void Organisations_SingleOrJointIssuers_AreJoinedWithEnumerationComma(string text, string? expected)
    {
        Assert.Equal(expected, MetadataExtractor.Organisations(text));
    }

    [Fact]
    public void Extract_InformationTable_KeepsWrittenPublishedAndUploadedDatesApart()
    {
        var metadata = Extract(
            "关于加强科技工作的通知\n全年新增企业20家。",
            ("索引号", "000000001/2019-00007"), ("发文机关", "国务院"), ("成文日期", "2019年01月27日"), ("发文字号", "国发〔2019〕5号"),
            ("发布日期", "2019年02月15日"), ("发布时间", "2019-02-16 09:30"));

        Assert.Equal("国务院", metadata.Issuer);
        Assert.Equal("国发〔2019〕5号", metadata.DocNumber);
        Assert.Equal(new DateOnly(2019, 1, 27), metadata.Date);
        Assert.Equal(new DateOnly(2019, 2, 15), metadata.Published);
        Assert.Equal(new DateOnly(2019, 2, 16), metadata.Uploaded);
        Assert.Equal("000000001/2019-00007", metadata.IndexNumber);
    }

    [Theory]
    [InlineData("中华人民共和国国务院令\n第707号\n现公布《某某条例》，自2019年1月1日起施行。", "国令第707号")]
    [InlineData("国务院令第12号\n现公布《某某条例》。", "国令第12号")]
    [InlineData("西岭省人民政府令\n第200号\n《西岭省某某办法》已经省人民政府常务会议通过。", "西岭省人民政府令第200号")]
    [InlineData("国办发明电〔2018〕12号\n关于做好节日期间工作的通知\n各地要做好工作。", "国办发明电〔2018〕12号")]
    [InlineData("国办函〔2019〕1号\n关于同意建立工作机制的函\n同意建立。", "国办函〔2019〕1号")]
    [InlineData("青川政办字[2004]第6号\n关于做好科技工作的通知\n各单位：", "青川政办字[2004]第6号")]
    public void Extract_OwnNumberOfAnyShape_IsRead(string text, string expected)
    {
        Assert.Equal(expected, Extract(text).DocNumber);
    }

    [Theory]
    [InlineData("2008-03-28 青川市科技局")]
    [InlineData("青川市科技局 2008年3月28日")]
    public void Extract_BylineUnderTitle_GivesIssuerAndDate(string byline)
    {
        var metadata = Extract($"青川市2008年科技工作要点\n{byline}\n全年新增企业20家，科技投入增长10%，这是全市科技工作的主要目标和任务要求。");

        Assert.Equal("青川市科技局", metadata.Issuer);
        Assert.Equal(new DateOnly(2008, 3, 28), metadata.Date);
    }

    [Theory]
    [InlineData("苏政发〔2010〕3号", null, "江苏省")]
    [InlineData("蒙政发〔2010〕3号", null, "内蒙古自治区")]
    [InlineData("新政发〔2010〕3号", null, "新疆维吾尔自治区")]
    [InlineData("宜政发〔2010〕3号", null, null)]
    [InlineData("石政发〔2010〕3号", null, null)]
    [InlineData("株政发〔2010〕3号", "株洲市", "湖南省")]
    [InlineData("穗府〔2010〕3号", "广州市", "广东省")]
    [InlineData("甬政发〔2010〕3号", "宁波市", "浙江省")]
    [InlineData("黔东南州府发〔2010〕3号", "黔东南苗族侗族自治州", "贵州省")]
    public void Extract_NumberPrefixFromTheTable_GivesRegionOnlyWhenUnambiguous(string number, string? region, string? province)
    {
        var metadata = Extract($"{number}\n关于加强科技工作的通知\n全年新增企业20家。");

        Assert.Equal(region, metadata.Region);
        Assert.Equal(province, metadata.Province);
    }

    [Theory]
    [InlineData("江西省", "宜春市")]
    [InlineData("四川省", "宜宾市")]
    public void Extract_SharedNumberPrefix_IsSettledByTheProvinceTheTextNames(string province, string city)
    {
        var metadata = Extract($"宜政发〔2010〕3号\n关于加强科技工作的通知\n按照{province}科技工作会议精神，全年新增企业20家。");

        Assert.Equal(city, metadata.Region);
        Assert.Equal(province, metadata.Province);
    }

    [Fact]
    public void RegionTable_EveryProvinceAndPrefecture_IsListed()
    {
        Assert.Equal(32, RegionTable.Provinces.Count);
        Assert.Equal(333, RegionTable.All.Count);
        Assert.All(RegionTable.All, city => Assert.Contains(city.Province, RegionTable.Provinces));
    }

    [Theory]
    [InlineData("科技工作意见", "从2019年起，用三年时间建成创新平台。", 2019)]
    [InlineData("政府工作报告", "（2018年2月26日）\n从2016年开始，每年安排500万元设立助学基金。", 2018)]
    [InlineData("科技工作意见", "（2018年12月20日）\n从2019年起，用三年时间建成创新平台。", 2019)]
    [InlineData("科技工作意见", "根据《青川市科技发展规划》（青川政发〔2004〕6号），建成创新平台。\n二〇〇三年五月一日", null)]
    [InlineData("科技工作意见", "根据《青川市科技发展规划》（青川政发〔2004〕6号），建成创新平台。\n二〇〇五年五月一日", 2005)]
    public void Extract_PlanYear_FromStartYearAndNeverBeforeItsBasis(string title, string body, int? year)
    {
        Assert.Equal(year, Extract($"{title}\n{body}").Year);
    }

    // A work report without title or date: its part headings say which year it reviews and which it plans.
    [Theory]
    [InlineData("各位代表：\n一、2031年工作回顾\n全年新增企业20家。\n二、2032年目标任务\n新增企业30家。", 2032)]
    [InlineData("各位代表：\n一、2031年工作回顾\n全年新增企业20家。\n二、今年工作安排\n新增企业30家。", 2032)]
    [InlineData("各位代表：\n（一）2031年工作完成情况\n全年新增企业20家。", null)]
    [InlineData("各位代表：\n一、2031年工作回顾\n二、2033年重点工作\n新增企业30家。", 2033)]
    [InlineData("各位代表：\n我们将在2031年工作回顾的基础上继续推进。", null)]
    public void Extract_PlanYear_FromReportPartHeadings(string text, int? year)
    {
        Assert.Equal(year, Extract(text).Year);
    }

    [Theory]
    [InlineData("数字云岭2031行动方案", 2031)]
    [InlineData("云岭县2031年科技工作要点", 2031)]
    [InlineData("云岭县科技工作要点", null)]
    public void Extract_PlanYear_ReadsABareYearBetweenWordsOfTheTitle(string title, int? year)
    {
        Assert.Equal(year, Extract($"{title}\n全年新增企业20家。").Year);
    }

    [Fact]
    public void Extract_CitedBasis_IsListedWithItsNumberAndYear()
    {
        var metadata = Extract("青川政发〔2006〕1号\n关于加强科技工作的意见\n根据《青川市科技发展规划》（青川政发〔2004〕6号）和《西岭省某某条例》（西岭省人民政府令第3号），提出如下意见。");

        Assert.Equal(
            [new Core.Documents.CitedDocument("青川市科技发展规划", "青川政发〔2004〕6号", 2004), new Core.Documents.CitedDocument("西岭省某某条例", "西岭省人民政府令第3号", null)],
            metadata.Basis!);
        Assert.Equal(2006, metadata.Year);
    }

    [Fact]
    public void Extract_NumberPrefixOfACityInAnotherProvince_GivesNoRegion()
    {
        var metadata = Extract("株政发〔2010〕3号\n关于加强科技工作的通知\n按照西岭省科技工作会议精神，全年新增企业20家。");

        Assert.Null(metadata.Region);
    }

    private static Core.Documents.DocumentMetadata Extract(string text, params (string Key, string Value)[] fields) =>
        MetadataExtractor.Extract(new MetadataInput(text, fields.ToDictionary(f => f.Key, f => f.Value), [], []));
}
