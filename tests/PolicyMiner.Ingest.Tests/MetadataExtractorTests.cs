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

    private static Core.Documents.DocumentMetadata Extract(string text, params (string Key, string Value)[] fields) =>
        MetadataExtractor.Extract(new MetadataInput(text, fields.ToDictionary(f => f.Key, f => f.Value), [], []));
}
